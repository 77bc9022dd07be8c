"""Word automatic numbering (numbering.xml): the label a numbered paragraph shows ("一、",
"（二）", "3.") computed the way Word counts, since python-docx gives only the paragraph's text."""

from __future__ import annotations

import re

from pbdocs.lang.numerals import CIRCLED as _CIRCLED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def chinese_number(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the counting form Word uses)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + digits[rest]
    else:
        tail = (digits[1] if rest < 20 else "") + chinese_number(rest, digits, ten)
    return digits[hundreds % 10] + "百" + tail


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's number formats (`w:numFmt`)."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "ideographLegalTraditional"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _LEGAL, "拾")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if fmt in ("decimalEnclosedParen", "decimalEnclosedFullstop"):
        return str(n)
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10]
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return ""  # bullet, none and exotic formats: no label


def _val(el, name: str) -> str | None:
    child = el.find(f"{W}{name}") if el is not None else None
    return child.get(f"{W}val") if child is not None else None


class Numbering:
    """Counters over a document's numbered paragraphs, in reading order."""

    def __init__(self, abstracts: dict, nums: dict, style_numpr: dict):
        self.abstracts = abstracts  # abstractNumId → {ilvl: (start, fmt, text, suff, legal)}
        self.nums = nums  # numId → (abstractNumId, {ilvl: start override})
        self.style_numpr = style_numpr  # styleId → (numId, ilvl)
        self.counters: dict[str, list[int | None]] = {}

    @classmethod
    def from_document(cls, document) -> Numbering:
        """Read numbering.xml and the styles' numbering of a python-docx Document."""
        abstracts: dict = {}
        nums: dict = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for an in root.iterchildren(f"{W}abstractNum"):
                levels = {}
                for lvl in an.iterchildren(f"{W}lvl"):
                    levels[lvl.get(f"{W}ilvl")] = (
                        int(_val(lvl, "start") or 1), _val(lvl, "numFmt") or "decimal",
                        _val(lvl, "lvlText") or "", _val(lvl, "suff") or "tab",
                        lvl.find(f"{W}isLgl") is not None)
                abstracts[an.get(f"{W}abstractNumId")] = levels
            for num in root.iterchildren(f"{W}num"):
                overrides = {}
                for ov in num.iterchildren(f"{W}lvlOverride"):
                    start = _val(ov, "startOverride")
                    if start is not None:
                        overrides[ov.get(f"{W}ilvl")] = int(start)
                nums[num.get(f"{W}numId")] = (_val(num, "abstractNumId"), overrides)
        style_numpr: dict = {}
        try:
            styles = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            styles = None
        if styles is not None:
            based: dict = {}
            for st in styles.iterchildren(f"{W}style"):
                sid = st.get(f"{W}styleId")
                based[sid] = _val(st, "basedOn")
                numpr = st.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    style_numpr[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl") or "0")
            for sid in list(based):  # a style inherits numbering from the style it is based on
                seen, cur = set(), sid
                while cur and cur not in style_numpr and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur in style_numpr and sid not in style_numpr:
                    style_numpr[sid] = style_numpr[cur]
        return cls(abstracts, nums, style_numpr)

    def label(self, p) -> str | None:
        """The number Word shows before paragraph `p` (an lxml w:p), advancing the counters."""
        ppr = p.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
        if num_id is None:
            style = _val(ppr, "pStyle") if ppr is not None else None
            num_id, style_ilvl = self.style_numpr.get(style, (None, None))
            ilvl = ilvl or style_ilvl
        if num_id in (None, "0") or num_id not in self.nums:
            return None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstracts.get(abstract_id)
        if not levels:
            return None
        level = int(ilvl or 0)
        # Paragraphs of nums sharing an abstract continue one count, unless a num restarts it.
        key = f"n{num_id}" if overrides else f"a{abstract_id}"
        counts = self.counters.setdefault(key, [None] * 9)
        start = overrides.get(str(level), levels.get(str(level), (1,))[0])
        counts[level] = start if counts[level] is None else counts[level] + 1
        for deeper in range(level + 1, 9):
            counts[deeper] = None
        spec = levels.get(str(level))
        if spec is None:
            return None
        _, fmt, text, suff, legal = spec
        if fmt in ("bullet", "none"):
            return None

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            value = counts[k] if counts[k] is not None else levels.get(str(k), (1,))[0]
            kfmt = levels.get(str(k), (1, "decimal"))[1]
            return format_number(value, "decimal" if legal else kfmt)

        label = re.sub(r"%([1-9])", sub, text)
        if not label.strip():
            return None
        if suff != "nothing" and label[-1].isascii():
            label += " "
        return label
