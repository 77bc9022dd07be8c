"""Outline against hand-made gold (tests/gold/outline/*.json) and the outline rules one by one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pbdocs.model import Source
from pbdocs.normalize import normalize
from pbdocs.outline import build_document

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "outline"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOC_IDS = sorted(p.stem for p in GOLD_DIR.glob("*.json"))


def _gold(doc_id: str) -> dict:
    return json.loads((GOLD_DIR / f"{doc_id}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed() -> dict:
    """The five corpus texts, read, normalised and outlined (no extraction), once."""
    from pbdocs.parse import parse_file

    return {d: parse_file(CORPUS / f"{d}.txt", doc_id=d, extract=False) for d in DOC_IDS}


def _doc(text: str, doc_id: str = "t"):
    norm, warnings = normalize(text)
    doc = build_document(norm, doc_id, Source(path="t.txt", format="txt", sha256="0" * 64))
    doc.warnings = warnings + doc.warnings
    return doc


def _prf(gold: set, got: set) -> tuple[float, float]:
    hit = len(gold & got)
    return (hit / len(got) if got else 1.0), (hit / len(gold) if gold else 1.0)


def outline_mismatches(doc, gold: dict) -> list[str]:
    """Every way the parsed outline differs from gold, one readable line each."""
    out = []
    got_s = {tuple(s.path): s for s in doc.sections}
    gold_s = {tuple(s["path"]): s for s in gold["sections"]}
    for p in gold_s.keys() - got_s.keys():
        out.append(f"缺少章节 {'/'.join(p)}：{gold_s[p]['heading']}")
    for p in got_s.keys() - gold_s.keys():
        out.append(f"多出章节 {'/'.join(p)}：{got_s[p].heading}")
    for p in gold_s.keys() & got_s.keys():
        for f in ("level", "number", "heading"):
            if getattr(got_s[p], f) != gold_s[p][f]:
                out.append(f"章节 {'/'.join(p)} 的 {f}：应为 {gold_s[p][f]!r}，"
                           f"实为 {getattr(got_s[p], f)!r}")
    if [tuple(s.path) for s in doc.sections] != [tuple(s["path"]) for s in gold["sections"]]:
        out.append("章节顺序与 gold 不同")
    got_c = {tuple(c.path): c for c in doc.clauses}
    gold_c = {tuple(c["path"]): c for c in gold["clauses"]}
    for p in gold_c.keys() - got_c.keys():
        out.append(f"缺少条款 {'/'.join(p)}")
    for p in got_c.keys() - gold_c.keys():
        out.append(f"多出条款 {'/'.join(p)}：{got_c[p].text[:20]}")
    for p in gold_c.keys() & got_c.keys():
        g, c = gold_c[p], got_c[p]
        name = "/".join(p)
        for f in ("number", "heading", "note"):
            if f in g and getattr(c, f) != g[f]:
                out.append(f"条款 {name} 的 {f}：应为 {g[f]!r}，实为 {getattr(c, f)!r}")
        if "starts" in g and not c.text.startswith(g["starts"]):
            out.append(f"条款 {name} 应以 {g['starts']!r} 开头，实为 {c.text[:20]!r}")
        if "ends" in g and not c.text.endswith(g["ends"]):
            out.append(f"条款 {name} 应以 {g['ends']!r} 结尾，实为 {c.text[-20:]!r}")
        if "contains" in g and g["contains"] not in c.text:
            out.append(f"条款 {name} 应含 {g['contains']!r}")
        if c.id != f"{doc.id}/{name}":
            out.append(f"条款 {name} 的 id 应为 {doc.id}/{name}，实为 {c.id}")
    if [tuple(c.path) for c in doc.clauses] != [tuple(c["path"]) for c in gold["clauses"]]:
        out.append("条款顺序与 gold 不同")
    return out


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_outline_matches_gold(parsed, doc_id):
    doc, gold = parsed[doc_id], _gold(doc_id)
    sp, sr = _prf({tuple(s["path"]) for s in gold["sections"]}, {tuple(s.path) for s in doc.sections})
    cp, cr = _prf({tuple(c["path"]) for c in gold["clauses"]}, {tuple(c.path) for c in doc.clauses})
    problems = outline_mismatches(doc, gold)
    assert not problems, (f"{doc_id}: 章节 P={sp:.2f} R={sr:.2f}，条款 P={cp:.2f} R={cr:.2f}\n"
                          + "\n".join(problems))


def test_gold_scores_summary(parsed):
    """All five texts together: section and clause paths at precision and recall 1.0."""
    gs = {(d, tuple(s["path"])) for d in DOC_IDS for s in _gold(d)["sections"]}
    ss = {(d, tuple(s.path)) for d in DOC_IDS for s in parsed[d].sections}
    gc = {(d, tuple(c["path"])) for d in DOC_IDS for c in _gold(d)["clauses"]}
    sc = {(d, tuple(c.path)) for d in DOC_IDS for c in parsed[d].clauses}
    assert _prf(gs, ss) == (1.0, 1.0)
    assert _prf(gc, sc) == (1.0, 1.0)
    assert len(gc) == 92


def test_offsets_point_at_clause_text(parsed):
    for doc in parsed.values():
        assert doc.text
        for c in doc.clauses:
            first = c.text.split("\n")[0]
            assert doc.text[c.offset:c.offset + len(first)] == first, c.id


def test_extraction_fields_are_empty_lists(parsed):
    c = parsed["jyu-2021-54"].clauses[3]
    for f in ("lead", "support", "actors", "deadlines", "recurrences", "targets", "references",
              "tasks"):
        assert getattr(c, f) == []


def test_paths_unique_in_corpus(parsed):
    for doc in parsed.values():
        paths = [tuple(c.path) for c in doc.clauses]
        assert len(paths) == len(set(paths))


def test_to_dict_valid_against_schema(parsed, schema):
    import jsonschema

    for doc in parsed.values():
        jsonschema.validate(doc.to_dict(), schema)
        assert "note" not in json.dumps(doc.to_dict()["clauses"][0])


# ---- rules, on synthetic texts -------------------------------------------------------------

def test_levels_by_order_of_appearance():
    doc = _doc("1.总则\n（1）第一项工作。\n（2）第二项工作。\n2.要求\n（1）第三项工作。\n")
    assert [(s.path, s.level) for s in doc.sections] == [(["1"], 1), (["2"], 1)]
    assert [c.path for c in doc.clauses] == [["1", "（1）"], ["1", "（2）"], ["2", "（1）"]]
    doc2 = _doc("一、总则\n1.第一项工作。\n2.第二项工作。\n")
    assert doc2.sections[0].level == 1 and doc2.clauses[0].path == ["一", "1"]


def test_run_on_numbering_across_sections():
    doc = _doc("一、任务\n（一）甲类\n1.甲一。内容。\n2.甲二。内容。\n（二）乙类\n3.乙一。内容。\n")
    assert [c.path for c in doc.clauses] == [["一", "（一）", "1"], ["一", "（一）", "2"],
                                             ["一", "（二）", "3"]]
    assert not [w for w in doc.warnings if w.kind == "number_gap"]


def test_numbering_restarting_per_section():
    doc = _doc("一、甲\n1.做甲一。\n2.做甲二。\n二、乙\n1.做乙一。\n")
    assert [c.id for c in doc.clauses] == ["t/一/1", "t/一/2", "t/二/1"]


def test_number_gap_is_warned():
    doc = _doc("一、甲\n1.做甲一。\n3.做甲三。\n")
    assert [w.kind for w in doc.warnings if w.kind == "number_gap"] == ["number_gap"]


def test_repeated_number_gets_disambiguated_path():
    doc = _doc("一、甲\n1.做甲一。\n1.又一个一。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "1-2"]]
    assert any(w.kind == "duplicate_number" for w in doc.warnings)


def test_heading_broken_over_two_lines():
    doc = _doc("一、主要任务\n（一）全面推进党的政治建设，\n切实增强基层党组织政治领导力\n"
               "1.旗帜鲜明讲政治。严格执行各项制度。\n")
    assert doc.section(["一", "（一）"]).heading == "全面推进党的政治建设，切实增强基层党组织政治领导力"
    assert [c.path for c in doc.clauses] == [["一", "（一）", "1"]]


def test_body_paragraphs_under_heading_form_one_clause():
    doc = _doc("三、具体要求\n各级党组织要统筹谋划。\n各部门要加强督查。\n")
    assert len(doc.clauses) == 1
    c = doc.clauses[0]
    assert (c.path, c.number, c.heading) == (["三"], None, None)
    assert c.text == "各级党组织要统筹谋划。\n各部门要加强督查。"


def test_preamble_is_path_zero_and_continuation_joins_clause():
    doc = _doc("为加强党建，制定本方案。\n一、任务\n1.做好甲。做法一。\n要把甲落到实处。\n2.做好乙。做法二。\n")
    assert [c.path for c in doc.clauses] == [["0"], ["一", "1"], ["一", "2"]]
    assert doc.clauses[1].text == "做好甲。做法一。\n要把甲落到实处。"


def test_phase_heading_kept_verbatim_as_section():
    doc = _doc("三、组织实施\n1.申报（2020年4月-5月）\n各单位于2020年5月底前报送材料。\n")
    s = doc.section(["三", "1"])
    assert s.heading == "申报（2020年4月-5月）" and s.level == 2
    assert doc.clauses[0].path == ["三", "1"] and doc.clauses[0].number is None


def test_inline_items_stay_in_one_clause():
    doc = _doc("一、目标\n1.实现“四个过硬”:(1)把方向过硬。(2)管大局过硬。(3)作决策过硬。\n")
    assert len(doc.clauses) == 1
    assert "(2)管大局过硬" in doc.clauses[0].text


def test_lead_phrase_heading():
    doc = _doc("一、任务\n1.实施政治“强核”行动计划,做到把方向过硬。健全长效机制。\n"
               "2.这是一句很长很长的话没有句号作为结尾直到很后面才出现句号的情况会怎样呢我们来看一看吧。后文。\n")
    assert doc.clauses[0].heading == "实施政治“强核”行动计划,做到把方向过硬"
    assert doc.clauses[1].heading is None


def test_trailing_responsibility_note_is_lifted():
    doc = _doc("一、任务\n1.建强支部。每年评选一批案例。(牵头部门:组织部,配合部门:宣传部、各二级学院)\n")
    c = doc.clauses[0]
    assert c.text == "建强支部。每年评选一批案例。"
    assert c.note == "牵头部门:组织部,配合部门:宣传部、各二级学院"


def test_responsibility_note_split_across_paragraphs():
    doc = _doc("一、任务\n1.建强支部。每年评选一批案例。\n（牵头单位：党委组织部，\n"
               "配合单位：党委宣传部）\n2.加强宣传。做好宣传。\n责任单位：党委宣传部\n")
    c1, c2 = doc.clauses
    assert c1.text == "建强支部。每年评选一批案例。"
    assert c1.note == "牵头单位：党委组织部，配合单位：党委宣传部"
    assert c2.note == "责任单位：党委宣传部" and c2.text == "加强宣传。做好宣传。"


def test_no_structure_gives_a_clause_a_paragraph_and_warning():
    doc = _doc("这是一段没有任何编号的文字。\n它还有第二段。\n")
    assert [c.path for c in doc.clauses] == [["0"], ["p1"]]
    assert any(w.kind == "no_structure" for w in doc.warnings)


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "一、", "（一）\n1.", "第一条", "\x00\x01"])
def test_degenerate_inputs_never_crash(text):
    doc = _doc(text)
    assert isinstance(doc.clauses, list)
    if not text.strip():
        assert [w.kind for w in doc.warnings] == ["no_content"] and doc.clauses == []


ARTICLE_STYLE = """东海师范大学基层党组织工作细则
第一章 总则
第一条 为加强学校基层党组织建设，制定本细则。
第二条 本细则适用于学校各级党组织。
第二章 组织设置
第三条 党支部设置应遵循以下原则：
①有利于加强党员教育管理；
②有利于开展组织生活。
第四条 党员人数较多的党支部可以设立党小组。（责任单位：党委组织部）
"""


def test_other_university_article_style():
    doc = _doc(ARTICLE_STYLE, "xx")
    assert doc.title == "东海师范大学基层党组织工作细则" and doc.kind == "细则"
    assert [(s.path, s.level) for s in doc.sections] == [
        (["第一章"], 1), (["第二章"], 1), (["第二章", "第三条"], 2)]
    assert [c.path for c in doc.clauses] == [
        ["第一章", "第一条"], ["第一章", "第二条"], ["第二章", "第三条", "①"], ["第二章", "第三条", "②"], ["第二章", "第四条"]]
    assert doc.section(["第二章", "第三条"]).heading == "党支部设置应遵循以下原则："
    assert doc.clauses[0].number == "第一条" and doc.clauses[-1].note == "责任单位：党委组织部"
    # No issuer line or signature: the title opens with the issuing university's name.
    assert doc.issuer == "东海师范大学" and doc.institution == "东海师范大学"


HALF_WIDTH_STYLE = """中共南山理工大学委员会关于加强二级学院党建工作的若干意见
各二级学院党委：
为推动二级学院党建工作，提出如下意见。
一、工作目标
(一)总体目标。到2025年，建成一批标杆院系。
(二)具体目标。每个学院至少培育1个样板支部。
二、主要举措
(一)加强班子建设
1)选优配强书记。选拔政治强的同志担任书记。
2)健全议事规则。完善党政联席会议制度。
(二)加强支部建设。推进支部建在专业上。
中共南山理工大学委员会
二〇二一年三月五日
"""


def test_other_university_half_width_parens_and_chinese_date():
    doc = _doc(HALF_WIDTH_STYLE, "yy")
    assert doc.title == "中共南山理工大学委员会关于加强二级学院党建工作的若干意见"
    assert (doc.kind, doc.issuer, doc.institution) == ("若干意见", "中共南山理工大学委员会", "南山理工大学")
    assert doc.date == "2021-03-05" and doc.recipients == ["各二级学院党委"]
    # paths list the heading numbers as written: half-width brackets stay half-width, and a
    # `1)` keeps its bracket (the spec keeps punctuation as written)
    assert [c.path for c in doc.clauses] == [
        ["0"], ["一", "(一)"], ["一", "(二)"], ["二", "(一)", "1)"], ["二", "(一)", "2)"],
        ["二", "(二)"]]
    assert doc.clauses[1].number == "(一)" and doc.clauses[1].heading == "总体目标"
    assert doc.section(["二", "(一)"]).heading == "加强班子建设"
    assert "二〇二一" not in doc.clauses[-1].text


def test_heading_wrapped_without_comma_when_deeper_items_follow():
    doc = _doc("一、主要任务\n（一）全面推进党的政治建设\n切实增强基层党组织政治领导力\n1.讲政治。严格执行制度。\n"
               "二、保障\n（一）加强领导\n各级党组织要加强领导。\n")
    assert doc.section(["一", "（一）"]).heading == "全面推进党的政治建设切实增强基层党组织政治领导力"
    # a heading followed by a short body line (no deeper items) is not merged
    assert doc.section(["二", "（一）"]).heading == "加强领导"


def test_colon_lead_phrase_and_bracketed_or_bare_notes():
    doc = _doc("一、任务\n（一）指导思想：坚持以人民为中心的发展思想。\n"
               "（二）建强支部。开展评星定级。【责任单位：党委组织部】\n"
               "（三）加强宣传。做好宣传报道。责任单位：党委宣传部、各学院\n")
    c1, c2, c3 = doc.clauses
    assert c1.heading == "指导思想" and c1.note is None
    assert (c2.text, c2.note) == ("建强支部。开展评星定级。", "责任单位：党委组织部")
    assert (c3.text, c3.note) == ("加强宣传。做好宣传报道。", "责任单位：党委宣传部、各学院")


def test_items_run_together_in_one_paragraph_are_split():
    doc = _doc("一、目标\n（1）把方向过硬。（2）管大局过硬；（3）作决策过硬。\n"
               "（4）抓班子过硬，见附表(5)。\n")
    assert [c.path for c in doc.clauses] == [["一", "（1）"], ["一", "（2）"], ["一", "（3）"],
                                             ["一", "（4）"]]
    assert [c.text for c in doc.clauses][:3] == ["把方向过硬。", "管大局过硬；", "作决策过硬。"]
    for c in doc.clauses:
        assert doc.text[c.offset:c.offset + len(c.text)] == c.text


def test_item_number_followed_by_a_month_is_still_an_item():
    doc = _doc("一、实施步骤\n1.9月，制定方案。\n2.9-10月，组织开展学习。\n"
               "3.12月底前完成总结。\n4.上述工作增长2.5倍。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "2"], ["一", "3"], ["一", "4"]]
    assert doc.clauses[1].text == "9-10月，组织开展学习。"
    # A decimal is not an item number.
    assert len(_doc("一、目标\n1.总体目标。\n2.5倍于现有规模。\n").clauses) == 1


def test_full_pipeline_output_valid_against_schema(parsed_corpus, schema):
    """With extraction filling its fields, every document still matches the contract."""
    import jsonschema

    assert set(DOC_IDS) <= set(parsed_corpus)
    for doc in parsed_corpus.values():
        jsonschema.validate(doc.to_dict(), schema)


def test_short_list_items_stay_clauses_before_a_closing_paragraph():
    doc = _doc("一、原则\n1.坚持党的领导\n2.坚持以人为本\n3.坚持改革创新\n各单位要认真落实。\n"
               "二、步骤\n1.申报（4月）\n各单位报送材料。\n2.创建（5月）\n开展创建工作。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "2"], ["一", "3"], ["二", "1"],
                                             ["二", "2"]]
    assert doc.clauses[2].text == "坚持改革创新\n各单位要认真落实。"
    assert [s.path for s in doc.sections] == [["一"], ["二"], ["二", "1"], ["二", "2"]]


def test_note_on_a_heading_line_goes_to_its_body():
    doc = _doc("一、任务\n1.建强支部（牵头单位：组织部，配合单位：各学院）\n各支部要开展评星定级。\n"
               "2.加强宣传（牵头单位：宣传部）\n3.做好总结。按时报送。\n")
    assert doc.section(["一", "1"]).heading == "建强支部"
    c1, c2, c3 = doc.clauses
    assert (c1.path, c1.note) == (["一", "1"], "牵头单位：组织部，配合单位：各学院")
    assert (c2.text, c2.note) == ("加强宣传", "牵头单位：宣传部")
    assert c3.note is None


def test_numbered_list_in_preamble_does_not_push_the_outline_down():
    doc = _doc("为加强党建，依据以下文件制定本方案：\n1.《中国共产党章程》；\n2.《党支部工作条例》。\n"
               "一、总体要求\n（一）指导思想。坚持党的领导。\n1.第一项。做好。\n二、主要任务\n1.第二项。做好。\n")
    assert [(s.path, s.level) for s in doc.sections] == [(["一"], 1), (["一", "（一）"], 2),
                                                          (["二"], 1)]
    assert [c.path for c in doc.clauses][-2:] == [["一", "（一）", "1"], ["二", "1"]]
    assert doc.section(["一"]).level == 1 and doc.clauses[1].path == ["1"]


def _hard_wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        line = line.strip()
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("variant", ["no_blank_lines", "indented_crlf", "wrapped_35", "wrapped_28"])
def test_layout_variants_give_the_same_outline(parsed, variant):
    """The seeds re-laid out as other sources deliver them keep their clause paths and metadata."""
    import re

    for doc_id in DOC_IDS:
        text = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")
        if variant == "no_blank_lines":
            text = re.sub(r"\n\s*\n", "\n", text)
        elif variant == "indented_crlf":
            text = "\r\n".join("\u3000\u3000" + ln for ln in text.split("\n"))
        else:
            text = _hard_wrap(text, int(variant[-2:]))
        doc, base = _doc(text, doc_id), parsed[doc_id]
        assert [c.path for c in doc.clauses] == [c.path for c in base.clauses], doc_id
        # same words in every clause (a paragraph break, or a lost numeral's gap cut by the
        # wrap, may fall elsewhere in wrapped text)
        def words(c):
            return c.text.replace("\n", "").replace(" ", ""), c.note, c.heading

        assert [words(c) for c in doc.clauses] == [words(c) for c in base.clauses], doc_id
        assert [s.heading for s in doc.sections] == [s.heading for s in base.sections], doc_id
        for f in ("title", "issuer", "institution", "doc_number", "date", "recipients"):
            assert getattr(doc, f) == getattr(base, f), (doc_id, f)


def test_articles_have_no_lead_phrase():
    doc = _doc("第一章　总则\n第一条　考核结果作为评优的重要依据。评定为好的比例不超过30%。\n"
               "第二章　程序\n第二条　个人述职。书记在会议上述职。\n（一）民主测评。参加人员不少于30名。\n")
    got = {"/".join(c.path): c.heading for c in doc.clauses}
    assert got["第一章/第一条"] is None and got["第二章/第二条"] is None
    assert got["第二章/第二条/（一）"] == "民主测评"


def test_note_line_ending_in_a_bracketed_name_keeps_the_bracket():
    doc = _doc("一、任务\n1.推进支部建设。完成达标验收。\n牵头单位：党委组织部；配合单位：各二级党委（党总支）\n"
               "2.加强发展工作。严把入口关。\n（牵头单位：党委组织部）\n")
    assert [c.note for c in doc.clauses] == [
        "牵头单位：党委组织部；配合单位：各二级党委（党总支）", "牵头单位：党委组织部"]


def test_full_width_digits_give_ascii_paths_and_keep_the_number_as_written():
    doc = _doc("一、政治建设\n１．深入学习。上半年完成轮训。\n２．落实制度。每月学习1次。\n（１）细化清单。\n")
    assert [c.path for c in doc.clauses] == [["一", "1"], ["一", "2"], ["一", "2", "（1）"]]
    assert [c.number for c in doc.clauses][:2] == ["１", "２"]


def test_bare_lead_and_support_labels_make_a_note():
    doc = _doc("一、组织建设\n1.完善支部设置。（牵头：党委组织部；配合：党委宣传部）\n"
               "2.加强书记培训。（责任处室：党委组织部；协助单位：人事处）\n")
    assert [c.text for c in doc.clauses] == ["完善支部设置。", "加强书记培训。"]
    assert doc.clauses[0].note == "牵头：党委组织部；配合：党委宣传部"


def test_doer_in_brackets_after_the_last_sentence_is_the_note():
    doc = _doc("一、培训项目\n1.书记培训。4月举办培训班1期;新任书记3个月内参加培训。(党委组织部负责)\n"
               "2.网络培训。每季度更新课程不少于10门。（宣传部、组织部牵头）\n"
               "3.骨干培训。每年举办1期（含线上）。\n")
    notes = [(c.note, c.text) for c in doc.clauses]
    assert notes[0] == ("党委组织部负责", "书记培训。4月举办培训班1期;新任书记3个月内参加培训。")
    assert notes[1][0] == "宣传部、组织部牵头"
    assert notes[2] == (None, "骨干培训。每年举办1期（含线上）。")


def test_a_first_sentence_with_its_own_deadline_is_no_headline():
    doc = _doc("三、工作要求\n1.各单位于12月10日前报送年度总结。党委组织部将于11月进行抽查。\n"
               "2.加强培训评估。每期培训班结束后完成测评。\n")
    assert [c.heading for c in doc.clauses] == [None, "加强培训评估"]


def test_a_first_sentence_setting_a_frequency_is_no_headline():
    doc = _doc("一、组织生活\n1.党支部委员会会议一般每月召开1次,根据需要可以随时召开。会议由书记主持。\n"
               "2.严格落实制度。党员大会每季度召开1次。\n")
    assert [c.heading for c in doc.clauses] == [None, "严格落实制度"]


def test_zero_padded_section_numbers_of_a_web_article():
    doc = _doc("某某学院党建品牌创建工作方案\n为打造党建品牌，制定本方案。\n01 工作目标\n培育党建品牌3个。\n"
               "02 主要任务\n1.开展品牌培育。3月底前完成申报。\n2.加强过程指导。每季度指导1次。\n"
               "05月10日前各党总支报送总结。\n")
    assert [s.path for s in doc.sections] == [["01"], ["02"]]
    assert [s.heading for s in doc.sections] == ["工作目标", "主要任务"]
    assert [c.path for c in doc.clauses] == [["0"], ["01"], ["02", "1"], ["02", "2"]]
    assert doc.clauses[-1].text.endswith("05月10日前各党总支报送总结。")  # a date, no number


def test_short_first_sentence_with_a_quantity_per_period_or_a_modal_is_no_headline():
    from pbdocs.outline import lead_phrase

    assert lead_phrase("实施“党员名师”工程，每名党员教师每学期至少上1节示范课。由教务处牵头。") is None
    assert lead_phrase("党员人数不足3人的教研室，可与相近教研室联合成立党支部。新设机构要同步组建。") is None
    assert lead_phrase("实施“领航”工程，确保责任到位。各支部要制定方案。") == "实施“领航”工程，确保责任到位"
