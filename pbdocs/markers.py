"""Heading markers (一、 （一） 1. （1） ① 第一条 第一，) recognised at the start of a paragraph.

The marker families and their patterns are data (`lexicon/markers.txt`); levels are not fixed
per family but assigned by the outline in the order families appear in one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pbdocs.lexdata import fields

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"



@dataclass(frozen=True)
class Marker:
    """A heading marker found at the start of a paragraph."""

    family: str  # e.g. "cn_dun" for 一、, "ar_dot" for 1.
    number: str  # as written, without separator: "一", "（一）", "(一)", "1", "①", "第一条"
    key: str  # canonical path element: "一", "（一）", "1", "（1）", "①", "第一条"
    value: int  # numeric value, for sequence checks
    end: int  # where the text after the marker starts


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((fam, re.compile(rx)) for fam, rx in fields("markers.txt"))


@lru_cache(maxsize=1)
def _any_marker() -> re.Pattern:
    return re.compile("|".join(f"(?:{rx.pattern.replace('?P<num>', '')})" for _, rx in _patterns()))


def cn_to_int(s: str) -> int:
    """Value of a small Chinese numeral (一 … 九十九, 一百…); 0 when unreadable."""
    if not s:
        return 0
    if s.isdigit():
        return int(s)
    if "百" in s:
        head, _, tail = s.partition("百")
        return (cn_to_int(head) or 1) * 100 + cn_to_int(tail.lstrip("零〇"))
    if "十" in s:
        head, _, tail = s.partition("十")
        return (_CN_DIGITS.get(head, 1) if head else 1) * 10 + (_CN_DIGITS.get(tail, 0))
    if len(s) > 1:  # digit by digit, e.g. 二〇二一
        return int("".join(str(_CN_DIGITS.get(c, 0)) for c in s))
    return _CN_DIGITS.get(s, 0)


# Word and web texts write numbers in full-width digits (１．); a path element is ASCII (1).
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _key(family: str, num: str, written: str) -> str:
    num = num.translate(_FULLWIDTH_DIGITS)
    if family in ("cn_paren", "ar_paren"):
        return f"（{num}）"
    if family in ("article", "chapter"):
        return written
    return num


_HEAD = 32  # a marker with its separator is far shorter than this


def clear_cache() -> None:
    """Forget cached marker matches (benchmarks measure a text as if seen for the first time)."""
    _match_head.cache_clear()


def match_marker(par: str) -> Marker | None:
    """The heading marker at the start of `par`, or None."""
    return _match_head(par[:_HEAD], len(par) > _HEAD)


@lru_cache(maxsize=8192)
def _match_head(par: str, more: bool) -> Marker | None:
    """match_marker on a paragraph's head (`more`: text goes on after it), cached."""
    if not par or not _any_marker().match(par):
        return None  # most paragraphs: one regex call rules every family out
    for family, rx in _patterns():
        m = rx.match(par)
        if not m or (m.end() >= len(par) and not more):  # a marker alone is not a heading
            continue
        num = m.group("num")
        written = m.group(0).rstrip(" \u3000\t、.．:：，,")
        if family == "ordinal":
            written = "第" + num
        value = _CIRCLED.index(num) + 1 if family == "circled" else cn_to_int(num)
        return Marker(family, written, _key(family, num, written), value, m.end())
    return None


# Families whose marker is distinctive enough to be found inside a paragraph.
_INLINE = {"cn_paren", "ar_paren", "circled"}


def inline_siblings(par: str, first: Marker) -> list[int]:
    """Where the next items of `first`'s family start inside `par` (after a 。 or ；).

    `（1）把方向过硬。（2）管大局过硬。` → [the position of （2）]; numbers must run in sequence.
    """
    if first.family not in _INLINE:
        return []
    rx = dict(_patterns())[first.family]
    cuts, want = [], first.value + 1
    for m in re.finditer(r"(?<=[。；;])\s*(?=[（(①-⑳])", par):
        k = m.end()
        window = par[k:k + 24]  # a marker is short: never slice (or cache) the whole rest
        found = match_marker(window)
        if found and found.family == first.family and found.value == want and rx.match(window):
            cuts.append(k)
            want += 1
    return cuts


def bare_marker(par: str) -> bool:
    """Whether `par` is a heading marker alone on its line (its text is on the next line)."""
    return any((m := rx.match(par)) and m.end() == len(par) for _, rx in _patterns())
