"""benchmarks/gold_agreement.py: two hand annotations of the same rows, compared field by field
as the tool is compared with the gold."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("gold_agreement",
                                               ROOT / "benchmarks" / "gold_agreement.py")
agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(agreement)


def _write(folder: Path, tasks: list[dict]) -> None:
    folder.mkdir()
    (folder / "x.json").write_text(json.dumps(
        {"doc_id": "x", "source": "corpus/x.txt", "tasks": tasks}, ensure_ascii=False),
        encoding="utf-8")


def _row(quote, lead, basis, due, kind="once"):
    return {"quote": quote, "kind": kind, "lead": [{"name": lead, "basis": basis}],
            "support": [], "due": due, "recurrence": None}


def test_counts_agreement_per_field(tmp_path):
    by = {"kind": "by", "end": "2026-06-30"}
    _write(tmp_path / "a", [
        _row("完成党支部换届选举工作", "党委组织部", "suggested", by),
        _row("开展师德师风专题教育活动", "党委教师工作部", "suggested", by),
        _row("坚持理论学习中心组学习制度", "党委宣传部", "text", {"kind": "ongoing"}, "ongoing"),
    ])
    _write(tmp_path / "b", [
        # 组织部 is 党委组织部 through the alias table
        _row("完成党支部换届选举工作", "组织部", "suggested", by),
        _row("开展师德师风专题教育活动", "人事处", "suggested", {"kind": "by", "end": "2026-12-31"}),
        _row("坚持理论学习中心组学习制度", "党委宣传部", "suggested", {"kind": "ongoing"},
             "ongoing"),
    ])
    total, per_doc, diffs = agreement.compare(tmp_path / "a", tmp_path / "b")
    assert total["rows"] == 3
    assert total["lead_same"] == 2 and total["lead_basis_same"] == 1
    assert (total["sugg_a_agree"], total["sugg_a"]) == (1, 2)
    assert (total["sugg_b_agree"], total["sugg_b"]) == (2, 3)
    assert total["due_same"] == 2 and total["kind_same"] == 3
    assert per_doc["x"]["rows"] == 3
    assert any("师德师风" in d and d.split("」")[0].endswith("教育活动") for d in diffs)


def test_unlabelled_rows_are_counted_not_compared(tmp_path):
    _write(tmp_path / "a", [_row("完成党支部换届选举工作", "党委组织部", "suggested",
                                 {"kind": "undated"})])
    blank = _row("完成党支部换届选举工作", "党委组织部", "suggested", {"kind": "undated"})
    blank["lead"] = []
    _write(tmp_path / "b", [blank])
    total, _, _ = agreement.compare(tmp_path / "a", tmp_path / "b")
    assert total["rows"] == 0 and total["unlabelled"] == 1


def test_several_pairs_of_folders_are_scored_together(tmp_path, capsys):
    by = {"kind": "by", "end": "2026-06-30"}
    for side, lead in (("a", "党委组织部"), ("b", "党委组织部")):
        for n in (1, 2):
            folder = tmp_path / f"{side}{n}"
            folder.mkdir()
            (folder / f"d{n}.json").write_text(json.dumps(
                {"doc_id": f"d{n}", "source": f"corpus/d{n}.txt",
                 "tasks": [_row(f"完成第{n}批党支部换届选举", lead, "suggested",
                                by if n == 1 or side == "a" else {"kind": "ongoing"})]},
                ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.txt"
    code = agreement.main(["--a", str(tmp_path / "a1"), "--b", str(tmp_path / "b1"),
                           "--a", str(tmp_path / "a2"), "--b", str(tmp_path / "b2"),
                           "--out", str(out)])
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "两人都标注的行：2" in text and "完成时限一致：0.500（1/2）" in text
    assert f"--a {tmp_path / 'a2'} --b {tmp_path / 'b2'}" in text.splitlines()[0]
