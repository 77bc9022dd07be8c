"""The PostgreSQL engine as a user calls it: `pbdocs index/search/show --engine postgres --db
URL` against a real server (the session's throwaway cluster), the same answers as whoosh, the
writer lock, documents shared through the database, and one sentence for a bad URL."""

from __future__ import annotations

import json

import pytest

from pbdocs.cli import main
from pbdocs.errors import InputError
from pbdocs.search import build_index, search

PLAN = """中共{inst}委员会关于加强基层党建工作的实施方案

为加强学校党建工作，特制定本方案。

一、加强组织建设

1.落实“双带头人”培育工程。(牵头部门:组织部,配合部门:人事处)

2.严格落实三会一课制度，每月开展主题党日。(牵头部门:宣传部)

3.{third}

中共{inst}委员会

{date}
"""


@pytest.fixture()
def corpus(tmp_path):
    c = tmp_path / "corpus"
    c.mkdir()
    for name, inst, third, date in [
        ("jia-2021.txt", "甲大学", "建强专职组织员队伍。", "2021年3月1日"),
        ("yi-2020.txt", "乙学院", "开展谈心谈话，思想政治工作者要走进支部。", "2020年6月1日"),
        ("bing-2022.txt", "丙大学", "推进标杆院系和样板支部建设。", "2022年1月1日"),
    ]:
        (c / name).write_text(PLAN.format(inst=inst, third=third, date=date), encoding="utf-8")
    return c


def cli(runner, *args):
    res = runner.invoke(main, [str(a) for a in args])
    return res.exit_code, res.output


def test_index_search_show_with_postgres(corpus, tmp_path, runner, pg_url):
    index = tmp_path / "index"
    code, out = cli(runner, "index", "--corpus", corpus, "--index", index, "--engine",
                    "postgres", "--db", pg_url, "--format", "json", "--jobs", "1")
    assert code == 0, out
    data = json.loads(out)
    assert (data["documents"], data["added"], data["updated"], data["removed"]) == (3, 3, 0, 0)
    assert {"documents", "clauses", "added", "updated", "removed", "seconds"} <= set(data)

    code, out = cli(runner, "search", "双带头人", "--engine", "postgres", "--db", pg_url,
                    "--index", index, "--format", "json", "--facets")
    assert code == 0, out
    res = json.loads(out)
    assert res["total"] == 3 and "【双带头人】" in res["hits"][0]["highlight"]
    assert res["facets"]["institution"] == {"甲大学": 1, "乙学院": 1, "丙大学": 1}
    assert res["facets"]["department"] == {"党委组织部": 3, "人事处": 3}

    # The engine and database are recorded: a bare command uses them.
    code, out = cli(runner, "search", "思想政治工作", "--index", index)
    assert code == 0 and "共 1 条条款" in out and "乙学院" in out
    code, out = cli(runner, "show", "bing-2022/一/3", "--index", index, "--format", "json")
    assert code == 0, out
    assert json.loads(out)["institution"] == "丙大学"

    # Re-indexing reports what changed, like the other engines.
    (corpus / "jia-2021.txt").unlink()
    text = (corpus / "yi-2020.txt").read_text(encoding="utf-8").replace("谈心谈话", "民主生活会")
    (corpus / "yi-2020.txt").write_text(text, encoding="utf-8")
    code, out = cli(runner, "index", "--corpus", corpus, "--index", index, "--format", "json")
    data = json.loads(out)
    assert (data["documents"], data["added"], data["updated"], data["removed"]) == (2, 0, 1, 1)
    assert search(index, "专职组织员").total == 0
    assert search(index, "民主生活会", engine="postgres", db=pg_url).total == 1


def test_same_totals_as_whoosh_on_the_bundled_corpus(built_index, tmp_path, pg_url):
    """Every benchmark query, filter and facet answers with whoosh's totals and counts."""
    corpus, whoosh_index = built_index
    pg_index = tmp_path / "pg"
    summary = build_index(corpus, pg_index, engine="postgres", db=pg_url)
    assert summary["failures"] == [] and summary["documents"] == 5
    queries = ["双带头人", "三会一课", "组织部", "专职组织员", "主题党日", "党支部书记",
               "标杆院系 AND 样板支部", "谈心谈话 OR 民主生活会", "党建 NOT 学生",
               '"教师党支部书记"', "意识形态", "发展党员", "考核评价", "理论学习", "基层党组织",
               "思想政治工作", "全面从严治党", "辅导员", "(培训 OR 轮训) AND 党务干部",
               "党建工作 创新", "-党建 学生"]
    compared = 0
    for q in queries:
        for kw in ({}, {"dept": "组织部"}, {"inst": "嘉应"}, {"year": 2021}, {"kind": "实施方案"}):
            w = search(whoosh_index, q, engine="whoosh", facets=True, limit=20, **kw)
            p = search(pg_index, q, engine="postgres", facets=True, limit=20, **kw)
            assert (q, kw, p.total) == (q, kw, w.total)
            assert p.facets == w.facets
            assert {h.record.clause_id for h in p.hits} <= {
                h.record.clause_id for h in search(whoosh_index, q, engine="whoosh",
                                                   limit=1000, **kw).hits}
            compared += w.total
    assert compared > 500  # the queries do find things


def test_second_writer_is_told_to_wait(corpus, tmp_path, pg_url):
    from pbdocs.pgstore import writer_lock

    with writer_lock(pg_url):
        with pytest.raises(InputError, match="索引正在更新中"):
            build_index(corpus, tmp_path / "index", engine="postgres", db=pg_url)
    assert build_index(corpus, tmp_path / "index", engine="postgres", db=pg_url)["added"] == 3


def test_documents_are_shared_through_the_database(corpus, tmp_path, pg_url):
    """A second machine (another index folder, no corpus files) reads the same documents."""
    from pbdocs.pgstore import PgDocStore

    build_index(corpus, tmp_path / "index", engine="postgres", db=pg_url)
    store = PgDocStore(pg_url)
    assert store.ids() == ["bing-2022", "jia-2021", "yi-2020"]
    doc = store.load("yi-2020")
    assert doc.institution == "乙学院" and any("谈心谈话" in c.text for c in doc.clauses)
    other = tmp_path / "elsewhere"
    assert search(other, "双带头人", db=pg_url).total == 3
    store.close()


def test_environment_variable_stands_in_for_db(corpus, tmp_path, runner, pg_url, monkeypatch):
    monkeypatch.setenv("PBDOCS_DATABASE_URL", pg_url)
    code, out = cli(runner, "index", "--corpus", corpus, "--index", tmp_path / "a", "--engine",
                    "postgres", "--format", "json")
    assert code == 0 and json.loads(out)["added"] == 3
    code, out = cli(runner, "search", "主题党日", "--index", tmp_path / "b", "--format", "json")
    assert code == 0 and json.loads(out)["total"] == 3


@pytest.mark.parametrize("url, message", [
    ("postgresql://postgres:s3cret@127.0.0.1:1/pbdocs", "无法连接 PostgreSQL 数据库"),
    ("postgresql://postgres:s3cret@127.0.0.1:notaport/pbdocs", "数据库地址格式不正确"),
    ("not a url", "数据库地址格式不正确"),
])
def test_bad_or_unreachable_database_is_one_sentence(corpus, tmp_path, runner, url, message):
    for args in (["index", "--corpus", corpus, "--engine", "postgres"],
                 ["search", "双带头人", "--engine", "postgres"],
                 ["show", "jia-2021/一/1", "--engine", "postgres"]):
        code, out = cli(runner, *args, "--db", url, "--index", tmp_path / "index")
        assert code == 2, out
        assert message in out and "Traceback" not in out and "s3cret" not in out
        assert len(out.strip().splitlines()) == 1


def test_missing_database_and_empty_database(corpus, tmp_path, runner, pg_cluster, pg_url):
    code, out = cli(runner, "search", "双带头人", "--db", pg_cluster.url("no_such_db"),
                    "--index", tmp_path / "i")
    assert code == 2 and "没有数据库“no_such_db”" in out
    code, out = cli(runner, "search", "双带头人", "--db", pg_url, "--index", tmp_path / "i")
    assert code == 2 and "还没有 pbdocs 检索索引" in out
    code, out = cli(runner, "search", "双带头人", "--engine", "postgres", "--index",
                    tmp_path / "i")
    assert code == 2 and "PBDOCS_DATABASE_URL" in out


def test_database_going_down_mid_session_is_one_sentence(corpus, tmp_path, runner):
    """A server that stops after the index was built: the next search says so in a sentence."""
    from pgcluster import Cluster, Unavailable

    try:
        cluster = Cluster().start()
    except Unavailable as e:
        pytest.skip(str(e))
    try:
        url = cluster.create_database("pbdocs")
        build_index(corpus, tmp_path / "index", engine="postgres", db=url)
        assert search(tmp_path / "index", "双带头人").total == 3
    finally:
        cluster.stop()
    code, out = cli(runner, "search", "双带头人", "--index", tmp_path / "index")
    assert code == 2 and "无法连接 PostgreSQL 数据库" in out and "Traceback" not in out


def test_partitions_on_other_servers_answer_as_one(built_index, tmp_path, pg_cluster, pg_url):
    """pbdocs.clauses partitioned by institution into tables of two other databases
    (postgres_fdw, as the README sets it up): the same totals, facets, hits, order and scores
    as one table; each partition's server ranks its own hits."""
    import psycopg

    shards = [pg_cluster.create_database(f"shard_{tmp_path.name[-8:]}_{i}".lower())
              for i in (1, 2)]
    empty = tmp_path / "empty"
    empty.mkdir()
    for i, url in enumerate(shards):
        build_index(empty, tmp_path / f"s{i}", engine="postgres", db=url)  # tables, no rows
    coord = pg_cluster.create_database(f"coord_{tmp_path.name[-8:]}".lower())
    names = [url.rsplit("/", 1)[1] for url in shards]
    with psycopg.connect(coord, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgres_fdw")
        for i, name in enumerate(names, 1):
            conn.execute(f"CREATE SERVER shard{i} FOREIGN DATA WRAPPER postgres_fdw OPTIONS "
                         f"(host '127.0.0.1', port '{pg_cluster.port}', dbname '{name}')")
            conn.execute(f"CREATE USER MAPPING FOR CURRENT_USER SERVER shard{i} "
                         "OPTIONS (user 'postgres')")
        conn.execute(
            "CREATE SCHEMA pbdocs; CREATE TABLE pbdocs.clauses (clause_id text NOT NULL, "
            "doc_id text NOT NULL, ord bigint NOT NULL, inst text NOT NULL, year text, "
            "kind text, depts text[] NOT NULL, lead text[] NOT NULL, support text[] NOT NULL, "
            "terms tsvector NOT NULL, grams tsvector NOT NULL, "
            "data text NOT NULL) PARTITION BY HASH (inst)")
        for i in (1, 2):
            conn.execute(f"CREATE FOREIGN TABLE pbdocs.clauses_{i} PARTITION OF pbdocs.clauses "
                         f"FOR VALUES WITH (MODULUS 2, REMAINDER {i - 1}) SERVER shard{i} "
                         "OPTIONS (schema_name 'pbdocs', table_name 'clauses')")
    corpus, _ = built_index
    summary = build_index(corpus, tmp_path / "coord", engine="postgres", db=coord)
    assert summary["added"] == 5
    build_index(corpus, tmp_path / "one", engine="postgres", db=pg_url)
    held = []
    for url in shards:
        with psycopg.connect(url) as conn:
            held.append(conn.execute("SELECT count(*) FROM pbdocs.clauses").fetchone()[0])
    # The rows live on the shards, split by institution.
    assert all(held) and sum(held) == summary["clauses"]
    for q, kw in [("双带头人", {}), ("三会一课 OR 谈心谈话", {"dept": "组织部"}),
                  ("思想政治工作 OR 标杆院系", {"inst": "嘉应"}), ("党建 NOT 学生", {}),
                  ("组织员", {"year": 2020})]:
        one = search(tmp_path / "one", q, engine="postgres", facets=True, limit=5, **kw)
        two = search(tmp_path / "coord", q, engine="postgres", facets=True, limit=5, **kw)
        assert (two.total, two.facets) == (one.total, one.facets)
        assert [(h.record, h.score) for h in two.hits] == [(h.record, h.score) for h in one.hits]
        page = search(tmp_path / "coord", q, engine="postgres", limit=1, offset=1, **kw)
        assert [h.record for h in page.hits] == [h.record for h in one.hits][1:2]
