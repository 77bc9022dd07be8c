"""Titles wrap between words: never before a closing mark or after an opening one, never inside
a number and its unit, a kept phrase or an organ's name — on every bundled and devcorpus title
and the titles pbdocs writes around them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pbdocs.generate.gbt9704 import text_width
from pbdocs.generate.layout import NO_LINE_END, NO_LINE_START
from pbdocs.generate.titlebreak import break_title, line_width

DEVCORPUS = Path(__file__).resolve().parents[2] / "shared" / "devcorpus"

# 二号 on a portrait page holds 20 characters a line; on a landscape page (task book) 28
WIDTHS = (20, 28)


def _readme_titles() -> list[str]:
    """The titles the devcorpus README gives for its texts (the part before the first ;)."""
    readme = DEVCORPUS / "README.md"
    if not readme.exists():
        return []
    out = []
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3 and cells[1].startswith("`") and cells[1].endswith(".txt`"):
            title = re.split(r"[;；]", cells[2])[0].strip()
            if len(title) >= 8 and not re.search(r"[A-Za-z]", title):  # not a remark
                out.append(title)
    return out


@pytest.fixture(scope="module")
def titles(parsed_corpus, parsed_devcorpus) -> list[str]:
    found: list[str] = []
    for doc in [*parsed_corpus.values(), *parsed_devcorpus.values()]:
        for t in (doc.title, doc.notice.title if doc.notice else None):
            if t:
                found.append(t)
    found += _readme_titles()
    plans = list(found)
    for t in plans:  # the notices and drafts pbdocs writes around them
        book = t.replace("《", "〈").replace("》", "〉")
        found += [f"关于印发《{book}》的通知", f"关于转发《{book}》的通知",
                  f"中共某某大学计算机与信息工程学院委员会关于贯彻落实《{book}》的实施方案（讨论稿）",
                  f"《{book}》任务分解表"]
    return sorted(set(found))


def test_there_are_many_titles(titles):
    assert len(titles) >= 60


@pytest.mark.parametrize("width", WIDTHS)
def test_titles_never_break_before_closing_or_after_opening_marks(titles, width):
    bad = []
    for title in titles:
        lines = break_title(title, width)
        assert "".join(lines) == title
        for a, b in zip(lines, lines[1:]):
            if b[0] in NO_LINE_START or a[-1] in NO_LINE_END:
                bad.append(" / ".join(lines))
            if re.search(r"\d$", a) and re.match(r"[\d年月日号%]", b):  # 2023 / 年度
                bad.append(" / ".join(lines))
        if len(lines) > 1:
            assert all(text_width(x) <= width for x in lines), lines
    assert not bad, bad[:10]


def test_words_and_names_stay_whole():
    lines = break_title("中共杭州电子科技大学委员会深化推进新时代学校党建工作的实施方案", 20)
    assert lines == ["中共杭州电子科技大学委员会", "深化推进新时代学校党建工作的实施方案"]
    lines = break_title("关于做好各党总支(党委)书记抓基层党建述职评议考核工作的通知", 20)
    assert not any(x.startswith(")") for x in lines)
    lines = break_title("关于印发《关于2023年度高校最佳党日活动优胜奖申报工作的通知》的通知", 20)
    assert all(not x.startswith("度") for x in lines) and len(lines) == 2


def test_a_line_with_digits_keeps_room_for_their_width():
    # 20 em by the half-em count, but digits in a title font are wider: LibreOffice wrapped the
    # line and left 年） alone on a line of its own
    title = ("中共嘉应学院马克思主义学院委员会关于贯彻落实《中共嘉应学院委员会加强党的基层组织建设"
             "三年行动计划（2021—2023年）实施方案》的实施方案（讨论稿）")
    lines = break_title(title, 20)
    assert "".join(lines) == title
    assert "基层组织建设三年行动计划（2021—2023年）" not in lines
    assert all(line_width(line) <= 20 for line in lines)
    # a line of Chinese characters only still fills the whole measure
    assert break_title("一" * 20, 20) == ["一" * 20]
