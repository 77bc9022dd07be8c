"""Chinese numerals both ways: `二十五` → 25, `二〇二一` → 2021, 12 → `十二`, and number spans
as policy texts write them (Arabic, fractions, Chinese numerals, 两)."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CN_NUM = "零〇一二两三四五六七八九十百千万"
# One number span: Arabic (with decimals or a fraction) or a run of Chinese numerals.
NUM = rf"(?:\d+(?:\.\d+)?(?:/\d+)?|[{CN_NUM}]+)"
# ① to ㊿ (U+2460–2473, U+3251–325F, U+32B1–32BF)
CIRCLED = ("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳" + "".join(map(chr, range(0x3251, 0x3260)))
           + "".join(map(chr, range(0x32B1, 0x32C0))))
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGITS = "零一二三四五六七八九"


def cn_to_int(s: str) -> int | None:
    """A numeral as an int: Arabic digits (also full-width), `两`, `十`, `二十五`, `一百零八`,
    or a year written digit by digit (`二〇二一`); None when it is not a numeral."""
    s = (s or "").strip().translate(FULLWIDTH_DIGITS)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if any(ch not in DIGITS and ch not in UNITS for ch in s):
        return None
    if len(s) > 1 and not any(ch in UNITS for ch in s):
        return int("".join(str(DIGITS[ch]) for ch in s))  # digit by digit: 二〇二一
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
            continue
        unit = UNITS[ch]
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


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (heading numbers up to 99; others as Arabic)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else ""
    return head + (_CN_DIGITS[ones] if ones else "")
