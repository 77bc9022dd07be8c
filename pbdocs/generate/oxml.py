"""The few raw-XML needs of the renderer behind plain functions (python-docx has no API for them).

East Asian fonts, theme-font removal, paragraph and table borders, the PAGE field, repeated
header rows, cell shading, fixed table layout, the document grid, character scaling, floating
tables. Callers pass python-docx objects and plain numbers; they never touch lxml.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# XML 1.0 forbids C0 controls except tab/LF/CR, lone surrogates and U+FFFE/U+FFFF.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def xml_safe(text: str) -> str:
    """Text with every character XML cannot hold removed (a vertical tab or form feed from a
    PDF extraction must not crash the writer)."""
    return _XML_BAD.sub("", text or "")


# Child order the schema requires (Word refuses files whose property elements are out of order).
_ORDER = {
    "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
             "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
             "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
             "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "w:rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
             "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
             "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
             "specVanish oMath",
    "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
              "tcFitText vAlign hideMark",
    "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
               "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "w:trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
              "tblCellSpacing jc hidden",
    "w:sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
                "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
                "textDirection bidi rtlGutter docGrid printerSettings",
    "w:pBdr": "top left bottom right between bar",
    "w:tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "w:tcMar": "top start left bottom end right",
    "w:tblCellMar": "top start left bottom end right",
}
_RANK = {qn(k): {qn("w:" + t): i for i, t in enumerate(v.split())} for k, v in _ORDER.items()}


def _child(parent, tag: str, first: bool = False):
    """The child `tag` of parent, created if absent at the place the schema orders it."""
    el = parent.find(qn(tag))
    if el is not None:
        return el
    el = OxmlElement(tag)
    rank = _RANK.get(parent.tag)
    if rank is not None and qn(tag) in rank:
        mine = rank[qn(tag)]
        for i, sib in enumerate(parent):
            if rank.get(sib.tag, -1) > mine:
                parent.insert(i, el)
                return el
        parent.append(el)
    elif first:
        parent.insert(0, el)
    else:
        parent.append(el)
    return el


def _rpr(owner):
    """The w:rPr of a run or a style (created if absent)."""
    el = owner._element if hasattr(owner, "_element") else owner
    return el.get_or_add_rPr()


def set_fonts(owner, name: str, latin: str | None = None) -> None:
    """Set the East Asian font (and Latin/complex-script fonts) of a run or style, removing the
    theme-font attributes that would otherwise make Word show the theme font."""
    rpr = _rpr(owner)
    rfonts = _child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        if rfonts.get(qn(attr)) is not None:
            del rfonts.attrib[qn(attr)]
    latin = latin or name
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), name)
    rfonts.set(qn("w:hint"), "eastAsia")


def east_asia_font(owner) -> str | None:
    """The `w:eastAsia` font written on a run or style, or None."""
    el = owner._element if hasattr(owner, "_element") else owner
    rpr = el.find(qn("w:rPr"))
    if rpr is None:
        return None
    rfonts = rpr.find(qn("w:rFonts"))
    return None if rfonts is None else rfonts.get(qn("w:eastAsia"))


def strip_theme(styles_element) -> None:
    """Remove theme fonts and theme colours from every style and the document defaults."""
    for rfonts in styles_element.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            if rfonts.get(qn(attr)) is not None:
                del rfonts.attrib[qn(attr)]
    for color in styles_element.iter(qn("w:color")):
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            if color.get(qn(attr)) is not None:
                del color.attrib[qn(attr)]


def reset_style(style) -> None:
    """Drop a style's run and paragraph properties except its outline level (a clean slate)."""
    el = style._element
    for tag in ("w:rPr",):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    ppr = el.find(qn("w:pPr"))
    if ppr is not None:
        for child in list(ppr):
            if child.tag != qn("w:outlineLvl"):
                ppr.remove(child)


def set_lang(owner, east_asia: str = "zh-CN") -> None:
    """Mark a run or style as Chinese so Word picks East Asian line breaking."""
    lang = _child(_rpr(owner), "w:lang")
    lang.set(qn("w:eastAsia"), east_asia)


def set_char_scale(run, percent: int) -> None:
    """Horizontal character scaling (字符缩放) of a run, e.g. 80 for a condensed masthead."""
    w = _child(_rpr(run), "w:w")
    w.set(qn("w:val"), str(int(percent)))


def set_char_spacing(owner, twentieths: int) -> None:
    """Expand (positive) or condense (negative) the spacing after every character of a run or
    style, in twentieths of a point."""
    sp = _child(_rpr(owner), "w:spacing")
    sp.set(qn("w:val"), str(int(twentieths)))


def set_position(run, half_points: int) -> None:
    """Raise (positive) or lower (negative) a run from the baseline, in half-points."""
    pos = _child(_rpr(run), "w:position")
    pos.set(qn("w:val"), str(int(half_points)))


def set_highlight(run, color: str = "yellow") -> None:
    """Highlight a run (used for placeholders a person must fill in)."""
    hl = _child(_rpr(run), "w:highlight")
    hl.set(qn("w:val"), color)


def set_indent_chars(paragraph_or_style, first_line: float = 0, left: float = 0,
                     right: float = 0, font_pt: float = 16) -> None:
    """Indents counted in characters (Word's *Chars attributes) with twips as a fallback for
    readers that ignore them; a negative `first_line` is a hanging indent."""
    el = paragraph_or_style._element
    ppr = el.get_or_add_pPr()
    ind = _child(ppr, "w:ind")
    for k in list(ind.attrib):
        del ind.attrib[k]
    twip = font_pt * 20
    # Zeros are written too: an attribute left out would be inherited from the base style.
    ind.set(qn("w:left"), str(round(left * twip)))
    ind.set(qn("w:leftChars"), str(round(left * 100)))
    ind.set(qn("w:right"), str(round(right * twip)))
    ind.set(qn("w:rightChars"), str(round(right * 100)))
    if first_line < 0:  # a hanging indent: wrapped lines start further in than the first
        ind.set(qn("w:hanging"), str(round(-first_line * twip)))
        ind.set(qn("w:hangingChars"), str(round(-first_line * 100)))
    else:
        ind.set(qn("w:firstLine"), str(round(first_line * twip)))
        ind.set(qn("w:firstLineChars"), str(round(first_line * 100)))


def set_paragraph_border(paragraph, side: str = "bottom", size_pt: float = 2.25,
                         color: str = "000000", space_pt: float = 0) -> None:
    """A single border line on one side of a paragraph (the red rule under the 发文字号)."""
    ppr = paragraph._element.get_or_add_pPr()
    pbdr = _child(ppr, "w:pBdr")
    b = _child(pbdr, f"w:{side}")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), str(round(size_pt * 8)))  # eighths of a point
    b.set(qn("w:space"), str(round(min(space_pt, 31))))
    b.set(qn("w:color"), color)


def add_page_field(paragraph, make_run) -> None:
    """Append a PAGE field to paragraph; make_run(text) must add and return a formatted run."""
    begin = make_run("")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    begin._element.append(fld)
    instr_run = make_run("")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instr_run._element.append(instr)
    sep = make_run("")
    fs = OxmlElement("w:fldChar")
    fs.set(qn("w:fldCharType"), "separate")
    sep._element.append(fs)
    make_run("1")  # cached result shown until the reader updates fields
    end = make_run("")
    fe = OxmlElement("w:fldChar")
    fe.set(qn("w:fldCharType"), "end")
    end._element.append(fe)


def set_repeat_header(row) -> None:
    """Repeat this table row at the top of every page the table runs onto."""
    trpr = row._tr.get_or_add_trPr()
    h = _child(trpr, "w:tblHeader")
    h.set(qn("w:val"), "true")


def set_cant_split(row) -> None:
    """Keep a table row whole: it moves to the next page rather than break across two."""
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:cantSplit").set(qn("w:val"), "true")


def is_cant_split(row) -> bool:
    """Whether a row is kept whole on one page."""
    trpr = row._tr.trPr
    el = trpr.find(qn("w:cantSplit")) if trpr is not None else None
    return el is not None and el.get(qn("w:val")) not in ("0", "false")


def is_repeat_header(row) -> bool:
    """Whether a row is marked to repeat on every page."""
    trpr = row._tr.trPr
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def set_cell_shading(cell, fill: str) -> None:
    """Fill a table cell with a solid colour (hex RGB)."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = _child(tcpr, "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def cell_shading(cell) -> str | None:
    """The fill colour of a cell, or None."""
    tcpr = cell._tc.tcPr
    if tcpr is None:
        return None
    shd = tcpr.find(qn("w:shd"))
    return None if shd is None else shd.get(qn("w:fill"))


def set_table_borders(table, size_pt: float = 0.5, color: str = "000000",
                      sides: dict[str, float] | None = None) -> None:
    """Borders of a table: every side and inner line `size_pt`, or only the given sides
    (size 0 = none)."""
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = _child(tblpr, "w:tblBorders")
    all_sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    for side in all_sides:
        sz = size_pt if sides is None else sides.get(side, 0)
        b = OxmlElement(f"w:{side}")
        if sz:
            b.set(qn("w:val"), "single")
            b.set(qn("w:sz"), str(round(sz * 8)))
            b.set(qn("w:space"), "0")
            b.set(qn("w:color"), color)
        else:
            b.set(qn("w:val"), "nil")
        borders.append(b)


def set_cell_border(cell, side: str, size_pt: float, color: str = "000000") -> None:
    """One border of one cell (0 = none)."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _child(tcpr, "w:tcBorders")
    b = _child(borders, f"w:{side}")
    if size_pt:
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), str(round(size_pt * 8)))
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), color)
    else:
        b.set(qn("w:val"), "nil")


def set_cell_margins(cell, twips: int) -> None:
    """All inner margins of one cell (0 lets a glyph use the whole cell)."""
    tcpr = cell._tc.get_or_add_tcPr()
    mar = _child(tcpr, "w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        m = _child(mar, f"w:{side}")
        m.set(qn("w:w"), str(int(twips)))
        m.set(qn("w:type"), "dxa")


def set_table_geometry(table, widths_twips: list[int]) -> None:
    """Fixed layout with these column widths, so long text wraps instead of widening the table."""
    tblpr = table._tbl.tblPr
    layout = _child(tblpr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblw = _child(tblpr, "w:tblW")
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(sum(widths_twips)))
    grid = table._tbl.tblGrid
    cols = grid.findall(qn("w:gridCol"))
    for col, w in zip(cols, widths_twips):
        col.set(qn("w:w"), str(int(w)))
    for tr in table._tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tcpr = tc.get_or_add_tcPr()
            tcw = _child(tcpr, "w:tcW", first=True)
            tcw.set(qn("w:type"), "dxa")
            tcw.set(qn("w:w"), str(int(sum(widths_twips[col:col + span]))))
            col += span


def merge_right(row, col: int, span: int) -> None:
    """Merge `span` cells of a row from grid column `col` into one (gridSpan), quickly: the
    cells swallowed must still be empty."""
    if span <= 1:
        return
    tcs = row._tr.tc_lst
    first = tcs[col]
    for tc in tcs[col + 1:col + span]:
        row._tr.remove(tc)
    first.get_or_add_tcPr()
    first.grid_span = span


def set_table_cell_margins(table, left_right: int, top_bottom: int = 0) -> None:
    """Default inner margins of every cell of a table, in twips."""
    mar = _child(table._tbl.tblPr, "w:tblCellMar")
    for side, w in (("top", top_bottom), ("left", left_right), ("bottom", top_bottom),
                    ("right", left_right)):
        m = _child(mar, f"w:{side}")
        m.set(qn("w:w"), str(int(w)))
        m.set(qn("w:type"), "dxa")


def set_table_center(table) -> None:
    """Centre a table between the margins."""
    jc = _child(table._tbl.tblPr, "w:jc")
    jc.set(qn("w:val"), "center")


def set_doc_grid(section, line_pitch_twips: int, grid_type: str | None = None,
                 char_space: int | None = None) -> None:
    """The document grid (文档网格): its line pitch, and `lines`/`linesAndChars` snapping
    (None = no snapping, the pitch only recorded)."""
    sectpr = section._sectPr
    grid = _child(sectpr, "w:docGrid")
    for k in list(grid.attrib):
        del grid.attrib[k]
    if grid_type:
        grid.set(qn("w:type"), grid_type)
    grid.set(qn("w:linePitch"), str(int(line_pitch_twips)))
    if char_space is not None:
        grid.set(qn("w:charSpace"), str(int(char_space)))


def doc_grid(section) -> dict[str, str]:
    """The docGrid attributes of a section (local names), empty if none."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        return {}
    return {k.split("}")[-1]: v for k, v in grid.attrib.items()}


def paragraph_border(paragraph, side: str = "bottom") -> dict[str, str]:
    """The attributes of one border of a paragraph (local names), empty if none."""
    ppr = paragraph._element.pPr
    if ppr is None:
        return {}
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        return {}
    b = pbdr.find(qn(f"w:{side}"))
    return {} if b is None else {k.split("}")[-1]: v for k, v in b.attrib.items()}


def has_page_field(part_element) -> bool:
    """Whether a header/footer (or any element) holds a PAGE field."""
    for instr in part_element.iter(qn("w:instrText")):
        if (instr.text or "").strip().upper().startswith("PAGE"):
            return True
    for fld in part_element.iter(qn("w:fldSimple")):
        if fld.get(qn("w:instr"), "").strip().upper().startswith("PAGE"):
            return True
    return False


def set_autospace_off(paragraph_or_style) -> None:
    """Turn off the extra space Word puts between CJK and Latin text (keeps 28 chars a line)."""
    ppr = paragraph_or_style._element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = _child(ppr, tag)
        el.set(qn("w:val"), "0")
