"""Shared fixtures: the bundled corpus, the seeds, the spec, and a CLI runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "spec" / "document.schema.json"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(autouse=True)
def _all_precedents(monkeypatch):
    """Every test sees the packaged labelled examples whole, whatever the shell exports for an
    ablation (`benchmarks/precedent_ablation.py`)."""
    monkeypatch.delenv("PBDOCS_PRECEDENTS_SKIP", raising=False)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def schema() -> dict:
    """The JSON Schema of what pbdocs writes now (version 2, shipped in the package)."""
    from pbdocs.model import schema as packaged

    return packaged()


@pytest.fixture(scope="session")
def schema_v1() -> dict:
    """The version-1 contract of shared/spec/ (a v1 reader must keep working on v2 output)."""
    if SCHEMA.exists():
        return json.loads(SCHEMA.read_text(encoding="utf-8"))
    return json.loads((GOLD / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parsed_corpus():
    """Every bundled document, parsed once per test session: id → Document."""
    from pbdocs.corpus import Corpus
    from pbdocs.parse import parse_file

    return {doc_id: parse_file(p, doc_id=doc_id) for doc_id, p in Corpus(CORPUS).files().items()}


@pytest.fixture()
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture(scope="session")
def built_index(tmp_path_factory):
    """A copy of the bundled corpus with its index built, shared by the tests that search."""
    base = tmp_path_factory.mktemp("indexed")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    from pbdocs.search import build_index  # noqa: F401 - provided by the search issue

    build_index(corpus, base / "index")
    return corpus, base / "index"


# -- PostgreSQL: one throwaway cluster per test session -------------------------------------------

@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL cluster started for this session (initdb in a temporary folder, a free port
    on 127.0.0.1) and stopped after it; skipped only when PostgreSQL cannot start at all."""
    from pgcluster import Cluster, Unavailable

    try:
        cluster = Cluster().start()
    except Unavailable as e:
        pytest.skip(f"PostgreSQL is not available here: {e}")
    yield cluster
    cluster.stop()


_DB_COUNT = iter(range(1, 10**6))


def new_database(cluster) -> str:
    """A fresh, empty database in the cluster; its URL."""
    return cluster.create_database(f"pbdocs_test_{next(_DB_COUNT)}")


@pytest.fixture()
def pg_url(pg_cluster) -> str:
    """The URL of a fresh, empty database for one test."""
    return new_database(pg_cluster)


DEVCORPUS = SHARED / "devcorpus"


@pytest.fixture(scope="session")
def parsed_devcorpus():
    """Every text of the shared development corpus, parsed once per session: stem → Document
    (skipped where the shared folder is absent)."""
    if not DEVCORPUS.is_dir():
        pytest.skip("the shared development corpus is not here")
    from pbdocs.parse import parse_file

    return {p.stem: parse_file(p, doc_id=p.stem) for p in sorted(DEVCORPUS.glob("*.txt"))}
