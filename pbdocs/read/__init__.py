"""Readers: one per format, each turning a file into plain text plus what it knows about it.

Readers know nothing about policy documents. Every failure is an InputError whose message is one
Chinese sentence naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from pbdocs.errors import InputError, os_reason
from pbdocs.model import Warning

FORMATS = ("txt", "docx", "html", "md", "pdf", "doc")

# Extension → reader format. `.htm`/`.xhtml` are HTML, `.markdown` is Markdown, `.text` is text.
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".docx": "docx", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf", ".doc": "doc",
    ".wps": "doc", ".rtf": "doc",
}

# Larger files are refused: policy texts are tens of kilobytes; a file this big is almost
# certainly not one, and reading it would take minutes of memory and time.
MAX_BYTES = 50 * 1024 * 1024
# Plain text and Markdown hold nothing but the text: ten megabytes are a few million characters,
# hundreds of policy texts run together, and would take minutes to parse and extract.
MAX_TEXT_BYTES = 10 * 1024 * 1024
# A .docx is a zip archive: what it holds is checked before anything is unpacked. A policy text
# of hundreds of pages has a few megabytes of XML (each megabyte takes several in memory once
# parsed); images are stored, not compressed. A small file that inflates past these limits is a
# "zip bomb" (1.7 MB that would become 500 MB), never a document.
MAX_UNZIPPED = 200 * 1024 * 1024  # all members together
MAX_XML = 40 * 1024 * 1024  # one XML member (the body of the text)
MAX_RATIO = 100  # inflation of one member larger than a megabyte
# The name of the stream that holds an encrypted Office Open XML package inside the OLE
# container a password-protected .docx/.xlsx is saved as (MS-OFFCRYPTO), as stored: UTF-16LE.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass
class RawText:
    """What a reader returns: text with paragraphs separated by a blank line (as in the corpus's
    plain texts) and line breaks inside a paragraph as a single newline."""

    text: str
    format: str
    encoding: str | None = None
    warnings: list[Warning] = field(default_factory=list)
    # Pages of a PDF, paragraphs of a DOCX: for a person's curiosity and for benchmarks.
    pages: int | None = None
    # SHA-256 of the file's bytes, so that nobody reads the file again to hash it.
    sha256: str | None = None


def fail(path: Path, problem: str) -> InputError:
    """The InputError for `path`: "<file>：<problem>。" (problem without the final stop)."""
    return InputError(f"文件 {path} {problem}。")


def sniff_format(data: bytes, ext_format: str | None) -> str | None:
    """The format the bytes say they are (magic numbers), or the extension's when they say
    nothing: real files are often misnamed (an HTML page saved as .doc, a .docx named .doc)."""
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED_PACKAGE in data:
        return "encrypted"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or ext_format in ("docx", "doc") else ext_format
    if head.startswith(b"\xd0\xcf\x11\xe0") or data.lstrip()[:5] == b"{\\rtf":
        return "doc"
    # Text bytes behind a binary extension: read them as text (the txt reader sniffs HTML).
    if ext_format in ("doc", "docx", "pdf") and _looks_textual(data[:4096]):
        return "txt"
    return ext_format


def _looks_textual(probe: bytes) -> bool:
    from pbdocs.read.txt import looks_binary

    return not looks_binary(probe)


def _missing(path: Path) -> InputError:
    """The error for a path that cannot be opened: missing, a dangling or looping link."""
    import errno

    try:
        path.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            return fail(path, "是循环的符号链接（链接最终又指回自己），无法读取")
        if e.errno == errno.ENOENT and path.is_symlink():
            return fail(path, "是一个符号链接，但它指向的文件不存在")
        if e.errno in (errno.EACCES, errno.EPERM):
            return fail(path, "所在的文件夹没有访问权限，无法读取")
        if e.errno == errno.ENAMETOOLONG:
            return fail(path, "的路径太长，无法读取")
    return InputError(f"找不到文件 {path}。")


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refused with a sentence when missing, too large, unreadable or empty."""
    if not path.exists():
        raise _missing(path)
    if path.is_dir():
        raise fail(path, "是一个文件夹，不是文件")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise fail(path, f"无法读取（{os_reason(e)}）") from e
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1024 // 1024
        raise fail(path, f"大小为 {size / 1024 / 1024:.0f} MB，超过 {limit} MB 的上限，"
                         "不像一份政策文本，已拒绝读取")
    try:
        data = path.read_bytes()
    except PermissionError as e:
        raise fail(path, "没有读取权限，请检查文件权限") from e
    except OSError as e:
        raise fail(path, f"无法读取（{os_reason(e)}）") from e
    return check_bytes(path, data)


def check_bytes(path: Path, data: bytes) -> bytes:
    """data, refused with a sentence when it is too large or empty."""
    if len(data) > MAX_BYTES:
        raise fail(path, f"大小为 {len(data) / 1024 / 1024:.0f} MB，超过 "
                         f"{MAX_BYTES // 1024 // 1024} MB 的上限，不像一份政策文本，已拒绝读取")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise fail(path, "是空文件，没有任何内容")
    return data


def read_file(path: str | Path, data: bytes | None = None) -> RawText:
    """Read any supported file into RawText, or raise InputError with a sentence for a person;
    `data`, when given, is the file's bytes already read (the file is not opened again)."""
    path = Path(path)
    ext_format = EXTENSIONS.get(path.suffix.lower())
    if ext_format is None and path.suffix:
        if not path.exists():
            raise _missing(path)
        raise fail(path, f"的类型 {path.suffix} 不受支持"
                         "（支持 txt、docx、html、htm、md、pdf、doc）")
    data = read_bytes(path) if data is None else check_bytes(path, data)
    fmt = sniff_format(data, ext_format or "txt")
    if fmt in ("txt", "md") and len(data) > MAX_TEXT_BYTES:
        limit = MAX_TEXT_BYTES // 1024 // 1024
        raise fail(path, f"是 {len(data) / 1024 / 1024:.0f} MB 的纯文本，超过 {limit} MB 的上限"
                         "（一篇政策文件通常只有几十 KB），多半是许多文件连在一起，请拆分后再试")
    try:
        raw = _dispatch(path, data, fmt)
    except InputError:
        raise
    except Exception as e:
        raise fail(path, f"已损坏或不是有效的 {fmt.upper()} 文件，无法解析") from e
    if not raw.text.strip():
        raise fail(path, "中没有可提取的文字")
    raw.sha256 = hashlib.sha256(data).hexdigest()
    return raw


def check_zip(path: Path, data: bytes) -> None:
    """Refuse an archive (.docx) that is not a zip, or that would inflate past the limits,
    before anything in it is unpacked (the sizes are read from its directory; zipfile never
    inflates a member past the size stated there)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise fail(path, "已损坏（压缩包结构无法识别），无法解析") from e
    total = sum(m.file_size for m in members)
    worst = max(members, key=lambda m: m.file_size / max(m.compress_size, 1), default=None)
    ratio = worst.file_size / max(worst.compress_size, 1) if worst is not None else 0
    xml = max((m.file_size for m in members if m.filename.endswith((".xml", ".rels"))),
              default=0)
    bomb = total > MAX_UNZIPPED or (ratio > MAX_RATIO and worst.file_size > 1024 * 1024)
    if bomb or xml > MAX_XML:
        mb = total / 1024 / 1024
        why = (f"解压后将达 {mb:,.0f} MB（压缩比约 {ratio:,.0f} 倍），疑似“压缩炸弹”"
               if bomb else f"正文 XML 解压后达 {xml / 1024 / 1024:,.0f} MB，远超一篇政策文件")
        raise fail(path, f"{why}，为保护本机内存已拒绝读取")


def _dispatch(path: Path, data: bytes, fmt: str) -> RawText:
    if fmt == "txt":
        from pbdocs.read.txt import read_txt

        return read_txt(path, data)
    if fmt == "md":
        from pbdocs.read.md import read_md

        return read_md(path, data)
    if fmt == "html":
        from pbdocs.read.html import read_html

        return read_html(path, data)
    if fmt == "encrypted":
        raise fail(path, "受密码保护（已加密），无法读取；请在 Word 或 WPS 中取消密码"
                         "（文件→信息→保护文档），另存为 .docx 后重试")
    if fmt == "docx":
        from pbdocs.read.docx import read_docx

        return read_docx(path, data)
    if fmt == "pdf":
        from pbdocs.read.pdf import read_pdf

        return read_pdf(path, data)
    if fmt == "doc":
        from pbdocs.read.doc import read_doc

        return read_doc(path)
    raise fail(path, f"的格式 {fmt} 不受支持")
