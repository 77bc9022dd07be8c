"""The one loader of the language data: the plain-text lexicon files under `pbdocs/lexicon/`,
extended by a corpus's own `lexicon/` folder and by the folder named in `$PBDOCS_LEXICON`.

Every file is UTF-8 (a BOM is allowed), one entry a line, `#` lines and blank lines ignored;
tables separate their columns by tabs. A file of the same name in an extension folder is read
after the packaged one: its entries are added, and where a table gives a key again, the later
row wins. Which extension folders apply is set for a piece of work with `using(dirs)` (parsing a
file sets the folders of that file's corpus); without it, only `$PBDOCS_LEXICON` extends the
defaults. No other module opens the lexicon folder itself.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from pbdocs.errors import InputError

LEXICON_DIR = Path(__file__).resolve().parents[1] / "lexicon"
ENV_VAR = "PBDOCS_LEXICON"
FOLDER_NAME = "lexicon"

_active: ContextVar[tuple[str, ...] | None] = ContextVar("pbdocs_lexicon_dirs", default=None)


class LexiconError(InputError):
    """A lexicon file that cannot be read: the message names the file and the line."""


class Row(tuple):
    """The cells of one table line, with where it was read (for error messages)."""

    source: str
    lineno: int

    def __new__(cls, cells, source: str, lineno: int):
        row = super().__new__(cls, cells)
        row.source, row.lineno = source, lineno
        return row

    def where(self) -> str:
        """`词表 departments.tsv（语料词表）第 12 行`: for a sentence a person reads."""
        return f"{self.source}第 {self.lineno} 行"


# -- which folders ------------------------------------------------------------------------

def extension_dirs(source_path: str | Path | None = None) -> tuple[str, ...]:
    """The extension folders for a file: the nearest `lexicon/` folder beside it or up to two
    folders above it (its corpus), then `$PBDOCS_LEXICON`; later folders win."""
    dirs: list[str] = []
    if source_path:
        here = Path(source_path).resolve().parent
        for folder in [here, *list(here.parents)[:2]]:
            cand = folder / FOLDER_NAME
            if cand.is_dir() and cand.resolve() != LEXICON_DIR:
                dirs.append(str(cand))
                break
    env = os.environ.get(ENV_VAR)
    if env and Path(env).is_dir() and Path(env).resolve() != LEXICON_DIR:
        dirs.append(str(Path(env)))
    return tuple(dirs)


def active() -> tuple[str, ...]:
    """The extension folders in effect here: those set by `using`, else `$PBDOCS_LEXICON`."""
    dirs = _active.get()
    return dirs if dirs is not None else extension_dirs(None)


@contextmanager
def using(dirs: tuple[str, ...] | list[str]) -> Iterator[tuple[str, ...]]:
    """Make `dirs` the extension folders for the work done inside the `with` block."""
    token = _active.set(tuple(dirs))
    try:
        yield tuple(dirs)
    finally:
        _active.reset(token)


def per_lexicon(maxsize: int | None = 16) -> Callable:
    """Cache a function of lexicon data once per set of extension folders (it must read the
    lexicons only through this module)."""

    def deco(fn: Callable) -> Callable:
        @functools.lru_cache(maxsize=maxsize)
        def cached(dirs: tuple[str, ...], *args):
            with using(dirs):
                return fn(*args)

        @functools.wraps(fn)
        def wrapper(*args):
            return cached(active(), *args)

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return deco


# -- reading ------------------------------------------------------------------------------

def _describe(folder: Path) -> str:
    if folder == LEXICON_DIR:
        return "软件自带词表"
    if os.environ.get(ENV_VAR) and folder == Path(os.environ[ENV_VAR]):
        return f"{ENV_VAR} 词表"
    return "语料词表"


@functools.lru_cache(maxsize=512)
def _read(path: str) -> tuple[tuple[int, str], ...] | None:
    """(line number, raw line) of every content line of one file; None when it is absent."""
    p = Path(path)
    label = f"词表文件 {p.name}（{_describe(p.parent)}）"
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise LexiconError(f"{label}无法读取（{e.strerror or '读取失败'}）。") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    out = []
    for n, raw in enumerate(data.split(b"\n"), 1):
        try:
            line = raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError as e:
            raise LexiconError(f"{label}第 {n} 行不是 UTF-8 文本，请用 UTF-8 编码保存。") from e
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append((n, line))
    return tuple(out)


def read_file(path: str | Path) -> tuple[tuple[int, str], ...]:
    """The content lines of one data file given by path, as (line number, line); a missing or
    unreadable file is a LexiconError naming it."""
    got = _read(str(Path(path).resolve()))
    if got is None:
        raise LexiconError(f"找不到词表文件 {Path(path).name}。")
    return got


def _sources(name: str, dirs: tuple[str, ...] | None) -> list[tuple[str, tuple]]:
    """(description, lines) of `name` in the packaged folder and each extension folder."""
    folders = [LEXICON_DIR, *(Path(d) for d in (active() if dirs is None else dirs))]
    out = []
    for k, folder in enumerate(folders):
        lines = _read(str(folder / name))
        if lines is None:
            if k == 0:
                raise LexiconError(f"缺少软件自带的词表文件 {name}：请重新安装 pbdocs。")
            continue
        out.append((f"词表文件 {name}（{_describe(folder)}）", lines))
    return out


def paths(name: str, dirs: tuple[str, ...] | None = None) -> list[Path]:
    """The existing files called `name`: the packaged one, then those of extension folders."""
    folders = (str(LEXICON_DIR), *(active() if dirs is None else dirs))
    # os.path, and each Path made once: segmentation asks for its user dictionaries every call
    return [_path(f, name) for f in folders if os.path.isfile(os.path.join(f, name))]


@functools.lru_cache(maxsize=256)
def _path(folder: str, name: str) -> Path:
    return Path(folder, name)


def entries(name: str, dirs: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The entries of a list file (one a line, stripped), extensions after the defaults, each
    entry once."""
    seen: dict[str, None] = {}
    for _, lines in _sources(name, dirs):
        for _, line in lines:
            seen.setdefault(line.strip(), None)
    return tuple(seen)


def rows(name: str, dirs: tuple[str, ...] | None = None, min_cells: int = 1) -> tuple[Row, ...]:
    """The lines of a table file split on tabs (cells stripped), in file order, extensions
    after the defaults; a line with fewer than `min_cells` cells is a LexiconError."""
    out: list[Row] = []
    for source, lines in _sources(name, dirs):
        for n, line in lines:
            cells = [c.strip() for c in line.split("\t")]
            row = Row(cells, source, n)
            if len([c for c in cells if c]) < min_cells:
                raise LexiconError(f"{row.where()}格式不对：应有 {min_cells} 列，以制表符分隔。")
            out.append(row)
    return tuple(out)


def table(name: str, dirs: tuple[str, ...] | None = None) -> dict[str, str]:
    """A two-column table as key → value (a key given again: the later row wins)."""
    return {r[0]: r[1] for r in rows(name, dirs, min_cells=2)}


def sections(name: str, dirs: tuple[str, ...] | None = None) -> dict[str, tuple[str, ...]]:
    """A file of `[section]` headers, each followed by its entries; sections of the same name
    in several files are merged. Parsed once per file and set of extension folders (the files
    themselves are read once, `_read`); the caller gets its own dict."""
    return dict(_sections(name, active() if dirs is None else tuple(dirs)))


@functools.lru_cache(maxsize=64)
def _sections(name: str, dirs: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, dict[str, None]] = {}
    for _, lines in _sources(name, dirs):
        current = None
        for _, line in lines:
            s = line.strip()
            m = re.fullmatch(r"\[(\w+)\]", s)
            if m:
                current = out.setdefault(m.group(1), {})
            elif current is not None:
                current.setdefault(s, None)
    return {k: tuple(v) for k, v in out.items()}


def parse_term_rows(lines, source: str = "") -> list[tuple[str, list[str]]]:
    """`name<TAB>term|term…` lines as (name, terms); a name given again replaces its terms."""
    out: dict[str, list[str]] = {}
    for _, line in lines:
        name, _, rest = line.partition("\t")
        if name.strip():
            out[name.strip()] = [k.strip() for k in rest.split("|") if k.strip()]
    return list(out.items())


def term_table(name: str, dirs: tuple[str, ...] | None = None) -> list[tuple[str, list[str]]]:
    """Rows of a `name<TAB>term|term…` file (topics, concepts) as (name, terms), in order."""
    lines = [x for _, ls in _sources(name, dirs) for x in ls]
    return parse_term_rows(lines)


def alternation(name: str, dirs: tuple[str, ...] | None = None) -> str:
    """A regex alternation of a list file's entries (literal text), longest first."""
    return "|".join(re.escape(e) for e in sorted(entries(name, dirs), key=len, reverse=True))


def files() -> list[Path]:
    """Every packaged lexicon file (what parsed documents depend on besides the code)."""
    return sorted(p for p in LEXICON_DIR.iterdir() if p.is_file())


def clear_cache() -> None:
    """Forget what was read (a test or a long-running server after a lexicon was edited)."""
    _read.cache_clear()
    _sections.cache_clear()
