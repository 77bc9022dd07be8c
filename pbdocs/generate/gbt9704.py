"""GB/T 9704-2012 in numbers: page, fonts, sizes, colours and the role of every paragraph.

The one place where the official format lives (see shared/design/GBT9704.md). The .docx
renderer and the HTML stylesheet both read these values; lines marked *practice* follow the
Word/WPS templates in use where the standard is silent.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- page -----------------------------------------------------------------------------------
PAGE_MM = (210.0, 297.0)  # A4 portrait width, height
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}  # 天头 37, 订口 28
# Landscape pages (wide tables) are the portrait sheet turned: the 订口 (left) becomes the top,
# so the table head sits at the binding edge as the standard asks for 横排表格.
LANDSCAPE_MARGINS_MM = {"top": 28.0, "bottom": 26.0, "left": 35.0, "right": 37.0}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156
TEXT_HEIGHT_MM = PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]  # 225
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH_PT = 28.95  # *practice*: exact line spacing giving 22 lines in 225 mm
# Page number: 7 mm below the text block; a 4号 line is about 5 mm high.
FOOTER_DISTANCE_MM = MARGINS_MM["bottom"] - 7.0 - 5.0
LANDSCAPE_FOOTER_DISTANCE_MM = 12.0
# 28 characters of 3号 (16 pt) need 448 pt but the text block is 442 pt wide: each character
# is condensed by this much (twentieths of a point) so that exactly 28 fit, as the grid would.
BODY_CHAR_SPACING = int((TEXT_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE - 16) * 20) - 1
# Character pitch of the docGrid so that 28 characters fill 156 mm (Word: 1/4096 pt units).
DOC_GRID_CHAR_SPACE = round((TEXT_WIDTH_MM / 25.4 * 72 / CHARS_PER_LINE - 16) * 4096)
# The grid is recorded but not snapped to: with snapping, LibreOffice gives every line of a
# font larger than the pitch (title, masthead) two grid lines; exact spacing already gives 22.
DOC_GRID_TYPE: str | None = None

# --- colours and sizes (号 → pt) ----------------------------------------------------------------
RED = "FF0000"
BLACK = "000000"
GROUP_FILL = "F2F2F2"  # group rows of a table
SPAN_FILL = "BFBFBF"  # shaded spans of the timetable
SIZE = {"初号": 42.0, "小初": 36.0, "一号": 26.0, "二号": 22.0, "三号": 16.0, "四号": 14.0,
        "小四": 12.0, "五号": 10.5, "小五": 9.0}

# --- fonts (names written into w:eastAsia exactly as here) -----------------------------------
FONT_XBS = "方正小标宋简体"
FONT_FS = "仿宋_GB2312"
FONT_KT = "楷体_GB2312"
FONT_HT = "黑体"
FONT_ST = "宋体"

RED_RULE_PT = 2.25  # *practice*: 1.5–3 pt
RED_RULE_GAP_MM = 4.0  # rule 4 mm below the 发文字号
MASTHEAD_TOP_MM = 35.0  # 发文机关标志 top 35 mm below the top of the text block
MASTHEAD_TOP_UPWARD_MM = 80.0  # a 上行文's (with 签发人): 80 mm
MASTHEAD_LINE_FACTOR = 1.25  # its exact line height per point of type (the page can be counted)
SEAL_LINES_BEFORE = 2  # sealed layout: blank lines above the 署名, room for the seal
COLOPHON_THICK_PT = 0.35 / 25.4 * 72  # 0.35 mm
COLOPHON_THIN_PT = 0.25 / 25.4 * 72  # 0.25 mm
TABLE_RULE_PT = 0.5
CELL_MARGIN_MM = 1.0  # left/right inside table cells
CELL_MARGIN_TB_MM = 0.8  # top/bottom inside table cells (text never touches a rule)
CELL_LINE_FACTOR = 1.3  # a table cell's exact line height per point of type
TABLE_KEEP_LAST = 3  # a table's last rows kept together (no page holds one or two alone)
SHORT_CELL_EM = 9.0  # a column whose cells are all this short is kept on one line
COLOPHON_LINE_PT = 7.0 / 25.4 * 72  # *practice*: a 版记 line is 7 mm high
COLOPHON_GAP_LINES = 1  # at least one blank line between the text and a 版记 on its page


@dataclass(frozen=True)
class Role:
    """How one kind of paragraph looks: font, size, alignment, indents (in characters), spacing."""

    font: str = FONT_FS
    size: float = SIZE["三号"]
    align: str = "justify"  # left | center | right | justify
    first_line: float = 0.0  # characters
    left: float = 0.0
    right: float = 0.0
    line_pt: float | None = LINE_PITCH_PT  # exact line spacing; None = single
    before_lines: float = 0.0  # blank lines before (in line pitches)
    bold: bool = False
    color: str = BLACK
    keep_next: bool = False
    outline: int | None = None  # heading level for the navigation pane


ROLES: dict[str, Role] = {
    "body": Role(first_line=2),
    "title": Role(font=FONT_XBS, size=SIZE["二号"], align="center", keep_next=True),
    "h1": Role(font=FONT_HT, first_line=2, keep_next=True, outline=1),
    "h2": Role(font=FONT_KT, first_line=2, keep_next=True, outline=2),
    "h3": Role(font=FONT_FS, first_line=2, keep_next=True, outline=3),
    "h4": Role(font=FONT_FS, first_line=2, keep_next=True, outline=4),
    "masthead": Role(font=FONT_XBS, size=SIZE["小初"], align="center", line_pt=None,
                     color=RED),
    "docnumber": Role(align="center", before_lines=2),
    "recipients": Role(align="justify", before_lines=1),
    # 落款 never alone on a page: the 附件说明 and 署名 are kept with what follows them
    "signature": Role(align="right", before_lines=1, keep_next=True),
    "date": Role(align="right"),
    "note": Role(first_line=2),
    "attachments": Role(first_line=2, before_lines=1, keep_next=True),
    "label": Role(font=FONT_HT, align="left"),
    "center": Role(align="center"),
    "colophon": Role(size=SIZE["四号"], align="left", line_pt=None),
    "pagenum": Role(font=FONT_ST, size=SIZE["四号"], line_pt=None),
    "cell": Role(size=SIZE["小四"], align="left", line_pt=None),  # *practice*: tables in 小四
    "cellhead": Role(font=FONT_HT, size=SIZE["小四"], align="center", line_pt=None),
    "blank": Role(),
}
HEADING_ROLES = ("h1", "h2", "h3", "h4")


def char_width(ch: str) -> float:
    """Width of one character in em: CJK and full-width 1, ASCII (half-width) 0.5."""
    return 0.5 if ord(ch) < 0x2E80 and ch not in "—…“”‘’·" else 1.0


def text_width(text: str) -> float:
    """Width of a line of text in em."""
    return sum(char_width(c) for c in text)


def masthead_fit(text: str) -> tuple[float, int]:
    """Size (pt) and horizontal scale (%) that fit the 发文机关标志 on one line of the text block:
    初号 or 小初 if it fits, else 小初 condensed down to 60%, else smaller (*practice*)."""
    width_pt = TEXT_WIDTH_MM / 25.4 * 72
    em = max(text_width(text), 1)
    for size in (SIZE["初号"], SIZE["小初"]):
        if em * size <= width_pt:
            return size, 100
    scale = int(width_pt / (em * SIZE["小初"]) * 100)
    if scale >= 60:
        return SIZE["小初"], scale
    return round(width_pt / (em * 0.6), 1), 60


def signature_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents (characters) of the 署名 and the 成文日期, unsealed layout: the date starts
    two characters right of the 署名's start; whichever ends further right has two characters of
    right space."""
    sig, dat = text_width(signature), text_width(date)
    if sig >= dat + 2:
        return 2.0, 2.0 + sig - dat - 2
    return 2.0 + dat + 2 - sig, 2.0


def sealed_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents (characters) of the 署名 and the 成文日期, sealed layout: the date four
    characters from the right, the 署名 centred on it (GB/T 9704 7.3.5.1)."""
    sig, dat = text_width(signature), text_width(date)
    return max(4.0 + (dat - sig) / 2, 0.0), 4.0


CSS_FONTS = {
    FONT_XBS: f'"{FONT_XBS}", "Noto Serif CJK SC", "Source Han Serif SC", serif',
    FONT_FS: f'"{FONT_FS}", FangSong, STFangsong, "FandolFang", "Noto Serif CJK SC", serif',
    FONT_KT: f'"{FONT_KT}", KaiTi, STKaiti, "FandolKai", "Noto Serif CJK SC", serif',
    FONT_HT: f'"{FONT_HT}", SimHei, "Noto Sans CJK SC", sans-serif',
    FONT_ST: f'"{FONT_ST}", SimSun, "Noto Serif CJK SC", serif',
}


def css() -> str:
    """The HTML stylesheet that mirrors the roles above (for the web UI's preview)."""
    def rule(sel: str, r: Role, extra: str = "") -> str:
        align = {"justify": "justify"}.get(r.align, r.align)
        lh = f"{r.line_pt}pt" if r.line_pt else "1.5"
        return (f"{sel}{{font-family:{CSS_FONTS.get(r.font, 'serif')};font-size:{r.size}pt;"
                f"text-align:{align};text-indent:{r.first_line}em;line-height:{lh};"
                f"color:#{r.color};margin:0;font-weight:{'bold' if r.bold else 'normal'};"
                f"{extra}}}")

    parts = [
        f".pbdocs{{max-width:{TEXT_WIDTH_MM}mm;margin:0 auto;padding:1em;}}",
        rule(".pbdocs p", ROLES["body"]),
        rule(".pbdocs h1", ROLES["title"], "margin:1em 0;"),
        rule(".pbdocs h2", ROLES["h1"]), rule(".pbdocs h3", ROLES["h2"]),
        rule(".pbdocs h4", ROLES["h3"]), rule(".pbdocs h5", ROLES["h4"]),
        rule(".pbdocs .pb-redhead p.masthead", ROLES["masthead"], "font-size:28pt;"),
        rule(".pbdocs .pb-redhead p.docnumber", ROLES["docnumber"],
             f"border-bottom:{RED_RULE_PT}pt solid #{RED};padding-bottom:4mm;"
             "margin-bottom:2em;"),
        rule(".pbdocs .pb-recipients p", ROLES["recipients"]),
        rule(".pbdocs .pb-signature p", ROLES["signature"], "padding-right:2em;"),
        rule(".pbdocs .pb-label p", ROLES["label"]),
        rule(".pbdocs .pb-center p", ROLES["center"]),
        rule(".pbdocs .pb-colophon p", ROLES["colophon"],
             f"border-top:{COLOPHON_THIN_PT:.2f}pt solid #000;"),
        (".pbdocs .pb-colophon{margin-top:2em;border-top:1pt solid #000;"
         "border-bottom:1pt solid #000;}"),
        ".pbdocs .pb-pagebreak{border-top:1px dashed #999;margin:1.5em 0;}",
        ".pbdocs table{border-collapse:collapse;width:100%;margin:0.5em 0;}",
        rule(".pbdocs td", ROLES["cell"], "border:0.5pt solid #000;padding:2px 4px;"
             "vertical-align:middle;"),
        rule(".pbdocs th", ROLES["cellhead"], "border:0.5pt solid #000;padding:2px 4px;"),
        f".pbdocs td.fill{{background:#{SPAN_FILL};}}",
        (f".pbdocs td.group{{background:#{GROUP_FILL};font-family:{CSS_FONTS[FONT_HT]};"
         "text-align:left !important;}"),
        ".pbdocs table[style] td,.pbdocs table[style] th{font-size:inherit;}",
        ".pbdocs table{table-layout:fixed;}",
        (".pbdocs .pb-landscape{width:min(225mm,calc(100vw - 2em));position:relative;"
         "left:50%;transform:translateX(-50%);}"),
        ".pbdocs .h1{font-family:" + CSS_FONTS[FONT_HT] + ";}",
        ".pbdocs .h2{font-family:" + CSS_FONTS[FONT_KT] + ";}",
        ".pbdocs mark{background:#ff0;}",
        ".pbdocs .pb-check{background:#ff0;border:1px dashed #c90;margin:0.5em 0;}",
    ]
    return "\n".join(parts)
