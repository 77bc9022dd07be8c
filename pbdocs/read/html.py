"""HTML: the page's text without scripts, navigation, headers, footers and link lists; block
elements become paragraphs and `<br>` a line break."""

from __future__ import annotations

import re
from pathlib import Path

# Never content: code, styling, form controls, and the page furniture HTML5 names as such.
# (Not <form>: content-management systems wrap whole articles in one.)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "button", "select",
              "input", "textarea", "svg", "canvas", "object", "embed", "nav", "aside", "menu")
# A header/footer inside <article>/<main> belongs to the text (its title, its date).
_PAGE_FURNITURE = ("header", "footer")
# class/id words that mark navigation and sidebars on real sites (matched as whole words).
_FURNITURE_WORDS = {
    "nav", "navbar", "navigation", "menu", "menubar", "sidebar", "side", "breadcrumb",
    "breadcrumbs", "crumb", "crumbs", "footer", "foot", "copyright", "share", "toolbar", "topbar",
    "banner", "pagination", "pager", "skip", "login", "search", "links", "friendlink", "dh",
    "daohang", "weizhi", "position", "location", "bottom",
}
_BLOCK = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul", "header", "footer",
}
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# Source line breaks inside running text: nothing next to a Chinese character (Chinese has no
# spaces between words, nor between a word and a number), a space otherwise.
_WRAP_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n]*\n[ \t\r\n]*"
                       rf"|[ \t\r\n]*\n[ \t\r\n]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")


def _is_furniture(tag) -> bool:
    words = set()
    for attr in ("id", "class", "role"):
        value = tag.get(attr)
        if isinstance(value, list):
            value = " ".join(value)
        if value:
            words.update(w.lower() for w in _WORD_SPLIT.split(value) if w)
    return bool(words & _FURNITURE_WORDS) or "navigation" in words


def _link_dense(tag) -> bool:
    """A list or box of at least three links that holds little else: a menu or a link list."""
    links = tag.find_all("a")
    if len(links) < 3:
        return False
    total = len(tag.get_text("", strip=True))
    linked = sum(len(a.get_text("", strip=True)) for a in links)
    return total > 0 and linked / total > 0.7


def _strip_furniture(soup) -> None:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_PAGE_FURNITURE):
        if tag.find_parent(("article", "main")) is None:
            tag.decompose()
    # A box labelled like furniture that holds most of the page's text is the text itself.
    total = len((soup.body or soup).get_text("", strip=True)) or 1
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body", "main", "article"):
            continue
        furniture = _is_furniture(tag) and len(tag.get_text("", strip=True)) < total / 2
        links = tag.name in ("ul", "ol", "div", "table", "td", "p", "section") and _link_dense(tag)
        if furniture or links:
            tag.decompose()


def _ol_number(li) -> str:
    """The number a browser shows before an <ol> item (`start`, `value` and `type` honoured)."""
    from pbdocs.read.numbering import format_number

    ol = li.parent
    try:
        n = int(li.get("value") or int(ol.get("start", 1)) + len(li.find_previous_siblings("li")))
    except ValueError:
        n = len(li.find_previous_siblings("li")) + 1
    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    return f"{format_number(n, fmt.get(ol.get('type', '1'), 'decimal'))}. "


def _paragraphs(root) -> list[str]:
    """Walk the tree collecting text; block elements close a paragraph, <br> breaks a line."""
    from bs4 import Comment, NavigableString, Tag

    paras: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        lines = [_SPACES.sub(" ", _WRAP_CJK.sub("", ln)).strip() for ln in text.split("\x00")]
        text = "\n".join(ln for ln in lines if ln)
        if text:
            paras.append(text)

    def walk(node) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                buf.append(str(child))
            elif isinstance(child, Tag):
                if child.name == "br":
                    buf.append("\x00")  # a hard break, kept through whitespace folding
                elif child.name == "pre":
                    flush()
                    paras.append(child.get_text().strip("\n"))
                elif child.name in _BLOCK:
                    flush()
                    if child.name == "li" and child.parent is not None \
                            and child.parent.name == "ol":
                        buf.append(_ol_number(child))
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(root)
    flush()
    return paras


def html_to_text(markup: str, clean: bool = True) -> str:
    """The text of an HTML document, paragraphs separated by a blank line; `clean` drops page
    furniture (scripts, navigation, headers, footers, sidebars, link lists)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    if clean:
        _strip_furniture(soup)
    else:
        for tag in soup.find_all(("script", "style")):
            tag.decompose()
    root = soup.body or soup
    _task_tables(soup, root)
    return "\n\n".join(_paragraphs(root))


def _task_tables(soup, root) -> None:
    """Replace each task table (序号|任务|牵头单位|完成时限) by one numbered paragraph a row."""
    from pbdocs.read.tables import task_rows

    for table in root.find_all("table"):
        if table.find("table") is not None:
            continue  # a layout table around the page: not a task table
        rows = [[cell.get_text("", strip=True) for cell in tr.find_all(("td", "th"))]
                for tr in table.find_all("tr")]
        tasks = task_rows([r for r in rows if r])
        if tasks:
            div = soup.new_tag("div")
            for t in tasks:
                p = soup.new_tag("p")
                p.string = t
                div.append(p)
            table.replace_with(div)


def read_html(path: Path, data: bytes):
    """Read an HTML file: its declared charset when valid, else detection as for plain text."""
    from pbdocs.read import RawText, fail
    from pbdocs.read.txt import decode_bytes, guessed_warning

    m = _CHARSET.search(data[:8192])
    declared = m.group(1).decode("ascii") if m else None
    try:
        dec = decode_bytes(data, declared=declared)
    except ValueError:
        raise fail(path, "不是文本文件（含有二进制内容或无法识别的编码），无法读取") from None
    warnings = [guessed_warning(path, dec.encoding)] if dec.guessed else []
    return RawText(html_to_text(dec.text), "html", dec.encoding, warnings)
