"""Parallel and distributed parsing: `--jobs N` and `--dask ADDRESS` give the same documents,
records and index as parsing one file after another; each file is read once per run."""

from __future__ import annotations

import json
import shutil

import pytest

from pbdocs.cli import main
from pbdocs.search import build_index, search
from pbdocs.store import DocStore


@pytest.fixture()
def corpus(tmp_path, corpus_dir):
    c = tmp_path / "corpus"
    shutil.copytree(corpus_dir, c)
    (c / "empty.txt").write_bytes(b"")  # a failure among the jobs keeps its sentence
    return c


def stored(index, ids) -> dict[str, dict]:
    store = DocStore(index)
    out = {}
    for doc_id in ids:
        path = store.dir / f"{doc_id}.json"
        out[doc_id] = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[1])
    return out


@pytest.mark.parametrize("engine", ["whoosh", "tantivy", "postgres"])
def test_jobs_give_identical_documents_and_index(corpus, tmp_path, engine, request):
    """Parsed and analysed in two processes: the same documents, hits, order and scores."""
    if engine == "tantivy":
        pytest.importorskip("tantivy")
    dbs = [request.getfixturevalue("pg_cluster").create_database(f"jobs_{tmp_path.name[-6:]}_{n}")
           for n in (1, 2)] if engine == "postgres" else [None, None]
    one = build_index(corpus, tmp_path / "one", jobs=1, engine=engine, db=dbs[0])
    two = build_index(corpus, tmp_path / "two", jobs=2, engine=engine, db=dbs[1])
    assert one["documents"] == two["documents"] == 5 and one["clauses"] == two["clauses"]
    assert [f["message"] for f in one["failures"]] == [f["message"] for f in two["failures"]]
    assert "空文件" in two["failures"][0]["message"]
    if engine != "postgres":
        ids = [p.stem for p in (tmp_path / "one" / "docs").glob("*.json")]
        assert len(ids) == 5
        assert stored(tmp_path / "one", ids) == stored(tmp_path / "two", ids)
    for q in ("双带头人", "三会一课 OR 主题党日", "组织员 NOT 辅导员"):
        a, b = search(tmp_path / "one", q, limit=100), search(tmp_path / "two", q, limit=100)
        assert a.total == b.total > 0
        assert [(h.record, h.score) for h in a.hits] == [(h.record, h.score) for h in b.hits]


def test_each_file_is_read_once_per_run(corpus, tmp_path, monkeypatch):
    from pathlib import Path

    reads: list[str] = []
    real = Path.read_bytes

    def counting(self):
        if self.suffix in (".txt", ".docx", ".html", ".md", ".pdf"):
            reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    build_index(corpus, tmp_path / "index", jobs=1)
    assert sorted(reads) == sorted(p.name for p in corpus.iterdir() if p.is_file())


def test_dask_local_cluster_gives_identical_documents(corpus, tmp_path, runner):
    distributed = pytest.importorskip("distributed")
    build_index(corpus, tmp_path / "local", jobs=1)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index",
                                   str(tmp_path / "dask"), "--dask", cluster.scheduler_address,
                                   "--format", "json"])
    assert res.exit_code == 2, res.output  # the empty file: indexed the rest, said so
    summary = json.loads(res.stdout)
    assert summary["documents"] == 5 and len(summary["failures"]) == 1
    ids = [p.stem for p in (tmp_path / "local" / "docs").glob("*.json")]
    assert stored(tmp_path / "local", ids) == stored(tmp_path / "dask", ids)


def test_unreachable_dask_scheduler_is_one_sentence(corpus, tmp_path, runner, monkeypatch):
    monkeypatch.setattr("pbdocs.parallel.DASK_TIMEOUT", "1s")
    res = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(tmp_path / "i"),
                               "--dask", "tcp://127.0.0.1:1"])
    assert res.exit_code == 2 and "无法连接 Dask 集群" in res.output
    assert "Traceback" not in res.output


def test_store_put_does_not_list_the_folder(tmp_path, monkeypatch, parsed_corpus):
    """Storing a document touches its own file only, however many the folder holds."""
    from pathlib import Path

    store = DocStore(tmp_path)
    doc = next(iter(parsed_corpus.values()))
    store.put(doc)

    def no_listing(self, *a, **kw):
        raise AssertionError("the store listed its folder")

    monkeypatch.setattr(Path, "glob", no_listing)
    monkeypatch.setattr(Path, "iterdir", no_listing)
    store.put(doc)
    assert store.get(doc.id, doc.source.sha256) == doc
    assert store.get(doc.id, "0" * 64) is None  # another version of the file: stale
