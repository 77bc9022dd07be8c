"""How model values are worded for people, in one place: dates, periods, operators, time limits,
departments and heading numbers, as the CLI's text view, the web pages, the generated documents
and the comparison all show them. The words are data (`lexicon/wording.tsv`)."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from pbdocs.lang import lexicon
from pbdocs.lang.numerals import int_to_cn

NUMBER_PLACEHOLDER = "〔 〕号"
_DOCNO = re.compile(r"^(?P<org>\S*?)\s*[〔【\[（(﹝［]\s*(?P<year>\d{4})\s*[〕】\]）)﹞］]\s*第?"
                    r"\s*0*(?P<n>\d+)\s*号$")
_CN_NUMERALS = set("一二三四五六七八九十百零〇")


@lexicon.per_lexicon()
def _words() -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): (r[2] if len(r) > 2 else "")
            for r in lexicon.rows("wording.tsv", min_cells=2)}


def word(kind: str, key: str, default: str = "") -> str:
    """The wording of one value (`word("period", "semester")` → 每学期)."""
    return _words().get((kind, key), default)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """A field of a model object or of its JSON dict."""
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


# -- dates and document numbers -------------------------------------------------------------

def parse_iso(value: str | None) -> date | None:
    """A `YYYY-MM-DD` string as a date, or None."""
    if not value:
        return None
    try:
        y, m, d = (int(x) for x in value.split("-"))
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


def cn_date(value: str | date | None) -> str:
    """`2020-11-30` → `2020年11月30日` (Arabic numerals, no padding); '' when unknown."""
    d = parse_iso(value) if isinstance(value, str) else value
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def parse_user_date(text: str) -> str | None:
    """A date a person typed (`2020-11-30`, `2020/11/30`, `2020年11月30日`) → ISO, or None."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def normalize_doc_number(text: str | None) -> str | None:
    """A 发文字号 in the standard form `杭电组〔2020〕55号` (year in 〔〕, no leading zeros, no
    第), or None when it does not read as one (never a guess)."""
    if not text:
        return None
    m = _DOCNO.match(re.sub(r"\s+", "", text))
    if not m:
        return None
    return f"{m['org']}〔{m['year']}〕{int(m['n'])}号"


def book_title(title: str | None) -> str | None:
    """A title put inside 《》: a 《》 already in it becomes 〈〉."""
    return title.replace("《", "〈").replace("》", "〉") if title else title


# -- periods, time limits ----------------------------------------------------------------------

def period_word(period: str | None, on: str | None = None, every: int | None = None) -> str:
    """A recurrence's period for a reader: 每学期, 每两年, 每年10月8日 (a fixed day)."""
    if period == "day" and on:
        try:
            m, d = (int(x) for x in on.split("-"))
            return f"每年{m}月{d}日"
        except ValueError:
            pass
    if every and every > 1:
        pattern = word("every", period or "")
        if pattern:
            return pattern.replace("{n}", "两" if every == 2 else int_to_cn(every))
    return word("period", period or "", period or "")


def long_term() -> str:
    """The time limit of a standing duty: 长期坚持."""
    return word("phrase", "long_term", "长期坚持")


def _month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _point(d: date, suffix: str = "") -> str:
    if d.month == 12 and d.day == 31:
        return f"{d.year}年底{suffix}"
    if _month_end(d):
        return f"{d.year}年{d.month}月底{suffix}"
    return f"{d.year}年{d.month}月{d.day}日{suffix}"


# the thirds of a month a range may be (上旬 1–10, 中旬 11–20, 下旬 21–end)
_TEN_DAYS = {(1, 10): "上旬", (11, 20): "中旬", (21, 31): "下旬"}


def deadline_text(dl: Any) -> str:
    """A deadline as a task table says it: `2021年6月底前`, `2020年4月—5月`, else as written."""
    start, end = parse_iso(_get(dl, "start")), parse_iso(_get(dl, "end"))
    kind = _get(dl, "kind")
    if kind == "range" and start and end and start == end:
        return f"{end.year}年{end.month}月{end.day}日"  # (a span of one day: that day)
    if kind == "range" and start and end:
        a = f"{start.year}年{start.month}月"
        b = (f"{end.month}月" if end.year == start.year else f"{end.year}年{end.month}月")
        whole = start.day == 1 and _month_end(end)
        if (start.year, start.month) == (end.year, end.month):
            if whole:
                return a
            # 12月下旬 → 2027年12月下旬; 4月20日至25日 → 2027年4月20日—25日
            part = _TEN_DAYS.get((start.day, 31 if _month_end(end) else end.day))
            return f"{a}{part}" if part else f"{a}{start.day}日—{end.day}日"
        if whole:
            return f"{a}—{b}"
        return f"{a}{start.day}日—{b}{end.day}日"
    if kind == "on" and end:
        if start and start.day == 1 and _month_end(end) and start.month == end.month:
            return f"{end.year}年{end.month}月"
        return f"{end.year}年{end.month}月{end.day}日"
    if end:
        return _point(end, word("phrase", "before", "前"))
    return _get(dl, "text") or ""


def recurrence_text(rec: Any) -> str:
    """A recurring duty's period as a table says it: `每学期`, `每年10月8日`; a period read
    from a yearly count (每月 for 全年集中学习不少于10次, 每学期 for 每年至少召开2次) says so."""
    said = period_word(_get(rec, "period"), _get(rec, "on"), _get(rec, "every"))
    source = re.sub(r"\s+", "", _get(rec, "text") or "")
    named = _NAMED_YEARLY.match(source) if _get(rec, "period") == "day" else None
    if named and said:
        # 每年“七一”前后 as written, not 每年7月1日; a limit after a named day with its date
        # (每年秋季学期开学后一个月内（9月30日前）)
        words = named.group("p")
        if words.endswith("内") or (words.endswith("前") and not words.endswith("前后")):
            return f"每年{words}（{said.removeprefix('每年')}前）"
        return f"每年{words}"
    if said and _get(rec, "period") in ("month", "semester") and _YEARLY.search(source) and not (
            _WITHIN_YEAR.search(source)) and len(source) <= 24:
        return said + _from_words(source)
    return said or source


# a yearly day named, not dated, after 每年 (每年“七一”前后, 每年教师节期间, 每年年底,
# 每年秋季学期开学后一个月内)
_NAMED_YEARLY = re.compile(r"^每(?:学)?年[的在于]?(?P<p>年底|年末|"
                           r"(?![^，,。；;]*\d)[^，,。；;]{2,16}?(?:前后|期间|当天|之际|前夕|前|内))")


# a cadence written as a count in a year (全年…10次, 每年至少2次), not as a month's or a term's
_YEARLY = re.compile(r"全年|每年|年度")
_WITHIN_YEAR = re.compile(r"每月|每个月|每学期|每半年|半年|季度|寒暑假|春[、和]秋|上下半年")


def undated() -> str:
    """The time limit of a deliverable that nobody dated: 待定 (never 长期坚持)."""
    return word("phrase", "undated", "待定")


def inferred_mark(dl: Any) -> str:
    """The mark of a date the tool derived, with the words it derived it from (2023年底前
    （据“到2023年”推定）, 2027年9月底前（据“新生入学后1个月内”推定）): the reader sees that the
    date is not written for the task and where it comes from."""
    source = re.sub(r"\s+", "", _get(dl, "text") or "")
    if source and len(source) <= 24:
        return _from_words(source)
    return word("phrase", "inferred", "（推定）")


def _from_words(source: str) -> str:
    """The mark of a value read from the words `source`: （据“…”推定）."""
    return word("phrase", "inferred_from", "（据“{}”推定）").replace("{}", source)


def time_limit(deadlines: list, recurrences: list, kind: str | None = None) -> str:
    """The 完成时限 cell: a repeated duty's cadence (for a `recurring` task), dated deadlines
    (a derived date marked as such), else recurrence periods, else 待定 for a deliverable
    (`once`) or 长期坚持 for a standing duty."""
    parts: list[str] = []

    def add(t: str) -> None:
        # (每年 after 每年4月30日: the bare cadence says nothing the dated one does not)
        if not t or any(p.startswith(t) for p in parts):
            return
        parts[:] = [p for p in parts if not t.startswith(p)] + [t]

    if kind == "recurring":
        for rec in recurrences:
            add(recurrence_text(rec))
    for dl in deadlines:
        t = deadline_text(dl)
        if t and _get(dl, "inferred") and (_get(dl, "end") or _get(dl, "start")):
            t += inferred_mark(dl)
        if kind != "recurring" or not parts:
            add(t)
    if not parts:
        for rec in recurrences:
            add(recurrence_text(rec))
    if parts:
        return "；".join(parts)
    if kind == "recurring":  # 定期…, with no cadence written
        return word("phrase", "regularly", "定期")
    return undated() if kind == "once" else long_term()


# -- values as written, with what they mean -------------------------------------------------

def _num(x: float) -> str:
    return f"{x:g}"


@lexicon.per_lexicon()
def _comparison_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = lexicon.rows("quantities.tsv")
    return (tuple(r[1] for r in rows if r[0] == "before" and len(r) > 1),
            tuple(r[1] for r in rows if r[0] == "after" and len(r) > 1))


def _has_comparison(text: str) -> bool:
    """Whether a target's text carries a comparison word of its own (达到…, …以上, 约…左右)."""
    before, after = _comparison_words()
    return text.startswith(before) or text.rstrip().endswith(after)


def op_word(op: str | None, unit: str | None = None) -> str:
    """A target's comparison in words: 不低于 (a share), 至少 (a count), 约, '' for equals."""
    kind = "op" if unit == "%" else "op_count"
    return word(kind, op or "", "")


def deadline_label(dl: Any) -> str:
    """A deadline as written, with the time limit it resolves to when that says more."""
    text, meaning = _get(dl, "text") or "", deadline_text(dl)
    return text if not meaning or meaning == text else f"{text}（{meaning}）"


def recurrence_label(rec: Any) -> str:
    """A repeated duty as written, with what the text leaves implicit (period, times, amount)."""
    text = _get(rec, "text") or ""
    parts = [recurrence_text(rec)]
    if _get(rec, "min_times") is not None:
        parts.append(f"至少{_get(rec, 'min_times')}次")
    if _get(rec, "amount") is not None:
        parts.append(f"{_num(_get(rec, 'amount'))}{_get(rec, 'unit') or ''}")
    parts = [p for p in parts if p and p not in text]
    return f"{text}（{'，'.join(parts)}）" if parts else text


def target_label(t: Any) -> str:
    """A quantified goal as written, with what it measures and by when."""
    text, subject, by = _get(t, "text") or "", _get(t, "subject"), _get(t, "by")
    out = f"{subject}：{text}" if subject and subject not in text else text
    when = cn_date(by)
    if when and when not in text and (by or "")[:4] not in text:
        out += f"（{when}{word('phrase', 'before', '前')}）"
    return out


def target_phrase(t: Any) -> str:
    """A target as a short phrase with its comparison: `专职组织员：至少1名`."""
    op = op_word(_get(t, "op"), _get(t, "unit"))
    text = _get(t, "text") or ""
    # the text states its own comparison (达到95%以上, 约5个左右, 不少于3个): shown as written
    shown = text if not op or _has_comparison(text) else f"{op}{text}"
    subject = _get(t, "subject")
    return f"{subject}：{shown}" if subject else shown


# -- departments -----------------------------------------------------------------------------

def dept_label(d: Any) -> str:
    """A department as written, with its canonical name where that differs:
    `组织部（党委组织部）`; a suggested one marked so (`党委组织部（建议）`)."""
    name, canon = _get(d, "name") or "", _get(d, "canonical") or ""
    out = f"{name}（{canon}）" if canon and canon != name and name else name or canon
    return out + word("basis", _get(d, "basis") or "", "") if out else out


def basis_name(basis: str | None) -> str:
    """Where a department comes from, in a word: 明确 (stated), 文中 (text), 建议 (suggested),
    未定 (no department)."""
    return word("basis_name", basis or "none", basis or "")


def dept_basis(d: Any) -> str:
    """Where a department comes from, for a reader: `文中`, `建议（“发展党员”）`."""
    basis = _get(d, "basis") or "stated"
    why = _get(d, "why")
    return basis_name(basis) + (f"（{why}）" if why and basis == "suggested" else "")


def dept_labels(items: Any) -> str:
    """Departments as written joined by 、, or ''."""
    return "、".join(dept_label(d) for d in items or [])


def dept_names(items: Any) -> list[str]:
    """The canonical names of departments, each once, in order (what tables show)."""
    out: list[str] = []
    for d in items or []:
        name = (_get(d, "canonical") or _get(d, "name") or "").strip()
        if name and name not in out:
            out.append(name)
    return out


def dept_shown(d: Any) -> str:
    """A department as a table shows it: its canonical name, marked where the tool only
    suggests it (`党委组织部（建议）`): a suggestion is never shown as a fact."""
    name = (_get(d, "canonical") or _get(d, "name") or "").strip()
    return name + word("basis", _get(d, "basis") or "", "") if name else ""


def depts_shown_list(items: Any) -> list[str]:
    """Departments as a table shows them (`dept_shown`), each once."""
    out: list[str] = []
    for d in items or []:
        shown = dept_shown(d)
        if shown and shown not in out:
            out.append(shown)
    return out


def depts_shown(items: Any) -> str:
    """Departments as a table shows them (`dept_shown`), each once, joined by 、."""
    return "、".join(depts_shown_list(items))


def inferred_legend() -> str:
    """The line under a table that holds derived dates, saying what their mark means."""
    return word("phrase", "inferred_legend")


def inferred_mark_in(cell: str) -> bool:
    """Whether a time cell holds a date the tool derived (its mark)."""
    parts = word("phrase", "inferred_from", "（据“{}”推定）").split("{}")
    return bool(cell) and (parts[-1] in cell or word("phrase", "inferred", "（推定）") in cell)


def basis_legend() -> str:
    """The line under a table that holds suggested departments, saying what the mark means."""
    return word("phrase", "basis_legend")


# -- heading numbers -------------------------------------------------------------------------

def heading_label(number: str | None) -> str:
    """A heading number as printed before its text: 一 → 一、, 1 → 1., （一） and 第一条 as
    they are; '' for none (or the preamble's 0)."""
    n = (number or "").strip()
    if not n or n == "0":
        return ""
    if n[-1] in "、.．":
        return n
    if set(n) <= _CN_NUMERALS:
        return n + "、"
    if n.isdigit():
        return n + "."
    return n


def numbered(number: str | None, text: str | None = "") -> str:
    """A heading with its number as a reader expects it: 一、总体要求, （一）组织建设,
    1.加强…, 第一条 为了…"""
    label, text = heading_label(number), (text or "").strip()
    if not label:
        return text
    sep = " " if label[-1] not in "、.．）)】〕」" and text else ""
    return f"{label}{sep}{text}"
