"""Click's own usage, help and error lines in Chinese.

Click marks its messages for gettext (`_("Usage:")`) but ships no Chinese catalogue; a catalogue
would also need compiling and a process-wide locale. Instead every Click module's `_` and
`ngettext` are pointed at this table, so `pbdocs --help`, a missing argument or a wrong choice
read in Chinese like the rest of the tool. A message not in the table stays as Click wrote it.
"""

from __future__ import annotations

import importlib

MESSAGES = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（动态）",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "输入“{command} {option}”查看帮助。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个取值。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Aborted!": "已中止。",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，应为目录。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录，应为文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 不可写。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "unknown error": "未知错误",
}

# Click's ngettext messages, singular and plural msgids alike (Chinese has one form).
PLURALS = {
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Did you mean {possibility}?": "是不是想输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是想输入以下之一：{possibilities}？）",
    "{value!r} is not {choice}.": "{value!r} 不是可选值 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 中。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个取值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个取值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个取值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个取值，给了 {len} 个。",
    "{len_type} values are required, but {len_value} was given.":
        "需要 {len_type} 个取值，给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.":
        "需要 {len_type} 个取值，给了 {len_value} 个。",
}

_MODULES = ("core", "exceptions", "types", "parser", "decorators", "formatting", "termui",
            "utils")


def gettext(message: str) -> str:
    """Click's message in Chinese (as written when the table has none)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Click's plural-aware message in Chinese."""
    message = singular if n == 1 else plural
    return PLURALS.get(message, message)


def install() -> None:
    """Point every Click module's `_` and `ngettext` at the Chinese table (idempotent)."""
    for name in _MODULES:
        mod = importlib.import_module(f"click.{name}")
        if hasattr(mod, "_"):
            mod._ = gettext
        if hasattr(mod, "ngettext"):
            mod.ngettext = ngettext
    types = importlib.import_module("click.types")
    for cls, zh in ((types.IntParamType, "整数"), (types.FloatParamType, "数"),
                    (types.IntRange, "整数"), (types.FloatRange, "数")):
        cls.name = zh
    core = importlib.import_module("click.core")
    if not getattr(core.Command.collect_usage_pieces, "_pbdocs_zh", False):
        core.Command.collect_usage_pieces = _usage_pieces(core.Command.collect_usage_pieces)
        core.Group.collect_usage_pieces = _usage_pieces(core.Group.collect_usage_pieces)
    exceptions = importlib.import_module("click.exceptions")
    for cls in (exceptions.UsageError, exceptions.BadParameter, exceptions.MissingParameter,
                exceptions.NoSuchOption, exceptions.BadOptionUsage, exceptions.BadArgumentUsage):
        if "format_message" in vars(cls) and not getattr(cls.format_message, "_pbdocs_zh", False):
            cls.format_message = _full_stop(cls.format_message)


USAGE_WORDS = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}


def _usage_pieces(collect):
    def pieces(self, ctx):
        return [USAGE_WORDS.get(p, p) for p in collect(self, ctx)]

    pieces._pbdocs_zh = True  # type: ignore[attr-defined]
    return pieces


def _full_stop(format_message):
    def message(self) -> str:
        text = format_message(self)
        return text[:-1] + "。" if text.endswith(".") else text

    message._pbdocs_zh = True  # type: ignore[attr-defined]
    return message
