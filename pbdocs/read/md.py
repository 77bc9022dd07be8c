"""Markdown: the text without its syntax, line by line, so that numbers written in the text
(`1.`, `一、`) stay exactly as written and line structure is left to the normalizer."""

from __future__ import annotations

import re
from pathlib import Path

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),      # ATX heading
    (re.compile(r"^\s{0,3}>\s?"), ""),                            # blockquote marker
    (re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+"), ""),                # task-list bullet
    (re.compile(r"^\s*[-*+]\s+"), ""),                            # bullet (ordered numbers stay)
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),               # image → its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                # link → its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),               # reference link
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                     # strong
    (re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])"), r"\1"),  # emphasis
    (re.compile(r"~~(.+?)~~"), r"\1"),                            # strikethrough
    (re.compile(r"`([^`]+)`"), r"\1"),                            # inline code
    (re.compile(r"<[A-Za-z/][^>]*>"), ""),                        # inline HTML tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),         # backslash escapes
]
_RULE_LINE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")        # horizontal rule
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")                      # underline of a heading
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")


def md_to_text(source: str) -> str:
    """Plain text of a Markdown document: headings keep their text, syntax goes, table cells
    become paragraphs, code blocks keep their content."""
    out: list[str] = []
    in_fence = False
    prev_text = ""
    table: list[list[str]] = []

    def flush_table() -> None:
        from pbdocs.read.tables import task_rows

        tasks = task_rows(table)  # a task table reads as a numbered task list
        cells = tasks if tasks else [md_inline(c) for row in table for c in row if c]
        out.extend(x for c in cells for x in (c, ""))
        table.clear()

    for line in source.split("\n"):
        if table and not (line.lstrip().startswith("|") and line.rstrip().endswith("|")) \
                and not _TABLE_SEP.match(line):
            flush_table()
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        if _TABLE_SEP.match(line) or _REF_DEF.match(line):
            continue
        if _SETEXT.match(line) and prev_text.strip():
            continue  # the line above was a heading; its text is already out
        if _RULE_LINE.match(line):
            out.append("")
            continue
        hard_break = line.endswith(("  ", "\\"))
        if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
            table.append([md_inline(c.strip()) for c in line.strip().strip("|").split("|")])
            prev_text = ""
            continue
        text = md_inline(line.rstrip("\\").rstrip())
        out.append(text)
        prev_text = text if not hard_break else ""
    if table:
        flush_table()
    return "\n".join(out).strip("\n")


def md_inline(line: str) -> str:
    """A line without its inline Markdown (emphasis, links, code, escapes)."""
    for pattern, repl in _RULES:
        line = pattern.sub(repl, line)
    return line


def read_md(path: Path, data: bytes):
    """Read a Markdown file: decode as plain text, then strip the syntax."""
    from pbdocs.read import RawText
    from pbdocs.read.txt import decode_or_fail

    text, encoding, warnings = decode_or_fail(path, data)
    return RawText(md_to_text(text), "md", encoding, warnings)
