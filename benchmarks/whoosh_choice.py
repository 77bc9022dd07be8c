"""Which whoosh distribution: run this with an interpreter that has whoosh3 installed and with
one that has whoosh-reloaded (a scratch venv), on Python 3.11.

    python benchmarks/whoosh_choice.py      # prints the distribution's results

Checks: warnings when its modules are compiled and imported; Chinese indexing and search with
jieba search-mode tokens; whoosh's own highlighter where those tokens overlap.
"""

from __future__ import annotations

import compileall
import io
import logging
import os
import sys
import tempfile
import warnings
from contextlib import redirect_stderr, redirect_stdout

import jieba  # noqa: E402
from whoosh import highlight  # noqa: E402
from whoosh.analysis import Token, Tokenizer  # noqa: E402

USERDICT = os.path.join(os.path.dirname(__file__), "..", "pbdocs", "lexicon", "userdict.txt")


class JiebaSearch(Tokenizer):
    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, mode="", **kw):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kw)
        for i, (word, s, e) in enumerate(jieba.tokenize(value, mode="search")):
            if not word.strip():
                continue
            t.original = t.text = word
            t.boost = 1.0
            if positions:
                t.pos = start_pos + i
            if chars:
                t.startchar, t.endchar = start_char + s, start_char + e
            yield t

class Brackets(highlight.Formatter):
    def format_token(self, text, token, replace=False):
        return "【" + highlight.get_text(text, token, replace) + "】"



def main() -> None:
    import whoosh

    base = os.path.dirname(whoosh.__file__)
    print(f"whoosh {whoosh.versionstring()} on Python {sys.version.split()[0]} ({base})")
    buf = io.StringIO()
    with warnings.catch_warnings(record=True) as caught, redirect_stdout(buf), \
            redirect_stderr(buf):
        warnings.simplefilter("always")
        compileall.compile_dir(base, force=True, quiet=1,
                               legacy=False, optimize=-1, workers=1)
    compiled = [f"{w.category.__name__}: {os.path.relpath(w.filename, base)}:{w.lineno}"
                for w in caught] + [line for line in buf.getvalue().splitlines()
                                    if "Warning" in line]
    print(f"warnings compiling its modules: {len(compiled)}")
    for w in compiled[:3]:
        print(f"  {w}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import whoosh.fields  # noqa: F401
        import whoosh.highlight  # noqa: F401
        import whoosh.index  # noqa: F401
        import whoosh.query  # noqa: F401
        import whoosh.searching  # noqa: F401
        import whoosh.writing  # noqa: F401
    print(f"warnings importing it: {len(caught)}")

    from whoosh import index, query
    from whoosh.fields import ID, TEXT, Schema

    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(USERDICT)

    docs = {"a": "由党委组织部牵头，落实“双带头人”培育工程，建设双带头人队伍。",
            "b": "严格落实三会一课制度，组织开展主题党日。"}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ix = index.create_in(tempfile.mkdtemp(), Schema(
            id=ID(stored=True), body=TEXT(analyzer=JiebaSearch(), stored=True)))
        w = ix.writer()
        for k, v in docs.items():
            w.add_document(id=k, body=v)
        w.commit()
        with ix.searcher() as s:
            for terms in (["组织部"], ["三会一课"], ["双带头人"], ["双带头人", "带头人"]):
                r = s.search(query.Or([query.Term("body", t) for t in terms]), terms=True)
                r.formatter = Brackets()
                r.fragmenter = highlight.WholeFragmenter()
                whole = [h.highlights("body") for h in r]
                r.fragmenter = highlight.ContextFragmenter(maxchars=24, surround=4)
                ctx = [h.highlights("body") for h in r]
                print(f"query {'+'.join(terms)}: hits {[h['id'] for h in r]}")
                print(f"  whole-text highlight: {whole}")
                print(f"  context highlight:    {ctx}")
    print(f"warnings while indexing and searching: {len(caught)}")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    from pbdocs.search.highlight import highlight as pbdocs_highlight

    marked = pbdocs_highlight(docs["a"], {"双带头人", "带头人"}).marked()
    print(f"pbdocs' own highlighter, 双带头人+带头人: {marked}")


if __name__ == "__main__":
    main()
