"""Files that must not stop the tool: each gets one Chinese sentence (or is read with a warning
that counts what was lost), and the rest of the corpus still goes through.

The bad files are built here at the smallest size that still trips each guard (the guards are
checked at their thresholds); benchmarks/bad_files.py builds them at full size (a 1.7 MB .docx
inflating to 500 MB, HTML nested 50,000 deep) and records time and peak memory.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from readfixtures import write_docx

from pbdocs.cli import main
from pbdocs.errors import InputError
from pbdocs.read import read_file

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bad"
GOOD = "关于加强党支部建设的实施方案\n\n一、总体要求\n\n坚持党要管党、全面从严治党。\n\n二、主要任务\n\n1.加强组织建设，每学期至少开展1次专题学习。\n"
PARA = "<p>一、加强党的建设。各党委要落实主体责任。</p>"


def one_sentence(msg: str) -> bool:
    """A single Chinese sentence for a person: ends with 。, one line, no English error names."""
    msg = msg.strip().removeprefix("错误：")
    return (msg.endswith("。") and msg.count("。") == 1 and "\n" not in msg
            and "Traceback" not in msg and not re.search(r"[A-Z][a-z]+Error|Exception", msg)
            and re.search(r"[\u4e00-\u9fff]", msg) is not None)


def zip_bomb(path: Path, inflated: int) -> Path:
    """A real .docx whose body XML is padded to `inflated` bytes of repeated paragraphs."""
    base = write_docx(path.with_suffix(".base.docx"), ["一、加强党的建设。"])
    with zipfile.ZipFile(base) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>")
                unit = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
                data = head + b"<w:body>" + unit * (inflated // len(unit)) + tail
            zout.writestr(item, data)
    base.unlink()
    return path


def deep_html(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + PARA + "</div>" * depth + "</body></html>"


# ---- each guard ---------------------------------------------------------------------------

def test_zip_bomb_docx_is_refused_before_it_is_unpacked(tmp_path):
    bomb = zip_bomb(tmp_path / "bomb.docx", 3 * 1024 * 1024)  # ratio ~ 1000 for a 3 MB member
    assert bomb.stat().st_size < 50_000
    with pytest.raises(InputError) as err:
        read_file(bomb)
    assert one_sentence(str(err.value)) and "压缩炸弹" in str(err.value)


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    from pbdocs import read

    bomb = zip_bomb(tmp_path / "big.docx", 600_000)
    total = sum(m.file_size for m in zipfile.ZipFile(bomb).infolist())
    monkeypatch.setattr(read, "MAX_UNZIPPED", total - 1)  # the limit just under this archive
    monkeypatch.setattr(read, "MAX_RATIO", 10**9)
    with pytest.raises(InputError) as err:
        read_file(bomb)
    assert one_sentence(str(err.value)) and "压缩炸弹" in str(err.value)
    monkeypatch.setattr(read, "MAX_UNZIPPED", total)  # at the limit: an ordinary document
    assert read_file(bomb).text.endswith("一、加强党的建设。")


def test_docx_within_the_limits_is_read(tmp_path):
    p = write_docx(tmp_path / "ok.docx", ["一、加强党的建设。"] * 2000)
    assert read_file(p).text.count("一、加强党的建设。") == 2000


def test_password_protected_docx_is_said_to_be_so(tmp_path):
    p = tmp_path / "方案.docx"
    shutil.copy(FIXTURES / "encrypted-password-123456.docx", p)  # encrypted by msoffcrypto
    with pytest.raises(InputError) as err:
        read_file(p)
    assert one_sentence(str(err.value)) and "受密码保护" in str(err.value)
    assert "损坏" not in str(err.value)


def test_html_nested_50000_deep_is_read_in_linear_time_with_a_warning(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text(deep_html(50_000), encoding="utf-8")
    raw = read_file(p)
    assert raw.text == "一、加强党的建设。各党委要落实主体责任。"
    (w,) = raw.warnings
    assert w.kind == "deep_nesting" and "50003" in w.message


def test_valid_html_1000_deep_is_read_without_complaint(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text(deep_html(1000), encoding="utf-8")
    raw = read_file(p)
    assert raw.text == "一、加强党的建设。各党委要落实主体责任。" and raw.warnings == []


def test_unclosed_tags_keep_the_paragraphs_in_order(tmp_path):
    # old editors leave <font> open: every paragraph one level deeper than the last
    paras = [f"{n}.第{n}项任务。" for n in range(1, 301)]
    p = tmp_path / "font.html"
    p.write_text("<html><body>" + "".join(f"<p><font face='宋体'>{t}" for t in paras)
                 + "</body></html>", encoding="utf-8")
    assert read_file(p).text.split("\n\n") == paras


def test_html_with_too_many_elements_is_refused(tmp_path, monkeypatch):
    from pbdocs.read import html

    monkeypatch.setattr(html, "MAX_ELEMENTS", 1000)
    p = tmp_path / "huge.html"
    p.write_text("<html><body>" + "<p>党建</p>" * 1001 + "</body></html>", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file(p)
    assert one_sentence(str(err.value)) and "1,000" in str(err.value)


@pytest.mark.parametrize("codec", ["gb18030", "utf-8"])
def test_one_stray_byte_is_replaced_and_counted(tmp_path, codec):
    data = GOOD.encode(codec)
    cut = data.index("二、主要任务".encode(codec))
    p = tmp_path / f"stray-{codec}.txt"
    p.write_bytes(data[:cut] + b"\xff" + data[cut:])
    raw = read_file(p)
    assert raw.encoding == codec
    assert raw.text.replace("\ufffd", "") == GOOD and raw.text.count("\ufffd") == 1
    lost = [w for w in raw.warnings if w.kind == "encoding_replaced"]
    assert len(lost) == 1 and "1 处字节" in lost[0].message and one_sentence(lost[0].message)


def test_a_few_stray_bytes_in_html_with_declared_charset(tmp_path):
    page = f'<html><head><meta charset="gbk"></head><body><p>{GOOD}</p></body></html>'
    data = page.encode("gb18030")
    p = tmp_path / "page.html"
    p.write_bytes(data.replace("二、".encode("gb18030"), b"\xff\xff" + "二、".encode("gb18030")))
    raw = read_file(p)
    assert "二、主要任务" in raw.text and raw.encoding == "gb18030"
    assert [w.kind for w in raw.warnings] == ["encoding_replaced"]


def test_mostly_undecodable_text_is_refused(tmp_path):
    import random

    rnd = random.Random(3)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rnd.choice(range(0x80, 0x100)) for _ in range(3000)))
    with pytest.raises(InputError) as err:
        read_file(p)
    assert one_sentence(str(err.value))


def test_symlink_loop_is_named_as_such(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(InputError) as err:
        read_file(a)
    assert one_sentence(str(err.value)) and "循环的符号链接" in str(err.value)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(InputError) as err:
        read_file(dangling)
    assert "指向的文件不存在" in str(err.value)


def test_clashing_stems_get_unique_ids(tmp_path):
    from pbdocs.corpus import Corpus

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub2").mkdir()
    for rel in ("plan.txt", "sub/plan.txt", "sub2/plan.txt"):
        (tmp_path / rel).write_text(GOOD, encoding="utf-8")
    write_docx(tmp_path / "plan.docx", GOOD.split("\n\n"))
    files = Corpus(tmp_path).files()
    assert len(files) == 4 and len(set(files.values())) == 4
    assert set(files) == {"plan", "plan-txt", "plan-txt-2", "plan-txt-3"}


# ---- the whole corpus goes through --------------------------------------------------------

@pytest.fixture()
def bad_corpus(tmp_path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    zip_bomb(c / "bomb.docx", 3 * 1024 * 1024)
    (c / "deep.html").write_text(deep_html(50_000), encoding="utf-8")
    data = GOOD.encode("gb18030")
    (c / "stray.txt").write_bytes(data[:20] + b"\xff" + data[20:])
    shutil.copy(FIXTURES / "encrypted-password-123456.docx", c / "locked.docx")
    (c / "good.md").write_text(GOOD, encoding="utf-8")  # same stem as good.txt
    (c / "loop.txt").symlink_to(c / "loop2.txt")
    (c / "loop2.txt").symlink_to(c / "loop.txt")
    (c / "empty.txt").write_bytes(b"")
    (c / "binary.txt").write_bytes(bytes(range(256)) * 20)
    return c


def test_index_goes_through_a_corpus_of_bad_files(bad_corpus, tmp_path, runner):
    res = runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index",
                               str(tmp_path / "index"), "--format", "json"])
    import json

    assert res.exit_code == 2
    summary = json.loads(res.stdout)
    failed = {Path(f["path"]).name for f in summary["failures"]}
    assert failed == {"bomb.docx", "locked.docx", "loop.txt", "loop2.txt", "empty.txt",
                      "binary.txt"}
    assert summary["documents"] == 4  # good.md, good.txt, deep.html, stray.txt
    for f in summary["failures"]:
        assert one_sentence(f["message"]), f["message"]
    found = runner.invoke(main, ["search", "组织建设", "--index", str(tmp_path / "index"),
                                 "--format", "json"])
    assert {h["doc_id"] for h in json.loads(found.stdout)["hits"]} >= {"good", "good-txt"}


def test_parse_many_bad_files_reports_each_in_one_sentence(bad_corpus, runner):
    names = sorted(p.name for p in bad_corpus.iterdir())
    res = runner.invoke(main, ["parse", *[str(bad_corpus / n) for n in names],
                               "--format", "json"])
    assert res.exit_code == 2
    errors = [ln for ln in res.stderr.splitlines() if ln.startswith("错误：")]
    assert len(errors) == 6 and all(one_sentence(e) for e in errors), errors
    assert "Traceback" not in res.output


# ---- the index folder and output files ----------------------------------------------------

def _enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_while_indexing_leaves_the_old_index_live(bad_corpus, tmp_path, runner,
                                                            monkeypatch):
    import json

    from pbdocs.search import whoosh_backend

    index = tmp_path / "index"
    for p in list(bad_corpus.iterdir()):
        if p.name != "good.txt":
            p.unlink()
    assert runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index",
                                str(index)]).exit_code == 0
    (bad_corpus / "more.txt").write_text(GOOD.replace("组织建设", "作风建设"), encoding="utf-8")
    monkeypatch.setattr(whoosh_backend.WhooshBackend, "write", _enospc)
    res = runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index", str(index)])
    assert res.exit_code == 1 and one_sentence(res.stderr), res.stderr
    assert "磁盘空间不足" in res.stderr and "原有索引保持不变" in res.stderr
    assert not list((index / "search").glob("tmp-*"))  # the half-built generation is gone
    monkeypatch.undo()
    hits = runner.invoke(main, ["search", "组织建设", "--index", str(index), "--format", "json"])
    assert json.loads(hits.stdout)["total"] > 0  # the previous index still answers


@pytest.mark.parametrize("err, words", [(errno.EROFS, "只读"), (errno.EACCES, "没有权限")])
def test_read_only_index_folder_is_one_sentence(bad_corpus, tmp_path, runner, monkeypatch,
                                                err, words):
    real_mkdir = Path.mkdir

    def refuse(self, *a, **k):
        if "index" in self.parts:
            raise OSError(err, os.strerror(err))
        return real_mkdir(self, *a, **k)

    monkeypatch.setattr(Path, "mkdir", refuse)  # root ignores chmod, so simulate it
    res = runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index",
                               str(tmp_path / "index")])
    assert res.exit_code == 1 and one_sentence(res.stderr), res.stderr
    assert words in res.stderr and "内部错误" not in res.stderr


def test_damaged_segment_is_noticed_by_plain_index(bad_corpus, tmp_path, runner):
    import json

    index = tmp_path / "index"
    assert runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index",
                                str(index)]).exit_code == 2
    seg = next((index / "search").glob("gen-whoosh-*/*.seg"))
    with open(seg, "r+b") as fh:
        fh.truncate(seg.stat().st_size // 2)
    res = runner.invoke(main, ["index", "--corpus", str(bad_corpus), "--index", str(index),
                               "--format", "json"])
    assert json.loads(res.stdout)["repaired"] is True
    hits = runner.invoke(main, ["search", "组织建设", "--index", str(index), "--format", "json"])
    assert hits.exit_code == 0 and json.loads(hits.stdout)["total"] > 0


def test_full_disk_under_out_leaves_no_file(tmp_path, corpus_dir, runner, monkeypatch):
    out = tmp_path / "out" / "任务分解表.docx"

    def half_then_full(self, path, *a, **k):
        Path(path).write_bytes(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    import docx.document

    monkeypatch.setattr(docx.document.Document, "save", half_then_full)
    res = runner.invoke(main, ["taskbook", str(corpus_dir / "jyu-2021-54.txt"),
                               "--out", str(out)])
    assert res.exit_code == 1 and one_sentence(res.stderr) and "磁盘空间不足" in res.stderr
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_plain_text_over_its_limit_is_refused(tmp_path, monkeypatch):
    from pbdocs import read

    p = tmp_path / "all.txt"
    p.write_text(GOOD * 40, encoding="utf-8")
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", p.stat().st_size - 1)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert one_sentence(str(err.value)) and "拆分" in str(err.value)
    monkeypatch.setattr(read, "MAX_TEXT_BYTES", p.stat().st_size)
    assert read_file(p).text.startswith("关于加强党支部建设")


def test_a_corrupt_file_is_named_without_an_exception_name(tmp_path):
    p = tmp_path / "bad.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputError) as err:
        read_file(p)
    assert one_sentence(str(err.value)) and "损坏" in str(err.value)
