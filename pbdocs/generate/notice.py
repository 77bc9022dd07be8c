"""The notice (`pbdocs notice`): a GB/T 9704 red-head document for each kind of source.

- a plan (实施方案, 意见, 办法 …) is handed on in a notice of the issuer's: 印发 (its own), or
  转发 / 批转 when asked (`verb`): 关于印发《X》的通知, the plan on a new page after it;
- a source that is itself a 通知 is never wrapped in a notice that 印发s it: it is set as the
  red-head document it is (its title, 主送, body, 附件说明, 署名 and date), or, when another
  organ hands it on (`--issuer` other than the source's, or `--verb 转发`), forwarded in a
  关于转发《X》的通知 followed by the notice as its issuer wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from pbdocs.errors import InputError
from pbdocs.generate.plan import plan_blocks
from pbdocs.lang import wording
from pbdocs.model import Document

VERBS = ("印发", "转发", "批转")
NOTICE_KIND = "通知"


def split_list(value: str | list[str] | None) -> list[str] | None:
    """`a、b，c` (as a person types it) → `["a", "b", "c"]`; None stays None."""
    if value is None:
        return None
    items = value if isinstance(value, list) else re.split(r"[、，,；;]", value)
    return [x.strip().rstrip("。：:") for x in items if x and x.strip()]


def is_notice(doc: Document) -> bool:
    """Whether the source is itself a 通知 (not a plan that came with its 印发 notice)."""
    kind = doc.kind or ""
    title = (doc.title or "").strip()
    return doc.notice is None and (kind == NOTICE_KIND or title.endswith(NOTICE_KIND))


def attachments_of(doc: Document) -> list[str]:
    """The source's 附件 as its 附件说明 names them (`["关于…的通知"]`): the model's field when
    parsing fills one, else the 附件 list at the end of the text parsing read (numbers and file
    extensions removed); [] when there is none."""
    given = getattr(doc, "attachments", None)
    if given:
        return [str(getattr(a, "title", a)) for a in given]
    text = getattr(doc, "text", None) or ""
    lines = [x.strip() for x in text.split("\n")]
    for i in range(len(lines) - 1, -1, -1):
        m = re.match(r"^附件\s*[:：]\s*(.*)$", lines[i])
        if not m:
            continue
        items = [m.group(1)] if m.group(1) else []
        for line in lines[i + 1:i + 12]:
            if not re.match(r"^\d{1,2}\s*[.．、]", line):
                break
            items.append(line)
        out = [re.sub(r"\.(docx?|xlsx?|pdf|wps|zip|rar)$", "",
                      re.sub(r"^\d{1,2}\s*[.．、]\s*", "", x)).strip() for x in items]
        return [x for x in out if x]
    return []


def _mode(doc: Document, verb: str | None, issuer: str | None) -> tuple[str, str | None]:
    """`self` (the source set as the notice it is), `wrap` (a notice that hands it on), and
    the note that tells the person what was done when it is not what they might expect."""
    if not is_notice(doc):
        return "wrap", None
    name = f"《{wording.book_title(doc.title)}》" if doc.title else "原文"
    if verb == "印发":
        raise InputError(f"{name}本身是一份通知，不能再用“关于印发……的通知”印发它：转发请用 "
                         "--verb 转发 并用 --issuer 写明转发机关；直接排版原通知请不加 --verb。")
    other = issuer and doc.issuer and issuer.strip() != doc.issuer
    if verb in ("转发", "批转") or other:
        return "wrap", (f"{name}本身是一份通知：已写成{verb or '转发'}通知，"
                        "原通知附在其后，没有再用“关于印发……的通知”。")
    return "self", (f"{name}本身是一份通知：已按公文格式排版原通知，没有再套一层"
                    "“关于印发……的通知”；如需转发，请用 --verb 转发 --issuer 转发机关。")


def notice_context(doc: Document, issuer: str | None = None, number: str | None = None,
                   date: str | None = None, to: str | list[str] | None = None,
                   cc: str | list[str] | None = None, printer: str | None = None,
                   star: bool | None = None, verb: str | None = None,
                   title: str | None = None, sealed: bool = False,
                   signer: str | list[str] | None = None,
                   attachments: str | list[str] | None = None) -> dict[str, Any]:
    """The notice's facts: what parsing found, overridden by what the person passed; a fact
    nobody gave is None (the template shows a placeholder, never a guess). `verb` is 印发 for
    one's own document, 转发 for another organ's, 批转 for a subordinate's; None: 印发 for a
    plan, and a 通知 set as itself (or 转发 when `issuer` is another organ than its own)."""
    if verb is not None and verb not in VERBS:
        raise InputError(f"“{verb}”不是通知的行文方式：应为{'、'.join(VERBS)}之一。")
    mode, note = _mode(doc, verb, issuer)
    if mode == "wrap" and verb is None:
        verb = "转发" if is_notice(doc) else "印发"
    source_issuer = doc.issuer
    notice = doc.notice
    own = mode == "self" or verb == "印发"
    issuer = (issuer or "").strip() or (source_issuer if own else None)
    if number:
        doc_number = wording.normalize_doc_number(number)
        if doc_number is None:
            raise InputError(f"发文字号“{number}”格式不对：应为“机关代字〔年份〕序号号”，"
                             "如“某组〔2020〕5号”。")
    elif own:
        doc_number = wording.normalize_doc_number(
            (notice.doc_number if notice else None) or doc.doc_number)
    else:
        doc_number = None  # the forwarding organ's own number: nobody gave it
    source_date = (notice.date if notice and notice.date else None) or doc.date
    if date:
        iso = wording.parse_user_date(date)
        if iso is None:
            raise InputError(f"成文日期“{date}”无法识别：请写成 2020-11-30 或 2020年11月30日。")
    else:
        iso = source_date if own else None
    recipients = split_list(to) if to is not None else list(doc.recipients)
    plan_title = (title or "").strip() or doc.title
    if not plan_title:
        from pbdocs.metadata import suggested_title

        guess = suggested_title(doc)
        note = (note or "") + ("原文中没有识别出标题：通知里留有“（文件标题）”占位，"
                               "可用 --title 给出标题。")
        if guess:
            note += f"据导语，标题可拟为《{wording.book_title(guess)}》（工具建议，请核对）。"
    signers = split_list(signer) or []
    return {
        "mode": mode,
        "note": note,
        "issuer": issuer,
        "masthead": f"{issuer}文件" if issuer else None,
        "doc_number": doc_number,
        "signer": "、".join(signers) or None,
        "date": wording.cn_date(iso) or None,
        "date_iso": iso,
        "recipients": recipients,
        "source_recipients": list(doc.recipients),
        "cc": split_list(cc) or [],
        "printer": (printer or "").strip() or issuer,
        "plan_title": plan_title,
        "notice_title": (f"关于{verb}《{wording.book_title(plan_title)}》的通知"
                         if mode == "wrap" and plan_title else
                         plan_title if mode == "self" else None),
        "verb": verb,
        "sealed": bool(sealed),
        # Party organs put a ★ in the red rule (GB/T 9704 practice); a 中共 issuer is one.
        "star": star if star is not None else bool(issuer and issuer.startswith("中共")),
        "attachments": split_list(attachments) or attachments_of(doc),
        "source_issuer": source_issuer,
        "source_date": wording.cn_date(source_date) or None,
        "blocks": plan_blocks(doc),
        "doc_id": doc.id,
    }
