"""The extraction pipeline: `spacy.blank("zh")` segmented by the project's jieba tokenizer,
an entity ruler fed from the lexicons, and one rule-based component per concern.

Components write plain results into `doc.user_data["pb"]`; `pbdocs.extract.assemble` turns
them into model objects. Built once per process and lexicon (imports spaCy lazily)."""

from __future__ import annotations

import re
from functools import lru_cache

from pbdocs.extract import depts, lexicon, recurrence, targets, timeexpr
from pbdocs.lang.text import HAN, sentence_spans

_TITLE = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")
_QUOTE = re.compile(r"“[^“”\n]{0,30}”")


class JiebaTokenizer:
    """Makes a spaCy Doc from `pbdocs.segment.cut` (no spaces between Chinese words).

    Measured against spaCy's own `segmenter: jieba`: that one loads jieba's whole dictionary on
    first use (0.7 s CPU here) where the shared segmenter loads only the shards a text needs
    (0.02 s), and it would not share the project's user dictionary with search."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        from pbdocs import segment

        words = [w for w in segment.cut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


def _ctx(doc) -> dict:
    return doc.user_data.setdefault("pb", {})


def _text(doc) -> str:
    # Doc.text joins every token on each access; the clause text is kept once instead
    pb = _ctx(doc)
    if "text" not in pb:
        pb["text"] = doc.text
    return pb["text"]


def references(doc):
    """Titles cited in 《》 (nested 〈〉 kept) and short quoted phrases, as masks for the rest."""
    pb = _ctx(doc)
    pb["titles"] = [(m.start(), m.end()) for m in _TITLE.finditer(_text(doc))]
    pb["references"] = [m.group(0)[1:-1] for m in _TITLE.finditer(_text(doc))]
    pb["quotes"] = [(m.start(), m.end()) for m in _QUOTE.finditer(_text(doc))]
    return doc


def departments(doc):
    """Department and role mentions from the entity ruler; lead/support from notes and prose;
    actors: the mentions the text gives work to (followed by an action cue like 要/负责/每)."""
    pb = _ctx(doc)
    lex = pb["lexicon"]
    text = _text(doc)
    titles = pb["titles"]
    mentions, named, bodies, persons = [], [], [], []
    for ent in doc.ents:
        if any(s <= ent.start_char < e for s, e in titles):
            continue
        if ent.label_ == "DEPT" and not depts.external(text, ent.start_char, lex):
            m = depts.Mention(ent.start_char, ent.end_char, ent.text,
                              ent.ent_id_ or lex.canonical(ent.text))
            mentions.append(m)
            named.append(m)
        elif ent.label_ in ("BODY", "PERSON"):
            m = depts.Mention(ent.start_char, ent.end_char, ent.text,
                              ent.ent_id_ or lex.canonical(ent.text))
            named.append(m)
            (bodies if ent.label_ == "BODY" else persons).append(m)
    pb["mentions"] = mentions
    pb["actors"] = _actors(text, named, _cue_re(tuple(lex.actor_cues)))
    res, pb["inline_notes"] = depts.item_labels(text, lex)
    # a body (二级学院党委, 领导小组办公室) can lead too when the text makes it responsible
    pb["bodies"] = bodies
    pb["persons"] = persons
    res.merge(depts.prose(text, sorted(mentions + bodies, key=lambda m: m.start), lex))
    pb["responsibility"] = res
    return doc


@lru_cache(maxsize=8)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s*(?:{alt})")


def _actors(text: str, named: list, cue: re.Pattern) -> list:
    """The named bodies and roles followed by an action cue; a list joined by 、/和 shares it."""
    out, group = [], []
    for i, m in enumerate(named):
        group.append(m)
        nxt = named[i + 1] if i + 1 < len(named) else None
        if nxt is not None and re.fullmatch(r"\s*(?:、|和|及|与|，|,)\s*", text[m.end:nxt.start]):
            continue
        if cue.match(text, m.end) or text[max(0, group[0].start - 1):group[0].start] == "由":
            out.extend(group)
        group = []
    return out


def recurrences(doc):
    """Repeated duties, claimed before time limits so 每年10月8日 is not also a date."""
    pb = _ctx(doc)
    pb["recurrences"] = recurrence.find_recurrences(_text(doc), pb["lexicon"], pb["titles"])
    return doc


def times(doc):
    """Time limits outside titles and recurrences, resolved against the document's date."""
    pb = _ctx(doc)
    masked = pb["titles"] + [(f.start, f.end) for f in pb["recurrences"]]
    pb["deadlines"] = timeexpr.find_deadlines(_text(doc), pb.get("doc_date"), masked,
                                              pb.get("context_year"))
    return doc


def quantities(doc):
    """Quantified goals outside titles, quotes and recurrences."""
    pb = _ctx(doc)
    masked = pb["titles"] + [(f.start, f.end) for f in pb["recurrences"]]
    pb["targets"] = targets.find_targets(
        _text(doc), pb["lexicon"], masked, pb["quotes"],
        [(f.start, f.end) for f in pb["deadlines"]])
    return doc


def sentences(doc):
    """The clause cut into actionable sentences (tasks) at 。；！？ and line ends; its words
    with their offsets kept for the task rules (no second segmentation of the same text)."""
    pb = _ctx(doc)
    pb["sentences"] = sentence_spans(_text(doc), newline=True)
    pb["words"] = [(t.idx, t.text) for t in doc]
    return doc


_COMPONENTS = [("pb_references", references), ("pb_departments", departments),
               ("pb_recurrences", recurrences), ("pb_times", times),
               ("pb_targets", quantities), ("pb_tasks", sentences)]


@lru_cache(maxsize=1)
def _register() -> None:
    from spacy.language import Language

    for name, func in _COMPONENTS:
        Language.component(name, func=func)


class _PatternTokenizer(JiebaTokenizer):
    """Segments lexicon names at build time: a dictionary word is one token without jieba."""

    def __call__(self, text: str):
        from spacy.tokens import Doc

        from pbdocs import segment

        if _HAN.fullmatch(text) and segment.in_dictionary(text):
            return Doc(self.vocab, words=[text], spaces=[False])
        return super().__call__(text)


_HAN = re.compile(f"[{HAN}]+")


@lru_cache(maxsize=8)
def get_nlp(extra: tuple[str, ...] = ()):
    """The process-wide pipeline for the default lexicon plus extension folders `extra`."""
    import spacy

    _register()
    lex = lexicon.load(extra)
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    patterns = [{"label": "DEPT", "pattern": alias, "id": canon}
                for alias, canon in lex.departments.items()]
    patterns += [{"label": "BODY" if role in lex.bodies else "PERSON", "pattern": role}
                 for role in lex.roles]
    # 各教研室主任, 各党支部书记: a person of each unit, written with 各 (else 各教研室 would
    # win the overlap as a body)
    patterns += [{"label": "PERSON", "pattern": "各" + role, "id": lex.canonical(role)}
                 for role in lex.roles
                 if role not in lex.bodies and not role.startswith("各")
                 and "各" + role not in lex.roles]
    # Phrase patterns (hash lookups) rather than token patterns (tried at every token); the
    # ruler segments each pattern, and a name the user dictionary holds is one word anyway.
    nlp.tokenizer = _PatternTokenizer(nlp.vocab)
    ruler.add_patterns(patterns)
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    for name, _ in _COMPONENTS:
        nlp.add_pipe(name)
    _LEXICONS[id(nlp)] = lex
    return nlp


_LEXICONS: dict[int, lexicon.Lexicon] = {}


def lexicon_of(nlp) -> lexicon.Lexicon:
    """The lexicon a pipeline was built from."""
    return _LEXICONS[id(nlp)]


def analyse(text: str, doc_date: str | None, extra: tuple[str, ...] = (),
            context_year: int | None = None):
    """Run the pipeline over one clause's text; the results are in `doc.user_data["pb"]`."""
    nlp = get_nlp(extra)
    doc = nlp.make_doc(text)
    doc.user_data["pb"] = {"lexicon": _LEXICONS[id(nlp)], "doc_date": doc_date, "text": text,
                           "context_year": context_year}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
