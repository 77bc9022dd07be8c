"""End to end in a real headless Chromium: search 三会一课, open the plan, compare two
institutions, download a task book and a college draft that open in Word."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def live_url(built_index, tmp_path_factory):
    """The web app served on a free local port in a thread."""
    from werkzeug.serving import make_server

    from pbdocs.web import create_app

    app = create_app(*built_index, tmp_path_factory.mktemp("browser-out"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture()
def page(tmp_path):
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        except Exception as e:  # noqa: BLE001 - a browser that cannot start is an absent one
            pytest.skip(f"chromium does not start under playwright: {e}")
        context = browser.new_context(accept_downloads=True, locale="zh-CN",
                                      viewport={"width": 1280, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(20_000)
        yield pg
        context.close()
        browser.close()


def _shots(tmp_path: Path) -> Path:
    """Where screenshots go: $PBDOCS_SCREENSHOTS when set (to look at them), else tmp."""
    folder = Path(os.environ.get("PBDOCS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open_docx(path: Path) -> str:
    import docx

    d = docx.Document(str(path))
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_search_read_compare_and_download(page, live_url, tmp_path):
    shots = _shots(tmp_path)
    page.goto(live_url + "/")
    page.fill(".bigsearch input[name=q]", "三会一课")
    page.click(".bigsearch button")
    page.wait_for_selector("article.hit")
    marks = page.locator("article.hit mark")
    assert marks.count() >= 3
    assert set(marks.all_inner_texts()) == {"三会一课"}
    page.screenshot(path=str(shots / "search.png"), full_page=False)

    # open the plan of the first hit, at the clause
    page.locator("article.hit .meta a").first.click()
    page.wait_for_selector("section.clause")
    assert page.locator("article.doc h1").inner_text().strip()
    assert page.locator("section.clause:target").count() == 1
    assert "三会一课" in page.locator("section.clause:target").inner_text()
    assert page.locator("section.clause:target mark").first.inner_text() == "三会一课"
    page.screenshot(path=str(shots / "document.png"), full_page=False)

    # the clause and its counterparts elsewhere
    page.locator("section.clause:target .clink a").click()
    page.wait_for_selector("text=其他高校的相似条款")
    assert page.locator("article.hit").count() >= 1

    # compare two institutions on 三会一课
    page.goto(live_url + "/compare")
    boxes = page.locator("input[name=doc]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.fill("input[type=text][name=topic]", "三会一课")
    page.click("form button[type=submit]:has-text('比对')")
    page.wait_for_selector("table.matrix")
    assert page.locator("table.matrix thead th").count() == 3
    page.screenshot(path=str(shots / "compare.png"), full_page=False)

    # a task book and a college draft, downloaded and opened
    page.goto(live_url + "/")
    page.locator("table.list a:has-text('生成公文')").first.click()
    page.check("input[name=kind][value=taskbook]")
    page.select_option("select[name=fmt]", "docx")
    with page.expect_download() as dl:
        page.click("button:has-text('生成并下载')")
    book = tmp_path / dl.value.suggested_filename
    dl.value.save_as(book)
    assert book.suffix == ".docx" and "任务分解表" in book.name
    assert _open_docx(book).strip()
    # the confirmation says what the command says: the leads' summary
    page.wait_for_selector(".done .note")
    assert "牵头部门：明确" in page.inner_text(".done")
    page.screenshot(path=str(shots / "generate-done.png"), full_page=False)

    page.goto(live_url + "/generate")
    page.select_option("select[name=doc]", index=1)
    page.check("input[name=kind][value=draft]")
    page.fill("input[name=college]", "机械工程学院")
    with page.expect_download() as dl:
        page.click("button:has-text('生成并下载')")
    draft = tmp_path / dl.value.suggested_filename
    dl.value.save_as(draft)
    assert "机械工程学院" in _open_docx(draft)
    page.goto(live_url + "/generate")
    page.screenshot(path=str(shots / "generate.png"), full_page=False)


# -- issue 16: browse, sort, export, progress, delete, print view, phone width -------------------

@pytest.fixture(scope="module")
def live_rw(built_index, tmp_path_factory):
    """A writable copy of corpus and index served by waitress (as `pbdocs serve` does)."""
    import shutil

    from pbdocs.cli.serve_cmd import make_server
    from pbdocs.web import create_app

    base = tmp_path_factory.mktemp("browser-rw")
    shutil.copytree(built_index[0], base / "corpus")
    shutil.copytree(built_index[1], base / "index")
    app = create_app(base / "corpus", base / "index", base / "out")
    server = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}", base
    server.close()


def _plan(n_clauses: int, marker: str) -> str:
    """A plan of n clauses (about 150 characters each) that parses into many clauses."""
    parts = [f"中共示例大学委员会关于{marker}的实施方案", "", "一、主要任务", ""]
    for i in range(1, n_clauses + 1):
        parts += [f"（{i}）落实{marker}第{i}项要求。各党支部每月召开一次支部委员会会议，由党委组织部"
                  "牵头，党委宣传部配合，2021年12月底前完成，党员参学率达到95%以上。"
                  "严格落实三会一课制度，按期开展主题党日活动，做好记录和归档工作。", ""]
    return "\n".join(parts)


def test_browse_by_department_sort_by_date_and_export(page, live_url, tmp_path):
    shots = _shots(tmp_path)
    page.goto(live_url + "/")
    page.click("text=浏览全部条款")
    page.wait_for_selector("article.hit")
    lead = page.locator("aside.facets section", has_text="牵头部门")
    lead.locator("a", has_text="党委组织部").first.click()
    page.wait_for_selector(".chip")
    assert "牵头部门：党委组织部" in page.locator(".chips").inner_text()
    total = int(page.locator(".summary strong").inner_text())
    metas = page.locator("article.hit .meta").all_inner_texts()
    assert metas and all("党委组织部" in m.split("牵头：")[1].split("配合：")[0] for m in metas)
    page.click(".tools a:has-text('按成文日期（新→旧）')")
    page.wait_for_selector(".tools strong:has-text('按成文日期（新→旧）')")
    dates = [m.split(" · ")[1].strip() for m in page.locator("article.hit .meta").all_inner_texts()
             if " · 20" in m]
    assert dates == sorted(dates, reverse=True)
    page.screenshot(path=str(shots / "browse-sorted.png"), full_page=False)
    with page.expect_download() as dl:
        page.click(".tools a:has-text('Excel')")
    book = tmp_path / dl.value.suggested_filename
    dl.value.save_as(book)
    import openpyxl

    ws = openpyxl.load_workbook(book).active
    rows = [r for r in ws.iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(rows) == total and all("党委组织部" in (r[7] or "") for r in rows)
    # grouped by document, then back from a document to the results
    page.click(".tools a:has-text('按文件分组')")
    page.wait_for_selector("section.group")
    page.screenshot(path=str(shots / "grouped.png"), full_page=False)
    page.locator("section.group h3 a").first.click()
    page.wait_for_selector("article.doc")
    page.click("text=‹ 返回检索结果")
    page.wait_for_selector("section.group")


def test_upload_shows_progress_then_delete_and_restore(page, live_rw, tmp_path):
    url, base = live_rw
    shots = _shots(tmp_path)
    src = tmp_path / "进度演示方案.txt"
    src.write_text(_plan(600, "进度演示"), encoding="utf-8")
    assert src.stat().st_size > 150_000  # a few seconds of parsing: long enough to be seen
    page.goto(url + "/upload")
    page.set_input_files("input[type=file]", str(src))
    page.click("button:has-text('上传并解析')")
    page.wait_for_selector("progress")  # the job's page, while it parses
    assert "正在" in page.locator("[data-stage]").inner_text()
    page.screenshot(path=str(shots / "upload-progress.png"), full_page=False)
    page.wait_for_selector("text=已加入语料库", timeout=120_000)
    page.screenshot(path=str(shots / "upload-done.png"), full_page=False)
    assert (base / "corpus" / "进度演示方案.txt").is_file()
    doc_url = page.locator("a:has-text('查看文档')").get_attribute("href")
    page.goto(url + "/search?q=进度演示")
    found = int(page.locator(".summary strong").inner_text())
    assert found > 50

    page.goto(url + doc_url)
    page.wait_for_selector("article.doc")
    page.click("a.danger:has-text('删除')")
    page.wait_for_selector("text=确定要删除这份文件吗")
    page.click("button:has-text('确定删除')")
    page.wait_for_selector("text=已删除“进度演示方案.txt”")
    assert not (base / "corpus" / "进度演示方案.txt").exists()
    page.goto(url + "/search?q=进度演示")
    assert int(page.locator(".summary strong").inner_text()) == 0
    page.goto(url + "/files")
    page.screenshot(path=str(shots / "files.png"), full_page=True)
    page.locator("tr", has_text="进度演示方案.txt").locator("button:has-text('恢复')").click()
    page.wait_for_selector("text=已恢复“进度演示方案.txt”")
    page.goto(url + "/search?q=进度演示")
    assert int(page.locator(".summary strong").inner_text()) == found


def test_print_view_shows_the_text_only(page, live_url, tmp_path):
    shots = _shots(tmp_path)
    page.goto(live_url + "/")
    page.locator("table.list a").first.click()
    page.wait_for_selector("article.doc")
    assert page.locator("[data-print]").first.is_visible()
    page.emulate_media(media="print")
    for hidden in ("header.top", "aside.toc", "p.actions", ".clink", "form.insearch"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("article.doc h1").is_visible()
    assert page.locator("section.clause").first.is_visible()
    page.screenshot(path=str(shots / "print-document.png"), full_page=False)
    page.pdf(path=str(shots / "print-document.pdf"), format="A4")
    page.emulate_media(media="screen")


PHONE_PAGES = ["/", "/search?q=三会一课", "/search?all=1&group=1", "/compare", "/generate",
               "/upload", "/files"]


def test_phone_width_fits(page, live_url, tmp_path):
    shots = _shots(tmp_path)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + "/")
    first_doc = page.locator("table.list a").first.get_attribute("href")
    for path in PHONE_PAGES + [first_doc]:
        page.goto(live_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width} px wide on a 390 px phone"
        name = "phone-" + (path.strip("/").replace("/", "-").split("?")[0] or "home") + ".png"
        page.screenshot(path=str(shots / name), full_page=False)
    # a comparison: made in a job, whose page turns into the matrix (scrolled inside its box)
    page.goto(live_url + f"/compare?run=1&topic=三会一课&doc={first_doc.rsplit('/', 1)[1]}")
    page.wait_for_selector("table.matrix")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(shots / "phone-compare-matrix.png"), full_page=False)
