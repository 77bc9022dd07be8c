"""PostgreSQL as the shared store: connecting (every failure one Chinese sentence, never the
password), the writer lock, and parsed documents kept in the database so that several machines
share one corpus. The search index in the same database is `pbdocs.search.postgres_backend`.

Everything lives in the schema `pbdocs` of the database a libpq URL names
(`postgresql://user@host:5432/dbname`); `$PBDOCS_DATABASE_URL` may stand in for `--db`.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pbdocs.errors import InputError
from pbdocs.model import Document

ENV_URL = "PBDOCS_DATABASE_URL"
SCHEMA = "pbdocs"
LOCK_KEY = 0x7062646F6373  # "pbdocs": the advisory lock a writer holds
MSG_NO_URL = ("使用 PostgreSQL 引擎需要数据库地址：请用 --db 给出（如 "
              "postgresql://postgres@127.0.0.1:5432/pbdocs），或设置环境变量 PBDOCS_DATABASE_URL。")


def resolve_url(db: str | None) -> str:
    """The database URL: --db, else $PBDOCS_DATABASE_URL (raises InputError when neither)."""
    url = (db or os.environ.get(ENV_URL) or "").strip()
    if not url:
        raise InputError(MSG_NO_URL)
    return url


def _conninfo(url: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {k: str(v) for k, v in conninfo_to_dict(url).items()}
    except Exception as e:  # noqa: BLE001 - libpq's parser: any failure is a malformed URL
        raise InputError("数据库地址格式不正确，应形如 "
                         "postgresql://用户名@主机:端口/数据库名。") from e


def where(url: str) -> str:
    """host:port/dbname of a URL for messages (never the user's password)."""
    try:
        info = _conninfo(url)
    except InputError:
        return "（地址格式不正确）"
    host = info.get("host") or info.get("hostaddr") or "本机"
    port = f":{info['port']}" if info.get("port") else ""
    return f"{host}{port}/{info.get('dbname') or info.get('user') or ''}".rstrip("/")


def redact(url: str) -> str:
    """The URL without its password (what may be written into the index folder)."""
    from psycopg.conninfo import make_conninfo

    info = _conninfo(url)
    if "password" not in info:
        return url
    info.pop("password")
    return make_conninfo(**info)


def _psycopg():
    try:
        import psycopg
    except ImportError as e:  # pragma: no cover - psycopg is a dependency
        raise InputError("PostgreSQL 客户端 psycopg 未安装：请运行 pip install 'psycopg[binary]'。"
                         ) from e
    return psycopg


def connection_error(url: str, e: Exception) -> InputError:
    """The one sentence for a connection that failed or broke (libpq's words mapped, so that
    nothing of the URL but host, port and database reaches the person)."""
    text = str(e)
    at = where(url)
    if "does not exist" in text and "database" in text:
        db = _conninfo(url).get("dbname", "")
        return InputError(f"PostgreSQL 服务器上没有数据库“{db}”（{at}）：请先创建它"
                          f"（createdb {db}），或检查 --db 地址。")
    if "password" in text or "authentication" in text or "pg_hba" in text or (
            "role" in text and "does not exist" in text):
        return InputError(f"PostgreSQL 拒绝了登录（{at}）：用户名或密码不对，或没有访问权限。")
    if "invalid" in text and ("value" in text or "option" in text or "URI" in text):
        return InputError("数据库地址格式不正确，应形如 postgresql://用户名@主机:端口/数据库名。")
    return InputError(f"无法连接 PostgreSQL 数据库（{at}）：服务器没有运行，"
                      "或地址、端口不对，请检查 --db 地址。")


def connect(url: str, autocommit: bool = False):
    """A psycopg connection, or InputError with one sentence (exit 2)."""
    psycopg = _psycopg()
    _conninfo(url)  # a malformed URL: its own sentence
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=10,
                               application_name="pbdocs")
    except psycopg.Error as e:
        raise connection_error(url, e) from None


@contextmanager
def errors_as_sentences(url: str) -> Iterator[None]:
    """Turn a server that goes away mid-query into the connection sentence, and any other
    refusal of the database into one sentence too."""
    psycopg = _psycopg()
    try:
        yield
    except psycopg.OperationalError as e:
        code = getattr(e, "sqlstate", None) or ""
        if not code or code.startswith(("08", "57P")):  # the connection, not the statement
            raise connection_error(url, e) from None
        raise database_error(url, e) from None
    except psycopg.Error as e:
        raise database_error(url, e) from None


def database_error(url: str, e: Exception) -> InputError:
    """The sentence for a statement the database refused (its code, not its English words)."""
    code = getattr(e, "sqlstate", None) or ""
    at = where(url)
    if code == "25006":
        return InputError(f"数据库 {at} 是只读的（可能是只读副本）：请在主库上运行 "
                          "pbdocs index 更新索引。")
    if code.startswith("42"):
        return InputError(f"数据库 {at} 中的 pbdocs 表与本版本不符或缺少权限（错误代码 {code}）："
                          "请运行 pbdocs index --rebuild，或检查用户权限。")
    return InputError(f"PostgreSQL 数据库 {at} 执行出错（错误代码 {code or '未知'}），"
                      "请稍后再试或检查数据库。")


@contextmanager
def writer_lock(url: str) -> Iterator[Any]:
    """Hold the database's writer lock (a session advisory lock) on a connection of its own;
    a second writer gets InputError at once."""
    from pbdocs.search.indexdir import MSG_BUSY

    conn = connect(url, autocommit=True)
    got = False
    try:
        with errors_as_sentences(url):
            got = conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()[0]
        if not got:
            raise InputError(MSG_BUSY)
        yield conn
    finally:
        if got and not conn.closed:
            # (the server ends a closed session a moment later: a writer right after this one
            # would still find the lock held, so it is given back before closing)
            with contextlib.suppress(Exception):
                conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
        conn.close()  # closing the session releases the lock, also when the process dies


DOCS_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.documents (
    doc_id text PRIMARY KEY,
    sha256 text NOT NULL,
    parser text NOT NULL,
    data text NOT NULL
);
"""


class PgDocStore:
    """Parsed documents in the database (table pbdocs.documents), with DocStore's interface:
    one row per document id, fresh when its source hash and parser fingerprint match."""

    def __init__(self, url: str, lexicon_dirs: tuple[str, ...] = ()):
        from pbdocs.store import parser_fingerprint

        self.url = url
        self.fingerprint = parser_fingerprint(lexicon_dirs)
        self._conn = None

    def _db(self):
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = connect(self.url, autocommit=True)
            self._ready = False
        return self._conn

    def _readable(self) -> bool:
        """Whether the documents table exists (reading never creates it: a read-only replica
        refuses any DDL)."""
        if not getattr(self, "_ready", False):
            with errors_as_sentences(self.url):
                self._ready = self._db().execute(
                    "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.documents",)).fetchone()[0]
        return self._ready

    def _writable(self):
        """The connection, with the documents table created when missing."""
        conn = self._db()
        if not self._readable():
            with errors_as_sentences(self.url):
                conn.execute(DOCS_DDL)
            self._ready = True
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get_json(self, doc_id: str, sha256: str) -> str | None:
        """The stored document's JSON text, or None when absent or stale."""
        if not self._readable():
            return None
        with errors_as_sentences(self.url):
            row = self._db().execute(
                f"SELECT data FROM {SCHEMA}.documents WHERE doc_id = %s AND sha256 = %s "
                "AND parser = %s", (doc_id, sha256, self.fingerprint)).fetchone()
        return row[0] if row else None

    def get(self, doc_id: str, sha256: str) -> Document | None:
        text = self.get_json(doc_id, sha256)
        return Document.from_dict(json.loads(text)) if text is not None else None

    def load(self, doc_id: str) -> Document | None:
        """The stored document of an id, whatever file it came from (another machine's)."""
        if not self._readable():
            return None
        with errors_as_sentences(self.url):
            row = self._db().execute(f"SELECT data FROM {SCHEMA}.documents WHERE doc_id = %s",
                                     (doc_id,)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def ids(self) -> list[str]:
        """Every stored document id, sorted."""
        if not self._readable():
            return []
        with errors_as_sentences(self.url):
            return [r[0] for r in self._db().execute(
                f"SELECT doc_id FROM {SCHEMA}.documents ORDER BY doc_id")]

    def versions(self) -> list[tuple[str, str]]:
        """(doc id, source hash) of every stored document, sorted by id."""
        if not self._readable():
            return []
        with errors_as_sentences(self.url):
            return [(r[0], r[1]) for r in self._db().execute(
                f"SELECT doc_id, sha256 FROM {SCHEMA}.documents ORDER BY doc_id")]

    def stream(self) -> StoredDocuments:
        """Every stored document, loaded one at a time when iterated (a DocumentStream's
        interface: `key`, ids, get, len)."""
        return StoredDocuments(self)

    def put(self, doc: Document) -> None:
        self.put_many([(doc.id, doc.source.sha256,
                        json.dumps(doc.to_dict(), ensure_ascii=False))])

    def put_json(self, doc_id: str, sha256: str, text: str) -> None:
        self.put_many([(doc_id, sha256, text)])

    def put_many(self, rows: list[tuple[str, str, str]]) -> None:
        """Store (doc id, source hash, JSON text) rows, replacing older versions."""
        if not rows:
            return
        with errors_as_sentences(self.url), self._writable().cursor() as cur:
            cur.executemany(
                f"INSERT INTO {SCHEMA}.documents (doc_id, sha256, parser, data) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (doc_id) DO UPDATE SET "
                "sha256 = EXCLUDED.sha256, parser = EXCLUDED.parser, data = EXCLUDED.data",
                [(d, s, self.fingerprint, t) for d, s, t in rows])

    def prune(self, keep_ids: set[str]) -> None:
        """Remove stored documents whose id is not in keep_ids."""
        if not self._readable():
            return
        with errors_as_sentences(self.url):
            self._db().execute(f"DELETE FROM {SCHEMA}.documents WHERE NOT doc_id = ANY(%s)",
                               (sorted(keep_ids),))


class StoredDocuments:
    """The documents of the shared database as a stream (see pbdocs.corpus.DocumentStream)."""

    def __init__(self, store: PgDocStore):
        self.store = store
        self._versions = store.versions()

    def __iter__(self) -> Iterator[Document]:
        for doc_id, _ in self._versions:
            doc = self.store.load(doc_id)
            if doc is not None:
                yield doc

    def __len__(self) -> int:
        return len(self._versions)

    def ids(self) -> list[str]:
        return [d for d, _ in self._versions]

    def get(self, doc_id: str) -> Document | None:
        return self.store.load(doc_id)

    @property
    def key(self) -> str:
        import hashlib

        h = hashlib.sha256(self.store.fingerprint.encode())
        for doc_id, sha in self._versions:
            h.update(f"{doc_id}|{sha}\n".encode())
        return h.hexdigest()[:20]
