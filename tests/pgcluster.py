"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a free
port on 127.0.0.1, run as the `postgres` user when we are root (the server refuses root), and
removed again by stop(). Not part of pbdocs itself."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class Unavailable(Exception):
    """PostgreSQL's server programs are missing or the cluster would not start."""


def bindir() -> Path | None:
    """The folder of initdb/pg_ctl: $PG_BINDIR, the newest Debian install, or the PATH."""
    env = os.environ.get("PG_BINDIR")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One temporary cluster; `url(db)` gives a libpq URL for a database in it."""

    def __init__(self, port: int | None = None, settings: dict[str, str] | None = None):
        self.bin = bindir()
        if self.bin is None:
            raise Unavailable("没有找到 PostgreSQL 服务器程序（initdb、pg_ctl）")
        self.port = port or free_port()
        self.settings = settings or {}
        self.root = Path(tempfile.mkdtemp(prefix="pbdocs-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        self.started = False

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> Cluster:
        """initdb and start; raises Unavailable with the server's words when it cannot."""
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        try:
            self._run(self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
            opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                    + " ".join(f"-c {k}={v}" for k, v in self.settings.items()))
            self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-o", opts,
                      "-w", "-t", "60", "start")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
            detail = getattr(e, "stderr", "") or str(e)
            self.stop()
            raise Unavailable(f"PostgreSQL 无法启动：{detail.strip()[-300:]}") from e
        self.started = True
        return self

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def create_database(self, name: str) -> str:
        """Create a database (UTF-8) and return its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (immediately) and remove its files."""
        if self.started:
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop",
                      check=False)
            self.started = False
        for _ in range(3):
            shutil.rmtree(self.root, ignore_errors=True)
            if not self.root.exists():
                break
            time.sleep(0.2)
