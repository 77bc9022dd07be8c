"""Each kind of generated document converts to PDF in LibreOffice with its Chinese text in it
(one soffice run for all three; skipped where LibreOffice or poppler is absent)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from _generate_docs import plan

from pbdocs.generate.outputs import write

FONTS_CONF = Path(__file__).resolve().parents[1] / "pbdocs" / "fonts" / "fonts.conf"

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")
                            and shutil.which("pdfinfo")),
                       reason="LibreOffice or poppler-utils not installed"),
]


def test_every_kind_renders_with_chinese_text(tmp_path):
    doc = plan()
    files = {
        "notice": (write("notice", doc, tmp_path / "notice.docx").out, "现将《"),
        "taskbook": (write("taskbook", doc, tmp_path / "taskbook.docx").out, "制定中心组学习办法"),
        "timetable": (write("timetable", doc, tmp_path / "timetable.docx").out, "组织申报"),
    }
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *[str(p) for p, _ in files.values()]],
                   check=True, env=env, capture_output=True, timeout=180)
    for kind, (docx, needle) in files.items():
        pdf = docx.with_suffix(".pdf")
        assert pdf.exists(), kind
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        pages = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
        assert pages > 0, kind
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert needle in text.replace(" ", "").replace("\n", ""), kind
        if kind == "notice":
            assert pages >= 2 and "中共某某大学委员会文件" in text.replace(" ", "")
