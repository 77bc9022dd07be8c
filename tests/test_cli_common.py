"""Behaviour every command shares: errors as one sentence, quiet exit on a closed pipe."""

from __future__ import annotations

import subprocess
import sys


def test_closed_pipe_is_not_an_error(built_index):
    corpus, index = built_index
    cmd = f'"{sys.executable}" -m pbdocs search 党员 --limit 50 --index "{index}" | head -n 1'

    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1 and "党员" in proc.stdout
    assert "错误" not in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_document_is_one_sentence_and_exit_2(runner, tmp_path):
    from pbdocs.cli import main

    result = runner.invoke(main, ["taskbook", "no-such-doc", "--out", str(tmp_path / "x.docx"),
                                  "--corpus", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no-such-doc" in result.output


def test_an_output_that_cannot_be_written_is_one_sentence(runner, corpus_dir, tmp_path):
    from pbdocs.cli import main

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    for args in (["taskbook", "hdu-2020-55", "--out", str(blocker / "t.docx")],
                 ["timetable", "hdu-2020-55", "--out", str(tmp_path / "t.docx"),
                  "--ics", str(blocker / "t.ics")]):
        result = runner.invoke(main, [*args, "--corpus", str(corpus_dir),
                                      "--index", str(tmp_path / "index")])
        assert result.exit_code == 1, result.output
        assert "无法写入文件" in result.output and "Traceback" not in result.output
