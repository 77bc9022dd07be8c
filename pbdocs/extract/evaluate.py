"""Extraction quality against hand-annotated gold (`tests/gold/extract/<doc id>.json`):
precision, recall and F1 per field, micro-averaged over every clause of every gold document.

Matching: lead and support by canonical department name (gold names mapped through the alias
table); deadlines by (kind, start, end);
recurrences by (period, min_times, on, amount, unit); targets by (op, value, value_max, unit).
Each item is matched at most once within its clause (multisets)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pbdocs.errors import InputError

FIELDS = ("lead", "support", "deadlines", "recurrences", "targets")


def _num(x):
    return None if x is None else round(float(x), 4)


def key(field_name: str, item, canonical=lambda name: name) -> tuple:
    """The comparable key of one extracted or gold item (a dict, a name or a model object);
    department names go through `canonical` (the alias table) so 组织部 matches 党委组织部."""
    if isinstance(item, str):
        return (canonical(item),)
    get = item.get if isinstance(item, dict) else (lambda k, d=None: getattr(item, k, d))
    if field_name in ("lead", "support"):
        return (canonical(get("canonical") or get("name")),)
    if field_name == "deadlines":
        return (get("kind"), get("start"), get("end"))
    if field_name == "recurrences":
        return (get("period"), get("min_times"), get("on"), _num(get("amount")), get("unit"))
    return (get("op"), _num(get("value")), _num(get("value_max")), get("unit"))


@dataclass
class Score:
    """Counts for one field and the rates they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """Counts and rounded rates as JSON data."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores per field, how much was compared, and every disagreement."""

    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    documents: int = 0
    clauses: int = 0
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The report as JSON data."""
        return {"documents": self.documents, "clauses": self.clauses,
                "fields": {f: s.to_dict() for f, s in self.scores.items()},
                "errors": self.errors}


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    """Doc id → {clause id → gold fields} from every JSON file of `gold_dir`."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"找不到标注目录：{gold_dir}")
    out = {}
    for p in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            clauses = data["clauses"]
            if isinstance(clauses, list):  # gold written as a parsed document's clause list
                clauses = {c["id"]: c for c in clauses}
            out[data.get("doc_id") or data.get("id") or p.stem] = clauses
        except (ValueError, KeyError, TypeError) as e:
            raise InputError(f"标注文件格式不对：{p.name}（{e}）") from e
    if not out:
        raise InputError(f"标注目录中没有 JSON 文件：{gold_dir}")
    return out


def score_document(report: Report, doc, gold_clauses: dict, canonical=lambda n: n) -> None:
    """Add one parsed document's agreement with its gold clauses to `report`."""
    predicted = {c.id: c for c in doc.clauses}
    report.documents += 1
    for cid in list(gold_clauses) + [c for c in predicted if c not in gold_clauses]:
        g = gold_clauses.get(cid, {})
        c = predicted.get(cid)
        report.clauses += 1
        for f in FIELDS:
            gold_keys = Counter(key(f, x, canonical) for x in g.get(f, []))
            pred_keys = Counter(key(f, x, canonical)
                                for x in (getattr(c, f) if c is not None else []))
            tp = sum((gold_keys & pred_keys).values())
            s = report.scores[f]
            s.tp += tp
            s.fp += sum(pred_keys.values()) - tp
            s.fn += sum(gold_keys.values()) - tp
            missed, extra = gold_keys - pred_keys, pred_keys - gold_keys
            if missed or extra:
                report.errors.append({"clause": cid, "field": f,
                                      "missed": [list(k) for k in missed.elements()],
                                      "extra": [list(k) for k in extra.elements()]})


def evaluate(gold_dir: str | Path, corpus_dir: str | Path) -> Report:
    """Parse every gold document from `corpus_dir` afresh and score it against `gold_dir`."""
    from pbdocs.corpus import Corpus
    from pbdocs.extract import lexicon
    from pbdocs.lang.lexicon import extension_dirs
    from pbdocs.parse import parse_file

    gold = load_gold(gold_dir)
    files = Corpus(corpus_dir).files()
    report = Report()
    for doc_id, clauses in gold.items():
        if doc_id not in files:
            raise InputError(f"语料中找不到标注文档“{doc_id}”。")
        lex = lexicon.load(extension_dirs(str(files[doc_id])))
        score_document(report, parse_file(files[doc_id], doc_id=doc_id), clauses, lex.canonical)
    return report
