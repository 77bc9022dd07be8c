"""The README's main job, `pbdocs demo`, as a user runs it on the bundled corpus."""

from __future__ import annotations

import re
import shutil

from docx import Document as DocxDocument

from pbdocs.cli import main


def test_demo_parses_indexes_searches_and_generates(runner, corpus_dir, tmp_path, monkeypatch):
    shutil.copytree(corpus_dir, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert "文档 5 份" in result.output
    assert "检索“双带头人”" in result.output
    assert "【双带头人】" in result.output  # hits are shown with the term marked
    books = list((tmp_path / "out").glob("*任务分解表.docx"))
    notices = list((tmp_path / "out").glob("*印发通知.docx"))
    assert len(books) == 1 and len(notices) == 1
    table = DocxDocument(str(books[0])).tables[0]
    assert table.rows[0].cells[0].text.strip() == "序号"
    # the task book shown has leads of all three kinds, and says how many of each
    line = re.search(r"牵头部门：明确 (\d+)，文中 (\d+)，建议 (\d+)，未定 (\d+)", result.output)
    assert line and all(int(line.group(k)) > 0 for k in (1, 2, 3)), result.output
    cells = [c.text for r in table.rows for c in r.cells]
    assert any(c.endswith("（建议）") for c in cells)
    # what the person must check in the notice is said, as the notice command says it (the
    # shown plan has no title: its placeholder, and the title its preamble implies)
    assert "（文件标题）" in result.output and "标题可拟为《" in result.output
    # A second run finds nothing new to index.
    again = runner.invoke(main, ["demo"])
    assert again.exit_code == 0 and "新增 0" in again.output


def test_corpus_lexicon_extends_aliases_and_invalidates_the_cache(tmp_path):
    """A corpus's own lexicon folder is not a document, and editing it re-parses the corpus."""
    from pbdocs.corpus import Corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text(
        "某某大学党建工作实施方案\n一、主要任务\n1.健全组织。建立台账。(牵头部门:党群办)\n",
        encoding="utf-8")
    c = Corpus(corpus, tmp_path / "index")
    assert list(c.files()) == ["plan"]
    before = c.load("plan").clauses[-1].lead
    assert [d.canonical for d in before] == ["党群办"]
    (corpus / "lexicon").mkdir()
    (corpus / "lexicon" / "departments.tsv").write_text("党群办\t党委党群工作办公室\n",
                                                        encoding="utf-8")
    assert list(c.files()) == ["plan"]  # the lexicon folder holds no documents
    after = c.load("plan").clauses[-1].lead
    assert [d.canonical for d in after] == ["党委党群工作办公室"]
