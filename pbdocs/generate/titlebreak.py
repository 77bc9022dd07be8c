"""Where a long title breaks: GB/T 9704 wants titles that wrap to keep words whole and lines
balanced (回行时词意完整，排列对称), not filled to the margin.

A break is allowed only between words (jieba's, with the domain dictionary), never before a
closing mark or after an opening one, never inside a run of Latin letters or digits or between
a number and its unit (`2023年度`), never inside the phrases and names the rules keep whole
(`lexicon/title_breaks.txt`: `keep` words and `keep_pattern`s such as an organ's name
`中共…委员会`). Among the allowed breaks, those the rules prefer (`after 委员会`, `before 关于`,
next to punctuation) cost least; the lines are kept about equally long.
"""

from __future__ import annotations

import re

from pbdocs.generate.gbt9704 import char_width, text_width
from pbdocs.generate.layout import NO_LINE_END, NO_LINE_START
from pbdocs.lang import lexicon

BAD = 1000.0  # a break inside a word: only when nothing else fits
WORD = 5.0  # a break between two words the rules say nothing about
PREFERRED = 1.0  # a break the rules prefer
FORBIDDEN = float("inf")
# A number and the unit after it stay on one line: 2023年度, 3年, 10月8日, 100%.
_NUMBER_UNIT = re.compile(r"\d+(?:[.\-—～~－]\d+)*(?:年度|周年|年|月|日|号|期|届|名|个|项|%|％)?")


# Half-width characters (digits, Latin letters) set in a Chinese title font come out a little
# wider than half an em (LibreOffice's fallback fonts too): a title line holding 2021—2023 that
# measured exactly a line overflowed and left 年） alone. A line is measured with this margin.
HALF_WIDTH_MARGIN = 0.06


def line_width(text: str) -> float:
    """Width of a title line in em, half-width characters counted with their margin."""
    return text_width(text) + HALF_WIDTH_MARGIN * sum(char_width(c) == 0.5 for c in text)


@lexicon.per_lexicon()
def _rules() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[re.Pattern, ...]]:
    """Words a line may end with (`after`), start with (`before`), words and patterns never
    broken (`keep`, `keep_pattern`)."""
    after, before, keep, patterns = [], [], [], []
    for row in lexicon.rows("title_breaks.txt", min_cells=2):
        kind, value = row[0], row[1]
        if kind == "after":
            after.append(value)
        elif kind == "before":
            before.append(value)
        elif kind == "keep":
            keep.append(value)
        elif kind == "keep_pattern":
            patterns.append(re.compile(value))
    return tuple(after), tuple(before), tuple(keep), tuple(patterns)


def _word_starts(title: str) -> set[int]:
    """The positions where a word of the title begins (jieba, with the domain dictionary)."""
    from pbdocs import segment

    return {start for _, start, _ in segment.tokenize(title)}


KEPT_TOO_LONG = 50.0  # a break inside a kept phrase too long for a line: at a word boundary


def penalties(title: str, line_em: float = float("inf")) -> list[float]:
    """Cost of a break before index i (1..len-1); FORBIDDEN where a break is never allowed. A
    kept phrase longer than a line (`中共某某大学某某学院委员会`) may break between its words."""
    after, before, keep, patterns = _rules()
    n = len(title)
    cost = [BAD] * (n + 1)
    starts = _word_starts(title)
    for i in range(1, n):
        if i in starts:
            cost[i] = WORD
        a, b = title[i - 1], title[i]
        if a in "》）〉」』、，：" or b in "《（〈「『":
            cost[i] = 0.0
    for w in after:
        for m in re.finditer(re.escape(w), title):
            if 0 < m.end() < n:
                cost[m.end()] = min(cost[m.end()], PREFERRED)
    for w in before:
        for m in re.finditer(re.escape(w), title):
            if 0 < m.start():
                cost[m.start()] = min(cost[m.start()], PREFERRED)
    spans = [m.span() for m in _NUMBER_UNIT.finditer(title)]
    for w in keep:
        spans += [m.span() for m in re.finditer(re.escape(w), title)]
    for rx in patterns:
        spans += [m.span() for m in rx.finditer(title)]
    for a, b in spans:
        too_long = line_width(title[a:b]) > line_em
        for i in range(a + 1, b):
            if too_long and i in starts:
                cost[i] = max(cost[i], KEPT_TOO_LONG)
            elif not too_long:
                cost[i] = FORBIDDEN
    for i in range(1, n):
        if title[i] in NO_LINE_START or title[i - 1] in NO_LINE_END:
            cost[i] = FORBIDDEN
    return cost


def break_title(title: str, line_em: float) -> list[str]:
    """Split a title into the fewest lines of at most `line_em` em, breaking at word
    boundaries and keeping the lines about equally long."""
    total = line_width(title)
    if total <= line_em or len(title) < 2:
        return [title]
    cost = penalties(title, line_em)
    n_min = int(-(-total // line_em))
    for n in (n_min, n_min + 1, n_min + 2):
        target = total / n
        # best[k][i]: cheapest split of title[:i] into k lines
        best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}] + [{} for _ in range(n)]
        for k in range(1, n + 1):
            for i in range(1, len(title) + 1):
                if i < len(title) and cost[i] == FORBIDDEN:
                    continue
                end_cost = 0.0 if i == len(title) else cost[i]
                for j, (c, _) in best[k - 1].items():
                    if j >= i:
                        continue
                    w = line_width(title[j:i])
                    if w > line_em:
                        continue
                    total_cost = c + end_cost + ((w - target) ** 2) / 4
                    if i not in best[k] or total_cost < best[k][i][0]:
                        best[k][i] = (total_cost, j)
        if len(title) in best[n] and best[n][len(title)][0] < BAD:
            lines, i = [], len(title)
            for k in range(n, 0, -1):
                j = best[k][i][1]
                lines.append(title[j:i])
                i = j
            return lines[::-1]
    return [title]
