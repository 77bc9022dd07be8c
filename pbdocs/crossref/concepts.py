"""Concepts of clause alignment: a curated, user-extendable lexicon (`lexicon/concepts.tsv`) of
the different words plans use for one requirement (同谋划 / 统一部署 / 同步考核 …), and a matcher
that maps a text to the concepts its terms hit, in one regex pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pbdocs.lang import lexicon

CONCEPTS_FILE = "concepts.tsv"


def read_term_table(name: str, path: str | Path | None = None) -> list[tuple[str, list[str]]]:
    """Rows of a `name<TAB>term|term…` lexicon file as (name, terms): the file at `path` alone,
    else lexicon file `name` with its extensions."""
    if path:
        return lexicon.parse_term_rows(lexicon.read_file(path))
    return lexicon.term_table(name)


def load_concepts(path: str | Path | None = None) -> list[tuple[str, list[str]]]:
    """Read a concepts file (concept id, then terms separated by |); `#` lines are comments."""
    from pbdocs.lang.text import fold

    out = []
    for name, terms in read_term_table(CONCEPTS_FILE, path):
        folded = [t for t in (fold(k) for k in terms) if t]
        if folded:
            out.append((name, folded))
    return out


def _trie_pattern(terms: list[str]) -> str:
    """A regex alternation shaped as a trie, so each position costs one character test when no
    term starts there, and the greedy match is the longest term starting there."""
    trie: dict = {}
    for t in terms:
        node = trie
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = True

    def walk(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + walk(child) for ch, child in node.items() if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return walk(trie)


@dataclass
class ConceptMatcher:
    """Maps a folded text to the indices of the concepts whose terms occur in it."""

    names: list[str]
    pattern: re.Pattern
    # For each matchable term: the concepts of it and of every term inside it. Matches do not
    # overlap (one pass, about 3x faster than a lookahead at every position), so the longest
    # term at a position stands for the shorter terms it holds.
    hits: dict[str, frozenset[int]]

    @classmethod
    def from_concepts(cls, concepts: list[tuple[str, list[str]]]) -> ConceptMatcher | None:
        """A matcher for the concepts, or None when there are none."""
        of: dict[str, set[int]] = {}
        for j, (_, terms) in enumerate(concepts):
            for t in terms:
                of.setdefault(t, set()).add(j)
        if not of:
            return None
        hits = {t: frozenset(j for p, js in of.items() if p in t for j in js)
                for t in of}
        pattern = re.compile(_trie_pattern(list(of)))
        return cls([n for n, _ in concepts], pattern, hits)

    def match(self, folded: str) -> set[int]:
        """Indices of the concepts mentioned in an already folded text."""
        out: set[int] = set()
        for m in self.pattern.finditer(folded):
            h = self.hits.get(m.group(0))
            if h:
                out |= h
        return out
