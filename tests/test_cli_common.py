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


# ---------------------------------------------------------------- one grammar, in Chinese

def _ascii_words(text: str) -> set[str]:
    import re

    return set(re.findall(r"\b(?:Usage|Options|Commands|Missing|Error|Show this|Invalid|"
                          r"No such|Try '|is not)\b", text))


def test_help_usage_and_errors_are_chinese(runner):
    from pbdocs.cli import main

    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0 and top.output.startswith("用法：")
    assert "[选项] 命令 [参数]..." in top.output and "显示本帮助并退出。" in top.output
    assert not _ascii_words(top.output)
    for cmd in ("parse", "index", "search", "show", "similar", "compare", "notice", "taskbook",
                "timetable", "draft", "evaluate", "serve", "demo"):
        r = runner.invoke(main, [cmd, "--help"])
        assert r.exit_code == 0 and "用法：" in r.output, cmd
        assert not _ascii_words(r.output), (cmd, _ascii_words(r.output))
    for args, needle in ((["draft"], "缺少参数 'DOC'。"),
                         (["draft", "x", "--out", "a.docx"], "缺少选项 '--college'。"),
                         (["search", "x", "--limit", "abc"], "不是有效的整数"),
                         (["search", "x", "--bogus"], "没有选项"),
                         (["serach"], "没有命令"),
                         (["index", "--engine", "elastic"], "不在可选值")):
        r = runner.invoke(main, args)
        assert r.exit_code == 2, (args, r.output)
        assert needle in r.output and "错误：" in r.output, (args, r.output)
        assert not _ascii_words(r.output), (args, r.output)


def test_document_is_shown_as_required(runner):
    from pbdocs.cli import main

    for cmd in ("notice", "taskbook", "timetable", "draft"):
        usage = runner.invoke(main, [cmd, "--help"]).output.splitlines()[0]
        assert usage.endswith("[选项] DOC"), usage


def test_limit_is_the_word_for_how_many_everywhere(runner):
    from pbdocs.cli import main

    for cmd in ("search", "similar"):
        assert "--limit" in runner.invoke(main, [cmd, "--help"]).output, cmd


def test_a_command_that_fails_to_import_is_an_error_not_a_gap(runner, monkeypatch):
    from pbdocs import cli

    monkeypatch.setitem(cli.COMMANDS, "broken", "pbdocs.cli.no_such_module:cmd")
    r = runner.invoke(cli.main, ["broken"])
    assert r.exit_code == 1
    assert "命令“broken”无法加载" in r.output and "Traceback" not in r.output
    assert "无法加载" in runner.invoke(cli.main, ["--help"]).output


def test_index_exits_like_parse_when_a_file_fails(runner, corpus_dir, tmp_path):
    import json
    import shutil

    from pbdocs.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(corpus_dir / "shifan-chuangjian-2020.txt", corpus)
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    r = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(tmp_path / "i"),
                             "--format", "json"])
    assert r.exit_code == 2
    summary = json.loads(r.stdout)
    assert summary["documents"] == 1 and len(summary["failures"]) == 1
    assert "共 2 个文件，1 个未能解析" in r.stderr


def test_output_format_follows_the_extension(runner, corpus_dir, tmp_path):
    import json

    from pbdocs.cli import main

    common = ["--corpus", str(corpus_dir), "--index", str(tmp_path / "index"), "--format", "json"]
    for cmd, name, key in (("taskbook", "t.xlsx", "rows"), ("timetable", "t.ics", "events"),
                           ("notice", "n.md", None), ("draft", "d.html", "tasks")):
        extra = ["--college", "计算机学院"] if cmd == "draft" else []
        r = runner.invoke(main, [cmd, "hdu-2020-55", "--out", str(tmp_path / name), *extra,
                                 *common])
        assert r.exit_code == 0, r.output
        data = json.loads(r.output)
        assert data["out"] == str(tmp_path / name) and (key is None or data[key] > 0)
        assert (tmp_path / name).stat().st_size > 0
    r = runner.invoke(main, ["notice", "hdu-2020-55", "--out", str(tmp_path / "n.xlsx"),
                             *common])
    assert r.exit_code == 2 and "印发通知不能写成“.xlsx”文件" in r.output
    assert not (tmp_path / "n.xlsx").exists()
