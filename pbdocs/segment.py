"""Chinese word segmentation shared by extraction and search: one jieba tokenizer with the
domain user dictionary (`lexicon/userdict.txt`), created once per process."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

USERDICT = Path(__file__).resolve().parent / "lexicon" / "userdict.txt"


@lru_cache(maxsize=1)
def tokenizer():
    """The process-wide jieba Tokenizer with the domain terms loaded."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    tk.load_userdict(str(USERDICT))
    return tk


def cut(text: str) -> list[str]:
    """Segment text into words (precise mode)."""
    return list(tokenizer().cut(text, HMM=True))


def cut_for_search(text: str) -> list[str]:
    """Segment text for indexing: long words and their shorter parts."""
    return list(tokenizer().cut_for_search(text, HMM=True))
