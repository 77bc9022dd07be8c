"""`pbdocs parse` as a user calls it: JSON to the contract, a readable tree, several files with
failures reported one sentence each and summarised, never a traceback."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pbdocs.cli import main
from pbdocs.model import Clause, Deadline, Dept, Document, Section, Source, Target, Warning
from pbdocs.present import outline_nodes, render_markdown, render_text

SEED = "jyu-2021-54.txt"


def _stderr(result) -> str:
    return result.stderr if hasattr(result, "stderr") else result.output


def test_json_of_one_file_validates_against_the_schema(runner, corpus_dir, schema):
    result = runner.invoke(main, ["parse", str(corpus_dir / SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    jsonschema.validate(data, schema)
    assert data["id"] == "jyu-2021-54"
    assert data["source"]["format"] == "txt" and data["source"]["encoding"] == "utf-8"


def test_json_of_several_files_is_a_list(runner, corpus_dir, schema, tmp_path):
    gb = tmp_path / "gb-copy.txt"
    gb.write_bytes((corpus_dir / SEED).read_text(encoding="utf-8").encode("gb18030"))
    result = runner.invoke(main, ["parse", str(corpus_dir / SEED), str(gb), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == ["jyu-2021-54", "gb-copy"]
    for d in data:
        jsonschema.validate(d, schema)
    assert data[1]["source"]["encoding"] == "gb18030"
    assert "encoding_guessed" in [w["kind"] for w in data[1]["warnings"]]


def test_text_shows_metadata_and_tree(runner, corpus_dir):
    result = runner.invoke(main, ["parse", str(corpus_dir / SEED)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("【jyu-2021-54】")
    for label in ("标题", "类型", "发文机关", "院校", "发文字号", "成文日期", "主送机关",
                  "印发通知"):
        assert f"{label}" in out
    assert "大纲（" in out and "提示" in out
    # The same document's title and every section heading appear, sections indented by level.
    from pbdocs.parse import parse_file
    from pbdocs.present import numbered

    doc = parse_file(corpus_dir / SEED)
    assert doc.title and f"  标题　　：{doc.title}" in out
    lines = out.splitlines()
    assert doc.sections
    for s in doc.sections:
        assert "  " * len(s.path) + numbered(s.number, s.heading) in lines


def test_md_format(runner, corpus_dir):
    result = runner.invoke(main, ["parse", "--format", "md", str(corpus_dir / SEED)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ") and "| 发文字号 |" in result.stdout


def test_several_files_one_bad(runner, corpus_dir, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage that is not a pdf")
    result = runner.invoke(main, ["parse", str(corpus_dir / SEED), str(bad), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == ["jyu-2021-54"]  # the good one is still output
    err = _stderr(result).strip().splitlines()
    assert len(err) == 2
    assert "broken.pdf" in err[0] and err[0].endswith("。")
    assert err[1] == f"共 2 个文件，1 个未能解析：{bad}。"
    assert "Traceback" not in result.output


def test_missing_file_is_one_sentence(runner, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(main, ["parse", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert _stderr(result) == f"错误：找不到文件 {missing}。\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_unknown_extension_and_empty_file(runner, tmp_path):
    odd = tmp_path / "slides.pptx"
    odd.write_bytes(b"PK\x03\x04")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["parse", str(odd), str(empty)])
    assert result.exit_code == 2 and result.stdout == ""
    lines = _stderr(result).splitlines()
    assert "slides.pptx" in lines[0] and "不受支持" in lines[0]
    assert "empty.txt" in lines[1] and "空文件" in lines[1]
    assert lines[2].startswith("共 2 个文件，2 个未能解析")


def test_no_file_is_a_usage_error(runner):
    result = runner.invoke(main, ["parse"])
    assert result.exit_code == 2


# ---- the presentation module, on a hand-built document -------------------------------------


@pytest.fixture()
def small_doc() -> Document:
    src = Source(path="x.txt", format="txt", sha256="0" * 64, encoding="utf-8")
    return Document(
        id="x", source=src, title="某某大学党建工作实施方案", kind="实施方案",
        issuer="中共某某大学委员会", institution="某某大学", doc_number="某党〔2021〕1号",
        date="2021-07-15", recipients=["各二级学院党委", "机关党委"],
        sections=[Section(["一"], 1, "一、", "总体要求"), Section(["二"], 1, "二、", "主要任务"),
                  Section(["二", "（一）"], 2, "（一）", "组织建设")],
        clauses=[
            Clause("x/0", ["0"], None, None, "为加强党的建设，制定本方案。"),
            Clause("x/一/1", ["一", "1"], "1.", None, "坚持党要管党。"),
            Clause("x/二/（一）/1", ["二", "（一）", "1"], "1.", "健全组织",
                   "健全组织，每学期至少1次，2021年底前完成。",
                   lead=[Dept("组织部", "党委组织部")], support=[Dept("宣传部", "党委宣传部")],
                   deadlines=[Deadline("2021年底前", None, "2021-12-31", "by")],
                   targets=[Target("覆盖率100%", "=", 100, "%")],
                   references=["中国共产党支部工作条例"]),
        ],
        warnings=[Warning("missing_numeral", "量词前缺少数字。", "每月至少召开 次", 10)],
    )


def test_outline_nodes_put_sections_before_their_clauses(small_doc):
    order = [getattr(n, "id", None) or "S:" + "/".join(n.path) for n in outline_nodes(small_doc)]
    assert order == ["x/0", "S:一", "x/一/1", "S:二", "S:二/（一）", "x/二/（一）/1"]


def test_render_text_shows_tree_and_fields(small_doc):
    out = render_text(small_doc)
    assert "  标题　　：某某大学党建工作实施方案" in out
    assert "  主送机关：各二级学院党委、机关党委" in out
    lines = out.splitlines()
    i = lines.index("  二、主要任务")
    assert lines[i + 1] == "    （一）组织建设"
    assert lines[i + 2] == "      1.健全组织  [二/（一）/1]"
    assert lines[i + 3] == "          牵头：组织部（党委组织部）"
    assert "          配合：宣传部（党委宣传部）" in lines
    assert "          时限：2021年底前" in lines
    assert "          指标：覆盖率100%" in lines
    assert "          引用：《中国共产党支部工作条例》" in lines
    assert "  - [missing_numeral] 量词前缺少数字。（“每月至少召开 次”）" in lines
    # Empty extraction fields are not shown.
    assert sum("牵头" in ln for ln in lines) == 1


def test_render_markdown(small_doc):
    md = render_markdown(small_doc)
    assert md.startswith("# 某某大学党建工作实施方案\n")
    assert "### 二、主要任务" in md and "#### （一）组织建设" in md
    assert "- **二/（一）/1** 1.健全组织，每学期至少1次，2021年底前完成。" in md
    assert "  - 牵头：组织部（党委组织部）" in md
