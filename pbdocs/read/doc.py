"""Old Word .doc (and .wps/.rtf): converted to .docx by LibreOffice when it is installed, then
read as .docx. Without LibreOffice the person is told what to install."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

# A conversion normally takes a few seconds; a hung office process must not hang pbdocs.
CONVERT_TIMEOUT = 120


def soffice_path() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path):
    """Convert with `soffice --headless --convert-to docx` in a temporary folder and read that."""
    from pbdocs.read import RawText, check_zip, fail
    from pbdocs.read.docx import docx_paragraphs

    soffice = soffice_path()
    if soffice is None:
        raise fail(path, "是旧版 Word 格式，需要 LibreOffice 才能读取；请安装 LibreOffice"
                         "（如 apt-get install libreoffice-writer-nogui），"
                         "或将其另存为 .docx 后重试")
    with tempfile.TemporaryDirectory(prefix="pbdocs-doc-") as tmp:
        # A private profile: a user's running LibreOffice would otherwise swallow the request.
        profile = Path(tmp, "profile").as_uri()
        src = Path(tmp, "in" + path.suffix.lower())
        shutil.copyfile(path, src)
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                 "docx", "--outdir", tmp, str(src)],
                capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            problem = f"用 LibreOffice 转换超过 {CONVERT_TIMEOUT} 秒仍未完成，已放弃"
            raise fail(path, problem) from None
        out = Path(tmp, "in.docx")
        if not out.exists():
            raise fail(path, "已损坏或不是有效的 Word 文件，LibreOffice 无法转换")
        converted = out.read_bytes()
        check_zip(path, converted)
        paras = docx_paragraphs(converted)
    return RawText("\n\n".join(paras), "doc", None, [])
