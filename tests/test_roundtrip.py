"""Reader round trips: each seed text, rebuilt inside the test as GB18030 and UTF-16 text, a
.docx, an HTML page with navigation around it, Markdown and a PDF, gives the same clause paths
as the UTF-8 text it came from."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from readfixtures import nav_html, seed_paragraphs, write_docx, write_pdf

from pbdocs.parse import parse_file

SEEDS = ["hdu-2020-55", "nbpt-2020-sanji", "shifan-chuangjian-2020", "zju-2020-liangxue",
         "jyu-2021-54"]


def clause_paths(path) -> list[list[str]]:
    return [c.path for c in parse_file(path, doc_id="d", extract=False).clauses]


@pytest.fixture(scope="module")
def baseline(corpus_dir):
    """The clause paths of every seed read as UTF-8 text: what every other format must give."""
    return {s: clause_paths(corpus_dir / f"{s}.txt") for s in SEEDS}


def build(fmt: str, text: str, tmp_path):
    """The seed text in one format, written under tmp_path."""
    if fmt in ("gb18030", "utf-16"):
        p = tmp_path / f"seed-{fmt}.txt"
        p.write_bytes(text.encode(fmt))
    elif fmt == "docx":
        p = write_docx(tmp_path / "seed.docx", seed_paragraphs(text))
    elif fmt == "html":
        p = tmp_path / "seed.html"
        p.write_text(nav_html(seed_paragraphs(text)), encoding="utf-8")
    elif fmt == "md":
        p = tmp_path / "seed.md"
        p.write_text(text, encoding="utf-8")
    else:
        p = write_pdf(tmp_path / "seed.pdf", seed_paragraphs(text))
    return p


@pytest.mark.parametrize("fmt", ["gb18030", "utf-16", "docx", "html", "md", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_same_clause_paths_in_every_format(seed, fmt, baseline, corpus_dir, tmp_path):
    expected = baseline[seed]
    assert len(expected) >= 5, "the outline finds the seed's clauses"
    text = (corpus_dir / f"{seed}.txt").read_text(encoding="utf-8")
    assert clause_paths(build(fmt, text, tmp_path)) == expected


@pytest.mark.render
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_printed_by_libreoffice(baseline, corpus_dir, tmp_path):
    """A PDF as an office suite prints an official document (justified 16 pt text, its own
    fonts, a running header, `— n —` page numbers) from the .docx."""
    seed = "jyu-2021-54"
    text = (corpus_dir / f"{seed}.txt").read_text(encoding="utf-8")
    src = write_docx(tmp_path / "printed.docx", seed_paragraphs(text), official=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=120)
    assert clause_paths(tmp_path / "printed.pdf") == baseline[seed]
    # LibreOffice draws “ ” in a second font, in one run per line: the reader puts the marks
    # back where they belong (29 of the 30 quoted phrases of this text when measured).
    from pbdocs.read import read_file

    raw = read_file(tmp_path / "printed.pdf")
    assert raw.pages and raw.pages >= 3
    assert "内部资料" not in raw.text  # the running header
    assert not re.search(r"—\s*\d+\s*—", raw.text)  # the page numbers
    printed = raw.text.replace("\n", "")
    quoted = re.findall(r"“[^”\n]{1,15}”", text)
    found = [q for q in quoted if q in printed]
    assert len(quoted) >= 10 and len(found) >= 0.9 * len(quoted)
