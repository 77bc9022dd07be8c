"""Text helpers every stage shares: the CJK character range, width folding for matching, and
sentence splitting."""

from __future__ import annotations

import functools
import re
import unicodedata

from pbdocs.lang import lexicon

HAN = "\u4e00-\u9fff"  # CJK Unified Ideographs: a regex character-class range
HAN_RUN = re.compile(f"[{HAN}]+")
SENTENCE_ENDS = "。；;！？!?"
# a body's second name in brackets after its first (党委宣传部（党委网络安全和信息化工作办公室）,
# 档案馆（校史馆）)
SECOND_NAME = re.compile(r"[（(](?P<alias>[^（）()]{1,20})[）)]$")
_SPACE = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Text for matching: widths folded (NFKC: `（１）` → `(1)`) and all whitespace removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def fold_width(text: str | None) -> str:
    """Widths folded (NFKC) with spaces kept."""
    return unicodedata.normalize("NFKC", text or "")


def sentence_spans(text: str, newline: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, each ending after 。；！？ (and after a line end
    when `newline`); pieces holding only spaces and sentence punctuation are dropped."""
    ends = SENTENCE_ENDS + ("\n" if newline else "")
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in "；;" and inside_note(text, i):
            continue  # （牵头单位：党委组织部；配合单位：人事处）: one note, not two sentences
        if ch in ends:
            if text[start:i + 1].strip(" \t\n\u3000" + SENTENCE_ENDS):
                out.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


# a bracket opened shortly before, and one closed shortly after, on the same line
_OPEN_NOTE = re.compile(r"[（(][^（）()。\n]{0,30}$")
_CLOSE_NOTE = re.compile(r"[^（）()。\n]{0,60}[）)]")


def inside_note(text: str, i: int) -> bool:
    """Whether position i is inside a short bracket (a note) that closes on its line."""
    return bool(_OPEN_NOTE.search(text, max(0, i - 30), i)) and bool(
        _CLOSE_NOTE.match(text, i + 1, min(len(text), i + 62)))


def sentences(text: str | None, newline: bool = False) -> list[str]:
    """The sentences of text, stripped (see `sentence_spans`)."""
    text = text or ""
    return [text[a:b].strip() for a, b in sentence_spans(text, newline)]


def responsibility_note() -> re.Pattern:
    """A responsibility note in brackets, `(牵头部门:组织部,配合部门:宣传部)`, whose label is one
    of `lexicon/responsibility_notes.txt`: who does it, not what is done."""
    return _note_re(lexicon.active())


@functools.lru_cache(maxsize=8)
def _note_re(dirs: tuple[str, ...]) -> re.Pattern:
    labels = lexicon.alternation("responsibility_notes.txt", dirs)
    return re.compile(rf"[（(【\[]\s*(?:{labels})\s*[:：][^（）()【】\[\]]*[)）】\]]")
