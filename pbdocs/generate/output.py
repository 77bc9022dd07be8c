"""Writing a generated file: its folder made, a failure turned into one sentence for a person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pbdocs.errors import PbdocsError


def save(out: str | Path, write: Callable[[Path], object]) -> Path:
    """Create `out`'s folder and call `write(out)`; an OSError becomes a PbdocsError."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write(out)
    except OSError as e:
        raise PbdocsError(f"无法写入文件 {out}（{e.strerror or e}）。") from e
    return out
