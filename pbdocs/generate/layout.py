"""Where the text of a portrait GB/T 9704 document ends, by counting lines on its fixed grid.

Every paragraph of the official format has an exact line pitch (22 lines a page) and the body
is condensed so that exactly 28 characters of 3号 fill a line, so the pages can be counted
without a layout engine: characters are laid into lines the way Word and LibreOffice break
Chinese text (a closing mark never starts a line and may hang past the margin, an opening mark
never ends one, a run of Latin letters or digits is not split), headings stay with the next
paragraph, page and section breaks start a page. The renderer uses this to put the 版记 on the
last text page when it fits there (GB/T 9704 7.5), instead of always on a page of its own.

`flow(body, roles)` walks the document body written so far and returns where its text ends
(`End(page, used_pt)`), or None when it holds something it cannot measure (a table whose rows
have no exact height, a landscape section).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from docx.oxml.ns import qn as _qn

from pbdocs.generate import gbt9704 as G


@cache
def qn(tag: str) -> str:
    """A namespaced tag (cached: layout asks for the same few thousands of times)."""
    return _qn(tag)


PT_PER_MM = 72 / 25.4
PAGE_PT = G.TEXT_HEIGHT_MM * PT_PER_MM  # height of the text block
# Closing marks never start a line (they hang past the margin instead); opening marks never
# end one (they move to the next line with what they open).
NO_LINE_START = set("，。、；：？！）》」』”’〕】〉…%,.;:?!)]}·—")
NO_LINE_END = set("（《「『“‘〔【〈([{")
# The marks a justified line lets hang past the margin (the others go down with the word)
HANGING = set("，。、；：？！,.;:?!")


@dataclass(frozen=True)
class End:
    """Where the text ends: on page `page` (1-based), `used` points of the text block filled."""

    page: int
    used: float

    @property
    def free(self) -> float:
        """Points left at the foot of that page."""
        return max(PAGE_PT - self.used, 0.0)


# Half-width letters and digits are half an em in the official fonts; a font with proportional
# Latin letters (a preview's) sets some wider. Both are counted: when they disagree about where
# the text ends, the 版记 does not risk the last text page.
LATIN = 0.5
WIDE_LATIN = 0.62


def char_advance(ch: str, size: float, spacing: float, latin: float = LATIN) -> float:
    """The advance of one character in points: a full-width character one em, a half-width one
    half an em (`latin` for letters and digits), each plus the run's character spacing."""
    w = G.char_width(ch)
    if w < 1 and ch.isascii() and ch.isalnum():
        w = latin
    return w * size + spacing


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: a Latin word or number, or one character, with the closing marks
    after it and the opening marks before it glued on."""
    pieces: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] in ".-_/%"):
                j += 1
            pieces.append(text[i:j])
            i = j
        else:
            pieces.append(ch)
            i += 1
    out: list[str] = []
    pending = ""
    for p in pieces:
        if out and p[0] in NO_LINE_START and not pending:
            out[-1] += p
        elif p[-1] in NO_LINE_END and len(p) == 1:
            pending += p
        else:
            out.append(pending + p)
            pending = ""
    if pending:
        out.append(pending)
    return out


def count_lines(text: str, width: float, first_indent: float, size: float,
                spacing: float = 0.0, latin: float = LATIN, hang: bool = True) -> int:
    """How many lines `text` takes in a paragraph `width` points wide whose first line is
    indented `first_indent` points (negative: a hanging indent); `\\n` is a forced break.
    `hang`: a comma or full stop may hang past the margin (a justified paragraph's)."""
    eps = 0.01
    hang_ok = hang
    total = 0
    for part in text.split("\n"):
        start = first_indent if total == 0 else 0.0
        lines, x = 1, start
        for tok in _tokens(part):
            w = sum(char_advance(c, size, spacing, latin) for c in tok)
            closing = len(tok) - len(tok.rstrip("".join(NO_LINE_START)))
            hang = (char_advance(tok[-1], size, spacing)
                    if hang_ok and 0 < closing < len(tok) and tok[-1] in HANGING else 0.0)
            if x + w - hang > width + eps and x > start + eps:
                lines, x, start = lines + 1, 0.0, 0.0
            x += w
            while x - hang > width + eps and w > width:  # a token longer than a line
                lines += 1
                x -= width
        total += lines
    return total


@dataclass
class _Para:
    lines: int
    pitch: float
    before: float
    keep_next: bool
    page_break: bool
    section_break: str | None  # the type of the section that starts after this paragraph
    landscape: bool


def _twips(el, attr: str) -> float | None:
    v = el.get(qn(attr)) if el is not None else None
    return int(v) / 20 if v is not None and v.lstrip("-").isdigit() else None


def _indent(ind, side: str, size: float) -> float:
    """One indent of a w:ind in points: its `…Chars` value (hundredths of a character) when
    present, as Word reads it, else its twips."""
    chars = ind.get(qn(f"w:{side}Chars"))
    if chars is not None and chars.lstrip("-").isdigit():
        return int(chars) / 100 * size
    return _twips(ind, f"w:{side}") or 0.0


def _paragraph(p, roles: dict[str, G.Role], width: float, latin: float) -> _Para:
    ppr = p.find(qn("w:pPr"))
    sid = None
    if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
        sid = ppr.find(qn("w:pStyle")).get(qn("w:val"))
    role = roles.get(sid or "", G.ROLES["body"])
    size = role.size
    spacing = G.BODY_CHAR_SPACING / 20 if role.size == G.SIZE["三号"] and role.line_pt else 0.0
    pitch = role.line_pt or role.size * 1.3
    before = role.before_lines * G.LINE_PITCH_PT
    first, left, right = role.first_line * size, role.left * size, role.right * size
    keep = role.keep_next
    page_break = False
    border = 0.0
    section = landscape = None
    if ppr is not None:
        sp = ppr.find(qn("w:spacing"))
        if sp is not None:
            if _twips(sp, "w:before") is not None:
                before = _twips(sp, "w:before")
            if sp.get(qn("w:lineRule")) == "exact" and _twips(sp, "w:line") is not None:
                pitch = _twips(sp, "w:line")
        ind = ppr.find(qn("w:ind"))
        if ind is not None:
            left = _indent(ind, "left", size)
            right = _indent(ind, "right", size)
            first = _indent(ind, "firstLine", size) - _indent(ind, "hanging", size)
        bottom = ppr.find(qn("w:pBdr") + "/" + qn("w:bottom"))
        if bottom is not None and bottom.get(qn("w:val")) not in (None, "nil", "none"):
            border = int(bottom.get(qn("w:space"), "0")) + int(bottom.get(qn("w:sz"), "0")) / 8
        kn = ppr.find(qn("w:keepNext"))
        if kn is not None:
            keep = kn.get(qn("w:val")) not in ("0", "false")
        pb = ppr.find(qn("w:pageBreakBefore"))
        page_break = pb is not None and pb.get(qn("w:val")) not in ("0", "false")
        sect = ppr.find(qn("w:sectPr"))
        if sect is not None:
            t = sect.find(qn("w:type"))
            section = t.get(qn("w:val")) if t is not None else "nextPage"
            pgsz = sect.find(qn("w:pgSz"))
            landscape = pgsz is not None and pgsz.get(qn("w:orient")) == "landscape"
    text, run_size, scale = [], None, 1.0
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:sz")) is not None:
            run_size = max(run_size or 0, int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2)
        if rpr is not None and rpr.find(qn("w:w")) is not None:
            scale = int(rpr.find(qn("w:w")).get(qn("w:val"))) / 100  # condensed (the masthead)
        for child in r:
            if child.tag == qn("w:t"):
                text.append(child.text or "")
            elif child.tag == qn("w:br") and child.get(qn("w:type")) in (None, "textWrapping"):
                text.append("\n")
            elif child.tag == qn("w:br") and child.get(qn("w:type")) == "page":
                page_break = True
    s = "".join(text)
    if run_size and run_size != size:
        spacing = 0.0 if run_size != G.SIZE["三号"] else spacing
        size = run_size
    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    align = jc.get(qn("w:val")) if jc is not None else role.align
    lines = (count_lines(s, width - left - right, first, size * scale, spacing, latin,
                         hang=align in ("both", "justify", "distribute")) if s else 1)
    return _Para(lines, pitch, before + border, keep, page_break, section, bool(landscape))


@dataclass
class _Table:
    rows: list[tuple[float, bool]]  # (height, a header row repeated on every page)


def _cell_height(tc, roles: dict[str, G.Role], margins: tuple[float, float, float, float],
                 latin: float) -> float:
    """The height of a cell's text: its paragraphs' lines in the cell's width, plus margins."""
    tcw = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
    width = (int(tcw.get(qn("w:w"))) / 20 if tcw is not None else 100.0) - margins[1] - margins[3]
    total = 0.0
    for p in tc.findall(qn("w:p")):
        para = _paragraph(p, roles, width, latin)
        total += para.before + para.pitch * para.lines
    return total + margins[0] + margins[2]


def _table(tbl, roles: dict[str, G.Role], latin: float, estimate: bool) -> _Table | None:
    """The rows of a table with their heights: exact heights as set, others estimated from
    their text (when `estimate`), else None."""
    mar = tbl.find(qn("w:tblPr") + "/" + qn("w:tblCellMar"))
    margins = [0.0, 5.4, 0.0, 5.4]  # top, left, bottom, right (Word's defaults)
    if mar is not None:
        for k, side in enumerate(("top", "left", "bottom", "right")):
            el = mar.find(qn(f"w:{side}"))
            if el is not None:
                margins[k] = int(el.get(qn("w:w"), "0")) / 20
    rows: list[tuple[float, bool]] = []
    for tr in tbl.findall(qn("w:tr")):
        trpr = tr.find(qn("w:trPr"))
        h = trpr.find(qn("w:trHeight")) if trpr is not None else None
        header = trpr is not None and trpr.find(qn("w:tblHeader")) is not None
        if h is not None and h.get(qn("w:hRule")) == "exact":
            rows.append((int(h.get(qn("w:val"))) / 20, header))
            continue
        if not estimate:
            return None
        height = max((_cell_height(tc, roles, tuple(margins), latin)
                      for tc in tr.findall(qn("w:tc"))), default=0.0)
        if h is not None:
            height = max(height, int(h.get(qn("w:val"))) / 20)
        rows.append((height + 0.75, header))  # a rule between rows
    return _Table(rows)


def place_rows(page: int, used: float, rows: list[tuple[float, bool]],
               page_pt: float = PAGE_PT) -> tuple[int, float, list[int]]:
    """Lay a table's rows from (page, used) on: rows kept whole, header rows repeated at the
    top of every page the table runs onto. Returns where it ends and the page of each body
    row."""
    header = sum(h for h, head in rows if head)
    pages: list[int] = []
    first = True
    for h, head in rows:
        if head and not first:
            continue
        if head:
            if used + header > page_pt + 0.5 and used > 0:
                page, used = page + 1, 0.0
            used += h
            continue
        first = False
        if used + h > page_pt + 0.5 and used > header + 0.5:
            page, used = page + 1, header
        used += h
        pages.append(page)
    return page, used, pages


def flow(body: Iterable, roles: dict[str, G.Role], width: float = G.TEXT_WIDTH_MM * PT_PER_MM,
         latin: float = LATIN, page_pt: float = PAGE_PT, estimate_tables: bool = False,
         landscape: bool = False, start: End | None = None) -> End | None:
    """Where the content of `body` (w:p and w:tbl elements, in order) ends on pages of the
    official format (portrait, or `landscape` with its width and `page_pt`); None when it
    holds something that cannot be counted (a table whose rows have no exact height, unless
    `estimate_tables`; a section of the other orientation). `start`: where `body` begins (the
    end of what came before it), else the top of page 1."""
    items: list = []
    for el in body:
        if el.tag == qn("w:p"):
            items.append(_paragraph(el, roles, width, latin))
        elif el.tag == qn("w:tbl"):
            t = _table(el, roles, latin, estimate_tables)
            if t is None:
                return None
            items.append(t)
    page, used = (start.page, start.used) if start else (1, 0.0)
    top = used == 0.0  # nothing on this page yet
    for i, it in enumerate(items):
        if isinstance(it, _Table):
            page, used, _ = place_rows(page, used, it.rows, page_pt)
            top = False
            continue
        if it.section_break and it.landscape != landscape:
            return None  # the section that ends here is of the other orientation
        hard = it.page_break and not top
        if hard:
            page, used, top = page + 1, 0.0, True
        # space before is dropped at the top of a page the text flowed onto
        before = it.before if (not top or page == 1 or hard or i == 0) else 0.0
        need = before + it.pitch * it.lines
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it.keep_next and isinstance(nxt, _Para) and not top:
            # the run of paragraphs kept with the next one (a heading over a heading, 附件说明
            # over 署名 over 成文日期) and the first line of the paragraph after the run
            chain, j = 0.0, i + 1
            while (j < len(items) and isinstance(items[j], _Para) and items[j].keep_next
                   and not items[j].page_break and not items[j].section_break):
                chain += items[j].before + items[j].pitch * items[j].lines
                j += 1
            if j < len(items) and isinstance(items[j], _Para) and not items[j].page_break:
                chain += items[j].before + items[j].pitch
            if used + need + chain > page_pt + 0.5:
                page, used, top = page + 1, 0.0, True
                need -= before
        if used + need <= page_pt + 0.5:
            used += need
        else:  # the paragraph runs onto the next page(s), line by line
            used += before
            for _ in range(it.lines):
                if used + it.pitch > page_pt + 0.5:
                    page, used = page + 1, 0.0
                used += it.pitch
        top = False
        if it.section_break:
            page, used, top = page + 1, 0.0, True
            if it.section_break in ("evenPage", "oddPage") and (
                    (page % 2 == 0) != (it.section_break == "evenPage")):
                page += 1
    return End(page, used)
