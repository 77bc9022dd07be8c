"""Readers: one per format, each turning a file into plain text plus what it knows about it.

Readers know nothing about policy documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pbdocs.errors import InputError
from pbdocs.model import Warning

FORMATS = ("txt", "docx", "html", "md", "pdf", "doc")


@dataclass
class RawText:
    """What a reader returns: text with paragraphs separated by newlines."""

    text: str
    format: str
    encoding: str | None = None
    warnings: list[Warning] = field(default_factory=list)


def read_file(path: str | Path) -> RawText:
    """Read any supported file into RawText, or raise InputError with a sentence for a person."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"找不到文件：{path}")
    data = path.read_bytes()
    # Placeholder until the readers land: UTF-8 text only.
    try:
        return RawText(data.decode("utf-8"), "txt", "utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path.name}：无法识别文件编码。") from e
