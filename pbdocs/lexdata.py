"""Loading the plain-text lexicons under `pbdocs/lexicon/` (one entry a line, `#` comments)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of lexicon file `name`, stripped, in file order."""
    path = LEXICON_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@cache
def fields(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a tab- or multi-space-separated lexicon file, split into fields."""
    return tuple(tuple(re.split(r"\t+|\s{2,}", e, maxsplit=1)) for e in entries(name))


@cache
def alternation(name: str) -> str:
    """A regex alternation of the file's entries, longest first (entries are literal text)."""
    return "|".join(re.escape(e) for e in sorted(entries(name), key=len, reverse=True))
