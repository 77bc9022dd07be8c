"""The extraction lexicons: plain data files under `pbdocs/lexicon/`, optionally extended by
a corpus (`<corpus>/lexicon/`) or a folder named by the `PBDOCS_LEXICON` environment variable.

Extension rule: a file of the same name in an extension folder is merged over the defaults
(its rows add aliases and override the canonical name of an alias given twice)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "lexicon"
ENV_VAR = "PBDOCS_LEXICON"


def _rows(path: Path) -> list[list[str]]:
    """Non-comment, non-empty lines of a data file split on tabs."""
    out = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return out
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


@dataclass
class Lexicon:
    """Every table the extraction rules read, merged from the default and extension folders."""

    departments: dict[str, str] = field(default_factory=dict)  # alias → canonical
    roles: list[str] = field(default_factory=list)
    bodies: set[str] = field(default_factory=set)  # roles that are organisations, not persons
    actor_cues: list[str] = field(default_factory=list)
    not_name_starts: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # 牵头部门 → lead
    external_prefixes: list[str] = field(default_factory=list)
    periods: dict[str, str] = field(default_factory=dict)  # 学期 → semester
    units: list[str] = field(default_factory=list)
    before: dict[str, str] = field(default_factory=dict)  # 不低于 → >=
    after: dict[str, str] = field(default_factory=dict)  # 以上 → >=
    verbs: list[str] = field(default_factory=list)
    skip: list[str] = field(default_factory=list)
    cover: list[str] = field(default_factory=list)

    def canonical(self, name: str) -> str:
        """The canonical department name for `name` as written (itself when unknown)."""
        key = name.strip()
        for cand in (key, key.replace("(", "（").replace(")", "）")):
            if cand in self.departments:
                return self.departments[cand]
        for prefix in ("学校", "校"):
            rest = key[len(prefix):]
            if key.startswith(prefix) and rest in self.departments:
                return self.departments[rest]
        return key


def _merge(lex: Lexicon, folder: Path) -> None:
    for row in _rows(folder / "departments.tsv"):
        if row[0]:
            canon = row[1] if len(row) > 1 and row[1] else row[0]
            lex.departments[row[0]] = canon
            lex.departments.setdefault(canon, canon)
    for row in _rows(folder / "roles.txt"):
        if row[0] not in lex.roles:
            lex.roles.append(row[0])
        if len(row) > 1 and row[1] in ("机构", "body"):
            lex.bodies.add(row[0])
        elif len(row) > 1:
            lex.bodies.discard(row[0])
    for row in _rows(folder / "not_name_starts.txt"):
        if row[0] not in lex.not_name_starts:
            lex.not_name_starts.append(row[0])
    for row in _rows(folder / "actor_cues.txt"):
        if row[0] not in lex.actor_cues:
            lex.actor_cues.append(row[0])
    for row in _rows(folder / "responsibility.tsv"):
        if len(row) > 1:
            lex.labels[row[0]] = row[1]
    for row in _rows(folder / "external_prefixes.txt"):
        if row[0] not in lex.external_prefixes:
            lex.external_prefixes.append(row[0])
    for row in _rows(folder / "periods.tsv"):
        if len(row) > 1:
            lex.periods[row[0]] = row[1]
    for row in _rows(folder / "quantities.tsv"):
        kind, word = row[0], row[1] if len(row) > 1 else ""
        if not word:
            continue
        if kind == "unit" and word not in lex.units:
            lex.units.append(word)
        elif kind in ("before", "after") and len(row) > 2:
            getattr(lex, kind)[word] = row[2]
        elif kind in ("verb", "skip", "cover"):
            bucket = getattr(lex, "verbs" if kind == "verb" else kind)
            if word not in bucket:
                bucket.append(word)


def extension_dirs(source_path: str | None) -> tuple[str, ...]:
    """Extension folders for a document: `$PBDOCS_LEXICON`, then the nearest `lexicon/` folder
    beside the source file or in up to two folders above it (the corpus folder)."""
    dirs: list[str] = []
    if source_path:
        here = Path(source_path).resolve().parent
        for folder in [here, *list(here.parents)[:2]]:
            cand = folder / "lexicon"
            if cand.is_dir() and cand.resolve() != DEFAULT_DIR:
                dirs.append(str(cand))
                break
    env = os.environ.get(ENV_VAR)
    if env and Path(env).is_dir():
        dirs.append(str(Path(env)))
    return tuple(dirs)


@lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> Lexicon:
    """The default lexicon merged with the extension folders `extra` (later ones win)."""
    lex = Lexicon()
    _merge(lex, DEFAULT_DIR)
    for folder in extra:
        _merge(lex, Path(folder))
    return lex
