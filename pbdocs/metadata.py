"""Metadata of a policy text: title, kind, issuer, institution, 发文字号, 成文日期, 主送机关, and
the 印发/转发 notice wrapping a plan. Also tells the outline where the body starts and ends.

Rules, not per-document facts: front matter is read from the first paragraphs (letterhead,
发文字号, title lines, 主送机关, a notice body up to its signature), end matter from the last ones
(signature and date, 版记). Patterns live in `lexicon/` (kinds, org suffixes, notice patterns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pbdocs.lang.lexicon import alternation, entries, per_lexicon
from pbdocs.lang.numerals import cn_to_int
from pbdocs.markers import match_marker
from pbdocs.model import Notice, Warning
from pbdocs.normalize import DOC_NO_LINE as _DOC_NO
from pbdocs.normalize import is_org_line

_CN_DATE = re.compile(r"^([〇○零O一二三四五六七八九\d]{4})\s*年"
                      r"\s*([一二三四五六七八九十\d]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十\d]{1,3})\s*日$")
_NUM_DATE = re.compile(r"^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
# A line under a title that dates it: （2021年7月15日党委常委会审议通过）.
_ADOPTED = re.compile(r"^[（(]([\d〇○零一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,3}月"
                      r"[\d一二三四五六七八九十]{1,3}日)[^（）()]{0,30}[）)]$")
_BROKEN_DATE = re.compile(r"^(?:19|20)\d{5,6}$|^(?:19|20)\d{2}\d{1,2}月\d{1,2}日$")
_TERMINAL = re.compile(r"[。！？；!?;]")


@per_lexicon()
def _lead_org_re() -> re.Pattern:
    """An issuer at the start of a title: 中共X委员会关于…, X大学(党委)(组织部)关于…"""
    return re.compile(r"^((?:中共|中国共产党|中國共產黨)[\u4e00-\u9fff]{2,24}?(?:委员会|委員會)|"
                      rf"[\u4e00-\u9fff]{{2,24}}?(?:{alternation('institution_suffixes.txt')})"
                      r"(?:党委|委员会|黨委|委員會)?"
                      r"(?:[\u4e00-\u9fff]{1,8}?(?:部|处|办公室|辦公室|處))?"  # 党委组织部关于…
                      r"(?=关于|印发|转发|關於|印發|轉發))")


@dataclass
class Meta:
    """What the front and end matter say about the document, and where its body lies."""

    title: str | None = None
    kind: str | None = None
    issuer: str | None = None
    institution: str | None = None
    doc_number: str | None = None
    date: str | None = None
    recipients: list[str] = field(default_factory=list)
    notice: Notice | None = None
    body_start: int = 0  # index of the first body paragraph
    body_end: int = 0  # index after the last body paragraph
    warnings: list[Warning] = field(default_factory=list)


@per_lexicon()
def _patterns() -> dict[str, list[re.Pattern]]:
    out: dict[str, list[re.Pattern]] = {"title": [], "body": [], "end": [], "self": []}
    for e in entries("notice_patterns.txt"):
        tag, rx = ("title", e)
        if e.startswith("@"):
            tag, rx = e[1:].split(" ", 1)
        out[tag].append(re.compile(rx.strip()))
    return out


@per_lexicon()
def _kind_re() -> re.Pattern:
    return re.compile(f"({alternation('kinds.txt')})$")


def parse_date(s: str) -> str | None:
    """`2020年11月30日`, `二〇二一年七月十五日`, `2020-12-14` → `YYYY-MM-DD`; None if not a date."""
    s = s.strip()
    m = _NUM_DATE.match(s) or _CN_DATE.match(s)
    if not m:
        return None
    y, mo, d = m.groups()
    year = int("".join(str(cn_to_int(c) or 0) for c in y.replace("O", "〇").replace("○", "〇")))
    month, day = cn_to_int(mo) or 0, cn_to_int(d) or 0
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 < year < 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def kind_of(title: str | None) -> str | None:
    """The genre word a title ends in (a trailing （试行）/（2021-2023年） is skipped)."""
    if not title:
        return None
    t = re.sub(r"([（(][^（）()]{1,16}[）)])+$", "", title)
    m = _kind_re().search(t)
    return m.group(1) if m else None


def institution_of(issuer: str | None) -> str | None:
    """The institution an issuer belongs to: 中共XX大学委员会 → XX大学; None if it names none."""
    if not issuer:
        return None
    name = re.sub(r"^(中共|中国共产党|中國共產黨)", "", issuer)
    m = re.match(f"^(.*(?:{alternation('institution_suffixes.txt')}))", name)
    return m.group(1) if m and len(m.group(1)) >= 3 else None


def _titleish(p: str) -> bool:
    return (len(p) <= 90 and not _TERMINAL.search(p) and match_marker(p) is None
            and not p.endswith(("：", ":")) and parse_date(p) is None and not _DOC_NO.match(p))


def _title_group(pars: list[str], i: int, limit: int) -> tuple[str | None, int]:
    """A title over one to four lines from `i` that ends in a genre word (an issuer's line over a
    事由 broken twice, 中共X委员会/关于…/…的/实施方案); (title, next index)."""
    best: tuple[str | None, int] = (None, i)
    text = ""
    for j in range(i, min(i + 4, limit)):
        if not _titleish(pars[j]):
            break
        text += pars[j]
        if kind_of(text):
            best = (text, j + 1)
    return best


def _recipients(p: str) -> list[str]:
    """主送机关 split on 、 and ，(and a half-width comma), never inside brackets."""
    out, cur, depth = [], "", 0
    for ch in p.rstrip("：:"):
        depth += (ch in "（(") - (ch in "）)")
        if ch in "、，," and depth <= 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [x.strip() for x in [*out, cur] if x.strip()]


def _is_recipients(p: str) -> bool:
    return p.endswith(("：", ":")) and len(p) <= 80 and not _TERMINAL.search(p) \
        and match_marker(p) is None


_ORG_AND_DATE = re.compile(r"^(?P<org>.+?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|"
                           r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
                           r"[一二三四五六七八九十]{1,3}日)$")


def _signature(pars: list[str], j: int) -> tuple[str, str, int] | None:
    """(signer, date, index after) when a signature starts at paragraph j: one to three body
    names (联合发文) over a date line, or a name and its date on one line."""
    m = _ORG_AND_DATE.match(pars[j]) if j < len(pars) else None
    if m and is_org_line(m.group("org")) and parse_date(m.group("date")):
        return m.group("org"), parse_date(m.group("date")), j + 1
    k = j
    while k < len(pars) and k < j + 3 and is_org_line(pars[k]):
        k += 1
    if k > j and k < len(pars) and parse_date(pars[k]):
        return pars[j], parse_date(pars[k]), k + 1
    if k > j and k < len(pars) and _BROKEN_DATE.match(pars[k]):
        return pars[j], None, k + 1  # a signature whose date lost its 年月日 (warned by normalize)
    return None


def _lead_org(title: str | None) -> str | None:
    m = _lead_org_re().match(title or "")
    return m.group(1) if m else None


def _front(pars: list[str], meta: Meta) -> tuple[int, str | None, str | None]:
    """Letterhead, 发文字号 and a posting date before the title: (next index, org, date)."""
    i, head_org, posting = 0, None, None
    while i < len(pars):
        p = pars[i]
        if p.endswith("文件") and is_org_line(p[:-2]):
            head_org = p[:-2]
        elif is_org_line(p) and i + 1 < len(pars) and _DOC_NO.match(pars[i + 1]):
            head_org = p  # a letterhead without 文件, recognised by the 发文字号 under it
        elif _DOC_NO.match(p) and meta.doc_number is None:
            meta.doc_number = p
        elif parse_date(p) and posting is None:
            posting = parse_date(p)
        else:
            break
        i += 1
    return i, head_org, posting


def _notice(pars: list[str], i: int, meta: Meta, title: str, plan: str) -> tuple[int, str | None]:
    """Read a 印发/转发 notice from after its title up to the plan: (next index, its signer)."""
    n, signer = len(pars), None
    notice = meta.notice = Notice(title=title, doc_number=meta.doc_number)
    while i < n and (_DOC_NO.match(pars[i]) or parse_date(pars[i])):
        if _DOC_NO.match(pars[i]):
            notice.doc_number = meta.doc_number = meta.doc_number or pars[i]
        else:
            notice.date = parse_date(pars[i])
        i += 1
    if i < n and _is_recipients(pars[i]):
        meta.recipients = _recipients(pars[i])
        i += 1
    body: list[str] = []
    j = i
    while j < n and j < i + 12 and match_marker(pars[j]) is None:
        sig = _signature(pars, j)
        if sig:  # the notice ends with its own signature and date
            signer, date, after = sig
            notice.date = date or notice.date
            body, i = pars[i:j], after
            break
        j += 1
    else:  # no signature: only the sentences that hand the plan on are the notice's
        while i < n and any(rx.search(pars[i]) for rx in _patterns()["body"]):
            body.append(pars[i])
            i += 1
    notice.body = "\n".join(body) or None
    # the 附件 label over the plan it hands on, and a publication note such as （此件公开发布）
    while i < n and (re.match(r"^附件\s*\d*\s*[：:]?\s*$", pars[i])
                     or re.match(r"^[（(]此件[^（）()]{1,16}[）)]$", pars[i])):
        i += 1
    own, after = _title_group(pars, i, n)
    if "《" in plan:  # 印发《A》《B》的通知: the first plan names the file
        plan = plan.split("》")[0]
    meta.title, i = (own, after) if own else (re.sub(r"\s+", "", plan), i)
    return i, signer


def _end(pars: list[str], start: int) -> tuple[int, str | None, str | None]:
    """版记 lines, the signature with its date, an attachment list: (body end, signer, date)."""
    end = _before_annex(pars, start, len(pars))
    while end > start and any(rx.search(pars[end - 1]) for rx in _patterns()["end"]):
        end -= 1
    signer = date = None
    for j in range(max(start, end - 4), end):
        sig = _signature(pars, j)
        if sig and sig[2] == end:
            signer, date, _ = sig
            end = j
            break
    else:
        if end - 1 >= start and parse_date(pars[end - 1]):
            date = parse_date(pars[end - 1])
            end -= 1
    return _drop_attachment_list(pars, start, end), signer, date


def read_meta(pars: list[str]) -> Meta:
    """Read the metadata from the document's paragraphs and find where its body lies."""
    meta = Meta(body_end=len(pars))
    n = len(pars)
    i, head_org, posting = _front(pars, meta)
    adopted = notice_signer = None
    title, after_title = _title_group(pars, i, n)
    plan = next((m.group("plan") for rx in _patterns()["title"] if title
                 for m in [rx.search(title)] if m), None)
    if plan is not None:
        i, notice_signer = _notice(pars, after_title, meta, title, plan)
    else:
        meta.title = title
        i = after_title
        while i < n and (_DOC_NO.match(pars[i]) or parse_date(pars[i]) or _ADOPTED.match(pars[i])):
            if _DOC_NO.match(pars[i]) and meta.doc_number is None:
                meta.doc_number = pars[i]
            elif _ADOPTED.match(pars[i]):
                adopted = parse_date(_ADOPTED.match(pars[i]).group(1))
            elif parse_date(pars[i]) and posting is None:
                posting = parse_date(pars[i])
            i += 1
        if i < n and title and _is_recipients(pars[i]):
            meta.recipients = _recipients(pars[i])
            i += 1
    meta.body_start = i
    meta.body_end, end_signer, end_date = _end(pars, i)
    # The notice's date for a wrapped plan; else the signature's; a web posting date last.
    meta.date = ((meta.notice.date if meta.notice else None) or end_date or adopted or posting)
    titled = _lead_org(meta.notice.title if meta.notice else None) or _lead_org(meta.title)
    if end_signer and titled and titled.endswith(end_signer) and titled != end_signer:
        end_signer = titled  # signed 党委组织部 under a title naming 某某大学党委组织部
    meta.issuer = head_org or notice_signer or end_signer or titled
    meta.institution = institution_of(meta.issuer)
    meta.kind = kind_of(meta.title)
    if meta.kind is None and meta.title is None:
        meta.kind = _self_kind(pars[i:meta.body_end])
    return meta


_ANNEX = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*(?:[：:]|$)")


def _before_annex(pars: list[str], start: int, end: int) -> int:
    """Where an annex (附件：任务分解表 and its table) after the signature begins, else `end`:
    the annex is a document of its own, not the last clause's text."""
    for k in range(end - 1, start, -1):
        if _ANNEX.match(pars[k]):
            signed = any((sig := _signature(pars, j)) and sig[2] == k
                         for j in range(max(start, k - 4), k))
            if signed or parse_date(pars[k - 1]):
                return k
    return end


def _drop_attachment_list(pars: list[str], start: int, end: int) -> int:
    """Cut a trailing 附件 list (附件：1.… 2.…) that precedes the signature off the body."""
    for k in range(end - 1, max(start, end - 8) - 1, -1):
        if re.match(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:]|^附件\s*\d", pars[k]):
            if all(len(p) <= 60 and "。" not in p for p in pars[k:end]):
                return k
            break
    return end


def _self_kind(pars: list[str]) -> str | None:
    """Kind named by the preamble of an untitled text (现提出如下实施意见 → 实施意见)."""
    for p in pars[:3]:
        for rx in _patterns()["self"]:
            m = rx.search(p)
            if m:
                k = re.match(f"({alternation('kinds.txt')})", m.group("kind"))
                if k:
                    return k.group(1)
    return None
