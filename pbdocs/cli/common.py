"""What every command shares: options, JSON output, and turning errors into one sentence."""

from __future__ import annotations

import functools
import json
import os
import sys
from typing import Any

import click

from pbdocs.errors import PbdocsError

corpus_option = click.option(
    "--corpus", "corpus_dir", default="corpus", show_default=True,
    type=click.Path(file_okay=False), help="语料目录")
index_option = click.option(
    "--index", "index_dir", default="index", show_default=True,
    type=click.Path(file_okay=False), help="索引目录")
format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="输出格式：text 供阅读，json 供程序使用")


def emit_json(data: Any) -> None:
    """Print data as UTF-8 JSON (Chinese kept readable)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 2) -> None:
    """Print one sentence to stderr and exit with `code`."""
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def handle_errors(func):
    """Run a command so that a PbdocsError becomes a sentence and its exit code, a Ctrl-C a
    short note, and any other exception one sentence (exit 1) — never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except PbdocsError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("已中断。", 130)
        except BrokenPipeError:
            # The reader went away (`pbdocs search … | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the last line of defence for a person
            fail(f"内部错误（{type(e).__name__}：{e}）。请带上输入文件报告此问题。", 1)

    return wrapper
