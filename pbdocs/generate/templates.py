"""Finding and rendering the jinja2 templates of generated documents (`templates/*.md.j2`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pbdocs.errors import InputError, PbdocsError
from pbdocs.generate import dialect, textfix
from pbdocs.lang import wording
from pbdocs.lang.numerals import int_to_cn

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def template_dirs() -> list[Path]:
    """Where templates are looked up: the project's `templates/` (users edit these), then a
    copy inside the package, then `templates/` in the current folder (for an install that is
    not editable, run from a checkout)."""
    dirs = [PACKAGE_ROOT / "templates", Path(__file__).resolve().parent / "templates",
            Path.cwd() / "templates"]
    out: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [x.resolve() for x in out]:
            out.append(d)
    return out


def placeholder(label: str) -> str:
    """A visible placeholder for a fact the text did not give (highlighted in Word)."""
    return f"<mark>{dialect.escape(label)}</mark>"


def _marks(escaped: str) -> str:
    """The damage sentinels of `textfix` as the dialect's highlight."""
    return (escaped.replace(textfix.DAMAGE_OPEN, '<mark class="damaged">')
            .replace(textfix.DAMAGE_CLOSE, "</mark>"))


def environment(extra_dir: Path | None = None, text: textfix.TextRules | None = None):
    """A jinja2 environment with the dialect's filters; `extra_dir` is searched first. `text`
    says how values from the source are written (punctuation, damaged places); every value a
    template prints through `md`, `cell` or `fact` goes through it."""
    import jinja2

    rules = text or textfix.TextRules()

    def md(value: Any) -> str:
        return _marks(dialect.escape(rules.apply("" if value is None else str(value))))

    def cell(value: Any) -> str:
        return _marks(dialect.escape_cell(rules.apply("" if value is None else str(value))))

    def fact(value: Any, label: str) -> str:
        return md(value) if value not in (None, "", []) else placeholder(label)

    dirs = ([extra_dir] if extra_dir else []) + template_dirs()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined)
    env.filters.update({
        "md": md, "cell": cell, "fact": fact,
        "cn_date": wording.cn_date, "book": wording.book_title, "cn_num": int_to_cn,
    })
    env.globals.update({"placeholder": placeholder})
    return env


def render(name: str, context: dict[str, Any], template_file: str | Path | None = None,
           text: textfix.TextRules | None = None) -> str:
    """Render `templates/<name>.md.j2` (or the file a person passed) to dialect Markdown.
    `text`: how values from the source are written; when damaged places of the source were
    marked, the context's `damage_note` says so (the template prints it)."""
    import jinja2

    text = text or textfix.TextRules()
    text.marked = 0
    try:
        if template_file:
            path = Path(template_file)
            if not path.is_file():
                raise InputError(f"找不到模板文件：{template_file}")
            env = environment(path.resolve().parent, text)
            tpl = env.get_template(path.name)
        else:
            env = environment(None, text)
            tpl = env.get_template(f"{name}.md.j2")
        out = tpl.render(**context)
        if text.marked and not context.get("damage_note"):
            out = tpl.render(**context, damage_note=textfix.note(text.marked))
        return out
    except jinja2.TemplateNotFound as e:
        raise PbdocsError(f"找不到模板 {e.name}：请检查 templates/ 目录。") from e
    except jinja2.TemplateSyntaxError as e:
        raise InputError(
            f"模板 {e.filename or name} 第 {e.lineno} 行有语法错误：{e.message}") from e
    except jinja2.TemplateError as e:
        raise InputError(f"模板 {name} 无法渲染：{e}") from e
