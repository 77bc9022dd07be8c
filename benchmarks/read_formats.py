"""Reader throughput: every corpus text built in every input format, read with `read_file`.

Run: python benchmarks/read_formats.py [--repeat N] > benchmarks/read_formats.txt
Prints characters (of the UTF-8 original) per second for each format, best of N rounds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the same file builders the round-trip tests use

from readfixtures import nav_html, seed_paragraphs, write_docx, write_pdf  # noqa: E402

from pbdocs.read import read_file  # noqa: E402


def build_all(text: str, stem: str, out: Path) -> dict[str, Path]:
    """The text as UTF-8/GB18030/UTF-16 text, .docx, .html, .md and .pdf files."""
    paras = seed_paragraphs(text)
    files = {}
    for label, codec in (("txt utf-8", "utf-8"), ("txt gb18030", "gb18030"),
                         ("txt utf-16", "utf-16")):
        p = out / f"{stem}-{codec}.txt"
        p.write_bytes(text.encode(codec))
        files[label] = p
    files["docx"] = write_docx(out / f"{stem}.docx", paras)
    html = out / f"{stem}.html"
    html.write_text(nav_html(paras), encoding="utf-8")
    files["html"] = html
    md = out / f"{stem}.md"
    md.write_text(text, encoding="utf-8")
    files["md"] = md
    files["pdf"] = write_pdf(out / f"{stem}.pdf", paras)
    return files


def main() -> None:
    """Time every format over the whole corpus and print a table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))}
    chars = sum(len(t) for t in texts.values())
    with tempfile.TemporaryDirectory() as tmp:
        built = {stem: build_all(t, stem, Path(tmp)) for stem, t in texts.items()}
        formats = list(next(iter(built.values())))
        for files in built.values():  # warm up imports and caches once
            for f in files.values():
                read_file(f)
        print(f"corpus: {len(texts)} texts, {chars} characters; best of {args.repeat} rounds")
        print(f"{'format':<12} {'seconds':>8} {'chars/s':>10} {'pages':>6}")
        for fmt in formats:
            best = float("inf")
            pages = 0
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                raws = [read_file(files[fmt]) for files in built.values()]
                best = min(best, time.perf_counter() - t0)
                pages = sum(r.pages or 0 for r in raws)
            print(f"{fmt:<12} {best:>8.3f} {chars / best:>10.0f} {pages or '':>6}")


if __name__ == "__main__":
    main()
