"""Finding and rendering the jinja2 templates of generated documents (`templates/*.md.j2`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pbdocs.errors import InputError, PbdocsError
from pbdocs.generate import dialect
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


def _fact(value: Any, label: str) -> str:
    return dialect.escape(value) if value not in (None, "", []) else placeholder(label)


def environment(extra_dir: Path | None = None):
    """A jinja2 environment with the dialect's filters; `extra_dir` is searched first."""
    import jinja2

    dirs = ([extra_dir] if extra_dir else []) + template_dirs()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.ChainableUndefined)
    env.filters.update({
        "md": dialect.escape, "cell": dialect.escape_cell, "fact": _fact,
        "cn_date": wording.cn_date, "book": wording.book_title, "cn_num": int_to_cn,
    })
    env.globals.update({"placeholder": placeholder})
    return env


def render(name: str, context: dict[str, Any], template_file: str | Path | None = None) -> str:
    """Render `templates/<name>.md.j2` (or the file a person passed) to dialect Markdown."""
    import jinja2

    try:
        if template_file:
            path = Path(template_file)
            if not path.is_file():
                raise InputError(f"找不到模板文件：{template_file}")
            env = environment(path.resolve().parent)
            tpl = env.get_template(path.name)
        else:
            env = environment()
            tpl = env.get_template(f"{name}.md.j2")
        return tpl.render(**context)
    except jinja2.TemplateNotFound as e:
        raise PbdocsError(f"找不到模板 {e.name}：请检查 templates/ 目录。") from e
    except jinja2.TemplateSyntaxError as e:
        raise InputError(
            f"模板 {e.filename or name} 第 {e.lineno} 行有语法错误：{e.message}") from e
    except jinja2.TemplateError as e:
        raise InputError(f"模板 {name} 无法渲染：{e}") from e
