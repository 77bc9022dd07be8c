"""Search over clauses: both engines pass the same tests on Documents built here, and the
bundled corpus is searched as a user would."""

from __future__ import annotations

import importlib.util
import json

import pytest

from pbdocs.errors import InputError
from pbdocs.model import Clause, Dept, Document, Section, Source
from pbdocs.search import build_from_documents, get_clause, search
from pbdocs.search.backend import Filters
from pbdocs.search.highlight import highlight

ENGINES = ["whoosh", pytest.param("tantivy", marks=pytest.mark.skipif(
    importlib.util.find_spec("tantivy") is None, reason="tantivy extra not installed")),
    "postgres"]

ORG = ("组织部", "党委组织部")
PUB = ("宣传部", "党委宣传部")
HR = ("人事处", "人事处")

# (institution, date, kind, [(text, lead, support)])
SPEC = [
    ("甲大学", "2020-05-01", "实施方案", [
        ("落实“双带头人”培育工程，建强教师党支部。", [ORG], [HR]),
        ("严格落实三会一课制度，每月开展主题党日。", [PUB], []),
        ("由党委组织部统筹专职组织员队伍建设。", [], []),
    ]),
    ("乙学院", "2020-09-10", "实施意见", [
        ("推进双 带头人队伍建设，完善培养机制。", [PUB], [ORG]),
        ("三会一课要规范，组织生活会制度要健全。", [], []),
    ]),
    ("丙大学", "2021-03-01", "实施方案", [
        ("教师党支部书记双带头人比例达到100%。", [HR], []),
        ("加强党建工作标杆院系建设。", [ORG], []),
    ]),
    ("丁学院", "2021-07-15", "行动计划", [
        ("实施双带头人教师党支部书记工作室建设。", [], []),
    ]),
    (None, "2022-01-05", "实施方案", [
        ("选优配强“双带头人”支部书记。", [], [PUB]),
        ("开展谈心谈话活动。", [], []),
    ]),
]


def make_docs() -> list[Document]:
    docs = []
    for i, (inst, date, kind, clauses) in enumerate(SPEC, 1):
        doc = Document(id=f"doc{i}", source=Source(f"/corpus/doc{i}.txt", "txt", f"{i:064x}"),
                       title=f"{inst or '某高校'}关于加强党建工作的{kind}", kind=kind,
                       institution=inst, date=date)
        doc.sections = [Section(["一"], 1, "一、", "加强基层组织建设")]
        for j, (text, lead, support) in enumerate(clauses, 1):
            doc.clauses.append(Clause(
                id=f"doc{i}/一/{j}", path=["一", str(j)], number=f"{j}.", heading=None, text=text,
                lead=[Dept(n, c) for n, c in lead], support=[Dept(n, c) for n, c in support]))
        docs.append(doc)
    return docs


@pytest.fixture(scope="module", params=ENGINES)
def ix(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(f"ix-{request.param}")
    db = None
    if request.param == "postgres":  # the index in a database; the folder records its URL
        from conftest import new_database

        db = new_database(request.getfixturevalue("pg_cluster"))
    summary = build_from_documents(make_docs(), path, engine=request.param, db=db)
    assert summary["documents"] == 5 and summary["clauses"] == 10
    return path, request.param


def ids(result) -> list[str]:
    return [h.record.clause_id for h in result.hits]


def test_term_found_in_every_document_and_highlighted(ix):
    path, engine = ix
    r = search(path, "双带头人", limit=50, engine=engine)
    assert {h.record.doc_id for h in r.hits} == {f"doc{i}" for i in range(1, 6)}
    assert r.total == 5
    for h in r.hits:
        marked = h.highlight.marked()
        assert "【双带头人】" in marked or "【双 带头人】" in marked, marked


def test_quoted_and_spaced_forms_match(ix):
    path, engine = ix
    r = search(path, "双带头人", limit=50, engine=engine)
    by_id = {h.record.clause_id: h.highlight.marked() for h in r.hits}
    assert by_id["doc1/一/1"].startswith("落实“【双带头人】”")
    assert by_id["doc2/一/1"].startswith("推进【双 带头人】队伍")


def test_part_of_a_longer_word(ix):
    path, engine = ix
    r = search(path, "组织部", limit=50, engine=engine)
    assert "doc1/一/3" in ids(r)
    hit = next(h for h in r.hits if h.record.clause_id == "doc1/一/3")
    assert hit.highlight.marked() == "由党委【组织部】统筹专职组织员队伍建设。"


def test_phrase_requires_adjacent_words(ix):
    path, engine = ix
    r = search(path, '"三会一课制度"', engine=engine)
    assert ids(r) == ["doc1/一/2"]
    assert "【三会一课制度】" in r.hits[0].highlight.marked()
    loose = search(path, "三会一课 制度", engine=engine)
    assert set(ids(loose)) == {"doc1/一/2", "doc2/一/2"}


def test_boolean_operators(ix):
    path, engine = ix
    both = search(path, "双带头人 AND 教师", limit=50, engine=engine)
    assert set(ids(both)) == {"doc1/一/1", "doc3/一/1", "doc4/一/1"}
    either = search(path, "谈心谈话 OR 标杆院系", limit=50, engine=engine)
    assert set(ids(either)) == {"doc5/一/2", "doc3/一/2"}
    without = search(path, "双带头人 NOT 教师", limit=50, engine=engine)
    assert set(ids(without)) == {"doc2/一/1", "doc5/一/1"}
    grouped = search(path, "(谈心谈话 OR 标杆院系) NOT 院系", limit=50, engine=engine)
    assert ids(grouped) == ["doc5/一/2"]


def test_filters(ix):
    path, engine = ix
    assert {h.record.institution for h in search(
        path, "双带头人", inst="甲", engine=engine).hits} == {"甲大学"}
    assert set(ids(search(path, "双带头人", year=2021, engine=engine))) == {
        "doc3/一/1", "doc4/一/1"}
    assert set(ids(search(path, "双带头人", kind="行动计划", engine=engine))) == {"doc4/一/1"}
    # 组织部 as typed means 党委组织部 as lead or support; a mere mention in the text is not it.
    r = search(path, "双带头人 OR 组织部 OR 标杆院系", dept="组织部", limit=50, engine=engine)
    assert set(ids(r)) == {"doc1/一/1", "doc2/一/1", "doc3/一/2"}
    assert search(path, "双带头人", dept="不存在的部门", engine=engine).total == 0


def test_facets(ix):
    path, engine = ix
    r = search(path, "双带头人", facets=True, engine=engine)
    assert r.facets["institution"] == {"甲大学": 1, "乙学院": 1, "丙大学": 1, "丁学院": 1,
                                       "（未注明单位）": 1}
    assert r.facets["department"] == {"党委组织部": 2, "党委宣传部": 2, "人事处": 2}
    assert r.to_dict()["facets"] == r.facets
    assert "facets" not in search(path, "双带头人", engine=engine).to_dict()


def test_totals_and_facets_count_exactly_the_hits(ix):
    """The total and the facet counts are exact under filters and NOT, whatever page is asked."""
    path, engine = ix
    for query, kw in [("双带头人 OR 组织部 OR 标杆院系", {"dept": "组织部"}),
                      ("双带头人 NOT 教师", {}), ("双带头人", {"year": 2021})]:
        every = search(path, query, limit=50, facets=True, engine=engine, **kw)
        first = search(path, query, limit=1, engine=engine, **kw)
        assert every.total == first.total == len(every.hits) > 1
        assert ids(first) == ids(every)[:1]
        assert sum(every.facets["institution"].values()) == every.total


def test_offset_and_limit_page_through_all_hits(ix):
    path, engine = ix
    everything = ids(search(path, "双带头人", limit=50, engine=engine))
    pages = [search(path, "双带头人", limit=2, offset=o, engine=engine) for o in (0, 2, 4)]
    assert [p.total for p in pages] == [5, 5, 5]
    assert [len(p.hits) for p in pages] == [2, 2, 1]
    assert sum((ids(p) for p in pages), []) == everything


def test_json_has_the_spec_fields(ix):
    path, engine = ix
    data = json.loads(json.dumps(search(path, "三会一课", engine=engine).to_dict()))
    assert set(data) == {"query", "total", "hits"}
    hit = data["hits"][0]
    assert set(hit) == {"doc_id", "clause_id", "institution", "title", "path", "text",
                        "highlight", "score", "lead", "support"}
    assert hit["path"] == ["一", "2"] and "【三会一课】" in hit["highlight"]


def test_get_clause_gives_context(ix):
    path, engine = ix
    rec = get_clause(path, "doc2/一/1", engine=engine)
    assert rec.institution == "乙学院" and rec.ancestors[0]["heading"] == "加强基层组织建设"
    assert rec.support == [{"name": "组织部", "canonical": "党委组织部", "basis": "stated"}]
    with pytest.raises(InputError, match="没有条款"):
        get_clause(path, "doc2/九/9", engine=engine)


@pytest.mark.parametrize("query, message", [
    ("", "为空"), ("   ", "为空"), ('"双带头人', "引号不成对"), ("“双带头人", "引号不成对"),
    ("(双带头人 OR 三会一课", "括号不成对"), ("双带头人)", "括号不成对"),
    ("双带头人 AND", "AND 后面缺少"), ("OR 双带头人", "OR 前面缺少"), ("，。", "没有可检索"),
])
def test_bad_queries_are_one_sentence(ix, query, message):
    path, engine = ix
    with pytest.raises(InputError, match=message):
        search(path, query, engine=engine)


def test_missing_and_damaged_index(tmp_path):
    with pytest.raises(InputError, match="请先运行 pbdocs index"):
        search(tmp_path / "nothing", "双带头人")
    build_from_documents(make_docs(), tmp_path / "ix")
    gen = next((tmp_path / "ix" / "search").glob("gen-*"))
    for f in gen.iterdir():
        if f.suffix != ".json":
            f.write_bytes(b"garbage")
    with pytest.raises(InputError, match="pbdocs index --rebuild"):
        search(tmp_path / "ix", "双带头人")


def test_other_engine_not_built_says_how(tmp_path):
    build_from_documents(make_docs(), tmp_path, engine="whoosh")
    with pytest.raises(InputError, match="--engine tantivy"):
        search(tmp_path, "双带头人", engine="tantivy")


def test_overlapping_terms_mark_each_character_once():
    # 双带头人 yields the overlapping terms 双带, 带头, 带头人, 双带头人
    h = highlight("建设双带头人队伍", {"带头人", "双带头人", "带头"})
    assert h.marked() == "建设【双带头人】队伍"
    far = highlight("甲" * 300 + "三会一课" + "乙" * 300, {"三会一课"}, width=60)
    assert "【三会一课】" in far.marked() and far.fragment.startswith("…")
    assert len(far.fragment) <= 62


# -- the bundled corpus ----------------------------------------------------------------------

def test_bundled_corpus_double_leader_in_all_five_documents(built_index):
    _, index = built_index
    r = search(index, "双带头人", limit=100)
    assert len({h.record.doc_id for h in r.hits}) == 5
    assert all("【双带头人】" in h.highlight.marked() for h in r.hits
               if "双带头人" in h.record.text)


def test_bundled_corpus_dept_filter_keeps_lead_or_support(built_index):
    _, index = built_index
    r = search(index, "党建", dept="组织部", limit=100)
    assert r.total > 0
    for h in r.hits:
        canon = {d["canonical"] for d in h.record.lead + h.record.support}
        assert "党委组织部" in canon, h.record.clause_id


def test_sharded_dictionary_cuts_like_jieba(tmp_path, monkeypatch, corpus_dir):
    """The lazily loaded dictionary (built into $PBDOCS_CACHE) segments exactly as a fully
    loaded jieba with the same user dictionary does."""
    from pbdocs import segment

    monkeypatch.setenv("PBDOCS_CACHE", str(tmp_path))
    lazy = segment._LazyDict(segment._userdicts())
    assert list(tmp_path.glob("jieba-*.bin"))
    full = segment._full_tokenizer(segment._userdicts())
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt")))
    lazy.ensure(text)
    assert list(lazy.tk.cut(text)) == list(full.cut(text))
    assert len(lazy.tk.FREQ) < len(full.FREQ) / 3  # only what this text needs was loaded


def test_tantivy_missing_says_how_to_install(tmp_path, monkeypatch, runner):
    import sys

    from pbdocs.cli import main

    monkeypatch.setitem(sys.modules, "tantivy", None)  # as if the extra were not installed
    res = runner.invoke(main, ["index", "--engine", "tantivy", "--index", str(tmp_path)])
    assert res.exit_code == 2
    assert "pbdocs[tantivy]" in res.output and "Traceback" not in res.output


def test_analysis_indexes_every_dictionary_word_with_offsets():
    from pbdocs.search.analysis import exact_term, tokens

    text = "选优配强教师党支部书记，由党委组织部统筹"
    found = {(t.text, text[t.start:t.end]) for t in tokens(text)}
    for word in ("教师党支部书记", "党支部书记", "党支部", "组织部", "党委"):
        assert (word, word) in found  # the term, at the characters it came from
    spaced = {t.text: (t.start, t.end) for t in tokens("推进双 带头人队伍")}
    assert spaced["双带头人"] == (2, 7)  # normalised for the term, original offsets kept
    assert exact_term(["组织部"]) == "组织部"
    assert exact_term(["思想", "政治", "工作"]) is None  # a run: matched by its bigrams


def test_whoosh_ranks_with_whoosh_own_bm25f(tmp_path):
    """pbdocs scores whoosh hits itself (term at a time over decoded postings); the scores and
    the order must be whoosh's own for the same words."""
    from whoosh import query as wq

    from pbdocs.search import get_backend
    from pbdocs.search.indexdir import IndexDir
    from pbdocs.search.query import parse_query

    build_from_documents(make_docs(), tmp_path, engine="whoosh")
    gen, _ = IndexDir(tmp_path).live("whoosh")
    backend = get_backend("whoosh", gen)
    s = backend._search()
    for query, words in [("双带头人 OR 组织部", ["双带头人", "组织部"]),
                         ("教师 党支部", ["教师", "党支部"])]:
        page = backend.search(parse_query(query), Filters(), 50, 0)
        own = s.search(wq.Or([wq.Term("all", w) for w in words]), limit=None)
        expected = {json.loads(h["data"])["clause_id"]: h.score for h in own}
        got = {h.record.clause_id: h.score for h in page.hits}
        assert len(got) > 2 and set(got) <= set(expected)
        for cid, score in got.items():
            assert score == pytest.approx(expected[cid], rel=1e-9)
        assert [h.score for h in page.hits] == sorted(got.values(), reverse=True)
    backend.close()


def test_whoosh_counts_across_segments_without_deleted_clauses(tmp_path):
    """An incremental update leaves a second segment and deleted clauses in the first: totals,
    hits and facets count only live clauses."""
    from pbdocs.search import get_backend
    from pbdocs.search.backend import records
    from pbdocs.search.query import parse_query

    docs = make_docs()
    backend = get_backend("whoosh", tmp_path)
    backend.create()
    backend.write([r for d in docs[:3] for r in records(d)], set())
    backend.write([r for d in docs[3:] for r in records(d)], {"doc1"})
    assert len(backend._leaves()) > 1 or backend._search().reader().has_deletions()
    page = backend.search(parse_query("双带头人"), Filters(), 1, 0, facets=True)
    every = backend.search(parse_query("双带头人"), Filters(), 50, 0)
    assert page.total == len(every.hits) == 4
    assert {h.record.doc_id for h in every.hits} == {"doc2", "doc3", "doc4", "doc5"}
    assert "甲大学" not in page.facets["institution"]
    # 10 clauses, 3 of them deleted (doc1), 4 live ones hold 双带头人
    assert backend.search(parse_query("NOT 双带头人"), Filters(), 50, 0).total == 10 - 3 - 4
    backend.close()


def test_highlight_normalises_only_the_passage_shown(parsed_corpus):
    """The fast highlighter (normalising only around the passage) marks exactly what
    normalising the whole text marks, on every bundled clause and on text where the words
    occur only in normalised form."""
    from pbdocs.search.highlight import highlight_whole

    texts = [c.text for d in parsed_corpus.values() for c in d.clauses]
    assert sum(len(t) > 160 for t in texts) > 20
    odd = ("加强组织建设。" * 30 + "落实“双 带头人”培育，ＡＢＣ党支部书记双带头人。" + "推进工作。" * 20)
    for words in [{"双带头人"}, {"党支部书记", "双带头人"}, {"组织"}, {"学生", "党建"},
                  {"abc"}, {"三会一课"}]:
        for t in texts + [odd]:
            fast, whole = highlight(t, words), highlight_whole(t, words)
            assert (fast.fragment, fast.spans) == (whole.fragment, whole.spans)
    assert "【双 带头人】" in highlight(odd, {"双带头人"}).marked()


# -- browsing, lead and support apart, several values, more facets ---------------------------

def test_browse_lists_every_clause_within_filters_in_order(ix):
    path, engine = ix
    every = search(path, "", browse=True, limit=50, engine=engine)
    assert every.total == 10
    assert ids(every)[:3] == ["doc1/一/1", "doc1/一/2", "doc1/一/3"]
    led = search(path, "", browse=True, lead="党委组织部", limit=50, engine=engine)
    assert sorted(ids(led)) == ["doc1/一/1", "doc3/一/2"]
    with pytest.raises(InputError, match="为空"):
        search(path, "", lead="党委组织部", engine=engine)  # only when browsing


def test_lead_and_support_are_apart_and_dept_is_either(ix):
    path, engine = ix
    lead = ids(search(path, "双带头人", lead="组织部", limit=50, engine=engine))
    support = ids(search(path, "双带头人", support="组织部", limit=50, engine=engine))
    either = ids(search(path, "双带头人", dept="组织部", limit=50, engine=engine))
    assert lead == ["doc1/一/1"] and support == ["doc2/一/1"]
    assert sorted(either) == sorted(lead + support)


def test_several_values_per_filter_and_documents(ix):
    path, engine = ix
    r = search(path, "双带头人", year=["2020", "2022"], limit=50, engine=engine)
    assert {h.record.doc_id for h in r.hits} == {"doc1", "doc2", "doc5"}
    r = search(path, "双带头人", kind=["实施意见", "行动计划"], limit=50, engine=engine)
    assert {h.record.doc_id for h in r.hits} == {"doc2", "doc4"}
    r = search(path, "", browse=True, doc=["doc3", "doc5"], limit=50, engine=engine)
    assert {h.record.doc_id for h in r.hits} == {"doc3", "doc5"} and r.total == 4


def test_facets_by_lead_support_year_kind_and_document(ix):
    path, engine = ix
    names = ("institution", "lead", "support", "year", "kind", "document")
    r = search(path, "双带头人", facets=names, engine=engine)
    f = r.facets
    assert list(f) == list(names)
    assert f["lead"] == {"党委组织部": 1, "党委宣传部": 1, "人事处": 1}
    assert f["support"] == {"党委组织部": 1, "党委宣传部": 1, "人事处": 1}
    assert f["year"] == {"2020": 2, "2021": 2, "2022": 1}
    assert f["kind"] == {"实施方案": 3, "实施意见": 1, "行动计划": 1}
    assert f["document"] == {f"doc{i}": 1 for i in range(1, 6)}
    narrowed = search(path, "双带头人", year="2021", facets=("year", "document"), engine=engine)
    assert narrowed.facets == {"year": {"2021": 2}, "document": {"doc3": 1, "doc4": 1}}
    with pytest.raises(InputError, match="分面"):
        search(path, "双带头人", facets=("colour",), engine=engine)
