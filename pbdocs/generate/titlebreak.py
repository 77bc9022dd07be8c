"""Where a long title breaks: GB/T 9704 wants titles that wrap to keep words whole and lines
balanced (回行时词意完整，排列对称), not filled to the margin."""

from __future__ import annotations

import re

from pbdocs.generate.gbt9704 import text_width
from pbdocs.lang import lexicon

_NO_LINE_START = set("》）〉」』”’、，。：；！？%")
_NO_LINE_END = set("《（〈「『“‘")
BAD = 1000.0  # a break between two characters of an ordinary word
FORBIDDEN = float("inf")


@lexicon.per_lexicon()
def _words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words a line may end with (`after`) and words a line may start with (`before`)."""
    after, before = [], []
    for row in lexicon.rows("title_breaks.txt", min_cells=2):
        (after if row[0] == "after" else before).append(row[1])
    return tuple(after), tuple(before)


def _penalties(title: str) -> list[float]:
    """Cost of a break before index i (1..len-1)."""
    after, before = _words()
    cost = [BAD] * (len(title) + 1)
    for i in range(1, len(title)):
        a, b = title[i - 1], title[i]
        if b in _NO_LINE_START or a in _NO_LINE_END or (a.isascii() and b.isascii()
                                                          and a.isalnum() and b.isalnum()):
            cost[i] = FORBIDDEN
        elif a in "》）〉」』、，：" or b in "《（〈「『":
            cost[i] = 0.0
    for w in after:
        for m in re.finditer(re.escape(w), title):
            if 0 < m.end() < len(title) and cost[m.end()] != FORBIDDEN:
                cost[m.end()] = min(cost[m.end()], 1.0)
    for w in before:
        for m in re.finditer(re.escape(w), title):
            if 0 < m.start() and cost[m.start()] != FORBIDDEN:
                cost[m.start()] = min(cost[m.start()], 1.0)
    return cost


def break_title(title: str, line_em: float) -> list[str]:
    """Split a title into the fewest lines of at most `line_em` em, breaking at word
    boundaries and keeping the lines about equally long."""
    total = text_width(title)
    if total <= line_em or len(title) < 2:
        return [title]
    cost = _penalties(title)
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
                    w = text_width(title[j:i])
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
