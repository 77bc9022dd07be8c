"""Normalizer: repair widths, spaces, broken lines and web boilerplate; report every repair.

Page chrome and page fields are told apart by `pbdocs.pagechrome`; the fields worth keeping
(发布机构, 文号, 成文日期, 发布日期) come out as one `label：value；…` line for the metadata stage.
Lines whose breaks were lost (one-line PDF text, items run together) are split where their
structure shows. Paragraphs come out one a line (blank lines dropped). Punctuation stays as
written. Repairs that touch meaning-bearing text and suspicions that cannot be repaired become
`Warning`s whose `offset` points into the returned text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from pbdocs import pagechrome
from pbdocs.lang.lexicon import alternation, entries, per_lexicon
from pbdocs.lang.text import SECOND_NAME
from pbdocs.markers import Marker, bare_marker, match_marker
from pbdocs.model import Warning
from pbdocs.read.md import md_inline

# Characters that count as "Chinese side" for deciding that a space only wrapped a line.
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’《》—…·"
_WIDE = f"[{_CJK}{_CJK_PUNCT}]"
_SPACES = "[ \u00a0\u3000\t\u2002\u2003\u2009\u202f]+"
_SPACE_RUN = re.compile(f"(?<={_WIDE}){_SPACES}|{_SPACES}(?={_WIDE})")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NUMERAL_CHAR = re.compile(r"[一二三四五六七八九十两几数多百千万\d]")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\x00-\x08\x0e-\x1f\x7f]")
# A paragraph ending in one of these is complete; anything else may continue on the next line.
_TERMINAL = set("。！？；：!?;:…")
_CLOSERS = set("”’）)」』】〕》")
_CONTINUING = set("，、。；：,;:！？!?）)”’」』】〕》")
_NAV_LINE = re.compile(r"^(您?当前(?:所在)?的?位置|您(?:现在)?的(?:当前)?位置|所在位置"
                       r"|首页|主页|网站首页)")
# A line that is only a 发文字号 (嘉院党〔2021〕54号); metadata reads the same lines.
DOC_NO_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔［【\[(（]\d{4}[〕］】\])）]\s*第?\d{1,4}号$")
_WELL_FORMED_NO = re.compile(r"^[〔［【\[(（]\d{4}[〕］】\])）]\d{1,4}号$")
_DOC_NO_CANDIDATE = re.compile(r"[〔［]\s*\d[\d\s〕］\]]{0,12}号")
_RUN_DATE = re.compile(r"(?<![\d.〔［\[])(?:19|20)\d{5,6}(?![\d.%号])")
_YEAR_NO_NIAN = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{1,2})月")
# a month or day whose digits extraction split with a space: 2025年1 0月, 10月2 0日
_SPLIT_DATE = re.compile(r"(?:(?:19|20)\d{2}年|(?<!\d)\d{1,2}月)\d[ \u3000]\d\s*[月日号]")
# a count after a comparison whose digits extraction split with a space: 不少于2 0名
_SPLIT_COUNT = re.compile(r"(?:(?<=不少于|不低于|不超过)|(?<=至少|达到|超过))(\d)[ \u3000](\d{1,2})"
                          r"(?=\s*[名个人次项%％])")
_BAD_DAY = re.compile(r"(?<!\d)(?:19|20)\d{2}年(\d{1,2})月(?:(\d{1,2})日)?")


@dataclass
class _Repair:
    kind: str
    message: str
    line: int  # index of the source line the repair happened in
    pos: int  # position within that line (after space removal)
    excerpt: str


@per_lexicon()
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in entries("boilerplate.txt")))


@per_lexicon()
def _measure() -> tuple[re.Pattern, frozenset[str]]:
    words = [e for e in entries("measure_words.txt") if not e.startswith("!")]
    words.sort(key=len, reverse=True)
    compounds = frozenset(e[1:] for e in entries("measure_words.txt") if e.startswith("!"))
    return re.compile("|".join(re.escape(w) for w in words)), compounds


@per_lexicon()
def _kind_end() -> re.Pattern:
    return re.compile(f"(?:{alternation('kinds.txt')})[）)]?$")


def _is_boilerplate(line: str) -> bool:
    return _boilerplate().match(line) is not None


def _excerpt(s: str, pos: int, width: int = 12) -> str:
    return s[max(0, pos - width): pos + width]


# A post (党委副书记, 副院长) and its holder's name set apart by one full-width space, as a
# list of persons in charge writes them; a name is two or three characters, then the line ends
# or the next name follows.
_POST_THEN_NAME = re.compile(r"(?:书记|院长|校长|主任|部长|处长|委员|馆长|组长)$")
_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{2,3}(?:$|[、，,；;）)])")


def _slogan_gap(line: str, a: int, b: int) -> bool:
    """A space between the two halves of a quoted slogan (“强支部 优服务”, “学党史 悟思想”):
    inside quotation marks, with as many Chinese characters (two to six) on each side, which a
    line broken inside a word does not give."""
    left, right = line.rfind("“", 0, a), line.find("”", b)
    if left < 0 or right < 0 or "”" in line[left:a] or "“" in line[b:right]:
        return False
    one, two = line[left + 1:a], line[b:right]
    return (len(one) == len(two) and 2 <= len(one) <= 6
            and all(_CJK_CHAR.match(c) for c in one + two))


def _remove_spaces(line: str, idx: int, repairs: list[_Repair]) -> str:
    """Drop spaces that only wrapped a line inside Chinese text; keep gaps of lost numerals."""
    parts = line.split()
    if len(parts) > 1 and all(is_org_line(p) for p in parts):
        return " ".join(parts)  # joint issuers side by side: 中共X镇委员会  X镇人民政府
    mw, compounds = _measure()
    out: list[str] = []
    size = last = removed = 0
    first_pos = None
    mk = match_marker(line)
    for m in _SPACE_RUN.finditer(line):
        out.append(line[last:m.start()])
        size += m.start() - last
        last = m.end()
        prev = line[m.start() - 1] if m.start() else ""
        after = line[m.end():m.end() + 8]
        w = mw.match(after)
        if (w and _CJK_CHAR.match(prev) and not _NUMERAL_CHAR.match(prev)
                and prev + w.group(0) not in compounds
                and after[:len(w.group(0)) + 1] not in compounds):
            out.append(" ")
            repairs.append(_Repair("missing_numeral", f"“{w.group(0)}”前疑似缺少数字",
                                   idx, size, line[max(0, m.start() - 8):m.start()] + " " + after))
            size += 1
            continue
        if mk and m.start() <= mk.end <= m.end() and mk.family == "article" \
                and not line.startswith("第"):
            out.append(" ")  # 四条 坚持…: without its 第 the number needs the space after it
            size += 1
            continue
        if not prev or not after or (mk and m.start() <= mk.end <= m.end()):
            continue  # edge or after-marker spaces are layout, not text
        if m.group(0) == "\u3000" and _POST_THEN_NAME.search(line[:m.start()]) \
                and _NAME_AFTER.match(line[m.end():]):
            out.append("\u3000")  # 党委副书记　韩立群: a post and the person holding it
            size += 1
            continue
        if _slogan_gap(line, m.start(), m.end()):
            out.append(" ")  # “强支部 优服务”: the gap between the halves of a slogan
            size += 1
            continue
        removed += 1
        if first_pos is None:
            first_pos = size
    out.append(line[last:])
    text = "".join(out)
    if removed:
        repairs.append(_Repair("space_removed",
                               f"删除了中文之间因换行或网页排版留下的 {removed} 处空格",
                               idx, first_pos or 0, _excerpt(text, first_pos or 0)))
    return text


def _clean_lines(text: str, repairs: list[_Repair], breaks: set[int] | None = None) -> list[str]:
    """Split into stripped lines, drop boilerplate, fix spaces (empty string = dropped/blank).
    `breaks` receives the lines that follow a page number of copied PDF text."""
    # \f and \v are page and line breaks in extracted PDF text; other controls carry nothing.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _INVISIBLE.sub("", text)
    lines = []
    for ln in text.split("\n"):
        ln = _BULLET.sub("", ln.replace("\u00a0", " ").strip(" \t\u3000\u2002\u2003"))
        parts = _split_banner(ln) or _split_run_on(ln)
        if len(parts) > 1:
            repairs.append(_Repair("line_split", f"将连排在一行的 {len(parts)} 段（编号条目、"
                                   "发文字号、标题、主送、落款）按原有结构分行", len(lines), 0,
                                   ln[:40]))
        lines.extend(parts)
    _split_recipients(lines, repairs)
    dropped = [False] * len(lines)
    nav_seen = -1
    for i, ln in enumerate(lines):
        rest, cut = pagechrome.strip_glued(ln) if ln else (ln, None)
        if cut:
            repairs.append(_Repair("boilerplate_removed", "删除了与正文粘连的网页横幅或导航路径",
                                   i, 0, cut[:40]))
            lines[i] = rest
    for i, before in pagechrome.page_fields(lines, dropped):
        repairs.append(_Repair("boilerplate_removed",
                               "将网页的发布信息改写为一行字段（保留发布机构、文号和日期）"
                               if lines[i] else "删除了网页的发布信息行",
                               i, 0, before[:40]))
    text_seen = False  # a sentence: the page's header (menu, column labels) is over
    for i, ln in enumerate(lines):
        if not ln or pagechrome.FIELD_LINE.match(ln):
            continue
        if _is_boilerplate(ln) or pagechrome.is_chrome(ln):
            if not text_seen and (_NAV_LINE.match(ln) or re.search(r"\s(>|＞|»|›)\s", ln)
                                  or pagechrome.is_menu(ln)):
                nav_seen = i
            dropped[i] = True
        text_seen = text_seen or "。" in ln
    for i in (pagechrome.chrome_runs(lines, dropped) + pagechrome.column_label(lines, dropped)
              + pagechrome.related_list(lines, dropped) + pagechrome.end_tail(lines, dropped)
              + pagechrome.ornaments(lines, dropped)):
        dropped[i] = True
    first = next((i for i, ln in enumerate(lines) if ln and not dropped[i]), None)
    if first is not None:
        rest, cut = pagechrome.column_in_title(lines[first])
        if cut:
            repairs.append(_Repair("boilerplate_removed", "删除了标题前的栏目名称",
                                   first, 0, cut[:40]))
            lines[first] = rest
    for i in _markdown_table_rows(lines):
        dropped[i] = False  # short cells split by bars are a table's, not a site menu's
        if all(_RULE_CELL.fullmatch(c) for c in _cells(lines[i])):
            lines[i] = ""  # the rule under its header (|---|---|) carries nothing
        else:
            lines[i] = md_inline(lines[i])  # **一** → 一: Markdown inside the cells goes
    page_breaks = _drop_running_lines(lines, dropped)
    _task_table_lines(lines, dropped, repairs)
    _record_rows(lines, dropped, repairs)
    if breaks is not None:
        breaks.update(page_breaks)
    # Web page header: the site's name, menu and column labels before the navigation line or
    # menu, and the Chinese label that pairs with an English one ("Learning Field" / 学习园地).
    if nav_seen >= 0:
        for i in range(nav_seen):
            if lines[i] and ((len(lines[i]) <= 12 and not re.search(r"[。，,；：:\d《]", lines[i]))
                             or is_org_line(lines[i])):
                dropped[i] = True
    for i, ln in enumerate(lines):
        if dropped[i] and re.fullmatch(r"[A-Za-z][A-Za-z .&'-]{1,40}", ln):
            for j in (i + 1, i + 2, i - 1, i - 2):
                if 0 <= j < len(lines) and lines[j] and not dropped[j]:
                    if len(lines[j]) <= 8 and not re.search(r"[。，,；：:\d《]", lines[j]):
                        dropped[j] = True
                    break
    for i, ln in enumerate(lines):
        if dropped[i]:
            repairs.append(_Repair("boilerplate_removed", "删除了网页导航或网站杂项行",
                                   i, 0, ln[:40]))
            lines[i] = ""
        elif ln:
            lines[i] = _remove_spaces(ln, i, repairs)
    return lines


_BULLET = re.compile(r"^[•▪●◆■►▶]\s*")
# A page number printed inside one-line PDF text (—3—, -12-): not text, and not a paragraph break
# either (共同参—3—与 is one word).
_PAGE_MARK = re.compile(r"[—－]\s*\d{1,3}\s*[—－]|(?<![\d\w])-\s*\d{1,3}\s*-(?![\d\w])")
_RUN_ON = 80  # only lines at least this long are looked at for lost line breaks
# What a line whose breaks were lost shows somewhere: a space or a full stop before a number,
# a 发文字号, a page number, a date after a name.
_RUN_ON_HINT = re.compile(r"(?:\s|[。；;])[（(第一二三四五六七八九十\d①-⑳]"
                          r"|〔\d{4}〕|[—－]\s*\d|\d日")
# A title (ending in a genre word) run into the next part: its recipients (各…：), its first
# article or chapter.
_GLUED_TITLE = re.compile(r"(?<=通知|意见|决定|通报|方案|办法|细则|规定|规则|计划|要点|制度)"
                          r"(?=各[^。：:，,]{1,60}[:：]|第[一二三四五六七八九十]{1,3}[章条])")
# A signature (a body's name and its date) run in after the last sentence of a notice.
_SIGNED = re.compile(r"(?<=[。！])[\u4e00-\u9fff（）()]{4,40}?(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")
_RECIPIENTS_END = re.compile(r"^各[^。：:]{1,60}[:：]")


def _split_recipients(lines: list[str], repairs: list[_Repair]) -> None:
    """A 主送 line with the text run on after its colon (各党总支、直属党支部：为摸清…): the
    first such line near the top, before any numbered item, split in two."""
    from pbdocs.metadata import _is_recipients

    seen = 0
    for i, ln in enumerate(lines):
        if not ln:
            continue
        seen += 1
        if seen > 12 or match_marker(ln):
            return
        m = _RECIPIENTS_END.match(ln)
        if m and m.end() < len(ln) and _is_recipients(m.group(0)) and len(ln) - m.end() >= 4:
            for r in repairs:  # repairs already recorded on the lines below move down one
                if r.line > i:
                    r.line += 1
            repairs.append(_Repair("line_split", "将连排在一行的主送机关与正文分行",
                                   i, 0, ln[:40]))
            lines[i:i + 1] = [m.group(0), ln[m.end():].strip()]
            return


# A 红头 banner and its 发文字号 set on one line (X党委文件　　X党发〔2026〕5号).
_BANNER_NO = re.compile(r"^(.{2,40}?文件)[\s\u3000]+"
                        r"(\S{1,12}[〔［【\[(（]\d{4}[〕］】\])）]\s*第?\d{1,4}号)$")


# A 发文字号 and its 签发人 on one line (X党发〔2026〕3号　　签发人：张三), as a 上行文 sets them.
_NO_SIGNER = re.compile(r"^(\S{1,12}[〔［【\[(（]\d{4}[〕］】\])）]\s*第?\d{1,4}号)[\s\u3000]+"
                        r"(签(?:发|批)人?\s*[:：]\s*\S.{0,20})$")


def _split_banner(line: str) -> list[str] | None:
    """A banner line and its 发文字号 on one line, or a 发文字号 and its 签发人, as two lines;
    None for any other line."""
    m = _BANNER_NO.match(line)
    if m is not None and is_org_line(m.group(1)[:-2]) and DOC_NO_LINE.match(m.group(2)):
        return [m.group(1), m.group(2)]
    m = _NO_SIGNER.match(line)
    if m is not None and DOC_NO_LINE.match(m.group(1)):
        return [m.group(1), m.group(2)]
    return None


def _split_run_on(line: str) -> list[str]:
    """A long line whose line breaks were lost (a PDF extracted onto one line, a page whose
    paragraphs ran together) split where its structure shows: numbered items after a space
    (or an article after a full stop) in sequence, a section heading after a full stop that
    runs straight into its first item (…力量。一、加强领导（一）…) and the next items of that
    family after full stops, a leading 发文字号, a title run into its recipients or first
    article, recipients run into the text, a signature and its date."""
    if len(line) < _RUN_ON or not _RUN_ON_HINT.search(line):
        return [line]
    line = _PAGE_MARK.sub("", line)
    line, headers = _cut_glued_headers(line)
    fixed: set[int] = set(headers)  # cuts that do not depend on numbering
    doc_no = re.match(r"^[\u4e00-\u9fff]{2,12}[〔［\[]\d{4}[〕］\]]第?\d{1,4}号", line)
    if doc_no and doc_no.end() < len(line):
        fixed.add(doc_no.end())
    for m in _SIGNED.finditer(line):
        if is_org_line(re.sub(r"(?:19|20)\d{2}年.*$", "", m.group(0))):
            fixed.update((m.start(), m.end()))
    # a title runs into its recipients (关于…的通知各党总支:) or into its FIRST article: the run
    # since the last cut must read as a title (short, no sentence; 关于… before recipients)
    glued = set()
    for m in _GLUED_TITLE.finditer(line):
        k = m.start()
        seg = line[max((c for c in fixed if c < k), default=0):k]
        mk = match_marker(line[k:k + 40])
        title = len(seg) <= 80 and not re.search("[。；;，,]", seg)
        if title and (("关于" in seg and line[k] == "各") or (mk and mk.value == 1)):
            glued.add(k)
    cuts = fixed | glued
    first = match_marker(line)
    last = {first.family: first.value} if first else {}
    # families whose items were cut as the first item under a heading (一、…领导（一）党委…):
    # their next items start new lines after a full stop too
    listed: set[str] = set()
    if first is not None and first.family == "cn_dun":
        glued_item = _glued_item(line, 0)
        if glued_item is not None:
            cuts.add(glued_item[0])
            last[glued_item[1].family] = glued_item[1].value
            listed.add(glued_item[1].family)
    spots = [(m.end(), m.group(0)) for m in re.finditer(r"(?:\s+|(?<=[。；;]))(?=\S)", line)]
    for k, gap in sorted(spots + [(k, " ") for k in glued | set(headers)]):
        mk = match_marker(line[k:k + 40])
        if mk is None:
            continue
        glued_item = _glued_item(line, k) if mk.family == "cn_dun" else None
        # after a full stop only an article or a chapter starts a new line, or the next 一、 of
        # a sequence already cut, or a first 一、 whose short heading runs into its first item,
        # or the next item of a family cut so (items run inline after a stop, （2）…, stay in
        # their clause)
        if not gap and line[k] != "第" and not (
                mk.family == "cn_dun" and mk.value == last.get("cn_dun", -1) + 1) and not (
                mk.family == "cn_dun" and mk.value == 1 and glued_item is not None
                and glued_item[1].value == 1) and not (
                mk.family in listed and mk.value == last.get(mk.family, -1) + 1):
            continue
        if not gap and mk.family in listed:
            last[mk.family] = mk.value
            cuts.add(k)
            continue
        if mk.family in ("article", "chapter"):  # 第N条 cited in a sentence is no heading
            before = line[:k - len(gap)].rstrip()
            if k not in glued and before and before[-1] not in "。；;：:)）":
                continue
        elif not gap and mk.family != "cn_dun":
            continue
        if mk.value == 1 or mk.value == last.get(mk.family, -1) + 1:
            last[mk.family] = mk.value
            cuts.add(k)
            if glued_item is not None and not gap:
                cuts.add(glued_item[0])
                last[glued_item[1].family] = glued_item[1].value
                listed.add(glued_item[1].family)
    cuts |= _glued_headings(line, cuts)
    parts, start = [], 0
    for k in sorted(cuts | {len(line)}):
        if k > start:
            parts.append(line[start:k].strip())
            start = k
    out = []
    for p in parts:  # recipients run into the text after them
        m = _RECIPIENTS_END.search(p)
        out.extend([p[:m.end()], p[m.end():]] if m and m.end() < len(p) else [p])
    return [p for p in out if p] or [line]


def _cut_glued_headers(line: str) -> tuple[str, list[int]]:
    """A table's header row run into one-line text (…党组织)类别项目要求责任单位一、…) is page
    furniture, also where a page break repeats it: cut out, leaving a line break. Only a
    header that some numbered item follows is taken (then its repeats too)."""
    from pbdocs.read.tables import glued_header

    found = [m for m in glued_header().finditer(line)]
    heads = {m.group(0) for m in found if match_marker(line[m.end():m.end() + 40])}
    if not heads:
        return line, []
    out, cuts, last = [], [], 0
    for m in found:
        if m.group(0) in heads and (m.start() == 0 or not _CJK_CHAR.match(line[m.start() - 1])
                                    or match_marker(line[m.end():m.end() + 40])
                                    or line[m.start() - 1] in "。；;"):
            out.append(line[last:m.start()])
            cuts.append(sum(map(len, out)))
            last = m.end()
    out.append(line[last:])
    return "".join(out), cuts


# A heading glued to its first item in one-line table text: 一、基本组织建立好(1)一个党组织网络…
_GLUED_HEADING = 24


def _glued_item(line: str, k: int) -> tuple[int, Marker] | None:
    """Where the first item runs straight in after the short section heading 一、… at k (no
    punctuation between: 一、加强党的领导（一）党委常委会…), and its marker, or None."""
    mk = match_marker(line[k:k + 40])
    if mk is None or mk.family != "cn_dun":
        return None
    head = k + mk.end
    for j in range(head + 2, min(len(line), head + _GLUED_HEADING)):
        if line[j] == "。":  # 一、总体要求。（一）…: a heading with its stop, then its item
            nm = match_marker(line[j + 1:j + 41])
            ok = nm is not None and nm.family not in ("cn_dun", "shi")
            return (j + 1, nm) if ok else None
        if re.match(r"[，；：,;:！？、“”《》]", line[j]):
            return None
        nm = match_marker(line[j:j + 40])
        if nm is not None and nm.family not in ("cn_dun", "shi"):
            return j, nm
    return None


def _glued_headings(line: str, cuts: set[int]) -> set[int]:
    """Where a short section heading (一、… or 第一章…, no punctuation) runs straight into the
    first item of a deeper family: a line break lost between two cells of a table."""
    out = set()
    for k in cuts:
        mk = match_marker(line[k:k + 40])
        if mk is None or mk.family not in ("cn_dun", "chapter"):
            continue
        head = k + mk.end
        for j in range(head + 2, min(len(line), head + _GLUED_HEADING)):
            if re.match(r"[，。；：,;:！？、“”《》]", line[j]):
                break
            nm = match_marker(line[j:j + 40])
            if nm is not None and nm.family != mk.family and nm.family != "shi":
                out.add(j)
                break
    return out


# A cell of the rule under a Markdown table's header: |---|:---:|.
_RULE_CELL = re.compile(r":?-+:?")
_CELL_SEP = re.compile(r"\t|\s*[|｜]\s*")
# A gap between two cells of a table pasted from a word processor as text: two spaces or more
# (the runs vary in length: the columns were aligned for a font, not in characters), or one
# full-width space.
_SPACED_SEP = re.compile(r"[ \u00a0\u2002\u2003]{2,}|\u3000+")


def _cells(line: str, spaced: bool = False) -> list[str] | None:
    """The cells of a table row written on one line (split by tabs or bars, or by runs of
    spaces when `spaced`), or None."""
    if spaced and "\t" not in line and "|" not in line and "｜" not in line:
        cells = [c.strip() for c in _SPACED_SEP.split(line.strip())]
        return cells if len(cells) >= 2 else None
    if "\t" not in line and "|" not in line and "｜" not in line:
        return None
    cells = [c.strip() for c in _CELL_SEP.split(line.strip().strip("|｜"))]
    while cells and not cells[-1]:
        cells.pop()
    return cells if len(cells) >= 2 else None


def _markdown_table_rows(lines: list[str]) -> list[int]:
    """The lines of Markdown tables pasted as text: a row of cells split by bars, the rule
    under it (|---|---|), and the rows of as many cells or fewer that follow."""
    out: list[int] = []
    for i in range(1, len(lines)):
        rule = _cells(lines[i])
        head = _cells(lines[i - 1])
        if not rule or not head or not all(_RULE_CELL.fullmatch(c) for c in rule):
            continue
        out += [i - 1, i]
        k = i + 1
        while k < len(lines) and (row := _cells(lines[k])) and len(row) <= len(head):
            out.append(k)
            k += 1
    return out


def _spaced_header(line: str) -> bool:
    """A task table's header row pasted as text with runs of spaces between its cells (序号
    工作任务  牵头单位  完成时间): three cells or more, each a column label of
    `table_columns.tsv` (short, with a role), one unknown label allowed among four or more."""
    from pbdocs.read.tables import column_role

    cells = _cells(line, spaced=True)
    if cells is None or len(cells) < 3 or any(len(c) > 12 for c in cells):
        return False
    unknown = sum(column_role(c) is None for c in cells)
    return unknown == 0 or (unknown == 1 and len(cells) >= 4)


_WHEN = re.compile(r"\d{1,2}月|\d{4}年|长期|每[年月周季学]|持续|常态|前$|底$")


def _fill_gaps(header: list[str], row: list[str], above: list[str]) -> list[str]:
    """A row of a table pasted with runs of spaces that has fewer cells than its header (an
    empty cell leaves no trace): a row that opens with its 序号 where the header has columns
    before it (类别 spanning rows) takes those cells from the row above; a last cell that
    reads as a time goes to the time column; the others fill the columns from the left."""
    from pbdocs.read.tables import column_role

    roles = [column_role(h) for h in header]
    nc = roles.index("number") if "number" in roles else 0
    if nc and re.fullmatch(r"\d{1,3}", row[0]) and len(above) == len(header) \
            and len(row) + nc <= len(header):
        row = above[:nc] + row
        if len(row) == len(header):
            return row
    if roles[-1] == "deadline" and _WHEN.search(row[-1]):
        return row[:-1] + [""] * (len(header) - len(row)) + row[-1:]
    return row


def _category_row(line: str) -> bool:
    """A table's category row pasted as text (一、政治建设 and empty cells, whose tabs went with
    the line's trailing blanks): a short numbered heading without a sentence."""
    return _heading_like(line) and len(line) <= 30 and not re.search(r"[，,；;]", line)


def _cell_line_rows(lines: list[str], dropped: list[bool], start: int,
                    header: list[str]) -> tuple[list[list[str]], int]:
    """The rows of a table pasted a cell a line under its header (序号, 任务, 责任单位, …),
    from line `start`, and the line after its last row. The row numbers (1, 2, 3 …) and the
    header's column count are the anchors: an empty cell (a blank line, or no line at all)
    does not shift the cells of the rows after it; a cell missing from a row is placed by its
    kind (a time limit in the time column) or left empty at the row's end."""
    from pbdocs.read.tables import column_role

    width = len(header)
    seq = list(range(start, len(lines)))  # a short cell may have been taken for a site's menu
    rows: list[list[str]] = []
    expect, p, end = 1, 0, start
    while p < len(seq) and lines[seq[p]] == str(expect):
        # where the next row's number stands: the candidate whose gap holds the row's cells
        window = seq[p + 1:p + 1 + 2 * width]
        nxt = [q for q, i in enumerate(window, p + 1) if lines[i] == str(expect + 1)]
        filled = {q: sum(1 for i in seq[p + 1:q] if lines[i] and not dropped[i]) for q in nxt}
        pick = next((q for q in nxt if q - p - 1 == width - 1), None) \
            or next((q for q in nxt if filled[q] == width - 1), None) \
            or next((q for q in nxt if 1 <= filled[q] < width - 1), None)
        if pick is None:  # the last row: its cells up to a blank line or a numbered heading
            cells_at, q = [], p + 1
            while q < len(seq) and len(cells_at) < width - 1:
                i = seq[q]
                if lines[i] and dropped[i]:
                    q += 1
                    continue
                if not lines[i] and (q + 1 >= len(seq) or not lines[seq[q + 1]]
                                     or match_marker(lines[seq[q + 1]])):
                    break
                if lines[i] and match_marker(lines[i]) and len(cells_at) >= 2:
                    break
                cells_at.append(i)
                q += 1
            if sum(1 for i in cells_at if lines[i]) < 1:
                break
            pick = q
        else:
            cells_at = list(seq[p + 1:pick])
            if len(cells_at) != width - 1:  # a cell short or more lines: the kept text only
                cells_at = [i for i in cells_at if lines[i] and not dropped[i]]
        cells = [lines[i] for i in cells_at]
        if len(cells) > width - 1:
            cells = [c for c in cells if c]
        if len(cells) > width - 1:
            break  # more cells than the header has: not this table
        if len(cells) < width - 1:
            roles = [column_role(h) for h in header[1:]]
            tail = roles[-1] == "deadline" and cells and _WHEN.search(cells[-1])
            pad = [""] * (width - 1 - len(cells))
            cells = cells[:-1] + pad + cells[-1:] if tail else cells + pad
        rows.append([str(expect)] + cells)
        end = (seq[pick - 1] if pick - 1 > p else seq[p]) + 1
        expect += 1
        p = pick
    return rows, end


def _task_table_lines(lines: list[str], dropped: list[bool], repairs: list[_Repair]) -> None:
    """A task table pasted as text, a row a line split by tabs or bars (工作任务 | 牵头单位 |
    完成时限), or a cell a line under 序号: one numbered paragraph a row (a group heading over
    rows that share their first task), as the .docx and HTML readers give (pbdocs.read.tables)."""
    from pbdocs.read.tables import task_rows

    live = [i for i, ln in enumerate(lines) if ln and not dropped[i]]
    n = 0
    while n < len(live):
        first = lines[live[n]]
        spaced = _spaced_header(first)  # cells by runs of spaces, as a word processor pastes
        header = _cells(first, spaced)
        if header is not None:  # a row a line
            k = n + 1
            rows = [header]
            while k < len(live):
                row = _cells(lines[live[k]], spaced)
                if row is not None and all(_RULE_CELL.fullmatch(c) for c in row):
                    k += 1  # the rule under a Markdown table's header (|---|---|): no row
                    continue
                if row is not None and len(row) > len(header):
                    row = None  # more cells than the header has: not a row of this table
                elif row is not None and spaced and row == header:
                    k += 1  # the header repeated (at a page break): no row
                    continue
                elif row is not None and spaced and 2 < len(row) < len(header):
                    row = _fill_gaps(header, row, rows[-1])
                if row is None and k + 1 < len(live) and _category_row(lines[live[k]]) \
                        and _cells(lines[live[k + 1]], spaced) is not None:
                    row = [lines[live[k]]]  # a category over rows, its empty cells lost
                elif (row is None and spaced and len(rows) > 1 and len(rows[-1]) > 1
                      and k + 1 < len(live) and _cells(lines[live[k + 1]], spaced) is not None
                      and match_marker(lines[live[k]]) is None and len(lines[live[k]]) <= 60):
                    # a long cell wrapped onto a line of its own between two rows: the rest of
                    # the row's longest cell (its task, as a rule)
                    last = rows[-1]
                    w = max(range(len(last)), key=lambda c: len(last[c]))
                    last[w] += lines[live[k]].strip()
                    k += 1
                    continue
                if row is None:
                    break
                rows.append(row)
                k += 1
            used = live[n:k]
        elif re.fullmatch(r"序号|编号", first):  # a cell a line: header until the first row number
            k = n + 1
            while k < len(live) and not re.fullmatch(r"\d{1,3}", lines[live[k]]):
                k += 1
            width = k - n
            if width < 3:
                n += 1
                continue
            rows = [[lines[i] for i in live[n:k]]]
            body, end = _cell_line_rows(lines, dropped, live[k] if k < len(live) else len(lines),
                                        rows[0])
            rows.extend(body)
            used = [i for i in live[n:] if i < end]
            if not body:
                n += 1
                continue
            if task_rows(rows):
                for i in range(used[0], end):  # a cell read as a menu word is the table's
                    dropped[i], lines[i] = False, lines[i] if i in used else ""
        else:
            n += 1
            continue
        tasks = task_rows(rows)
        if not tasks:
            n += 1
            continue
        repairs.append(_Repair("table_rows_joined", "将按行或逐格排出的任务表合成编号条目",
                               used[0], 0, first[:40]))
        for i in used:
            lines[i] = ""
        lines[used[0]] = "\n".join(tasks)
        n = live.index(used[-1]) + 1


_RECORD_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,6})[:：]\s*(\S.*)$")


def _record_rows(lines: list[str], dropped: list[bool], repairs: list[_Repair]) -> None:
    """Records written in labelled lines with no number of their own (工作任务：… / 牵头单位：…
    / 完成时限：…, the same labels again for the next record), two records or more: a table
    whose header is the labels, read as its rows (pbdocs.read.tables), one numbered paragraph
    a record. The first label opens every record and names its task (任务, 措施, 内容)."""
    from pbdocs.read.tables import column_role, task_rows

    live = [i for i, ln in enumerate(lines) if ln and not dropped[i]]
    n = 0
    while n < len(live):
        m = _RECORD_LABEL.match(lines[live[n]])
        if m is None or column_role(m.group(1)) != "task" or match_marker(lines[live[n]]):
            n += 1
            continue
        first = m.group(1)
        records: list[dict[str, str]] = []
        labels: list[str] = []
        k = n
        while k < len(live):
            r = _RECORD_LABEL.match(lines[live[k]])
            if r is None or column_role(r.group(1)) is None or match_marker(lines[live[k]]):
                break  # 问题二：… numbers a record of its own
            label, value = r.groups()
            if label == first or not records:
                records.append({})
            elif label in records[-1]:
                break  # a label twice in one record: not a record of this list
            records[-1][label] = value.strip()
            if label not in labels:
                labels.append(label)
            k += 1
        tasks = task_rows([labels] + [[rec.get(h, "") for h in labels] for rec in records]) \
            if len(records) >= 2 and len(labels) >= 2 else None
        if not tasks:
            n += 1
            continue
        used = live[n:k]
        repairs.append(_Repair("table_rows_joined", "将逐行标注的条目（任务、牵头单位、完成时限等）"
                               "合成编号条目", used[0], 0, lines[used[0]][:40]))
        for i in used:
            lines[i] = ""
        lines[used[0]] = "\n".join(tasks)
        n = k


_PAGE_NO_LINE = re.compile(r"^(?:[-—–－·•]\s*\d{1,3}\s*[-—–－·•]"
                           r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                           r"|共\s*\d{1,3}\s*页\s*[,，/]?\s*第\s*\d{1,3}\s*页"
                           r"|\d{1,3}\s*/\s*\d{1,3})$")


def _drop_running_lines(lines: list[str], dropped: list[bool]) -> set[int]:
    """Text copied from a PDF keeps each page's running header or footer beside its page
    number (`- 3 -`): a short line found there on two pages or more is page furniture.
    Returns the first line kept after each page number (where a page broke the text)."""
    pages = [i for i, ln in enumerate(lines) if ln and _PAGE_NO_LINE.match(ln)]
    if len(pages) < 2:
        return set()
    near: dict[str, list[int]] = {}
    for i in pages:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j]:
                j += step
            if 0 <= j < len(lines) and not dropped[j] and len(lines[j]) <= 40 \
                    and not _PAGE_NO_LINE.match(lines[j]):
                near.setdefault(lines[j], []).append(j)
    for where in near.values():
        if len(set(where)) >= 2:
            for j in where:
                dropped[j] = True
    for i in pages:
        dropped[i] = True
    after = set()
    for i in pages:
        j = i + 1
        while j < len(lines) and (not lines[j] or dropped[j]):
            j += 1
        if j < len(lines):
            after.add(j)
    return after


def _heading_like(par: str) -> bool:
    """A numbered line short enough and without a sentence end: a heading, not broken prose."""
    return match_marker(par) is not None and len(par) <= 40 and "。" not in par


_ISSUED = re.compile(r"^(.{2,40}?)[\s\u3000]*(?:19|20)\d{2}\s*年\d{1,2}月\d{1,2}日"
                     r"\s*(?:印发|印制)$")


def _issued_line(par: str) -> bool:
    """The 印发 line at the foot of a 红头 document (X委员会办公室  2026年4月9日印发)."""
    m = _ISSUED.match(par)
    return m is not None and is_org_line(m.group(1).strip())


def _is_date_line(par: str) -> bool:
    return bool(re.fullmatch(r"[\d〇○零一二三四五六七八九十]{2,4}\s*年.{1,6}月.{1,4}日|"
                             r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}", par))


@per_lexicon()
def _org_end() -> re.Pattern:
    return re.compile(f"(?:{alternation('org_suffixes.txt')})$")


def is_org_line(par: str) -> bool:
    """A short line that only names a body (a signature or letterhead), e.g. 中共XX大学委员会,
    also with its second name in brackets (党委宣传部（党委网络安全和信息化工作办公室）)."""
    # (never a numbered line or one holding a date: （一）各支部要于3月20日前制定本支部)
    if len(par) > 30 or re.search(r"[，。；：、,;:！？“”《》]|\d月", par) or match_marker(par):
        return False
    alias = SECOND_NAME.search(par)
    if alias and alias.start() > 0:
        # (党委宣传部（党委网信办）: a second name may be an office's short name, …办)
        return bool(_org_end().search(par[:alias.start()])
                    and (_org_end().search(alias.group("alias"))
                         or alias.group("alias").endswith("办")))
    return bool(_org_end().search(par))


# A bracketed note after a sentence's end closes its paragraph: …需要。（责任单位：X、Y）
_CLOSING_NOTE = re.compile(r"[。！？；;!?]\s*[（(][^（）()。]{2,60}[）)]$")
_ANNEX_LABEL = re.compile(r"^附件\s*[\d一二三四五六七八九十]{0,2}\s*[:：]")
_NOTE_LABEL = re.compile(r"^(?:注|说明|备注|附注)\s*[:：]\s*"
                         r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})[.．、]")
_FIELD_LABEL = re.compile(r"([\u4e00-\u9fff]{2,5})[:：]")


def _parallel_rows(prev: str, nxt: str) -> bool:
    """Two lines of one list or table (倪某 联系一支部;联系人:… / 蒋某 联系二支部;联系人:…)."""
    tail = prev[prev.rfind("\n") + 1:][-60:]
    return bool(set(_FIELD_LABEL.findall(tail)) & set(_FIELD_LABEL.findall(nxt)))


def _record_line(line: str) -> bool:
    """A line of a record written in labelled lines (整改措施：… / 牵头单位：… / 完成时限：…, or
    the 问题一：… that opens it): a short label naming a column of a task table
    (`table_columns.tsv`), then a colon and its value."""
    from pbdocs.read.tables import column_role

    m = re.match(r"^([\u4e00-\u9fff]{2,6})[:：]\s*\S", line)
    if m is None:
        return False
    mk = match_marker(line)
    return (mk is not None and mk.family == "labelled") or column_role(m.group(1)) is not None


def _continues(prev: str, nxt: str, after: str | None = None,
               wrapped: bool = False) -> bool:
    """Whether `nxt` continues the sentence that `prev` left unfinished (page or web break).

    `after` is the line following `nxt`, used to tell a heading wrapped onto a second line
    (deeper numbered items follow) from a heading followed by a short body line. `wrapped`
    says `prev` ends in a line as long as the text's usual hard-wrap width.
    """
    if pagechrome.FIELD_LINE.match(prev) or pagechrome.FIELD_LINE.match(nxt):
        return False  # page fields stand alone
    if _cells(prev[prev.rfind("\n") + 1:]) and _cells(nxt):
        return False  # rows of a table written a row a line (cells split by bars or tabs)
    if _NOTE_LABEL.match(nxt) or _ANNEX_LABEL.match(nxt):
        return False  # 注：1.… or 附件：1.… under a table or a list opens a paragraph
    if _record_line(nxt) and _record_line(prev[prev.rfind("\n") + 1:]):
        return False  # the lines of a record in labelled lines (牵头单位：… / 完成时限：…)
    if bare_marker(prev) and not match_marker(nxt) and not bare_marker(nxt):
        return True  # "（一）" on its own line, its heading on the next
    tail = prev[prev.rfind("\n") + 1:]
    if tail.count("《") > tail.count("》") and "》" in nxt and "《" not in nxt[:nxt.find("》")]:
        return True  # a title in 《》 never spans paragraphs: the line broke inside it
    last = prev[-1]
    if nxt[0] in _CONTINUING and not _is_date_line(prev) and not is_org_line(prev):
        return True  # no paragraph starts with a comma or a closing mark
    ended = (last in _TERMINAL or (last in _CLOSERS and len(prev) > 1 and prev[-2] in _TERMINAL)
             or bool(_CLOSING_NOTE.search(prev)))
    if ended and last in "：:" and _RECIPIENTS_END.fullmatch(prev):
        return False  # a 主送 line ends where its colon is, whatever the wrap width
    if ended and not wrapped:
        return False  # (a full line of hard-wrapped text may end with 。 and still go on)
    if (match_marker(nxt) or _is_date_line(nxt) or _is_date_line(prev) or is_org_line(nxt)
            or _issued_line(nxt)
            or DOC_NO_LINE.match(nxt) or DOC_NO_LINE.match(prev) or is_org_line(prev)
            or (prev.endswith("文件") and is_org_line(prev[:-2]))):
        return False
    if _heading_like(prev):
        if wrapped and len(prev) >= 20:
            return True  # a numbered line cut at the text's hard-wrap width
        # A numbered heading wrapped onto a short second line without its own sentence end.
        if len(nxt) > 30 or nxt[-1] in _TERMINAL or len(prev) + len(nxt) > 60:
            return False
        if prev[-1] in "，,、和与及的":
            return True
        pm, am = match_marker(prev), match_marker(after) if after else None
        return am is not None and am.family != pm.family
    if (_kind_end().search(prev) and "。" not in prev) or _parallel_rows(prev, nxt):
        return False  # a title ends in a genre word (but prose may end a line in 制度 too)
    if len(prev) >= 45 or (len(prev) >= 12 and re.search("[，。；：、,;]", prev)):
        return True
    # A short line without punctuation may be an un-numbered heading: join it only where the
    # text is hard-wrapped at this line's width.
    return wrapped and len(prev) >= 20


def _join(lines: list[str], repairs: list[_Repair],
          breaks: set[int] = frozenset()) -> tuple[list[str], dict[int, tuple[int, int]]]:
    """Join broken paragraphs; map each source line to (paragraph index, shift within it)."""
    where: dict[int, tuple[int, int]] = {}
    nonblank = [k for k, ln in enumerate(lines) if ln]
    widths = Counter(len(lines[k]) for k in nonblank  # a hard-wrap width is 20+ characters
                     if len(lines[k]) >= 20 and lines[k][-1] not in _TERMINAL)
    # Hard-wrapped text has most unfinished lines at one width and hardly a line longer; headings
    # that happen to share a length, between longer body paragraphs, are not a wrap width.
    total = sum(widths.values())
    lengths = sorted(len(lines[k]) for k in nonblank)
    wrap = {w for w, c in widths.items()
            if c >= 3 and sum(widths.get(w + d, 0) for d in (-1, 0, 1)) >= 0.5 * total
            and len(lengths) - bisect.bisect_right(lengths, w + 2) <= 0.1 * len(lengths)}
    last_len = 0
    parts: list[list[str]] = []  # each paragraph's lines, joined once at the end
    size = 0  # length of the paragraph being built
    period = False  # whether it holds a 。 (for the short view of a long paragraph)
    for n, i in enumerate(nonblank):
        ln = lines[i]
        after = lines[nonblank[n + 1]] if n + 1 < len(nonblank) else None
        wrapped = any(abs(last_len - w) <= 2 for w in wrap)
        last_len = len(ln)
        prev = _view(parts[-1], size, period) if parts else ""
        # A sentence left open at the foot of a page goes on at the top of the next one.
        # (Only prose: a short title line such as 关于…的意见 stands alone on any page.)
        page_cut = (i in breaks and prev and prev[-1] not in _TERMINAL | _CLOSERS
                    and (len(prev) >= 20 or re.search("[，、,]", prev))
                    and not _kind_end().search(prev)
                    and not match_marker(ln) and not _is_date_line(ln) and not is_org_line(prev))
        if parts and (page_cut or _continues(prev, ln, after, wrapped)):
            sep = " " if re.match(r"[A-Za-z]", ln) and re.search(r"[A-Za-z]$", prev) else ""
            repairs.append(_Repair("line_joined", "将被分页或换行截断的句子接回同一段落",
                                   i, -1, prev[-8:] + sep + ln[:8]))
            parts[-1].append(sep + ln)
            where[i] = (len(parts) - 1, size + len(sep))
            size += len(sep) + len(ln)
            period = period or "。" in ln
        else:
            parts.append([ln])
            where[i] = (len(parts) - 1, 0)
            size, period = len(ln), "。" in ln
    return ["".join(p) for p in parts], where


def _view(parts: list[str], size: int, period: bool) -> str:
    """The paragraph so far, or for a long one its head and tail (joining stays linear)."""
    if size <= 400:
        return "".join(parts)
    tail = "".join(parts[-8:])[-240:]
    return parts[0][:80] + ("。" if period else "") + tail


def _suspicions(pars: list[str], starts: list[int]) -> list[Warning]:
    """Problems the normalizer cannot repair: lost numerals, quotes, doc numbers, dates."""
    out: list[Warning] = []
    mw, _compounds = _measure()
    gap = re.compile(f"(?:至少|不少于|不低于|不超过|每(?:年|月|周|季度|学期|半年))"
                     f"(?:召开|组织|开展|参加|举办|讲|进行|听取|培训){{0,2}}(?:{mw.pattern})")
    for p, start in zip(pars, starts):
        for m in gap.finditer(p):
            out.append(Warning("missing_numeral", f"“{m.group(0)}”中疑似缺少数字",
                               _excerpt(p, m.start()), start + m.start()))
        for open_q, close_q in (("“", "”"), ("‘", "’"), ("《", "》")):
            if open_q not in p and close_q not in p:
                continue
            depth, pos = 0, None
            for q in re.finditer(f"[{open_q}{close_q}]", p):
                k, ch = q.start(), q.group(0)
                if ch == open_q:
                    depth += 1
                    if depth > 1 and open_q != "《":  # “ inside an open “: a lost ”
                        pos = k
                        break
                elif ch == close_q:
                    depth -= 1
                    if depth < 0:
                        pos = k
                        break
            if pos is None and depth:
                pos = p.rfind(open_q)
            if pos is not None:
                out.append(Warning("unbalanced_quote",
                                   f"本段{open_q}{close_q}不配对或次序错乱"
                                   f"（{p.count(open_q)} 个{open_q}，"
                                   f"{p.count(close_q)} 个{close_q}），可能有引号在提取时丢失",
                                   _excerpt(p, pos), start + pos))
        for m in _DOC_NO_CANDIDATE.finditer(p):
            if not _WELL_FORMED_NO.match(re.sub(r"\s", "", m.group(0))):
                out.append(Warning("malformed_doc_number",
                                   f"发文字号“{m.group(0)}”格式异常，年份或序号可能有误",
                                   _excerpt(p, m.start()), start + m.start()))
        for m in _RUN_DATE.finditer(p):
            out.append(Warning("malformed_date", f"“{m.group(0)}”疑似缺少年月日分隔的日期",
                               _excerpt(p, m.start()), start + m.start()))
        for m in _YEAR_NO_NIAN.finditer(p):
            out.append(Warning("malformed_date", f"“{m.group(0)}”疑似缺少“年”字的日期",
                               _excerpt(p, m.start()), start + m.start()))
        for m in _SPLIT_DATE.finditer(p):
            joined = re.sub(r"(\d)[ \u3000](\d)", r"\1\2", m.group(0))
            out.append(Warning("malformed_date",
                               f"日期“{m.group(0)}”中的数字被空格隔开，按“{joined}”理解",
                               _excerpt(p, m.start()), start + m.start()))
        for m in _SPLIT_COUNT.finditer(p):
            out.append(Warning("missing_numeral",
                               f"数量“{m.group(0)}”中的数字被空格隔开，"
                               f"按“{m.group(1)}{m.group(2)}”理解",
                               _excerpt(p, m.start()), start + m.start()))
        for m in _BAD_DAY.finditer(p):
            month, day = int(m.group(1)), int(m.group(2) or 1)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                out.append(Warning("malformed_date", f"日期“{m.group(0)}”的月或日超出范围",
                                   _excerpt(p, m.start()), start + m.start()))
    return out


def normalize(text: str) -> tuple[str, list[Warning]]:
    """Return the normalised text and the warnings for what was repaired or is suspect."""
    repairs: list[_Repair] = []
    breaks: set[int] = set()
    lines = _clean_lines(text, repairs, breaks)
    pars, where = _join(lines, repairs, breaks)
    starts, acc = [], 0
    for p in pars:
        starts.append(acc)
        acc += len(p) + 1
    warnings: list[Warning] = []
    kept = sorted(where)
    for r in repairs:
        offset = None
        if r.line in where:
            pi, shift = where[r.line]
            offset = starts[pi] + shift + max(r.pos, 0)
        else:  # a dropped line: point at the paragraph that now stands in its place
            k = bisect.bisect_right(kept, r.line)
            offset = starts[where[kept[k]][0]] if k < len(kept) else max(acc - 1, 0)
        warnings.append(Warning(r.kind, r.message, r.excerpt, offset))
    warnings.extend(_suspicions(pars, starts))
    warnings.sort(key=lambda w: (w.offset if w.offset is not None else -1))
    return "\n".join(pars), warnings
