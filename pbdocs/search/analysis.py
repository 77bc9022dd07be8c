"""Text analysis shared by every search engine: normalisation, jieba search-mode tokens with
positions and character offsets into the original text, and query words.

Terms: jieba's precise-mode words and every dictionary word occurring in the text (jieba's DAG),
so a query that is one dictionary word (组织部, 双带头人) is found wherever it occurs, however
jieba cuts the sentence around it. Any other query run (思想政治工作, a new word, "三会一课 制度")
matches where all its character bigrams (`bigrams`) occur, so nothing is missed because jieba
cuts it differently in context (思想政治工作者 → 思想/政治/工作者); its words rank the hits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

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


# Every character met so far, sorted once: those that fold to one other character (a table for
# str.translate), and those that need the slow path (dropped, spaces, folding to several).
_KNOWN: set[str] = set()
_TABLE: dict[int, str] = {}
_FOLDING: set[str] = set()  # the keys of _TABLE as characters
_COMPLEX: set[str] = set()


def _learn(chars: set[str]) -> None:
    for ch in chars:
        folded = ch if "\u4e00" <= ch <= "\u9fff" else _fold(ch)
        if len(folded) != 1 or ch in _DROP or ch.isspace() or _fold(folded) != folded:
            _COMPLEX.add(ch)
        elif folded != ch:
            _TABLE[ord(ch)] = folded
            _FOLDING.add(ch)
        _KNOWN.add(ch)


# Chinese characters fold to themselves: only the others need looking at (a regex drops the
# Chinese runs in C; a set of every character of a text costs more than the rest together).
_drop_cjk = re.compile("[\u4e00-\u9fff]+").sub


def _others(text: str) -> set[str]:
    """The characters of text other than common Chinese ones, each learnt once per process."""
    chars = set(_drop_cjk("", text))
    if not chars <= _KNOWN:  # set operations in C: characters are sorted once per process
        _learn(chars - _KNOWN)
    return chars


def normalize(text: str) -> tuple[str, Sequence[int]]:
    """Fold widths and case, drop spaces next to Chinese characters and zero-width marks.

    Returns the normalised text and, for each of its characters, the index of the original
    character it came from, so offsets can be mapped back for highlighting.
    """
    chars = _others(text)
    if chars.isdisjoint(_COMPLEX):  # the usual case: one for one, offsets stay as they are
        for ch in chars & _FOLDING:  # a few kinds of character (，：；); replace runs in C
            text = text.replace(ch, _TABLE[ord(ch)])
        return text, range(len(text))
    return _normalize_slow(text)


def same_places(text: str, chars: frozenset[str]) -> bool:
    """Whether finding normalised words made of `chars` in `text` as written finds exactly the
    places normalising would: no character of text is dropped or expanded, and none folds into
    one of `chars` (a full-width or compatibility form of it). `chars` are normalised already.
    True for nearly every Chinese text; then a highlighter need not normalise it at all."""
    present = _others(text)
    if not present.isdisjoint(_COMPLEX):
        return False
    return all(_TABLE[ord(c)] not in chars for c in present & _FOLDING)


def _normalize_slow(text: str) -> tuple[str, list[int]]:
    fold = {ch: "" if ch in _DROP else ch if "\u4e00" <= ch <= "\u9fff" else _fold(ch)
            for ch in set(text)}
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = fold[ch]
        if len(f) == 1:
            chars.append(f)
            origin.append(i)
        else:
            chars.extend(f)
            origin.extend([i] * len(f))
    if not any(c.isspace() for f in fold.values() for c in f):
        return "".join(chars), origin
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
    """Index terms of already normalised text, offsets into that text: jieba's precise-mode
    words (the ones it would cut here, new words included) and every dictionary word occurring
    anywhere, however jieba cuts the sentence (so 组织部 is found in 党委组织部, and
    教师党支部书记 where jieba prefers 教师/党支部书记)."""
    out: list[Token] = []
    spans = set()
    for pos, (word, s, e) in enumerate(segment.tokenize(norm)):
        if _indexable(word) and not word.isspace():
            out.append(Token(word, pos, s, e))
            spans.add((s, e))
    for word, s in segment.dictionary_words(norm):
        if (s, s + len(word)) not in spans and _indexable(word):
            out.append(Token(word, 0, s, s + len(word)))
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


@lru_cache(maxsize=4096)
def tokens_cached(text: str) -> tuple[Token, ...]:
    """tokens(text), remembered: titles and headings repeat on every clause of a document."""
    return tuple(tokens(text))


def exact_term(words: list[str]) -> str | None:
    """The one index term that finds a query run wherever it occurs, if there is one: a single
    dictionary word (indexed wherever it occurs) or a single character."""
    if len(words) == 1 and (len(words[0]) == 1 or segment.in_dictionary(words[0])):
        return words[0]
    return None


def bigrams(text: str) -> list[str]:
    """Every pair of neighbouring letters or digits of the normalised text (with repeats)."""
    norm, _ = normalize(text)
    return [norm[i:i + 2] for i in range(len(norm) - 1)
            if norm[i].isalnum() and norm[i + 1].isalnum()]


def query_bigrams(words: list[str]) -> list[str]:
    """The distinct bigrams of a run of query words: a clause holding the run holds them all."""
    return sorted(set(bigrams("".join(words))))


def analyse_record(record) -> tuple:
    """Everything an engine indexes of a clause record, analysed once (in a worker process
    when indexing in parallel): the tokens of its body, context and title as (text, pos, start,
    end) tuples, and the bigrams of body and context."""
    texts = record.texts()

    def plain(found) -> list[tuple[str, int, int, int]]:
        return [(t.text, t.pos, t.start, t.end) for t in found]

    return (plain(tokens(texts["body"])),
            plain(tokens_cached(texts["ctx"])) if texts["ctx"] else [],
            plain(tokens_cached(texts["title"])) if texts["title"] else [],
            bigrams(texts["body"]) + bigrams(texts["ctx"]))
