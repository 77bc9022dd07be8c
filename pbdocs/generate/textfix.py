"""Text from a source as a generated document writes it: Chinese punctuation full-width
(`各党总支(党委)` → `各党总支（党委）`, `要求,3月` → `要求，3月`), and the places where the source
itself is damaged (a lost numeral, a lost quote, a garbled 发文字号 or date, as parsing warned)
marked for a person to check.

The template filters `md` and `cell` apply one `TextRules` to every value they print, so every
kind of document gets the same treatment; `--keep-punct` keeps the source's punctuation. A
damaged place is wrapped in the sentinels `DAMAGE_OPEN`/`DAMAGE_CLOSE`, which the filters turn
into `<mark class="damaged">` after escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pbdocs.lang import lexicon
from pbdocs.lang.text import HAN

DAMAGE_OPEN, DAMAGE_CLOSE = "\ue000", "\ue001"
LOST = "□"  # where a character of the source is lost (the printers' mark for it)
# Full-width letters, CJK punctuation and ideographs: what makes a mark around them Chinese.
_WIDE = f"{HAN}\u3000-\u303f\uff00-\uffef“”‘’《》〈〉—…·"
_IS_WIDE = re.compile(f"[{_WIDE}]")
_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_DOC_NO = re.compile(
    rf"(?<=[{HAN}])[\[［【(（]\s*((?:19|20)\d{{2}})\s*[\]］】)）]\s*第?0*(\d+)\s*号")
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-－~～]\s*((?:19|20)\d{2})(?=\s*年)")
_DATE_RANGE = re.compile(r"(?<=\d[年月日])\s*[-－~～]\s*(?=\d{1,4}[年月日])")


def _wide(ch: str) -> bool:
    return bool(ch) and bool(_IS_WIDE.match(ch))


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest character to i in direction step that is not a space ('' at the edge)."""
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def fullwidth(text: str) -> str:
    """Half-width punctuation in Chinese text made full-width: `,;:?!` next to a Chinese
    character, brackets that hold or touch Chinese, straight double quotes around Chinese as
    “”, a 发文字号 `[2019]4号` as `〔2019〕4号`, a range of years or dates `2021-2023年`,
    `3月-5月` with a dash (`2021—2023年`, `3月—5月`).
    Marks between Latin letters or digits (`1,000`, `14:00`, `http://`) stay as they are."""
    if not text:
        return text
    s = _DOC_NO.sub(lambda m: f"〔{m.group(1)}〕{m.group(2)}号", text)
    s = _YEAR_RANGE.sub(r"\1—\2", s)
    s = _DATE_RANGE.sub("—", s)
    chars = list(s)
    # brackets: a pair becomes full-width when it holds or touches Chinese
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    for a, b in pairs:
        inside = s[a + 1:b]
        if (_IS_WIDE.search(inside) or _wide(_neighbour(s, a, -1))
                or _wide(_neighbour(s, b, 1))):
            chars[a], chars[b] = "（", "）"
    paired = {i for p in pairs for i in p}
    for i, ch in enumerate(chars):
        if ch in "()" and i not in paired:
            before, after = _neighbour(s, i, -1), _neighbour(s, i, 1)
            if _wide(before) or _wide(after):
                chars[i] = "（" if ch == "(" else "）"
    # , ; : ? ! next to Chinese (never between two digits or Latin letters)
    for i, ch in enumerate(chars):
        if ch in _SIMPLE:
            before, after = _neighbour(s, i, -1), _neighbour(s, i, 1)
            if _wide(before) or (_wide(after) and not (before.isascii() and before.isalnum()
                                                        and ch == ":")):
                chars[i] = _SIMPLE[ch]
    # straight double quotes around Chinese: alternate “ and ”
    quotes = [i for i, ch in enumerate(chars) if ch == '"']
    if quotes and len(quotes) % 2 == 0:
        for k in range(0, len(quotes), 2):
            a, b = quotes[k], quotes[k + 1]
            if _IS_WIDE.search(s[a + 1:b]):
                chars[a], chars[b] = "“", "”"
    out = "".join(chars)
    # a space left beside a full-width mark is layout, not text
    return re.sub(r"[ \t]*([，；：？！（）])[ \t]*", r"\1", out) if out != s else out


@lexicon.per_lexicon()
def _measure_words() -> re.Pattern:
    words = sorted((e for e in lexicon.entries("measure_words.txt") if not e.startswith("!")),
                   key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


@lexicon.per_lexicon()
def lost_numeral() -> re.Pattern:
    """A gap between a Chinese character and a measure word (`至少召开 次`), where the source
    lost a numeral."""
    return re.compile(rf"(?<=[{HAN}])[ \u3000](?=(?:{_measure_words().pattern}))")


def _quoted(message: str) -> str | None:
    m = re.search(r"“([^”]+)”", message or "")
    return m.group(1) if m else None


@dataclass
class Damage:
    """What parsing found damaged in a source: lost numerals (a gap before a measure word),
    quotes out of place (with the text around them), garbled numbers and dates (as written)."""

    numerals: bool = False
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (text up to it, the mark)
    tokens: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc) -> Damage:
        """The damage a document's warnings report."""
        d = cls()
        for w in getattr(doc, "warnings", None) or []:
            kind = getattr(w, "kind", None)
            if kind == "missing_numeral":
                d.numerals = True
            elif kind == "unbalanced_quote" and w.excerpt:
                d.quotes += _quote_spots(w.excerpt)
            elif kind in ("malformed_doc_number", "malformed_date"):
                token = _quoted(w.message)
                if token and len(token) >= 4 and token not in d.tokens:
                    d.tokens.append(token)
        return d

    def __bool__(self) -> bool:
        return self.numerals or bool(self.quotes) or bool(self.tokens)

    def mark(self, text: str) -> tuple[str, int]:
        """Text with each damaged place wrapped in the sentinels (a lost numeral shown as □),
        and how many places were marked."""
        if not self or not text:
            return text, 0
        count = 0
        if self.numerals:
            text, n = lost_numeral().subn(f"{DAMAGE_OPEN}{LOST}{DAMAGE_CLOSE}", text)
            count += n
        for left, mark in self.quotes:
            i = text.find(left)
            while i >= 0:
                k = i + len(left) - 1
                if text[k] == mark:
                    text = f"{text[:k]}{DAMAGE_OPEN}{mark}{DAMAGE_CLOSE}{text[k + 1:]}"
                    count += 1
                    i = text.find(left, k + 3)
                else:
                    i = text.find(left, i + 1)
        for token in self.tokens:
            n = text.count(token)
            if n:
                text = text.replace(token, f"{DAMAGE_OPEN}{token}{DAMAGE_CLOSE}")
                count += n
        if self.quotes:  # parsing reports one place a paragraph: the others are found here
            text, n = _stray_quotes(text)
            count += n
        return text, count


_PAIRS = {"”": "“", "’": "‘"}


def _stray_quotes(text: str) -> tuple[str, int]:
    """Curly quotes of a text out of order, each wrapped in the sentinels: a closing mark with
    no opening one before it (`落实事业之友”“新生之友等`), an opening one never closed. Marks
    already wrapped are left as they are."""
    open_at: dict[str, list[int]] = {"“": [], "‘": []}
    stray: list[int] = []
    for i, ch in enumerate(text):
        if i > 0 and text[i - 1] == DAMAGE_OPEN:
            continue
        if ch in open_at:
            open_at[ch].append(i)
        elif ch in _PAIRS:
            if open_at[_PAIRS[ch]]:
                open_at[_PAIRS[ch]].pop()
            else:
                stray.append(i)
    stray += [i for opened in open_at.values() for i in opened]
    for i in sorted(stray, reverse=True):
        text = f"{text[:i]}{DAMAGE_OPEN}{text[i]}{DAMAGE_CLOSE}{text[i + 1:]}"
    return text, len(stray)


def _quote_spots(excerpt: str) -> list[tuple[str, str]]:
    """The quote marks of a warning's excerpt with the few characters before each (enough to
    find the place again); the excerpt is centred on the damaged mark."""
    marks = [i for i, ch in enumerate(excerpt) if ch in "“”‘’《》"]
    if not marks:
        return []
    centre = min(marks, key=lambda i: abs(i - len(excerpt) // 2))
    left = excerpt[max(0, centre - 6):centre + 1]
    return [(left, excerpt[centre])] if len(left) >= 4 else []


@dataclass
class TextRules:
    """How generated text treats what comes from a source: punctuation `full` (the default)
    or `source`, and the source's damage to mark."""

    punctuation: str = "full"
    damage: Damage = field(default_factory=Damage)
    marked: int = 0  # damaged places marked so far (for the note that explains the marks)

    def apply(self, text: str) -> str:
        """The text with its damage marked (sentinels) and its punctuation made full-width."""
        text, n = self.damage.mark(text)
        self.marked += n
        return fullwidth(text) if self.punctuation == "full" else text


def note(marked: int) -> str:
    """The check note a document carries when it marks damaged source text."""
    return (f"【核对提示】原文有{marked}处缺损（数字、引号或编号在原件或提取时丢失、错乱），"
            f"已用黄色标出，“{LOST}”为缺字处。发文前请对照原件核对补正，并删除本提示。")
