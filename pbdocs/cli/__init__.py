"""The `pbdocs` command: a thin shell over the library. Subcommands load lazily so that a
quick command (search) never imports what a slow one (parse: spaCy) needs."""

from __future__ import annotations

import importlib

import click

from pbdocs.cli import zh

# command name → "module:attribute"; each module owns one command.
COMMANDS = {
    "parse": "pbdocs.cli.parse_cmd:parse",
    "index": "pbdocs.cli.search_cmd:index",
    "search": "pbdocs.cli.search_cmd:search",
    "show": "pbdocs.cli.search_cmd:show",
    "similar": "pbdocs.cli.crossref_cmd:similar",
    "compare": "pbdocs.cli.crossref_cmd:compare",
    "notice": "pbdocs.cli.generate_cmd:notice",
    "taskbook": "pbdocs.cli.generate_cmd:taskbook",
    "timetable": "pbdocs.cli.generate_cmd:timetable",
    "draft": "pbdocs.cli.generate_cmd:draft",
    "evaluate": "pbdocs.cli.evaluate_cmd:evaluate",
    "serve": "pbdocs.cli.serve_cmd:serve",
    "demo": "pbdocs.cli.demo_cmd:demo",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported only when called."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ImportError as e:
            # a broken install is an error a person can act on, never a vanished command
            missing = f"（缺少模块 {e.name}）" if e.name else ""
            raise click.ClickException(
                f"命令“{name}”无法加载{missing}，请重新安装 pbdocs：pip install -e .") from e


zh.install()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pbdocs", message="%(prog)s，版本 %(version)s")
def main():
    """pbdocs：党建政策文本的解析、检索、比对与公文生成工具。"""


if __name__ == "__main__":
    main()
