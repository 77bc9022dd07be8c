"""`compare` marks only real differences: numbers of another level (校级 / 省级), a coverage
against a share, words that say nothing of what is measured (一般, 召开), 至少3个 against 3个;
and a number's phrase does not repeat its comparison (达到95%以上, not 不低于达到95%以上)."""

from __future__ import annotations

from pbdocs.crossref import compare
from pbdocs.generate.compare import numbers, to_text
from pbdocs.lang.wording import target_phrase
from pbdocs.parse import parse_file


def _doc(tmp_path, name: str, inst: str, body: list[str]):
    """The document a user gets from a plan of this institution with these body lines."""
    src = tmp_path / f"{name}.txt"
    src.write_text("\n".join([f"中共{inst}委员会关于加强党支部建设的实施方案", *body,
                              f"中共{inst}委员会", "2026年3月1日"]), encoding="utf-8")
    return parse_file(src, doc_id=name)


def _marks(res) -> dict[tuple[str, str], bool]:
    """(institution, number as shown) → marked as differing."""
    return {(inst, n["text"]): n["differs"] for row in res["requirements"]
            for inst, items in row["cells"].items() for i in items for n in numbers(i)}


def test_counts_of_another_level_are_not_compared(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、主要目标", "到2027年底，培育校级样板支部4个。"])
    b = _doc(tmp_path, "b", "乙大学", ["一、主要目标", "到2027年底，培育省级样板支部3个。"])
    c = _doc(tmp_path, "c", "丙大学", ["一、主要目标", "到2027年底，培育校级样板支部8个。"])
    got = _marks(compare([a, b], topics=["样板支部"]))
    assert got and not any(got.values()), got
    got = _marks(compare([a, b, c], topics=["样板支部"]))
    assert got[("甲大学", "校级样板支部：4个")] and got[("丙大学", "校级样板支部：8个")]
    assert not got[("乙大学", "省级样板支部：3个")]


def test_words_of_doing_do_not_make_two_meetings_one(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、严格组织生活", "严格落实“三会一课”制度，支部委员会会议一般每月召开一次，"
                                      "党员大会一般每季度召开一次。"])
    b = _doc(tmp_path, "b", "乙大学", ["一、严格组织生活", "严格落实“三会一课”制度，党支部每月召开一次支部委员会。"])
    got = _marks(compare([a, b], topics=["三会一课"]))
    assert got and not any(got.values()), got
    from pbdocs.crossref.matrix import _subject_words

    assert _subject_words("支部委员会会议一般每月召开一次") & _subject_words(
        "党员大会一般每季度召开一次") == set()


def test_the_same_words_twice_in_a_sentence_each_have_their_own_subject(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、严格组织生活", "落实“三会一课”制度：党支部委员会每月召开1次，党员大会每季度"
                                      "召开1次，党小组会每月召开1次。"])
    res = compare([a], topics=["三会一课"])
    recs = [r for items in res["requirements"][0]["cells"].values() for i in items
            for r in i["recurrences"]]
    subjects = [r["subject_text"] for r in recs if r["text"] == "每月召开1次"]
    assert len(subjects) == 2 and "党小组会" in subjects[1] and "委员会" in subjects[0]


def test_a_coverage_is_not_compared_with_a_share(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、配强组织员队伍", "专职组织员比例不低于1%。"])
    b = _doc(tmp_path, "b", "乙大学", ["一、配强组织员队伍", "2026年底前实现专职组织员全覆盖。"])
    c = _doc(tmp_path, "c", "丙大学", ["一、加强理论学习", "每月开展一次集中学习。"])
    got = _marks(compare([a, b, c], topics=["专职组织员"]))
    assert len(got) >= 2 and not any(got.values()), got


def test_at_least_three_and_three_set_the_same_number(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、主要目标", "到2027年底，培育校级样板支部至少5个。"])
    b = _doc(tmp_path, "b", "乙大学", ["一、主要目标", "到2027年底，培育校级样板支部5个。"])
    got = _marks(compare([a, b], topics=["样板支部"]))
    assert got and not any(got.values()), got


def test_a_phrase_says_its_comparison_once():
    assert target_phrase({"text": "达到95%以上", "op": ">=", "unit": "%",
                          "subject": "“双带头人”比例"}) == "“双带头人”比例：达到95%以上"
    assert target_phrase({"text": "5个左右", "op": "~", "unit": "个"}) == "5个左右"
    assert target_phrase({"text": "3个", "op": ">=", "unit": "个"}) == "至少3个"
    assert target_phrase({"text": "1%", "op": ">=", "unit": "%"}) == "不低于1%"


def test_a_subject_does_not_start_with_the_de_that_tied_it(tmp_path):
    a = _doc(tmp_path, "a", "甲大学", ["一、配强组织员队伍", "按照不低于学生党员1%的比例配齐专职组织员。"])
    text = to_text(compare([a], topics=["专职组织员"]))
    assert "比例配齐专职组织员：不低于学生党员1%" in text and "：的" not in text


def test_a_colleges_count_is_not_compared_with_a_universitys(tmp_path):
    uni = _doc(tmp_path, "u", "甲大学", ["一、主要目标", "年内新培育校级样板支部5个。"])
    other = _doc(tmp_path, "o", "丙大学", ["一、主要目标", "年内新培育校级样板支部8个。"])
    src = tmp_path / "c.txt"
    src.write_text("\n".join(["中共乙大学化学学院委员会关于开展样板支部创建的实施方案",
                              "一、主要目标", "年内争创校级样板支部1个。",
                              "中共乙大学化学学院委员会", "2026年3月1日"]), encoding="utf-8")
    college = parse_file(src, doc_id="c")
    got = _marks(compare([uni, other, college], topics=["样板支部"]))
    assert got[("甲大学", "校级样板支部：5个")] and got[("丙大学", "校级样板支部：8个")]
    assert got[("乙大学", "校级样板支部：1个")] is False, got


def test_many_institutions_are_listed_in_rows_and_the_silent_named_once(tmp_path):
    from pbdocs.generate.compare import MATRIX_MAX, context

    docs = [_doc(tmp_path, f"d{k}", f"第{k}大学", ["一、主要目标", f"年内新培育校级样板支部{k}个。"])
            for k in range(1, MATRIX_MAX + 3)]
    docs.append(_doc(tmp_path, "z", "无关大学", ["一、加强理论学习", "每月开展一次集中学习。"]))
    res = compare(docs, topics=["样板支部"])
    ctx = context(res)
    assert ctx["long"] and "无关大学" not in ctx["institutions"]
    assert ctx["absent_line"] == "另有 1 所院校的文件未提及这些主题：无关大学。"
    assert [e["institution"] for e in ctx["rows"][0]["entries"]] == [
        f"第{k}大学" for k in range(1, MATRIX_MAX + 3)]
    out = tmp_path / "cmp.md"
    from pbdocs.generate.outputs import write

    write("compare", res, out)
    md = out.read_text(encoding="utf-8")
    assert "| 主题 | 院校 | 要求摘录与数值 |" in md and "无关大学。" in md
    assert md.count("\n| ") == MATRIX_MAX + 3  # the header and a row per institution
    assert "共比对1个主题、9所院校（8所提及）" in md
