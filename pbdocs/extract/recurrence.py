"""Repeated duties: 每周/每月/每季度/每学期/每半年/每年/每两年/每届 with how often (`至少1次`,
`一次`) and how much (`不少于32学时`), and fixed days (`每年10月8日` → period day, on 10-08)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pbdocs.extract.lexicon import Lexicon
from pbdocs.lang.lexicon import alternation, per_lexicon
from pbdocs.lang.numerals import CN_NUM, clean, to_number
from pbdocs.model import Recurrence

# where the duty's phrase ends: the next clause punctuation
_STOP = "，,。；;！？!?：:\n"
_YEAR_END = re.compile(r"^\s*(?:年底|年末|底)(?:前|之前)?")
_FIXED_DAY = re.compile(r"^\s*的?\s*(\d{1,2})\s*月\s*"
                        r"(?:(\d{1,2})\s*[日号]|[底末](?=前|之前|以前))")
# 年度终了后于次年1月15日前报送, 考核结果于次年1月底前反馈 (no year written before it): the
# year after each year's work, a fixed day of a yearly duty
_NEXT_YEAR_DAY = re.compile(r"(?<![\d〇零一二三四五六七八九十])次年\s*(\d{1,2})\s*月\s*"
                            r"(?:(\d{1,2})\s*[日号]|[底末])(?=前|之前|以前)")
_TWO_MONTHS = re.compile(r"^\s*的?\s*\d{1,2}\s*月\s*[、和及与]\s*\d{1,2}\s*月(?![、和及与]\s*\d)")
_TWO_DAYS = re.compile(r"^\s*的?\s*\d{1,2}\s*月(?:底|末|\d{1,2}\s*日)(?:前|之前)?\s*[、和及与]\s*"
                       r"\d{1,2}\s*月(?:底|末|\d{1,2}\s*日)(?:前|之前)?(?![、和及与]\s*\d)")
# deadlines in successive months listed at once (分别于10月8日前、11月5日前、12月6日前和次年1月
# 5日前报送上月考勤表): a monthly duty
_DAY = r"(?:次年)?(\d{1,2})\s*月(?:\d{1,2}\s*日|底|末)(?:前|之前)?"
_MONTHLY_LIST = re.compile(rf"分别(?:于|在)\s*{_DAY}(?:\s*[、，,和及与]\s*{_DAY}){{2,}}")


def _successive_months(m: re.Match) -> bool:
    """Whether the listed dates fall in months one after another (10, 11, 12, 1)."""
    months = [int(x) for x in re.findall(r"(\d{1,2})\s*月", m.group(0))]
    return len(months) >= 3 and all((b - a) % 12 == 1 for a, b in zip(months, months[1:]))


# 每年开展2轮巡察: rounds counted like times (not 轮训, 轮换, 轮岗)
_ROUNDS = re.compile(rf"(?<![\d{CN_NUM}])(?P<n>\d+|[{CN_NUM}]{{1,3}})\s*轮(?![训换岗流值])")
# 每年…不少于12次，其中专题研讨不少于2次: a part of the yearly count, not the cadence
_MORE = re.compile(r"其中|专题")
_WRITTEN_YEAR = re.compile(r"\d{4}\s*年")
# 纳入年度预算, 列入学校预算: provided for in each year's budget, a yearly duty
# (纳入学校年度党建工作经费预算, 在医院年度预算中安排…: the year named apart from the budget)
_BUDGET = re.compile(r"(?:纳入|列入|编入)[^，,。；;]{0,8}?(?:年度)?预算|"
                     r"(?:纳入|列入|编入)[^，,。；;]{0,6}?年度[^，,。；;]{0,8}?预算|"
                     r"在[^，,。；;]{0,6}?年度预算中(?:安排|列支)")
# 寒暑假期间: in each winter and summer vacation, twice a year
_VACATIONS = re.compile(r"(?:每年|每逢)?寒暑假(?:期间)?")
_NUM = rf"(?:\d+(?:\.\d+)?|[{CN_NUM}]+)"


@dataclass
class Found:
    """A recurrence with the character range it claims (period word to end of its phrase)."""

    start: int
    end: int
    recurrence: Recurrence
    quota: bool = False  # a yearly quota (全年…不少于10次): how much of the work before it
    annual: bool = False  # 年度 before a yearly thing (年度工作计划): a date may make it one-off
    next_year: bool = False  # 次年1月15日前: the day of a yearly duty, not a cadence of its own
    budget: bool = False  # 纳入年度预算: the duty before it is yearly; no row of its own


@lru_cache(maxsize=8)
def _patterns(periods: tuple[str, ...], units: tuple[str, ...]):
    alt = "|".join(re.escape(p) for p in sorted(periods, key=len, reverse=True))
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True) if u != "次")
    # "每3年", "每两个月": the interval is kept in the text, the period is the base unit
    # also "一年一次", "一学期两次": one period, a count
    # and "按年度作出学习安排", "按月报送": by the period
    # (not 每个年级: each grade of students)
    every = re.compile(rf"(?:至少|不少于)?\s*(?:每(?:个)?(?:(?P<n>\d+|[两二三四五六七八九十])个?)?"
                       rf"(?P<p>{alt})(?!级)|一(?:个)?(?P<q>{alt})(?=[一两二三四五六七八九十\d]次)"
                       # "一年一述职", "一学期一检查" (not "一年一主题": a verb follows)
                       rf"|一(?P<s>{alt})一(?=述职|评|考|检|查|报|总结|表彰|轮训|培训|研判|部署|调研|通报)"
                       rf"|按照?(?P<r>年度|季度|学期|月度?|周)(?!份))")
    # not 次年/次月/次日 (the next year, month, day)
    times = re.compile(rf"(?<![\d{CN_NUM}])(?P<n>\d+|[{CN_NUM}]{{1,3}})?\s*次(?![年月日周])")
    # "1-2个": the lower bound is the duty's amount
    # not "第一个月" (an ordinal) nor "3个月" (a span of time)
    amount = re.compile(rf"(?<!第)(?P<n>{_NUM})(?:\s*(?:-|－|—|~|～|至|到)\s*{_NUM})?\s*"
                        rf"(?P<u>{unit_alt})(?!月|学期|季度|工作日)") if unit_alt else None
    return every, times, amount


@per_lexicon()
def _annual() -> re.Pattern:
    """年度 before a yearly event (年度民主生活会, 年度三会一课计划), not a year (2020年度)."""
    events = alternation("annual_events.txt")
    # (not a plan a duty is put into: 纳入年度党建工作计划 is once and for all)
    return re.compile(rf"(?<![\d〇零一二三四五六七八九十上本下该当次])"
                      rf"(?<!纳入)(?<!列入)(?<!写入)年度"
                      rf"(?=[^，,。；;：:、]{{0,14}}?(?:{events}))")


# a duty put into a yearly event earlier in the same segment (…纳入党支部年度考核)
_PUT_INTO = re.compile(r"(?:纳入|列入|写入|计入)[^，,。；;：:]*$")


# a yearly quota of sessions or hours (全年集中学习不少于10次, 每名党员年度集中学习培训不少于32
# 学时): a duty repeated every year; a count of people or items (全年发展党员不少于6名) or of
# events held for others (全年宣讲不少于30场) is a target for the year
_YEARLY_QUOTA = re.compile(rf"(?<![\d〇零一二三四五六七八九十上本下该当次])(?:全年|年度)"
                           rf"(?=[^，,。；;：:]{{0,16}}?(?:不少于|至少|不低于)\s*{_NUM}\s*"
                           rf"(?:次|学时|课时|期))")


def _monthly(rec: Recurrence) -> None:
    """A yearly count of ten to twelve (全年集中学习不少于10次, 每年不少于12次) is about once a
    month of the year's working months: the cadence writers give such a quota."""
    if rec.period == "year" and rec.min_times and 10 <= rec.min_times <= 12:
        rec.period, rec.min_times = "month", 1


def find_recurrences(text: str, lex: Lexicon, masked: list[tuple[int, int]] = ()) -> list[Found]:
    """Every repeated duty in `text`, in text order."""
    every, times, amount = _patterns(tuple(lex.periods), tuple(lex.units))
    out: list[Found] = []
    for m in _annual().finditer(text):
        if _PUT_INTO.search(text[:m.start()]):
            continue  # 将…成效纳入党支部书记年度述职评议考核: the assessment's year, not a cadence
        if all(m.end() <= s or m.start() >= e for s, e in masked):
            stop = next((j for j in range(m.end(), len(text)) if text[j] in _STOP), len(text))
            out.append(Found(m.start(), stop, Recurrence(text=text[m.start():stop].strip(),
                                                          period="year"), annual=True))
    for m in _YEARLY_QUOTA.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in masked) and not any(
                f.start <= m.start() < f.end for f in out):
            stop = next((j for j in range(m.end(), len(text)) if text[j] in _STOP), len(text))
            rec = Recurrence(text=text[m.start():stop].strip(), period="year")
            t = times.search(text, m.end(), stop)
            if t and t.group("n") and to_number(t.group("n")):
                rec.min_times = int(to_number(t.group("n")))
            elif amount is not None:
                a = amount.search(text, m.end(), stop)
                if a:
                    rec.amount, rec.unit = clean(to_number(a.group("n"))), a.group("u")
            _monthly(rec)
            out.append(Found(m.start(), stop, rec, quota=True))
    starts = [m for m in every.finditer(text)
              if all(m.end() <= s or m.start() >= e for s, e in masked)]
    for i, m in enumerate(starts):
        end = len(text)
        for j in range(m.end(), len(text)):
            if text[j] in _STOP:
                end = j
                break
        if i + 1 < len(starts):
            end = min(end, starts[i + 1].start())
        word = m.group("p") or m.group("q") or m.group("r") or m.group("s")
        period = lex.periods.get(word) or lex.periods.get(word.rstrip("度"))
        if period is None:
            continue
        window = text[m.end():end]
        rec = Recurrence(text=text[m.start():end].strip(), period=period)
        if m.group("n"):  # 每两年, 每3年: every n periods
            n = to_number(m.group("n"))
            rec.every = int(n) if n and n > 1 else None
        if period == "year" and _YEAR_END.match(window):  # 每年年底向…报告: on 12-31
            rec.period, rec.on = "day", "12-31"
            rec.text = text[m.start():m.end() + _YEAR_END.match(window).end()].strip()
            out.append(Found(m.start(), end, rec))
            continue
        if period == "year" and (_TWO_MONTHS.match(window) or _TWO_DAYS.match(window)):
            # 每年3月、9月分两批, 每年6月底前和12月底前分两次: twice a year
            rec.period = "semester"
            out.append(Found(m.start(), end, rec))
            continue
        if period == "year" and not m.group("n") and (on := _named_day(window)):
            # 每年“七一”前后开展评选表彰, 每年教师节前后集中宣传: on that day each year
            rec.period, rec.on = "day", on
            out.append(Found(m.start(), end, rec))
            continue
        if period == "year" and not m.group("n") and (on := _named_limit(window)):
            # 每年秋季学期开学后一个月内完成…, 每年新生入学后一个月内…, 每年“七一”前: by
            # that day each year
            rec.period, rec.on = "day", on
            out.append(Found(m.start(), end, rec))
            continue
        day = _FIXED_DAY.match(window) if period == "year" else None
        if day and 1 <= int(day.group(1)) <= 12 and 1 <= int(day.group(2) or 28) <= 31:
            rec.period = "day"
            rec.on = _month_day(int(day.group(1)), day.group(2))
            rec.text = text[m.start():m.end() + day.end()].strip()
            out.append(Found(m.start(), m.end() + day.end(), rec))
            continue
        t = times.search(window) or _ROUNDS.search(window)
        if t:
            n = t.group("n")
            # "召开 次" (the digit lost in extraction) keeps min_times unknown
            rec.min_times = int(to_number(n)) if n and to_number(n) else None
            if (period == "year" and not m.group("n")
                    and rec.min_times == 2 and not _MORE.search(window, 0, t.start())):
                # 每年至少召开2次, 每年开展2轮: once each half-year
                rec.period, rec.min_times = "semester", 1
            elif period == "year" and not m.group("n"):
                _monthly(rec)
        if m.group("s"):  # "一年一述职": once a period
            rec.min_times = 1
        if amount is not None:
            a = amount.search(window)
            if a and (t is None or a.start() != t.start()):
                rec.amount = clean(to_number(a.group("n")))
                rec.unit = a.group("u")
        out.append(Found(m.start(), end, rec))
    for m in _BUDGET.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in masked) and not any(
                f.start <= m.start() < f.end for f in out):
            stop = next((j for j in range(m.end(), len(text)) if text[j] in _STOP), len(text))
            out.append(Found(m.start(), stop, Recurrence(text=m.group(0), period="year"),
                             budget=True))
    for m in _MONTHLY_LIST.finditer(text):
        if _successive_months(m) and all(m.end() <= s or m.start() >= e for s, e in masked) \
                and not any(f.start <= m.start() < f.end for f in out):
            out.append(Found(m.start(), m.end(), Recurrence(text=m.group(0), period="month")))
    for m in _VACATIONS.finditer(text):
        if all(m.end() <= s or m.start() >= e for s, e in masked) and not any(
                f.start <= m.start() < f.end for f in out):
            stop = next((j for j in range(m.end(), len(text)) if text[j] in _STOP), len(text))
            out.append(Found(m.start(), stop, Recurrence(text=m.group(0), period="semester")))
    for start, stop in _festival_runs(text):
        if all(stop <= s or start >= e for s, e in masked):
            # 元旦春节、中秋国庆等节前开展廉洁提醒, 每年“七一”和春节前走访慰问: a duty done before
            # festivals in both halves of the year, twice a year (a 每年 before it included)
            out = [f for f in out if not (f.start <= start <= f.end and f.recurrence.period
                                          in ("year", "day") and not f.quota)]
            out.append(Found(start, stop, Recurrence(text=text[start:stop].strip(),
                                                     period="semester")))
    for m in _NEXT_YEAR_DAY.finditer(text):
        if (all(m.end() <= s or m.start() >= e for s, e in masked)
                and not _WRITTEN_YEAR.search(text, 0, m.start())
                and _yearly_before(out, text, m.start())
                and not any(f.start <= m.start() < f.end for f in out)
                and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2) or 28) <= 31):
            stop = next((j for j in range(m.end(), len(text)) if text[j] in _STOP), len(text))
            rec = Recurrence(text=m.group(0).strip(), period="day",
                             on=_month_day(int(m.group(1)), m.group(2)))
            out.append(Found(m.start(), stop, rec, next_year=True))
    out.sort(key=lambda f: f.start)
    return out


# a named day right after 每年 (每年“七一”前后, 每年教师节期间), one day only (not 七一和春节)
# (每年“五一”劳动节前后: the day named twice, its name and the festival's)
# (每年“4·23”世界读书日前后, 每年“8·19”中国医师节前后: the day written as its date, then its
# name; 每年全民国家安全教育日前后: a long name)
_NAMED_AROUND = re.compile(r"\s*(?:的|在|于)?\s*[“\"]?(?P<name>[^”\"，,。；;、和及与]{2,10}?)"
                           r"(?:[”\"](?P<also>[^”\"，,。；;、和及与\s]{0,8}?[节日月])?)?"
                           r"(?:前后|期间|当天|之际)(?![、和及与])")
_DOTTED_DAY = re.compile(r"(\d{1,2})\s*[·•.．]\s*(\d{1,2})")


def _named_day(window: str) -> str | None:
    """MM-DD of the named day a yearly duty is done around (每年“七一”前后 → 07-01), or None."""
    from pbdocs.extract.timeexpr import fixed_day

    m = _NAMED_AROUND.match(window)
    if not m:
        return None
    # (the table may list a name only in its quotes, “三八”节, as it is unsafe bare: 三八红旗手)
    day = (fixed_day(m.group("name")) or fixed_day(f"“{m.group('name')}”{m.group('also') or ''}")
           or fixed_day(f"“{m.group('name')}”"))
    dotted = _DOTTED_DAY.fullmatch(m.group("name"))
    if day is None and dotted and 1 <= int(dotted[1]) <= 12 and 1 <= int(dotted[2]) <= 31:
        day = f"{int(dotted[1]):02d}-{int(dotted[2]):02d}"
    return day if day is not None or not m.group("also") else fixed_day(m.group("also"))


def _named_limit(window: str) -> str | None:
    """MM-DD of the limit a named day right after 每年 sets (秋季学期开学后一个月内 → 09-30,
    新生入学后两周内 → 09-15, “七一”前 → 06-30), or None: a limit only, at the window's start."""
    from pbdocs.extract.timeexpr import named_day_due

    due = named_day_due(window, 2001)  # (a year without 02-29: the day is the same every year)
    if due is None or due.kind != "by" or not due.end:
        return None
    at = window.find(due.text)
    if not 0 <= at <= 4:
        return None  # (每年组织…，开学后两周内完成: the day is another clause's)
    return due.end[5:]


# what a run of named days is the time of (元旦春节、中秋国庆等节前, “七一”、春节期间, 元旦春节、
# 中秋国庆等重要节点，节前), and the festivals named again after it in the same sentence
# (…，节日期间开展明察暗访)
_RUN_TAIL = re.compile(r"[”\"]?\s*(?:等(?:重要)?(?:传统)?(?:节日|节假日|节点|时间节点|节)"
                       r"(?:[，,]\s*节(?=前))?)?"
                       r"(?:前后|之前|前夕|前|期间|之际|当天)")
_AGAIN = re.compile(r"节(?:假)?日(?:期间|前后|前)")
# between two named days of a run (“七一”前后和春节前, 元旦、春节)
_JOINT = re.compile(r"(?:前后|前|期间)?\s*[、和及与]\s*")


@per_lexicon()
def _festival_names() -> tuple[dict[str, int], re.Pattern] | None:
    """(name → month, the pattern of a named day) of `lexicon/named_days.tsv`."""
    from pbdocs.extract.timeexpr import named_day_months

    months = named_day_months()
    if not months:
        return None
    alt = "|".join(re.escape(w) for w in sorted(months, key=len, reverse=True))
    return months, re.compile(rf"(?:每年)?[“\"]?(?P<name>{alt})[”\"]?")


def _festival_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of named days in both halves of the year (元旦春节、“五一”、中秋
    国庆等节前; 每年“七一”前后和春节前), and of each 节日期间 after one in the same sentence."""
    found = _festival_names()
    if found is None:
        return []
    months, name = found
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := name.search(text, pos)) is not None:
        names, end = [m.group("name")], m.end()
        while True:
            tail = _RUN_TAIL.match(text, end)
            joint = _JOINT.match(
                text, tail.end() if tail and tail.group(0) in ("前后", "前") else end)
            nxt = name.match(text, joint.end()) if joint else None
            if nxt is None or not joint:
                nxt = name.match(text, end)  # 元旦春节, 中秋国庆: written together
            if nxt is None:
                break
            names.append(nxt.group("name"))
            end = nxt.end()
        tail = _RUN_TAIL.match(text, end)
        pos = end
        halves = {months[n] <= 6 for n in names}
        if tail is None or len(halves) < 2:
            continue
        stop = next((j for j in range(tail.end(), len(text)) if text[j] in _STOP), len(text))
        out.append((m.start(), stop))
        sent_end = next((j for j in range(stop, len(text)) if text[j] in "。；;\n"), len(text))
        for again in _AGAIN.finditer(text, stop, sent_end):
            end2 = next((j for j in range(again.end(), len(text)) if text[j] in _STOP), len(text))
            out.append((again.start(), end2))
        pos = max(pos, stop)
    return out


def _yearly_before(found: list[Found], text: str, pos: int) -> bool:
    """Whether the sentence before `pos` states a duty repeated every year (每年4月底前提交计划，
    年度终了后于次年1月15日前…; 每年对…进行考核，考核结果于次年1月底前…): the year after is
    each year's; without one (纳入年底考核，考核结果于次年1月15日前报) it is one year's."""
    start = max(text.rfind(ch, 0, pos) for ch in "。；;！？!?\n") + 1
    return bool(_YEAR_CLOSES.search(text, start, pos)) or any(
        start <= f.start < pos and not f.quota and f.recurrence.period in ("year", "day")
        for f in found)


_YEAR_CLOSES = re.compile(r"年度终了|每个?年度结束|每年")


def _month_day(month: int, day: str | None) -> str:
    """MM-DD of a yearly duty's day; a month's end (4月底) is its last day (February: 28th)."""
    last = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return f"{month:02d}-{int(day) if day else last:02d}"
