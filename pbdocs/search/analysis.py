"""Text analysis shared by every search engine: normalisation, jieba search-mode tokens with
positions and character offsets into the original text, and query words.

Positions: each precise-mode word takes the next position and its shorter dictionary parts
share it (as synonyms do in Lucene), so a phrase of precise words matches the same words in a
document, while a query word still finds the longer words it is part of (组织部 → 党委组织部).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from pbdocs import segment


@dataclass(frozen=True)
class Token:
    """One indexed term: its text, position, and [start, end) in the original text."""

    text: str
    pos: int
    start: int
    end: int


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch == "〇"


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).lower()


_DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}


def normalize(text: str) -> tuple[str, Sequence[int]]:
    """Fold widths and case, drop spaces next to Chinese characters and zero-width marks.

    Returns the normalised text and, for each of its characters, the index of the original
    character it came from, so offsets can be mapped back for highlighting.
    """
    table: dict[int, str] = {}
    simple = True
    for ch in set(text):
        folded = ch if "\u4e00" <= ch <= "\u9fff" else _fold(ch)
        if len(folded) != 1 or ch in _DROP or ch.isspace():
            simple = False
            break
        if folded != ch:
            table[ord(ch)] = folded
    if simple:  # the usual case: one character for one, so offsets stay as they are
        return text.translate(table), range(len(text))
    return _normalize_slow(text)


def _normalize_slow(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        folded = _fold(ch) if not ("\u4e00" <= ch <= "\u9fff") else ch
        for c in folded:
            chars.append(c)
            origin.append(i)
    # Spaces inside Chinese text only wrap lines or come from extraction: 双 带头人 = 双带头人.
    out_c: list[str] = []
    out_o: list[int] = []
    n = len(chars)
    i = 0
    while i < n:
        c = chars[i]
        if c.isspace():
            j = i
            while j < n and chars[j].isspace():
                j += 1
            left = out_c[-1] if out_c else ""
            right = chars[j] if j < n else ""
            if (left and _is_cjk(left)) or (right and _is_cjk(right)) or not left or not right:
                i = j
                continue
            out_c.append(" ")
            out_o.append(origin[i])
            i = j
            continue
        out_c.append(c)
        out_o.append(origin[i])
        i += 1
    return "".join(out_c), out_o


def _indexable(word: str) -> bool:
    return any(c.isalnum() for c in word)


def normalized_tokens(norm: str) -> list[Token]:
    """Index terms of already normalised text, offsets into that text."""
    out: list[Token] = []
    pos = 0
    for word, s, e in segment.tokenize(norm):
        if not _indexable(word) or word.isspace():
            continue
        for part, off in segment.search_parts(word):
            out.append(Token(part, pos, s + off, s + off + len(part)))
        out.append(Token(word, pos, s, e))
        pos += 1
    return out


def tokens(text: str) -> list[Token]:
    """Index terms of text: precise-mode words and their dictionary parts, offsets original."""
    norm, origin = normalize(text)
    return [Token(t.text, t.pos, origin[t.start], origin[t.end - 1] + 1)
            for t in normalized_tokens(norm)]


def words(text: str) -> list[str]:
    """The precise-mode words of a query text, normalised, punctuation dropped."""
    norm, _ = normalize(text)
    return [w.strip() for w in segment.cut(norm) if w.strip() and _indexable(w)]
