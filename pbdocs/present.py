"""A parsed Document for a person: its metadata, its outline as a tree with each clause's
fields at a glance, and its warnings, as plain text or as Markdown (shared by CLI and web)."""

from __future__ import annotations

from pbdocs.lang import wording
from pbdocs.lang.wording import numbered
from pbdocs.model import Clause, Deadline, Dept, Document, Recurrence, Section, Target, Task

# Clause fields shown under a clause when they are not empty, in this order.
FIELD_LABELS = (
    ("lead", "牵头"), ("support", "配合"), ("actors", "其他责任主体"), ("deadlines", "时限"),
    ("recurrences", "周期"), ("targets", "指标"), ("references", "引用"),
)
EXCERPT = 60  # characters of a clause's text shown in the tree when it has no lead phrase


def metadata_rows(doc: Document) -> list[tuple[str, str]]:
    """The document's metadata as (label, value) pairs, absent values as （无）."""
    _NONE = wording.word("phrase", "none", "（无）")
    notice = _NONE
    if doc.notice is not None:
        bits = [b for b in (doc.notice.title, doc.notice.doc_number, doc.notice.date) if b]
        notice = "；".join(bits) or "有"
    return [
        ("标题", doc.title or _NONE),
        ("类型", doc.kind or _NONE),
        ("发文机关", doc.issuer or _NONE),
        ("院校", doc.institution or _NONE),
        ("发文字号", doc.doc_number or _NONE),
        ("成文日期", doc.date or _NONE),
        ("主送机关", "、".join(doc.recipients) or _NONE),
        ("印发通知", notice),
        ("来源", f"{doc.source.path}（{doc.source.format}"
                 + (f"，{doc.source.encoding}" if doc.source.encoding else "") + "）"),
    ]


def _field_value(item) -> str:
    """One extracted value as a person reads it: the words as written, then what they mean."""
    if isinstance(item, str):
        return item
    if isinstance(item, Dept):
        return wording.dept_label(item)
    if isinstance(item, Deadline):
        return wording.deadline_label(item)
    if isinstance(item, Recurrence):
        return wording.recurrence_label(item)
    if isinstance(item, Target):
        return wording.target_label(item)
    return getattr(item, "text", str(item))


def clause_fields(clause: Clause) -> list[tuple[str, str]]:
    """The non-empty extraction fields of a clause as (label, values joined by 、)."""
    rows = []
    for attr, label in FIELD_LABELS:
        values = getattr(clause, attr, None) or []
        if values:
            shown = [_field_value(v) for v in values]
            if attr == "references":
                shown = [f"《{v}》" for v in shown]
            rows.append((label, "、".join(shown)))
    return rows


def dept_with_basis(d: Dept) -> str:
    """A department with where it comes from: `组织部（党委组织部）〔明确〕`,
    `党委组织部〔建议：“发展党员”〕`."""
    name = _get_label(d)
    basis = wording.basis_name(d.basis)
    why = f"：{d.why}" if d.why and d.basis == "suggested" else ""
    return f"{name}〔{basis}{why}〕"


def _get_label(d: Dept) -> str:
    return wording.dept_label(Dept(d.name, d.canonical))  # the mark is said by the basis


def task_fields(task: Task) -> list[tuple[str, str]]:
    """A task's lead and support with their basis, its time limit and its kind."""
    rows = []
    if task.lead:
        rows.append(("牵头", "、".join(dept_with_basis(d) for d in task.lead)))
    else:
        rows.append(("牵头", wording.basis_name("none")))
    if task.support:
        rows.append(("配合", "、".join(dept_with_basis(d) for d in task.support)))
    rows.append(("时限", wording.time_limit(task.deadlines, task.recurrences, task.kind)))
    rows.append(("类型", wording.word("task_kind", task.kind, task.kind)))
    return rows


def outline_nodes(doc: Document) -> list[Section | Clause]:
    """Sections and clauses merged in reading order: each section comes before the first clause
    it contains (sections and clauses are each in reading order already)."""
    nodes: list[Section | Clause] = []
    si = 0
    sections = doc.sections
    for clause in doc.clauses:
        # The deepest section still ahead of us that contains this clause.
        j = None
        for k in range(si, len(sections)):
            if clause.path[: len(sections[k].path)] == sections[k].path:
                j = k
        if j is not None:
            nodes.extend(sections[si: j + 1])
            si = j + 1
        nodes.append(clause)
    nodes.extend(sections[si:])
    return nodes


def _clause_label(clause: Clause, full: bool) -> str:
    number = "（导语）" if clause.path == ["0"] else clause.number or ""
    body = clause.heading if clause.heading and not full else clause.text
    if not full and body and len(body) > EXCERPT:
        body = body[:EXCERPT] + "…"
    return numbered(number, body or "")


def _depth(node: Section | Clause, under_section: bool) -> int:
    if isinstance(node, Section):
        return len(node.path) - 1
    # A clause that is also a section's own path sits one step under that heading.
    return len(node.path) - 1 + (1 if under_section else 0)


def render_text(doc: Document) -> str:
    """The document for reading in a terminal: metadata, outline tree, warnings."""
    lines = [f"【{doc.id}】"]
    rows = metadata_rows(doc)
    width = max(len(label) for label, _ in rows)
    lines += [f"  {label}{'　' * (width - len(label))}：{value}" for label, value in rows]
    lines += ["", f"大纲（{len(doc.sections)} 个标题，{len(doc.clauses)} 个条款）："]
    section_paths = {tuple(s.path) for s in doc.sections}
    for node in outline_nodes(doc):
        if isinstance(node, Section):
            lines.append(f"{'  ' * (_depth(node, False) + 1)}{numbered(node.number, node.heading)}")
            continue
        depth = _depth(node, tuple(node.path) in section_paths) + 1
        pad = "  " * depth
        bullet = "" if node.number else "· "
        lines.append(f"{pad}{bullet}{_clause_label(node, False)}  [{'/'.join(node.path)}]")
        for label, value in clause_fields(node):
            lines.append(f"{pad}    {label}：{value}")
        for k, t in enumerate(node.tasks, 1):
            lines.append(f"{pad}    任务{k}：{_excerpt(t.text)}")
            lines.append(f"{pad}      " + "；".join(f"{a}：{b}" for a, b in task_fields(t)))
    lines += ["", f"提示（{len(doc.warnings)} 条）：" if doc.warnings else "提示：无"]
    for w in doc.warnings:
        excerpt = f"（“{w.excerpt}”）" if w.excerpt else ""
        lines.append(f"  - [{w.kind}] {w.message}{excerpt}")
    return "\n".join(lines) + "\n"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(doc: Document) -> str:
    """The same view as Markdown: a metadata table, headings for sections, clauses as items."""
    out = [f"# {doc.title or doc.id}", "", "| 项目 | 内容 |", "| --- | --- |"]
    out += [f"| {label} | {_md_escape(value)} |" for label, value in metadata_rows(doc)]
    out += ["", "## 大纲与条款", ""]
    for node in outline_nodes(doc):
        if isinstance(node, Section):
            level = min(len(node.path) + 2, 6)
            out += [f"{'#' * level} {numbered(node.number, node.heading)}", ""]
            continue
        out.append(f"- **{'/'.join(node.path)}** {_md_escape(_clause_label(node, True))}")
        for label, value in clause_fields(node):
            out.append(f"  - {label}：{_md_escape(value)}")
        for k, t in enumerate(node.tasks, 1):
            fields = "；".join(f"{a}：{b}" for a, b in task_fields(t))
            out.append(f"  - 任务{k}：{_md_escape(t.text)}（{_md_escape(fields)}）")
    out.append("")
    out += ["## 提示", ""]
    if not doc.warnings:
        out.append("无。")
    for w in doc.warnings:
        excerpt = f"（“{_md_escape(w.excerpt)}”）" if w.excerpt else ""
        out.append(f"- `{w.kind}` {_md_escape(w.message)}{excerpt}")
    return "\n".join(out) + "\n"
