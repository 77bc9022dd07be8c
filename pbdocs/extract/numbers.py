"""Numbers as written in policy texts: Arabic digits, Chinese numerals (两, 十, 二十五), 半."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM = "零〇一二两三四五六七八九十百千万"
# One number span: Arabic (with decimals or a fraction) or a run of Chinese numerals.
NUM = rf"(?:\d+(?:\.\d+)?(?:/\d+)?|[{CN_NUM}]+)"


def cn_to_int(s: str) -> int | None:
    """A Chinese numeral string (`两`, `十`, `二十五`, `一百零八`) as an int, or None."""
    if not s or any(ch not in _DIGITS and ch not in _UNITS for ch in s):
        return None
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            continue
        unit = _UNITS[ch]
        if unit == 10000:
            section = (section + (digit or 0)) * unit
            total, section = total + section, 0
        else:
            section += (1 if digit is None else digit) * unit
        digit = None
    return total + section + (digit or 0)


def to_number(s: str) -> float | None:
    """A number span (`12`, `1.5`, `1/2`, `两`, `十`) as a float, or None."""
    s = s.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    m = re.fullmatch(r"(\d+)/(\d+)", s)
    if m:
        return float(m.group(1)) / float(m.group(2)) if int(m.group(2)) else None
    n = cn_to_int(s)
    return None if n is None else float(n)


def is_chinese(s: str) -> bool:
    """True when the number span is written in Chinese numerals."""
    return bool(s) and all(ch in CN_NUM for ch in s)


def clean(x: float | None) -> float | int | None:
    """An integral float as int (32.0 → 32) so JSON reads like the text."""
    if x is not None and float(x).is_integer():
        return int(x)
    return x
