"""The registry of output kinds: for each generated document its Chinese label, the formats it is
written in, how its context is built and how each format is written. The CLI's generate commands,
`pbdocs demo` and the web UI are all built from this table; every writer returns a `Written`.

    write("taskbook", doc, "任务分解表.docx", by_dept=True) -> Written(out, kind, fmt, count)
    write_all("timetable", doc, ["时间表.docx", "时间表.ics"]) -> [Written, Written]
    markdown("notice", doc) -> str;  preview_html("draft", doc, college="…") -> str

The format of a written file follows its extension (`.docx`, `.md`, `.html`, and per kind `.xlsx`
or `.ics`). `.docx`, `.md` and `.html` come from the same Markdown (template → dialect →
renderer); the others have a writer of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pbdocs.errors import InputError
from pbdocs.lang import wording

MARKDOWN_FORMATS = ("docx", "md", "html")
_SUFFIX_FORMAT = {".docx": "docx", ".md": "md", ".markdown": "md", ".html": "html",
                  ".htm": "html", ".xlsx": "xlsx", ".ics": "ics"}


@dataclass(frozen=True)
class Written:
    """What a writer produced: the file, the kind and format, and how many items it holds
    (rows of a table, tasks of a draft, events of a calendar, topics of a comparison)."""

    out: Path
    kind: str
    fmt: str
    count: int | None = None
    count_key: str | None = None  # the JSON name of count: rows, tasks, events, topics
    details: dict[str, Any] = field(default_factory=dict)  # more JSON (the task book's leads)
    note: str = ""  # a line for a person about what was written (牵头部门：明确 …)
    remark: str | None = None  # what the person should know about how it was written (stderr)

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON for this file: `{"out": path}` plus the count under its name."""
        data: dict[str, Any] = {"out": str(self.out)}
        if self.count_key and self.count is not None:
            data[self.count_key] = self.count
        data.update(self.details)
        return data


@dataclass(frozen=True)
class OutputKind:
    """One kind of generated document."""

    key: str  # notice | taskbook | timetable | draft | compare
    label: str  # 印发通知 …: what a person calls it
    file_word: str  # the word in a generated file's name
    formats: tuple[str, ...]  # the first is the default
    template: str  # templates/<template>.md.j2
    context: Callable[..., dict[str, Any]]  # (source, **options) -> template context
    title: Callable[[dict[str, Any]], str]  # the document's title, from its context
    count: Callable[[dict[str, Any]], int | None] = lambda ctx: None
    count_key: str | None = None
    # (JSON details, a line for a person) about the written document, from its context
    summary: Callable[[dict[str, Any]], tuple[dict[str, Any], str]] = lambda ctx: ({}, "")
    # A sentence for the person about how it was written (a notice for a notice …), or None
    remark: Callable[[dict[str, Any]], str | None] = lambda ctx: ctx.get("note")
    # Writers of the formats that are not Markdown: (source, context, out, options) -> count
    writers: dict[str, Callable[..., int | None]] = field(default_factory=dict)
    # Format → the JSON name of its count when it differs from count_key (ics: events)
    count_keys: dict[str, str] = field(default_factory=dict)
    source: str = "document"  # document | comparison (the JSON of `pbdocs compare`)


# -- the kinds ---------------------------------------------------------------------------------

def _notice_context(doc, **opts) -> dict[str, Any]:
    from pbdocs.generate.notice import notice_context

    return notice_context(doc, **opts)


def _taskbook_context(doc, by_dept: bool = False, suggest: bool = True) -> dict[str, Any]:
    from pbdocs.generate.taskbook import taskbook_context

    return taskbook_context(doc, by_dept, suggest)


def _taskbook_summary(ctx: dict[str, Any]) -> tuple[dict[str, Any], str]:
    return {"leads": ctx["lead_summary"]}, ctx["lead_summary_text"]


def _taskbook_xlsx(doc, ctx, out, opts) -> int:
    from pbdocs.generate.taskbook import write_xlsx

    write_xlsx(ctx["task_rows"], out, by_dept=bool(opts.get("by_dept")), text=opts.get("text"))
    return len(ctx["task_rows"])


def _timetable_context(doc) -> dict[str, Any]:
    from pbdocs.generate.timetable import timetable_context

    return timetable_context(doc)


def _timetable_ics(doc, ctx, out, opts) -> int:
    from pbdocs.generate.ics import write_ics

    return write_ics(doc, out)


def _draft_context(doc, college: str = "", roles_file=None, start=None,
                   committee=None) -> dict[str, Any]:
    from pbdocs.generate.draft import draft_context

    return draft_context(doc, college, roles_file=roles_file, start=start, committee=committee)


def _compare_context(result, title: str | None = None) -> dict[str, Any]:
    from pbdocs.generate.compare import context

    return context(result, title)


def _compare_xlsx(result, ctx, out, opts) -> int:
    from pbdocs.generate.compare import write_xlsx

    return write_xlsx(result, out, opts.get("title"))


def _titled(word: str) -> Callable[[dict[str, Any]], str]:
    def title(ctx: dict[str, Any]) -> str:
        plan = wording.book_title(ctx.get("plan_title"))
        if plan:
            return f"《{plan}》{word}"
        return f"{ctx.get('plan_name') or ''}{word}"
    return title


KINDS: dict[str, OutputKind] = {k.key: k for k in (
    OutputKind("notice", "印发通知", "印发通知", MARKDOWN_FORMATS, "notice", _notice_context,
               title=lambda ctx: ctx.get("notice_title") or "通知"),
    OutputKind("taskbook", "任务分解表", "任务分解表", ("docx", "xlsx", "md", "html"), "taskbook",
               _taskbook_context, title=_titled("任务分解表"),
               count=lambda ctx: len(ctx["rows"]), count_key="rows",
               writers={"xlsx": _taskbook_xlsx}, summary=_taskbook_summary),
    OutputKind("timetable", "工作时间表", "工作时间表", ("docx", "ics", "md", "html"), "timetable",
               _timetable_context, title=_titled("时间表"),
               count=lambda ctx: len(ctx["items"]), count_key="rows",
               writers={"ics": _timetable_ics}, count_keys={"ics": "events"}),
    OutputKind("draft", "二级学院实施方案草稿", "实施方案草稿", MARKDOWN_FORMATS, "draft",
               _draft_context, title=lambda ctx: ctx["title"],
               count=lambda ctx: len(ctx["rows"]), count_key="tasks"),
    OutputKind("compare", "要求比对表", "要求比对表", ("docx", "xlsx", "md", "html"), "compare",
               _compare_context, title=lambda ctx: ctx["title"],
               count=lambda ctx: len(ctx["rows"]), count_key="topics",
               writers={"xlsx": _compare_xlsx}, source="comparison"),
)}


# -- using the registry --------------------------------------------------------------------------

def get(kind: str) -> OutputKind:
    """The output kind called `kind` (InputError naming the choices otherwise)."""
    if kind not in KINDS:
        names = "、".join(f"{k.label}（{k.key}）" for k in KINDS.values())
        raise InputError(f"没有“{kind}”这种公文，可选：{names}。")
    return KINDS[kind]


def document_kinds() -> list[OutputKind]:
    """The kinds generated from one policy document (what the generate page offers)."""
    return [k for k in KINDS.values() if k.source == "document"]


def format_of(kind: str, out: str | Path, fmt: str | None = None) -> str:
    """The format a file is written in: `fmt`, else its extension; InputError when the kind
    cannot be written so."""
    k = get(kind)
    fmt = fmt or _SUFFIX_FORMAT.get(Path(out).suffix.lower())
    if fmt not in k.formats:
        allowed = "、".join(f".{f}" for f in k.formats)
        got = Path(out).suffix or Path(out).name
        raise InputError(f"{k.label}不能写成“{got}”文件，可用的扩展名：{allowed}。")
    return fmt


def _lexicons(source):
    """The lexicons of a document's own corpus, for the rules that generate from it."""
    path = getattr(getattr(source, "source", None), "path", None)
    if not path:
        return nullcontext()
    from pbdocs.lang import lexicon

    return lexicon.using(lexicon.extension_dirs(path))


PUNCTUATION = ("full", "source")


def _text_rules(source: Any, options: dict[str, Any]):
    """How values from the source are written (the option `punctuation`: `full`, the default,
    or `source`; damaged places of a parsed document marked); removes the option."""
    from pbdocs.generate.textfix import Damage, TextRules

    punctuation = options.pop("punctuation", None) or "full"
    if punctuation not in PUNCTUATION:
        raise InputError(f"标点处理方式“{punctuation}”无效："
                         "应为 full（全角）或 source（保留原文）。")
    damage = Damage.of(source) if hasattr(source, "warnings") else Damage()
    return TextRules(punctuation=punctuation, damage=damage)


def context(kind: str, source: Any, **options: Any) -> dict[str, Any]:
    """The template context of one output kind."""
    options.pop("punctuation", None)
    with _lexicons(source):
        return get(kind).context(source, **options)


def _markdown(k: OutputKind, ctx: dict[str, Any], template: str | Path | None,
              text=None) -> str:
    from pbdocs.generate.templates import render

    return render(k.template, ctx, template, text)


def markdown(kind: str, source: Any, template: str | Path | None = None, **options: Any) -> str:
    """The document as dialect Markdown."""
    text = _text_rules(source, options)
    return _markdown(get(kind), context(kind, source, **options), template, text)


def preview_html(kind: str, source: Any, template: str | Path | None = None,
                 **options: Any) -> str:
    """The document as a standalone HTML page (same Markdown, same styles as the .docx)."""
    from pbdocs.generate.render_html import markdown_to_html

    k = get(kind)
    text = _text_rules(source, options)
    ctx = context(kind, source, **options)
    return markdown_to_html(_markdown(k, ctx, template, text), standalone=True,
                            title=k.title(ctx))


def _write_one(k: OutputKind, source: Any, ctx: dict[str, Any], out: Path, fmt: str,
               template: str | Path | None, options: dict[str, Any], text=None) -> Written:
    from pbdocs.generate.output import save

    details, note = k.summary(ctx)
    if fmt in k.writers:
        count = k.writers[fmt](source, ctx, out, options | {"text": text})
        return Written(out, k.key, fmt, count, k.count_keys.get(fmt, k.count_key), details,
                       note, k.remark(ctx))
    md = _markdown(k, ctx, template, text)
    if fmt == "docx":
        from pbdocs.generate.render_docx import markdown_to_docx

        markdown_to_docx(md, out, title=k.title(ctx))
    else:
        text = md
        if fmt == "html":
            from pbdocs.generate.render_html import markdown_to_html

            text = markdown_to_html(md, standalone=True, title=k.title(ctx))
        save(out, lambda p: p.write_text(text, encoding="utf-8"))
    return Written(out, k.key, fmt, k.count(ctx), k.count_key, details, note, k.remark(ctx))


def write_all(kind: str, source: Any, outs: list[str | Path],
              template: str | Path | None = None, **options: Any) -> list[Written]:
    """Write one document in several files (format by extension), its context built once.
    Every format is checked before anything is written."""
    k = get(kind)
    targets = [(Path(o), format_of(kind, o)) for o in outs]
    text = _text_rules(source, options)
    with _lexicons(source):
        ctx = k.context(source, **options)
        return [_write_one(k, source, ctx, out, fmt, template, options, text)
                for out, fmt in targets]


def write(kind: str, source: Any, out: str | Path, template: str | Path | None = None,
          **options: Any) -> Written:
    """Write one document to `out` in the format its extension names."""
    return write_all(kind, source, [out], template, **options)[0]
