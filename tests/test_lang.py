"""pbdocs.lang: the one lexicon loader (and its extension by a corpus), numerals, text helpers,
wording; and the parser fingerprint derived from what parsing imports and reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pbdocs.errors import InputError
from pbdocs.lang import lexicon, numerals, text, wording
from pbdocs.model import Deadline, Dept, Recurrence, Target

PKG = Path(__file__).resolve().parents[1] / "pbdocs"


# ---------------------------------------------------------------- the loader

def test_extension_folder_adds_entries_and_overrides_rows(tmp_path):
    ext = tmp_path / "lexicon"
    ext.mkdir()
    (ext / "kinds.txt").write_text("# 本校文种\n工作指引\n", encoding="utf-8")
    (ext / "wording.tsv").write_text("period\tsemester\t每个学期\n", encoding="utf-8")
    default = lexicon.entries("kinds.txt", ())
    extended = lexicon.entries("kinds.txt", (str(ext),))
    assert "工作指引" not in default and extended[-1] == "工作指引"
    assert extended[: len(default)] == default
    rows = {(r[0], r[1]): r[2] for r in lexicon.rows("wording.tsv", (str(ext),), min_cells=2)}
    assert rows[("period", "semester")] == "每个学期"
    with lexicon.using((str(ext),)):
        assert wording.period_word("semester") == "每个学期"
    assert wording.period_word("semester") == "每学期"  # outside the block: the defaults


def test_a_corpus_lexicon_reaches_the_outline(tmp_path):
    """A genre word added in the corpus's own lexicon folder is a kind for its files only."""
    from pbdocs.parse import parse_file

    body = "某某大学党委会议工作指引\n\n一、总体要求\n\n各单位要认真执行。\n"
    plain = tmp_path / "plain" / "a.txt"
    plain.parent.mkdir()
    plain.write_text(body, encoding="utf-8")
    assert parse_file(plain, extract=False).kind != "工作指引"
    corpus = tmp_path / "corpus"
    (corpus / "lexicon").mkdir(parents=True)
    (corpus / "lexicon" / "kinds.txt").write_text("工作指引\n", encoding="utf-8")
    own = corpus / "a.txt"
    own.write_text(body, encoding="utf-8")
    assert parse_file(own, extract=False).kind == "工作指引"


def test_a_lexicon_error_names_file_and_line(tmp_path):
    ext = tmp_path / "lexicon"
    ext.mkdir()
    (ext / "kinds.txt").write_bytes("方案\n细则\n".encode() + "规定\n".encode("gbk"))
    with pytest.raises(InputError) as e:
        lexicon.entries("kinds.txt", (str(ext),))
    assert "kinds.txt" in str(e.value) and "第 3 行" in str(e.value) and "语料词表" in str(e.value)
    assert str(tmp_path) not in str(e.value)  # no server path in a sentence
    (ext / "markers.txt").write_text("onlyone\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"markers.txt（语料词表）第 1 行格式不对"):
        lexicon.rows("markers.txt", (str(ext),), min_cells=2)


def test_per_lexicon_caches_once_per_set_of_folders(tmp_path):
    calls = []

    @lexicon.per_lexicon()
    def kinds() -> int:
        calls.append(lexicon.active())
        return len(lexicon.entries("kinds.txt"))

    ext = tmp_path / "lexicon"
    ext.mkdir()
    (ext / "kinds.txt").write_text("甲\n乙\n", encoding="utf-8")
    base = kinds()
    assert kinds() == base and len(calls) == 1
    with lexicon.using((str(ext),)):
        assert kinds() == base + 2
    assert len(calls) == 2


def test_no_module_opens_the_lexicon_folder_itself():
    offenders = []
    for f in PKG.rglob("*.py"):
        if f.parent.name == "lang":
            continue
        src = f.read_text(encoding="utf-8")
        if '"lexicon"' in src and ("/ \"lexicon\"" in src or "/ 'lexicon'" in src):
            offenders.append(str(f.relative_to(PKG)))
    assert offenders == []


# ---------------------------------------------------------------- numerals, text

@pytest.mark.parametrize("written, value", [
    ("两", 2), ("十", 10), ("二十五", 25), ("一百零八", 108), ("二〇二一", 2021), ("１２", 12),
    ("12", 12), ("", None), ("甲", None), ("十万", 100000)])
def test_cn_to_int(written, value):
    assert numerals.cn_to_int(written) == value


def test_int_to_cn():
    assert [numerals.int_to_cn(n) for n in (1, 10, 12, 21, 99, 100)] == [
        "一", "十", "十二", "二十一", "九十九", "100"]


def test_sentences_and_fold():
    assert text.sentences("一是加强。二是完善；；三是落实！") == ["一是加强。", "二是完善；", "三是落实！"]
    assert text.sentence_spans("甲。\n乙", newline=True) == [(0, 2), (3, 4)]
    assert text.fold("（１） 双 带头人") == "(1)双带头人"
    note = text.responsibility_note()
    assert note.sub("", "完善制度(牵头部门:组织部,配合部门:宣传部)") == "完善制度"
    assert note.sub("", "完善制度（含牵头部门意见）") == "完善制度（含牵头部门意见）"


# ---------------------------------------------------------------- wording

def test_periods_and_time_limits():
    assert wording.period_word("year", every=2) == "每两年"
    assert wording.period_word("year", every=3) == "每三年"
    assert wording.period_word("day", on="10-08") == "每年10月8日"
    assert wording.recurrence_text(Recurrence("每学期至少1次", "semester", min_times=1)) == "每学期"
    assert wording.time_limit([], []) == "长期坚持"
    by = Deadline("用3年时间", "2020-11-30", "2023-11-30", "within")
    assert wording.deadline_text(by) == "2023年11月底前"
    assert wording.deadline_label(by) == "用3年时间（2023年11月底前）"
    same = Deadline("2021年底前", None, "2021-12-31", "by")
    assert wording.deadline_label(same) == "2021年底前"
    span = Deadline("2020年4月-5月", "2020-04-01", "2020-05-31", "range")
    assert wording.deadline_text(span) == "2020年4月—5月"


def test_values_as_written_with_their_meaning():
    assert wording.recurrence_label(Recurrence("每年不少于32学时", "year", amount=32, unit="学时")) \
        == "每年不少于32学时"
    assert wording.recurrence_label(Recurrence("定期召开", "month")) == "定期召开（每月）"
    t = Target("不低于12%", ">=", 12, "%", subject="在校生中党员占比", by="2022-12-31")
    assert wording.target_label(t) == "在校生中党员占比：不低于12%（2022年12月31日前）"
    assert wording.target_phrase(Target("1名", ">=", 1, "名", subject="专职组织员")) == "专职组织员：至少1名"
    assert wording.target_phrase(Target("12%", ">=", 12, "%")) == "不低于12%"


def test_departments_and_heading_numbers():
    depts = [Dept("组织部", "党委组织部"), Dept("党委组织部", "党委组织部"), Dept("宣传部", "党委宣传部")]
    assert wording.dept_names(depts) == ["党委组织部", "党委宣传部"]
    assert wording.dept_label(depts[0]) == "组织部（党委组织部）"
    assert wording.dept_labels(depts[1:]) == "党委组织部、宣传部（党委宣传部）"
    assert [wording.heading_label(n) for n in ("一", "（一）", "1", "第一条", "0", None)] == [
        "一、", "（一）", "1.", "第一条", "", ""]
    assert wording.numbered("一", "总体要求") == "一、总体要求"
    assert wording.numbered("1", "加强学习") == "1.加强学习"
    assert wording.numbered("第一条", "为了规范") == "第一条 为了规范"


# ---------------------------------------------------------------- the parser fingerprint

_FP = ("import sys; sys.path.insert(0, sys.argv[1]); "
       "from pbdocs.store import parser_fingerprint; print(parser_fingerprint())")


def _fingerprint(root: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PBDOCS_LEXICON"}
    out = subprocess.run([sys.executable, "-c", _FP, str(root)], capture_output=True, text=True,
                         check=True, env=env, cwd=root)
    return out.stdout.strip()


def test_fingerprint_follows_every_parser_module_and_lexicon(tmp_path):
    """Editing a module parsing imports (even lazily) or any lexicon file changes the
    fingerprint, so the parse cache and the index miss; editing a generator does not."""
    root = tmp_path / "copy"
    shutil.copytree(PKG, root / "pbdocs", ignore=shutil.ignore_patterns("__pycache__"))
    first = _fingerprint(root)
    assert _fingerprint(root) == first
    for rel in ("markers.py", "segment.py", "lang/lexicon.py", "lexicon/kinds.txt",
                "lexicon/topics.tsv", "extract/timeexpr.py"):
        f = root / "pbdocs" / rel
        original = f.read_bytes()
        f.write_bytes(original + b"\n# edited\n")
        assert _fingerprint(root) != first, rel
        f.write_bytes(original)
    gen = root / "pbdocs" / "generate" / "taskbook.py"
    gen.write_bytes(gen.read_bytes() + b"\n# edited\n")
    assert _fingerprint(root) == first


def test_parser_modules_include_lazy_imports():
    from pbdocs.store import parser_modules

    names = {str(p.relative_to(PKG)) for p in parser_modules()}
    assert {"parse.py", "markers.py", "segment.py", "lang/lexicon.py", "extract/pipeline.py",
            "read/pdf.py", "normalize.py", "metadata.py"} <= names
    assert not any(n.startswith(("generate/", "web/", "crossref/")) for n in names)


def test_a_suggested_department_is_marked_as_such():
    suggested = Dept("组织部", "党委组织部")
    suggested.basis = "suggested"
    stated = Dept("组织部", "党委组织部")
    stated.basis = "stated"
    assert wording.dept_shown(suggested) == "党委组织部（建议）"
    assert wording.dept_shown(stated) == "党委组织部"
    assert wording.depts_shown([stated, Dept("宣传部", "党委宣传部")]) == "党委组织部、党委宣传部"
    assert "建议" in wording.basis_legend()
