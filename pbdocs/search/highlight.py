"""Highlighting shared by every engine: mark the characters of the query's words in a hit.

jieba's search-mode terms overlap (双带头人, 带头人, 带头 cover the same characters); whoosh's
own highlighter then marks only part of a word (双【带头人】) or repeats a fragment. Here the
marked ranges are merged before any text is cut, so each character is marked once and wholly,
and both engines highlight alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pbdocs.search.analysis import normalize

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
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def highlight(text: str, terms: set[str], phrases: list[list[str]] | None = None,
              width: int = 160, before: int = 24) -> Highlight:
    """The passage of text (at most `width` characters) with the most matches, marked."""
    spans = match_spans(text, terms, phrases or [])
    if len(text) <= width:
        return Highlight(text, spans)
    best_start, best_count = 0, -1
    for s, _ in spans or [(0, 0)]:
        start = max(0, min(s - before, len(text) - width))
        count = sum(1 for a, b in spans if a >= start and b <= start + width)
        if count > best_count:
            best_start, best_count = start, count
    end = best_start + width
    prefix = ELLIPSIS if best_start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - best_start
    inside = [(a + shift, b + shift) for a, b in spans if a >= best_start and b <= end]
    return Highlight(prefix + text[best_start:end] + suffix, inside)
