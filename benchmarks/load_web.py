"""A bounded load on `pbdocs serve` over 127.0.0.1: searches from several clients, then the same
searches while other clients upload files; no errors allowed, no upload lost, counts unchanged.

    .venv/bin/python benchmarks/load_web.py [--clients 8] [--searches 2000] [--uploads 20] \
        [--upload-clients 4] > benchmarks/load_web.txt

The server is the real command (`pbdocs serve`, a separate process) over a copy of the bundled
corpus and the shared devcorpus. The script speaks plain HTTP like a browser: it keeps each
client's cookies, sends the form's CSRF token when the page has one, and follows an upload to
its job page until the job is done (a server that parses within the POST answers at once).

Phases: (1) searches alone; (2) the same searches while `--upload-clients` clients upload
`--uploads` new plans. Uploaded plans share no word with the searched queries, so every query's
total must be the same before and after; each upload carries a marker that must find exactly
its own document afterwards, and the corpus must hold exactly `--uploads` more documents.
Finally the uploads are deleted again through the page (when the server offers deletion) and the
counts must equal those before. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
QUERIES = ["三会一课", "双带头人", "组织员", "主题党日", "发展党员", "标杆院系", "党支部",
           "理论学习", "考核", "民主评议", "意识形态 责任制", "组织生活会 OR 民主生活会"]
# Words for the uploaded plans: none of them occurs in a query above.
MARKERS = ["青松", "翠柏", "白杨", "红枫", "银杏", "紫藤", "海棠", "玉兰", "丁香", "芙蓉",
           "杜鹃", "茉莉", "木棉", "月桂", "石榴", "梧桐", "香樟", "水杉", "合欢", "腊梅",
           "桂花", "山茶", "樱桃", "芍药"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D102 - we look at 303s ourselves
        return None


class Client:
    """One browser: its own cookies."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar),
                                                  NoRedirect())

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None,
                timeout: float = 120) -> tuple[int, dict, bytes]:
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def get(self, path: str, **kw) -> tuple[int, dict, bytes]:
        return self.request(path, **kw)

    def token(self, path: str) -> str | None:
        """The CSRF token of a page's form, when it has one."""
        _, _, body = self.get(path)
        m = re.search(rb'name="csrf_token" value="([^"]+)"', body)
        return m.group(1).decode() if m else None

    def post_form(self, path: str, fields: dict[str, str], page: str | None = None):
        tok = self.token(page or path)
        if tok:
            fields = {**fields, "csrf_token": tok}
        data = urllib.parse.urlencode(fields).encode()
        return self.request(path, data, {"Content-Type": "application/x-www-form-urlencoded",
                                         "Origin": self.base})

    def upload(self, name: str, content: bytes) -> tuple[bool, str]:
        """Upload a file as the upload page does; True when it was added (after its job)."""
        tok = self.token("/upload")
        boundary = uuid.uuid4().hex
        parts = []
        if tok:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"'
                         f"\r\n\r\n{tok}\r\n".encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                     f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
                     + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        status, headers, body = self.request(
            "/upload", b"".join(parts),
            {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": self.base})
        if status == 200:
            return "已加入语料库" in body.decode("utf-8", "replace"), f"status {status}"
        if status in (302, 303) and headers.get("Location"):
            where = urllib.parse.urljoin(self.base, headers["Location"])
            path = urllib.parse.urlsplit(where).path
            for _ in range(1200):
                s, _, b = self.get(path, headers={"Accept": "application/json"})
                if s != 200:
                    return False, f"job page status {s}"
                job = json.loads(b)
                if job.get("state") == "done":
                    return True, "done"
                if job.get("state") == "failed":
                    return False, job.get("message", "failed")
                time.sleep(0.1)
            return False, "job did not finish"
        return False, f"status {status}"


def percentile(values: list[float], p: float) -> float:
    vals = sorted(values)
    if not vals:
        return float("nan")
    k = (len(vals) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(vals) - 1)
    return vals[lo] + (vals[hi] - vals[lo]) * (k - lo)


def search_paths(n: int, rng: random.Random) -> list[str]:
    """n search addresses: the queries, some on page 2, some filtered by year."""
    out = []
    for i in range(n):
        q = QUERIES[i % len(QUERIES)]
        args = {"q": q}
        r = rng.random()
        if r < 0.15:
            args["page"] = "2"
        elif r < 0.25:
            args["year"] = "2020"
        out.append("/search?" + urllib.parse.urlencode(args))
    return out


def run_searches(base: str, paths: list[str], clients: int) -> dict:
    """Fetch every path from `clients` threads; latencies, errors and the wall time."""
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    queue = list(reversed(paths))

    def worker():
        c = Client(base)
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            t0 = time.perf_counter()
            try:
                status, headers, _ = c.get(path)
                if status == 302 and "page=" in path:  # a page past the end: the last one
                    where = urllib.parse.urlsplit(headers.get("Location", ""))
                    status, _, _ = c.get(where.path + "?" + where.query)
            except Exception as e:  # noqa: BLE001 - counted as an error
                status = repr(e)
            dt = time.perf_counter() - t0
            with lock:
                lat.append(dt)
                if status != 200:
                    errors.append(f"{path}: {status}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return {"n": len(lat), "wall": wall, "lat": lat, "errors": errors}


def plan_text(i: int) -> str:
    m = MARKERS[i % len(MARKERS)] + (str(i // len(MARKERS)) if i >= len(MARKERS) else "")
    return (f"关于压测{m}事项的安排\n\n"
            f"一、总体安排\n\n（一）按计划完成压测{m}事项，每季度报送一次进度，由办公室负责。\n\n"
            f"（二）做好压测{m}资料归档，2021年12月底前完成。\n\n"
            f"二、保障措施\n\n（一）明确专人负责压测{m}事项的日常联络。\n")


def run_uploads(base: str, n: int, clients: int) -> dict:
    results: list[tuple[int, bool, str, float]] = []
    lock = threading.Lock()
    todo = list(range(n))

    def worker():
        c = Client(base)
        while True:
            with lock:
                if not todo:
                    return
                i = todo.pop(0)
            t0 = time.perf_counter()
            try:
                ok, why = c.upload(f"压测文件{i:02d}.txt", plan_text(i).encode("utf-8"))
            except Exception as e:  # noqa: BLE001 - counted as an error
                ok, why = False, repr(e)
            with lock:
                results.append((i, ok, why, time.perf_counter() - t0))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    return {"threads": threads, "results": results}


def counts(base: str) -> tuple[int, dict[str, int]]:
    c = Client(base)
    _, _, home = c.get("/")
    m = re.search(r"语料库中的文件（(\d+) 份）", home.decode())
    docs = int(m.group(1)) if m else -1
    totals = {}
    for q in QUERIES:
        _, _, body = c.get("/search?" + urllib.parse.urlencode({"q": q}))
        m = re.search(r"找到 <strong>(\d+)</strong>", body.decode())
        totals[q] = int(m.group(1)) if m else -1
    return docs, totals


def marker_docs(base: str, i: int) -> list[str]:
    m = MARKERS[i % len(MARKERS)]
    _, _, body = Client(base).get("/search?" + urllib.parse.urlencode({"q": f"压测{m}"}))
    found = re.findall(r'<p class="meta">\s*<a href="/doc/([^"?#]+)', body.decode())
    return sorted({urllib.parse.unquote(i) for i in found})


def delete_uploads(base: str, ids: list[str]) -> list[str]:
    """Delete documents through the page; the ids that could not be deleted."""
    failed = []
    c = Client(base)
    for doc_id in ids:
        path = f"/doc/{urllib.parse.quote(doc_id)}/delete"
        status, _, _ = c.post_form(path, {"confirm": "1"}, page=path)
        if status not in (200, 303):
            failed.append(f"{doc_id}: {status}")
    return failed


def start_server(corpus: Path, index: Path, out: Path, port: int, log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "pbdocs", "serve", "--port", str(port), "--corpus", str(corpus),
           "--index", str(index), "--out", str(out)]
    # The server's log goes to a file: a pipe nobody reads fills up and stalls the server.
    with log.open("wb") as fh:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=fh, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        if proc.poll() is not None:
            raise SystemExit("server stopped: " + log.read_text(encoding="utf-8", errors="replace"))
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.25)
    raise SystemExit("server did not start")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def row(label: str, r: dict) -> str:
    lat = [x * 1000 for x in r["lat"]]
    return (f"| {label} | {r['n']} | {len(r['errors'])} | {r['n'] / r['wall']:.1f} | "
            f"{percentile(lat, 50):.0f} | {percentile(lat, 95):.0f} | {percentile(lat, 99):.0f} "
            f"| {max(lat):.0f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--searches", type=int, default=2000)
    ap.add_argument("--uploads", type=int, default=20)
    ap.add_argument("--upload-clients", type=int, default=4)
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="pbdocs-load-"))
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for f in DEVCORPUS.glob("*.txt"):
        shutil.copy(f, corpus / f.name)
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(corpus, tmp / "index", tmp / "out", port, tmp / "server.log")
    started = time.perf_counter() - t0
    base = f"http://127.0.0.1:{port}"
    ok = True
    try:
        docs0, totals0 = counts(base)
        rng = random.Random(16)
        paths = search_paths(args.searches, rng)
        run_searches(base, paths[:50], args.clients)  # warm-up, not counted
        alone = run_searches(base, paths, args.clients)
        up = run_uploads(base, args.uploads, args.upload_clients)
        mixed = run_searches(base, paths, args.clients)
        for t in up["threads"]:
            t.join()
        docs1, totals1 = counts(base)
        uploads = sorted(up["results"])
        lost = [f"{i}: {why}" for i, good, why, _ in uploads if not good]
        found = {i: marker_docs(base, i) for i in range(args.uploads)}
        wrong = {i: ids for i, ids in found.items() if len(ids) != 1}
        deleted_check = "not offered by this server"
        docs2, totals2 = docs1, totals1
        probe = Client(base).get(f"/doc/{urllib.parse.quote(found.get(0, ['x'])[0])}/delete")
        if probe[0] == 200:
            failed = delete_uploads(base, [ids[0] for ids in found.values() if ids])
            docs2, totals2 = counts(base)
            deleted_check = ("all deleted; documents and totals equal those before"
                             if not failed and docs2 == docs0 and totals2 == totals0
                             else f"FAILED {failed} docs {docs2} totals {totals2}")
            ok &= deleted_check.startswith("all")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)

    up_lat = [d * 1000 for _, _, _, d in uploads]
    ok &= not alone["errors"] and not mixed["errors"] and not lost and not wrong
    ok &= docs1 == docs0 + args.uploads and totals1 == totals0
    print(f"# load_web {args.label}".rstrip())
    print(f"python {platform.python_version()}, {platform.machine()}, "
          f"{__import__('os').cpu_count()} cores; command: benchmarks/load_web.py "
          f"--clients {args.clients} --searches {args.searches} --uploads {args.uploads} "
          f"--upload-clients {args.upload_clients}")
    print(f"corpus: bundled + devcorpus, {docs0} documents; server ready in {started:.1f} s\n")
    print("| phase | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|---|")
    print(row(f"searches, {args.clients} clients", alone))
    print(row(f"searches, {args.clients} clients, while {args.upload_clients} clients upload "
              f"{args.uploads} files", mixed))
    print(f"\nuploads: {len(uploads) - len(lost)}/{args.uploads} added; time to added "
          f"p50 {percentile(up_lat, 50):.0f} ms, max {max(up_lat):.0f} ms")
    for e in (alone["errors"] + mixed["errors"])[:10]:
        print(f"  error: {e}")
    for e in lost[:10]:
        print(f"  lost: {e}")
    print(f"documents: before {docs0}, after {docs1} (expected {docs0 + args.uploads})")
    print(f"query totals after == before: {totals1 == totals0} "
          f"({', '.join(f'{q} {n}' for q, n in totals0.items())})")
    print(f"each upload's marker finds exactly its document: {not wrong}"
          + (f" (wrong: {wrong})" if wrong else ""))
    print(f"deleting the uploads again: {deleted_check}")
    print(f"\nresult: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
