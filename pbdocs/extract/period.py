"""The plan's own period, and time limits resolved inside it.

A plan says how long it runs in one of a few ways: years in its title (`三年行动计划
（2021-2023年）`, `2025年党建工作要点`), a stated time (`活动时间：2017年4月中旬—11月底`,
`项目实施期限为2017年4月至2018年3月`), a building cycle counted from its construction phase
(`建设周期为1年半` with `创建（2020年6月-2021年5月）`), a span counted from its date (`用3年时间`),
or its dated phases. Relative limits (`通过3年努力`) then end inside that period, never after it;
a deliverable nobody dated is due at the period's end (marked inferred)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from pbdocs.extract import timeexpr
from pbdocs.extract.tasks import CONDITION_WHOM
from pbdocs.lang.numerals import to_number
from pbdocs.lang.wording import parse_iso
from pbdocs.model import Deadline, Document, Recurrence

_TITLE_YEARS = re.compile(r"(?<!\d)(\d{4})\s*(?:年)?\s*(?:-|－|—+|–|~|～|至|到)\s*(\d{4})\s*年?")
_TITLE_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年度?")
_TIME_HEADING = re.compile(r"时间|期限|周期|日程|进度安排|时间安排")
# (实施期限为…; 建设周期为2年，自2027年6月起至2029年5月止: the span the length announces)
_TIME_CUE = re.compile(r"(?:时间|期限|周期|时限)\s*(?:为|是|[:：])?\s*"
                       r"(?:[\d一二三四五六七八九十两]+\s*(?:年|个月|个学期)半?\s*[，,]?\s*)?"
                       r"(?:自|从)?\s*$")
_CYCLE = re.compile(r"(?:建设|创建|培育|实施|工作)?(?:周期|期限)")
_BUILD_PHASE = re.compile(r"建设|创建|培育|实施")
# a year in the title is the plan's year only for a plan, not for a notice about that year
_NOT_PLAN_KINDS = ("通知", "通报", "公告", "决定", "函")
# a period written as days (5月1日至31日, 9月1日—9月30日), not as a month
_DAY_WINDOW = re.compile(r"\d{1,2}日\s*(?:至|到|—|-|－|~|～)")
ACTIVITY_MONTHS = 13  # a period this short is an activity's: standing duties run within it


@dataclass
class Period:
    """How long a plan runs: first and last day, the words that say so, and how it was found
    (`title`, `text`, `cycle`, `span`, `phases`); `years` when calendar years are written."""

    start: date | None
    end: date
    text: str
    source: str
    years: bool = False

    def months(self) -> int | None:
        """The period's length in whole months, when its start is known."""
        if self.start is None:
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    def span_kind(self) -> str:
        """`on` for a period that is one calendar month (2023年3月), else `range`."""
        one_month = (self.start is not None and self.start.day == 1 and
                     (self.start.year, self.start.month) == (self.end.year, self.end.month)
                     and (self.end + timedelta(days=1)).day == 1)
        return "on" if one_month else "range"

    def is_activity(self) -> bool:
        """A short period set for an activity or project (a notice's 活动时间), within which
        standing duties also run — not a multi-year plan whose standing duties go on."""
        n = self.months()
        # (a title's years are whole years: a year's plan, whose standing duties go on)
        return n is not None and n <= ACTIVITY_MONTHS and self.source == "text"


def title_period(doc: Document) -> Period | None:
    """The years a title names (三年行动计划（2021-2023年）, 2025年党建工作要点), or None."""
    for title in (doc.title, doc.notice.title if doc.notice else None):
        if not title:
            continue
        m = _TITLE_YEARS.search(title)
        if m and int(m.group(1)) <= int(m.group(2)):
            y1, y2 = int(m.group(1)), int(m.group(2))
            return Period(date(y1, 1, 1), date(y2, 12, 31), m.group(0), "title", True)
    title = doc.title or ""
    m = _TITLE_YEAR.search(title)
    # a year's plan, 要点, 责任书 or assessment items (2011年度…考核评价项目, no genre word):
    # the year; a notice about that year is not set for it
    if m and not any(k in (doc.kind or "") for k in _NOT_PLAN_KINDS):
        y = int(m.group(1))
        return Period(date(y, 1, 1), date(y, 12, 31), m.group(0), "title", True)
    return None


_ANNOUNCING = re.compile(r"现就|现将|如下|特制定|制定本")
# the term people sent or appointed serve (驻村期限为2年, 驻村时间为2年，自…, 挂职期限为…, 聘期为…):
# not the span of the notice's own work
_SERVICE = re.compile(r"(?:驻村|挂职|支教|派驻|借调|驻点|服务|聘|任)(?:时间|期限|期)")
_SERVICE_SPAN = re.compile(_SERVICE.pattern + r"(?:为|是)?[^，,。；;]{0,6}[，,]?\s*(?:自|从)?\s*$")
# the span a report or a check covers (统计时间为…, 报送时段为…, 检查时段：…, 考核周期为…)
_REPORTED_SPAN = re.compile(r"(?:统计|报送|填报|检查|自查|考核|测评|评估|评议|巡察|审计)"
                            r"(?:时间|时段|周期|期间|区间)(?:为|是)?\s*[:：]?\s*(?:自|从)?\s*$")


# after a span, what says it only dates an event (春季学期于2月22日正式开学, 寒假自1月16日开始)
_EVENT_AFTER = re.compile(r"\s*(?:将|已)?(?:于|自|从|在)[^，,。；;]{0,12}?"
                          r"(?:开学|开始|结束|放假|报到)")


def _headings(doc: Document, c) -> list[str]:
    """The headings a clause stands under: its ancestors', its own, its section's."""
    out = [s.heading or "" for s in doc.ancestors(c)] + [c.heading or ""]
    if doc.section(c.path) is not None:
        out.append(doc.section(c.path).heading or "")
    return out


# an event held in several sessions (培训分两个班次进行, 分两期举办, 第一期…第二期…)
_SESSIONS = re.compile(r"分[两二三四五六2-6]个?(?:班次|期|批|个班)|第[一二1-2]期|每期")


# a work's start and its end written apart (自7月上旬启动，12月10日前结束)
_STARTS = re.compile(r"\s*(?:正式)?(?:启动|开始|展开)")
_ENDS = re.compile(r"\s*(?:前|以前|之前)?\s*(?:全面|全部)?(?:结束|完成|截止)")


def _closing(text: str, at: int, dl: Deadline, deadlines: list[Deadline]) -> Deadline | None:
    """The end written apart from a start (自7月上旬启动，12月10日前结束): the written deadline
    followed by 结束/完成/截止 within 30 characters after the start `dl` (at `at` in `text`),
    when the start is followed by 启动/开始; else None."""
    if at < 0 or not _STARTS.match(text, at + len(dl.text)):
        return None
    for d in deadlines:
        k = text.find(d.text)
        if (d is not dl and not d.inferred and parse_iso(d.end) and 0 < k - at < 30
                and _ENDS.match(text, k + len(d.text))):
            return d
    return None


def _stated_period(doc: Document) -> Period | None:
    """A range the text gives as the time of the whole work: under a heading about time
    (活动时间, any span), else right after 时间为/期限为 or in the preamble (a month at least;
    a single month only in the sentence announcing the work: 现就2023年3月份…活动安排如下,
    not 自2010年11月首次启动以来)."""
    found: dict[str, Period] = {}
    first_kind: dict[str, str] = {}
    siblings: dict[tuple, int] = {}
    for c in doc.clauses:
        siblings[tuple(c.path[:-1])] = siblings.get(tuple(c.path[:-1]), 0) + 1
    for c in doc.clauses:
        headings = _headings(doc, c)
        timed = any(_TIME_HEADING.search(h) for h in headings)
        if timed and c.heading and not _TIME_HEADING.search(c.heading):
            # 时间安排 → （二）培育。4月至10月，…: one phase's time, not the whole work's
            timed = False
        if timed and c.number and siblings.get(tuple(c.path[:-1]), 0) > 1:
            timed = False  # 时间安排 → 1.3月20日前… 2.4月中旬，举办…: one step's time
        text = c.text or ""
        for dl in c.deadlines:
            if dl.kind not in ("range", "on") or not dl.start or not dl.end or dl.inferred:
                continue
            at = text.find(dl.text)
            if at >= 0 and _EVENT_AFTER.match(text, at + len(dl.text)):
                continue  # 春季学期于2月22日正式开学: a term that dates its start, no span of work
            cue = at > 0 and bool(_TIME_CUE.search(text[max(0, at - 12):at]))
            if not (timed or cue or c.path == ["0"]):
                continue
            if not timed and _REPORTED_SPAN.search(text[max(0, at - 12):at]):
                continue  # 统计时间为2027年1月1日至6月30日: the span reported on, not the work's
            if _SERVICE_SPAN.search(text[max(0, at - 16):at]):
                continue  # 驻村时间为2年，自2027年7月至2029年6月: the term those sent serve
            sentence = re.split(r"[。；;]", text[max(0, at):])[0]
            sentence = re.split(r"[。；;]", text[:max(0, at)])[-1] + sentence
            if dl.kind == "on" and (at < 0 or not (timed or _ANNOUNCING.search(sentence))):
                continue  # (a phase heading's month, 动员部署阶段（2023年3月）, is one phase's)
            start, end = parse_iso(dl.start), parse_iso(dl.end)
            closing = _closing(text, at, dl, c.deadlines)
            if closing is not None and parse_iso(closing.end) > end:
                # 本次换届自7月上旬启动，12月10日前结束: from the start's first day to the end
                end = parse_iso(closing.end)
                dl = Deadline(f"{dl.text}—{closing.text}", dl.start, closing.end, "range")
            if start and end and (timed or (end - start).days >= 27):
                key = "timed" if timed else "other"
                first = found.setdefault(key, Period(start, end, dl.text, "text", True))
                if (timed and _SESSIONS.search(text) and first.text.split("、")[0] in text
                        and first.start
                        and dl.kind == first_kind.get(key, dl.kind) == "range"
                        and 0 <= (start - first.end).days <= 31):
                    # (培训分两个班次进行。二级党组织书记班7月13日至15日举办…；党支部书记班
                    # 7月19日至23日举办: the classes run from the first one's start to the last's
                    # end)
                    found[key] = Period(first.start, max(first.end, end),
                                        f"{first.text}、{dl.text}", "text", True)
                first_kind.setdefault(key, dl.kind)
    return found.get("timed") or found.get("other")


def _cycle_period(doc: Document, phases: list[tuple[str, date, date]]) -> Period | None:
    """`建设周期为1年半`: the span counted from the start of the construction phase (the first
    dated phase whose heading names 建设/创建/培育), else the first phase, else the date."""
    for c in doc.clauses:
        for dl in c.deadlines:
            if dl.kind != "within" or not _CYCLE.search(dl.text):
                continue
            text = c.text or ""
            at = text.find(dl.text)
            if at > 0 and _SERVICE.search(text[max(0, at - 4):at + 2]):
                continue  # 驻村期限为2年: the term those sent serve, not the work's cycle
            stated = [d for d in c.deadlines if d.kind == "range" and d.start and d.end
                      and at >= 0 and text.find(d.text) > at
                      and not re.search(r"[。；;]", text[at:text.find(d.text)])]
            if stated:  # 建设周期为2年，自2027年6月起至2029年5月止: the dates written
                return Period(parse_iso(stated[0].start), parse_iso(stated[0].end), dl.text,
                              "cycle")
            months = timeexpr.span_months(dl.text)
            if months is None:
                continue
            build = [p for p in phases if _BUILD_PHASE.search(p[0])]
            anchor = (build or phases)[0][1] if phases else parse_iso(doc.date)
            if anchor is None:
                continue
            end = timeexpr.add_months(anchor, months)
            end = end.fromordinal(end.toordinal() - 1) if anchor.day == 1 else end
            last = max((p[2] for p in phases), default=None)
            if last is not None and 0 <= (last - end).days <= 31:
                end = last  # the cycle closes with the last phase (验收) ending that month
            return Period(anchor, end, dl.text, "cycle")
    return None


# the time the whole plan's effort takes (用三年左右时间, 通过3年努力), not a measure's cycle
# (通过两年培育, 建设周期为两年: a project's own time, from its start)
_PLAN_EFFORT = re.compile(r"(?:用|通过|经过).*(?:时间|努力)$")


def _goal_period(doc: Document) -> Period | None:
    """The year a plan's goals are set for (`到2023年，争创…` under 总体目标), from its
    date: the latest written limit in the sections whose heading names 目标. A span
    (`用3年时间` for one measure) is that measure's, not the plan's."""
    from pbdocs.extract.tasks import rules
    from pbdocs.lang.lexicon import sections

    # (总体要求：…到2028年，…: the plan's goals are written there too)
    words = rules().goal_headings + tuple(sections("tasks.txt").get("period_headings", ()))
    best = within = None
    issued = parse_iso(doc.date)
    for c in doc.clauses:
        headings = _headings(doc, c)
        if not any(w in h for h in headings if h for w in words):
            continue
        for dl in c.deadlines:
            end = parse_iso(dl.end)
            if dl.kind in ("by", "range") and end and not dl.inferred and (
                    best is None or end > best[1]):
                best = (dl.text, end)
            months = timeexpr.span_months(dl.text) if dl.kind == "within" else None
            if (best is None and months and months % 12 == 0 and issued
                    and _PLAN_EFFORT.match(dl.text)):
                # 用三年左右时间，基本形成…: the plan's years, counting the year it is issued
                within = (dl.text, date(issued.year + months // 12 - 1, 12, 31))
    if best is None and within is not None:
        # (no calendar year is written: the span itself keeps its own end)
        return Period(issued, within[1], within[0], "span")
    if best is None:
        return None
    return Period(issued, best[1], best[0], "goal", True)


def phases_of(doc: Document) -> list[tuple[str, date, date]]:
    """(heading, start, end) of every section whose heading carries a date range, in order."""
    out = []
    for s in doc.sections:
        for f in timeexpr.find_deadlines(s.heading or "", doc.date):
            start, end = parse_iso(f.deadline.start), parse_iso(f.deadline.end)
            if start and end:
                out.append((s.heading, start, end))
                break
    return out


def first_phase(doc: Document) -> Deadline | None:
    """The plan's first dated step: the first of two or more sibling clauses whose headings
    carry dates (（一）动员部署阶段（2027年3月—5月） （二）全面推进阶段（…）, or 4月：… 5月：…,
    or （一）2027年 （二）2028年), or None."""
    dated = []
    for c in doc.clauses:
        if not c.heading or len(c.path) < 2:
            continue
        found = [f.deadline for f in timeexpr.find_deadlines(c.heading, doc.date)
                 if f.deadline.end]
        if found:
            dated.append((tuple(c.path[:-1]), found[0]))
    for parent, d in dated:
        if sum(1 for p, _ in dated if p == parent) >= 2:
            return Deadline(d.text, d.start, d.end, d.kind, inferred=True)
    return None


def plan_period(doc: Document) -> Period | None:
    """The plan's period, from the strongest evidence the text gives, or None."""
    phases = phases_of(doc)
    found = title_period(doc)
    season = _SEASON_YEAR.search(doc.title or "")
    if found is not None and season and int(season.group(2)) == int(season.group(1)) + 1:
        # 2027—2028年度党员冬训: one season across the turn of a year, not two calendar
        # years; its stated time (冬训自2027年12月上旬开始，至2028年3月底结束) is the period
        stated = _stated_period(doc)
        if stated is not None and found.start <= (stated.start or stated.end) <= stated.end \
                <= found.end:
            found = stated
    found = found or _stated_period(doc) or _goal_period(doc)
    if found is None and phases:
        found = Period(min(p[1] for p in phases), max(p[2] for p in phases),
                       phases[0][0], "phases")
        if _dated_outside(doc, found):
            found = None  # one batch's or one step's heading, not the whole work's time
    return found or _cycle_period(doc, phases)


def _dated_outside(doc: Document, span: Period) -> bool:
    """Whether the text dates work outside the span its dated headings cover (二、推优程序:
    3月底前…4月10日前… before 三、秋季批次安排: the autumn heading is one batch's time, not
    the whole notice's)."""
    for c in doc.clauses:
        for dl in c.deadlines:
            if dl.inferred or dl.kind not in ("by", "on", "range"):
                continue
            end = parse_iso(dl.end)
            if end is not None and not span.start <= end <= span.end:
                return True
    return False


def resolve_spans(doc: Document, period: Period | None) -> None:
    """Spans (`通过3年努力`, `建设周期为1年半`) end inside the plan's period: a span of a plan
    whose years are written ends with the period, a building cycle counts from its
    construction phase. Every such date is derived, so it is marked inferred."""
    cycle = _cycle_period(doc, phases_of(doc))
    for c in doc.clauses:
        for dl in _all_deadlines(c):
            if dl.kind != "within":
                continue
            if cycle is not None and dl.text == cycle.text:
                dl.start, dl.end = _iso(cycle.start), cycle.end.isoformat()
            elif period is not None and period.years:
                end = _in_period(dl, period)
                if end is not None:
                    dl.end = end.isoformat()
                    if dl.start is None and period.start:
                        dl.start = period.start.isoformat()
            dl.inferred = True


def _in_period(dl: Deadline, period: Period) -> date | None:
    """Where a span of whole years ends in a plan whose years are written: counted in the
    plan's calendar years as such plans count them (通过3年努力 in 2021—2023 → 2023), at the
    period's end when that is the year it reaches. A span reaching beyond the plan, or one of
    months, keeps its date."""
    months = timeexpr.span_months(dl.text)
    start = period.start or parse_iso(dl.start)
    if not months or months % 12 or start is None:
        return None
    year = start.year + months // 12 - 1
    if year == period.end.year:
        return period.end
    if year < period.end.year:
        return date(year, 12, 31)
    return None


def _all_deadlines(c):
    seen: list[Deadline] = []
    for dl in c.deadlines + [d for t in c.tasks for d in t.deadlines]:
        if all(dl is not x for x in seen):
            seen.append(dl)
    return seen


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _standing(text: str) -> bool:
    """Whether a task is a standing duty by its words (坚持, 持续, 不断 …), or a body's standing
    charge (学院办公室负责经费报销审核: 负责 with no deliverable after it)."""
    from pbdocs.extract.tasks import predicate, rules

    what = predicate(text)
    if what.startswith("负责"):
        return not rules().once_verbs.search(predicate(what[2:]))
    return bool(rules().ongoing_starts.match(what))


def _manner(text: str) -> bool:
    """Whether a task says how a duty is done all along (加强对驻村干部的日常管理, 严格执行…规定,
    全程指导: `manner_starts`): standing, not an activity a period holds once nor a step its
    dates fall on."""
    from pbdocs.extract.tasks import predicate, rules

    what = predicate(text)
    return bool(rules().manner_starts.search(what))


def _delivers(text: str) -> bool:
    """Whether a task hands something in or finishes it (完成, 报送, 形成…材料): due at the end
    of its period rather than held within it."""
    from pbdocs.extract.tasks import predicate, rules

    return bool(rules().due_at_end.search(predicate(text)))


def _delivered_by_end(doc: Document) -> None:
    """What a task finishes or produces (`done_by_span_end` in lexicon/tasks.txt: 汇总形成…报告,
    完成…换届, 利用暑期完成…改造) within a span written for it or the phase it sits in (10月下旬,
    5月至6月, 暑期) is due by the span's end, as a task book writes a deliverable's limit; an
    activity (开展, 召开) and work handled within a window (5月24日至6月4日填写…) keep the span."""
    from pbdocs.extract.tasks import _narrowed, predicate, rules

    done = rules().done_by_span_end
    for c in doc.clauses:
        for t in c.tasks:
            if t.kind == "recurring" or not done.search(predicate(t.text)):
                continue
            for i, dl in enumerate(t.deadlines):
                if _narrowed(t, dl, t.deadlines[i + 1:]):
                    continue
                if dl.end or dl.start:
                    if dl.kind == "range" and dl.end and "学期" not in (dl.text or ""):
                        # (a term keeps its span: 2022年春季学期完成支部书记轮训)
                        t.deadlines[i] = Deadline(dl.text, None, dl.end, "by",
                                                  inferred=dl.inferred)
                    break


def _notice_itself(doc: Document) -> bool:
    """Whether the document is a notice whose own text is the work (通知), not a notice that
    issues a plan (印发…的通知, whose plan is read as a plan)."""
    return (doc.kind or "").startswith("通知") and doc.notice is None


def _notice_deadline(doc: Document):
    """A notice's one submission date and whose it is: (deadline, lead names) when its tasks
    carry exactly one written `by` date, else None."""
    if not _notice_itself(doc):
        return None
    dated = [(d, t) for c in doc.clauses for t in c.tasks for d in t.deadlines
             if d.kind == "by" and d.end and not d.inferred]
    if len({d.end for d, _ in dated}) != 1:
        return None
    names = {x.canonical for _, t in dated for x in t.lead}
    return dated[0][0], names


_EVENT_DONE = re.compile(r"(?:召开|举行|开展|进行)?(?:完毕|结束)")
_CONDITION = re.compile(r"^\s*(?:对|凡|如|若)[^，,。；;]{1,30}的"
                        rf"(?:{CONDITION_WHOM})?[，,]")


def _section_events(doc: Document) -> dict:
    """In a notice (not a plan it sets out), a top-level section whose one written deadline
    closes its event (组织生活会应于1月16日前召开完毕): {section number: that deadline}."""
    if not _notice_itself(doc):
        return {}
    dated: dict[str, list] = {}
    for c in doc.clauses:
        if not c.path:
            continue
        for t in c.tasks:
            for d in t.deadlines:
                if d.kind == "by" and d.end and not d.inferred:
                    dated.setdefault(c.path[0], []).append((d, t))
    out = {}
    for sec, found in dated.items():
        if len({d.end for d, _ in found}) == 1 and any(
                _EVENT_DONE.search(t.text[t.text.find(d.text) + len(d.text):])
                for d, t in found if d.text in t.text):
            out[sec] = found[0][0]
    return out


# the work a notice or one of its sections organises: 关于开展…数据核查工作的通知 → 核查;
# 同步开展失联党员和流动党员排查 → 排查
_WORK = re.compile(r"(?:开展|做好|组织|推进|抓好)[^，,。；;]*?([\u4e00-\u9fff]{2})"
                   r"(?:工作)?(?:的?通知)?$")


def _notice_schedule(doc: Document):
    """In a notice whose clauses set out dated phases (自查阶段（5月12日—5月31日）), the end of
    its schedule, the work it organises, and per top-level section its work word and its one
    written `by` date: (end, work, {section: (word, date)}), or None."""
    if not _notice_itself(doc):
        return None
    ends = []
    for c in doc.clauses:
        for f in timeexpr.find_deadlines(c.heading or "", doc.date):
            if f.deadline.start and f.deadline.end:
                ends.append(f.deadline.end)
    work = _WORK.search(doc.title or "")
    if len(ends) < 2 or work is None:
        return None
    words = {}
    for i, sec in enumerate(doc.sections):
        m = _WORK.search(sec.heading or "")
        if m:
            words[i] = m.group(1)
    by_section: dict[str, set] = {}
    for c in doc.clauses:
        for t in c.tasks:
            for d in t.deadlines:
                if c.path and d.kind == "by" and d.end and not d.inferred:
                    by_section.setdefault(c.path[0], set()).add(d.end)
    return max(ends), work.group(1), words, by_section


# a time field that says the duty has no end (完成时限：长期坚持): it stays standing
STANDING_FIELD = re.compile(r"(?:时限|时间|期限)\s*[:：]\s*(?:长期坚持|长期|持续推进|常态化)")
_IN_CYCLE = re.compile(r"建设期内|建设周期内|创建期内|培育期内|建设期间")


def fill_undated(doc: Document, period: Period | None) -> None:
    """A deliverable with no date is due at the plan's end (inferred); a standing duty stays
    standing, in a short activity period too (坚持用身边事教育身边人 in a four months' 学习教育:
    as writers put it). In a notice that sets one date, what its
    addressees are asked to prepare is due then. Otherwise both stay undated."""
    from pbdocs.extract.tasks import rules

    in_force = rules().period_rules
    _standing_year_points(doc, period)
    _break_days(doc, period)
    notice = _notice_deadline(doc)
    # (a notice that sets a period of its own, 项目实施期限为…, dates its tasks by that)
    events = _section_events(doc) if period is None else {}
    cycle = _cycle_period(doc, phases_of(doc))
    _close_with_schedule(doc)
    _each_round(doc)
    _anchored_limits(doc)
    _before_meeting(doc)
    _meeting_window(doc)
    _dated_steps(doc)
    _named_phases(doc)
    _event_support(doc, period)
    _delivered_by_end(doc)
    first = first_phase(doc)
    for c in doc.clauses:
        in_cycle = False  # 建设期内，… holds for the rest of its paragraph
        standing_field = bool(STANDING_FIELD.search((c.text or "") + (c.note or "")))
        for t in c.tasks:
            # 将建设成效纳入二级党组织年度党建工作考核: done at each year's assessment (not
            # 不定期抽查…，抽查结果纳入年度考核: the checks have no cadence)
            review = (_YEARLY_REVIEW.search(t.text) if t.kind == "ongoing" and not t.recurrences
                      and not t.deadlines and not _IRREGULAR.search(t.text) else None)
            if review:
                t.recurrences = [Recurrence(review.group(0), "year")]
                t.kind = "recurring"
                continue
            if standing_field and t.kind == "ongoing":
                continue  # 完成时限：长期坚持, as the clause's label states
            in_cycle = in_cycle or bool(cycle is not None and _IN_CYCLE.search(t.text))
            if in_cycle and not any(not d.inferred for d in t.deadlines):
                # for the whole building cycle, whatever phase it is written under; what it
                # delivers (建设期内提炼形成1项工作法) is due by the cycle's end
                m = _IN_CYCLE.search(t.text)
                rest = re.sub(r"^[，,\s]*", "", t.text[m.end():]) if m else t.text
                if rest and (_delivers(rest) or re.match(r"(?:提炼|总结|凝练)形成", rest)):
                    t.deadlines = [Deadline(cycle.text, None, cycle.end.isoformat(), "by",
                                            inferred=True)]
                    t.kind = "once"
                else:
                    t.deadlines = [Deadline(cycle.text, _iso(cycle.start),
                                            cycle.end.isoformat(), "range", inferred=True)]
                continue
            if (period is not None and period.is_activity() and t.kind == "ongoing"
                    and not _standing(t.text) and not _CONDITION.match(t.text)
                    and not _manner(t.text)
                    and not timeexpr.each_time(t.text) and not in_force.search(t.text)
                    and not rules().accountability.search(t.text)):
                # in a month's or a project's time, an activity is held once (not what is
                # done each time a condition holds, 对考核等次为“差”的，由…约谈, nor a span
                # each case sets, 在预备人选批复后20日内召开…, 于会前1天送达…, nor a rule
                # for the whole work: 严格落实换届纪律, 发现问题及时向纪委报告, nor a sanction:
                # 依规依纪追究相关人员责任)
                t.kind = "once"
            if t.kind != "recurring" and t.deadlines and all(
                    timeexpr.anniversary_due(d.text or "") for d in t.deadlines):
                # “七一”前后开展庆祝建党106周年系列活动: the anniversary says which year,
                # the named day when in it
                day = _named_day(t.text, doc, period)
                if day is not None and all((d.end or "")[:4] == (day.end or "")[:4]
                                           for d in t.deadlines):
                    t.deadlines = [day]
                    continue
            if any(d.end or d.start for d in t.deadlines) or t.kind == "recurring":
                continue
            if first is not None and rules().startup_acts.search(t.text):
                # 成立…工作领导小组，领导小组办公室设在…: the work's team is set up in its
                # first phase (动员部署阶段（2027年3月—5月）), not at the plan's end
                t.deadlines = [Deadline(first.text, None, first.end, "by", inferred=True)]
                t.kind = "once"
                continue
            day = _step_named_day(t, c) or _named_day(t.text, doc, period)
            if day is not None and not _standing(t.text):
                # 开展“七一”系列主题活动 in a year's plan: on 07-01 (inferred); a month or
                # phase already given (6月：开展“七一”系列活动) is kept
                day.inferred = True
                t.deadlines.append(day)
                t.kind = "once"
                continue
            event = events.get(c.path[0]) if c.path else None
            if (event is not None and not _standing(t.text) and not _CONDITION.match(t.text)
                    and not _manner(t.text)):
                # 组织生活会应于1月16日前召开完毕: what the section asks for is done by then
                t.deadlines.append(Deadline(event.text, None, event.end, "by", inferred=True))
                t.kind = "once"
                continue
            if (notice and t.kind == "once" and t.lead and not _manner(t.text)
                    and {x.canonical for x in t.lead} <= notice[1]
                    and (period is None or not period.is_activity() or _delivers(t.text))):
                t.deadlines.append(Deadline(notice[0].text, None, notice[0].end, "by",
                                            inferred=True))
                continue
            if period is None:
                continue
            if t.kind == "once" and period.is_activity() and not _delivers(t.text):
                # an activity of a short period is held within it (a month's 主题党日 in
                # that month); what is handed in is due at its end
                if period.span_kind() == "on" and _DAY_WINDOW.search(period.text):
                    # a campaign month written as days (活动时间：5月1日至31日): what it
                    # holds is done by its last day (a month named as such, 9月：…, keeps it)
                    t.deadlines.append(Deadline(period.text, None, period.end.isoformat(),
                                                "by", inferred=True))
                    continue
                t.deadlines.append(Deadline(period.text, _iso(period.start),
                                            period.end.isoformat(), period.span_kind(),
                                            inferred=True))
            elif t.kind == "once":
                t.deadlines.append(Deadline(period.text, None, period.end.isoformat(), "by",
                                            inferred=True))


# a section that sets out a notice's steps or events in order (二、方法步骤, 三、时间安排,
# 二、活动安排 （一）走访慰问 6月20日前，…, 二、会前准备 （三）谈心谈话。…于12月17日前完成)
_STEPS = re.compile(r"步骤|安排|进度|工作流程|实施程序|活动内容|准备|组织实施")


# a span counted from an event the document dates elsewhere (培训结束后一个月内, 考察结束后两周内,
# 会后10个工作日内, 反馈后15个工作日内)
_ANCHORED = re.compile(r"(?P<event>[\u4e00-\u9fff]{1,8}?)(?:结束|完成)?(?:后|之日起)\s*"
                       r"(?P<n>\d{1,3}|[一二两三四五六七八九十半]+)\s*"
                       r"(?P<u>个工作日|工作日|日|天|周|个星期|个月)(?:内|以内|之内)")


# (每次活动结束后, 各专项检查结束后, 历次会议后, 重要活动结束后: each one; 每名学员培训结束后 is
# one training)
_EACH_EVENT = re.compile(r"每(?:次|期|项|场|个|轮)|各(?:次|期|项|场|专项|类|轮)|历次|逐次|重要")


def _add_workdays(day: date, n: int) -> date:
    """`day` moved forward by `n` working days (Monday to Friday), back for a negative `n`."""
    step = timedelta(days=1 if n > 0 else -1)
    n = abs(n)
    while n > 0:
        day += step
        if day.weekday() < 5:
            n -= 1
    return day


def _after_event(day: date, n: int, unit: str) -> date:
    """`day` moved by `n` units of a span (个工作日, 日, 周, 个月), back for a negative `n`."""
    if unit.endswith("工作日"):
        return _add_workdays(day, n)
    if unit == "个月":
        return timeexpr.add_months(day, n)
    return day + timedelta(days=n * (7 if unit in ("周", "个星期") else 1))


# a span before the meeting a notice calls (于会前3个工作日报…, 会前一周…确定, 会前一天完成)
_BEFORE_MEETING = re.compile(r"(?:述职|评议|测评)?会(?:议)?(?:召开)?前\s*"
                             r"(?P<n>\d{1,2}|[一二两三四五六七八九十]+)\s*"
                             r"(?P<u>个工作日|工作日|天|日|周|个星期)")
# the section or sentence that dates the meeting (一、会议时间和地点 2028年1月13日…; 定于…召开)
_MEETING_TIME = re.compile(r"会议时间|召开时间|时间和地点|时间、地点")


def _meeting_day(doc: Document) -> date | None:
    """The day a notice calling one meeting writes for it (关于召开…座谈会的通知: 一、会议时间和
    地点 时间：6月29日…), or None."""
    title = doc.title or ""
    if not re.search(r"召开|举行", title) or not re.search(r"会议?的通知", title):
        return None
    for c in doc.clauses:
        if not any(_MEETING_TIME.search(h) for h in _headings(doc, c)):
            continue
        found = [d for d in c.deadlines if not d.inferred and d.kind == "on" and d.start
                 and d.start == d.end]
        if found:
            return parse_iso(found[0].start)
    return None


# the sentence that sets the days a notice's meetings are held in (专题组织生活会于6月26日至
# 7月15日召开, 述职评议会议于12月中下旬召开)
_HELD_IN = re.compile(r"会(?:议)?\s*(?:统一|集中|原则上)?(?:于|在)[^，,。；;]{2,24}?(?:召开|举行)")
# the parts of such a notice: the preparation before the meetings, and the meetings themselves
_BEFORE_PART = re.compile(r"会前")
_HELD_PART = re.compile(r"会议召开|召开会议|会议程序|会议议程|会议要求|列席指导")


def _held_window(doc: Document) -> Deadline | None:
    """The written span a notice calling meetings has them held in (专题组织生活会于6月26日至
    7月15日召开), or None."""
    if not re.search(r"召开|举行", doc.title or "") or not re.search(r"会的通知", doc.title or ""):
        return None
    return next((d for c in doc.clauses for t in c.tasks if _HELD_IN.search(t.text)
                 for d in t.deadlines if d.kind == "range" and d.start and d.end
                 and not d.inferred and d.text and d.text in t.text), None)


def _meeting_window(doc: Document) -> None:
    """In a notice calling meetings that each body holds within a written span (专题组织生活会
    于6月26日至7月15日召开), the preparation under a 会前 heading is due by the span's end and
    the work of the meetings under a heading about holding them is done in the span (both
    inferred); what follows each meeting (会后10个工作日内) stays a rule for each one."""
    if not _notice_itself(doc):
        return
    window = _held_window(doc)
    if window is None:
        return
    for c in doc.clauses:
        top = _headings(doc, c)[:1] + [c.heading or ""]
        before = any(_BEFORE_PART.search(h) for h in top)
        held = any(_HELD_PART.search(h) for h in top)
        if not (before or held):
            continue
        for t in c.tasks:
            if t.recurrences or _ANCHORED.search(t.text) or any(
                    not d.inferred and (d.end or d.start) for d in t.deadlines):
                continue
            if before:
                t.deadlines = [Deadline(window.text, None, window.end, "by", inferred=True)]
            else:
                t.deadlines = [Deadline(window.text, window.start, window.end, "range",
                                        inferred=True)]
            t.kind = "once"


# who does the event's logistics: 后勤处负责…, 会务由党委办公室负责
_CHARGED = re.compile(r"^(?:由)?[\u4e00-\u9fff、]{2,16}?负责|由[\u4e00-\u9fff、]{2,16}?负责")


# work done while the activity runs (活动期间开展…, 培训期间安排晚间自学, 比赛期间…由…负责)
_DURING = re.compile(r"(?:培训|活动|研修|比赛|大赛|竞赛|实践|集训|展览|学习教育|教育月|宣传月)期间")


def _event_support(doc: Document, period: Period | None) -> None:
    """The logistics of an event a clause dates (培训定于6月23日至25日举办…。党校负责场地、食宿等
    后勤保障工作): done on the event's days (inferred), not a standing duty. The nearest task
    before it in the same clause that writes its own days (a span or a day) dates the event.
    What a short activity's text says is done 活动期间 / 培训期间 is done in its period."""
    from pbdocs.extract.tasks import rules

    support, each_case = rules().event_support, rules().period_rules
    # (an activity's weeks: a term, 秋季学期, is not the days its training runs)
    during = (period if period is not None and period.is_activity() and period.start
              and (period.end - period.start).days < 62 else None)
    for c in doc.clauses:
        event = None
        for t in c.tasks:
            own = [d for d in t.deadlines if not d.inferred and (d.end or d.start)]
            if own:
                # (an event's days, not a term's: 9月—次年1月 dates no one event)
                event = next((d for d in own if d.kind in ("range", "on") and d.start
                              and _short_span(d)), None)
                continue
            if (during is not None and not t.recurrences and _DURING.search(t.text)
                    and not each_case.search(t.text)):
                # (实践期间遇突发情况须第一时间报告: a rule for each case stays standing)
                t.deadlines = [Deadline(during.text, _iso(during.start), during.end.isoformat(),
                                        during.span_kind(), inferred=True)]
                t.kind = "once"
                continue
            held = event
            if (held is None and during is not None and not t.deadlines
                    and not _ANCHORED.search(t.text) and not _BEFORE_MEETING.search(t.text)):
                # (a clause of duties after the notice's own schedule: 后勤处负责场地和音响
                # 保障 is done in the activity's days the notice writes)
                held = Deadline(during.text, _iso(during.start), during.end.isoformat(),
                                during.span_kind())
            if (held is None or t.recurrences or not _CHARGED.search(t.text)
                    or not support.search(t.text)):
                continue
            t.deadlines = [Deadline(held.text, held.start, held.end, held.kind,
                                    inferred=True)]
            t.kind = "once"


def _before_meeting(doc: Document) -> None:
    """In a notice calling one meeting on a written day (关于召开…述职评议考核会议的通知: 一、会议
    时间和地点 2028年1月13日…), what is due some days before the meeting (于会前3个工作日报…审核,
    会前一天完成) is due that many days before that day (inferred); a rule for each meeting
    (议事规则: 会议材料于会前2天送达) has no such day and stays standing."""
    if not _notice_itself(doc):
        return
    day = _meeting_day(doc)
    if day is None:
        return
    for c in doc.clauses:
        for t in c.tasks:
            m = _BEFORE_MEETING.search(t.text)
            n = to_number(m.group("n")) if m else None
            if not n or n != int(n) or t.recurrences or any(
                    not d.inferred and (d.end or d.start) for d in t.deadlines):
                continue
            due = _after_event(day, -int(n), m.group("u"))  # (n days before it)
            t.deadlines = [Deadline(m.group(0), None, due.isoformat(), "by", inferred=True)]
            t.kind = "once"


# how many rounds a year the text sets (每年开展两轮常规巡察, 每年开展常规巡察2轮)
_ROUNDS_A_YEAR = re.compile(r"每年[^。；;，,]{0,10}?(?P<n>[一二两三四1-4])\s*轮")
_ROUND_PERIODS = {1: "year", 2: "semester", 4: "quarter"}


def _each_round(doc: Document) -> None:
    """What is done for each round (每轮巡察进驻前组织巡察组成员集中培训) in a text that sets
    how many rounds a year it holds (每年开展两轮常规巡察): done on the rounds' cadence, twice a
    year a semester's."""
    m = _ROUNDS_A_YEAR.search(doc.text or "")
    period = _ROUND_PERIODS.get(int(to_number(m.group("n")) or 0)) if m else None
    if period is None:
        return
    for c in doc.clauses:
        for t in c.tasks:
            if t.recurrences or "每轮" not in t.text or any(
                    not d.inferred and (d.end or d.start) for d in t.deadlines):
                continue
            t.recurrences = [Recurrence("每轮", period)]
            t.deadlines = []
            t.kind = "recurring"


def _short_span(d: Deadline) -> bool:
    """Whether a dated span is a month or shorter (an event's days, a step's part of a month)."""
    a, b = parse_iso(d.start), parse_iso(d.end)
    return a is not None and b is not None and (b - a).days <= 31


def _anchored_limits(doc: Document) -> None:
    """A limit counted from an event that happens once, on a date the document writes for it
    (举办培训班 10月11日至20日 … 各二级党组织要在培训结束后一个月内组织交流; 会后10个工作日内
    制定整改清单): due that many days or months after the event's written date (inferred).
    The event is one of `anchor_events` in lexicon/tasks.txt, and its date the latest written
    one before the task of a sentence that names it; a span counted from what happens to each
    person (任职后3个月内) or to each of many (每次活动结束后, 各专项检查结束后, a plan's 会后)
    names no such event and stays a standing rule."""
    from pbdocs.lang.lexicon import sections

    if not _notice_itself(doc):
        return  # (a plan's 会后10个工作日内 holds for each meeting)
    events = tuple(sorted(sections("tasks.txt").get("anchor_events", ()), key=len, reverse=True))
    if not events:
        return
    rows = [t for c in doc.clauses for t in c.tasks]
    # each row's clause, and its words with the clause heading's (（二）集中培训。11月10日至13日
    # 在党校报告厅举行: the heading names the event its row dates)
    # (not a name that holds the word: 《…读书班学习心得选编》，于9月底前印发)
    where = {id(t): (k, re.sub(r"《[^》]*》", "", (c.heading or "") + t.text))
             for k, c in enumerate(doc.clauses) for t in c.tasks}
    # (the day of the one meeting a notice calls; the span it has each branch hold its own in)
    meeting, window = _meeting_day(doc), _held_window(doc)
    # (the days of the event the notice holds, as its time part writes them)
    stated = _stated_period(doc)
    held = (Deadline(stated.text, stated.start.isoformat(), stated.end.isoformat(), "range")
            if stated is not None and stated.start is not None
            and 0 <= (stated.end - stated.start).days <= 31 else None)
    for i, t in enumerate(rows):
        # (a step's heading date, （五）抽查复核（10月中旬）, dates the event, not the span
        # counted from its end: 抽查结束后一周内…)
        if t.recurrences or any(not d.inferred and (d.end or d.start) and (
                not d.text or d.text in t.text) for d in t.deadlines):
            continue
        m = _ANCHORED.search(t.text)
        event = next((e for e in events if m and m.group("event").endswith(e)), None)
        n = to_number(m.group("n")) if m else None
        if event is None or not n or n != int(n) or _EACH_EVENT.search(m.group("event")):
            continue
        src = None
        if event in ("会", "会议") and meeting is not None:
            # (会后2个工作日内 in the notice calling that meeting)
            src = Deadline("", None, meeting.isoformat(), "on")
        elif event in ("会", "会议") and window is not None:
            continue  # (each branch's own meeting in the span: a rule for each one)
        for u in ([] if src is not None else reversed(rows[:i])):
            # (its written date, or its step heading's span: （五）抽查复核（10月中旬）)
            # (not a span a task only inherits from the whole document: 培训经费从党费中列支
            # in an autumn term's notice is not when the training is)
            d = next((x for x in u.deadlines
                      if x.end and (not x.inferred or x.start and _short_span(x))), None)
            # (培训期间实行每半天签到: a rule kept each half-day of the training's own days)
            if d is not None and (not u.recurrences or d.start and _short_span(d)) and (
                    event in where[id(u)][1]) and not _ANCHORED.search(u.text):
                # (the event's end: the latest date of the rows that date it, 11月10日上午
                # 举行开班式 … 11月13日下午组织闭卷考试 in the training's own part)
                # (an event's own days or one day, not a year the row also names: 2027年
                # in a preamble that says 拟于7月上旬举办2027年…培训班)
                src = max((x for v in rows[:i] if where[id(v)][0] == where[id(u)][0]
                           and not v.recurrences for x in v.deadlines
                           if x.end and not x.inferred and x.start and _short_span(x)),
                          key=lambda x: x.end, default=d)
                src = max(src, d, key=lambda x: x.end)
                break
        title = doc.title or ""
        if held is not None and (event in title or event == "结业") and (
                re.search(r"举办|举行|召开", title)) and (src is None or (
                    src.start and held.start >= src.start and held.end <= src.end)):
            # (培训结束后两周内, 结业后10日内 in the notice holding the training, whose days its
            # time part writes in a sentence that is no task: 二、培训时间和地点 5月17日至21日;
            # those days, not the 7月上旬 of a preamble that says 拟于7月上旬举办…培训班)
            src = held
        if src is None or parse_iso(src.end) is None:
            continue
        end = _after_event(parse_iso(src.end), int(n), m.group("u"))
        t.deadlines = [Deadline(m.group(0), None, end.isoformat(), "by", inferred=True)]
        t.kind = "once"


# a phase's heading: its name and its dates (集中学习（2027年12月21日—2028年1月14日）,
# 第二阶段：整改落实（6月—8月）)
_PHASE_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+阶段\s*[:：]?\s*)?"
                            r"(?P<name>[\u4e00-\u9fff]{2,8}?)(?:阶段)?\s*[（(]")


def _named_phases(doc: Document) -> None:
    """Work a text puts in a phase it names (各二级党组织书记要在集中学习阶段…讲一次专题党课,
    在集中学习和评议总结阶段各开展一次随机抽查) is done in that phase's written span, from the
    first named phase's start to the last one's end (inferred). Work that writes its own date
    keeps it."""
    phases: dict[str, tuple[str | None, str]] = {}
    for c in doc.clauses:
        m = _PHASE_HEADING.match(c.heading or "")
        span = next((d for d in c.deadlines if not d.inferred and d.end
                     and d.text and d.text in (c.heading or "")), None)
        if m and span is not None:
            phases.setdefault(m.group("name"), (span.start, span.end))
    if not phases:
        return
    names = "|".join(sorted(map(re.escape, phases), key=len, reverse=True))
    named = re.compile(rf"(?P<names>(?:{names})(?:(?:和|、|及|与)(?:{names}))*)(?:阶段|期间)")
    for c in doc.clauses:
        for t in c.tasks:
            m = named.search(t.text)
            if m is None or t.recurrences or any(not d.inferred and (d.end or d.start)
                                                 for d in t.deadlines):
                continue
            spans = [phases[n] for n in re.split(r"和|、|及|与", m.group("names")) if n in phases]
            start, end = spans[0][0] or spans[0][1], spans[-1][1]
            t.deadlines = [Deadline(m.group(0), start, end, "range", inferred=True)]
            t.kind = "once"


def _dated_steps(doc: Document) -> None:
    """In a notice's steps (二、方法步骤 （一）学习研讨。1月15日前，各党支部…), a step that
    writes a date for its work dates the rest of it (inferred): what follows a dated sentence
    is done then (1月中旬，各二级党组织召开…。测评表统一印制…), and what comes before the
    step's first date is due by it when that is a deadline (认真开展自查，亲自撰写述职报告。…
    于1月15日前报党委组织部). Standing duties, conditions, cadences and the requirements of
    other sections (工作要求: they hold throughout) stay as they are."""
    if not _notice_itself(doc):
        return
    from pbdocs.lang.lexicon import sections

    beyond = tuple(sections("tasks.txt").get("beyond_notice", ()))
    steps = {tuple(s.path) for s in doc.sections if _STEPS.search(s.heading or "")}
    for c in doc.clauses:
        if not c.path or c.path[0] == "0":
            continue
        if not any(tuple(c.path[:len(p)]) == p for p in steps):
            continue
        # the date each task writes for itself (not inferred, not a cadence's), in order
        written = [(i, d) for i, t in enumerate(c.tasks) if not t.recurrences
                   for d in [next((x for x in t.deadlines if not x.inferred and (x.end or x.start)),
                                  None)] if d is not None]
        if not written:
            continue
        for i, t in enumerate(c.tasks):
            if any(d.end or d.start for d in t.deadlines) or t.recurrences:
                continue
            if (_standing(t.text) or _CONDITION.match(t.text)
                    or _manner(t.text)
                    or any(w in t.text for w in beyond)):
                continue
            if _named_day(t.text, doc, None) is not None or _TERM_EVENT.search(t.text):
                continue  # (“七一”前后举办…, 开学前完成…: the day it names, not the step's)
            before = [d for j, d in written if j < i]
            after = [d for j, d in written if j > i]
            # (after a dated sentence: its time; before the step's first date: only a deadline)
            src = before[-1] if before else after[0] if after and after[0].kind == "by" else None
            if src is None:
                continue
            t.deadlines = [Deadline(src.text, src.start, src.end, src.kind, inferred=True)]
            t.kind = "once"


# a season written over two years (2026—2027年度, 2026—2027学年): one year's work
_SEASON_YEAR = re.compile(r"(\d{4})\s*[—–\-－~～至]\s*(\d{4})\s*(?:年度|学年)")


_TERM_EVENT = re.compile(r"入学|开学|毕业|离校|入职|新生|报到")


def _step_named_day(t, c) -> Deadline | None:
    """The named day a task's text gives (“七一”前发文公布…) after a step its clause dates before
    it (6月上旬，…组织专家评审。评审结果…公示，“七一”前发文公布): the first such day from that step
    on, in the step's year — not one a longer period of the document picks."""
    before = c.tasks[:c.tasks.index(t)] if t in c.tasks else []
    step = next((d for u in reversed(before) for d in u.deadlines
                 if not d.inferred and d.end), None)
    if step is None:
        return None
    due = timeexpr.named_day_due(t.text, int(step.end[:4]))
    # (a year's points in no order of time: “七一”前后 after a December item is not next year's)
    return due if due is not None and (due.end or "") >= (step.start or step.end) else None


def _named_day(text: str, doc: Document, period: Period | None) -> Deadline | None:
    """The time a named day gives a task (“七一”前, 新生入学后一个月内: `lexicon/named_days.tsv`)
    when the document covers one year (its period's, else its date's), or in a plan of
    several years the first such calendar day still to come in it; None otherwise."""
    if period is not None and period.start is not None and period.start.year != period.end.year:
        issued = parse_iso(doc.date)
        season = _SEASON_YEAR.search(doc.title or "")
        if season and issued and int(season.group(2)) == int(season.group(1)) + 1:
            # 2026—2027年度党员冬训 issued in December 2026: one season, the named day still
            # to come after the notice (春节前 → 2027-02-05)
            for year in (issued.year, issued.year + 1):
                due = timeexpr.named_day_due(text, year)
                if due is not None and (due.end or "") >= issued.isoformat():
                    return due
            return None
        if (period.months() or 99) > 12:
            # a plan of several years: a one-off on a calendar day (“七一”前后举办…) is its
            # first one still to come in the plan; a term's event (新生入学后) each year's
            after = max(filter(None, [period.start, parse_iso(doc.date)]))
            for year in range(after.year, period.end.year + 1):
                due = timeexpr.named_day_due(text, year)
                if due is not None and _TERM_EVENT.search(due.text or ""):
                    return None  # 新生入学后一个月内: each year's new students
                if due is not None and after.isoformat() <= (due.end or "") <= (
                        period.end.isoformat()):
                    return due
            return None
        # a winter's notice (2026年12月—2027年3月): the day that falls inside it
        for year in (period.start.year, period.end.year):
            due = timeexpr.named_day_due(text, year)
            if due is not None and period.start.isoformat() <= (due.end or "") <= (
                    period.end.isoformat()):
                return due
        return None
    if period is not None:
        if period.start is None:
            return None
        year = period.end.year
        due = timeexpr.named_day_due(text, year)
        if due is not None and (due.end or "9999") < period.start.isoformat():
            # a year's plan's 元旦前: the day that ends the year, the next one
            return timeexpr.named_day_due(text, year + 1)
        return due
    else:
        issued = parse_iso(doc.date)
        if issued is None:
            return None
        year = issued.year
        due = timeexpr.named_day_due(text, year)
        if due is not None and (due.end or "9999") < issued.isoformat():
            # a December notice's 春节前: the day still to come, next year's
            return timeexpr.named_day_due(text, year + 1)
        return due


# a standing-worded duty that still says the notice's work gets done (确保按时完成核查任务,
# 负责做好…排查工作, 对…进行全面排查), not only how it is to be done (加强对轮训纪律执行
# 情况的监督检查)
_GETS_DONE = re.compile(r"完成|按时|按期|如期|做好|确保|办结|到位|进行|一次")


# a duty put into a yearly assessment (纳入二级党组织年度党建工作考核, 列入年度考核; round 31:
# the yearly 述职评议考核): done each year, as the gold of heldout47..73 writes it (round 30;
# older sets wrote it standing)
_YEARLY_REVIEW = re.compile(r"(?:纳入|列入|计入)[^，,。；;]{0,16}?年度[^，,。；;]{0,10}?考核|"
                           r"(?:纳入|列入|计入)[^，,。；;]{0,20}?述职评议考核")


_IRREGULAR = re.compile(r"不定期|随机|适时|随时")


_STANDING_GENRES = ("清单", "办法", "细则", "规定", "制度", "规则")
_YEAR_POINT = re.compile(r"(?<![\d每今明本当])(?:年初|年底前?|年末)(?![的度])"
                         # (考核结果于次年1月底前通报, 次年第一季度编印…: each year's next one)
                         r"|次年\s*(?:(?P<month>\d{1,2})\s*月(?:(?P<day>\d{1,2})\s*[日号]|底|末)?"
                         r"|第?[一二三四]季度|上半年)(?:前|以前|之前|内)?")


_COMMON_YEAR = 2023


def _next_year_day(m: re.Match) -> str | None:
    """The day of the year a 次年… point falls on (次年1月底前 → 01-31, 次年1月15日前 →
    01-15), None for a quarter or half year."""
    month = m.groupdict().get("month")
    if not month:
        return None
    day = m.group("day")
    if day:
        return f"{int(month):02d}-{int(day):02d}"
    # (a common year's month end: 次年2月底 falls on 02-28, as a yearly day can)
    return f"{int(month):02d}-{calendar.monthrange(_COMMON_YEAR, int(month))[1]:02d}"


def _standing_year_points(doc: Document, period) -> None:
    """In a standing rule (a 责任清单, 办法 or 细则 whose title names no year), 年初… and
    年底前… say when in each year the duty falls, not this year's date."""
    if period is not None or not any(g in (doc.kind or "") for g in _STANDING_GENRES):
        return
    for c in doc.clauses:
        for t in c.tasks:
            if t.recurrences or any(d.text and not _YEAR_POINT.search(d.text)
                                    for d in t.deadlines if not d.inferred):
                continue
            m = _YEAR_POINT.search(t.text)
            if not m:
                continue
            on = "12-31" if m.group(0).startswith(("年底", "年末")) else _next_year_day(m)
            t.recurrences = [Recurrence(m.group(0), "year", on=on)]
            t.deadlines = [d for d in t.deadlines if not (d.text and _YEAR_POINT.search(d.text))]
            t.kind = "recurring"


def _close_with_schedule(doc: Document) -> None:
    """In a notice with a dated schedule, a task worded as standing that names the notice's work
    (确保按时完成核查任务, 负责做好…排查工作) is done once, by its section's one written date or
    else by the schedule's end (inferred); rules that outlast the notice (`beyond_notice` in
    lexicon/tasks.txt: 纳入考核, 不得…) stay standing."""
    from pbdocs.lang.lexicon import sections

    found = _notice_schedule(doc)
    if found is None:
        return
    end, work, words, by_section = found
    beyond = tuple(sections("tasks.txt").get("beyond_notice", ()))
    numbers = [c.path[0] for c in doc.clauses if c.path]
    order = list(dict.fromkeys(n for n in numbers if n != "0"))
    for c in doc.clauses:
        sec = c.path[0] if c.path else None
        idx = order.index(sec) if sec in order else None
        # (the sections list has the numbered top-level sections in order)
        own = words.get(idx) if idx is not None else None
        if STANDING_FIELD.search((c.text or "") + (c.note or "")):
            continue  # 完成时限：长期坚持: standing, as the clause's label states
        for t in c.tasks:
            if t.kind != "ongoing" or t.deadlines or t.recurrences or _CONDITION.match(t.text):
                continue  # (对考核等次为“差”的，由…约谈: each time the condition holds)
            if not (work in t.text or (own and own in t.text)) or any(
                    w in t.text for w in beyond):
                continue
            if not _GETS_DONE.search(t.text):
                continue  # 各二级党组织书记要亲自部署本单位轮训工作: a requirement that holds
            if timeexpr.named_day_due(t.text, end and int(end[:4]) or 2000) is not None:
                continue  # 开学后两周内完成新生心理普查: the named day dates it (fill_undated)
            dates = by_section.get(sec, set())
            due = next(iter(dates)) if len(dates) == 1 else end
            t.kind = "once"
            words_ = f"{int(due[5:7])}月{int(due[8:10])}日前"
            t.deadlines = [Deadline(words_, None, due, "by", inferred=True)]


# the days of a break or holiday a notice states: 10月1日（星期五）至7日（星期四）放假, or its
# start (学生寒假自1月16日开始) and the next term's (春季学期于2月22日正式开学)
_BREAK_SPAN = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[（(][^（）()]{0,8}[）)])?\s*"
                         r"(?:至|到|—|－|-|~|～)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日"
                         r"(?:\s*[（(][^（）()]{0,8}[）)])?\s*(?:放假|休假)")
# what a task says of the break: done during it, before it, or within a span after it
_BREAK_DURING = re.compile(r"(?:节日|节假日|假期|放假|寒假|暑假|寒暑假|春节|国庆节?|元旦|五一|中秋)"
                           r"期间")
_BREAK_BEFORE = re.compile(r"(?<![春国秋午宵旦庆明阳])(?:节前|节日前)(?!后)")
_BREAK_AFTER = re.compile(r"(?:节后|假期结束后|返校后)\s*(?P<n>[一二两三四五六七八九十\d]+)\s*"
                          r"(?P<u>周|个?星期|个月|天|日)内")
# a case the sentence provides for, not work done in the break (节日期间遇有突发事件…), or a
# daily routine (每日17时前报送…)
_BREAK_CASE = re.compile(r"遇|一旦|如有|如遇|发生|每日|每天")


def _break_window(doc: Document) -> tuple[date, date] | None:
    """The first and last day of the break or holiday a notice is about, when it states them
    (10月1日至7日放假; 寒假自1月16日开始 with the term opening 2月22日: to 2月21日), in the
    year its date points to (a winter break after a December notice: the next year)."""
    issued = parse_iso(doc.date)
    text = doc.text or ""
    m = _BREAK_SPAN.search(text)
    days = timeexpr.stated_days(text)
    if m:
        first = (int(m.group(1)), int(m.group(2)))
        last = (int(m.group(3) or m.group(1)), int(m.group(4)))
        gap = 0
    elif "放假" in days and "开学" in days:
        first, last, gap = days["放假"], days["开学"], 1
    else:
        return None
    if issued is None:
        return None
    year = issued.year
    try:
        start = date(year, *first)
        if (start - issued).days < -150:
            start = date(year + 1, *first)
        end = date(start.year, *last)
        if end < start:
            end = date(start.year + 1, *last)
    except ValueError:
        return None
    return start, end - timedelta(days=gap)


def _festival_eve(doc: Document, after: date | None) -> date | None:
    """The eve of the first festival the title names (寒假及春节期间…: 春节; 元旦春节期间…: 元旦),
    the first such day on or after `after`, or None."""
    title = doc.title or ""
    found = sorted((title.find(n), -len(n), n) for n in timeexpr.named_day_months()
                   if n in title)
    if not found or after is None:
        return None
    name = found[0][2]
    for year in (after.year, after.year + 1):
        day = timeexpr.named_day_due(f"{name}前", year)
        if day is not None and day.end and day.end >= after.isoformat():
            return parse_iso(day.end)
    return None


def _break_days(doc: Document, period: Period | None) -> None:
    """In a notice about a break or holiday that states its days, what a task does 节日期间 is
    done in them (a range), 节前 by the day before, 节后一周内 within that span of its last
    day; derived, so marked inferred. 节前 in a notice whose title names festivals (元旦春节期间…)
    is the eve of the first of them, with or without stated days. A task with its own date
    or cadence, or a case provided for (遇有突发事件…), is left as it is."""
    window = _break_window(doc)
    eve = _festival_eve(doc, window[0] - timedelta(days=1) if window else parse_iso(doc.date))
    if window is None and eve is None:
        return
    if eve is None:
        eve = window[0] - timedelta(days=1)  # 节前 of a break no festival names: its eve
    for c in doc.clauses:
        for t in c.tasks:
            if t.kind == "recurring" or t.recurrences or _BREAK_CASE.search(t.text):
                continue
            if any((d.end or d.start) and not (period is not None and d.text == period.text)
                   for d in t.deadlines):
                continue  # (its own date, or one its words give: 放假前 → the stated day)
            during, before = _BREAK_DURING.search(t.text), _BREAK_BEFORE.search(t.text)
            after = _BREAK_AFTER.search(t.text)
            if window is None:
                during = after = None  # (no stated days: only the festival's eve is known)
            if after:
                start, end = window
                n = int(to_number(after.group("n")) or 1)
                unit = after.group("u")
                due = (timeexpr.add_months(end, n) if unit == "个月" else
                       end + timedelta(days=7 * n if unit in ("周", "星期", "个星期") else n))
                t.deadlines = [Deadline(after.group(0), None, due.isoformat(), "by",
                                        inferred=True)]
            elif before and not during:
                t.deadlines = [Deadline(before.group(0), None, eve.isoformat(), "by",
                                        inferred=True)]
            elif during:
                start, end = window
                t.deadlines = [Deadline(during.group(0), start.isoformat(), end.isoformat(),
                                        "range", inferred=True)]
            else:
                continue
            t.kind = "once"
