"""A parsed plan as the flat list of blocks (headings and paragraphs) a template writes out."""

from __future__ import annotations

import re
from typing import Any

from pbdocs.lang.wording import heading_label
from pbdocs.model import Clause, Document, Section

_PREAMBLE = ["0"]


def key_task(doc: Document, clause: Clause) -> str:
    """The 重点任务 a clause belongs to: its lead phrase, else the heading of its section."""
    if clause.heading:
        return clause.heading.strip()
    s = doc.section(clause.path)
    if s is not None:
        return s.heading
    above = doc.ancestors(clause)
    return above[-1].heading if above else ""


def plan_subject(doc: Document) -> str | None:
    """The work an untitled plan's preamble says it launches (`全面开展党建“三级联创”工作` →
    `党建“三级联创”工作`): the last such phrase before the plan names its genre; None when the
    preamble names none (`lexicon/plan_subject.txt`)."""
    from pbdocs.lang import lexicon

    words = lexicon.sections("plan_subject.txt")
    verbs, heads = words.get("verb", ()), words.get("head", ())
    if not verbs or not heads:
        return None
    rx = re.compile("(?:" + "|".join(map(re.escape, verbs)) + ")"
                    r"((?:[^，,。；;、“”]|“[^”]{1,12}”){2,20}?(?:"
                    + "|".join(map(re.escape, heads)) + "))(?=[，,。；;]|$)")
    pre = [c.text or "" for c in doc.clauses if is_preamble(c)][:2]
    for text in pre:
        found = [m.group(1) for m in rx.finditer(text)]
        if found:
            return found[-1]
    return None


def plan_name(doc: Document, genre: str | None = None) -> str:
    """How a generated document names its plan in its own title: `《title》`; an untitled plan
    by the work its preamble launches (`党建“三级联创”工作`), else by its issuer and genre
    (`中共某某学院委员会实施意见`), else ''."""
    from pbdocs.lang import wording

    title = wording.book_title(doc.title)
    if title:
        return f"《{title}》"
    subject = plan_subject(doc)
    if subject:
        return subject
    kind = genre or doc.kind
    if not kind:
        from pbdocs.metadata import named_genre

        kind = named_genre([c.text for c in doc.clauses[:3]])
    if doc.issuer and kind:
        return f"{doc.issuer}{kind}"
    return ""


def level_of(doc: Document, path: list[str]) -> int:
    """Outline level (1–4) of the item at `path`: its section's level, else one below the
    nearest section above it (levels come from this document's outline, not the glyph)."""
    s = doc.section(path)
    if s is not None:
        return max(1, min(s.level, 4))
    for i in range(len(path) - 1, 0, -1):
        s = doc.section(path[:i])
        if s is not None:
            return max(1, min(s.level + 1, 4))
    return max(1, min(len(path), 4))


def split_runin(clause: Clause) -> tuple[str, str]:
    """A clause's lead phrase with its punctuation (`优化…体制。`) and the rest of its text."""
    text = clause.text or ""
    head = (clause.heading or "").strip()
    if head and text.startswith(head):
        rest = text[len(head):]
        m = re.match(r"^[。．.：:，,；;]", rest)
        if m:
            return head + m.group(0), rest[m.end():]
        return head, rest
    return "", text


def is_preamble(clause: Clause) -> bool:
    """Whether a clause is the text before the first heading."""
    return clause.path == _PREAMBLE


def _as_written(doc: Document, clause: Clause) -> str:
    """A clause's text with the responsibility note parsing lifted out of it put back as the
    source writes it (…示范团支部（责任单位：校团委）。, or 牵头单位：… on a line of its own): a
    document that hands the plan on reproduces it word for word. A note that cannot be found
    right after the text in the source (it opened the item, or came from a heading) is left out,
    as before."""
    text = clause.text or ""
    note = (clause.note or "").strip()
    source = doc.text or ""
    if not note or clause.offset is None or not source.startswith(text, clause.offset):
        return text
    end = clause.offset + len(text)
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    rest = source[end:line_end]
    if note in rest and len(rest) <= len(note) + 6:  # （…）。 closing the same line
        return text + rest.rstrip()
    next_end = source.find("\n", line_end + 1)
    nxt = source[line_end + 1:next_end if next_end >= 0 else len(source)]
    if clause.note_own_line and not rest.strip() and note in nxt and len(nxt) <= len(note) + 6:
        return text + "\n" + nxt.strip()  # 牵头单位：党委组织部 on its own line
    return text


def plan_blocks(doc: Document) -> list[dict[str, Any]]:
    """Headings and paragraphs in reading order: `{"kind": "heading", "level", "number",
    "heading"}` or `{"kind": "para", "level", "runin", "text"}` (runin may be empty)."""
    out: list[dict[str, Any]] = []
    emitted: set[tuple[str, ...]] = set()
    sections = list(doc.sections)
    si = 0

    def emit(s: Section) -> None:
        emitted.add(tuple(s.path))
        out.append({"kind": "heading", "level": max(1, min(s.level, 4)),
                    "number": heading_label(s.number), "heading": s.heading})

    for c in doc.clauses:
        # sections up to and including this clause's ancestors, in reading order
        while si < len(sections):
            s = sections[si]
            if s.path == c.path[: len(s.path)]:
                if tuple(s.path) not in emitted:
                    emit(s)
                si += 1
                continue
            remaining = any(x.path[: len(s.path)] == s.path for x in doc.clauses
                            if x is not c and doc.clauses.index(x) > doc.clauses.index(c))
            if remaining:
                break
            emit(s)  # a heading with nothing under it still belongs in the text
            si += 1
        text = _as_written(doc, c)
        paragraphs = [p for p in text.split("\n") if p.strip()] or [""]
        runin, level = "", level_of(doc, c.path)
        if c.number and tuple(c.path) not in emitted:
            lead, rest = split_runin(c)
            rest = rest + text[len(c.text or ""):]
            runin = heading_label(c.number) + lead
            paragraphs = [p for p in rest.split("\n") if p.strip()] or [""]
        for i, text in enumerate(paragraphs):
            if not text and not (runin and i == 0):
                continue
            out.append({"kind": "para", "level": level, "runin": runin if i == 0 else "",
                        "text": text.strip()})
    for s in sections[si:]:
        if tuple(s.path) not in emitted:
            emit(s)
    return out
