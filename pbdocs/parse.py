"""The parse pipeline:
file ─read─▶ RawText ─normalize─▶ text ─outline─▶ Document ─extract─▶ Document."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from pbdocs.model import Document, Source


def slugify(name: str) -> str:
    """A stable document id from a file name: `HDU 2020-55.txt` → `hdu-2020-55`."""
    stem = unicodedata.normalize("NFKC", Path(name).stem).lower()
    slug = re.sub(r"[^\w-]+", "-", stem).strip("-_")
    return slug or "doc"


def parse_text(text: str, doc_id: str, source: Source, extract: bool = True,
               lexicon_dirs: tuple[str, ...] | None = None) -> Document:
    """Run normalize, outline and (optionally) extract over text already read from a file, under
    the lexicons of the file's own corpus (or `lexicon_dirs` when given)."""
    from pbdocs import extract as extract_stage
    from pbdocs import outline
    from pbdocs.lang import lexicon
    from pbdocs.normalize import normalize

    # the lexicons of the file's own corpus (and $PBDOCS_LEXICON) apply to every stage
    if lexicon_dirs is None:
        lexicon_dirs = lexicon.extension_dirs(source.path if source else None)
    with lexicon.using(lexicon_dirs):
        norm, repairs = normalize(text)
        doc = outline.build_document(norm, doc_id=doc_id, source=source)
        doc.warnings = repairs + doc.warnings
        if extract:
            extract_stage.enrich(doc, tuple(lexicon_dirs))
    return doc


def parse_file(path: str | Path, doc_id: str | None = None, extract: bool = True,
               lexicon_dirs: tuple[str, ...] | None = None,
               data: bytes | None = None) -> Document:
    """Parse one policy file of any supported format into a Document (raises InputError);
    `lexicon_dirs` names the extension folders when the file is not yet in its corpus (an
    upload parsed from a temporary folder); `data` is its bytes when already read (the file is
    then read once per index run)."""
    from pbdocs.read import read_file

    path = Path(path)
    raw = read_file(path, data)
    source = Source(
        path=str(path),
        format=raw.format,
        sha256=raw.sha256 or hashlib.sha256(path.read_bytes()).hexdigest(),
        encoding=raw.encoding,
    )
    doc = parse_text(raw.text, doc_id or slugify(path.name), source, extract=extract,
                     lexicon_dirs=lexicon_dirs)
    doc.warnings = raw.warnings + doc.warnings
    return doc
