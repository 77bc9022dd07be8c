"""Highlighting shared by every engine: mark the characters of the query's words in a hit.

jieba's search-mode terms overlap (双带头人, 带头人, 带头 cover the same characters); whoosh's
own highlighter then marks only part of a word or repeats a fragment. Here the marked ranges
are merged before any text is cut, so each character is marked once and wholly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pbdocs.search.analysis import normalize, normalized_tokens

ELLIPSIS = "…"
_PAD = 12  # characters of context segmented on each side of an occurrence


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

    Only short windows around literal occurrences are segmented (a hit's whole text would
    cost milliseconds); a window keeps enough context for jieba to cut as in the full text.
    """
    norm, origin = normalize(text)
    found = []
    for needle in set(terms) | {"".join(p) for p in phrases}:
        at = norm.find(needle)
        while needle and at >= 0:
            found.append((at, at + len(needle)))
            at = norm.find(needle, at + 1)
    windows: list[list[int]] = []
    for s, e in sorted(found):
        s, e = max(0, s - _PAD), min(len(norm), e + _PAD)
        if windows and s <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], e)
        else:
            windows.append([s, e])
    ranges = []
    for ws, we in windows:
        ranges += [(ws + a, ws + b) for a, b in _spans_in(norm[ws:we], terms, phrases)]
    ranges = [(origin[s], origin[e - 1] + 1) for s, e in ranges]
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _spans_in(norm: str, terms: set[str], phrases: list[list[str]]) -> list[tuple[int, int]]:
    """Ranges of normalised text whose tokens are query words or consecutive phrase words."""
    toks = normalized_tokens(norm)
    ranges = [(t.start, t.end) for t in toks if t.text in terms]
    if phrases:
        by_pos: dict[int, dict[str, tuple[int, int]]] = {}
        for t in toks:
            by_pos.setdefault(t.pos, {})[t.text] = (t.start, t.end)
        for words in phrases:
            for p, at in by_pos.items():
                if words[0] not in at:
                    continue
                last = by_pos.get(p + len(words) - 1, {}).get(words[-1])
                if last and all(w in by_pos.get(p + k, {}) for k, w in enumerate(words)):
                    ranges.append((at[words[0]][0], last[1]))
    return ranges


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
