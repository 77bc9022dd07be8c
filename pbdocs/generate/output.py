"""Writing a generated file: its folder made, the file written whole or not at all, a failure
turned into one sentence for a person."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from pbdocs.errors import PbdocsError


def save(out: str | Path, write: Callable[[Path], object]) -> Path:
    """Create `out`'s folder and call `write(tmp)` on a temporary file beside `out`, then move it
    into place: a failure (a full disk, a folder that cannot be written) leaves no partial file
    and becomes a PbdocsError."""
    out = Path(out)
    tmp: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem[:40]}.", suffix=".part")
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        os.replace(tmp, out)
    except OSError as e:
        raise PbdocsError(f"无法写入文件“{out.name}”（{_reason(e)}）。") from e
    finally:
        if tmp is not None and tmp.exists():
            tmp.unlink(missing_ok=True)
    return out


def _reason(e: OSError) -> str:
    from pbdocs.errors import os_reason

    return "没有写入权限" if os_reason(e) in ("没有权限", "所在磁盘是只读的") else os_reason(e)
