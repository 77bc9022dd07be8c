"""Bad files at full size: the time and peak memory `pbdocs parse` takes to answer each, and a
`pbdocs index` over all of them beside a good file.

Usage: python benchmarks/bad_files.py [--out FILE]

Each file is parsed in a fresh process (`pbdocs parse FILE` through Click's runner); the process
reports its own wall time, CPU time and peak resident memory (ru_maxrss), so every number
includes starting Python and importing pbdocs. On a shared machine the wall time grows with the
load; the CPU time much less. The goal for each: one sentence (or a warning) within 5 s and 500 MB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from readfixtures import write_docx  # noqa: E402

GOOD = ("关于加强党支部建设的实施方案\n\n一、总体要求\n\n坚持党要管党、全面从严治党。\n\n"
        "二、主要任务\n\n1.加强组织建设，每学期至少开展1次专题学习。\n")
PARA = "<p>一、加强党的建设。各党委要落实主体责任。</p>"

RUNNER = """
import io, json, resource, sys, time, contextlib
t0 = time.perf_counter()
from click.testing import CliRunner
from pbdocs.cli import main
res = CliRunner().invoke(main, sys.argv[1:])
said = (res.stderr.strip().splitlines() or [""])[-1]
if not said and res.exit_code == 0 and sys.argv[1] == "parse":
    doc = json.loads(res.stdout)
    notes = [w["message"] for w in doc["warnings"]
             if w["kind"] in ("deep_nesting", "encoding_replaced", "long_clause")]
    said = f"read: {len(doc['clauses'])} clauses" + (f"; {notes[0]}" if notes else "")
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - t0, "exit": res.exit_code,
                  "cpu": use.ru_utime + use.ru_stime,
                  "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "said": said}, ensure_ascii=False))
"""


def zip_bomb(path: Path, inflated: int) -> Path:
    """A real .docx whose body XML is `inflated` bytes of repeated paragraphs."""
    base = write_docx(path.with_suffix(".base.docx"), ["一、加强党的建设。"])
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED,
                                                        compresslevel=9) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename != "word/document.xml":
                zout.writestr(item, data)
                continue
            head, tail = data.split(b"<w:body>")
            unit = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 30_000
            with zout.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head + b"<w:body>")
                for _ in range(inflated // len(unit)):
                    fh.write(unit)
                fh.write(tail)
    base.unlink()
    return path


def build(d: Path) -> dict[str, Path]:
    """Every bad file of issue 13 at full size."""
    files = {}
    files["zip bomb .docx (inflates to 500 MB)"] = zip_bomb(d / "bomb.docx", 500 * 1024 * 1024)
    deep = d / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 50_000 + PARA + "</div>" * 50_000
                    + "</body></html>", encoding="utf-8")
    files["HTML nested 50,000 deep"] = deep
    unclosed = d / "unclosed.html"
    unclosed.write_text("<html><body>" + "".join(f"<p><font>{n}.第{n}项任务。"
                                                   for n in range(1, 20_001)), encoding="utf-8")
    files["HTML, 20,000 unclosed <font> tags"] = unclosed
    huge = d / "huge.html"
    huge.write_text("<html><body>" + "<p>党建<a href=x>链接</a></p>" * 150_000
                    + "</body></html>", encoding="utf-8")
    files["HTML with 300,000 elements"] = huge
    for codec in ("gb18030", "utf-8"):
        data = (GOOD + "".join(f"{n}.第{n}项任务。\n\n" for n in range(2, 400))).encode(codec)
        p = d / f"stray-{codec}.txt"
        p.write_bytes(data[:60] + b"\xff" + data[60:])
        files[f"one stray byte in {codec.upper()}"] = p
    locked = d / "locked.docx"
    shutil.copy(ROOT / "tests" / "fixtures" / "bad" / "encrypted-password-123456.docx", locked)
    files["password-protected .docx"] = locked
    loop = d / "loop.txt"
    loop.symlink_to(d / "loop2.txt")
    (d / "loop2.txt").symlink_to(loop)
    files["symlink loop"] = loop
    items = d / "items.txt"
    items.write_text("关于落实重点任务的实施方案\n\n一、重点任务\n\n" + "\n\n".join(
        f"{n}.落实第{n}项任务，每年至少开展1次检查。" for n in range(1, 1384)), encoding="utf-8")
    files["1,383 numbered items"] = items
    return files


def run(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", RUNNER, *args], capture_output=True, text=True,
                         cwd=ROOT, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    import os

    lines = ["$ python benchmarks/bad_files.py" + (f" --out {args.out}" if args.out else ""),
             f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start (a shared "
             "machine: times grow with the load); `pbdocs parse` includes spaCy extraction",
             f"{'file':38s} {'size':>9s} {'seconds':>8s} {'CPU s':>6s} {'peak MB':>8s} exit  "
             "what it says"]
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = build(d)
        for name, p in files.items():
            r = run(["parse", str(p), "--format", "json"])
            size = p.lstat().st_size if p.is_symlink() else p.stat().st_size
            said = r["said"].replace(str(d) + "/", "")[:90]
            lines.append(f"{name:38s} {size / 1e6:8.2f}M {r['seconds']:8.2f} {r['cpu']:6.2f} "
                         f"{r['mb']:8.0f} {r['exit']:4d}  {said}")
        corpus = d / "corpus"
        corpus.mkdir()
        for p in files.values():
            shutil.move(str(p), corpus / p.name)
        shutil.move(str(d / "loop2.txt"), corpus / "loop2.txt")
        (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
        r = run(["index", "--corpus", str(corpus), "--index", str(d / "index"),
                 "--format", "json"])
        lines.append(f"{'pbdocs index: all of them + good.txt':38s} {'':9s} "
                     f"{r['seconds']:8.2f} {r['cpu']:6.2f} {r['mb']:8.0f} {r['exit']:4d}  "
                     f"{r['said'].replace(str(d) + '/', '')[:90]}")
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        Path(args.out).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
