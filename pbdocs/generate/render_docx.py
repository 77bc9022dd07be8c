"""Dialect Markdown → a GB/T 9704 .docx: walk the tree `dialect.parse` gives, paragraph by
paragraph, with the roles of `gbt9704` and the XML helpers of `oxml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from pbdocs.generate import dialect, layout, oxml
from pbdocs.generate import gbt9704 as G

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_STYLE_NAMES = {"body": "Normal", "title": "Title", "h1": "Heading 1", "h2": "Heading 2",
                "h3": "Heading 3", "h4": "Heading 4"}
_HEADING_TAGS = {"h1": "title", "h2": "h1", "h3": "h2", "h4": "h3", "h5": "h4", "h6": "h4"}
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def style_name(role: str) -> str:
    """The Word style a role is written with (built-in names where Word has one)."""
    return _STYLE_NAMES.get(role, f"GB {role}")


def markdown_to_docx(markdown_text: str, out: str | Path, title: str | None = None) -> Path:
    """Render dialect Markdown to a .docx at `out` (folders created); returns the path."""
    from pbdocs.generate.output import save

    doc = build_docx(markdown_text, title=title)
    return save(out, lambda p: doc.save(str(p)))


def build_docx(markdown_text: str, title: str | None = None):
    """Render dialect Markdown to a python-docx Document (not saved)."""
    w = _Writer()
    root = dialect.parse(markdown_text)
    w.blocks(root)
    w.finish()
    if title:
        w.doc.core_properties.title = oxml.xml_safe(title)
    w.doc.core_properties.author = "pbdocs"
    return w.doc


# --- document setup ---------------------------------------------------------------------------


def _apply_role_to_style(style, role: G.Role) -> None:
    oxml.reset_style(style)
    oxml.set_fonts(style, role.font)
    oxml.set_lang(style)
    if role.size == G.SIZE["三号"] and role.line_pt:
        oxml.set_char_spacing(style, G.BODY_CHAR_SPACING)
    f = style.font
    f.size = Pt(role.size)
    f.bold = role.bold
    f.italic = False
    f.color.rgb = RGBColor.from_string(role.color)
    pf = style.paragraph_format
    pf.alignment = _ALIGN[role.align]
    pf.space_before = Pt(role.before_lines * G.LINE_PITCH_PT)
    pf.space_after = Pt(0)
    if role.line_pt:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(role.line_pt)
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.keep_with_next = role.keep_next
    pf.widow_control = False  # *practice*: keep 22 lines on every page
    oxml.set_autospace_off(style)  # no extra gap between Chinese and digits
    oxml.set_indent_chars(style, role.first_line, role.left, role.right, role.size)


def _setup(doc) -> None:
    styles = doc.styles
    oxml.strip_theme(styles.element)
    from docx.enum.style import WD_STYLE_TYPE

    for role_name, role in G.ROLES.items():
        name = style_name(role_name)
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
        _apply_role_to_style(style, role)
    # python-docx's defaults carry theme fonts; the document defaults get the body font too.
    rpr_default = styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults")
    if rpr_default is not None:
        oxml.strip_theme(rpr_default)
    doc.settings.odd_and_even_pages_header_footer = True
    sec = doc.sections[0]
    _page(sec, landscape=False)
    _footers(sec)


def _page(section, landscape: bool) -> None:
    w, h = G.PAGE_MM
    m = G.LANDSCAPE_MARGINS_MM if landscape else G.MARGINS_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(h), Mm(w)) if landscape else (Mm(w), Mm(h))
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(
        G.LANDSCAPE_FOOTER_DISTANCE_MM if landscape else G.FOOTER_DISTANCE_MM)
    pitch = round(G.LINE_PITCH_PT * 20)
    char_space = G.DOC_GRID_CHAR_SPACE if G.DOC_GRID_TYPE == "linesAndChars" else None
    oxml.set_doc_grid(section, pitch, G.DOC_GRID_TYPE, char_space)


def _footers(section) -> None:
    """`— 1 —` in 4号宋体: odd pages right with one character of space, even pages left."""
    role = G.ROLES["pagenum"]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = _ALIGN[align]
        pf = p.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        if align == "right":
            oxml.set_indent_chars(p, right=1, font_pt=role.size)
        else:
            oxml.set_indent_chars(p, left=1, font_pt=role.size)

        def make_run(text: str, p=p):
            r = p.add_run(text)
            oxml.set_fonts(r, role.font)
            r.font.size = Pt(role.size)
            return r

        make_run("— ")
        oxml.add_page_field(p, make_run)
        make_run(" —")


def text_height_pt(landscape: bool) -> float:
    """Height of the text block in points."""
    m = G.LANDSCAPE_MARGINS_MM if landscape else G.MARGINS_MM
    height = (G.PAGE_MM[0] if landscape else G.PAGE_MM[1]) - m["top"] - m["bottom"]
    return height / 25.4 * 72


def text_width_twips(landscape: bool) -> int:
    """Width of the text block in twips."""
    m = G.LANDSCAPE_MARGINS_MM if landscape else G.MARGINS_MM
    width = (G.PAGE_MM[1] if landscape else G.PAGE_MM[0]) - m["left"] - m["right"]
    return int(width / 25.4 * 1440)


# --- inline text ------------------------------------------------------------------------------


def _join_soft_breaks(text: str) -> str:
    """A source line break inside a paragraph: nothing between Chinese, a space between words."""
    def repl(m: re.Match) -> str:
        a, b = m.string[max(m.start() - 1, 0)], m.string[m.end():m.end() + 1]
        return " " if _ASCII_WORD.match(a or "") and _ASCII_WORD.match(b or "") else ""
    return re.sub(r"[ \t]*\n[ \t]*", repl, text)


def _segments(el, fmt: dict | None = None) -> list[tuple[str, dict]]:
    """Inline content of an element as (text, format) pieces; format keys: role, bold, mark."""
    fmt = dict(fmt or {})
    out: list[tuple[str, dict]] = []
    if el.text:
        out.append((el.text, fmt))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        f = dict(fmt)
        classes = (child.get("class") or "").split()
        if tag == "br":
            out.append(("\n", f))
        elif tag in ("table", "div", "ul", "ol", "p"):
            out.extend(_segments(child, f))
        else:
            for c in classes:
                if c in G.HEADING_ROLES:
                    f["role"] = c
            if tag in ("strong", "b"):
                f["bold"] = True
            if tag == "mark":
                f["mark"] = True
            if tag:
                out.extend(_segments(child, f))
        if child.tail:
            out.append((child.tail, fmt))
    return out


def _add_runs(p, el, role: G.Role, size: float | None = None, extra: dict | None = None) -> None:
    segs = _segments(el, extra)
    text_all = "".join(t for t, _ in segs)
    if "\n" in text_all and not any(t == "\n" for t, _ in segs):
        segs = [(_join_soft_breaks(t), f) for t, f in segs]
    else:
        segs = [(t if t == "\n" else _join_soft_breaks(t), f) for t, f in segs]
    for text, f in segs:
        if text == "\n":
            p.add_run().add_break()
            continue
        text = oxml.xml_safe(text)
        if not text:
            continue
        r = p.add_run(text)
        run_role = G.ROLES[f["role"]] if f.get("role") else role
        oxml.set_fonts(r, run_role.font)
        r.font.size = Pt(size or role.size)
        if f.get("bold") or run_role.bold:
            r.bold = True
        if role.color != G.BLACK:
            r.font.color.rgb = RGBColor.from_string(role.color)
        if f.get("mark"):
            oxml.set_highlight(r)


# --- the writer -------------------------------------------------------------------------------


def _tail_kept(n: int) -> int:
    """How many last rows of a table of `n` body rows are kept together: `TABLE_KEEP_LAST`,
    fewer in a short table (half its rows, so that its first page keeps as many), none
    when that is under two (a short table of 4 or 5 rows ends with two rows on a page, not
    one)."""
    keep = min(G.TABLE_KEEP_LAST, n // 2)
    return keep if keep >= 2 else 0


KEEP_LAST_LINES = 3  # the text's last paragraph goes with the 落款 when no longer than this


@dataclass(frozen=True)
class _Place:
    """Where a 版记 goes: `room` points above it on its page, after a blank page or not."""

    room: float
    blank_page: bool


def _cc_label(line) -> int:
    """The width in characters of a 抄送 line's label (`抄送：`), its wrapped lines' indent."""
    m = re.match(r"^\s*(抄\s*送\s*[：:])", line.text_content() or "")
    return int(round(G.text_width(m.group(1).replace(" ", "")))) if m else 0


class _Writer:
    """Walks the parsed tree and writes paragraphs, tables and sections."""

    def __init__(self):
        self.doc = new_docx()
        _setup(self.doc)
        self.pending_break = False
        self.section_empty = True
        self.landscape = False
        self.back_to_portrait = False
        self._style_ids: dict[str, str] = {}
        self._table_end: tuple[int, layout.End] | None = None  # last counted table, its end

    def _style(self, p, role_name: str) -> None:
        """Give a paragraph a role's style by id (python-docx's lookup by name is slow)."""
        sid = self._style_ids.get(role_name)
        if sid is None:
            sid = self._style_ids[role_name] = self.doc.styles[style_name(role_name)].style_id
        p._p.style = sid

    # sections and breaks
    def _before_block(self) -> None:
        if self.back_to_portrait:
            self._new_section(landscape=False)
            self.back_to_portrait = False
        self.section_empty = False

    def _new_section(self, landscape: bool) -> None:
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        _page(sec, landscape)
        self._shrink_section_carrier()
        self.pending_break = False
        self.landscape = landscape

    def _shrink_section_carrier(self) -> None:
        """The empty paragraph python-docx adds to carry the previous section's properties
        must not take a whole line (it could push a blank page)."""
        body = self.doc.element.body
        paras = body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
        if not paras:
            return
        from docx.text.paragraph import Paragraph

        p = Paragraph(paras[-1], self.doc)
        if p.text:
            return
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(1)
        pf.space_before = pf.space_after = Pt(0)

    def para(self, role_name: str, el=None, text: str | None = None, **extra):
        """Add one paragraph in a role, from an element's inline content or plain text."""
        self._before_block()
        role = G.ROLES[role_name]
        p = self.doc.add_paragraph()
        self._style(p, role_name)
        if self.pending_break:
            p.paragraph_format.page_break_before = True
            self.pending_break = False
        if el is not None and role_name == "title" and all(c.tag == "mark" for c in el):
            self._title_runs(p, el, role)
        elif el is not None:
            _add_runs(p, el, role, extra=extra.get("fmt"))
        elif text:
            from lxml import html as lxml_html

            holder = lxml_html.Element("span")
            holder.text = text
            _add_runs(p, holder, role, extra=extra.get("fmt"))
        return p

    def _title_runs(self, p, el, role: G.Role) -> None:
        """A title that wraps breaks between words into balanced lines (GB/T 9704 7.3.1)."""
        from pbdocs.generate.titlebreak import break_title

        # the title's characters, each with whether it is a placeholder (<mark>) to fill in
        pieces = [(el.text or "", False)]
        for child in el:
            pieces += [(child.text_content() or "", True), (child.tail or "", False)]
        chars = [(ch, marked) for part, marked in pieces
                 for ch in oxml.xml_safe(_join_soft_breaks(part))]
        while chars and chars[0][0].isspace():
            chars.pop(0)
        while chars and chars[-1][0].isspace():
            chars.pop()
        text = "".join(ch for ch, _ in chars)
        line_em = text_width_twips(self.landscape) / 20 / role.size
        at = 0
        for i, line in enumerate(break_title(text, int(line_em))):
            if i:
                p.runs[-1].add_break()
            while at < len(text) and text[at] != line[:1]:  # what a break left out (a space)
                at += 1
            flags = [m for _, m in chars[at:at + len(line)]]
            at += len(line)
            start = 0
            for k in range(1, len(line) + 1):
                if k == len(line) or flags[k] != flags[start]:
                    r = p.add_run(line[start:k])
                    oxml.set_fonts(r, role.font)
                    r.font.size = Pt(role.size)
                    if flags[start]:
                        oxml.set_highlight(r)
                    start = k

    def finish(self) -> None:
        if self.section_empty and not self.doc.paragraphs:
            self.doc.add_paragraph("")

    # blocks
    def blocks(self, parent) -> None:
        if parent.text and parent.text.strip():
            self.para("body", text=parent.text.strip())
        for el in parent:
            self.block(el)

    def block(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        name = dialect.directive(el)
        if name:
            getattr(self, f"d_{name.replace('-', '_')}", self.d_default)(el)
        elif tag in _HEADING_TAGS:
            self.para(_HEADING_TAGS[tag], el)
        elif tag == "p":
            if (el.text_content() or "").strip() or len(el):
                self.para("body", el)
        elif tag == "table":
            self.table(el)
        elif tag in ("ul", "ol"):
            for i, li in enumerate(el.findall("li"), 1):
                p = self.para("body", li)
                if tag == "ol" and p.runs:
                    p.runs[0].text = f"{i}." + p.runs[0].text
        elif tag in ("blockquote", "div", "section"):
            self.blocks(el)
        elif tag == "pre":
            for line in (el.text_content() or "").splitlines():
                self.para("body", text=line)
        # hr, comments and unknown tags add nothing

    def d_default(self, el) -> None:
        self.blocks(el)

    def d_pagebreak(self, el) -> None:
        if not self.section_empty:
            self.pending_break = True

    def d_landscape(self, el) -> None:
        if self.back_to_portrait:  # consecutive landscape blocks share one section
            self.back_to_portrait = False
            self.pending_break = True
        elif self.section_empty:
            _page(self.doc.sections[-1], landscape=True)
        elif not self.landscape:
            self._new_section(landscape=True)
        self.landscape = True
        self.blocks(el)
        self.back_to_portrait = True

    def _lines(self, el) -> list:
        return [c for c in el if c.tag == "p"]

    def d_redhead(self, el) -> None:
        """发文机关标志 (red, fitted to one line), 发文字号 over the red rule (with the 签发人 on
        its line for a 上行文: `签发人：…` as a further line), then two blank lines."""
        lines = self._lines(el)
        if not lines:
            return
        signer = next((x for x in lines[1:]
                       if (x.text_content() or "").strip().startswith("签发人")), None)
        lines = [x for x in lines if x is not signer]
        mast = lines[0]
        size, scale = G.masthead_fit((mast.text_content() or "").strip())
        p = self.para("masthead", mast)
        p.paragraph_format.space_before = Mm(
            G.MASTHEAD_TOP_UPWARD_MM if signer is not None else G.MASTHEAD_TOP_MM)
        # an exact line, so that the first page can be counted like the others
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(round(size * G.MASTHEAD_LINE_FACTOR, 1))
        for r in p.runs:
            r.font.size = Pt(size)
            if scale < 100:
                oxml.set_char_scale(r, scale)
        number = lines[1] if len(lines) > 1 else None
        rule_space = G.RED_RULE_GAP_MM / 25.4 * 72
        star = dialect.args(el).get("star") == "true"
        if number is not None or signer is not None:
            q = self.para("docnumber", number)
            if signer is not None:
                self._signer(q, signer)
            if not star:
                oxml.set_paragraph_border(q, "bottom", G.RED_RULE_PT, G.RED, rule_space)
        if star:
            self._star_rule()
        for extra in lines[2:]:
            self.para("center", extra)
        self.para("blank")
        self.para("blank")

    def _signer(self, p, signer) -> None:
        """A 上行文's 发文字号 line: the number one character from the left, `签发人：` (仿宋) and
        the names (楷体) one character from the right (GB/T 9704 7.2.4)."""
        from docx.enum.text import WD_TAB_ALIGNMENT

        role = G.ROLES["docnumber"]
        p.alignment = _ALIGN["left"]
        oxml.set_indent_chars(p, left=1, right=1, font_pt=role.size)
        width = text_width_twips(self.landscape) - 2 * int(role.size * 20)
        p.paragraph_format.tab_stops.add_tab_stop(Pt(width / 20), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run("\t")
        text = oxml.xml_safe((signer.text_content() or "").strip())
        label, _, names = text.partition("：")
        for part, font in ((label + "：", role.font), (names, G.FONT_KT)):
            if part:
                r = p.add_run(part)
                oxml.set_fonts(r, font)
                r.font.size = Pt(role.size)

    def _star_rule(self) -> None:
        """A red rule with a ★ in its middle: a borderless 2×3 table; the outer cells of the
        first row carry the rule on their bottom edge, 4 mm below the 发文字号, and the ★ sits
        in the middle column spanning both rows, centred on that edge."""
        self._before_block()
        width = text_width_twips(self.landscape)
        t = self.doc.add_table(rows=2, cols=3)
        oxml.set_table_borders(t, sides={})
        star_w = 480
        side = (width - star_w) // 2
        oxml.set_table_geometry(t, [side, star_w, width - side - star_w])
        star_cell = t.cell(0, 1).merge(t.cell(1, 1))
        for row in t.rows:
            row.height = Mm(G.RED_RULE_GAP_MM)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for c in (t.cell(0, 0), t.cell(0, 2)):
            oxml.set_cell_border(c, "bottom", G.RED_RULE_PT, G.RED)
        for row in t.rows:
            for c in row.cells:
                p = c.paragraphs[0]
                self._style(p, "center")
                pf = p.paragraph_format
                pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                pf.line_spacing = Pt(10)
        star_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = star_cell.paragraphs[0]
        p.paragraph_format.line_spacing = Pt(14)
        r = p.add_run("★")
        oxml.set_fonts(r, G.FONT_ST)
        r.font.size = Pt(14)
        r.font.color.rgb = RGBColor.from_string(G.RED)
        oxml.set_cell_margins(star_cell, 0)

    def d_recipients(self, el) -> None:
        for i, line in enumerate(self._lines(el)):
            p = self.para("recipients", line)
            if i:
                p.paragraph_format.space_before = Pt(0)

    def _keep_last_text_with_next(self) -> None:
        """The text's last paragraph goes with the 附件说明 or 落款 after it when the page
        would part them (GB/T 9704: the 落款 never alone on a page), whole when it has at most
        `KEEP_LAST_LINES` lines (a longer one stays: its page would be left half empty)."""
        body = [x for x in self.doc.element.body if x.tag != qn("w:sectPr")]
        if not body or body[-1].tag != qn("w:p"):
            return
        ppr = body[-1].find(qn("w:pPr"))
        sid = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if sid is None or sid.get(qn("w:val")) != self.doc.styles[style_name("body")].style_id:
            return
        last = Paragraph(body[-1], self.doc)
        roles = {self.doc.styles[style_name(r)].style_id: role for r, role in G.ROLES.items()}
        if layout._paragraph(body[-1], roles, G.TEXT_WIDTH_MM * layout.PT_PER_MM,
                             layout.WIDE_LATIN).lines <= KEEP_LAST_LINES:
            last.paragraph_format.keep_with_next = True
            last.paragraph_format.keep_together = True

    def d_signature(self, el) -> None:
        """署名 and 成文日期: unsealed (署名 two characters from the right, the date two further
        right), or with `sealed` (the date four characters from the right, 署名 centred on it,
        room above for the seal)."""
        self._keep_last_text_with_next()
        lines = self._lines(el)
        texts = [(x.text_content() or "").strip() for x in lines]
        sealed = dialect.args(el).get("sealed") == "true"
        if len(lines) >= 2:
            indents = G.sealed_indents if sealed else G.signature_indents
            sig_r, date_r = indents(texts[0], texts[1])
            p = self.para("signature", lines[0])
            oxml.set_indent_chars(p, right=sig_r)
            if sealed:
                p.paragraph_format.space_before = Pt(G.SEAL_LINES_BEFORE * G.LINE_PITCH_PT)
            q = self.para("date", lines[1])
            oxml.set_indent_chars(q, right=date_r)
            for extra in lines[2:]:
                self.para("date", extra)
        elif lines:
            p = self.para("signature", lines[0])
            oxml.set_indent_chars(p, right=4 if sealed else 2)

    def d_note(self, el) -> None:
        for line in self._lines(el):
            self.para("note", line)

    def d_attachments(self, el) -> None:
        """附件说明: `附件：1.名称` two characters in, the next items' numbers under the first's,
        wrapped names under the names (GB/T 9704 7.3.4)."""
        self._keep_last_text_with_next()
        lines = self._lines(el)
        texts = [(x.text_content() or "").strip() for x in lines]
        label = G.text_width(re.match(r"^(附件\s*[：:])?", texts[0]).group(0)) if texts else 0
        for i, (line, text) in enumerate(zip(lines, texts)):
            p = self.para("attachments", line)
            number = re.match(r"^(?:附件\s*[：:])?(\d{1,2}[.．、])?", text).group(1) or ""
            left = 2 + label + G.text_width(number)
            oxml.set_indent_chars(p, left=left, first_line=-(left - (2 if i == 0 else 2 + label)))
            if i:
                p.paragraph_format.space_before = Pt(0)

    def d_label(self, el) -> None:
        for line in self._lines(el):
            self.para("label", line)
        self.para("blank")

    def d_check(self, el) -> None:
        """A note for the person who sends the document out (what to check before it goes),
        highlighted as a whole; it is not part of the document and is deleted after checking."""
        for child in el:
            if child.tag == "p":
                self.para("body", child, fmt={"mark": True})

    def d_center(self, el) -> None:
        for line in self._lines(el):
            self.para("center", line)

    def d_colophon(self, el) -> None:
        """版记 (GB/T 9704 7.5): rules first and last thick, between thin; 抄送 rows (wrapped
        lines start after the colon), then 印发机关 and date; rows as high as their text. It
        goes at the foot of the last text page when that page is even and has room, otherwise
        at the foot of the next even page (an unnumbered blank page before it if need be)."""
        cc, printer, date = [], None, None
        for line in self._lines(el):
            t = (line.text_content() or "").strip()
            if t.startswith("抄送"):
                cc.append(line)
            elif t.endswith("印发"):
                date = line
            else:
                printer = line
        nrows = len(cc) + (1 if (printer is not None or date is not None) else 0)
        if not nrows:
            return
        self._before_block()
        if self.section_empty and not self.doc.paragraphs:
            self.para("blank")
        role = G.ROLES["colophon"]
        width = text_width_twips(False)
        width_pt = width / 20
        ch = role.size
        date_text = (date.text_content() or "").strip() if date is not None else ""
        # (one character more than the date needs: a reader without 仿宋_GB2312 sets its digits
        # wider than half an em, and 2027年4月28日印发 must not wrap)
        date_w = min(G.text_width(date_text) * ch + 3 * ch + 4, width_pt / 2)
        split = [int(width - date_w * 20), int(date_w * 20)]
        heights = []
        for line in cc:
            label = _cc_label(line)
            heights.append(layout.count_lines(
                (line.text_content() or "").strip(), width_pt - (1 + label + 1) * ch,
                -label * ch, ch))
        if nrows > len(cc):
            printer_text = (printer.text_content() or "").strip() if printer is not None else ""
            heights.append(max(1, layout.count_lines(printer_text, split[0] / 20 - 2 * ch, 0, ch)))
        table_pt = sum(heights) * G.COLOPHON_LINE_PT + 2 * G.COLOPHON_THICK_PT
        place = self._colophon_place(table_pt)
        if place.blank_page:
            self._style(self.doc.add_paragraph(), "blank")  # what the blank page holds
        spacer = self.doc.add_paragraph()
        self._style(spacer, "blank")
        spacer.paragraph_format.page_break_before = place.blank_page
        t = self.doc.add_table(rows=nrows, cols=2)
        oxml.set_table_borders(t, sides={"top": G.COLOPHON_THICK_PT,
                                         "bottom": G.COLOPHON_THICK_PT,
                                         "insideH": G.COLOPHON_THIN_PT})
        oxml.set_table_geometry(t, split)
        oxml.set_table_cell_margins(t, 0)

        def cell_para(cell, src, **indent):
            p = cell.paragraphs[0]
            self._style(p, "colophon")
            pf = p.paragraph_format
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(G.COLOPHON_LINE_PT)
            oxml.set_indent_chars(p, font_pt=ch, **indent)
            if src is not None:
                _add_runs(p, src, role)
            return p

        for i, line in enumerate(cc):
            a, b = t.rows[i].cells
            label = _cc_label(line)
            cell_para(a.merge(b), line, left=1 + label, right=1, first_line=-label)
        if nrows > len(cc):
            a, b = t.rows[-1].cells
            cell_para(a, printer, left=1).alignment = _ALIGN["left"]
            cell_para(b, date, right=1).alignment = _ALIGN["right"]
        for row, lines in zip(t.rows, heights):
            row.height = Pt(lines * G.COLOPHON_LINE_PT)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            oxml.set_cant_split(row)
            for c in row.cells:
                c.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        # pushed to the foot of the text block by one spacer paragraph of known height
        # (readers differ on a page's vertical alignment); a little room is left for the
        # 1 pt paragraph that must follow a table
        spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        spacer.paragraph_format.line_spacing = Pt(max(place.room - table_pt - 3, 1))
        end = self.doc.add_paragraph()
        self._style(end, "blank")
        end.paragraph_format.line_spacing = Pt(1)

    def _colophon_place(self, height: float) -> _Place:
        """Where the 版记 goes: on the last text page when the text can be counted, that page is
        even and holds the 版记 and a blank line more; otherwise on a page of its own, the next
        even page (an unnumbered section; a blank page first when the text ends on an even
        page). The text is counted twice, with half-width letters half an em and a little
        wider: where the two counts disagree about the page, the reader is asked to start the
        section on an even page; about the line, the 版记 keeps to the shorter room."""
        body = [x for x in self.doc.element.body if x.tag != qn("w:sectPr")]
        roles = {self.doc.styles[style_name(r)].style_id: role for r, role in G.ROLES.items()}
        end = layout.flow(body, roles)
        wide = layout.flow(body, roles, latin=layout.WIDE_LATIN)
        if end is None or wide is None or end.page != wide.page:
            self._colophon_section(even=True)
            return _Place(room=layout.PAGE_PT, blank_page=False)
        room = min(end.free, wide.free)
        if end.page % 2 == 0 and room >= height + G.LINE_PITCH_PT * G.COLOPHON_GAP_LINES:
            return _Place(room=room, blank_page=False)
        self._colophon_section(even=False)
        return _Place(room=layout.PAGE_PT, blank_page=end.page % 2 == 0)

    def _colophon_section(self, even: bool) -> None:
        """A section of its own for the 版记, without page numbers (nor on a blank page before
        it); `even`: started on an even page by the reader (Word inserts a blank page, and
        keeps the text's number on it; LibreOffice 7.4 inserts none)."""
        sec = self.doc.add_section(WD_SECTION.EVEN_PAGE if even else WD_SECTION.NEW_PAGE)
        _page(sec, landscape=False)
        self._shrink_section_carrier()
        for footer in (sec.footer, sec.even_page_footer):
            footer.is_linked_to_previous = False
            for p in footer.paragraphs:
                for r in list(p.runs):
                    r._element.getparent().remove(r._element)
        self.pending_break = False
        self.landscape = False

    def d_table(self, el) -> None:
        opts = dialect.args(el)
        for child in el:
            if child.tag == "table":
                self.table(child, opts)
            else:
                self.block(child)

    # tables
    def table(self, el, opts: dict | None = None) -> None:
        opts = opts or {}
        rows = []
        for tr in el.iter("tr"):
            head = tr.getparent().tag == "thead" or all(c.tag == "th" for c in tr)
            cells = [c for c in tr if c.tag in ("td", "th")]
            rows.append((head, cells))
        if not rows:
            return
        ncols = max(sum(int(c.get("colspan", "1")) for c in cells) for _, cells in rows)
        if ncols == 0:
            return
        self._before_block()
        if self.pending_break:
            self.para("blank").paragraph_format.page_break_before = True
            self.pending_break = False
        try:
            size = float(opts.get("size", "")) if opts.get("size") else None
        except ValueError:
            size = None
        nowrap = _columns(opts.get("nowrap"), ncols)
        widths = _column_widths(rows, ncols, opts.get("widths"), text_width_twips(self.landscape),
                                size or G.ROLES["cell"].size, nowrap)
        t = self.doc.add_table(rows=0, cols=ncols)
        oxml.set_table_borders(t, G.TABLE_RULE_PT)
        oxml.set_table_center(t)
        oxml.set_table_cell_margins(t, int(G.CELL_MARGIN_MM / 25.4 * 1440),
                                    int(G.CELL_MARGIN_TB_MM / 25.4 * 1440))
        for head, cells in rows:
            row = t.add_row()
            oxml.set_cant_split(row)  # a row is never split across two pages
            if head:
                oxml.set_repeat_header(row)
            spans, col = [], 0
            for c in cells:
                span = min(int(c.get("colspan", "1")), ncols - col)
                if span <= 0:
                    break
                spans.append((c, span))
                col += span
            # after merging cell i, the next source cell is cell i + 1
            for i, (_, span) in enumerate(spans):
                oxml.merge_right(row, i, span)
            col = 0
            for (c, span), tc in zip(spans, row._tr.tc_lst):
                self._cell(_Cell(tc, t), c, head, size, sum(widths[col:col + span]))
                col += span
        oxml.set_table_geometry(t, widths)
        # The last rows keep with each other: keep-with-next on every paragraph of a row holds
        # it to the next row in Word and WPS; LibreOffice ignores it inside a table, so the rows
        # are also counted and the table cut where its last rows would stand alone.
        body_rows = [r for (head, _), r in zip(rows, t.rows) if not head]
        keep = _tail_kept(len(body_rows))
        if keep:
            for row in body_rows[-keep:-1]:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.paragraph_format.keep_with_next = True
        # A group row (一、总体要求) keeps with the row after it: keep-with-next for Word and
        # WPS, and for LibreOffice the table is cut before a group row that would end a page.
        groups = [tr for (head, cells), tr in zip(rows, t._tbl.findall(qn("w:tr")))
                  if not head and any("group" in (c.get("class") or "").split()
                                      for c in cells)]
        for tr in groups:
            for p in tr.iter(qn("w:p")):
                Paragraph(p, None).paragraph_format.keep_with_next = True
        tbl = self._keep_groups(t._tbl, groups)
        self._keep_tail(tbl)
        # A paragraph must follow a table (else two tables fuse); 1 pt high, so that a table
        # ending at the foot of a page does not push it onto an empty page of its own.
        self.para("blank").paragraph_format.line_spacing = Pt(1)

    def _placement(self, tbl):
        """Where the rows of a table fall: (the table's rows with their heights, the page of
        each body row, where the table ends), counted from where it starts on its page (or
        from the end of the previous table counted); None when it cannot be counted."""
        body = list(self.doc.element.body)
        start = body.index(tbl)
        first = start
        while first > 0 and body[first - 1].find(qn("w:pPr") + "/" + qn("w:sectPr")) is None:
            first -= 1
        # count on from the previous table of this section (not from its start every time)
        mark = self._table_end if self._table_end and first <= self._table_end[0] < start \
            else None
        roles = {self.doc.styles[style_name(r)].style_id: role for r, role in G.ROLES.items()}
        width = text_width_twips(self.landscape) / 20
        page_pt = text_height_pt(self.landscape)
        end = layout.flow(body[mark[0] + 1 if mark else first:start], roles, width,
                          layout.WIDE_LATIN, page_pt, estimate_tables=True,
                          landscape=self.landscape, start=mark[1] if mark else None)
        table = layout._table(tbl, roles, layout.WIDE_LATIN, estimate=True)
        if end is None or table is None:
            return None
        used = 0.0 if end.used >= page_pt - 1 else end.used
        last_page, last_used, pages = layout.place_rows(end.page, used, table.rows, page_pt)
        return table, pages, (start, layout.End(last_page, last_used))

    def _cut(self, tbl, trs: list):
        """Move `trs` (the last body rows of `tbl`) into a table of their own on the next page,
        under the header rows again; returns the new table."""
        from copy import deepcopy

        heads = [tr for tr in tbl.findall(qn("w:tr"))
                 if tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None]
        tail = deepcopy(tbl)
        for tr in tail.findall(qn("w:tr")):
            tail.remove(tr)
        for tr in heads:
            tail.append(deepcopy(tr))
        for tr in trs:
            tbl.remove(tr)
            tail.append(tr)
        gap = self.para("blank")
        gap.paragraph_format.line_spacing = Pt(1)
        gap.paragraph_format.page_break_before = True
        gap._p.addnext(tail)
        self._table_end = None  # the cut moved rows: count afresh next time
        return tail

    def _keep_groups(self, tbl, groups: list):
        """No page ends with a group row: when the rows as counted put one last on its page,
        the table is cut before it (it starts the next page, under the header). Returns the
        last piece of the table."""
        for _ in range(50):
            if not groups:
                return tbl
            placed = self._placement(tbl)
            if placed is None:
                return tbl
            _, pages, _ = placed
            body = [tr for tr in tbl.findall(qn("w:tr"))
                    if tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is None]
            orphan = next((i for i, tr in enumerate(body[:-1])
                           if tr in groups and pages[i] != pages[i + 1] and i > 0), None)
            if orphan is None:
                return tbl
            tbl = self._cut(tbl, body[orphan:])
        return tbl

    def _keep_tail(self, tbl) -> None:
        """No page holds the last row or two of a table alone: the rows are counted (cell text
        in its column's width, lines of a known height) from where the table starts on its
        page, and when the last page would hold fewer than `TABLE_KEEP_LAST` rows, the table is
        cut before its last `TABLE_KEEP_LAST` rows, which go on on the next page under the
        header row again. The count is close, not exact (a row's lines depend on the reader's
        fonts): in LibreOffice a page may still end a long table with a row or two."""
        placed = self._placement(tbl)
        if placed is None:
            self._table_end = None
            return
        table, pages, self._table_end = placed
        keep = _tail_kept(len(pages))
        if not keep or pages[0] == pages[-1] or pages.count(pages[-1]) >= keep:
            return
        trs = tbl.findall(qn("w:tr"))
        rest = [tr for tr, (_, head) in zip(trs, table.rows) if not head][-keep:]
        self._cut(tbl, rest)

    def _cell(self, cell, el, head: bool, size: float | None, width: int | None = None) -> None:
        classes = (el.get("class") or "").split()
        if width and not head and len(el) == 0 and _MARK in (el.text or ""):
            # 党委办公室（建议） in a narrow column: the name whole, the mark on the next line
            cap = (width - _cell_margin()) / 20 / (size or G.ROLES["cell"].size)
            first, *rest = _marked_lines(el.text, cap)
            el.text = first
            for line in rest:
                el.append(el.makeelement("br", {}))
                el[-1].tail = line
        group = "group" in classes
        role_name = "cellhead" if head or group else "cell"
        role = G.ROLES[role_name]
        p = cell.paragraphs[0]
        self._style(p, role_name)
        align = (el.get("style") or "").replace(" ", "")
        m = re.search(r"text-align:(left|center|right)", align)
        if group:
            p.alignment = _ALIGN["left"]
        elif m:
            p.alignment = _ALIGN[m.group(1)]
        _add_runs(p, el, role, size=size)
        # an exact line, so that a row's height can be counted
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(round((size or role.size) * G.CELL_LINE_FACTOR, 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if group:
            oxml.set_cell_shading(cell, G.GROUP_FILL)
        elif "fill" in classes:
            oxml.set_cell_shading(cell, G.SPAN_FILL)


# the mark of a department the tool only suggests, which a narrow cell must not split
_MARK = "（建议）"
MARKED_NAME_EM = 5.0  # a marked department's name kept whole up to this many characters


def _cell_margin() -> float:
    """A cell's left and right margins with a little to spare, in twips."""
    return 2 * G.CELL_MARGIN_MM / 25.4 * 1440 + 40


def _marked_lines(text: str, cap: float) -> list[str]:
    """Departments marked （建议） laid out for a column `cap` ems wide: unchanged when they
    fit on one line; else one department a line, and its mark on a line of its own when the
    two do not fit together (党委办公室 / （建议）), so that no name or mark is cut."""
    if G.text_width(text) <= cap:
        return [text]
    items = [i.strip() for i in text.split("、") if i.strip()]
    lines = []
    for k, item in enumerate(items):
        sep = "、" if k < len(items) - 1 else ""
        if item.endswith(_MARK) and G.text_width(item + sep) > cap:
            lines += [item[:-len(_MARK)], _MARK + sep]
        else:
            lines.append(item + sep)
    return lines


def _short_need(text: str) -> str:
    """What of a cell must stay on one line: the longest department name before a
    （建议） mark (党委办公室), else the cell."""
    if _MARK not in text:
        return text
    return max((i.strip().removesuffix(_MARK) for i in text.split("、")), key=G.text_width)


def _columns(spec: str | None, ncols: int) -> set[int]:
    """Columns named 1-based as `4`, `2,5` or `4-16` (a range past the last column stops
    there), 0-based."""
    out: set[int] = set()
    for part in (spec or "").split(","):
        a, _, b = part.strip().partition("-")
        if a.isdigit() and (not b or b.isdigit()):
            out.update(range(int(a) - 1, min(int(b or a), ncols)))
    return out


def _column_widths(rows, ncols: int, spec: str | None, total: int, size: float = 12.0,
                   nowrap: set[int] | None = None) -> list[int]:
    """Column widths in twips: from `widths=a,b,c` weights, else from the text each column
    holds (capped, so one long column cannot squeeze the others to nothing). The `nowrap`
    columns (a time limit `2021年3月底前`) are made wide enough for their short cells to fit
    on one line, every column for one character; the room is taken from the widest columns."""
    weights: list[float] = []
    if spec:
        try:
            weights = [float(x) for x in spec.split(",") if x.strip()]
        except ValueError:
            weights = []
    longest = [0.0] * ncols
    short = [0.0] * ncols  # the longest cell of a column that should fit on one line
    body: list[list[float]] = []  # each body row's cell widths (em), by column
    for head, cells in rows:
        col = 0
        if not head:
            body.append([0.0] * ncols)
        for c in cells:
            span = int(c.get("colspan", "1"))
            if span == 1 and col < ncols:
                text = (c.text_content() or "").strip()
                w = G.text_width(text)
                longest[col] = max(longest[col], w)
                if not head:
                    body[-1][col] = w
                # a header (序号, 完成时限) and a nowrap column's short cells stay on one line
                if not head and _MARK in text:
                    # (党委办公室（建议）: the name stays whole, the mark may go below it)
                    # (a name of up to MARKED_NAME_EM: 党委组织部, the usual length; a longer
                    # one may wrap rather than widen the column for every row)
                    name = _short_need(text)[:int(MARKED_NAME_EM)]
                    short[col] = max(short[col], sum(layout.char_advance(
                        ch, 1.0, 0.0, layout.WIDE_LATIN) for ch in name))
                elif (head or col in (nowrap or ())) and w <= G.SHORT_CELL_EM:
                    # digits and letters get half an em to spare: a reader's font may set
                    # `1次` a little wider than ours
                    spare = 0.5 if any(ch.isascii() and ch.isalnum() for ch in text) else 0.0
                    short[col] = max(short[col], spare + sum(layout.char_advance(
                        ch, 1.0, 0.0, layout.WIDE_LATIN) for ch in text))
            col += span
    if len(weights) != ncols:
        weights = [max(min(w, 24.0), 2.0) + 1 for w in longest]
    s = sum(weights) or 1
    out = [int(total * w / s) for w in weights]
    margin = 2 * G.CELL_MARGIN_MM / 25.4 * 1440 + 40
    need = [min(int(max(w, 1.0) * size * 20 + margin), total // 4) for w in short]
    if spec == "auto" and body:
        return _fitted_widths(body, need, total, size, margin)
    for i in sorted(range(ncols), key=lambda k: need[k] - out[k], reverse=True):
        lack = need[i] - out[i]
        if lack <= 0:
            continue
        for j in sorted(range(ncols), key=lambda k: out[k] - need[k], reverse=True):
            spare = out[j] - max(need[j], int(out[j] * 0.6)) if j != i else 0
            give = min(spare, lack)
            if give > 0:
                out[j] -= give
                out[i] += give
                lack -= give
            if lack <= 0:
                break
    out[-1] += total - sum(out)
    return out


def _fitted_widths(body: list[list[float]], need: list[int], total: int, size: float,
                   margin: float) -> list[int]:
    """Column widths (twips) that make the table as short as they can (`widths=auto`): each
    column starts at what its header and one-line cells need, and the rest of the width goes,
    one em at a time, where it shortens the rows most (a row is as tall as its tallest cell,
    measured smoothly so that two tall cells of a row both gain), so a narrow 重点任务 column
    does not make every row four lines high."""
    ncols = len(need)
    em = size * 20
    out = [max(n, int(em + margin)) for n in need]
    if sum(out) >= total:
        out[-1] += total - sum(out)
        return out

    def height(widths: list[int]) -> float:
        caps = [max((w - margin) / em, 1.0) for w in widths]
        return sum(sum((r[c] / caps[c]) ** 4 for c in range(ncols)) ** 0.25 for r in body)

    step = int(em)
    while total - sum(out) >= step:
        base = height(out)
        gains = []
        for c in range(ncols):
            out[c] += step
            gains.append(base - height(out))
            out[c] -= step
        best = max(range(ncols), key=lambda c: gains[c])
        if gains[best] <= 1e-6:
            break
        out[best] += step
    out[-1] += total - sum(out)
    return _shift_widths(body, out, need, em, margin)


def _shift_widths(body: list[list[float]], out: list[int], need: list[int], em: float,
                  margin: float) -> list[int]:
    """The widths improved by moving an em or two from one column to another while that saves
    whole lines (rows counted as a reader sees them: the tallest cell's lines)."""
    import math

    ncols = len(out)

    def col_lines(c: int, width: int) -> list[int]:
        cap = max((width - margin) / em, 1.0)
        return [math.ceil(r[c] / cap - 1e-6) if r[c] else 1 for r in body]

    lines = [col_lines(c, out[c]) for c in range(ncols)]
    total = sum(max(col[i] for col in lines) for i in range(len(body)))
    for _ in range(80):
        best = None
        for k in (2, 1):
            step = int(k * em)
            for a in range(ncols):
                if out[a] - step < need[a]:
                    continue
                la = col_lines(a, out[a] - step)
                for b in range(ncols):
                    if b == a:
                        continue
                    lb = col_lines(b, out[b] + step)
                    t = sum(max(max(lines[c][i] for c in range(ncols) if c not in (a, b)),
                                la[i], lb[i]) for i in range(len(body)))
                    if t < total and (best is None or t < best[0]):
                        best = (t, a, b, step, la, lb)
            if best:
                break
        if best is None:
            break
        total, a, b, step, la, lb = best
        out[a] -= step
        out[b] += step
        lines[a], lines[b] = la, lb
    return out
