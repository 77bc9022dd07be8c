"""A second opinion on a suggested lead, from labelled examples (`lexicon/precedents.tsv`).

The duty table (`duties.tsv`) suggests a department from the one keyword a sentence is taken to
be about. Hand-labelled task books record who people who know how universities divide the work
gave each unnamed task to. A character-bigram naive Bayes over those rows (the sentence, the
document's title and who issued it) weighs every word of the sentence at once. Where it is far
surer of another department than of the keyword's (a log-odds margin over the runner-up of at
least `MARGIN`), its department is the suggestion, with the reason shown; otherwise the keyword's
stands. Only departments are learned and suggested: a college's, a branch's or a hospital's own
bodies are named by the text, not by examples from other institutions.

Measured twice. On the rows the rules suggested from a keyword when each set of rounds 18-23
was first scored (code of that day, a model of only the sets written before it): 114 of 1,208
rows changed, 72 to the labelled department and 22 away from it. On all 48 invented sets with
today's rules, each scored with the examples of the other sets (`benchmarks/precedent_ablation.py`,
`benchmarks/precedent_round24.txt`): suggestions agreeing 2,909 -> 2,948 of 3,546.

A corpus may add its own rows (`lexicon/precedents.tsv` in the corpus folder: the institution's
own division of work, learned the same way). `PBDOCS_PRECEDENTS_SKIP` (a comma-separated list of
substrings of the `source` column) leaves rows out, to score a gold set with a model that has not
seen it.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from pbdocs.lang.lexicon import per_lexicon, rows

MARGIN = 25.0  # the log-odds lead of the top department over the runner-up
_ALPHA = 0.1  # additive smoothing
_TITLE_WEIGHT = 0.5
_ISSUER_WEIGHT = 3.0
_NOISE = re.compile(r"\s+")


@dataclass(frozen=True)
class Opinion:
    """The departments the examples point to, and by what log-odds margin over the next."""

    lead: tuple[str, ...]
    margin: float


def _bigram_keys(prefix: str, text: str):
    s = _NOISE.sub("", text or "")
    return map(prefix.__add__, map(str.__add__, s, s[1:]))


def _bigrams(prefix: str, text: str) -> Counter:
    return Counter(_bigram_keys(prefix, text))


def features(text: str, title: str, issuer: str) -> Counter:
    """The character bigrams of the sentence, the title's (weighted lower) and the issuer."""
    f = _bigrams("S", text)
    for k, v in _title_features(title, issuer):
        f[k] += v
    return f


@functools.lru_cache(maxsize=512)
def _title_features(title: str, issuer: str) -> tuple[tuple[str, float], ...]:
    """What a document gives each of its sentences: its title's bigrams and its issuer (the same
    for every row of a document, so counted once)."""
    out = [(k, v * _TITLE_WEIGHT) for k, v in _bigrams("T", title).items()]
    return tuple(out + [("I" + (issuer or ""), _ISSUER_WEIGHT)])


@dataclass
class _Model:
    labels: list[tuple[str, ...]]
    log_prior: np.ndarray  # one per label
    index: dict[str, int]  # feature → row of `log_p`
    log_p: np.ndarray  # features × labels: log P(feature | label), smoothed


def _skipped() -> tuple[str, ...]:
    return tuple(s for s in os.environ.get("PBDOCS_PRECEDENTS_SKIP", "").split(",") if s)


@per_lexicon()
def _model(skip: tuple[str, ...] = ()) -> _Model | None:
    sentences: dict[tuple[str, ...], list[str]] = defaultdict(list)
    titled: dict[tuple[str, ...], Counter] = defaultdict(Counter)  # (title, issuer) → its rows
    prior: Counter = Counter()
    for r in rows("precedents.tsv", min_cells=4):
        lead = tuple(sorted(x for x in re.split(r"[、，,]", r[0]) if x.strip()))
        source = r[4] if len(r) > 4 else ""
        if not lead or any(s in source for s in skip):
            continue
        prior[lead] += 1
        sentences[lead].extend(_bigram_keys("S", r[3]))
        titled[lead][(r[2], r[1])] += 1
    if len(prior) < 2:
        return None
    counts = {lead: Counter(keys) for lead, keys in sentences.items()}
    for lead, docs in titled.items():
        for (title, issuer), times in docs.items():
            for k, v in _title_features(title, issuer):
                counts[lead][k] += v * times
    vocab = set().union(*counts.values())
    n, size = sum(prior.values()), len(vocab)
    labels = list(prior)
    index = {k: i for i, k in enumerate(sorted(vocab))}
    denom = np.array([sum(counts[c].values()) + _ALPHA * size for c in labels])
    raw = np.zeros((len(index), len(labels)))
    for j, c in enumerate(labels):
        for k, v in counts[c].items():
            raw[index[k], j] = v
    return _Model(labels, np.log(np.array([prior[c] for c in labels]) / n), index,
                  np.log((raw + _ALPHA) / denom))


def opinion(text: str, title: str, issuer: str) -> Opinion | None:
    """The department the labelled examples give a sentence, when they are sure of it (a
    margin of `MARGIN` over the next), else None."""
    m = _model(_skipped())
    if m is None:
        return None
    f = [(m.index[k], v) for k, v in features(text, title, issuer).items() if k in m.index]
    scores = m.log_prior.copy()
    if f:
        rows_, weights = zip(*f)
        scores += np.asarray(weights) @ m.log_p[list(rows_)]
    top = np.argsort(scores)[::-1]
    margin = float(scores[top[0]] - scores[top[1]])
    if margin < MARGIN:
        return None
    return Opinion(m.labels[int(top[0])], margin)
