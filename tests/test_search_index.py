"""Building the search index from a corpus folder: incremental updates, crash safety, the
writer lock, and the `index` / `search` / `show` commands as a user types them."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from pbdocs.cli import main
from pbdocs.errors import InputError
from pbdocs.search import build_index, search
from pbdocs.search.indexdir import IndexDir

ENGINES = ["whoosh", pytest.param("tantivy", marks=pytest.mark.skipif(
    importlib.util.find_spec("tantivy") is None, reason="tantivy extra not installed")),
    "postgres"]


def database(engine, request):
    """A fresh database URL for the postgres engine (None for the others)."""
    return request.getfixturevalue("pg_url") if engine == "postgres" else None

PLAN = """中共{inst}委员会关于加强基层党建工作的实施方案

为加强学校党建工作，特制定本方案。

一、加强组织建设

1.{first}(牵头部门:组织部,配合部门:人事处)

2.严格落实三会一课制度，每月开展主题党日。(牵头部门:宣传部)

中共{inst}委员会

{date}
"""


def write_plan(folder, name, inst, first="落实“双带头人”培育工程。", date="2021年3月1日"):
    (folder / name).write_text(PLAN.format(inst=inst, first=first, date=date), encoding="utf-8")


@pytest.fixture()
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    write_plan(c, "jia-2021.txt", "甲大学")
    write_plan(c, "yi-2020.txt", "乙学院", date="2020年6月1日")
    return c


def docs_of(index, query, engine=None):
    return {h.record.doc_id for h in search(index, query, limit=100, engine=engine).hits}


@pytest.mark.parametrize("engine", ENGINES)
def test_incremental_add_change_remove(corpus, tmp_path, engine, request):
    index = tmp_path / "index"
    first = build_index(corpus, index, engine=engine, db=database(engine, request))
    assert (first["documents"], first["added"], first["updated"], first["removed"]) == (2, 2, 0, 0)
    assert first["clauses"] >= 4 and first["failures"] == []
    assert docs_of(index, "双带头人", engine) == {"jia-2021", "yi-2020"}

    again = build_index(corpus, index, engine=engine)
    assert (again["added"], again["updated"], again["removed"]) == (0, 0, 0)

    write_plan(corpus, "bing-2022.txt", "丙大学", date="2022年1月1日")
    write_plan(corpus, "yi-2020.txt", "乙学院", first="推进专职组织员队伍建设。")
    (corpus / "jia-2021.txt").unlink()
    changed = build_index(corpus, index, engine=engine)
    assert (changed["documents"], changed["added"], changed["updated"], changed["removed"]) == (
        2, 1, 1, 0 + 1)
    assert docs_of(index, "双带头人", engine) == {"bing-2022"}
    assert docs_of(index, "专职组织员", engine) == {"yi-2020"}
    assert docs_of(index, "三会一课", engine) == {"yi-2020", "bing-2022"}
    # The department vocabulary survives an incremental update: --dept still resolves.
    assert {h.record.doc_id for h in search(index, "三会一课", dept="宣传部",
                                            engine=engine).hits} == {"yi-2020", "bing-2022"}


def test_rebuild_starts_afresh(corpus, tmp_path):
    index = tmp_path / "index"
    build_index(corpus, index)
    again = build_index(corpus, index, rebuild=True)
    assert (again["documents"], again["added"], again["updated"]) == (2, 0, 0)
    assert len(list((index / "search").glob("gen-whoosh-*"))) == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_interrupted_build_leaves_previous_index(corpus, tmp_path, monkeypatch, engine, request):
    index = tmp_path / "index"
    build_index(corpus, index, engine=engine, db=database(engine, request))
    write_plan(corpus, "yi-2020.txt", "乙学院", first="推进专职组织员队伍建设。")

    from pbdocs import search as search_pkg

    real = search_pkg.get_backend

    def crashing(name, path, **kw):
        backend = real(name, path, **kw)
        original = backend.write

        def write(add, delete, **kw):
            original(add[:1], delete, **kw)  # half the work is written, then Ctrl-C
            raise KeyboardInterrupt

        backend.write = write
        return backend

    if engine == "postgres":  # Ctrl-C inside the transaction, after the clauses were copied
        from pbdocs.search.postgres_backend import PostgresBackend

        def interrupted(*args):
            raise KeyboardInterrupt

        monkeypatch.setattr(PostgresBackend, "_write_meta", interrupted)
    else:
        monkeypatch.setattr(search_pkg, "get_backend", crashing)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, index, engine=engine)
    monkeypatch.undo()
    assert docs_of(index, "双带头人", engine) == {"jia-2021", "yi-2020"}
    assert docs_of(index, "专职组织员", engine) == set()
    assert not list((index / "search").glob("tmp-*"))
    done = build_index(corpus, index, engine=engine)
    assert done["updated"] == 1 and docs_of(index, "专职组织员", engine) == {"yi-2020"}


def test_second_writer_is_told_to_wait(corpus, tmp_path, runner):
    index = tmp_path / "index"
    with IndexDir(index).lock():
        with pytest.raises(InputError, match="索引正在更新中，请稍后再试"):
            build_index(corpus, index)
        res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(index)])
    assert res.exit_code == 2
    assert "索引正在更新中，请稍后再试" in res.output and "Traceback" not in res.output
    assert build_index(corpus, index)["added"] == 2  # the lock is released afterwards


# -- the commands ------------------------------------------------------------------------

def test_cli_index_search_show(corpus, tmp_path, runner):
    index = str(tmp_path / "index")
    res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", index])
    assert res.exit_code == 0, res.output
    assert "2 篇文档" in res.output and "新增 2" in res.output

    res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", index,
                               "--format", "json"])
    data = json.loads(res.output)
    assert {"documents", "clauses", "added", "updated", "removed", "seconds"} <= set(data)

    res = runner.invoke(main, ["search", "双带头人", "--index", index])
    assert res.exit_code == 0, res.output
    assert "共 2 条条款" in res.output and "【双带头人】" in res.output
    assert "甲大学" in res.output and "牵头：组织部（党委组织部）" in res.output

    res = runner.invoke(main, ["search", "三会一课", "--dept", "宣传部", "--year", "2021",
                               "--facets", "--index", index])
    assert res.exit_code == 0, res.output
    assert "共 1 条条款" in res.output and "按部门：党委宣传部 1" in res.output

    res = runner.invoke(main, ["search", "双带头人", "OR", "三会一课", "--limit", "1",
                               "--offset", "1", "--format", "json", "--index", index])
    data = json.loads(res.output)
    assert data["total"] == 4 and len(data["hits"]) == 1

    clause_id = data["hits"][0]["clause_id"]
    res = runner.invoke(main, ["show", clause_id, "--index", index])
    assert res.exit_code == 0, res.output
    assert clause_id in res.output and "加强组织建设" in res.output
    res = runner.invoke(main, ["show", clause_id, "--index", index, "--format", "json"])
    assert json.loads(res.output)["clause_id"] == clause_id


@pytest.mark.parametrize("args, message", [
    (["search", "   "], "检索词为空"),
    (["search", '"双带头人'], "引号不成对"),
    (["search", "(双带头人"], "括号不成对"),
    (["search", "双带头人", "--year", "去年"], "四位数字"),
    (["show", "nope/一/1"], "没有条款"),
])
def test_cli_bad_input_is_one_sentence(corpus, tmp_path, runner, args, message):
    index = str(tmp_path / "index")
    build_index(corpus, index)
    res = runner.invoke(main, [*args, "--index", index])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def test_cli_missing_and_damaged_index(corpus, tmp_path, runner):
    index = tmp_path / "index"
    res = runner.invoke(main, ["search", "双带头人", "--index", str(index)])
    assert res.exit_code == 2 and "请先运行 pbdocs index" in res.output
    build_index(corpus, index)
    (index / "search" / "whoosh.current").write_text("gen-whoosh-0", encoding="utf-8")
    res = runner.invoke(main, ["search", "双带头人", "--index", str(index)])
    assert res.exit_code == 2 and "pbdocs index --rebuild" in res.output
    res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(index)])
    assert res.exit_code == 0
    assert runner.invoke(main, ["search", "双带头人", "--index", str(index)]).exit_code == 0


def test_search_process_does_not_import_spacy(corpus, tmp_path):
    index = tmp_path / "index"
    build_index(corpus, index)
    code = ("import sys\nfrom click.testing import CliRunner\nfrom pbdocs.cli import main\n"
            f"r = CliRunner().invoke(main, ['search', '双带头人', '--index', {str(index)!r}])\n"
            "assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'sklearn')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_unparsable_file_is_reported_not_fatal(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    summary = build_index(corpus, tmp_path / "index")
    assert summary["documents"] == 2
    assert [f["path"].endswith("broken.txt") for f in summary["failures"]] == [True]
    assert summary["failures"][0]["message"]
