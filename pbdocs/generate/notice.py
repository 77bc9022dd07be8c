"""The 印发 notice: the plan wrapped in a GB/T 9704 notice (`pbdocs notice`)."""

from __future__ import annotations

import re
from typing import Any

from pbdocs.errors import InputError
from pbdocs.generate.plan import plan_blocks
from pbdocs.lang import wording
from pbdocs.model import Document

VERBS = ("印发", "转发", "批转")


def split_list(value: str | list[str] | None) -> list[str] | None:
    """`a、b，c` (as a person types it) → `["a", "b", "c"]`; None stays None."""
    if value is None:
        return None
    items = value if isinstance(value, list) else re.split(r"[、，,；;]", value)
    return [x.strip().rstrip("。：:") for x in items if x and x.strip()]


def notice_context(doc: Document, issuer: str | None = None, number: str | None = None,
                   date: str | None = None, to: str | list[str] | None = None,
                   cc: str | list[str] | None = None, printer: str | None = None,
                   star: bool | None = None, verb: str = "印发") -> dict[str, Any]:
    """The notice's facts: what parsing found, overridden by what the person passed; a fact
    nobody gave is None (the template shows a placeholder, never a guess). `verb` is 印发 for
    one's own document, 转发 for another organ's, 批转 for a subordinate's."""
    if verb not in VERBS:
        raise InputError(f"“{verb}”不是通知的行文方式：应为{'、'.join(VERBS)}之一。")
    notice = doc.notice
    issuer = (issuer or "").strip() or doc.issuer
    if number:
        doc_number = wording.normalize_doc_number(number)
        if doc_number is None:
            raise InputError(f"发文字号“{number}”格式不对：应为“机关代字〔年份〕序号号”，"
                             "如“某组〔2020〕5号”。")
    else:
        doc_number = wording.normalize_doc_number(
            (notice.doc_number if notice else None) or doc.doc_number)
    if date:
        iso = wording.parse_user_date(date)
        if iso is None:
            raise InputError(f"成文日期“{date}”无法识别：请写成 2020-11-30 或 2020年11月30日。")
    else:
        iso = (notice.date if notice and notice.date else None) or doc.date
    recipients = split_list(to) if to is not None else list(doc.recipients)
    return {
        "issuer": issuer,
        "masthead": f"{issuer}文件" if issuer else None,
        "doc_number": doc_number,
        "date": wording.cn_date(iso) or None,
        "date_iso": iso,
        "recipients": recipients,
        "cc": split_list(cc) or [],
        "printer": (printer or "").strip() or issuer,
        "plan_title": doc.title,
        "notice_title": (f"关于{verb}《{wording.book_title(doc.title)}》的通知"
                         if doc.title else None),
        "verb": verb,
        # Party organs put a ★ in the red rule (GB/T 9704 practice); a 中共 issuer is one.
        "star": star if star is not None else bool(issuer and issuer.startswith("中共")),
        "blocks": plan_blocks(doc),
        "doc_id": doc.id,
    }
