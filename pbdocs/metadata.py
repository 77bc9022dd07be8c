"""Metadata of a policy text: title, kind, issuer, institution, 发文字号, 成文日期, 主送机关, and
the 印发/转发 notice wrapping a plan. Also tells the outline where the body starts and ends.

Rules, not per-document facts: front matter is read from the first paragraphs (红头 letterhead,
发文字号, the page fields the normaliser kept from a web or disclosure page, title lines, 主送机关,
a notice body up to its signature), end matter from the last ones (closing formula, signature
and date, 版记, attachment list). Where a value comes from, in order of trust:
- issuer: letterhead, the notice's signature, the signature at the end, the title's opening
  words (中共X委员会…, X大学…, 教育部办公厅关于…), the page's 发布机构/来源 field;
- date: the notice's date, the signature's (a run-together 2022426 is read when unambiguous),
  the page's 成文日期, an adoption note under the title, the page's posting date;
- title: the genre-word title after the front matter, the page's 文件名称, else the first line
  that has a title's shape and position (short, no sentence in it, before the text);
- 主送: a line of bodies ending in ：/: before the text, by its shape.
Patterns live in `lexicon/` (kinds, org suffixes, notice patterns, page fields).
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
from pbdocs.pagechrome import FIELD_LINE

_CN_DATE = re.compile(r"^([〇○零O一二三四五六七八九\d]{4})\s*年"
                      r"\s*([一二三四五六七八九十\d]{1,3})\s*月"
                      r"\s*([一二三四五六七八九十\d]{1,3})\s*日$")
_NUM_DATE = re.compile(r"^((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$")
# A line under a title that dates it: （2021年7月15日党委常委会审议通过）.
_ADOPTED = re.compile(r"^[（(](?:经|于|在)?([\d〇○零一二三四五六七八九]{4}年"
                      r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日)[^（）()]{0,30}[）)]$")
# Dates that lost their separators: 2022426, 20221月26, 2021年3月5 (repaired when unambiguous).
_RUN_DATE = re.compile(r"^((?:19|20)\d{2})(\d{3,4})$")
_HALF_DATE = re.compile(r"^((?:19|20)\d{2})年?(\d{1,2})月(\d{1,2})日?$")
_BROKEN_DATE = re.compile(r"^(?:19|20)\d{5,6}$|^(?:19|20)\d{2}\d{1,2}月\d{1,2}日?$")
_TERMINAL = re.compile(r"[。！？；!?;]")
_ANNEX_PREFIX = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*")
# What a 主送 line's bodies look like: 各…/全…/所属…, or a name ending in a body's word.
_BODY = re.compile(r"^(?:各|全体|全校|全院|全区|全县|全市|全省|所属|机关|有关|相关)"
                   r"|(?:党委|党组|党工委|党总支|总支部?|支部|委员会|单位|部门|学院|学校|大学|系|部|处|室|"
                   r"局|厅|办|中心|科|委|组|会|政府|街道|镇|乡|村|社区|企业|党组织|机构|分党委|院)"
                   r"(?:[（(][^（）()]{1,20}[）)])*$")


@per_lexicon()
def _lead_org_re() -> re.Pattern:
    """An issuer at the start of a title: 中共X委员会…, X大学(党委)(组织部)关于…"""
    return re.compile(r"^((?:中共|中国共产党|中國共產黨)[\u4e00-\u9fff]{2,24}?(?:委员会|委員會)"
                      # its department before the year or the subject: 中共X委员会组织部2025年…
                      r"(?:[\u4e00-\u9fff]{1,8}?(?:部|处|办公室)"
                      r"(?=(?:19|20)\d{2}|“|《|关于|印发|转发))?|"
                      rf"[\u4e00-\u9fff]{{2,24}}?(?:{alternation('institution_suffixes.txt')})"
                      r"(?:党委|委员会|黨委|委員會)?"
                      r"(?:[\u4e00-\u9fff]{1,8}?(?:部|处|办公室|辦公室|處))?"  # 党委组织部关于…
                      r"(?=关于|印发|转发|關於|印發|轉發))")


@per_lexicon()
def _title_institution_re() -> re.Pattern:
    """A title that opens with the issuing institution's name, no 关于: 南京中医药大学发展…"""
    return re.compile(rf"^([\u4e00-\u9fff]{{2,16}}(?:{alternation('institution_suffixes.txt')})"
                      r"(?:[（(][\u4e00-\u9fff]{2,6}[）)])?(?:(?:机关)?党委|委员会|党总支)?"
                      # its department before the year: X大学党委宣传部2025年…
                      r"(?:[\u4e00-\u9fff]{1,8}?(?:部|处|办公室)(?=(?:19|20)\d{2}))?)"
                      r"(?=[\u4e00-\u9fff“\d])")


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
    notice_pars: tuple[int, int] | None = None  # [start, end) of a notice's body paragraphs
    warnings: list[Warning] = field(default_factory=list)


@dataclass
class _Front:
    """What the front matter said besides the fields of Meta: where values may come from."""

    head_org: str | None = None  # letterhead
    posting: str | None = None  # the page's posting date, or a bare date line
    written: str | None = None  # the page's 成文日期
    adopted: str | None = None  # （…审议通过） under the title
    field_issuer: str | None = None  # the page's 发布机构 / 来源
    field_number: str | None = None  # the page's 文号
    field_title: str | None = None  # the page's 文件名称


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


def _repair_date(s: str) -> tuple[int, int, int] | None:
    """A date that lost its separators, when only one reading is a date (2022426 → 4月26日;
    2022112 could be 1月12日 or 11月2日: None)."""
    m = _HALF_DATE.match(s)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _RUN_DATE.match(s)
    if not m:
        return None
    y, rest = int(m.group(1)), m.group(2)
    readings = {(int(rest[:k]), int(rest[k:])) for k in (1, 2) if 1 <= len(rest) - k <= 2}
    valid = {(mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= 31}
    return (y, *valid.pop()) if len(valid) == 1 else None


def parse_date(s: str) -> str | None:
    """`2020年11月30日`, `二〇二一年七月十五日`, `2020-12-14`, and a date that lost its separators
    when it reads one way only (`2022426`) → `YYYY-MM-DD`; None if not a date."""
    s = s.strip()
    m = _NUM_DATE.match(s) or _CN_DATE.match(s)
    if m:
        y, mo, d = m.groups()
        year = int("".join(str(cn_to_int(c) or 0)
                           for c in y.replace("O", "〇").replace("○", "〇")))
        month, day = cn_to_int(mo) or 0, cn_to_int(d) or 0
    else:
        repaired = _repair_date(s)
        if repaired is None:
            return None
        year, month, day = repaired
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


# how a preamble names the document it opens (现提出如下实施意见, 特制定本方案, 制定本实施细则)
_OWN_GENRE = re.compile(r"(?:提出如下|提出以下|制定本|特制定|制定如下|制定以下)"
                        r"(?P<kind>[\u4e00-\u9fff]{0,4}?(?:方案|意见|办法|细则|计划|规定|要点))")
# the work a preamble says the document is for (全面开展党建“三级联创”工作, 推进…建设)
_PURPOSE = re.compile(r"(?:(?:全面|深入|扎实|进一步|持续)\s*)?"
                      r"(?:开展|推进|加强|实施|做好|深化|推动|落实|规范|完善)[^，,。；;：:]{2,30}?(?:工作|建设|活动|工程|行动|管理|制度)"
                      r"(?=[，,。；;]|$)")


def suggested_title(doc) -> str | None:
    """For a text without a title, the title its preamble implies: 关于 + the work it says it
    is for + 的 + the genre it calls itself (…全面开展党建“三级联创”工作…。现提出如下实施意见。
    → 关于全面开展党建“三级联创”工作的实施意见). None when the text has a title, or its
    preamble names no genre or no work. A suggestion for the person to check (the notice's
    remark offers it); never the document's title."""
    if doc.title:
        return None
    preamble = next((c.text for c in doc.clauses if c.path == ["0"]), None) or ""
    genre = _OWN_GENRE.search(preamble)
    if genre is None:
        return None
    work = [m.group(0) for m in _PURPOSE.finditer(preamble, 0, genre.start())]
    if not work:
        return None
    return f"关于{work[-1].strip()}的{genre.group('kind')}"


# the party's or the Youth League's name before an issuer (中共X委员会, 共青团X委员会)
PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党|中國共產黨)")
LEAGUE_PREFIX = re.compile(r"^(?:共青团|中国共产主义青年团)")


def institution_of(issuer: str | None) -> str | None:
    """The institution an issuer belongs to: 中共XX大学委员会 → XX大学, XX大学(武汉)党委组织部 →
    XX大学(武汉), 中共新乡学院教育科学学院委员会 → 新乡学院 (the university, not its college),
    中共XX镇委员会 → XX镇, 中共X市Y区教育局委员会 → X市Y区教育局; None if it names none
    (党委组织部, 县教育局)."""
    if not issuer:
        return None
    # (共青团X委员会: the institution's Youth League committee)
    name = LEAGUE_PREFIX.sub("", PARTY_PREFIX.sub("", issuer.split()[0]))
    m = re.match(f"^(.+?(?:{alternation('institution_suffixes.txt')})"
                 r"(?:[（(][\u4e00-\u9fff]{2,6}[）)])?)", name)
    if m and len(m.group(1)) >= 3 and _balanced(m.group(1)):  # not 党委组织部(党校
        return None if is_college(m.group(1)) else m.group(1)
    # a working body of a place's party committee (中共X区委教育工作委员会, 中共X市委组织部)
    # belongs to the place
    m = re.match(r"^([\u4e00-\u9fff]{2,10}?(?:省|市|区|县|州|盟|旗))委"
                 r"[\u4e00-\u9fff]{2,12}?(?:委员会|工委|部)$", name)
    if m and issuer.startswith(("中共", "中国共产党")):
        return m.group(1)
    m = re.match(r"^([\u4e00-\u9fff]{1,10}?(?:镇|乡|街道))"
                 r"(?:委员会|党委|人民政府|党工委|政府)", name)
    if m and len(m.group(1)) >= 3:
        return m.group(1)
    # a government bureau under its place name, issuing through its party committee or group:
    # 中共舟山市定海区教育局委员会 → 舟山市定海区教育局 (a bare 县教育局 names no institution)
    m = re.match(r"^([\u4e00-\u9fff]{2,}(?:省|市|区|县|州|盟|旗)[\u4e00-\u9fff]{0,16}?(?:局|厅))"
                 r"(?:委员会|党委|党组)$", name)
    return m.group(1) if m else None


@per_lexicon()
def _college_re() -> re.Pattern:
    fields = alternation("college_fields.txt")
    return re.compile(rf"^(?:{fields})(?:[与和及、]?(?:{fields}))*(?:学院|系)$")


def is_college(name: str) -> bool:
    """A college or department inside a university, named by its fields of study only
    (经济与管理学院, 化学与材料工程学院): no institution of its own."""
    return bool(_college_re().match(name))


def _balanced(name: str) -> bool:
    """Whether every bracket opened in a name is closed in it."""
    return name.count("(") + name.count("（") == name.count(")") + name.count("）")


def _strip_annex(p: str) -> str:
    """A title line without the 附件 label an annex puts before it (附件 中共X…细则)."""
    m = _ANNEX_PREFIX.match(p)
    return p[m.end():] if m and m.end() < len(p) else p


def _titleish(p: str) -> bool:
    return (len(p) <= 90 and not _TERMINAL.search(p) and match_marker(p) is None
            and not _ADOPTED.match(p)
            and not p.endswith(("：", ":")) and parse_date(p) is None and not _DOC_NO.match(p)
            and not FIELD_LINE.match(p))


def _title_group(pars: list[str], i: int, limit: int) -> tuple[str | None, int]:
    """A title over one to four lines from `i` that ends in a genre word (an issuer's line over a
    事由 broken twice, 中共X委员会/关于…/…的/实施方案); (title, next index)."""
    if i + 1 < limit and _ANNEX.fullmatch(pars[i]):
        i += 1  # 附件1 over the title of the document it labels
    best: tuple[str | None, int] = (None, i)
    text = ""
    for j in range(i, min(i + 4, limit)):
        p = _strip_annex(pars[j]) if j == i else pars[j]
        if not _titleish(p):
            break
        text += p
        if kind_of(text):
            best = (text, j + 1)
    return best


def _shaped_title(pars: list[str], i: int) -> tuple[str | None, int]:
    """A title without a genre word (5月党建工作重点任务提示, 院(系)级单位党组织工作基本规范(试行)):
    the first line after the front matter when it has a title's shape (8 to 60 characters, no
    sentence, no number, not a name or a date) and text follows it."""
    if i + 1 >= len(pars):
        return None, i
    p = _strip_annex(pars[i])
    bare = re.sub(r"[（(][^（）()]{1,20}[）)]", "", p)  # （机关、事业单位党组织） qualifies it
    if (8 <= len(p) <= 60 and _titleish(p) and not re.search(r"[，,、]", bare)
            and len(re.findall(r"[\u4e00-\u9fff]", p)) * 2 >= len(p)
            and not is_org_line(p) and not _is_recipients(p)):
        return p, i + 1
    return None, i


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
    """A 主送 line by its shape: bodies separated by 、/，, ending in ：/:, no sentence."""
    if not (p.endswith(("：", ":")) and len(p) <= 100 and not _TERMINAL.search(p)
            and match_marker(p) is None):
        return False
    parts = _recipients(p)
    bodies = [x for x in parts if _BODY.search(x)]
    return bool(parts) and bool(_BODY.search(parts[0])) and 2 * len(bodies) >= len(parts)


_ORG_AND_DATE = re.compile(r"^(?P<org>.+?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|"
                           r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
                           r"[一二三四五六七八九十]{1,3}日)$")


_SEAL = re.compile(r"\s*[（(](?:盖章|公章|印章|签章|章|印)[）)]$")


def _is_signer(p: str) -> bool:
    """A signature line: one body, or joint issuers side by side (中共X镇委员会 X镇人民政府),
    a （盖章） after it allowed; never a numbered item (a text cut off at
    `第五条学校党委对学校`)."""
    if match_marker(p) is not None:
        return False
    p = _SEAL.sub("", p)
    return is_org_line(p) or (" " in p and all(is_org_line(x) for x in p.split()))


def _signature(pars: list[str], j: int) -> tuple[str, str | None, int] | None:
    """(signer, date, index after) when a signature starts at paragraph j: one to three body
    names (联合发文) over a date line, or a name and its date on one line."""
    m = _ORG_AND_DATE.match(pars[j]) if j < len(pars) else None
    if m and _is_signer(m.group("org")) and parse_date(m.group("date")):
        return _SEAL.sub("", m.group("org")), parse_date(m.group("date")), j + 1
    k = j
    while k < len(pars) and k < j + 3 and _is_signer(pars[k]):
        k += 1
    if k > j and k < len(pars) and parse_date(pars[k]):
        return _SEAL.sub("", pars[j]), parse_date(pars[k]), k + 1
    if k > j and k < len(pars) and _BROKEN_DATE.match(pars[k]):
        # a signature whose date lost its 年月日 (warned by normalize)
        return _SEAL.sub("", pars[j]), None, k + 1
    return None


def _lead_org(title: str | None) -> str | None:
    """The issuer a title opens with: 中共X委员会…, X大学党委关于…, 教育部办公厅关于…, X大学…"""
    if not title:
        return None
    m = _lead_org_re().match(title)
    if m:
        return m.group(1)
    m = re.match(r"^(.{2,30}?)(?:关于|印发|转发)", title)
    if m and is_org_line(m.group(1)):
        return m.group(1)
    m = re.match(r"^((?:中共|中国共产党)[\u4e00-\u9fff]{2,24}?委员会)", title)
    if m:
        return m.group(1)
    m = _title_institution_re().match(title)
    if m:
        return m.group(1)
    # a year before the body's name: 2024年化学与材料工程学院党委“强基创优”…实施方案
    year = re.match(r"^(?:19|20)\d{2}(?:[—–-](?:19|20)?\d{2,4})?年度?", title)
    m = _title_institution_re().match(title[year.end():]) if year else None
    return m.group(1) if m else None


def _party_name(org: str) -> str:
    """An issuer's name in one spelling: 中共X委员会 and X党委 are the same committee (and
    中共X委员会组织部, X党委组织部 the same department)."""
    if not org.startswith(("中共", "中国共产党")):
        return org
    org = re.sub(r"^(?:中共|中国共产党)", "", org)
    return re.sub(r"委员会(?=[\u4e00-\u9fff]{0,8}$)", "党委", org, count=1)


def _short_form(signer: str, full: str) -> bool:
    """Whether a signature names the title's issuer in short (党委组织部 for 某某大学党委组织部,
    经济与管理学院党委 for 中共某某大学经济与管理学院委员会)."""
    long, short = _party_name(full), _party_name(signer)
    return full.endswith(signer) or (long != short and long.endswith(short))


def _page_field(p: str, meta: Meta, front: _Front) -> None:
    """Take the values of a page-field line (文号, dates, 发布机构, 文件名称) kept by normalize."""
    for part in p.split("；"):
        label, _, value = part.partition("：")
        if label == "文号":
            front.field_number = front.field_number or value
        elif label == "成文日期":
            front.written = front.written or parse_date(value)
        elif label == "发布日期":
            front.posting = front.posting or parse_date(value)
        elif label == "发布机构":
            front.field_issuer = front.field_issuer or value
        elif label == "文件名称":
            front.field_title = front.field_title or value


# a department named alone on a line (西岭科技大学人事处, 清源师范大学教务处): beside a first
# issuer over a 发文字号, one more issuer
_OFFICE_LINE = re.compile(r"[\u4e00-\u9fff]{2,24}(?:处|部|中心|院|馆)")


def _head_lines(pars: list[str], i: int) -> int:
    """How many issuers' lines (one to three: 联合发文 puts one per line) stand from `i` right
    above a 发文字号, else 0."""
    k = i
    while k < len(pars) and k < i + 3 and (is_org_line(pars[k]) or (
            k > i and _OFFICE_LINE.fullmatch(pars[k]))):
        k += 1
    return k - i if k > i and k < len(pars) and _DOC_NO.match(pars[k]) else 0


def _front(pars: list[str], meta: Meta, front: _Front) -> int:
    """Letterhead, 发文字号, page fields and a posting date before the title: next index."""
    i = 0
    while i < len(pars):
        p = pars[i]
        if FIELD_LINE.match(p):
            _page_field(p, meta, front)
        elif p.endswith("文件") and is_org_line(p[:-2]):
            front.head_org = p[:-2]
        elif head := _head_lines(pars, i):
            # a letterhead without 文件, recognised by the 发文字号 under it; joint issuers one
            # per line over it (中共X委员会学生工作部 / 共青团X委员会 / 东农林学工〔2027〕15号):
            # the first leads
            front.head_org = p
            i += head - 1
        elif _DOC_NO.match(p) and meta.doc_number is None:
            meta.doc_number = p
        elif parse_date(p) and front.posting is None:
            front.posting = parse_date(p)
        else:
            break
        i += 1
    return i


def _same_title(p: str, title: str | None) -> bool:
    """A line that repeats the title (pages show it twice; a quote may be lost on the way)."""
    if not title:
        return False
    strip = re.compile(r"[“”‘’\"'《》〈〉<>\s]")
    return strip.sub("", p) == strip.sub("", title)


def _after_title(pars: list[str], i: int, meta: Meta, front: _Front,
                 notice: Notice | None = None) -> int:
    """The 发文字号, dates, page fields and repeats of the title that follow a title."""
    n = len(pars)
    title = notice.title if notice else meta.title
    while i < n:
        p = pars[i]
        if FIELD_LINE.match(p):
            _page_field(p, meta, front)
        elif _DOC_NO.match(p):
            meta.doc_number = meta.doc_number or p
            if notice is not None:
                notice.doc_number = notice.doc_number or p
        elif _ADOPTED.match(p):
            front.adopted = parse_date(_ADOPTED.match(p).group(1))
        elif parse_date(p):
            if notice is not None:
                notice.date = parse_date(p)
            elif front.posting is None:
                front.posting = parse_date(p)
        elif not _same_title(p, title):
            break
        i += 1
    return i


def _notice(pars: list[str], i: int, meta: Meta, front: _Front, title: str,
            plan: str) -> tuple[int, str | None]:
    """Read a 印发/转发 notice from after its title up to the plan: (next index, its signer)."""
    n, signer = len(pars), None
    notice = meta.notice = Notice(title=title, doc_number=meta.doc_number)
    i = _after_title(pars, i, meta, front, notice)
    if i < n and _is_recipients(pars[i]):
        meta.recipients = _recipients(pars[i])
        i += 1
    body: list[str] = []
    first = i
    j, listing = i, False
    while j < n and j < i + 12 and (match_marker(pars[j]) is None
                                    or listing and _attachment_item(pars[j])):
        # 附件：1.… with 2.… under it lists the attachments: its numbers open no outline
        listing = bool(_ATTACHMENT_LIST.match(pars[j])) or listing and _attachment_item(pars[j])
        sig = _signature(pars, j)
        if sig:  # the notice ends with its own signature and date
            signer, date, after = sig
            broken = date is None and after - 1 < n and parse_date(pars[after - 1])
            notice.date = date or broken or notice.date
            # an 附件 line between the body and the signature lists the attachments
            body, i = pars[i:_drop_attachment_list(pars, i, j)], after
            break
        j += 1
    else:  # no signature: only the sentences that hand the plan on are the notice's
        while i < n and any(rx.search(pars[i]) for rx in _patterns()["body"]):
            body.append(pars[i])
            i += 1
    notice.body = "\n".join(body) or None
    meta.notice_pars = (first, first + len(body)) if body else None
    # the 附件 label over the plan it hands on, and a publication note such as （此件公开发布）
    while i < n and (re.match(r"^附件\s*\d*\s*[：:]?\s*$", pars[i])
                     or re.match(r"^[（(]此件[^（）()]{1,16}[）)]$", pars[i])):
        i += 1
    own, after = _title_group(pars, i, n)
    if "《" in plan:  # 印发《A》《B》的通知: the first plan names the file
        plan = plan.split("》")[0]
    meta.title, i = (own, after) if own else (re.sub(r"\s+", "", plan), i)
    while own and i < n and _ADOPTED.match(pars[i]):  # （…审议通过） under the plan's title
        front.adopted = front.adopted or parse_date(_ADOPTED.match(pars[i]).group(1))
        i += 1
    return i, signer


def _standalone(pars: list[str], i: int) -> bool:
    """A 发布…《…》的通知 that is a notice of its own: addressed to bodies, no sentence hands a
    document on, and its own numbered items follow (关于发布《…名单》的通知 / 各单位： / 一、…)."""
    if i >= len(pars) or not _is_recipients(pars[i]):
        return False
    window = pars[i + 1:i + 5]
    hands_on = any(rx.search(p) for p in window for rx in _patterns()["body"])
    first = next((k for k, p in enumerate(window) if match_marker(p)), None)
    signed = first is not None and any(_signature(window, k) for k in range(first))
    return first is not None and not hands_on and not signed


def _untitled_notice(pars: list[str], i: int) -> str | None:
    """The plan an untitled 印发 notice hands on: recipients at `i`, then within a few
    paragraphs a sentence that hands on 《X》 and the notice's signature, before any numbered
    item (全区各中小学…：/ 现将《X》印发给你们… / 中共…委员会 / 2019年9月13日 / X / …): X."""
    if i >= len(pars) or not _is_recipients(pars[i]):
        return None
    plan = None
    for j in range(i + 1, min(i + 6, len(pars))):
        if match_marker(pars[j]):
            return None
        m = re.search(r"《([^《》]+)》", pars[j])
        if plan is None and m and any(rx.search(pars[j]) for rx in _patterns()["body"]):
            plan = m.group(1)
        elif plan is not None and _signature(pars, j):
            return plan
    return None


def read_meta(pars: list[str]) -> Meta:
    """Read the metadata from the document's paragraphs and find where its body lies."""
    meta = Meta(body_end=len(pars))
    front = _Front()
    n = len(pars)
    i = _front(pars, meta, front)
    notice_signer = None
    title, after_title = _title_group(pars, i, n)
    # an issuer's line over the title (中共X委员会组织部 / 党支部“三会一课”制度实施细则): the
    # issuer is that line, not a longer name the joined title seems to open with
    title_org = (pars[i] if title is not None and after_title - i >= 2 and is_org_line(pars[i])
                 else None)
    if title is None and front.field_title:
        title = front.field_title
        after_title = i + 1 if i < n and _same_title(pars[i], title) else i
    if title is None:
        title, after_title = _shaped_title(pars, i)
    plan = next((m.group("plan") for rx in _patterns()["title"] if title
                 for m in [rx.search(title)] if m), None)
    head_end = _after_title(pars, after_title, Meta(), _Front())  # past 文号, date lines…
    if title is None:  # a 印发 notice whose title line was lost: 主送, 现将《X》印发给你们, signed
        plan = _untitled_notice(pars, after_title)
    elif plan is None:  # 关于开展…建设的通知 whose body hands on 《X》 and is signed before X
        plan = _untitled_notice(pars, head_end)
    if plan is not None and _standalone(pars, head_end):
        plan = None
    if plan is not None:
        i, notice_signer = _notice(pars, after_title, meta, front, title, plan)
        if _end(pars, i)[0] <= i:  # nothing after the notice: the file is the notice alone
            meta, front, plan = Meta(body_end=n), _Front(), None
            i = _front(pars, meta, front)
    if plan is None:
        meta.title = title
        notice_signer = None
        i = _after_title(pars, after_title, meta, front)
        if i < n and _is_recipients(pars[i]):
            meta.recipients = _recipients(pars[i])
            i += 1
    meta.body_start = i
    meta.body_end, end_signer, end_date = _end(pars, i, meta, front)
    annex = _before_annex(pars, i, n)
    if annex < n:  # an annex after the signature is its own document: say it is left out
        size = sum(len(p) for p in pars[annex:])
        meta.warnings.append(Warning(
            "annex_skipped", f"落款后的附件未纳入大纲（{len(pars) - annex} 段，{size} 字），"
            "如需解析请将附件另存为单独文件", pars[annex][:24]))
    for p in pars[i:meta.body_end]:  # page fields a page put inside the text, as a fallback
        if FIELD_LINE.match(p):
            _page_field(p, meta, front)
    # The notice's date for a wrapped plan; else the signature's; the page's 成文日期; an
    # adoption note; the page's posting date last.
    meta.date = ((meta.notice.date if meta.notice else None) or end_date or front.written
                 or front.adopted or front.posting)
    titled = (_lead_org(meta.notice.title if meta.notice else None)
              or (title_org if plan is None else None) or _lead_org(meta.title))
    if end_signer and titled and titled != end_signer and _short_form(end_signer, titled):
        end_signer = titled  # signed 党委组织部 under a title naming 某某大学党委组织部
    head = front.head_org
    if head and _fuller_signature(head, notice_signer or end_signer):
        head = None  # 泽垣学院文件 signed 中共泽垣学院委员会: the signature names the body in full
    meta.issuer = (head or notice_signer or end_signer or titled or front.field_issuer)
    meta.doc_number = meta.doc_number or front.field_number  # the text's own 文号 first
    if meta.notice is not None and meta.notice.doc_number is None and front.field_number:
        meta.notice.doc_number = front.field_number  # a disclosure page's 文号 is its notice's
    meta.institution = institution_of(meta.issuer)
    # the genre word the title ends in (the spec's `kind`); an untitled text has none, even
    # when its preamble names its genre (现提出如下实施意见: see `named_genre`)
    meta.kind = kind_of(meta.title)
    return meta


_BODY_TAIL = re.compile(r"(?:党委|委员会)(?P<office>[\u4e00-\u9fff]*)$")


def _fuller_signature(head: str, signer: str | None) -> bool:
    """Whether the signature names the letterhead's body in its full form: the same
    institution, and the letterhead either names the institution alone (泽垣学院文件 over 中共
    泽垣学院委员会) or the same office of its party committee (青芜学院党委组织部 over 中共
    青芜学院委员会组织部)."""
    if not signer or signer == head:
        return False
    inst = institution_of(signer)
    if not inst or institution_of(head) != inst:
        return False
    if head == inst:
        return True
    h, g = _BODY_TAIL.search(head), _BODY_TAIL.search(signer)
    return bool(h and g and h.group("office") == g.group("office")
                and len(signer) > len(head))


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


def _end(pars: list[str], start: int, meta: Meta | None = None,
         front: _Front | None = None) -> tuple[int, str | None, str | None]:
    """版记 lines, a closing formula, the signature with its date (or a signature or a date line
    alone), an attachment list, page fields under the text: (body end, signer, date)."""
    end = _before_annex(pars, start, len(pars))
    signer = date = None
    signed = False
    while end > start:
        if any(rx.search(pars[end - 1]) for rx in _patterns()["end"]):
            end -= 1  # 版记, 特此通知, a publication note
            continue
        if FIELD_LINE.match(pars[end - 1]):
            if meta is not None and front is not None:
                _page_field(pars[end - 1], meta, front)  # a page that posts its date below
            end -= 1
            continue
        if not signed:
            found = False
            for j in range(max(start, end - 4), end):
                sig = _signature(pars, j)
                if sig and sig[2] == end:
                    signer, date, _ = sig
                    if date is None:  # a signature whose date lost its separators
                        date = parse_date(pars[end - 1])
                    end, found = j, True
                    break
            if not found and parse_date(pars[end - 1]):
                date, end, found = parse_date(pars[end - 1]), end - 1, True
            elif not found and end - 1 > start and _is_signer(pars[end - 1]):
                signer, end, found = _SEAL.sub("", pars[end - 1]), end - 1, True  # not dated
            if found:
                signed = True
                continue
        cut = _drop_attachment_list(pars, start, end)
        if cut == end:
            break
        end = cut
    return end, signer, date


_ATTACHMENT_LIST = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:]")


def _attachment_item(p: str) -> bool:
    """A line that can continue an 附件 list: a short name with no sentence in it."""
    return len(p) <= 60 and "。" not in p


def _drop_attachment_list(pars: list[str], start: int, end: int) -> int:
    """Cut a trailing 附件 list (附件：1.… 2.…) that precedes the signature off the body."""
    for k in range(end - 1, max(start, end - 8) - 1, -1):
        if _ATTACHMENT_LIST.match(pars[k]) or re.match(r"^附件\s*\d", pars[k]):
            if all(_attachment_item(p) for p in pars[k:end]):
                return k
            break
    return end


def named_genre(pars: list[str]) -> str | None:
    """The genre a text's preamble names for itself (现提出如下实施意见 → 实施意见), for an
    untitled text whose `kind` is null: extraction reads a plan's preamble as a plan's."""
    for p in pars[:3]:
        for rx in _patterns()["self"]:
            m = rx.search(p)
            if m:
                k = re.match(f"({alternation('kinds.txt')})", m.group("kind"))
                if k:
                    return k.group(1)
    return None
