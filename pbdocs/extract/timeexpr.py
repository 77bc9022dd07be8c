"""Time limits as written (`2021年5月底前`, `2020年4月-5月`, `2018—2020年`, `第一季度`,
`3月27日(周二)前`, `用3年时间`) normalised to `Deadline`s, resolved against the document's date."""

from __future__ import annotations

import calendar
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta

from pbdocs.lang.lexicon import alternation, entries, per_lexicon, rows
from pbdocs.lang.numerals import cn_to_int, to_number
from pbdocs.model import Deadline

_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"
_REL_YEAR = {"今年": 0, "本年度": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1}
_WEEKDAY = (r"(?:\s*[（(](?:周|星期)[一二三四五六日天][）)])?"
            # a time of day after the date: 1月21日15时前, 1月22日下午14点前, 10月8日17:00前
            r"(?:\s*(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*(?:[时点](?:\s*\d{1,2}\s*分|半)?"
            r"|[:：]\d{2}(?!\d)))?")


def _point(p: str) -> str:
    """A regex for one calendar point; group names carry the prefix `p`."""
    year = rf"(?:(?P<{p}y>\d{{4}})\s*年(?:度)?|(?P<{p}rel>今年|本年度|本年|当年|明年|次年))"
    numeric = (rf"(?P<{p}ny>\d{{4}})(?P<{p}ns>[.．/-])(?P<{p}nm>\d{{1,2}})"
               rf"(?:(?P={p}ns)(?P<{p}nd>\d{{1,2}}))?(?![\d.．/-]*\d)")
    rest = (
        rf"(?:(?P<{p}half>上半年|下半年)(?P<{p}hend>末)?"
        rf"|(?P<{p}sem>春季学期|秋季学期|春季|秋季|(?<!寒)暑期|(?<!寒)暑假)"
        rf"|第?(?P<{p}q>[一二三四1-4])季度(?P<{p}qend>末)?"
        rf"|(?P<{p}m>{_MONTH})\s*月(?:份)?"
        rf"(?:(?P<{p}d>\d{{1,2}})\s*[日号]{_WEEKDAY}|(?P<{p}edge>底|末|初|上中旬|中下旬|上旬|中旬|下旬))?)"
    )
    return (rf"(?:{numeric}(?P<{p}nedge>底|末)?|(?={_START})(?:{year})?"
            rf"(?:\s*{rest}|(?<=年)(?P<{p}yedge>底|末|初)|(?<!\d)年(?P<{p}yedge0>底|末|内)"
            rf"|(?<![\d今本当明次])全(?P<{p}whole>年)(?!度|级|龄|候))?)")


# a point starts with a year, a half, a quarter, a month, or 年底
_START = (rf"\d{{4}}\s*年|今年|本年|当年|明年|次年|上半年|下半年|春季|秋季|暑期|暑假"
          rf"|第?[一二三四1-4]季度"
          rf"|(?:{_MONTH})\s*月|年[底末内]|全年")


# (自2027年6月起至2029年5月止; 自2027年12月上旬开始，至2028年3月底结束)
_SEP = r"\s*(?:起\s*|开始\s*[，,]?\s*(?=[至到]))?(?:-|－|—+|–|~|～|至|到)\s*"
_PRE = (r"(?P<pre>(?:完成)?[时期]限[:：]|(?:截止|完成)(?:时间|日期)(?:[:：]|为|是)"
        r"|时间(?:节点|要求)[:：]|截至|截止到|截止|到|至|于|在)?\s*")
_POST = r"(?P<post>\s*(?:底前|之前|以前|前(?!后)|止|为止))?"
_MONTHS = re.compile(rf"(?:(?P<y>\d{{4}})\s*年)?"
                     rf"(?<![\d.])(?P<m1>\d{{1,2}}){_SEP}(?P<m2>\d{{1,2}})\s*月"
                     rf"(?:份)?(?!\s*\d{{1,2}}\s*[日号]){_POST}")
# "4月10日至14日", "5月17日（星期一）至21日（星期五）": a range of days within one month
_DAYS = re.compile(rf"(?:(?P<y>\d{{4}})\s*年)?"
                   rf"(?<![\d.])(?P<m>\d{{1,2}})\s*月(?P<d1>\d{{1,2}})\s*(?:[日号]{_WEEKDAY})?"
                   rf"{_SEP}(?P<d2>\d{{1,2}})\s*[日号]{_WEEKDAY}{_POST}")
_YEARS = re.compile(rf"{_PRE}(?P<y1>\d{{4}})\s*(?:年)?{_SEP}(?P<y2>\d{{4}})\s*年(?:度)?{_POST}")
_RANGE_OR_POINT = re.compile(
    rf"{_PRE}(?P<a>{_point('a')})(?:{_SEP}(?P<b>{_point('b')}))?{_POST}")


def _span(p: str) -> str:
    # a span counts in ones and tens ("3年内"), never a calendar year ("2022年内")
    return (rf"(?<![\d.])(?P<{p}n>\d{{1,2}}(?:\.\d+)?|[一二两三四五六七八九十]+)\s*"
            rf"(?P<{p}u>年|个月|个学期|个工作日|工作日|日|天|个星期|周|个小时|小时)(?P<{p}half>半)?")


_WITHIN = re.compile(
    rf"(?:(?:用|通过|经过|利用|花)\s*{_span('x')}\s*(?:左右)?(?:的)?"
    rf"(?:时间|努力|建设|奋斗|攻坚|培育)"
    rf"|(?:周期|期限)(?:为|是)\s*{_span('y')}"
    rf"|{_span('z')}\s*(?:内|之内|以内))"
)


# a span counted back from now (近三年内, 最近两年内, 过去一年内): no time limit
_PAST = re.compile(r"(?:近|最近|过去|以往)\s*$")


@dataclass
class Found:
    """A time limit found in text, with its character offsets."""

    start: int
    end: int
    deadline: Deadline


def _parse_date(value: str | None) -> date | None:
    """The document's date, or None when it is missing or malformed."""
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add(base: date, months: int) -> date:
    """`base` moved forward by whole months (day clamped to the month's length)."""
    y, m = divmod(base.month - 1 + months, 12)
    y += base.year
    m += 1
    return date(y, m, min(base.day, _last(y, m)))


def _month(s: str | None) -> int | None:
    if not s:
        return None
    n = int(s) if s.isdigit() else cn_to_int(s)
    return n if n and 1 <= n <= 12 else None


def _span_of(g: dict, p: str, y: int) -> tuple[date, date] | None:
    """The half, term, summer or quarter a point names in year `y`, or None."""
    if g.get(f"{p}half"):
        return ((date(y, 1, 1), date(y, 6, 30)) if g[f"{p}half"] == "上半年"
                else (date(y, 7, 1), date(y, 12, 31)))
    if g.get(f"{p}sem"):  # 2022年春季学期: February to July; 秋季: September to January
        if g[f"{p}sem"].startswith("暑"):  # 暑期, 暑假: July and August
            return date(y, 7, 1), date(y, 8, 31)
        return ((date(y, 2, 1), date(y, 7, 31)) if g[f"{p}sem"].startswith("春")
                else (date(y, 9, 1), date(y + 1, 1, 31)))
    if g.get(f"{p}q"):
        q = int(g[f"{p}q"]) if g[f"{p}q"].isdigit() else cn_to_int(g[f"{p}q"])
        m0 = 3 * (q - 1) + 1
        return date(y, m0, 1), date(y, m0 + 2, _last(y, m0 + 2))
    return None


def _resolve(g: dict, p: str, default_year: int | None, after: date | None):
    """(first day, last day, granularity) of point `p`, or None when it cannot be dated."""
    if g.get(f"{p}ny"):  # 2023.12.31 / 2023-12 written with digits only
        y, m = int(g[f"{p}ny"]), int(g[f"{p}nm"])
        if not 1 <= m <= 12:
            return None
        last = _last(y, m)
        if g.get(f"{p}nd"):
            d = int(g[f"{p}nd"])
            return (date(y, m, d), date(y, m, d), "day") if 1 <= d <= last else None
        if g.get(f"{p}nedge"):
            return (date(y, m, last), date(y, m, last), "edge")
        return (date(y, m, 1), date(y, m, last), "month")
    y = int(g[f"{p}y"]) if g.get(f"{p}y") else None
    if y is None and g.get(f"{p}rel") and default_year is not None:
        y = default_year + _REL_YEAR[g[f"{p}rel"]]
    explicit_year = y is not None
    if y is None:
        y = default_year
    if y is None:
        return None
    span = _span_of(g, p, y)
    if span is not None:
        if not explicit_year and after is not None and span[1] < after:
            # 第一季度举办… in a notice of December: next year's (as a month already past)
            span = _span_of(g, p, y + 1)
        if g.get(f"{p}qend") or g.get(f"{p}hend"):  # 三季度末, 上半年末: its last day
            return (span[1], span[1], "edge")
        return span + ("period",)
    m = _month(g.get(f"{p}m"))
    if m is not None:
        if not explicit_year and after is not None and date(y, m, _last(y, m)) < after:
            y += 1  # a month without a year already past at the document's date: next year
        last = _last(y, m)
        if g.get(f"{p}d"):
            d = int(g[f"{p}d"])
            if not 1 <= d <= last:
                return None
            return (date(y, m, d), date(y, m, d), "day")
        edge = g.get(f"{p}edge")
        if edge in ("底", "末"):
            return (date(y, m, last), date(y, m, last), "edge")
        # a part of a month (5月中旬) is a span of days, not one day or month: a range
        if edge == "初" or edge == "上旬":
            return (date(y, m, 1), date(y, m, 10), "period")
        if edge == "上中旬":
            return (date(y, m, 1), date(y, m, 20), "period")
        if edge == "中下旬":
            return (date(y, m, 11), date(y, m, last), "period")
        if edge == "中旬":
            return (date(y, m, 11), date(y, m, 20), "period")
        if edge == "下旬":
            return (date(y, m, 21), date(y, m, last), "period")
        return (date(y, m, 1), date(y, m, last), "month")
    yedge = g.get(f"{p}yedge") or g.get(f"{p}yedge0") or ("内" if g.get(f"{p}whole") else None)
    if yedge in ("底", "末", "内"):  # 年底, 年末, 年内: by the year's last day
        return (date(y, 12, 31), date(y, 12, 31), "edge")
    if yedge == "初":
        return (date(y, 1, 1), date(y, 1, 31), "month")
    if not explicit_year:
        return None
    return (date(y, 1, 1), date(y, 12, 31), "year")


# a span counted in days: calendar days, or working days (five in a week of seven)
_DAY_UNITS = {"日": 1.0, "天": 1.0, "工作日": 7 / 5, "个工作日": 7 / 5, "周": 7.0, "个星期": 7.0,
              "小时": 1 / 24, "个小时": 1 / 24}


def _days_of(m: re.Match) -> int | None:
    """The length in calendar days of a span counted in days or weeks (30日内, 10个工作日内),
    None for one counted in months or years."""
    p = next(p for p in "xyz" if m.group(f"{p}n"))
    unit = m.group(f"{p}u")
    if unit not in _DAY_UNITS:
        return None
    return round((to_number(m.group(f"{p}n")) or 0) * _DAY_UNITS[unit])


def _months_of(m: re.Match) -> float:
    p = next(p for p in "xyz" if m.group(f"{p}n"))
    n = to_number(m.group(f"{p}n")) or 0
    unit = m.group(f"{p}u")
    if unit in _DAY_UNITS:
        return (_days_of(m) or 0) / 30
    months = n * 12 if unit == "年" else n * 6 if unit == "个学期" else n
    if m.group(f"{p}half") and unit == "年":
        months += 6
    return months


def _within(m: re.Match, doc_date: date | None) -> Deadline:
    text = m.group(0).strip()
    if doc_date is None:
        return Deadline(text=text, start=None, end=None, kind="within")
    days = _days_of(m)
    end = doc_date + timedelta(days=days) if days is not None else _add(doc_date,
                                                                          round(_months_of(m)))
    return Deadline(text=text, start=doc_date.isoformat(), end=end.isoformat(), kind="within")


# what a span of N months/days is counted from when it is not the document's date
_EVENT_BEFORE = re.compile(r"后|之日起|起\s*$|收到|接到|发现|结束|届满|期满|"
                           r"任职|任命|到任|上任|就任|入职|当选")


# the event is the document itself (收到本通知后, a notice's 收到通知后, 方案印发后,
# 本意见下发之日起, 本细则印发后): counted from the document's date
_OWN_GENRES = (r"(?:通知|方案|文件|意见|办法|计划|细则|规则|规定|要点|安排|清单|措施|规划|指引|"
                r"分工|任务书|纲要|决定|准则)")
_OWN_ISSUE = re.compile(rf"(?:收到|接到)(?:本{_OWN_GENRES}|通知)\s*"
                        r"(?:后|之日起)|"
                        rf"(?:本|该)?{_OWN_GENRES}(?:印发|下发|发布|公布)"
                        r"\s*(?:后|之日起)")


# a sentence opening with those it applies to, each case on its own (对…的…，)
_EACH_CASE = re.compile(r"^\s*对[^，,。；;]{1,30}的[^，,。；;]{0,16}[，,]")


# …，对拟提拔人选在5个工作日内出具…意见: the span right after those it applies to (对X), each case
_FOR_EACH = re.compile(r"(?:^|[，,])\s*对[^，,。；;对]{1,20}?(?:在|于)?\s*$")


def _from_event(before: str) -> bool:
    """Whether the part of the sentence before a span names the event it is counted from,
    other than the document's own issue (收到本通知后 counts from the document's date)."""
    if _EACH_CASE.match(before) or _FOR_EACH.search(before):
        return True  # 对有入党意愿的优秀青年人才，党支部要在3个月内…: for each such person
    last = None
    for m in _EVENT_BEFORE.finditer(before):
        last = m
    if last is None:
        return False
    return not any(o.start() <= last.start() < o.end() for o in _OWN_ISSUE.finditer(before))


# a case stated in a clause before the span (党支部书记出现空缺的，…在1个月内完成增补;
# 对联系对象反映的问题，相关部门应在10个工作日内…)
_CASE_CLAUSE = re.compile(r"(?:^|[，,])\s*(?:对[^，,。；;]{1,30}的[^，,。；;]{0,8}|"
                          r"[^，,。；;]{2,20}的)\s*[，,]")
# what is done in answer to each case (…在15个工作日内办理完毕并反馈, 在5个工作日内提出回复意见)
_ANSWER = re.compile(r"\s*(?:完成|予以|提出|作出|给予)?\s*"
                     r"(?:办理|办结|答复|回复|反馈|增补|补选|处置|核实|核查|查处)")


def _each_case(text: str, m: re.Match) -> bool:
    """Whether the span `m` of `text` holds for each case: counted in hours, from an event
    named before it, after a clause that states the case, or for an answer to each case."""
    if m.group("zu") and m.group("zu").endswith("小时"):
        return True  # 重大舆情2小时内报告: no plan counts hours from its own date
    before = _sentence_before(text, m.start())
    if _from_event(before):
        return True
    if _OWN_ISSUE.search(before):
        return False
    return bool(_CASE_CLAUSE.search(before) or _ANSWER.match(text, m.end()))


def counted_from_event(text: str) -> bool:
    """Whether a text sets a span counted from an event (任职后3个月内, 收到材料后一个月内): a
    limit that holds each time the event happens, no date."""
    return any(m.group("zn") and _each_case(text, m) for m in _WITHIN.finditer(text))


# a span set before an event that recurs with each case (会前1天送达, 提前5个工作日报审批,
# 任期届满前1个月提出请示, 开班前一周报送名单): not after a date (3月20日前10天)
_AHEAD = re.compile(r"(?:提前|(?<=[\u4e00-\u9fff])(?<![月日号底末旬])前)\s*"
                    r"(?:\d{1,2}|[一二两三四五六七八九十半]+)\s*"
                    r"(?:个工作日|工作日|日|天|个星期|周|个月)(?!内|以内|之内)")


def each_time(text: str) -> bool:
    """Whether a text sets a span counted from an event or ahead of one (任职后3个月内,
    会议召开前三天报告, 活动方案提前一周报备): a limit that holds each time, no date."""
    return counted_from_event(text) or bool(_AHEAD.search(text))


def _sentence_before(text: str, pos: int) -> str:
    """The part of the sentence before `pos`."""
    start = max(text.rfind(ch, 0, pos) for ch in "。；;！？!?\n")
    return text[start + 1:pos]


def span_months(text: str) -> int | None:
    """The length in months of the span a time expression names (`用3年时间` → 36,
    `建设周期为1年半` → 18), or None when it names none."""
    m = _WITHIN.search(text or "")
    return round(_months_of(m)) if m else None


def add_months(base: date, months: int) -> date:
    """`base` moved forward by whole months (the day clamped to the month's length)."""
    return _add(base, months)


# a year run into its month, the 年 lost in extraction: 20215月 (the normaliser warns about it)
_DAMAGED = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<m>1[0-2]|0?[1-9])\s*月(?:份)?"
                      r"(?P<edge>底|末)?(?P<post>\s*(?:前|之前|以前))?")
# a term's start after the term's name (秋季学期开学后…): a named day, not the term's span
_TERM_START = re.compile(r"\s*(?:开学|报到)")
_FROM = re.compile(r"\s*(?:(?:春季|秋季|春|秋)(?:学期)?)?\s*(?:起(?!止)|开始|以来|至今)")
@per_lexicon()
def _document_name() -> re.Pattern:
    # a work document's name after a year: 2022年(基层党建)工作(任务)清单/要点/计划/方案 …
    return re.compile(rf"\s*度?[\u4e00-\u9fff“”]{{0,12}}?工作[\u4e00-\u9fff]{{0,4}}?"
                      rf"(?:{alternation('kinds.txt')})")


def _names_a_document(text: str, pos: int) -> bool:
    """Whether the year ending at `pos` begins a document's name (not a verb phrase such as
    2025年完成工作方案修订, which sets a limit)."""
    m = _document_name().match(text, pos)
    if not m:
        return False
    gap = text[pos:m.end()].strip().lstrip("度")
    return not any(gap.startswith(v) for v in entries("not_name_starts.txt"))


_THEME = re.compile(r"[^，。；：,;:]{0,16}?(?:总体要求|总体思路|指导思想|工作思路|基本思路|"
                    r"工作重点|"
                    r"工作主线|工作主题)(?:是|为)")
# a year naming whose work or items it is, not by when: 2023年工作, 2023年十大民生实事
_TOPIC = re.compile(r"(?!完成|实现|建成|达到|全面|基本|力争|争取|开展|启动|建立|召开|出台)"
                    r"[\u4e00-\u9fff]{0,6}?(?:工作|任务|实事|重点|要点|计划)(?=[，。；、,;的]|$)")
# a verb right before a part of a year makes it what the work is about (完成上半年党费收缴,
# 做好下半年发展党员工作, 总结第一季度工作, 通报上半年意识形态领域情况), not by when
_OBJECT_VERB = re.compile(r"(?:完成|做好|抓好|总结|部署|研究|分析|统计|核算|收缴|报送|上报"
                          r"|核对|核查|清查|盘点|通报|汇报|报告|梳理|回顾)$")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_STATEMENT = re.compile(r"\s*(?:是|为|以来|起|开始|至今|以前|以后|，[^，。；]{0,6}(?:了|已经|已))")
_ANY_TIME = re.compile(r"[年月季日天周暑]|\d{4}[.．/-]\d")
_EXPLICIT_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
# a year written as a limit (到2028年底, 至2027年末, 截至2028年, 最迟于2028年春季学期…,
# 于2028年4月底前完成): a later sentence's bare months are not in it
_LIMIT_YEAR = re.compile(r"(?:到|至|截至|最迟于|不迟于)\s*\d{4}\s*年(?:底|末|前)?"
                         r"|于\s*\d{4}\s*年[^，,。；;]{0,7}?前")
_RANGE_END = re.compile(rf"(?:\d\s*[年月日号]|\d{{4}}){_SEP}$")
# "2025年下半年以来确定的…": a year a count looks back from sets no later month's year
_SINCE = re.compile(r"[^，,。；;：:]{0,8}?(?:以来|至今)")


@per_lexicon()
def _anniversaries() -> tuple[re.Pattern, dict[str, int]] | None:
    """(pattern, event → founding year) of `lexicon/anniversaries.tsv`: 建党100周年 is 2021."""
    base: dict[str, int] = {}
    for r in rows("anniversaries.tsv", min_cells=2):
        if r[1].strip().isdigit():
            for w in r[0].split("|"):
                if w.strip():
                    base[w.strip()] = int(r[1])
    if not base:
        return None
    alt = "|".join(re.escape(w) for w in sorted(base, key=len, reverse=True))
    pattern = re.compile(rf"(?P<event>{alt})\s*(?P<n>\d{{1,3}}|[一二三四五六七八九十百]+)\s*周年")
    return pattern, base


def anniversary_due(text: str, doc_date: str | None = None) -> Deadline | None:
    """The time limit of work for a dated anniversary (开展中国共产党成立100周年庆祝活动: by the
    end of 2021, the year it falls in, not the plan's end), or None (none named, or one
    already past when the document was issued)."""
    ddate = _parse_date(doc_date)
    for a, b, y in _anniversary_years(text):
        if ddate is None or y >= ddate.year:
            return Deadline(text[a:b], None, _iso(y, 12, 31), "by")
    return None


def _anniversary_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each dated anniversary in `text` (建党100周年 → 2021)."""
    found = _anniversaries()
    if found is None or "周年" not in text:
        return []
    pattern, base = found
    out = []
    for m in pattern.finditer(text):
        n = to_number(m.group("n"))
        if n and n == int(n) and 0 < n < 500:
            out.append((m.start(), m.end(), base[m.group("event")] + int(n)))
    return out


# a month or day whose digits extraction split with a space: 2025年1 0月底前, 10月2 0日
SPACED_DIGITS = re.compile(r"(?:(?<=\d{4}年)|(?<=\d月))(\d)[ \u3000](\d)(?=\s*[月日号])")


def repair_spaced_digits(text: str) -> str:
    """The text with a date's split digits joined (2025年1 0月 → 2025年10 月: the same length,
    so offsets hold); the normaliser warns about them."""
    return SPACED_DIGITS.sub(lambda m: m.group(1) + m.group(2) + " ", text)


def find_deadlines(text: str, doc_date: str | None = None,
                   masked: list[tuple[int, int]] = (),
                   context_year: int | None = None) -> list[Found]:
    """Every time limit in `text` (skipping the `masked` character ranges), in text order.

    A month without a year takes the last year written before it in `text`, else
    `context_year` (a phase heading's), else the document's year (the next one if already past).
    """
    if not _ANY_TIME.search(text):
        return []  # most sentences name no time at all
    repaired = repair_spaced_digits(text)
    spaced, text = repaired != text, repaired
    ddate = _parse_date(doc_date)
    dyear = ddate.year if ddate else None
    # the end of a range ("2024年1月至2025年12月") does not set the year of what follows
    years = [(m.start(), int(m.group(1))) for m in _EXPLICIT_YEAR.finditer(text)
             if all(m.end() <= s or m.start() >= e for s, e in masked)
             and not _RANGE_END.search(text[max(0, m.start() - 12):m.start()])
             and not _SINCE.match(text, m.end())
             # (完成2026年度…考核，下半年启动… in a 2027 document: the year whose work is
             # assessed, not the year of the bare times after it)
             and not (dyear is not None and int(m.group(1)) < dyear
                      and text.startswith("度", m.end()))]

    def year_before(pos: int) -> tuple[int | None, date | None]:
        # (到2028年底，…比例保持在95%以上。…上半年出台具体办法: a limit set in an earlier
        # sentence does not date a later duty's bare months)
        prior = [y for p, y in years if p < pos and not (
            _LIMIT_YEAR.search(text[max(0, p - 3):p + 14])
            and _SENTENCE_END.search(text, p, pos))]
        if (prior and dyear is not None and prior[-1] < dyear
                and _SENTENCE_END.search(text, [p for p, _ in years if p < pos][-1], pos)):
            # 2025年支部被评为…。…上半年举办…: a past year a fact was told in, in an earlier
            # sentence, does not date a later duty: the document's own year does
            prior = [y for y in prior if y >= dyear]
        if prior:
            # (逐人核对2025年1月至12月党费…，1月23日前报 in a notice of 2025-12-22: the
            # document's own year written before, a month already past is the next year's)
            return prior[-1], (ddate if prior[-1] == dyear else None)
        if context_year is not None:
            return context_year, None
        return dyear, ddate
    found: list[Found] = []
    taken: list[tuple[int, int]] = list(masked)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _DAMAGED.finditer(text):  # 20215月: read as what it says, 2021年5月
        y, mo = int(m.group("y")), int(m.group("m"))
        if not free(m.start(), m.end()) or not 1 <= mo <= 12:
            continue
        last = _iso(y, mo, _last(y, mo))
        dl = (Deadline(m.group(0).strip(), None, last, "by") if m.group("post") or m.group("edge")
              else Deadline(m.group(0).strip(), _iso(y, mo, 1), last, "on"))
        found.append(Found(m.start(), m.end(), dl))
        taken.append((m.start(), m.end()))
    for m in _WITHIN.finditer(text):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            if m.group("zn") and _each_case(text, m):
                continue  # 提出入党申请后，…在一个月内谈话: counted from that event, not a date
            if m.group("zn") and _PAST.search(text, max(0, m.start() - 3), m.start()):
                continue  # 近三年内师德考核不合格的: the years before, a condition, no limit
            found.append(Found(m.start(), m.end(), _within(m, ddate)))
    for m in _YEARS.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 > y2 or not free(m.start("y1"), m.end()):
            continue
        if m.group("post"):
            dl = Deadline(m.group(0).strip(), None, _iso(y2, 12, 31), "by")
        else:
            dl = Deadline(m.group(0).strip(), _iso(y1, 1, 1), _iso(y2, 12, 31), "range")
        found.append(Found(m.start(), m.end(), dl))
        taken.append((m.start(), m.end()))
    for m in _DAYS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        y = int(m.group("y")) if m.group("y") else year_before(m.start())[0]
        mo, d1, d2 = int(m.group("m")), int(m.group("d1")), int(m.group("d2"))
        if y is None or not 1 <= mo <= 12 or not 1 <= d1 < d2 <= _last(y, mo):
            continue
        if m.group("post"):
            dl = Deadline(m.group(0).strip(), None, _iso(y, mo, d2), "by")
        else:
            dl = Deadline(m.group(0).strip(), _iso(y, mo, d1), _iso(y, mo, d2), "range")
        if ddate is not None and (dl.end or "9999") < ddate.isoformat():
            continue
        found.append(Found(m.start(), m.end(), dl))
        taken.append((m.start(), m.end()))
    for m in _MONTHS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
        y = int(m.group("y")) if m.group("y") else year_before(m.start())[0]
        if m1 is None or m2 is None or m1 > m2 or y is None:
            continue
        if m.group("post"):
            dl = Deadline(m.group(0).strip(), None, _iso(y, m2, _last(y, m2)), "by")
        else:
            dl = Deadline(m.group(0).strip(), _iso(y, m1, 1), _iso(y, m2, _last(y, m2)), "range")
        if ddate is not None and (dl.end or "9999") < ddate.isoformat():
            continue
        found.append(Found(m.start(), m.end(), dl))
        taken.append((m.start(), m.end()))
    for m in _RANGE_OR_POINT.finditer(text):
        if not m.group(0).strip() or not free(m.start(), m.end()):
            continue
        g = m.groupdict()
        a = _resolve(g, "a", *year_before(m.start()))
        if a is None:
            continue
        b = None
        if g.get("b"):
            b = _resolve(g, "b", a[0].year, None)
        pre, post = g.get("pre"), (g.get("post") or "").strip()
        # "到"/"截至" belong to the expression; a lone "在"/"于" belongs to the sentence
        by_pre = bool(pre) and pre not in ("于", "在")
        # "到2022年底" keeps its 到; a label (完成时限：) and a lone 于/在 are not the expression
        start = m.start() if by_pre and pre[-1] not in ":：" else m.start("a")
        text_ = text[start:m.end()].strip()
        if b is not None:
            dl = Deadline(text_, a[0].isoformat(), b[1].isoformat(), "range")
        elif post and (g.get("asem") or "").startswith("暑"):
            # 暑期前, 暑假前: before the summer begins, by the end of June
            dl = Deadline(text_, None, (a[0] - timedelta(days=1)).isoformat(), "by")
        elif by_pre or post or a[2] == "edge":
            dl = Deadline(text_, None, a[1].isoformat(), "by")
        elif a[2] in ("day", "month"):
            dl = Deadline(text_, a[0].isoformat(), a[1].isoformat(), "on")
        elif a[2] == "year":  # "本年度发展…", "2025年建成…": within that year
            if _STATEMENT.match(text, m.end()):
                continue  # "2022年是…之年": says what the year is, sets no limit
            if _THEME.match(text, m.end()):
                continue  # "2024年学校党建工作的总体要求是：…": the year's theme, not a limit
            if _names_a_document(text, m.end()):
                continue  # "现将2022年党建工作要点印发给你们": part of a document's name
            if _TOPIC.match(text, m.end()):
                continue  # "聚焦2023年十大民生实事", "科学谋划2023年工作": which year's work
            dl = Deadline(text_, None, a[1].isoformat(), "by")
            day = _DAY_OPENS.match(text, m.end()) and named_day_due(
                text[m.end():m.end() + 16], a[0].year)
            if day and text[m.end():m.end() + 16].lstrip("“\"").startswith(day.text or "?"):
                dl = day  # 2028年“七一”前后集中命名表彰: that year's named day
        else:
            dl = Deadline(text_, a[0].isoformat(), a[1].isoformat(), "range")
        if _FROM.match(text, m.end()):
            continue  # "2023年秋季学期起", "自2023年9月起": when something starts, not a limit
        end_ = m.end()
        if g.get("asem") and not g.get("b") and _TERM_START.match(text, m.end()):
            # 秋季学期开学后两周内: the term's start, a named day, sets the limit, not the
            # term's span
            named = named_day_due(text[m.start("a"):m.start("a") + 24], a[0].year)
            if named is not None:
                dl, end_ = named, m.start("a") + len(named.text or "")
        if (not pre and not post and (g.get("ahalf") or g.get("aq") or g.get("asem"))
                and not g.get("b") and _OBJECT_VERB.search(text, 0, m.start("a"))):
            continue  # 完成上半年党费收缴情况自查: the half-year whose dues, not a limit
        if (not pre and not post and b is not None and ddate is not None and a[0] < ddate
                and _OBJECT_VERB.search(text, 0, m.start("a"))):
            continue  # 逐人核对2025年1月至12月党费 (in December): the months whose dues
        if ddate is not None and (dl.end or "9999") < ddate.isoformat():
            continue  # a date already past when the document was issued is history
        found.append(Found(start, end_, dl))
        taken.append((m.start(), end_))
    found.sort(key=lambda f: f.start)
    if spaced:  # 6月10 日前 (the joined digits' space) as 6月10日前
        for f in found:
            f.deadline.text = re.sub(r"(?<=\d)\s+(?=[月日号])", "", f.deadline.text)
    return found


# what may open a named day right after a year (2028年“七一”前后, 2028年国庆节前)
_DAY_OPENS = re.compile(r"[“\"\u4e00-\u9fff]")


# a named day's date in one year only (春节 2027-02-06), in `lexicon/named_days.tsv`
_YEARLY_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@per_lexicon()
def _named_days() -> tuple[re.Pattern, dict[str, tuple[int, int | None]]] | None:
    """(pattern, name → (month, day or None)) of `lexicon/named_days.tsv` (七一 → 07-01,
    新生入学 → September). A day whose date changes every year (春节, 中秋节) has (0, None)
    here; `_dated_days` gives its date in a year."""
    base: dict[str, tuple[int, int | None]] = {}
    for r in rows("named_days.tsv", min_cells=2):
        m = re.fullmatch(r"(\d{1,2})(?:-(\d{1,2}))?", r[1].strip())
        if not m and not _YEARLY_DATE.fullmatch(r[1].strip()):
            continue
        for w in r[0].split("|"):
            if w.strip():
                base[w.strip()] = ((int(m.group(1)), int(m.group(2)) if m.group(2) else None)
                                   if m else base.get(w.strip(), (0, None)))
    if not base:
        return None
    return _day_pattern(base), base


def _day_pattern(names) -> re.Pattern:
    """A named day with what comes after it: 后一个月内, 后两周内, 前一周, 前, 前夕, or nothing."""
    alt = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!每年)[“\"]?(?P<name>{alt})[”\"]?"
                      rf"(?P<after>(?:后|之后)(?:(?P<n>[一二两三\d])个?月|(?P<w>[一二两三四\d])"
                      rf"(?:周|个星期))内|(?:前|之前)(?P<wb>[一二两三\d])(?:周|个星期)"
                      rf"|之前|前夕|前(?!后)|)"
                      rf"(?![”\"]?\s*(?:重要)?讲话|[”\"]?周年)")


# the days of its own term a text states (学生寒假自1月16日开始，春季学期于2月22日正式开学):
# 放假 and 开学 are those days in that text (放假前, 开学前一周, 开学后两周内, 开学第一天)
_STATED_BREAK = re.compile(r"(?:寒假|暑假|放假)\s*(?:自|从|于)\s*(?P<m>\d{1,2})\s*月\s*"
                           r"(?P<d>\d{1,2})\s*日\s*(?:开始|起)"
                           r"|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日\s*(?:起|开始)?放(?:寒|暑)?假")
# (the days, and their pattern compiled once for the document)
_STATED_DAYS: ContextVar[tuple[dict[str, tuple[int, int]], re.Pattern] | None] = ContextVar(
    "stated_days", default=None)


def stated_days(text: str) -> dict[str, tuple[int, int]]:
    """开学 and 放假 with the (month, day) a text states for them, each when it states one."""
    out: dict[str, tuple[int, int]] = {}
    opening = [(int(m.group("m")), int(m.group("d"))) for m in _TERM_OPENS.finditer(text)]
    if len(set(opening)) == 1:
        out["开学"] = opening[0]
    breaks = {(int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2")))
              for m in _STATED_BREAK.finditer(text)}
    if len(breaks) == 1:
        out["放假"] = next(iter(breaks))
    return out


@contextmanager
def with_stated_days(days: dict[str, tuple[int, int]]):
    """Within it, named_day_due also knows the days a document states (`stated_days`)."""
    reset = _STATED_DAYS.set((days, _day_pattern(days)) if days else None)
    try:
        yield
    finally:
        _STATED_DAYS.reset(reset)


# a term start with no season (开学后两周内), and what says it is the autumn one
_BARE_TERM_START = re.compile(r"(?<![春秋]季)(?<![春秋]季学期)(?<!每学期)(?<!每学年)"
                              r"(?:新学期)?开学")
_AUTUMN_HINT = re.compile(r"新生|新学年|迎新")


@per_lexicon()
def _dated_days() -> dict[tuple[str, int], date]:
    """(name, year) → that year's date of a named day whose date changes every year (春节
    2027 → 2027-02-06), from the `YYYY-MM-DD` rows of `lexicon/named_days.tsv`."""
    out: dict[tuple[str, int], date] = {}
    for r in rows("named_days.tsv", min_cells=2):
        m = _YEARLY_DATE.fullmatch(r[1].strip())
        if m:
            for w in r[0].split("|"):
                if w.strip():
                    out[(w.strip(), int(m.group(1)))] = date(*map(int, m.groups()))
    return out


def fixed_day(name: str) -> str | None:
    """MM-DD of a named day that falls on the same day every year (七一 → 07-01, 教师节 →
    09-10), or None (a month only, a festival whose date changes, an unknown name)."""
    found = _named_days()
    month, day = found[1].get(name, (0, None)) if found else (0, None)
    return f"{month:02d}-{day:02d}" if month and day else None


@per_lexicon()
def named_day_months() -> dict[str, int]:
    """name → month of each named day of `lexicon/named_days.tsv` (春节 → its month in the
    first year listed), for telling in which half of the year a festival falls."""
    found = _named_days()
    if found is None:
        return {}
    out = {name: month for name, (month, _) in found[1].items() if month}
    for (name, _), day in sorted(_dated_days().items(), key=lambda kv: kv[0][1], reverse=True):
        out[name] = day.month
    return out


def _last_of_run(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first named day of a text, or of days written together (中秋国庆前, 元旦、春节前)
    the last, whose 前/前后 holds for them all."""
    found = list(pattern.finditer(text))
    for k, m in enumerate(found):
        if m.group("after") or k + 1 == len(found) or not re.fullmatch(
                r"[、和及与]?", text[m.end():found[k + 1].start()]):
            return m
    return None


_EXAMPLE_DAYS = re.compile(r"[”\"]?(?:前后|前夕|期间|前|后)?(?:[、和及与][^，,。；;]{0,10}?)?"
                           r"等\s*(?:重要|重大|敏感|关键)?\s*(?:时间)?\s*"
                           r"(?:节点|节日|节假日|时段|时期)")


def named_day_due(text: str, year: int, term_month: int | None = None) -> Deadline | None:
    """The time limit a task's named day gives in `year` (“七一”前 → by 06-30; 新生入学后一个月内
    → by 09-30; 开展“七一”系列活动 → on 07-01), or None when it names none. A limit (X前, X后
    两周内) wins over a day named only as the occasion (在新生入学教育中…，开学后两周内完成…);
    `term_month`, the month the task's row is labelled with, tells which term a bare 开学
    starts."""
    found = _named_days()
    if found is None:
        return None
    pattern, base = found
    m = _last_of_run(pattern, text)
    if m is not None and not m.group("after"):
        m = next((x for x in pattern.finditer(text) if x.group("after")), m)
    hinted = False
    stated = _STATED_DAYS.get()
    if stated and (m is None or not m.group("after")):
        # 开学前一周, 放假前: the days the document itself states, before the usual months
        days, own = stated
        mine = next((x for x in own.finditer(text) if x.group("after")), None) or own.search(text)
        if mine is not None and not re.match(r"(?:[春秋]季|新)", text[max(0, mine.start() - 2):
                                                                    mine.start()]):
            m, base = mine, {**base, **days}
    if m is None or not m.group("after"):
        # 开学后两周内完成新生思想状况摸底: new students start in the autumn term; under a
        # row labelled 9月 (or 3月) a bare 开学 is that month's term start
        term = ("秋季开学" if _AUTUMN_HINT.search(text) or term_month in (8, 9) else
                "春季开学" if term_month in (2, 3) else None)
        if term and _BARE_TERM_START.search(text):
            swapped = _BARE_TERM_START.sub(term, text, 1)
            limit = next((x for x in pattern.finditer(swapped) if x.group("after")), None)
            if limit is not None or m is None:
                m, hinted = limit or _last_of_run(pattern, swapped), True
    if m is None or _EXAMPLE_DAYS.match(text, m.end()):
        # (“七一”前后、国庆节前后等重要节点实行24小时值班: days given as examples of the times
        # a standing rule holds, none of them its date)
        return None
    month, day = base[m.group("name")]
    if not month:  # 春节: this year's date, when the lexicon has it
        dated = _dated_days().get((m.group("name"), year))
        if dated is None:
            return None
        month, day = dated.month, dated.day
    first = date(year, month, day or 1)
    last = date(year, month, day or _last(year, month))
    after = m.group("after")
    words = m.group(0).strip("“”\"")
    if hinted:
        words = words.replace("秋季开学", "开学").replace("春季开学", "开学")
    if m.group("n"):  # 新生入学后一个月内: a month from the day (09-01 → 09-30)
        end = _add(first, int(to_number(m.group("n")))) - timedelta(days=1)
        return Deadline(words, None, end.isoformat(), "by")
    if m.group("w"):  # 开学后两周内: two weeks from the day (the month's first)
        end = first + timedelta(days=7 * int(to_number(m.group("w"))))
        return Deadline(words, None, end.isoformat(), "by")
    if m.group("wb"):  # 开学前一周: a week before the day
        end = first - timedelta(days=7 * int(to_number(m.group("wb"))))
        return Deadline(words, None, end.isoformat(), "by")
    if after in ("前", "之前", "前夕"):
        return Deadline(words, None, (first - timedelta(days=1)).isoformat(), "by")
    return Deadline(words, first.isoformat(), last.isoformat(), "on")


# -- teaching weeks ------------------------------------------------------------------------
# A term's plan by teaching week (第1—2周：… 第3周：…) counts its weeks from the term's first
# day, which the text may state (本学期第1周自8月30日起, 第一周为8月30日至9月5日, 8月30日开学).
_FIRST_WEEK = re.compile(r"第\s*[1一]\s*(?:教学)?周\s*(?:自|从|为|是|始于|起始于)?\s*"
                         r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# (9月6日开始上课, 8月30日起正式上课, 2月24日开学)
_TERM_OPENS = re.compile(r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:起)?\s*(?:正式)?\s*"
                         r"(?:开始)?(?:开学|开课|上课)")
_WEEK_LABEL = re.compile(r"第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[—\-–~～至到]\s*第?\s*"
                         r"(?P<last>\d{1,2}|[一二三四五六七八九十]{1,3}))?\s*(?:教学)?周")
_LAST_WEEK = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:教学)?周$")


def is_week_label(label: str | None) -> bool:
    """Whether a clause's number is a teaching week's label (第3周, 第1—2周)."""
    return bool(label and _WEEK_LABEL.fullmatch(label.strip()))


def term_start(text: str, year: int | None, title: str = "") -> tuple[date, bool] | None:
    """The first day of the term a plan by teaching week counts from, and whether it is
    inferred: the day the text states (第1周自8月30日起, 8月30日开学), else for an autumn or
    spring term's plan (its title says 秋季学期/春季学期) the Monday of the week holding
    September 1 or March 1, as most terms start; None when neither is known."""
    if year is None:
        return None
    for rx in (_FIRST_WEEK, _TERM_OPENS):
        m = rx.search(text or "")
        if m:
            try:
                return date(year, int(m.group("m")), int(m.group("d"))), False
            except ValueError:
                continue
    season = 9 if "秋季学期" in (title or "") else 3 if "春季学期" in (title or "") else None
    if season is None:
        return None
    first = date(year, season, 1)
    return first - timedelta(days=first.weekday()), True


def teaching_week_due(label: str, start: date, inferred: bool = False) -> Deadline | None:
    """A teaching week's label (第3周, 第1—2周) as the limit of its work: by the last day of the
    last week it names, counted from the term's first day."""
    m = _LAST_WEEK.search((label or "").strip())
    n = cn_to_int(m.group(1)) if m and not m.group(1).isdigit() else int(m.group(1)) if m else 0
    if not n:
        return None
    end = start + timedelta(days=7 * n - 1)
    return Deadline(label.strip(), None, end.isoformat(), "by", inferred=inferred)
