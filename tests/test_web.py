"""The web UI through Flask's test client: every page, every download, every error path."""

from __future__ import annotations

import io
import re
import shutil
from html import unescape
from urllib.parse import unquote

import pytest

from pbdocs.web import create_app
from pbdocs.web.safety import highlight, safe_filename, within

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

SCRIPT_TEXT = """中共示例大学委员会关于加强基层党组织建设的实施方案

一、工作目标

（一）严格落实组织生活制度。各党支部每月召开支部委员会会议<script>alert("x")</script>，按期开展主题党日活动。

（二）加强示范培训。每年举办一期书记培训班&lt;b&gt;。
"""


def _text(html: bytes) -> str:
    """The visible text of a page (tags dropped, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", " ", html.decode("utf-8")))


@pytest.fixture(scope="module")
def site(built_index, tmp_path_factory):
    """An app over the indexed corpus (read-only use) with its own output folder."""
    corpus, index = built_index
    out = tmp_path_factory.mktemp("web-out")
    app = create_app(corpus, index, out)
    return app, corpus, index, out


@pytest.fixture(scope="module")
def client(site):
    return site[0].test_client()


@pytest.fixture(scope="module")
def docs(site):
    backend = site[0].extensions["pbdocs"]
    found, failures = backend.documents()
    assert not failures
    return {d.id: d for d in found}


@pytest.fixture()
def upsite(built_index, tmp_path):
    """A writable copy of corpus and index for upload tests, with a 1 MB upload limit."""
    corpus, index = built_index
    shutil.copytree(corpus, tmp_path / "corpus")
    shutil.copytree(index, tmp_path / "index")
    app = create_app(tmp_path / "corpus", tmp_path / "index", tmp_path / "out", max_upload_mb=1)
    return app, tmp_path


def _token(client) -> str:
    """The CSRF token of this client's session, as a form carries it."""
    html = client.get("/upload").data.decode()
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _post(client, url: str, data: dict, **kw):
    """A POST as our own form sends it (with the token)."""
    return client.post(url, data={**data, "csrf_token": _token(client)}, **kw)


def _finish(client, r):
    """Follow an upload's redirect to its job, wait for the job, and return its page."""
    if r.status_code != 303 or "/jobs/" not in r.headers.get("Location", ""):
        return r
    job_id = r.headers["Location"].rsplit("/", 1)[1]
    job = client.application.extensions["pbdocs"].jobs.wait(job_id, timeout=120)
    assert job is not None and job.over
    page = client.get(r.headers["Location"])
    if page.status_code == 303:  # a comparison: back to its own page, now made
        page = client.get(page.headers["Location"])
    return page


def _upload(client, name: str, data: bytes, url: str = "/upload"):
    r = _post(client, url, {"file": (io.BytesIO(data), name)},
              content_type="multipart/form-data")
    return _finish(client, r)


# -- safety helpers ---------------------------------------------------------------------------

def test_highlight_escapes_before_marking():
    out = str(highlight('<script>alert("三会一课")</script> 落实三会一课', ["三会一课"]))
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert out.count("<mark>三会一课</mark>") == 2


def test_highlight_window_keeps_the_first_match():
    text = "甲" * 500 + "三会一课" + "乙" * 500
    out = str(highlight(text, ["三会一课"], width=100))
    assert "<mark>三会一课</mark>" in out and out.startswith("…") and out.endswith("…")
    assert len(unescape(re.sub("<[^>]+>", "", out))) <= 102


@pytest.mark.parametrize("raw, expected", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\方案.TXT", "方案.txt"),
    ("中共某大学 实施方案（2021）.docx", "中共某大学_实施方案（2021）.docx"),
    ("/abs/path/党建<b>.html", "党建_b.html"),
    ("...", ""),
    (".hidden.txt", "hidden.txt"),
])
def test_safe_filename(raw, expected):
    assert safe_filename(raw) == expected


def test_within_refuses_escape(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    assert within(tmp_path, "a.txt") == (tmp_path / "a.txt").resolve()
    for bad in ("../a.txt", "/etc/passwd", "sub/../../a.txt", "", "a\x00.txt"):
        assert within(tmp_path, bad) is None


# -- home and search ----------------------------------------------------------------------

def test_home_lists_every_document(client, docs):
    r = client.get("/")
    assert r.status_code == 200
    html = r.data.decode()
    assert 'name="q"' in html
    for doc_id in docs:
        assert f'href="/doc/{doc_id}"' in html
    from pbdocs.web.views import _suggested

    assert _suggested() and all(f">{q}</a>" in html for q in _suggested())


def test_search_marks_every_hit(client):
    r = client.get("/search", query_string={"q": "三会一课"})
    assert r.status_code == 200
    html = r.data.decode()
    total = int(re.search(r"找到 <strong>(\d+)</strong>", html).group(1))
    assert total >= 3
    hits = re.findall(r'<article class="hit">(.*?)</article>', html, re.DOTALL)
    assert 0 < len(hits) <= 10
    for h in hits:
        assert "<mark>三会一课</mark>" in h


def _hit_docs(html: str) -> list[str]:
    """The document id of every hit on a search page."""
    return re.findall(r'<p class="meta">\s*<a href="/doc/([^"#?]+)[?#]', html)


def test_search_facets_filter_by_institution(client, site):
    backend = site[0].extensions["pbdocs"]
    result = backend.search("三会一课", limit=100, offset=0)
    insts = {h["institution"] for h in result["hits"] if h["institution"]}
    assert len(insts) >= 2, "三会一课 appears in several plans"
    inst = min(insts)
    html = client.get("/search", query_string={"q": "三会一课"}).data.decode()
    hrefs = [unquote(unescape(h)) for h in re.findall(r'href="([^"]+)"', html)]
    assert any(f"inst={inst}" in h for h in hrefs), "the facet offers the institution"
    r = client.get("/search", query_string={"q": "三会一课", "inst": inst})
    assert r.status_code == 200
    page = r.data.decode()
    shown = re.findall(r'<article class="hit">\s*<h3><a [^>]*>([^<·]+) ·', page)
    assert shown and all(s.strip() == inst for s in shown)
    expected = sum(1 for h in result["hits"] if h["institution"] == inst)
    assert f"找到 <strong>{expected}</strong>" in page
    assert "已筛选" in page


@pytest.mark.parametrize("param", ["year", "kind"])
def test_search_year_and_kind_filters_apply(client, docs, param):
    every = client.get("/search", query_string={"q": "党支部", "page": 1}).data.decode()
    assert _hit_docs(every)
    value_of = {d.id: (d.date or "")[:4] if param == "year" else (d.kind or "")
                for d in docs.values()}
    value = next(v for v in value_of.values() if v)
    r = client.get("/search", query_string={"q": "党支部", param: value})
    assert r.status_code == 200
    ids = _hit_docs(r.data.decode())
    assert ids and all(value_of[i] == value for i in ids)
    absent = "1900" if param == "year" else "无此文种"
    none = client.get("/search", query_string={"q": "党支部", param: absent})
    assert "找到 <strong>0</strong>" in none.data.decode()


def test_search_paginates(client):
    first = client.get("/search", query_string={"q": "党支部"}).data.decode()
    total = int(re.search(r"找到 <strong>(\d+)</strong>", first).group(1))
    assert total > 10, "a common word spans several pages"
    assert "下一页" in first and "page=2" in first
    second = client.get("/search", query_string={"q": "党支部", "page": 2}).data.decode()
    ids1 = re.findall(r'href="(/clause/[^"]+)"', first)
    ids2 = re.findall(r'href="(/clause/[^"]+)"', second)
    assert ids2 and not set(ids1) & set(ids2)
    assert "上一页" in second
    pages = -(-total // 10)
    for beyond in (999, 10**12):  # past the end: the last page, said as such
        r = client.get("/search", query_string={"q": "党支部", "page": beyond})
        assert r.status_code == 302 and f"page={pages}" in r.headers["Location"]
        last = client.get(r.headers["Location"]).data.decode()
        assert f"第 {pages}/{pages} 页" in last and "没有找到" not in last
        assert len(re.findall(r'<article class="hit">', last)) == total - 10 * (pages - 1)
    assert client.get("/search", query_string={"q": "党支部", "page": "x"}).status_code == 200


def test_search_builds_a_missing_index(built_index, tmp_path):
    # parsed documents kept (only the search index is missing), to keep the test quick
    shutil.copytree(built_index[1] / "docs", tmp_path / "new-index" / "docs")
    app = create_app(built_index[0], tmp_path / "new-index", tmp_path / "out")
    assert not app.extensions["pbdocs"].index_ready()
    r = app.test_client().get("/search", query_string={"q": "三会一课"})
    assert r.status_code == 200
    assert "<mark>三会一课</mark>" in r.data.decode()


def test_search_repairs_a_damaged_index(built_index, tmp_path):
    shutil.copytree(built_index[1], tmp_path / "index")
    for f in (tmp_path / "index" / "search").glob("*.current"):
        f.write_text("no-such-generation", encoding="utf-8")
    app = create_app(built_index[0], tmp_path / "index", tmp_path / "out")
    r = app.test_client().get("/search", query_string={"q": "三会一课"})
    assert r.status_code == 200, _text(r.data)
    assert "<mark>三会一课</mark>" in r.data.decode()


def test_search_syntax_error_is_a_sentence(client):
    r = client.get("/search", query_string={"q": "“三会一课"})
    assert r.status_code == 400
    assert 'class="alert' in r.data.decode() and "引号" in r.data.decode()


def test_search_without_query_asks_for_one(client):
    r = client.get("/search")
    assert r.status_code == 200
    assert "请输入检索词" in r.data.decode()
    assert client.get("/search", query_string={"q": "党" * 300}).status_code == 400


# -- document and clause pages ------------------------------------------------------------

def test_document_page_shows_outline_clauses_and_facts(client, docs):
    doc = max(docs.values(), key=lambda d: (sum(bool(c.lead) for c in d.clauses), len(d.clauses)))
    r = client.get(f"/doc/{doc.id}")
    assert r.status_code == 200
    html = r.data.decode()
    assert (doc.title or doc.id) in _text(r.data)
    anchors = re.findall(r'<section class="clause" id="([^"]+)"', html)
    assert len(anchors) == len(doc.clauses) and len(set(anchors)) == len(anchors)
    for s in doc.sections:
        assert f'href="#s-{"-".join(s.path)}"' in html
    with_facts = [c for c in doc.clauses
                  if c.lead or c.support or c.deadlines or c.recurrences or c.targets]
    assert html.count('<table class="facts">') == len(with_facts)
    assert html.count('class="nofacts"') == len(doc.clauses) - len(with_facts)
    for head in ("牵头部门", "配合部门", "完成时限", "周期要求", "量化指标"):
        assert head in html
    led = [c for c in doc.clauses if c.lead]
    assert led, "the extraction stage finds leading departments"
    assert led[0].lead[0].name in _text(r.data)
    if doc.warnings:
        assert f"解析提示（{len(doc.warnings)} 条）" in html


def test_document_page_marks_the_query(client, docs):
    doc = next(d for d in docs.values() if any("三会一课" in c.text for c in d.clauses))
    n = sum(c.text.count("三会一课") for c in doc.clauses)
    html = client.get(f"/doc/{doc.id}", query_string={"q": "三会一课"}).data.decode()
    assert html.count("<mark>三会一课</mark>") == n
    assert "<mark>" not in client.get(f"/doc/{doc.id}").data.decode()


def test_document_page_404(client):
    r = client.get("/doc/no-such-doc")
    assert r.status_code == 404
    assert "页面不存在" in r.data.decode() and "no-such-doc" in r.data.decode()


def test_clause_page_shows_similar_clauses_of_other_institutions(client, docs):
    doc = next(d for d in docs.values() if any("三会一课" in c.text for c in d.clauses))
    c = next(c for c in doc.clauses if "三会一课" in c.text)
    r = client.get(f"/clause/{c.id}")
    assert r.status_code == 200
    html = r.data.decode()
    assert "其他高校的相似条款" in html
    sims = re.findall(r'<article class="hit">\s*<h3><a href="/clause/([^"]+)"', html)
    assert sims, "a 三会一课 clause has counterparts in other plans"
    for sid in sims:
        other = docs[sid.split("/", 1)[0]]
        assert other.institution != doc.institution
    assert client.get(f"/clause/{doc.id}/no/such").status_code == 404


# -- compare ------------------------------------------------------------------------------

def test_compare_two_institutions_on_a_topic(client, docs):
    with_topic = [d for d in docs.values() if any("三会一课" in c.text for c in d.clauses)]
    a, b = with_topic[:2]
    form = client.get("/compare")
    assert form.status_code == 200 and 'name="doc"' in form.data.decode()
    r = client.get("/compare", query_string=[("run", "1"), ("topic", "三会一课"),
                                             ("doc", a.id), ("doc", b.id)])
    assert r.status_code == 303 and "/jobs/" in r.headers["Location"]  # made in a job
    r = _finish(client, r)
    assert r.status_code == 200
    html = r.data.decode()
    head = re.search(r'<table class="matrix">\s*<thead><tr>(.*?)</tr>', html, re.DOTALL).group(1)
    cols = re.findall(r"<th>([^<]*)</th>", head)
    assert len(cols) == 3  # 专题 + two institutions
    assert "三会一课" in re.search(r'<tbody>(.*?)</tbody>', html, re.DOTALL).group(1)
    assert re.search(r'href="/clause/(' + re.escape(a.id) + "|" + re.escape(b.id) + ")/", html)


@pytest.mark.parametrize("fmt, mime", [("docx", DOCX), ("xlsx", XLSX)])
def test_compare_exports_the_matrix(client, docs, fmt, mime):
    ids = list(docs)[:2]
    out = client.application.extensions["pbdocs"].out_dir
    before = sorted(out.iterdir()) if out.is_dir() else []
    d = client.get("/compare", query_string=[("run", "1"), ("topic", "三会一课"), ("doc", ids[0]),
                                             ("doc", ids[1]), ("export", fmt)])
    assert d.status_code == 200 and d.headers["Content-Type"].startswith(mime)
    assert "attachment" in d.headers["Content-Disposition"]
    assert (sorted(out.iterdir()) if out.is_dir() else []) == before, "a GET writes nothing"
    if fmt == "docx":
        import docx

        cells = [c.text for t in docx.Document(io.BytesIO(d.data)).tables
                 for row in t.rows for c in row.cells]
        assert any("三会一课" in c for c in cells)
    else:
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(d.data)).active
        assert any("三会一课" in str(c.value or "") for row in ws.iter_rows() for c in row)


def _matrix_rows(html: str) -> list[str]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.DOTALL)
    return re.findall(r"<tr>(.*?)</tr>", body.group(1), re.DOTALL) if body else []


def test_compare_can_show_only_the_rows_that_differ(client, docs):
    topics = [("topic", t) for t in ("三会一课", "党建工作领导小组", "专职组织员", "主题党日")]
    everything = _finish(client, client.get("/compare", query_string=[("run", "1"), *topics]))
    html = everything.data.decode()
    rows = _matrix_rows(html)
    assert rows and 'name="diff"' in html and "只显示各校数值有差异的行" not in html
    r = client.get("/compare", query_string=[("run", "1"), *topics, ("diff", "1")])
    assert r.status_code == 200, "the same comparison is kept: ticking the box recomputes nothing"
    html = r.data.decode()
    kept = _matrix_rows(html)
    assert "只显示各校数值有差异的行" in html and 'name="diff" value="1" checked' in html
    assert len(kept) <= len(rows)
    for row in kept:
        assert 'class="tag differs"' in row
    if not kept:
        assert "没有数值不同之处" in html
    unmarked = [row for row in rows if 'class="tag differs"' not in row]
    assert len(rows) - len(unmarked) == len(kept)
    # the downloads carry the choice
    assert '<input type="hidden" name="diff" value="1">' in html


def test_compare_only_differences_keeps_the_differing_row(tmp_path):
    """Two plans that agree on 三会一课 and differ on 主题党日: only the second row is kept."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = ("{inst}党建工作实施方案\n\n一、主要任务\n\n（一）严格组织生活。各党支部每月召开1次支部党员大会，"
            "落实“三会一课”制度，每季度至少上1次党课。\n\n（二）开展主题党日。各党支部每月至少开展{n}次"
            "主题党日活动。\n\n中共{inst}委员会\n2025年3月1日\n")
    (corpus / "a.txt").write_text(body.format(inst="甲山大学", n=1), encoding="utf-8")
    (corpus / "b.txt").write_text(body.format(inst="乙水大学", n=2), encoding="utf-8")
    client = create_app(corpus, tmp_path / "index", tmp_path / "out").test_client()
    query = [("run", "1"), ("topic", "三会一课"), ("topic", "主题党日")]
    rows = _matrix_rows(_finish(client, client.get("/compare", query_string=query)).data.decode())
    assert len(rows) == 2
    kept = _matrix_rows(client.get("/compare", query_string=[*query, ("diff", "1")]).data.decode())
    assert len(kept) == 1 and "主题党日" in kept[0] and "三会一课" not in kept[0]
    assert 'class="tag differs"' in kept[0]


def test_compare_unknown_document_is_a_message(client):
    r = client.get("/compare", query_string={"run": "1", "doc": "nope"})
    assert r.status_code == 400
    assert "语料库中没有这些文档" in r.data.decode()


# -- generate and download ----------------------------------------------------------------

@pytest.mark.parametrize("kind, fmt, mime", [
    ("notice", "docx", DOCX), ("taskbook", "docx", DOCX), ("taskbook", "xlsx", XLSX),
    ("timetable", "docx", DOCX), ("timetable", "ics", "text/calendar"), ("draft", "docx", DOCX),
])
def test_generate_downloads_a_file_that_opens(client, docs, site, kind, fmt, mime):
    doc = max(docs.values(), key=lambda d: sum(bool(c.lead) for c in d.clauses))
    r = _post(client, "/generate", {"doc": doc.id, "kind": kind, "fmt": fmt,
                                    "college": "计算机学院"})
    assert r.status_code == 303, _text(r.data)
    done = client.get(r.headers["Location"]).data.decode()  # the confirmation page
    assert "已生成" in done
    url = unescape(re.search(r'id="download" href="([^"]+)"', done).group(1))
    d = client.get(url)
    assert d.status_code == 200
    assert d.headers["Content-Type"].startswith(mime)
    assert "attachment" in d.headers["Content-Disposition"]
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(io.BytesIO(d.data)).paragraphs)
        tables = docx.Document(io.BytesIO(d.data)).tables
        assert len(text) + len(tables) > 0
        if kind == "draft":
            assert "计算机学院" in text
    elif fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(d.data))
        assert wb.active.max_row > 1
    else:
        assert d.data.startswith(b"BEGIN:VCALENDAR")
    assert url.rsplit("/", 1)[1] in client.get("/generate").data.decode()  # listed as recent


def test_generate_says_what_the_command_says(client, docs):
    # the confirmation page shows the task book's lead summary, as `pbdocs taskbook` prints it,
    # once: a reload does not repeat it
    doc = max(docs.values(), key=lambda d: sum(bool(c.lead) for c in d.clauses))
    r = _post(client, "/generate", {"doc": doc.id, "kind": "taskbook", "fmt": "docx"})
    assert r.status_code == 303, _text(r.data)
    done = client.get(r.headers["Location"]).data.decode()
    assert re.search(r'<p class="note">牵头部门：明确 \d+，文中 \d+，建议 \d+，未定 \d+', done), done
    assert '<p class="note">' not in client.get(r.headers["Location"]).data.decode()


@pytest.mark.parametrize("kind", ["notice", "taskbook", "timetable", "draft"])
def test_generate_preview_is_a_sandboxed_page(client, docs, kind):
    doc = max(docs.values(), key=lambda d: sum(bool(c.lead) for c in d.clauses))
    r = _post(client, "/generate", {"doc": doc.id, "kind": kind, "fmt": "docx",
                                    "college": "计算机学院", "action": "preview"})
    assert r.status_code == 200, _text(r.data)
    html = r.data.decode()
    frame = re.search(r'<iframe class="preview" sandbox src="([^"]*)"', html)
    assert frame, "the preview sits in a sandboxed frame"
    p = client.get(unescape(frame.group(1)))
    assert "sandbox" in p.headers["Content-Security-Policy"]
    assert "script-src" not in p.headers["Content-Security-Policy"]  # default-src 'none'
    inner = p.data.decode()
    assert '<div class="pbdocs"' in inner
    if kind == "draft":
        assert "计算机学院" in inner


def test_generate_errors_are_messages(client, docs):
    doc_id = next(iter(docs))
    r = _post(client, "/generate", {"doc": doc_id, "kind": "draft", "fmt": "docx"})
    assert r.status_code == 400 and "学院名称" in r.data.decode()
    r = _post(client, "/generate", {"doc": doc_id, "kind": "notice", "fmt": "xlsx"})
    assert r.status_code == 400 and "不能生成" in r.data.decode()
    r = _post(client, "/generate", {"doc": "", "kind": "notice", "fmt": "docx"})
    assert r.status_code == 400 and "请选择一份文档" in r.data.decode()
    r = _post(client, "/generate", {"doc": "nope", "kind": "notice", "fmt": "docx"})
    assert r.status_code == 400 and "nope" in r.data.decode()


@pytest.mark.parametrize("path", [
    "/download/../corpus.txt", "/download/..%2f..%2fetc%2fpasswd", "/download/%2fetc%2fpasswd",
    "/download/no-such.docx", "/source/..%2f..%2fetc%2fpasswd", "/source/nope",
])
def test_downloads_stay_inside_their_folders(client, path):
    r = client.get(path, follow_redirects=True)
    assert r.status_code == 404
    assert b"root:" not in r.data


def test_source_download_is_the_original_file(client, site, docs):
    doc_id = next(iter(docs))
    r = client.get(f"/source/{doc_id}")
    assert r.status_code == 200 and "attachment" in r.headers["Content-Disposition"]
    assert r.data == site[0].extensions["pbdocs"].files()[doc_id].read_bytes()


# -- upload -------------------------------------------------------------------------------

def test_upload_adds_a_document_to_corpus_and_index(upsite):
    app, tmp = upsite
    client = app.test_client()
    r = _upload(client, "示例大学 实施方案.txt", SCRIPT_TEXT.encode("utf-8"))
    assert r.status_code == 200, _text(r.data)
    html = r.data.decode()
    assert "已加入语料库：示例大学_实施方案.txt" in html
    assert (tmp / "corpus" / "示例大学_实施方案.txt").read_bytes() == SCRIPT_TEXT.encode()
    doc_id = re.search(r'href="/doc/([^"]+)"', html).group(1)
    page = client.get(f"/doc/{doc_id}").data.decode()
    # the document's own text is shown as text, never as markup
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&amp;lt;b&amp;gt;" in page
    hits = client.get("/search", query_string={"q": "支部委员会会议"}).data.decode()
    assert f"/clause/{doc_id}/" in hits
    assert "<script>alert" not in hits and "&lt;script&gt;" in hits


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_upload_other_formats(upsite, fmt):
    from readfixtures import nav_html, write_docx, write_pdf

    app, tmp = upsite
    paras = [p for p in SCRIPT_TEXT.replace("<script>", "").split("\n") if p.strip()]
    src = tmp / f"src.{fmt}"
    if fmt == "docx":
        write_docx(src, paras)
    elif fmt == "pdf":
        write_pdf(src, paras, header=None, page_numbers=False)
    else:
        src.write_text(nav_html(paras), encoding="utf-8")
    r = _upload(app.test_client(), f"上传方案.{fmt}", src.read_bytes())
    assert r.status_code == 200, _text(r.data)
    assert (tmp / "corpus" / f"上传方案.{fmt}").read_bytes() == src.read_bytes()
    assert "示例大学" in _text(r.data)
    page = app.test_client().get("/doc/上传方案")
    assert page.status_code == 200 and "支部委员会会议" in _text(page.data)
    hits = app.test_client().get("/search", query_string={"q": "支部委员会会议"}).data.decode()
    assert "/clause/上传方案/" in unquote(hits)


def test_upload_never_overwrites(upsite):
    app, tmp = upsite
    client = app.test_client()
    existing = min((tmp / "corpus").glob("*.txt"))
    stem, original = existing.stem, existing.read_bytes()
    r = _upload(client, existing.name, SCRIPT_TEXT.encode())
    assert r.status_code == 200
    assert "原文件未被覆盖" in r.data.decode()
    assert existing.read_bytes() == original
    assert (tmp / "corpus" / f"{stem}-2.txt").read_bytes() == SCRIPT_TEXT.encode()
    other = SCRIPT_TEXT.replace("每月", "每季度").encode()
    again = _upload(client, existing.name.upper(), other)
    assert f"{stem}-3.txt".lower() in again.data.decode().lower()
    assert (tmp / "corpus" / f"{stem.upper()}-3.txt").read_bytes() == other


def test_upload_of_a_file_already_there_adds_nothing(upsite):
    app, tmp = upsite
    existing = min((tmp / "corpus").glob("*.txt"))
    before = sorted(p.name for p in (tmp / "corpus").iterdir())
    r = _upload(app.test_client(), "另一个名字.txt", existing.read_bytes())
    assert r.status_code == 200
    doc_id = app.extensions["pbdocs"].corpus().load(existing).id
    assert "内容完全相同" in r.data.decode() and f'href="/doc/{doc_id}"' in r.data.decode()
    assert sorted(p.name for p in (tmp / "corpus").iterdir()) == before


def test_upload_path_traversal_name_stays_in_corpus(upsite):
    app, tmp = upsite
    client = app.test_client()
    r = _upload(client, "../../逃逸方案.txt", SCRIPT_TEXT.encode())
    assert r.status_code == 200
    assert (tmp / "corpus" / "逃逸方案.txt").is_file()
    assert not (tmp / "逃逸方案.txt").exists() and not (tmp.parent / "逃逸方案.txt").exists()
    assert "文件名已整理" in r.data.decode()


@pytest.mark.parametrize("name, data, message", [
    ("病毒.exe", b"MZ\x90\x00", "不支持的文件类型"),
    ("空文件.txt", b"", "空的"),
    ("坏文件.docx", b"this is not a zip archive at all", ""),
    ("坏文件.pdf", b"%PDF-1.4 garbage without objects", ""),
    ("乱码.txt", bytes(range(256)) * 20, ""),
    ("noext", b"abc", "没有扩展名"),
])
def test_upload_bad_file_is_a_message(upsite, name, data, message):
    app, tmp = upsite
    before = sorted(p.name for p in (tmp / "corpus").iterdir())
    r = _upload(app.test_client(), name, data)
    assert r.status_code == 400
    html = r.data.decode()
    assert 'class="alert error"' in html and message in html
    assert sorted(p.name for p in (tmp / "corpus").iterdir()) == before


def test_upload_without_file(upsite):
    client = upsite[0].test_client()
    r = _post(client, "/upload", {}, content_type="multipart/form-data")
    assert r.status_code == 400 and "请先选择要上传的文件" in r.data.decode()


def test_upload_too_large_gets_the_413_page(upsite):
    app, tmp = upsite
    r = _upload(app.test_client(), "大文件.txt", "党".encode() * (600 * 1024))
    assert r.status_code == 413
    assert "文件过大" in r.data.decode() and "1 MB" in r.data.decode()
    assert not (tmp / "corpus" / "大文件.txt").exists()


def test_untrusted_host_is_refused_with_a_page(built_index, tmp_path):
    app = create_app(*built_index, tmp_path, trusted_hosts=["127.0.0.1", "localhost"])
    client = app.test_client()
    r = client.get("/", headers={"Host": "rebound.example:8000"})
    assert r.status_code == 400 and "只接受发往本机的请求" in r.data.decode()
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200


@pytest.mark.parametrize("headers, with_token", [
    ({"Origin": "http://evil.test"}, True),
    ({"Origin": "null"}, True),  # a sandboxed frame on another site
    ({"Sec-Fetch-Site": "cross-site"}, True),
    ({"Sec-Fetch-Site": "same-site"}, True),
    ({}, False),  # no Origin at all, and no token: still refused
    ({"Origin": "http://localhost"}, False),
])
def test_cross_site_post_is_refused(upsite, headers, with_token):
    app, tmp = upsite
    client = app.test_client()
    before = sorted(p.name for p in (tmp / "corpus").iterdir())
    data = {"file": (io.BytesIO(SCRIPT_TEXT.encode()), "跨站.txt")}
    if with_token:
        data["csrf_token"] = _token(client)
    r = client.post("/upload", data=data, headers=headers, content_type="multipart/form-data")
    assert r.status_code == 403 and "拒绝访问" in r.data.decode()
    assert sorted(p.name for p in (tmp / "corpus").iterdir()) == before


# -- error pages --------------------------------------------------------------------------

def test_error_pages_are_chinese(tmp_path, built_index):
    app = create_app(*built_index, tmp_path)

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaput")

    client = app.test_client()
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "页面不存在" in r.data.decode()
    r = client.get("/boom")
    assert r.status_code == 500 and "服务器内部错误" in r.data.decode()
    assert "kaput" not in r.data.decode() and "Traceback" not in r.data.decode()
    r = client.delete("/")
    assert r.status_code == 405 and "请求方式不正确" in r.data.decode()


# -- the command ----------------------------------------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_builds_the_index_then_runs(runner, tmp_path, monkeypatch, corpus_dir):
    from waitress.server import BaseWSGIServer

    from pbdocs.cli import main
    from pbdocs.web.backend import Backend

    assert not create_app(corpus_dir, tmp_path / "index").extensions["pbdocs"].index_ready()
    served, warmed = {}, []

    def run(self, *a, **kw):
        served.update(address=self.socket.getsockname(), threads=self.adj.threads,
                      ident=self.adj.ident)
        raise KeyboardInterrupt  # what Ctrl-C does

    monkeypatch.setattr(BaseWSGIServer, "run", run)
    import pbdocs.web.app as web_app

    real_create = web_app.create_app

    def create(*a, **kw):
        served["app"] = real_create(*a, **kw)
        return served["app"]

    monkeypatch.setattr(web_app, "create_app", create)
    real_warm = Backend.warm
    monkeypatch.setattr(Backend, "warm", lambda self: warmed.append(real_warm(self)))
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    port = _free_port()
    r = runner.invoke(main, ["serve", "--port", str(port), "--corpus", str(corpus),
                             "--index", str(tmp_path / "index"), "--out", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert served["address"] == ("127.0.0.1", port)
    assert served["app"].config["TRUSTED_HOSTS"]
    assert served["threads"] > 1 and served["ident"] == "pbdocs"  # waitress, with threads
    assert create_app(corpus, tmp_path / "index").extensions["pbdocs"].index_ready()
    n_files = len(create_app(corpus).extensions["pbdocs"].corpus().files())
    assert warmed == [n_files], "documents read and the similarity index fitted at start"
    assert "索引就绪" in r.output and "服务已停止" in r.output and "Traceback" not in r.output


def test_serve_on_a_busy_port_is_one_sentence(runner, corpus_dir, tmp_path):
    import socket

    from pbdocs.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = runner.invoke(main, ["serve", "--port", str(port), "--corpus", str(corpus_dir),
                                 "--index", str(tmp_path / "index")])
    assert r.exit_code == 2
    assert "端口" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "index").exists(), "nothing indexed before the port is known to work"


def test_serve_with_missing_corpus_is_one_sentence(runner, tmp_path):
    from pbdocs.cli import main

    r = runner.invoke(main, ["serve", "--corpus", str(tmp_path / "none")])
    assert r.exit_code == 2
    assert "语料目录不存在" in r.output and "Traceback" not in r.output


def _serve(runner, monkeypatch, *args):
    """Run `pbdocs serve` until it would serve, and return its output and the app."""
    from waitress.server import BaseWSGIServer

    import pbdocs.web.app as web_app
    from pbdocs.cli import main

    served = {}

    def run(self, *a, **kw):
        raise KeyboardInterrupt

    real_create = web_app.create_app

    def create(*a, **kw):
        served["app"] = real_create(*a, **kw)
        return served["app"]

    monkeypatch.setattr(BaseWSGIServer, "run", run)
    monkeypatch.setattr(web_app, "create_app", create)
    r = runner.invoke(main, ["serve", "--port", str(_free_port()), *map(str, args)])
    assert r.exit_code == 0, r.output
    return r.output, served["app"]


def test_serve_uses_the_engine_the_index_was_built_with(runner, tmp_path, monkeypatch,
                                                        corpus_dir):
    """A tantivy index is served with tantivy: no whoosh build at start-up."""
    pytest.importorskip("tantivy")
    from pbdocs.search import build_index
    from pbdocs.search.indexdir import IndexDir

    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    build_index(corpus, tmp_path / "index", engine="tantivy")
    out, app = _serve(runner, monkeypatch, "--corpus", corpus, "--index", tmp_path / "index",
                      "--out", tmp_path / "out")
    assert "（tantivy）" in out and "索引就绪" in out
    assert IndexDir(tmp_path / "index").current("whoosh") is None
    res = app.test_client().get("/search", query_string={"q": "双带头人"})
    assert res.status_code == 200 and "双带头人" in res.get_data(as_text=True)


def test_serve_on_a_shared_database_does_not_reindex(runner, tmp_path, monkeypatch, corpus_dir,
                                                     pg_url):
    """Several servers share one PostgreSQL index: a server starting elsewhere (no corpus
    files there) answers from the database and leaves the index as it is."""
    from pbdocs.search import build_index

    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    built = build_index(corpus, tmp_path / "index", engine="postgres", db=pg_url)
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    out, app = _serve(runner, monkeypatch, "--corpus", empty, "--index", tmp_path / "other",
                      "--out", tmp_path / "out", "--db", pg_url)
    assert "共享数据库" in out
    client = app.test_client()
    page = client.get("/search", query_string={"q": "双带头人"}).get_data(as_text=True)
    assert "找到 <strong>13</strong> 条相关条款" in page
    home = client.get("/").get_data(as_text=True)
    assert f"语料库中的文件（{built['documents']} 份）" in home
    doc_page = client.get("/doc/jyu-2021-54")
    assert doc_page.status_code == 200 and "嘉应学院" in doc_page.get_data(as_text=True)
    again = build_index(corpus, tmp_path / "index", engine="postgres", db=pg_url)
    assert (again["added"], again["removed"]) == (0, 0)
# -- issue 16: names, safety headers, messages --------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("con.txt", "con_.txt"), ("NUL.txt", "NUL_.txt"), ("COM1.txt", "COM1_.txt"),
    ("lpt9.tar.docx", "lpt9_.tar.docx"), ("console.txt", "console.txt"),
])
def test_safe_filename_avoids_windows_device_names(raw, expected):
    assert safe_filename(raw) == expected


def test_safe_filename_fits_any_disk():
    name = safe_filename("关于" + "加强新时代高校党的建设" * 12 + ".docx")
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= 150
    assert name.startswith("关于加强新时代高校党的建设")


def test_long_chinese_name_uploads_and_generates(upsite):
    app, tmp = upsite
    client = app.test_client()
    long_name = "中共示例大学委员会" + "关于进一步加强新时代高校基层党组织建设" * 5 + "的实施方案.txt"
    assert len(long_name) > 84
    r = _upload(client, long_name, SCRIPT_TEXT.encode())
    assert r.status_code == 200, _text(r.data)
    saved = [p for p in (tmp / "corpus").iterdir() if p.name.startswith("中共示例大学")]
    assert len(saved) == 1 and len(saved[0].name.encode()) <= 150
    doc_id = re.search(r'href="/doc/([^"]+)"', r.data.decode()).group(1)
    g = _post(client, "/generate", {"doc": unquote(doc_id), "kind": "taskbook", "fmt": "docx"})
    assert g.status_code == 303, _text(g.data)
    done = client.get(g.headers["Location"]).data.decode()
    url = unescape(re.search(r'id="download" href="([^"]+)"', done).group(1))
    assert client.get(url).status_code == 200


def test_security_headers_on_every_page(client):
    for url in ("/", "/search?q=三会一课", "/no/such/page"):
        h = client.get(url).headers
        csp = h["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert h["X-Frame-Options"] == "DENY" and h["X-Content-Type-Options"] == "nosniff"
        assert h["Referrer-Policy"] == "same-origin"
        assert h["Server"] == "pbdocs"


def test_messages_name_no_server_path_nor_exception(upsite):
    app, tmp = upsite
    client = app.test_client()
    r = _upload(client, "坏文件.docx", b"PK\x03\x04" + b"not really a zip" * 10)
    assert r.status_code == 400
    text = _text(r.data)
    assert "坏文件.docx" in text
    for leak in ("BadZipFile", "Error", "/tmp", str(tmp), "pbdocs-upload"):
        assert leak not in text


def test_warning_kinds_read_as_words(client, docs):
    doc = next(d for d in docs.values() if d.warnings)
    html = client.get(f"/doc/{doc.id}").data.decode()
    for w in doc.warnings:
        assert f">{w.kind}<" not in html  # no internal tag such as space_removed
    assert "已删除多余空格" in html or "已接回断行" in html or "已删除网页杂项" in html


def test_a_plan_without_institution_is_named_one_way(client, docs):
    doc = next(d for d in docs.values() if not d.institution)
    pages = [client.get("/").data.decode(), client.get(f"/doc/{doc.id}").data.decode(),
             client.get("/search", query_string={"all": "1", "doc": doc.id}).data.decode()]
    for html in pages:
        assert "（未注明单位）" in html
        assert "未署名" not in html
    hits = re.findall(r'<article class="hit">\s*<h3><a [^>]*>([^<·]+) ·', pages[2])
    assert hits and {h.strip() for h in hits} == {"（未注明单位）"}


# -- issue 16: browse, facets, 文号, sort, group, export ------------------------------------------

def test_browse_clauses_led_by_a_department_without_a_query(client, docs):
    r = client.get("/search", query_string={"lead": "党委组织部"})
    assert r.status_code == 200
    html = r.data.decode()
    total = int(re.search(r"共 <strong>(\d+)</strong>", html).group(1))
    led = [c for d in docs.values() for c in d.clauses
           if any((x.canonical or x.name) == "党委组织部" for x in c.lead)]
    assert total == len(led) > 10
    shown = re.findall(r'<p class="meta">(.*?)</p>', html, re.DOTALL)
    assert shown and all("牵头：" in m and "党委组织部" in m.split("牵头：")[1].split("·")[0]
                         for m in shown)


def test_lead_and_support_facets_are_apart(client, docs):
    html = client.get("/search", query_string={"q": "党支部"}).data.decode()
    facets = dict(re.findall(r"<h3>(牵头部门|配合部门)</h3>\s*<ul>(.*?)</ul>", html, re.DOTALL))
    assert set(facets) == {"牵头部门", "配合部门"}
    r = client.get("/search", query_string={"q": "党支部", "lead": "党委组织部"}).data.decode()
    for meta in re.findall(r'<p class="meta">(.*?)</p>', r, re.DOTALL):
        assert "党委组织部" in meta.split("牵头：")[1].split("配合：")[0]


@pytest.mark.parametrize("param", ["year", "kind"])
def test_year_and_kind_facets_have_counts_that_hold(client, param):
    html = client.get("/search", query_string={"q": "党支部"}).data.decode()
    label = {"year": "年份", "kind": "文种"}[param]
    block = re.search(rf"<h3>{label}</h3>\s*<ul>(.*?)</ul>", html, re.DOTALL).group(1)
    items = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a> <span class="count">(\d+)</span>',
                       block)
    assert items
    for href, value, count in items:
        page = client.get(unescape(href)).data.decode()
        assert f"找到 <strong>{count}</strong>" in page, value


def test_doc_number_and_title_find_the_document(client, docs):
    doc = next(d for d in docs.values() if d.doc_number)
    for q in (doc.doc_number, doc.doc_number.replace("〔", "[").replace("〕", "]"), doc.title[:12]):
        html = client.get("/search", query_string={"q": q}).data.decode()
        assert "标题或文号相符的文件" in html and f'href="/doc/{doc.id}?' in html, q
    adv = client.get("/search", query_string={"docno": doc.doc_number}).data.decode()
    assert set(_hit_docs(adv)) == {doc.id}


def test_sort_by_date_and_institution(client, docs):
    for sort, key, reverse in (("new", "date", True), ("old", "date", False),
                               ("inst", "institution", False)):
        seen = []
        for page in (1, 2, 3):
            html = client.get("/search", query_string={"q": "党支部", "sort": sort,
                                                       "page": page}).data.decode()
            seen += _hit_docs(html)
        values = [getattr(docs[i], key) for i in seen if getattr(docs[i], key)]
        assert values == sorted(values, reverse=reverse), sort
        assert len(seen) == len(set(zip(seen, range(len(seen)))))
    first = client.get("/search", query_string={"q": "党支部"}).data.decode()
    total = int(re.search(r"找到 <strong>(\d+)</strong>", first).group(1))
    every = []
    for page in range(1, -(-total // 10) + 1):
        html = client.get("/search", query_string={"q": "党支部", "sort": "new",
                                                   "page": page}).data.decode()
        every += re.findall(r'href="(/clause/[^"?]+)', html)
    assert len(every) == total and len(set(every)) == total, "every hit once across pages"


def test_hits_grouped_by_document(client):
    html = client.get("/search", query_string={"q": "党支部", "group": "1"}).data.decode()
    groups = re.findall(r'<section class="group">(.*?)</section>', html, re.DOTALL)
    n_docs = int(re.search(r"分布在 (\d+) 份文件中", html).group(1))
    assert len(groups) == n_docs > 1
    counts = [int(re.search(r"· (\d+) 条", g).group(1)) for g in groups]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == int(re.search(r"找到 <strong>(\d+)</strong>", html).group(1))
    for g, n in zip(groups, counts):
        assert 1 <= g.count('<article class="hit small-hit">') <= min(3, n)


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_export_search_results(client, fmt):
    html = client.get("/search", query_string={"q": "党支部", "sort": "new"}).data.decode()
    total = int(re.search(r"找到 <strong>(\d+)</strong>", html).group(1))
    href = unescape(re.search(r'href="(/search/export[^"]*fmt=' + fmt + ')"', html).group(1))
    r = client.get(href)
    assert r.status_code == 200 and "attachment" in r.headers["Content-Disposition"]
    if fmt == "xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(r.data)).active
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4) if row[0].value]
        assert len(rows) == total
        assert all("党支部" in (row[6] or "") or row[7] or row[8] for row in rows)
        dates = [row[4] for row in rows if row[4]]
        assert dates == sorted(dates, reverse=True)
    else:
        import docx

        from pbdocs.generate import oxml

        # one table, or two when its last rows would stand alone on a page: the second goes
        # on under the same header, repeated
        tables = docx.Document(io.BytesIO(r.data)).tables
        head = [c.text for c in tables[0].rows[0].cells]
        assert head[0] == "序号" and len(tables) <= 2
        assert all([c.text for c in t.rows[0].cells] == head for t in tables)
        assert all(oxml.is_repeat_header(t.rows[0]) for t in tables)
        assert sum(len(t.rows) - 1 for t in tables) == total


def test_search_within_a_document(client, docs):
    doc = next(d for d in docs.values() if sum("党支部" in c.text for c in d.clauses) >= 2)
    html = client.get(f"/doc/{doc.id}", query_string={"q": "党支部"}).data.decode()
    n = int(re.search(r"本文件中有 <strong>(\d+)</strong> 条条款", html).group(1))
    assert n == html.count('<section class="clause match"') >= 2
    other = client.get(f"/doc/{doc.id}", query_string={"q": "无此内容词语"}).data.decode()
    assert "本文件中没有与" in other


def test_back_to_results_only_to_our_search(client, docs):
    doc_id = next(iter(docs))
    ok = client.get(f"/doc/{doc_id}", query_string={"back": "/search?q=党支部"}).data.decode()
    assert 'href="/search?q=党支部">‹ 返回检索结果' in unescape(ok)
    for bad in ("http://evil.test/", "//evil.test", "/download/x"):
        html = client.get(f"/doc/{doc_id}", query_string={"back": bad}).data.decode()
        assert "返回检索结果" not in html


def test_compare_from_a_document_page_has_every_other_plan(client, docs):
    doc = next(iter(docs.values()))
    html = client.get(f"/doc/{doc.id}").data.decode()
    href = unescape(re.search(r'href="([^"]+)">与其他高校比对', html).group(1))
    page = _finish(client, client.get(href + "&topic=三会一课"))
    assert page.status_code == 200
    head = re.search(r'<table class="matrix">\s*<thead><tr>(.*?)</tr>', page.data.decode(),
                     re.DOTALL).group(1)
    labels = {d.institution or d.id for d in docs.values()}
    assert len(re.findall(r"<th>", head)) == 1 + len(labels)


# -- issue 16: jobs, delete, replace, restore -----------------------------------------------------

def test_upload_job_reports_progress_and_parses_outside_the_lock(upsite, monkeypatch):
    import threading

    import pbdocs.parse

    app, tmp = upsite
    backend = app.extensions["pbdocs"]
    started, release = threading.Event(), threading.Event()
    real = pbdocs.parse.parse_file

    def slow_parse(*a, **kw):
        started.set()
        assert release.wait(10)
        return real(*a, **kw)

    monkeypatch.setattr(pbdocs.parse, "parse_file", slow_parse)
    client = app.test_client()
    r = _post(client, "/upload", {"file": (io.BytesIO(SCRIPT_TEXT.encode()), "慢文件.txt")},
              content_type="multipart/form-data")
    assert r.status_code == 303
    assert started.wait(10)
    status = client.get(r.headers["Location"], headers={"Accept": "application/json"}).get_json()
    assert status["state"] == "running" and "解析" in status["stage"] and status["total"] == 3
    page = client.get(r.headers["Location"]).data.decode()
    assert 'http-equiv="refresh"' in page and "解析" in page  # without script it refreshes
    assert backend._lock.acquire(blocking=False), "the corpus lock is free while parsing"
    backend._lock.release()
    assert "<mark>三会一课</mark>" in client.get("/search", query_string={"q": "三会一课"}).data.decode()
    release.set()
    done = _finish(client, r)
    assert "已加入语料库：慢文件.txt" in done.data.decode()
    assert client.get(r.headers["Location"] + "?format=json").get_json()["state"] == "done"


def test_delete_restore_and_replace(upsite):
    app, tmp = upsite
    client = app.test_client()
    r = _upload(client, "待删除方案.txt", SCRIPT_TEXT.encode())
    doc_id = unquote(re.search(r'href="/doc/([^"]+)"', r.data.decode()).group(1))
    assert "/clause/" + doc_id in unquote(
        client.get("/search", query_string={"q": "支部委员会会议"}).data.decode())
    ask = client.get(f"/doc/{doc_id}/delete")
    assert ask.status_code == 200 and "确定要删除" in ask.data.decode()
    assert (tmp / "corpus" / "待删除方案.txt").exists(), "asking deletes nothing"
    gone = _post(client, f"/doc/{doc_id}/delete", {"confirm": "1"})
    assert gone.status_code == 303
    assert not (tmp / "corpus" / "待删除方案.txt").exists()
    files = client.get(gone.headers["Location"]).data.decode()
    assert "已删除“待删除方案.txt”" in files and "回收站（1 个文件）" in files
    assert client.get(f"/doc/{doc_id}").status_code == 404
    assert "/clause/" + doc_id not in unquote(
        client.get("/search", query_string={"q": "支部委员会会议"}).data.decode())
    key = unescape(re.search(r'name="key" value="([^"]+)"', files).group(1))
    back = _post(client, "/files/restore", {"key": key})
    assert "已恢复“待删除方案.txt”" in client.get(back.headers["Location"]).data.decode()
    assert (tmp / "corpus" / "待删除方案.txt").read_bytes() == SCRIPT_TEXT.encode()
    assert "/clause/" + doc_id in unquote(
        client.get("/search", query_string={"q": "支部委员会会议"}).data.decode())
    new = SCRIPT_TEXT.replace("支部委员会会议", "支部党员大会").encode()
    r = _upload(client, "新版本.txt", new, url=f"/doc/{doc_id}/replace")
    assert r.status_code == 200, _text(r.data)
    assert "已移入回收站" in r.data.decode()
    assert (tmp / "corpus" / "待删除方案.txt").read_bytes() == new
    page = client.get(f"/doc/{doc_id}").data.decode()
    assert "支部党员大会" in page and "支部委员会会议" not in page
    assert "/clause/" + doc_id not in unquote(
        client.get("/search", query_string={"q": "支部委员会会议"}).data.decode())


def test_delete_needs_a_post_with_the_token(upsite):
    app, tmp = upsite
    client = app.test_client()
    doc_id = next(iter(app.extensions["pbdocs"].files()))
    r = client.post(f"/doc/{doc_id}/delete", data={"confirm": "1"})
    assert r.status_code == 403
    assert doc_id in app.extensions["pbdocs"].files()


def test_upload_parsed_in_a_worker_process(built_index, tmp_path):
    """As `pbdocs serve` runs it: the upload is parsed in a process of its own."""
    shutil.copytree(built_index[0], tmp_path / "corpus")
    shutil.copytree(built_index[1], tmp_path / "index")
    app = create_app(tmp_path / "corpus", tmp_path / "index", tmp_path / "out",
                     parse_processes=1)
    backend = app.extensions["pbdocs"]
    try:
        client = app.test_client()
        r = _upload(client, "进程解析方案.txt", SCRIPT_TEXT.encode())
        assert r.status_code == 200 and "已加入语料库：进程解析方案.txt" in r.data.decode()
        assert backend._pool is not None
        bad = _upload(client, "坏文件.docx", b"PK\x03\x04" + b"not really a zip" * 10)
        assert bad.status_code == 400 and "坏文件.docx" in _text(bad.data)
        assert "Error" not in _text(bad.data) and "/tmp" not in _text(bad.data)
    finally:
        backend.stop_workers()


def test_a_suggested_department_reads_as_a_suggestion():
    from pbdocs.model import Clause, Dept, Document, Source
    from pbdocs.search.backend import records
    from pbdocs.web.filters import dept, depts

    assert dept({"name": "组织部", "canonical": "党委组织部", "basis": "suggested"}) == \
        "组织部（党委组织部）（建议）"
    assert dept({"name": "党委组织部", "canonical": "党委组织部"}) == "党委组织部"
    suggested = Dept("党委宣传部", "党委宣传部")
    suggested.basis = "suggested"  # the field the model is gaining (issue 12)
    doc = Document(id="d", source=Source("/c/d.txt", "txt", "0" * 64))
    doc.clauses.append(Clause(id="d/一", path=["一"], number="一", heading=None,
                              text="加强宣传。", lead=[suggested]))
    rec = records(doc)[0]
    assert rec.lead == [{"name": "党委宣传部", "canonical": "党委宣传部", "basis": "suggested"}]
    assert depts(rec.lead) == "党委宣传部（建议）"


def test_an_upload_is_parsed_with_its_corpus_lexicons(tmp_path):
    """An upload is parsed in a temporary folder, yet its corpus's own lexicon folder applies."""
    from pbdocs.web.backend import Backend

    corpus = tmp_path / "corpus"
    (corpus / "lexicon").mkdir(parents=True)
    (corpus / "lexicon" / "kinds.txt").write_text("工作指引\n", encoding="utf-8")
    staged = tmp_path / "staged" / "a.txt"
    staged.parent.mkdir()
    staged.write_text("某某大学党委会议工作指引\n\n一、总体要求\n\n各单位要认真执行。\n",
                      encoding="utf-8")
    backend = Backend(corpus, tmp_path / "index", tmp_path / "out")
    assert backend._parse(staged, "a").kind == "工作指引"


def test_a_similar_clause_is_shown_by_its_matched_sentence(client, docs):
    """The clause page shows each similar clause by the sentence that matched (the `excerpt` of
    `similar`), not by the start of a long clause."""
    from pbdocs.crossref import similar

    doc = next(d for d in docs.values() if any("三会一课" in c.text for c in d.clauses))
    c = next(c for c in doc.clauses if "三会一课" in c.text)
    hits = similar(list(docs.values()), clause_id=c.id, top=5, other_institutions=True)["hits"]
    long = [h for h in hits if h["excerpt"] != h["text"].strip()]
    assert long, "some hit is longer than its matched sentence"
    html = client.get(f"/clause/{c.id}").data.decode()
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert any(long[0]["excerpt"][:40] in s for s in snippets)
