"""HTML: the page's text without scripts, navigation, headers, footers and link lists; block
elements become paragraphs and `<br>` a line break.

The page is parsed by libxml2 (lxml's HTML parser, which repairs broken markup) into a small
tree of our own, and every pass over it is a loop over a list, never a recursion: time is
linear in the page and no nesting depth can exhaust the stack. (lxml's own tree silently drops
everything nested deeper than 255 levels; its event interface does not.)
"""

from __future__ import annotations

import re
from pathlib import Path

from pbdocs.model import Warning

# Never content: code, styling, form controls, and the page furniture HTML5 names as such.
# (Not <form>: content-management systems wrap whole articles in one.)
_DROP_TAGS = frozenset(("script", "style", "noscript", "template", "iframe", "button", "select",
                        "input", "textarea", "svg", "canvas", "object", "embed", "nav", "aside",
                        "menu", "head"))
# A header/footer inside <article>/<main> belongs to the text (its title, its date).
_PAGE_FURNITURE = ("header", "footer")
# class/id words that mark navigation and sidebars on real sites (matched as whole words).
_FURNITURE_WORDS = {
    "nav", "navbar", "navigation", "menu", "menubar", "sidebar", "side", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "footer", "foot", "copyright", "share", "toolbar", "topbar",
    "banner", "pagination", "pager", "skip", "login", "search", "links", "friendlink", "dh",
    "daohang", "weizhi", "position", "location", "bottom",
}
_BLOCK = frozenset((
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul", "header", "footer",
))
_KEPT_ATTRS = ("id", "class", "role", "start", "value", "type", "rowspan", "colspan")
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# Source line breaks inside running text: nothing next to a Chinese character (Chinese has no
# spaces between words, nor between a word and a number), a space otherwise.
_WRAP_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n]*\n[ \t\r\n]*"
                       rf"|[ \t\r\n]*\n[ \t\r\n]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")
# Text beside the links of a link list that does not make it prose: dates, times, counters and
# separators (`关于…的通知 2024-05-10`, `首页 | 通知公告`).
_LIST_FILLER = re.compile(r"(?:19|20)\d{2}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|\d{1,2}:\d{2}"
                          r"|\d{1,2}[-/]\d{1,2}|[\[\]【】()（）|｜·•>»›/\\\s\d]+")

# Nesting deeper than this is not followed: deeper elements are read as if they were at this
# depth (their text is kept, in order). Real pages stay far below it; pages with thousands of
# unclosed tags (<font> left open by old editors) or made to attack a parser go past it.
MAX_DEPTH = 5000
# A policy page has a few thousand elements; this many means a page that is not one (or an
# attack), and it would take minutes and gigabytes to walk.
MAX_ELEMENTS = 200_000


class TooLarge(Exception):
    """A page with more elements than MAX_ELEMENTS."""


class _El:
    """An element of the page: tag, the attributes we use, children (elements and strings)."""

    __slots__ = ("tag", "attrs", "kids", "parent", "gone", "tlen", "alen", "acount", "flen")

    def __init__(self, tag: str, attrs: dict, parent: _El | None):
        self.tag = tag
        self.attrs = attrs
        self.kids: list = []
        self.parent = parent
        self.gone = False
        self.tlen = self.alen = self.acount = self.flen = 0

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)


class _Builder:
    """lxml parser target: builds the _El tree, skipping dropped elements and comments."""

    def __init__(self):
        self.root = _El("#root", {}, None)
        self.stack = [self.root]
        self.skip = 0
        self.elements = 0
        self.depth = 0  # deepest nesting met in the page (ours stops at MAX_DEPTH + 1)

    def start(self, tag, attrib) -> None:
        tag = tag.lower() if isinstance(tag, str) else ""
        if self.skip or tag in _DROP_TAGS:
            self.skip += 1
            return
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise TooLarge
        attrs = {k: attrib[k] for k in _KEPT_ATTRS if k in attrib}
        # Past the limit every element becomes a child of the element at the limit: the
        # page's text and paragraphs are kept in order, only its nesting is flattened.
        parent = self.stack[-1] if len(self.stack) <= MAX_DEPTH else self.stack[MAX_DEPTH]
        el = _El(tag, attrs, parent)
        parent.kids.append(el)
        self.stack.append(el)
        self.depth = max(self.depth, len(self.stack) - 1)

    def end(self, tag) -> None:
        if self.skip:
            self.skip -= 1
            return
        if len(self.stack) > 1:
            self.stack.pop()

    def data(self, text: str) -> None:
        if self.skip:
            return
        kids = self.stack[-1].kids
        if kids and isinstance(kids[-1], str):
            kids[-1] += text
        else:
            kids.append(text)

    def comment(self, text) -> None:
        pass

    def close(self) -> _El:
        return self.root


def parse_tree(markup: str) -> tuple[_El, int]:
    """The page as an _El tree (libxml2 repairs the markup) and its deepest nesting."""
    from lxml import etree

    builder = _Builder()
    parser = etree.HTMLParser(target=builder, recover=True, no_network=True)
    parser.feed(markup)
    parser.close()
    return builder.root, builder.depth


def _preorder(root: _El) -> list[_El]:
    """Every element under root (root first), parents before children, in reading order."""
    out, todo = [], [root]
    while todo:
        el = todo.pop()
        out.append(el)
        todo.extend(k for k in reversed(el.kids) if isinstance(k, _El) and not k.gone)
    return out


def _is_furniture(el: _El) -> bool:
    words = set()
    for attr in ("id", "class", "role"):
        value = el.get(attr)
        if value:
            words.update(w.lower() for w in _WORD_SPLIT.split(value) if w)
    return bool(words & _FURNITURE_WORDS)


def _measure(order: list[_El]) -> None:
    """Text length, link text length, link count and filler length of every subtree, children
    first (one pass, linear)."""
    for el in reversed(order):
        tlen = alen = acount = flen = 0
        for k in el.kids:
            if isinstance(k, str):
                n = len(k.strip())
                tlen += n
                if n and el.tag != "a":
                    flen += sum(len(m.group(0).strip()) for m in _LIST_FILLER.finditer(k))
            elif not k.gone:
                tlen += k.tlen
                alen += k.alen
                acount += k.acount
                flen += k.flen
        if el.tag == "a":
            acount += 1
            alen = tlen
        el.tlen, el.alen, el.acount, el.flen = tlen, alen, acount, flen


def _link_dense(el: _El) -> bool:
    """A list or box of at least three links that holds little else than the links and their
    dates or separators: a menu, a breadcrumb trail or a list of related articles."""
    if el.acount < 3 or not el.tlen:
        return False
    prose = el.tlen - el.alen - min(el.flen, el.tlen - el.alen)
    return el.alen / el.tlen > 0.7 or (el.alen + prose) and el.alen / (el.alen + prose) > 0.85


def _strip_furniture(root: _El) -> None:
    order = _preorder(root)
    inside = {id(root): False}  # under <article>/<main>
    for el in order[1:]:
        parent_inside = inside[id(el.parent)]
        inside[id(el)] = parent_inside or el.parent.tag in ("article", "main")
        if el.tag in _PAGE_FURNITURE and not parent_inside and el.parent.tag not in (
                "article", "main"):
            el.gone = True
    order = _preorder(root)
    _measure(order)
    body = next((el for el in order if el.tag == "body"), root)
    total = body.tlen or 1
    # A box labelled like furniture that holds most of the page's text is the text itself.
    for el in order:
        if el.parent is not None and el.parent.gone:
            el.gone = True
            continue
        if el.tag in ("#root", "html", "body", "main", "article"):
            continue
        furniture = _is_furniture(el) and el.tlen < total / 2
        links = el.tag in ("ul", "ol", "div", "table", "td", "p", "section") and _link_dense(el)
        if furniture or links:
            el.gone = True


def _ol_label(n: int, ol: _El) -> str:
    from pbdocs.read.numbering import format_number

    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    return f"{format_number(n, fmt.get(ol.get('type', '1'), 'decimal'))}. "


def _paragraphs(root: _El) -> list[str]:
    """Walk the tree collecting text; block elements close a paragraph, <br> breaks a line."""
    paras: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        lines = [_SPACES.sub(" ", _WRAP_CJK.sub("", ln)).strip() for ln in text.split("\x00")]
        text = "\n".join(ln for ln in lines if ln)
        if text:
            paras.append(text)

    counters: dict[int, int] = {}  # <ol> → its next number
    todo: list = [(root, False)]  # (node, closing): a block is flushed on entry and exit
    while todo:
        node, closing = todo.pop()
        if closing:
            flush()
            continue
        if isinstance(node, str):
            buf.append(node)
            continue
        if node.gone:
            continue
        if node.tag == "br":
            buf.append("\x00")  # a hard break, kept through whitespace folding
            continue
        if node.tag == "pre":
            flush()
            paras.append(_plain(node).strip("\n"))
            continue
        block = node.tag in _BLOCK
        if block:
            flush()
            todo.append((node, True))
            parent = node.parent
            if node.tag == "li" and parent is not None and parent.tag == "ol":
                if id(parent) not in counters:
                    try:
                        counters[id(parent)] = int(parent.get("start", 1))
                    except ValueError:
                        counters[id(parent)] = 1
                try:
                    n = int(node.get("value"))
                except (TypeError, ValueError):
                    n = counters[id(parent)]
                counters[id(parent)] = n + 1
                buf.append(_ol_label(n, parent))
        todo.extend((k, False) for k in reversed(node.kids))
    flush()
    return paras


def _plain(el: _El) -> str:
    """All text under el, in order."""
    out, todo = [], [el]
    while todo:
        node = todo.pop()
        if isinstance(node, str):
            out.append(node)
        elif not node.gone:
            todo.extend(reversed(node.kids))
    return "".join(out)


def _cell_text(el: _El) -> str:
    return re.sub(r"\s+", "", _plain(el))


def table_grid(table: _El) -> list[list[str]]:
    """The rows of a table as text cells, a cell spanning rows or columns (rowspan, colspan)
    repeated in every row and column it covers, as a reader of the table sees it."""
    rows: list[list[str]] = []
    carry: dict[int, tuple[str, int]] = {}  # column → (text, rows still to cover)
    for tr in (el for el in _preorder(table) if el.tag == "tr"):
        if _nearest_table(tr) is not table:
            continue
        row: list[str] = []
        for cell in (k for k in tr.kids if isinstance(k, _El) and k.tag in ("td", "th")):
            _carry_down(row, carry)
            text = _cell_text(cell)
            span = _int(cell.get("colspan"), 1, 50)
            down = _int(cell.get("rowspan"), 1, 1000)
            for _ in range(span):
                if down > 1:
                    carry[len(row)] = (text, down - 1)
                row.append(text)
        _carry_down(row, carry)
        if any(row):
            rows.append(row)
    return rows


def _carry_down(row: list[str], carry: dict[int, tuple[str, int]]) -> None:
    """Fill the columns of `row` that a cell of an earlier row still spans."""
    while len(row) in carry:
        text, left = carry[len(row)]
        if left <= 1:
            del carry[len(row)]
        else:
            carry[len(row)] = (text, left - 1)
        row.append(text)


def _int(value, default: int, top: int) -> int:
    try:
        return max(1, min(int(value), top))
    except (TypeError, ValueError):
        return default


def _nearest_table(el: _El) -> _El | None:
    p = el.parent
    while p is not None and p.tag != "table":
        p = p.parent
    return p


def _task_tables(root: _El) -> None:
    """Replace each task table (序号|任务|牵头单位|完成时限) by one numbered paragraph a row."""
    from pbdocs.read.tables import task_rows

    for table in [el for el in _preorder(root) if el.tag == "table"]:
        if any(el.tag == "table" for el in _preorder(table)[1:]):
            continue  # a layout table around the page: not a task table
        tasks = task_rows(table_grid(table))
        if tasks:
            div = _El("div", {}, table.parent)
            for t in tasks:
                p = _El("p", {}, div)
                p.kids.append(t)
                div.kids.append(p)
            kids = table.parent.kids
            kids[next(k for k, x in enumerate(kids) if x is table)] = div


def html_read(markup: str, clean: bool = True) -> tuple[str, list[Warning]]:
    """The text of an HTML document (paragraphs separated by a blank line) and warnings about
    the page; `clean` drops page furniture (navigation, headers, footers, link lists).
    Raises TooLarge for a page with more than MAX_ELEMENTS elements."""
    root, depth = parse_tree(markup)
    if clean:
        _strip_furniture(root)
    _task_tables(root)
    warnings = []
    if depth > MAX_DEPTH:
        warnings.append(Warning(
            "deep_nesting", f"网页标签嵌套达 {depth} 层（超过 {MAX_DEPTH} 层，多为未闭合的标签），"
            f"更深处的内容已按原有顺序读入，但其段落划分可能不准", None, None))
    return "\n\n".join(_paragraphs(root)), warnings


def html_to_text(markup: str, clean: bool = True) -> str:
    """The text of an HTML document, paragraphs separated by a blank line; `clean` drops page
    furniture (scripts, navigation, headers, footers, sidebars, link lists)."""
    return html_read(markup, clean)[0]


def read_markup(path: Path, markup: str, encoding: str | None, warnings: list[Warning]):
    """RawText of decoded HTML markup, or InputError with a sentence for a page too large."""
    from pbdocs.read import RawText, fail

    try:
        text, more = html_read(markup)
    except TooLarge:
        raise fail(path, f"是含有超过 {MAX_ELEMENTS:,} 个标签的网页，不像一篇政策文件，"
                         "已拒绝读取（可将正文另存为文本文件后重试）") from None
    return RawText(text, "html", encoding, warnings + more)


def read_html(path: Path, data: bytes):
    """Read an HTML file: its declared charset when valid, else detection as for plain text."""
    from pbdocs.read.txt import decode_or_fail

    m = _CHARSET.search(data[:8192])
    declared = m.group(1).decode("ascii") if m else None
    text, encoding, warnings = decode_or_fail(path, data, declared)
    return read_markup(path, text, encoding, warnings)
