"""The query language, independent of any engine: words, "phrases", AND / OR / NOT and
parentheses. Parsing gives a small tree that each backend compiles to its own queries.

Grammar:  expr := and (OR and)* ;  and := unary ((AND)? unary)* ;
          unary := NOT unary | atom ;  atom := WORD | "PHRASE" | ( expr )
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pbdocs.errors import InputError
from pbdocs.search.analysis import exact_term, query_bigrams, words


@dataclass
class Terms:
    """A bare word of the query: its precise words, next to each other and in order."""

    words: list[str]
    source: str

    def exact(self) -> str | None:
        """The one index term that decides this run, if any (see analysis.exact_term)."""
        return exact_term(self.words)

    def grams(self) -> list[str]:
        """The character bigrams that must all occur, when there is no exact term."""
        return query_bigrams(self.words)


@dataclass
class Phrase(Terms):
    """A quoted phrase (may hold spaces and operator words): matched like Terms."""


@dataclass
class And:
    must: list = field(default_factory=list)
    must_not: list = field(default_factory=list)


@dataclass
class Or:
    should: list = field(default_factory=list)


@dataclass
class Not:
    """Only as an operand being parsed; folded into And.must_not."""

    node: object


Node = Terms | Phrase | And | Or

_OPEN_QUOTES = {'"': '"', "“": "”", "「": "」", "＂": "＂"}
_CLOSE_ONLY = "”」"
_KEYWORDS = {"AND": "AND", "OR": "OR", "NOT": "NOT", "&&": "AND", "||": "OR", "|": "OR"}


def _lex(q: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: WORD, PHRASE, AND, OR, NOT, LP, RP."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c in "(（":
            out.append(("LP", c))
            i += 1
        elif c in ")）":
            out.append(("RP", c))
            i += 1
        elif c in _CLOSE_ONLY:
            raise InputError(f"检索式中的引号不成对：{q}")
        elif c in _OPEN_QUOTES:
            close = _OPEN_QUOTES[c]
            j = q.find(close, i + 1)
            if c == "“" and j < 0:
                j = q.find('"', i + 1)
            if j < 0:
                raise InputError(f"检索式中的引号不成对：{q}")
            out.append(("PHRASE", q[i + 1:j]))
            i = j + 1
        else:
            m = re.compile(r"[^\s()（）\"“”「」＂]+").match(q, i)
            text = m.group(0)
            i = m.end()
            if text in _KEYWORDS:
                out.append((_KEYWORDS[text], text))
            elif text.startswith("-") and len(text) > 1:
                out.append(("NOT", "-"))
                out.append(("WORD", text[1:]))
            else:
                out.append(("WORD", text))
    return out


class _Parser:
    def __init__(self, q: str, toks: list[tuple[str, str]]):
        self.q = q
        self.toks = toks
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i][0] if self.i < len(self.toks) else None

    def take(self) -> tuple[str, str]:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expr(self):
        parts = [self.conj()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, "RP", "OR", "AND"):
                raise InputError(f"检索式中 OR 后面缺少检索词：{self.q}")
            parts.append(self.conj())
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Or(parts)

    def conj(self):
        items = [self.unary()]
        while self.peek() not in (None, "OR", "RP"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, "RP", "OR", "AND"):
                    raise InputError(f"检索式中 AND 后面缺少检索词：{self.q}")
            items.append(self.unary())
        node = And()
        for it in items:
            if it is None:
                continue
            if isinstance(it, Not):
                if it.node is not None:
                    node.must_not.append(it.node)
            else:
                node.must.append(it)
        if not node.must and not node.must_not:
            return None
        if len(node.must) == 1 and not node.must_not:
            return node.must[0]
        return node

    def unary(self):
        kind = self.peek()
        if kind == "NOT":
            self.take()
            if self.peek() in (None, "RP", "OR", "AND"):
                raise InputError(f"检索式中 NOT 后面缺少检索词：{self.q}")
            return Not(self.unary())
        if kind == "LP":
            self.take()
            inner = self.expr()
            if self.peek() != "RP":
                raise InputError(f"检索式中的括号不成对：{self.q}")
            self.take()
            return inner
        if kind == "RP":
            raise InputError(f"检索式中的括号不成对：{self.q}")
        if kind in ("AND", "OR"):
            raise InputError(f"检索式中 {self.toks[self.i][1]} 前面缺少检索词：{self.q}")
        kind, text = self.take()
        ws = words(text)
        if not ws:
            return None  # punctuation only: nothing to look for
        if kind == "PHRASE" and len(ws) > 1:
            return Phrase(ws, text)
        return Terms(ws, text)


def parse_query(q: str) -> Node:
    """Parse a query string into a tree (raises InputError with a sentence for a person)."""
    if q is None or not q.strip():
        raise InputError("检索词为空，请输入要查找的内容，例如：pbdocs search 双带头人")
    q = q.strip()
    p = _Parser(q, _lex(q))
    node = p.expr()
    if p.i < len(p.toks):
        raise InputError(f"检索式中的括号不成对：{q}")
    if node is None:
        raise InputError(f"检索式“{q}”中没有可检索的字词。")
    if isinstance(node, And) and not node.must and not node.must_not:
        raise InputError(f"检索式“{q}”中没有可检索的字词。")
    return node


def positive_terms(node: Node) -> tuple[set[str], list[list[str]]]:
    """The strings a hit may contain because of the query (for highlighting); the second
    item (phrases as word lists) is kept empty: a run of words is matched as one string."""
    terms: set[str] = set()
    phrases: list[list[str]] = []

    def walk(n) -> None:
        if isinstance(n, Terms):  # also Phrase
            terms.add("".join(n.words))
        elif isinstance(n, And):
            for m in n.must:
                walk(m)
        elif isinstance(n, Or):
            for m in n.should:
                walk(m)

    walk(node)
    return terms, phrases


def rank_words(node: Node, out: list[str] | None = None) -> list[str]:
    """The words whose scores rank the hits, in query order: each positive word of the query
    (a run matched by bigrams is ranked by its words, where indexed); NOT parts rank nothing."""
    out = [] if out is None else out
    if isinstance(node, Terms):
        term = node.exact()
        out.extend([term] if term is not None else node.words)
    elif isinstance(node, Or):
        for n in node.should:
            rank_words(n, out)
    elif isinstance(node, And):
        for n in node.must:
            rank_words(n, out)
    return out
