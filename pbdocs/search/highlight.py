"""Highlighting shared by every engine: mark the characters of the query's words in a hit.

jieba's search-mode terms overlap (双带头人, 带头人, 带头 cover the same characters); whoosh's
own highlighter then marks only part of a word (双【带头人】) or repeats a fragment. Here the
marked ranges are merged before any text is cut, so each character is marked once and wholly,
and both engines highlight alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pbdocs.search.analysis import normalize, same_places

ELLIPSIS = "…"


@dataclass
class Highlight:
    """A passage of a hit's text and the [start, end) ranges in it that match the query."""

    fragment: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def marked(self, open_: str = "【", close: str = "】") -> str:
        """The fragment with each matched range wrapped in open_ … close."""
        out, last = [], 0
        for s, e in self.spans:
            out += [self.fragment[last:s], open_, self.fragment[s:e], close]
            last = e
        out.append(self.fragment[last:])
        return "".join(out)


def match_spans(text: str, terms: set[str], phrases: list[list[str]]) -> list[tuple[int, int]]:
    """Merged [start, end) ranges of text where a query word or a whole phrase occurs.

    The index decides which clauses match (by jieba terms); here every literal occurrence of
    a query word, or of a phrase's words run together, in the normalised text is marked and
    mapped back to the original characters (so 双 带头人 is marked whole). Segmenting each hit
    again would cost milliseconds per hit and add nothing a reader would notice.
    """
    norm, origin = normalize(text)
    found = []
    for needle in set(terms) | {"".join(p) for p in phrases}:
        at = norm.find(needle) if needle else -1
        while at >= 0:
            found.append((origin[at], origin[at + len(needle) - 1] + 1))
            at = norm.find(needle, at + 1)
    found.sort()
    return _merge(found)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with those that overlap or touch joined."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


class Highlighter:
    """Marks one query's words in hit after hit: what depends only on the query (its words,
    whether they are in normal form) is worked out once, not once a hit."""

    def __init__(self, terms: set[str], phrases: list[list[str]] | None = None,
                 width: int = 160, before: int = 24) -> None:
        self.terms, self.phrases = set(terms), phrases or []
        self.needles = tuple(n for n in self.terms | {"".join(p) for p in self.phrases} if n)
        self.reach = max(map(len, self.needles), default=0)
        self.width, self.before = width, before
        # Words in normal form can be looked for in the text as written wherever normalising
        # the text would change nothing they could match (nearly every Chinese text).
        self.chars = frozenset("".join(self.needles))
        self.plain = all(normalize(n)[0] == n for n in self.needles)

    def __call__(self, text: str) -> Highlight:
        """The passage of text (at most `width` characters) with the most matches, marked.

        When normalising the text would not move or change what the words match (same_places),
        the words are found in the text as written (str.find, in C) and nothing is normalised:
        the result is the same as highlight_whole's. Otherwise a long text is normalised only
        around the passage shown, chosen from the words' places in the text as written; when
        the words occur only in normalised form (a space inside a word, full-width letters),
        the whole text is normalised, as for a short one."""
        width, before = self.width, self.before
        raw = sorted((at, at + len(n)) for n in self.needles for at in _find_all(text, n))
        if self.plain and same_places(text, self.chars):
            spans = _merge(raw)
            return Highlight(text, spans) if len(text) <= width else _window(
                text, spans, width, before)
        if len(text) <= width:
            return Highlight(text, match_spans(text, self.terms, self.phrases))
        if not raw:
            return _window(text, match_spans(text, self.terms, self.phrases), width, before)
        start, end = _best(text, raw, width, before)
        lo, hi = max(0, start - self.reach), min(len(text), end + self.reach)
        spans = [(a + lo, b + lo) for a, b in match_spans(text[lo:hi], self.terms, self.phrases)]
        return _cut(text, spans, start, end)


def highlight(text: str, terms: set[str], phrases: list[list[str]] | None = None,
              width: int = 160, before: int = 24) -> Highlight:
    """The passage of text (at most `width` characters) with the most matches, marked (one
    hit; Highlighter marks many hits of one query)."""
    return Highlighter(terms, phrases, width, before)(text)


def _find_all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _best(text: str, spans: list[tuple[int, int]], width: int, before: int) -> tuple[int, int]:
    """[start, end) of the passage holding the most spans (the first such); spans sorted."""
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    ordered = all(x <= y for x, y in zip(ends, ends[1:]))  # merged spans: count by bisection
    best_start, best_count = 0, -1
    for s in starts or [0]:
        start = max(0, min(s - before, len(text) - width))
        if ordered:
            count = bisect_right(ends, start + width) - bisect_left(starts, start)
        else:
            count = sum(1 for a, b in spans if a >= start and b <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    return best_start, best_start + width


def _window(text: str, spans: list[tuple[int, int]], width: int, before: int) -> Highlight:
    start, end = _best(text, spans, width, before)
    return _cut(text, spans, start, end)


def _cut(text: str, spans: list[tuple[int, int]], start: int, end: int) -> Highlight:
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return Highlight(prefix + text[start:end] + suffix, inside)


def highlight_whole(text: str, terms: set[str], phrases: list[list[str]] | None = None,
                    width: int = 160, before: int = 24) -> Highlight:
    """highlight() normalising the whole text (the reference the fast path is tested against)."""
    spans = match_spans(text, terms, phrases or [])
    if len(text) <= width:
        return Highlight(text, spans)
    return _window(text, spans, width, before)
