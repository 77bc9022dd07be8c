"""Quantified goals: percentages and counts with measure words (`不低于12%`, `3-4个`, `1至2名`,
`15名左右`, `1/2左右`, `全覆盖` = 100%), with the subject measured where the text names it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pbdocs.extract.lexicon import Lexicon
from pbdocs.lang.numerals import CN_NUM, clean, is_chinese, to_number
from pbdocs.model import Target

_STOP = "，,。；;！？!?：:\n"
_NUM = rf"(?:\d+(?:\.\d+)?|[{CN_NUM}]+)"
_RSEP = r"\s*(?:-|－|—|–|~|～|至|到)\s*"
# words that open a clause before the measured subject ("到2022年底在校生中党员占比不低于12%")
_LEAD_IN = re.compile(r"^(?:按照|根据|确保|实现|使|力争|争取|要|到|并|且|和|其中)+")


@dataclass
class Found:
    """A target with its character offsets."""

    start: int
    end: int
    target: Target


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _patterns(units: tuple[str, ...], before: tuple[tuple[str, str], ...],
              after: tuple[tuple[str, str], ...]):
    units_alt = _alt(u.replace("%", "%") for u in units) + "|％"
    num = re.compile(
        rf"(?:(?P<pre>{_alt(dict(before))})\s*)?(?:百分之(?P<pct>{_NUM})"
        rf"|(?P<a>{_NUM})(?:[%％]?{_RSEP}(?P<b>{_NUM}))?(?P<more>余|多)?\s*(?P<u>{units_alt}))"
        rf"(?!月|周年|星)(?P<post>\s*(?:{_alt(dict(after))}))?")
    frac = re.compile(
        rf"(?:(?P<pre>{_alt(dict(before))})\s*)?(?:(?P<n>\d+)/(?P<d>\d+)|(?P<cd>[{CN_NUM}]+)分之"
        rf"(?P<cn>[{CN_NUM}]+))(?P<post>\s*(?:{_alt(dict(after))}))?")
    return num, frac


def _clause_start(text: str, i: int) -> int:
    j = i
    while j > 0 and text[j - 1] not in _STOP:
        j -= 1
    return j


def _clause_end(text: str, i: int) -> int:
    j = i
    while j < len(text) and text[j] not in _STOP and text[j] not in "、":
        j += 1
    return j


def _inside(a: int, b: int, spans) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _subject_before(text: str, start: int, clause_start: int, cut: list[tuple[int, int]]) -> str:
    s = clause_start
    for a, b in cut:  # skip a time expression that opens the clause
        if clause_start <= a < start and b <= start:
            s = max(s, b)
    return _tidy(_LEAD_IN.sub("", text[s:start]))


_MAX_SUBJECT = 30  # longer text before a bare number is a sentence, not what it counts
_VERB_AT = 3  # a verb of making opens the words when among their first characters (年内新培育)


def _counted_before(text: str, at: int, cs: int, out: list[Found], lex: Lexicon,
                    times: list[tuple[int, int]]) -> str:
    """What a bare number counts when the words before it say so (「建成校级标杆院系4个、
    样板支部20个」 → 校级标杆院系, 样板支部): from after the last verb of making (建成, 培育)
    or the goal listed before it, to the number; 各 (各1个) left out."""
    s0 = cs
    prev = [f.end for f in out if cs <= f.end <= at]
    if prev:
        sep = text.find("、", prev[-1], at)
        s0 = sep + 1 if sep >= 0 else prev[-1]
    subject = _subject_before(text, at, s0, times)
    # a verb opening the words (新培育…, 建成…), not one inside a noun (…规范化建设达标率)
    opens = [subject.find(v) + len(v) for v in lex.verbs if 0 <= subject.find(v) <= _VERB_AT]
    if opens:
        subject = _tidy(subject[max(opens):])
    subject = subject.removesuffix("各").removesuffix("共")
    return subject if len(subject) <= _MAX_SUBJECT else ""


def _tidy(subject: str) -> str:
    """A subject without spaces, quote marks left unbalanced by the cut, or the 的 that tied
    it to the number (「1%的比例配齐专职组织员」 → 比例配齐专职组织员)."""
    subject = subject.strip()
    if subject.count("“") != subject.count("”"):
        subject = subject.replace("“", "").replace("”", "")
    return subject.strip("\"").removeprefix("的")


def _near_op(text: str, at: int, comp: re.Pattern, lex: Lexicon) -> str:
    """The comparator governing a number at `at` from earlier in its clause, else "="."""
    near = None
    for c in comp.finditer(text, _clause_start(text, at), at):
        near = c
    # a one-character comparator (达) only counts right before the number: not 达标率100%
    if near is None or len(near.group(0)) < 2 or re.search(rf"[\d{CN_NUM}]", text[near.end():at]):
        return "="
    return lex.before[near.group(0)]


_SPLIT_COUNT = re.compile(r"(?<![\d.])(\d)[ \u3000](\d{1,2})"
                          r"(?=\s*(?:名|个|人|次|项|家|所|门|%|％))")


def find_targets(text: str, lex: Lexicon, masked: list[tuple[int, int]] = (),
                 quotes: list[tuple[int, int]] = (),
                 times: list[tuple[int, int]] = ()) -> list[Found]:
    """Every quantified goal in `text` outside the masked ranges (recurrences, titles)."""
    num, frac = _patterns(tuple(lex.units), tuple(lex.before.items()), tuple(lex.after.items()))
    comp = re.compile(_alt(lex.before))
    # a count whose digits extraction split with a space (不少于2 0名): read as 20, the space
    # moved before it so that offsets hold
    text = _SPLIT_COUNT.sub(lambda m: " " + m.group(1) + m.group(2), text)
    out: list[Found] = []
    for m in num.finditer(text):
        a, b = m.start(), m.end()
        if _inside(a, b, masked) or _inside(a, b, quotes):
            continue
        core_start = m.start("pct") - 3 if m.group("pct") else m.start("a")
        raw = m.group("pct") or m.group("a")
        cs = _clause_start(text, a)
        if text[max(0, core_start - 1):core_start] == "第":
            continue
        if any(w in text[cs:core_start] for w in lex.skip if w != "第"):
            continue  # "申报范围为11个": a scope, not a goal
        if text[max(0, core_start - 1):core_start] == "共" and not m.group("pre"):
            continue  # "共5天", "共180名": a total stated, not a goal
        if raw == "一":
            continue  # "建成一套…", "一批": an article, not a count
        if is_chinese(raw) and not m.group("pre"):
            before = text[max(cs, core_start - 4):core_start]
            if not any(before.endswith(v) for v in lex.verbs):
                continue  # "两个维护", "四个意识": a slogan, not a count
        if m.group("u") == "个" and re.match(r"月|学期|季度|工作日|小时|百分点", text[b:b + 3]):
            continue  # "3个月", "2个学期": a span of time, not a count
        if m.group("pct"):
            value, unit, vmax = to_number(m.group("pct")), "%", None
        else:
            value = to_number(m.group("a"))
            vmax = to_number(m.group("b")) if m.group("b") else None
            unit = "%" if m.group("u") in ("%", "％") else m.group("u")
        if value is None:
            continue
        if m.group("pre") in ("超过", "多于", "大于") and text[b:b + 1] == "的":
            continue  # "党员人数超过50人的党支部应当分设": a condition on what follows, not a goal
        op, pre_at = "=", a
        if m.group("pre"):
            op = lex.before[m.group("pre")]
        else:  # "至少配备1至2名", "不低于全校师生人数的1%": the comparator governs the number
            near = None
            for c in comp.finditer(text, cs, core_start):
                near = c
            if near is not None and len(near.group(0)) > 1 and not re.search(
                    rf"[\d{CN_NUM}]", text[near.end():core_start]):
                op, pre_at = lex.before[near.group(0)], near.start()
        if m.group("post"):
            op = lex.after[m.group("post").strip()]
        elif m.group("more"):  # "100余人": more than
            op = ">="
        end = b
        if unit == "%" and text[b:b + 3] == "全覆盖":
            end = b + 3
        if end > b:
            verb = next((v for v in lex.cover if v in text[cs:a]), None)
            vs = text.index(verb, cs) + len(verb) if verb else cs
            subject = _tidy(text[vs:a])
        else:
            subject = ""
            if pre_at < core_start:
                # a goal listed after another one in the same clause starts after it
                # ("至少参加1次集中培训、学习时间不少于56学时" → 学习时间)
                prev = [f.end for f in out if cs <= f.end <= pre_at]
                s0 = cs
                if prev:
                    s0 = prev[-1]
                    sep = text.find("、", s0, pre_at)
                    s0 = sep + 1 if sep >= 0 else s0
                subject = _subject_before(text, pre_at, s0, list(times))
            if not subject:
                subject = _tidy(text[b:_clause_end(text, b)])
            if not subject and pre_at == core_start:
                subject = _counted_before(text, core_start, cs, out, lex, list(times))
        a = min(a, pre_at)  # the comparator is part of what is written
        out.append(Found(a, end, Target(text=text[a:end].strip(), op=op, value=clean(value),
                                        unit=unit, subject=subject or None,
                                        value_max=clean(vmax))))
    for m in frac.finditer(text):
        a, b = m.start(), m.end()
        if _inside(a, b, masked) or _inside(a, b, quotes) or any(
                not (b <= f.start or a >= f.end) for f in out):
            continue
        if m.group("n"):
            n, d = float(m.group("n")), float(m.group("d"))
        else:
            n, d = to_number(m.group("cn")), to_number(m.group("cd"))
        if not d or n is None:
            continue
        op = lex.before[m.group("pre")] if m.group("pre") else _near_op(text, a, comp, lex)
        if m.group("post"):
            op = lex.after[m.group("post").strip()]
        subject = text[b:_clause_end(text, b)].lstrip("的").strip() or None
        out.append(Found(a, b, Target(text=text[a:b].strip(), op=op,
                                      value=clean(round(100 * n / d, 2)), unit="%",
                                      subject=subject)))
    cover_re = re.compile(r"全覆盖")
    for m in cover_re.finditer(text):
        a, b = m.start(), m.end()
        if _inside(a, b, masked) or any(f.start <= a < f.end for f in out):
            continue
        cs = _clause_start(text, a)
        seg = text[cs:a]
        verb = next((v for v in lex.cover if v in seg), None)
        if verb is None:
            continue  # "坚持全覆盖、常态化": a principle, not a goal
        vs = cs + seg.index(verb)
        subject = _tidy(text[vs + len(verb):a]) or None
        out.append(Found(a, b, Target(text="全覆盖", op="=", value=100, unit="%",
                                      subject=subject)))
    out.sort(key=lambda f: f.start)
    return out
