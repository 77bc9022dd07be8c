"""Page chrome in text: what a web page, an information-disclosure page or a document-sharing
site puts around a document, told by the features of a line and of its neighbours (navigation
words, separators such as » > |, dates, times and counters, labelled page fields, runs of
short lines), never by a list of sites. Used by the normaliser, which records every change.

- Page fields (`发布时间：… 浏览次数：…`, a disclosure block `索引号 / 发布机构 / 文号 / 成文日期`,
  label and value on one line, on two lines, in a `|` table or as bare values) are rewritten as
  one line of the fields that say something about the document, `发布机构：…；发布日期：…`
  (`FIELD_LINE`), which the metadata stage reads; counters, index numbers and categories go.
- Chrome lines (menus, breadcrumbs, pagination, widgets, time stamps, column labels, code or a
  database dump) are dropped.
- Chrome glued to a line (a portal's welcome banner, a breadcrumb run into the title) is cut off.
"""

from __future__ import annotations

import re

from pbdocs.lang.lexicon import entries, per_lexicon, rows

# The roles kept from page fields, in the order they are written, with their canonical label.
KEPT = {"title": "文件名称", "issuer": "发布机构", "number": "文号", "written": "成文日期",
        "posted": "发布日期"}
FIELD_LINE = re.compile(r"^(?:(?:文件名称|发布机构|文号|成文日期|发布日期)：[^；]+(?:；|$))+$")
# A page field whose label alone may open a body line too (时间：2019年1月8日至…): it makes a
# line a page-field line only beside another label.
_WEAK = {"时间", "日期", "点击", "浏览", "阅读", "部门", "关键词", "关键字", "字号", "分享", "审核",
         "来源", "作者", "编辑"}
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_BULLET = re.compile(r"^[•·▪●◆■►▶]\s*")
_SEPARATORS = re.compile(r"[\s|｜>＞»›/\\·•【】\[\]()（）:：,，]+|(?<=\s)[-—–]+(?=\s)")
# A disclosure index number: unit code / year - serial (002961825/2025-170757, GS5192/2022-22172).
_INDEX_NO = re.compile(r"^[A-Za-z0-9]{2,24}[/／-](?:19|20)\d{2}[-—–/]\d{1,8}$")
_OPENNESS = re.compile(r"^(?:主动公开|依申请公开|不予公开|免予公开)$")
_CODE = re.compile(r"INSERT\s+INTO|VALUES\s*\(|CREATE\s+TABLE|SELECT\s+.+\s+FROM|"
                   r"</?[a-z]+[^>]*>|[{};=]\s*$|^\s*[\"'][\w-]+[\"']\s*:", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
_COUNTER = re.compile(r"\d{1,6}(?:次|人次|页)?|第\d+页|共\d+页|\d+/\d+|[-—–·.]+")
_POSITION = re.compile(r"(?:您?(?:目前|当前|现在)?(?:所在)?的?(?:当前)?位置)\s*[:：]\s*")
_CRUMB_SEP = re.compile(r"\s*(?:»|>>|>|＞|›|→)\s*")
# Spaces a page sets inside a short label to align it (文　　号：, 有 效 性：).
_LABEL_GAP = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3})"
                        r"(?=\s*[:：])")
# A breadcrumb's last step (a column's name, a few characters) run into a title that opens with
# 中共…, 中国共产党… or a year: the name is cut off unless it names a body (X大学2024年…).
_COLUMN_THEN_TITLE = re.compile(r"^((?:(?!关于|印发|转发|的)[\u4e00-\u9fff]){2,8}?)"
                                r"(?=(?:中共|中国共产党|(?:19|20)\d{2}年)[\u4e00-\u9fff\d“]{6})")
_HOME_CRUMB = re.compile(r"^(?=(?:首页|网站首页|主页)\s*(?:»|>>|>|＞|›|→))")
_HOME = frozenset({"首页", "网站首页", "主页", "学院首页", "学校首页", "返回首页"})
# A WeChat article's head: 原创 (or 转载), author, account, date, time, 发表于 and a province;
# a head that opens with 原创/转载 may end at its date or time (no 发表于).
_WECHAT_HEAD = re.compile(
    r"^(?:(?P<mark>原创|转载)\s*)?(?P<names>[^。，；：:]{0,40}?)(?P<date>(?:19|20)\d{2}\s*[-/.年]\s*"
    r"\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s*(?:\d{1,2}:\d{2})?\s*"
    r"(?P<where>发表于\s*[\u4e00-\u9fff]{0,6})?$")
_WECHAT_FOOT = re.compile(r"(?:阅读|在看|点赞|赞|分享|推荐|留言)\s*\d{1,7}\+?"
                          r"(?:\s+(?:阅读|在看|点赞|赞|分享|推荐|留言)\s*\d{1,7}\+?)*")
_BANNER = re.compile(
    r"^欢迎(?:您)?(?:访问|光临|来到|登录)[^，,。！!]{0,40}?(?:门户|网站|主页|平台|系统)"
    r"[!！,，\s]*(?:今天是\s*(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)?\s*(?:星期.|周.)?[,，\s]*)?")


@per_lexicon()
def _labels() -> tuple[re.Pattern, dict[str, str]]:
    roles = {r[0]: r[1] for r in rows("page_fields.tsv", min_cells=2)}
    alt = "|".join(re.escape(k) for k in sorted(roles, key=len, reverse=True))
    return re.compile(rf"({alt})\s*[:：]"), roles


@per_lexicon()
def _nav() -> tuple[frozenset[str], re.Pattern]:
    words = frozenset(entries("nav_words.txt"))
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return words, re.compile(f"^(?:{alt})")


def _org_end_match(name: str) -> bool:
    from pbdocs.normalize import is_org_line

    return is_org_line(name)


def _date(value: str) -> str | None:
    m = _DATE.search(value)
    if not m:  # a date that lost a separator (20221月26): the metadata stage's repair
        from pbdocs.metadata import parse_date

        return parse_date(_TIME.sub("", value).strip())
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _fields(line: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a page-field line, or None when the line is not one."""
    if len(line) > 200 or re.search("[。，,、；;]", line):
        return None  # page fields are short values, never a list or a sentence
    s = _LABEL_GAP.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group(1)),
                       _BULLET.sub("", line).strip())  # 文　　号： is 文号：
    rx, roles = _labels()
    cells = [c.strip() for c in re.split(r"[|｜\t]", s)]
    if len(cells) >= 2 and any(c.rstrip(":：") in roles for c in cells):
        return _cell_fields(cells)  # a table row: 索引号 | 113… | 发布机构 | 县委组织部
    if s.rstrip(":：") in roles and not s.endswith((":", "：")):
        return [(s, "")]  # a label alone on its line (its value on the next)
    # fields in brackets side by side: 【发布单位：党政办公室】【发布时间：…】【阅读：156次】
    s = re.sub(r"[|｜【】]", " ", s).strip()
    found = list(rx.finditer(s))
    lead = ""
    if not found:
        return None
    if found[0].start() > 0:
        lead = s[:found[0].start()].strip()
        # a page's stamp before its counters: 2025年05月15日 19:12  点击:[]
        if not (_DATE.fullmatch(_TIME.sub("", lead).strip()) or _TIME.fullmatch(lead)):
            return None
    strong = [m for m in found if m.group(1) not in _WEAK]
    if len({m.group(1) for m in found}) < 2 and not strong and not lead:
        return None
    pairs = [("发布日期", lead)] if lead else []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(s)
        pairs.append((m.group(1), s[m.end():end].strip(" \u3000[]【】")))
    return pairs


def _cell_fields(cells: list[str]) -> list[tuple[str, str]] | None:
    """Label and value pairs of a table row whose cells alternate labels and values; None when
    a cell is neither a label nor the value after one."""
    _rx, roles = _labels()
    cells = [c for c in cells if c]
    if not cells or cells[0].rstrip(":：") not in roles:
        return None

    def is_label(k: int, after_value: bool) -> bool:
        c = cells[k]
        return (c.rstrip(":：") in roles or c.endswith((":", "："))
                or (after_value and len(c) <= 6 and bool(re.fullmatch(r"[\u4e00-\u9fff]+", c))))

    pairs: list[tuple[str, str]] = []
    k, after_value = 0, True
    while k < len(cells):
        if not is_label(k, after_value):
            return None
        nxt = k + 1 < len(cells) and not is_label(k + 1, False)
        pairs.append((cells[k].rstrip(":："), cells[k + 1] if nxt else ""))
        k, after_value = k + (2 if nxt else 1), nxt
    return pairs


def _canonical(pairs: list[tuple[str, str]]) -> str:
    """The kept fields as one line `发布机构：…；发布日期：…` ("" when nothing is kept)."""
    _rx, roles = _labels()
    kept: dict[str, str] = {}
    for label, value in pairs:
        role = roles.get(label, "posted" if label == "发布日期" else "other")
        if role == "publisher":  # who posted it: a body is the issuer, a person is not
            from pbdocs.normalize import is_org_line

            role = "issuer" if is_org_line(value) else "other"
        if role not in KEPT or not value or role in kept:
            continue
        if role in ("written", "posted"):
            value = _date(value) or ""
        if value and "；" not in value:
            kept[role] = value
    return "；".join(f"{KEPT[r]}：{kept[r]}" for r in KEPT if r in kept)


def _fits(label: str, value: str) -> bool:
    """Whether a line can be the value of a label standing alone above it (浏览次数: over
    各党支部: is a counter left empty, not a value)."""
    _rx, roles = _labels()
    role = roles.get(label, "other")
    if len(value) > 80 or "。" in value or value.endswith(("：", ":")):
        return False
    if role in ("written", "posted"):
        return _date(value) is not None
    if role == "other":
        return bool(_INDEX_NO.match(value) or _OPENNESS.match(value)
                    or re.fullmatch(r"[\d\s:：/\-—–.年月日次人]+", value))
    return len(value) <= 60


def page_fields(lines: list[str], dropped: list[bool]) -> list[tuple[int, str]]:
    """Rewrite page-field lines in place (one canonical line, or "" when nothing is kept);
    returns (line index, what was there) for each rewrite."""
    changed: list[tuple[int, str]] = []
    live = [i for i, ln in enumerate(lines) if ln and not dropped[i]]
    used: set[int] = set()
    for n, i in enumerate(live):
        if i in used:
            continue
        head = wechat_head(lines[i])
        if head:
            changed.append((i, lines[i]))
            lines[i] = _canonical(head)
            continue
        pairs = _fields(lines[i])
        if pairs is None:
            continue
        # a label whose value stands on the next line (• 成文日期:  /  2023-05-04)
        if all(not v for _, v in pairs):
            j = live[n + 1] if n + 1 < len(live) else None
            nxt = _BULLET.sub("", lines[j]).strip() if j is not None else ""
            if j is not None and _fields(lines[j]) is None and _fits(pairs[-1][0], nxt):
                pairs[-1] = (pairs[-1][0], nxt)
                used.add(j)
                changed.append((j, lines[j]))
                lines[j] = ""
            elif not re.search("[:：]", lines[i]):
                continue  # a bare word such as 时间 over something else: a heading, not a field
        changed.append((i, lines[i]))
        lines[i] = _canonical(pairs)
    changed.sort()
    _bare_disclosure(lines, dropped, changed)
    return changed


def _bare_disclosure(lines: list[str], dropped: list[bool],
                     changed: list[tuple[int, str]]) -> None:
    """A disclosure block whose values stand without labels at the top of the page (index
    number, categories, date, publishing body, 主动公开): its date and body are kept."""
    from pbdocs.normalize import is_org_line

    live = [i for i, ln in enumerate(lines) if ln and not dropped[i]]
    run: list[int] = []
    for i in live:
        ln = lines[i].strip()
        if len(ln) > 30 or re.search("[。；;，,]", ln) or FIELD_LINE.match(ln):
            break
        run.append(i)
    marks = [i for i in run if _INDEX_NO.match(lines[i].strip())
             or _OPENNESS.match(lines[i].strip())]
    if len(run) < 4 or not marks:
        return
    run = run[:max(marks) + 2]  # up to the last mark and the `-` after it
    date = next((d for i in run if (d := _date(lines[i])) and _DATE.fullmatch(lines[i].strip())),
                None)
    body = next((lines[i].strip() for i in run if is_org_line(lines[i].strip())), None)
    pairs = ([("发布机构", body)] if body else []) + ([("发布日期", date)] if date else [])
    for i in run:
        changed.append((i, lines[i]))
        lines[i] = ""
    if pairs:
        lines[run[0]] = _canonical(pairs)
    changed.sort()


def _tokens(line: str) -> list[str]:
    return [t for t in _SEPARATORS.split(line) if t]


def _navish(token: str) -> bool:
    """A token of page chrome: a navigation word, a date or time, a counter or a page count."""
    words, _ = _nav()
    return (token in words or bool(_TIME.fullmatch(token)) or bool(_DATE.fullmatch(token))
            or bool(_COUNTER.fullmatch(token)))


def is_chrome(line: str) -> bool:
    """A line that is page chrome by its own features."""
    s = line.strip()
    if not s or "。" in s:
        return False
    if _INDEX_NO.fullmatch(s):
        return True  # a disclosure index number left without its label
    tokens = _tokens(s)
    words, _ = _nav()
    if tokens and all(_navish(t) for t in tokens):
        # a bare date (a signature's) is text; a time stamp, or dates with chrome words, is not
        return bool(_TIME.search(s)) or any(t in words for t in tokens)
    seps = len(re.findall(r"[|｜»›]|>>?|＞", s))
    if seps >= 3 and all(len(t) <= 8 for t in tokens) and any(t in words for t in tokens):
        return True  # a menu: 首页|学院概况|党建工作|…
    if is_menu(s):
        return True
    if _crumbs(s):
        return True
    if _WECHAT_FOOT.fullmatch(s):
        return True  # a WeChat copy's foot: 阅读 2468, 在看 12
    if len(s) >= 16 and len(_CJK.findall(s)) < 0.3 * len(s) and _CODE.search(s):
        return True  # code or a database dump around the text
    return False


def is_menu(s: str) -> bool:
    """A site menu run into one line (首页 学院概况 师资队伍 …, 网站首页  医院概况 …, a site's
    name then its items, `栖梧县人民政府门户网站   无障碍浏览   长者模式   繁體`): four items
    or more split by spaces or bars, each a few characters (the first, the site's name, may be
    longer), no digits or sentence punctuation, with a home word among the first two or two
    navigation words."""
    if re.search(r"[。，,；;、：:“”《》\d]", s):
        return False
    tokens = [t for t in re.split(r"[\s|｜/·•]+", s) if t]
    if len(tokens) < 4 or any(len(t) > 8 for t in tokens[1:]) or len(tokens[0]) > 24:
        return False
    words, _ = _nav()
    home = any(t in _HOME for t in tokens[:2])
    return home or sum(t in words for t in tokens) >= 2


def _crumbs(s: str) -> bool:
    """A breadcrumb without its 当前位置 label (党建园地 > 制度建设, 首页 » 通知公告): column
    names of a few characters each, joined by breadcrumb arrows only."""
    if re.search(r"[。，,；;、：:“”《》]", s):
        return False
    parts = [p.strip() for p in _CRUMB_SEP.split(s)]
    return (len(parts) >= 2 and all(1 <= len(p) <= 10 for p in parts)
            and all(re.fullmatch(r"[\u4e00-\u9fffA-Za-z]+", p) for p in parts))


def wechat_head(line: str) -> list[tuple[str, str]] | None:
    """The page fields of a WeChat article's head line (原创 作者 公众号名 2023-09-18 17:30
    发表于福建): its posting date, and as 发布机构 the first of its names that is a body's
    (the author may be an office; the account's name is not a body); None when the line is
    not one. A head needs 原创/转载 before it or 发表于 after it."""
    m = _WECHAT_HEAD.match(line.strip())
    if not m or not (m.group("mark") or m.group("where")):
        return None
    date = _date(m.group("date"))
    if not date:
        return None
    names = [t for t in re.split(r"[\s\u3000]+", m.group("names")) if t]
    body = next((t for t in names if _org_end_match(t)), None)
    return ([("发布机构", body)] if body else []) + [("发布日期", date)]


def chrome_runs(lines: list[str], dropped: list[bool]) -> list[int]:
    """Lines in a run of three or more very short lines without punctuation that holds a
    navigation word: a menu written one item a line."""
    words, _ = _nav()
    out: list[int] = []
    run: list[int] = []
    live = [i for i, ln in enumerate(lines) if ln.strip() and not dropped[i]]

    def close() -> None:
        if len(run) >= 3 and any(lines[i].strip() in words for i in run):
            out.extend(run)
        run.clear()

    for i in live:
        s = lines[i].strip()
        if len(s) <= 6 and not re.search(r"[\d。，,；;：:、（）()《》“”]", s):
            run.append(i)
        else:
            close()
    close()
    return out


def related_list(lines: list[str], dropped: list[bool]) -> list[int]:
    """A page's list of links to other articles under the text: a label of
    `related_labels.txt` alone on its line (相关文章) and the lines after it to the end of the
    page, each a short headline (no sentence inside)."""
    labels = frozenset(entries("related_labels.txt"))
    live = [i for i, ln in enumerate(lines) if ln.strip() and not dropped[i]]
    for n, i in enumerate(live):
        if re.sub(r"[\s【】\[\]:：]", "", lines[i]) in labels:
            rest = live[n + 1:]
            if all(len(lines[j].strip()) <= 40 and not re.search(r"[。；;！!？?]", lines[j])
                   for j in rest):
                return live[n:]
    return []


_END_MARK = re.compile(r"^[-—–_=·.\s]*(?:THE\s*)?END[-—–_=·.\s]*$", re.IGNORECASE)
_ORNAMENT = re.compile(r"^0\d$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
                       r"|第[一二三四五六七八九十百]+[章条部分阶段])")
_COLUMN_IN_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[｜|]\s*(?=[^｜|]{8,}$)")


def end_tail(lines: list[str], dropped: list[bool]) -> list[int]:
    """An article's end mark (`- END -`, `—THE END—`) and what follows it when all of that is
    short lines without a sentence (来源｜, 编辑｜, 阅读原文, counters): the copy's tail."""
    live = [i for i, ln in enumerate(lines) if ln.strip() and not dropped[i]]
    for n, i in enumerate(live):
        if _END_MARK.match(lines[i].strip()):
            rest = live[n + 1:]
            if all(len(lines[j].strip()) <= 40 and "。" not in lines[j] for j in rest):
                return live[n:]
    return []


def ornaments(lines: list[str], dropped: list[bool]) -> list[int]:
    """Decorative numbers of an article copy (`01`, `02` alone on a line, each right above a
    numbered heading `一、…`): layout, not text."""
    live = [i for i, ln in enumerate(lines) if ln.strip() and not dropped[i]]
    return [i for n, i in enumerate(live)
            if _ORNAMENT.match(lines[i].strip()) and n + 1 < len(live)
            and _NUMBERED.match(lines[live[n + 1]].strip())]


def column_in_title(line: str) -> tuple[str, str | None]:
    """A first line whose title follows a column's name and a bar (通知｜关于开展…的通知, as an
    article copy writes it): (title, what was cut) or (line, None)."""
    m = _COLUMN_IN_TITLE.match(line)
    if m and not re.search(r"[。；;]", line):
        return line[m.end():], line[:m.end()]
    return line, None


def column_label(lines: list[str], dropped: list[bool]) -> list[int]:
    """Navigation words standing alone above the document's first text (通知公告 over the
    title, 朗读 over the text): a column label or a widget."""
    words, _ = _nav()
    out = []
    for i, ln in enumerate(lines):
        if dropped[i] or not ln.strip():
            continue
        if ln.strip() in words:
            out.append(i)
            continue
        break
    return out


def strip_glued(line: str) -> tuple[str, str | None]:
    """A line without the chrome run into its start (a portal's welcome banner, a breadcrumb
    whose last step is glued to the title): (rest, what was cut) or (line, None)."""
    m = _BANNER.match(line)
    if m and m.end() < len(line):
        return line[m.end():].lstrip(), line[:m.end()]
    words, nav_prefix = _nav()
    pos = _POSITION.search(line) or _HOME_CRUMB.match(line)  # 首页 > … without its label
    if pos is None:
        return line, None
    before = line[:pos.start()]
    while before and (p := nav_prefix.match(before)):
        before = before[p.end():]
    if before.strip():
        return line, None  # text before the label: not a breadcrumb at the start
    crumbs = _CRUMB_SEP.split(line[pos.end():])
    last = crumbs[-1].strip()
    while last and (p := nav_prefix.match(last)) and len(last) - p.end() >= 6:
        last = last[p.end():]
    if (m := _COLUMN_THEN_TITLE.match(last)) and not _org_end_match(m.group(1)):
        last = last[m.end(1):]  # 制度建设中共X委员会关于…: a column's name run into the title
    if len(crumbs) >= 2 and len(last) >= 6 and last not in words:
        return last, line[:len(line) - len(last)]
    return line, None
