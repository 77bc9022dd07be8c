"""The registry of output kinds: every kind in every format it lists, one result type, the
format chosen by the file's extension, the context built once for several files."""

from __future__ import annotations

import pytest

from pbdocs.errors import InputError
from pbdocs.generate import outputs
from tests._generate_docs import plan

COMPARISON = {"institutions": ["甲大学", "乙学院"], "requirements": [
    {"topic": "双带头人", "differs": True, "cells": {
        "甲大学": [{"clause_id": "a/二/1", "excerpt": "实施“双带头人”培育工程。",
                  "targets": [{"text": "100%", "op": "=", "value": 100, "unit": "%",
                               "subject": "覆盖率", "differs": True}]}],
        "乙学院": []}}]}


def _source(kind):
    return COMPARISON if outputs.get(kind).source == "comparison" else plan()


def _options(kind):
    return {"college": "计算机学院"} if kind == "draft" else {}


@pytest.mark.parametrize("kind", list(outputs.KINDS))
def test_every_kind_in_every_format(kind, tmp_path):
    k = outputs.get(kind)
    assert k.label and k.file_word and "docx" in k.formats
    for fmt in k.formats:
        out = tmp_path / f"{kind}.{fmt}"
        w = outputs.write(kind, _source(kind), out, **_options(kind))
        assert isinstance(w, outputs.Written) and w.out == out and w.fmt == fmt and w.kind == kind
        assert out.stat().st_size > 0
        data = w.to_json()
        assert data["out"] == str(out)
        if k.count_key and fmt not in k.count_keys:
            assert data[k.count_key] == w.count and w.count >= 1
    md = outputs.markdown(kind, _source(kind), **_options(kind))
    assert md.lstrip().startswith(("#", ":::"))
    page = outputs.preview_html(kind, _source(kind), **_options(kind))
    assert page.startswith("<!DOCTYPE html>") and 'class="pbdocs"' in page


def test_a_format_the_kind_has_not_is_refused_before_writing(tmp_path):
    with pytest.raises(InputError, match="印发通知不能写成“.xlsx”文件"):
        outputs.write_all("notice", plan(), [tmp_path / "a.docx", tmp_path / "b.xlsx"])
    assert not (tmp_path / "a.docx").exists()
    with pytest.raises(InputError, match="没有“minutes”这种公文"):
        outputs.get("minutes")


def test_several_files_one_context(tmp_path, monkeypatch):
    calls = []
    kind = outputs.KINDS["taskbook"]
    original = kind.context

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setitem(outputs.KINDS, "taskbook",
                        outputs.OutputKind(**{**kind.__dict__, "context": counting}))
    written = outputs.write_all("taskbook", plan(), [tmp_path / "t.docx", tmp_path / "t.xlsx",
                                                     tmp_path / "t.html"], by_dept=True)
    assert [w.fmt for w in written] == ["docx", "xlsx", "html"] and len(calls) == 1
    assert written[0].count == written[1].count


def test_the_web_offers_what_the_registry_has():
    from pbdocs.web.backend import OUTPUTS

    assert set(OUTPUTS) == {k.key for k in outputs.document_kinds()}
    assert OUTPUTS["taskbook"][1] == ("docx", "xlsx") and OUTPUTS["timetable"][1] == ("docx", "ics")
