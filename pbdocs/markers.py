"""Heading markers (一、 （一） 1. （1） ① 第一条 第一，) recognised at the start of a paragraph.

The marker families and their patterns are data (`lexicon/markers.txt`); levels are not fixed
per family but assigned by the outline in the order families appear in one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pbdocs.lang.lexicon import per_lexicon, rows
from pbdocs.lang.numerals import CIRCLED as _CIRCLED
from pbdocs.lang.numerals import FULLWIDTH_DIGITS as _FULLWIDTH_DIGITS
from pbdocs.lang.numerals import cn_to_int


@dataclass(frozen=True)
class Marker:
    """A heading marker found at the start of a paragraph."""

    family: str  # e.g. "cn_dun" for 一、, "ar_dot" for 1.
    number: str  # as written, without separator: "一", "（一）", "(一)", "1", "1)", "①", "第一条"
    key: str  # path element: the number as written without spaces, ASCII digits ("(一)", "1)")
    value: int  # numeric value, for sequence checks
    end: int  # where the text after the marker starts


@per_lexicon()
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r[0], re.compile(r[1])) for r in rows("markers.txt", min_cells=2))


@per_lexicon()
def _family_patterns() -> dict[str, list[re.Pattern]]:
    out: dict[str, list[re.Pattern]] = {}
    for family, rx in _patterns():
        out.setdefault(family, []).append(rx)
    return out


@per_lexicon()
def _any_marker() -> re.Pattern:
    return re.compile("|".join(f"(?:{rx.pattern.replace('?P<num>', '')})" for _, rx in _patterns()))


def _key(family: str, num: str, written: str) -> str:
    """A path element: the heading number as written (the spec's `path` lists heading numbers,
    and output keeps punctuation as written, so `(一)` stays half-width and `1)` keeps its
    bracket), without the spaces a layout put inside it; Word and web texts write numbers in
    full-width digits (１．), a path element in ASCII (1)."""
    if family in ("cn_dun", "ar_dot", "circled", "padded"):
        written = num  # the separator (、 . ．) is not part of the number
    return re.sub(r"[\s\u3000]", "", written).translate(_FULLWIDTH_DIGITS)


_HEAD = 32  # a marker with its separator is far shorter than this


def clear_cache() -> None:
    """Forget cached marker matches (benchmarks measure a text as if seen for the first time)."""
    _match_head.cache_clear()


def match_marker(par: str) -> Marker | None:
    """The heading marker at the start of `par`, or None."""
    return _match_head(par[:_HEAD], len(par) > _HEAD)


@per_lexicon(maxsize=8192)
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
        value = _CIRCLED.index(num) + 1 if family == "circled" else cn_to_int(num) or 0
        return Marker(family, written, _key(family, num, written), value, m.end())
    return None


# Families whose marker is distinctive enough to be found inside a paragraph.
_INLINE = {"cn_paren", "ar_paren", "circled", "shi"}


def inline_siblings(par: str, first: Marker) -> list[int]:
    """Where the next items of `first`'s family start inside `par` (after a 。 or ；).

    `（1）把方向过硬。（2）管大局过硬。` → [the position of （2）]; numbers must run in sequence.
    """
    if first.family not in _INLINE:
        return []
    rxs = _family_patterns()[first.family]
    cuts, want = [], first.value + 1
    for m in re.finditer(r"(?<=[。；;])\s*(?=[（(①-⑳㉑-㉟㊱-㊿一二三四五六七八九十])", par):
        k = m.end()
        window = par[k:k + 24]  # a marker is short: never slice (or cache) the whole rest
        found = match_marker(window)
        if (found and found.family == first.family and found.value == want
                and any(rx.match(window) for rx in rxs)):
            cuts.append(k)
            want += 1
    return cuts


def bare_marker(par: str) -> bool:
    """Whether `par` is a heading marker alone on its line (its text is on the next line)."""
    return any((m := rx.match(par)) and m.end() == len(par) for _, rx in _patterns())
