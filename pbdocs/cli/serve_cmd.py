"""`pbdocs serve`: the local web UI."""

from __future__ import annotations

import click

from pbdocs.cli.common import corpus_option, handle_errors, index_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址（默认只允许本机访问）")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="端口")
@corpus_option
@index_option
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False), help="生成文件的保存目录")
@click.option("--engine", type=click.Choice(["whoosh", "tantivy", "postgres"]), default=None,
              help="检索引擎（默认为建索引时所用的）")
@click.option("--db", default=None, metavar="URL",
              help="PostgreSQL 数据库地址（多台服务器共用一个索引时；"
                   "也可设置 PBDOCS_DATABASE_URL）")
@handle_errors
def serve(host, port, corpus_dir, index_dir, out_dir, engine, db):
    """启动本地网页界面：检索、阅读、比对、生成公文、上传文件。"""
    from pathlib import Path

    from pbdocs.errors import InputError
    from pbdocs.search import resolve_engine
    from pbdocs.web.app import create_app

    engine = resolve_engine(index_dir, engine, db)
    shared = engine == "postgres"
    if not Path(corpus_dir).is_dir() and not shared:
        raise InputError(f"语料目录不存在：{corpus_dir}")
    local = host in ("127.0.0.1", "localhost", "::1")
    # Bound to this machine only: also refuse requests that name another host, so that a
    # web page cannot reach the service through a domain re-pointed to 127.0.0.1.
    app = create_app(corpus_dir, index_dir, out_dir,
                     trusted_hosts=["127.0.0.1", "localhost", "[::1]"] if local else None,
                     parse_processes=1, engine=engine, db=db)
    try:  # take the port first: a busy one is said at once, not after indexing
        server = make_server(host, port, app)
    except (OSError, SystemExit) as e:
        raise InputError(f"无法在 {host}:{port} 启动服务（端口可能已被占用），"
                         "请换一个端口，例如 --port 8001。") from e
    backend = app.extensions["pbdocs"]
    try:
        if shared and backend.index_ready():
            # A database shared by several servers is indexed by `pbdocs index`; a server
            # starting must not replace it with its own folder's files.
            click.echo("使用共享数据库中的检索索引（PostgreSQL）。", err=True)
        else:
            click.echo(f"正在更新检索索引（{engine}）……", err=True)
            stats = backend.build_index(jobs=None)
            click.echo(f"索引就绪：{stats.get('documents', '?')} 份文件，"
                       f"{stats.get('clauses', '?')} 条条款。", err=True)
        backend.warm()
        backend.start_workers()
        if not local:
            click.echo(f"注意：监听 {host} 时，同一网络中的其他计算机也能访问本服务。", err=True)
        shown = "localhost" if local else host
        click.echo(f"请在浏览器中打开 http://{shown}:{port}/ （按 Ctrl-C 停止）", err=True)
        server.run()  # returns on Ctrl-C
    except KeyboardInterrupt:
        pass  # Ctrl-C while indexing
    finally:
        server.close()
        backend.stop_workers()
    click.echo("服务已停止。", err=True)


THREADS = 8  # requests served at once; slow work (parsing, comparing) runs in jobs besides


def make_server(host: str, port: int, app):
    """waitress (a production WSGI server on Linux and Windows) bound to host:port, with
    threads; its Server header names no software version. A request body up to five times the
    app's upload limit reaches the app, which answers one over the limit with its Chinese page;
    waitress closes the connection on a larger one rather than buffer it."""
    from waitress import create_server

    limit = 5 * int(app.config.get("MAX_CONTENT_LENGTH") or 0) + 1024 * 1024
    return create_server(app, host=host, port=port, threads=THREADS, ident="pbdocs",
                         max_request_body_size=limit, clear_untrusted_proxy_headers=True)
