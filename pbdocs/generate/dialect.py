"""The pbdocs Markdown dialect: parse it once into an HTML tree both renderers walk.

Plain Markdown (python-markdown with the `tables` extension) plus:

- container directives, fenced by lines `::: name [args]` … `:::` (nestable); `args` are
  `key=value` pairs or bare flags;
- the void marker `<!-- pbdocs:pagebreak -->` (an HTML comment, so other Markdown viewers
  ignore it);
- inline `<mark>…</mark>` (a placeholder to fill in), `<span class="h1">…</span>` …
  `<span class="h4">` (a run-in heading in that level's font), `<span class="fill">…</span>`
  in a table cell (shade the cell);
- a table cell that holds only `<` merges into the cell on its left; a row merged into one
  cell is a group row.

See `pbdocs.generate` for the list of directives. `parse(markdown)` returns the tree (an lxml
element `<div class="pbdocs">`); `escape`/`escape_cell` make arbitrary text safe to put into
the dialect.
"""

from __future__ import annotations

import html as _html
import re
import shlex

import markdown as _markdown
from lxml import html as lxml_html

from pbdocs.generate.oxml import xml_safe

DIRECTIVES = ("redhead", "recipients", "signature", "note", "attachments", "label",
              "colophon", "landscape", "table", "center", "check")
# Directives whose paragraphs are read line by line: each line becomes its own <p class=…>.
LINE_DIRECTIVES = {"redhead", "signature", "colophon", "recipients", "attachments", "note",
                   "label", "center"}
MERGE = "<"

_OPEN = re.compile(r"^\s*:::\s*([A-Za-z][\w-]*)\s*(.*?)\s*$")
_CLOSE = re.compile(r"^\s*:::\s*$")
_PAGEBREAK = re.compile(r"^\s*<!--\s*pbdocs:pagebreak\s*-->\s*$")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: object) -> str:
    """Text made literal in the dialect: no Markdown or HTML meaning, no control characters,
    one paragraph (line breaks become spaces)."""
    s = xml_safe("" if text is None else str(text))
    s = re.sub(r"\s*\n\s*", " ", s).strip().replace("\u3000", " ").strip()
    s = s.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = re.sub(r"([`*_\[\]|])", r"\\\1", s)
    m = _LINE_START.match(s)
    if m:  # a line starting like a list item, heading or quote stays a plain paragraph
        s = s[: m.start(2)] + f"&#{ord(s[m.start(2)])};" + s[m.start(2) + 1:]
    return s


def escape_cell(text: object) -> str:
    """Text made literal inside a pipe-table cell (a lone `<` must not read as a merge)."""
    s = escape(text)
    return s + "\u200b" if s == "&lt;" else s


def _parse_args(raw: str) -> dict[str, str]:
    try:
        tokens = shlex.split(raw)
    except ValueError:
        tokens = raw.split()
    out: dict[str, str] = {}
    for t in tokens:
        k, sep, v = t.partition("=")
        out[k] = v if sep else "true"
    return out


def _preprocess(src: str) -> str:
    """Directive fences to `<div markdown="1">` blocks that python-markdown's md_in_html reads."""
    out: list[str] = []
    depth = 0
    for line in src.splitlines():
        m = _OPEN.match(line)
        if m and not _CLOSE.match(line):
            args = _parse_args(m.group(2))
            attrs = "".join(
                f' data-{k}="{_html.escape(v)}"'
                for k, v in args.items() if re.fullmatch(r"[A-Za-z][\w-]*", k))
            out += ["", f'<div class="pb-{m.group(1).lower()}"{attrs} markdown="1">', ""]
            depth += 1
        elif _CLOSE.match(line):
            if depth:
                out += ["", "</div>", ""]
                depth -= 1
        elif _PAGEBREAK.match(line):
            out += ["", '<div class="pb-pagebreak"></div>', ""]
        else:
            out.append(line)
    out += ["", "</div>", ""] * depth  # an unclosed fence ends with the text
    return "\n".join(out)


def to_html_string(src: str) -> str:
    """The dialect through python-markdown (before the tree post-processing)."""
    return _markdown.markdown(_preprocess(xml_safe(src)), extensions=["tables", "md_in_html"])


def parse(src: str):
    """Parse dialect Markdown into an lxml tree rooted at `<div class="pbdocs">`."""
    body = to_html_string(src)
    root = lxml_html.fragment_fromstring(body or "<p></p>", create_parent="div")
    root.set("class", "pbdocs")
    _split_lines(root)
    for table in root.iter("table"):
        _merge_cells(table)
    return root


def directive(el) -> str | None:
    """The directive name of a `<div class="pb-…">`, or None."""
    if el.tag != "div":
        return None
    for c in (el.get("class") or "").split():
        if c.startswith("pb-"):
            return c[3:]
    return None


def _split_lines(root) -> None:
    """Inside line directives, each source line becomes its own paragraph."""
    for div in list(root.iter("div")):
        if directive(div) not in LINE_DIRECTIVES:
            continue
        for p in [c for c in div if c.tag == "p"]:
            if "\n" not in (p.text_content() or ""):
                continue
            parent, idx = p.getparent(), p.getparent().index(p)
            lines = _split_p(p)
            parent.remove(p)
            for i, new in enumerate(lines):
                parent.insert(idx + i, new)


def _split_p(p):
    """Split one <p> at its newlines (keeping inline elements) into several <p>."""
    from copy import deepcopy

    out = [lxml_html.Element("p")]

    def add_text(text: str | None) -> None:
        if not text:
            return
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                out.append(lxml_html.Element("p"))
            cur = out[-1]
            if len(cur):
                cur[-1].tail = (cur[-1].tail or "") + part
            else:
                cur.text = (cur.text or "") + part
    add_text(p.text)
    for child in p:
        tail = child.tail
        c = deepcopy(child)
        c.tail = None
        out[-1].append(c)
        add_text(tail)
    return [x for x in out if (x.text_content() or "").strip() or len(x)]


def _merge_cells(table) -> None:
    """`<` cells become colspans; shaded cells and group rows get classes."""
    rows = table.findall(".//tr")
    ncols = max((len(r.findall("td")) + len(r.findall("th")) for r in rows), default=0)
    for tr in rows:
        cells = [c for c in tr if c.tag in ("td", "th")]
        keep = None
        for c in cells:
            if keep is not None and (c.text_content() or "").strip() == MERGE and not len(c):
                keep.set("colspan", str(int(keep.get("colspan", "1")) + 1))
                tr.remove(c)
            else:
                keep = c
        left = [c for c in tr if c.tag in ("td", "th")]
        if len(left) == 1 and ncols > 1 and int(left[0].get("colspan", "1")) == ncols:
            _add_class(left[0], "group")
        for c in left:
            if c.find(".//span[@class='fill']") is not None:
                _add_class(c, "fill")


def _add_class(el, cls: str) -> None:
    classes = (el.get("class") or "").split()
    if cls not in classes:
        el.set("class", " ".join(classes + [cls]))


def args(el) -> dict[str, str]:
    """The `key=value` arguments of a directive element."""
    return {k[5:]: v for k, v in el.attrib.items() if k.startswith("data-")}
