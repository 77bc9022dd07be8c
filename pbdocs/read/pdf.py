"""PDF through pypdf: lines rebuilt from positioned text, page numbers and running headers and
footers dropped, lines wrapped by the page width joined back into paragraphs."""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# `— 3 —`, `-3-`, `3`, `第 3 页`, `第3页 共12页`, `3 / 12`, `- 3 of 12 -`
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－~·•]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|／|of|共)\s*\d{1,4}\s*页?)?[\s\-—–－~·•]*$",
    re.IGNORECASE)
_EDGE_LINES = 2  # how many lines at the top and at the bottom of a page can be furniture


Frag = tuple[float, float, float, str]  # baseline y, x, font size, text of one text-show


@dataclass
class Line:
    """One printed line: its text, left edge, estimated right edge, baseline and font size."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    page: int


def _width(text: str) -> float:
    """Width in ems: East Asian wide (and ambiguous, as CJK fonts draw them) characters are one
    em, the rest about half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def _page_lines(page, number: int) -> list[Line]:
    """A page's lines, top to bottom: fragments grouped by baseline and ordered by x (pypdf's
    own order is the content stream's, which office suites do not keep in reading order)."""
    frags: list[Frag] = []

    def visit(text, cm, tm, font_dict, font_size):
        text = text.replace("\n", "")
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[3]) or abs(tm[0]) or 1.0) * (abs(cm[3]) or abs(cm[0]) or 1.0)
        frags.append((y, x, (font_size or 1.0) * scale, text))

    page.extract_text(visitor_text=visit)
    frags.sort(key=lambda f: (-f[0], f[1]))
    lines: list[list[Frag]] = []
    for f in frags:
        if lines and abs(lines[-1][0][0] - f[0]) <= 0.5 * max(f[2], 1.0):
            lines[-1].append(f)
        else:
            lines.append([f])
    out = []
    for group in lines:
        group.sort(key=lambda f: f[1])
        text, measured = _line_text(group)
        size = statistics.median(f[2] for f in group)
        out.append(Line(text.strip(), group[0][1], _right_edge(measured), group[0][0], size,
                        number))
    return out


def _right_edge(plain: list[Frag]) -> float:
    """Estimated x where a line's last fragment ends. Justified text is stretched: the spacing
    measured between the line's fragments scales the estimate of the last one."""
    first, last = plain[0], plain[-1]
    before = sum(_width(f[3]) * f[2] for f in plain[:-1])
    stretch = 1.0
    if before > 5 * last[2]:
        stretch = min(max((last[1] - first[1]) / before, 1.0), 1.3)
    return last[1] + _width(last[3]) * last[2] * stretch


def _is_marks(text: str) -> bool:
    pieces = text.split()
    return bool(pieces) and all(
        len(p) <= 2 and all(unicodedata.category(ch)[0] in "PS" for ch in p) for p in pieces)


def _line_text(group: list[Frag]) -> tuple[str, list[Frag]]:
    """A line's text from its fragments in x order, and its text fragments for measuring.

    Office suites often draw quotation marks in a second font, in one run for all the marks of
    a line ("“ ” “"), leaving a blank where each mark belongs; pypdf reports the run at the
    first mark. Such marks (a run of several, or one that falls inside another fragment) are
    put back into the blanks, in order."""
    def inside(f: Frag) -> bool:  # within another fragment that has a blank for it
        return any(g is not f and " " in g[3] and g[1] < f[1] < g[1] + (_width(g[3]) - 0.1) * g[2]
                   for g in group)

    marks = [f for f in group if _is_marks(f[3]) and (len(f[3].split()) > 1 or inside(f))]
    if not marks:
        return "".join(f[3] for f in group), group
    plain = [f for f in group if f not in marks]
    chars: list[list] = []  # [x, text, index in plain (-1: a mark with no blank to fill)]
    for i, (_, x, size, text) in enumerate(plain):
        for ch in text:
            chars.append([x, ch, i])
            x += _width(ch) * size
    for _, x, _size, text in marks:
        # The first mark goes to the blank nearest to where the run starts (estimated widths
        # drift on stretched lines), the next ones to the blanks after it.
        free = sorted((c for c in chars if c[1].isspace() and c[2] >= 0), key=lambda c: c[0])
        start = min(range(len(free)), key=lambda k: abs(free[k][0] - x), default=0)
        free = free[start:]
        for k, piece in enumerate(text.split()):
            if k < len(free):
                free[k][1] = piece
            else:
                chars.append([x, piece, -1])
    chars.sort(key=lambda c: (c[0] if c[2] < 0 else plain[c[2]][1], c[2] < 0, c[0]))
    filled = [(y, x, size, "".join(c[1] for c in chars if c[2] == i))
              for i, (y, x, size, _) in enumerate(plain)]
    return "".join(c[1] for c in chars), filled or group


_WORD = re.compile(r"[A-Za-z0-9%.,:;/\\\-+·_@#&*'\"]+"
                   r"|[“‘（《〔【「『]*.(?:[“‘（《〔【「『]+.)?[，。、；：？！）】》」』”’〕…—]*")


def _first_word(text: str) -> str:
    """The unit a line breaker keeps whole: a Latin word or number, or a character with the
    opening marks and character after it (they may not end a line) and the closing punctuation
    after that (it may not start one)."""
    m = _WORD.match(text)
    return m.group(0) if m else text[:1]


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_keys(pages: list[list[Line]]) -> set[str]:
    """Keys of the lines at the page edges that repeat on most pages: the same text, or the
    same text with a number that grows with the page (`第 3 页`, `2021年工作要点 · 3`)."""
    seen: dict[str, list[tuple[int, tuple[int, ...]]]] = {}
    for page_no, lines in enumerate(pages):
        for ln in {id(x): x for x in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]}.values():
            nums = tuple(int(n) for n in re.findall(r"\d+", ln.text))
            seen.setdefault(_furniture_key(ln.text), []).append((page_no, nums))
    # A line at the edge of most pages (all of them when there are two) is a running header.
    need = len(pages) if len(pages) <= 2 else max(2, (len(pages) + 1) // 2)
    running = set()
    for key, hits in seen.items():
        if len(pages) < 2 or len({page for page, _ in hits}) < need:
            continue
        numbers = {nums for _, nums in hits}
        offsets = {nums[0] - page for page, nums in hits if nums}
        if len(numbers) == 1 or len(offsets) == 1:
            running.add(key)
    return running


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers and the running header/footer lines repeated at the page edges."""
    running = _running_keys(pages)
    kept = []
    for lines in pages:
        n = len(lines)
        keep = []
        for i, ln in enumerate(lines):
            at_edge = i < _EDGE_LINES or i >= n - _EDGE_LINES
            if at_edge and (_PAGE_NUMBER.match(ln.text) or _furniture_key(ln.text) in running):
                continue
            keep.append(ln)
        kept.append(keep)
    return kept


def join_lines(pages: list[list[Line]], width: float | None = None) -> list[str]:
    """Paragraphs from lines: a line that reaches the right margin runs on into the next one,
    unless the next is indented or stands apart by a wider gap."""
    lines = [ln for page in pages for ln in page]
    if not lines:
        return []
    size = statistics.median(ln.size for ln in lines) or 10.0
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    # Full lines of justified text all end at the right margin: the most common right edge (in
    # half-em bins) near the rightmost one that several lines share (estimated widths scatter a
    # little). Pages whose lines are all short have no margin to reach, so a candidate well
    # inside the text column does not count.
    bin_ = size / 2
    counts = Counter(round(ln.x1 / bin_) for ln in lines)
    common = [b for b, n in counts.items() if n >= max(2, len(lines) // 50)] or list(counts)
    near = max(common) - 6
    right = max((b for b in counts if b >= near), key=lambda b: (counts[b], b)) * bin_
    column = (width - 2 * left) if width else right - left
    if right - left < 0.75 * column:
        right = float("inf")
    gaps = [a.y - b.y for a, b in itertools.pairwise(lines) if a.page == b.page and a.y > b.y]
    leading = statistics.median(gaps) if gaps else 1.5 * size
    paras: list[str] = []
    cur = lines[0].text
    for a, b in itertools.pairwise(lines):
        # The line ran on if the next line's first word would not have fitted after it.
        full = a.x1 + _width(_first_word(b.text)) * size > right + 0.3 * size
        indented = b.x0 > left + 0.5 * size
        apart = a.page == b.page and (a.y - b.y) > 1.35 * leading
        if full and not indented and not apart:
            sep = " " if cur[-1:].isascii() and cur[-1:].isalnum() and b.text[:1].isascii() else ""
            cur += sep + b.text
        else:
            paras.append(cur)
            cur = b.text
    paras.append(cur)
    return [p for p in paras if p.strip()]


def _unmapped_share(pages: list[list[Line]]) -> float:
    """Share of characters a font did not map to Unicode (private use, replacement, controls):
    PDFs whose fonts lack a ToUnicode map give such codes instead of text."""
    chars = [ch for page in pages for ln in page for ch in ln.text if not ch.isspace()]
    bad = sum(1 for ch in chars
              if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd" or unicodedata.category(ch) == "Cc")
    return bad / len(chars) if chars else 0.0


def read_pdf(path: Path, data: bytes):
    """Read a PDF's text layer; a PDF without one (a scan) or with a password is refused."""
    from pypdf import PdfReader

    from pbdocs.read import RawText, fail

    # pypdf logs every repair of a sloppy file as a warning; a person sees only our sentence.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 - unsupported encryption is as closed as a password
            opened = 0
        if not opened:
            raise fail(path, "受密码保护，请先解除密码再处理")
    pages = [_page_lines(p, i) for i, p in enumerate(reader.pages)]
    if not any(pages):
        raise fail(path, "中没有可提取的文字（可能是扫描件），"
                         "请先做文字识别（OCR）或提供 Word/文本版本")
    if _unmapped_share(pages) > 0.3:
        raise fail(path, "的字体没有提供文字映射，提取出的是乱码；"
                         "请提供 Word/文本版本，或先做文字识别（OCR）")
    width = float(reader.pages[0].mediabox.width) if reader.pages else None
    paras = join_lines(drop_furniture(pages), width)
    return RawText("\n\n".join(paras), "pdf", None, [], pages=len(pages))
