"""What keeps the web UI safe: escaped highlights, sanitised upload names, and paths that
cannot leave their folder."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from markupsafe import Markup, escape

# Tags a search backend may use to mark matches in its highlight fragment.
_MARK_TAG = re.compile(r"<(b|strong|em|mark|span)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_UNSAFE_CHARS = re.compile(r"[^\w\-.（）()〔〕【】]+")


def marked_terms(fragment: str | None) -> list[str]:
    """The words a backend's highlight fragment marks (tags stripped; never rendered as HTML)."""
    if not fragment:
        return []
    out = []
    for m in _MARK_TAG.finditer(fragment):
        term = _TAG.sub("", m.group(2)).strip()
        if term:
            out.append(term)
    return out


def query_terms(query: str) -> list[str]:
    """Words of a query worth marking in a hit: the query's parts and their jieba words."""
    parts = [p for p in re.split(r"\s+", query.strip()) if p]
    terms = list(parts)
    try:
        from pbdocs.segment import cut

        for p in parts:
            terms += [w for w in cut(p) if len(w.strip()) >= 2]
    except Exception:  # noqa: BLE001, S110 - marking is a nicety; never a failure
        pass
    return terms


def _spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every term in text, longest terms winning."""
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for term in sorted({t.lower() for t in terms if t}, key=len, reverse=True):
        start = low.find(term)
        while start != -1:
            end = start + len(term)
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
            start = low.find(term, end)
    return sorted(taken)


def highlight(text: str, terms: list[str], width: int | None = None,
              spans: list[tuple[int, int]] | None = None) -> Markup:
    """Text with the terms (or the given [start, end) spans) wrapped in <mark>: each piece is
    escaped first, then marked, so the document's own text can never become markup. With
    `width`, a window around the first match."""
    text = text or ""
    spans = sorted(spans) if spans is not None else _spans(text, terms)
    lo, hi = 0, len(text)
    if width is not None and len(text) > width:
        first = spans[0][0] if spans else 0
        lo = max(0, first - width // 4)
        hi = min(len(text), lo + width)
        lo = max(0, hi - width)
    out = [Markup("…")] if lo > 0 else []
    pos = lo
    for s, e in spans:
        if e <= lo or s >= hi:
            continue
        s, e = max(s, lo), min(e, hi)
        out.append(escape(text[pos:s]))
        out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
        pos = e
    out.append(escape(text[pos:hi]))
    if hi < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)


# Names Windows reserves for devices, whatever the extension (`con.txt` is the console).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$",
                       re.IGNORECASE)
# A file name's bytes on disk: most file systems allow 255; the rest leaves room for the
# "-2" of a clash, a temporary prefix, and paths on Windows.
MAX_NAME_BYTES = 150


def _cut(text: str, max_bytes: int) -> str:
    """text shortened (by whole characters) to at most max_bytes of UTF-8."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", "ignore")


def safe_filename(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name without any path part or unsafe character, short enough for any disk and
    never a name Windows reserves (`con.txt` → `con_.txt`); Chinese characters are kept.
    Returns "" when nothing usable is left."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]  # strip directories of either OS
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE_CHARS.sub("_", name)
    name = re.sub(r"_+", "_", name).strip("._ ")
    if not name:
        return ""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = stem.strip("._ ") or "upload"
    ext = _cut(ext.lower(), 16)
    stem = _cut(stem, max_bytes - len(ext.encode()) - 2).rstrip("._ ") or "upload"
    first = stem.split(".")[0]
    if _RESERVED.match(first):
        stem = first + "_" + stem[len(first):]
    return f"{stem}.{ext}" if ext else stem


_PATHS = re.compile(r"(?:[A-Za-z]:)?[\\/](?:[^\s\\/，。；：、“”（）()]+[\\/])+")
_CODE_WORD = re.compile(r"\s*[（(]\s*-{0,2}[A-Za-z_][\w.\-]*\s*[）)]")


def for_people(message: str, names: dict[str, str] | None = None) -> str:
    """A library message fit for a web page: the given server paths replaced by what a person
    knows them as (a temporary upload file by its name), other folders dropped from paths, and
    exception names or command-line flags in brackets removed."""
    text = str(message or "")
    for path, shown in sorted((names or {}).items(), key=lambda kv: -len(kv[0])):
        if path:
            text = text.replace(path, shown)
    text = _PATHS.sub("", text)
    return _CODE_WORD.sub("", text).strip()


def within(folder: Path, name: str) -> Path | None:
    """The file `name` inside `folder`, or None when the name would lead outside it."""
    folder = folder.resolve()
    if not name or "\x00" in name:
        return None
    target = (folder / name).resolve()
    if target.parent != folder and folder not in target.parents:
        return None
    return target
