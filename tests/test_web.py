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


def _upload(client, name: str, data: bytes):
    return client.post("/upload", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


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
    beyond = client.get("/search", query_string={"q": "党支部", "page": 999}).data.decode()
    assert "没有找到相关条款" in beyond
    assert client.get("/search", query_string={"q": "党支部", "page": "x"}).status_code == 200
    huge = client.get("/search", query_string={"q": "党支部", "page": 10**12})
    assert huge.status_code == 200 and "没有找到相关条款" in huge.data.decode()


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
    r = client.get("/compare", query_string=[("run", "1"), ("topic", "三会一课"), ("doc", ids[0]),
                                             ("doc", ids[1]), ("export", fmt)])
    assert r.status_code == 303
    d = client.get(r.headers["Location"])
    assert d.status_code == 200 and d.headers["Content-Type"].startswith(mime)
    if fmt == "docx":
        import docx

        cells = [c.text for t in docx.Document(io.BytesIO(d.data)).tables
                 for row in t.rows for c in row.cells]
        assert any("三会一课" in c for c in cells)
    else:
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(d.data)).active
        assert any("三会一课" in str(c.value or "") for row in ws.iter_rows() for c in row)


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
    r = client.post("/generate", data={"doc": doc.id, "kind": kind, "fmt": fmt,
                                      "college": "计算机学院"})
    assert r.status_code == 303, _text(r.data)
    url = r.headers["Location"]
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


@pytest.mark.parametrize("kind", ["notice", "taskbook", "timetable", "draft"])
def test_generate_preview_is_a_sandboxed_page(client, docs, kind):
    doc = max(docs.values(), key=lambda d: sum(bool(c.lead) for c in d.clauses))
    r = client.post("/generate", data={"doc": doc.id, "kind": kind, "fmt": "docx",
                                      "college": "计算机学院", "action": "preview"})
    assert r.status_code == 200, _text(r.data)
    html = r.data.decode()
    frame = re.search(r'<iframe class="preview" sandbox srcdoc="([^"]*)"', html)
    assert frame, "the preview sits in a sandboxed frame"
    inner = unescape(frame.group(1))
    assert '<div class="pbdocs"' in inner
    if kind == "draft":
        assert "计算机学院" in inner


def test_generate_errors_are_messages(client, docs):
    doc_id = next(iter(docs))
    r = client.post("/generate", data={"doc": doc_id, "kind": "draft", "fmt": "docx"})
    assert r.status_code == 400 and "学院名称" in r.data.decode()
    r = client.post("/generate", data={"doc": doc_id, "kind": "notice", "fmt": "xlsx"})
    assert r.status_code == 400 and "不能生成" in r.data.decode()
    r = client.post("/generate", data={"doc": "", "kind": "notice", "fmt": "docx"})
    assert r.status_code == 400 and "请选择一份文档" in r.data.decode()
    r = client.post("/generate", data={"doc": "nope", "kind": "notice", "fmt": "docx"})
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
    r = upsite[0].test_client().post("/upload", data={}, content_type="multipart/form-data")
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


def test_cross_site_post_is_refused(upsite):
    r = upsite[0].test_client().post("/upload", data={}, headers={"Origin": "http://evil.test"})
    assert r.status_code == 403


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
    from werkzeug.serving import BaseWSGIServer

    from pbdocs.cli import main
    from pbdocs.web.backend import Backend

    assert not create_app(corpus_dir, tmp_path / "index").extensions["pbdocs"].index_ready()
    served, warmed = {}, []

    def serve_forever(self, *a, **kw):
        served.update(address=self.server_address, app=self.app)
        raise KeyboardInterrupt  # what Ctrl-C does

    monkeypatch.setattr(BaseWSGIServer, "serve_forever", serve_forever)
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
    from werkzeug.serving import BaseWSGIServer

    from pbdocs.cli import main

    served = {}

    def serve_forever(self, *a, **kw):
        served["app"] = self.app
        raise KeyboardInterrupt

    monkeypatch.setattr(BaseWSGIServer, "serve_forever", serve_forever)
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
