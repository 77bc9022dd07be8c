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
