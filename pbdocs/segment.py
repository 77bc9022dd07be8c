"""Chinese word segmentation shared by extraction and search: one jieba tokenizer with the
domain user dictionary (`lexicon/userdict.txt`), created once per process.

jieba needs ~0.6 s to build its prefix dictionary and ~0.35 s even to unmarshal its own cache,
which alone would break the one-second budget of a cold `pbdocs search`. So the dictionary
(jieba's words plus the user dictionary) is prebuilt once into a cache file split into shards
by first character; `cut()` and friends load only the shards of the characters in the text
they segment. Every dictionary lookup jieba makes is a substring of that text, so the result is
identical to a fully loaded tokenizer.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
import threading
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

USERDICT = "userdict.txt"  # a jieba user dictionary, extendable like every lexicon file
_CACHE_FORMAT = "2"


def cache_dir() -> Path:
    """Where pbdocs keeps rebuildable caches: $PBDOCS_CACHE, else ~/.cache/pbdocs."""
    env = os.environ.get("PBDOCS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pbdocs"


def _import_jieba():
    """Import jieba without letting it import pkg_resources (~0.2 s) for a resource path."""
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment] - makes the import fail
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


# tables whose first column names departments and bodies the extraction looks for: each name
# is a word, so a sentence never splits it (科研院要会同… cut as 科研/院要/会同 hid 科研院)
NAME_TABLES = ("departments.tsv",)


def _userdicts() -> tuple[Path, ...]:
    """The user dictionaries in effect: the packaged one and those of extension folders, then
    the name tables."""
    from pbdocs.lang import lexicon

    return tuple(lexicon.paths(USERDICT)) + tuple(p for name in NAME_TABLES
                                                   for p in lexicon.paths(name))


def _names(p: Path) -> list[str]:
    """The names in the first column of a name table (Chinese characters only)."""
    import re

    from pbdocs.lang import lexicon
    from pbdocs.lang.text import HAN

    han = re.compile(f"[{HAN}]{{2,}}")
    return [name for _, line in lexicon.read_file(p)
            if han.fullmatch(name := line.split("\t", 1)[0].strip())]


def _dict_key(userdicts: tuple[Path, ...]) -> str:
    """What the built dictionary depends on: jieba's version and dictionary, our user dicts."""
    jieba = _import_jieba()

    h = hashlib.sha256(f"{_CACHE_FORMAT}|{jieba.__version__}".encode())
    main = Path(jieba.__file__).resolve().parent / "dict.txt"
    if main.exists():
        st = main.stat()
        h.update(f"|{main}|{st.st_size}|{st.st_mtime_ns}".encode())
    for p in userdicts:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _full_tokenizer(userdicts: tuple[Path, ...]):
    """A jieba Tokenizer built the slow way: jieba's dictionary plus the user dictionaries."""
    jieba = _import_jieba()
    tk = jieba.Tokenizer()
    tk.initialize()
    for p in userdicts:
        if p.name == USERDICT:
            tk.load_userdict(str(p))
    for p in userdicts:
        for name in _names(p) if p.name != USERDICT else ():
            if name not in tk.FREQ or not tk.FREQ[name]:
                tk.add_word(name)
    return tk


def _build_shards(path: Path, userdicts: tuple[Path, ...]) -> bytes:
    """Write the sharded dictionary file for the current key (atomically) and return its bytes.

    Two levels: first character → (second character or "" for the one-character entry) →
    marshalled {word: freq}, so a text loads only the words that start with its own bigrams.
    """
    tk = _full_tokenizer(userdicts)
    shards: dict[str, dict[str, dict[str, int]]] = {}
    for word, freq in tk.FREQ.items():
        shards.setdefault(word[0], {}).setdefault(word[1:2], {})[word] = freq
    force_split = [w for p in userdicts if p.name == USERDICT for w in _zero_freq_words(p)]
    packed = {ch: marshal.dumps({k: marshal.dumps(d) for k, d in sub.items()})
              for ch, sub in shards.items()}
    data = marshal.dumps((tk.total, force_split, packed))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # an unwritable cache only costs speed on the next start
    return data


def _zero_freq_words(p: Path) -> list[str]:
    """User-dictionary words given frequency 0 (jieba must never join them)."""
    out = []
    for line in p.read_text(encoding="utf-8").lstrip("\ufeff").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1] == "0":
            out.append(parts[0])
    return out


class _LazyDict:
    """A jieba Tokenizer whose FREQ dict is filled shard by shard as texts need them."""

    def __init__(self, userdicts: tuple[Path, ...]) -> None:
        jieba = _import_jieba()
        from jieba import finalseg

        path = cache_dir() / f"jieba-{_dict_key(userdicts)}.bin"
        try:
            data = path.read_bytes()
        except OSError:
            data = _build_shards(path, userdicts)
        try:
            total, force_split, self._shards = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            total, force_split, self._shards = marshal.loads(_build_shards(path, userdicts))
        self.tk = jieba.Tokenizer()
        self.tk.FREQ = {}
        self.tk.total = total
        self.tk.initialized = True
        for w in force_split:
            finalseg.add_force_split(w)
        self._subs: dict[str, dict[str, bytes]] = {}
        self._seen: set[str] = set()  # characters and bigrams whose entries are loaded
        self._complete = False
        self._lock = threading.Lock()

    def ensure(self, text: str) -> None:
        """Load the dictionary entries of every character and bigram of text not loaded yet."""
        if self._complete:
            return
        with self._lock:
            freq = self.tk.FREQ
            for ch in set(text) - self._seen:
                self._seen.add(ch)
                blob = self._shards.pop(ch, None)
                if blob is not None:
                    sub = self._subs[ch] = marshal.loads(blob)
                    if "" in sub:
                        freq.update(marshal.loads(sub.pop("")))
            subs = self._subs
            for bigram in {text[i:i + 2] for i in range(len(text) - 1)} - self._seen:
                self._seen.add(bigram)
                sub = subs.get(bigram[0])
                blob = sub.pop(bigram[1], None) if sub else None
                if blob is not None:
                    freq.update(marshal.loads(blob))

    def ensure_all(self) -> None:
        """Load every entry (for callers that use the Tokenizer directly)."""
        with self._lock:
            for ch in list(self._shards):
                self._subs[ch] = marshal.loads(self._shards.pop(ch))
            for sub in self._subs.values():
                for key in list(sub):
                    self.tk.FREQ.update(marshal.loads(sub.pop(key)))
            self._complete = True


def _lazy() -> _LazyDict:
    return _lazy_for(_userdicts())


@lru_cache(maxsize=4)
def _lazy_for(userdicts: tuple[Path, ...]) -> _LazyDict:
    return _LazyDict(userdicts)


def tokenizer():
    """The process-wide jieba Tokenizer with the domain terms loaded (whole dictionary)."""
    lazy = _lazy()
    lazy.ensure_all()
    return lazy.tk


def cut(text: str) -> list[str]:
    """Segment text into words (precise mode)."""
    lazy = _lazy()
    lazy.ensure(text)
    return list(lazy.tk.cut(text, HMM=True))


def cut_for_search(text: str) -> list[str]:
    """Segment text for indexing: long words and their shorter parts."""
    lazy = _lazy()
    lazy.ensure(text)
    return list(lazy.tk.cut_for_search(text, HMM=True))


def tokenize(text: str, mode: str = "default") -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for each word of text; mode "search" adds the shorter parts too."""
    lazy = _lazy()
    lazy.ensure(text)
    return lazy.tk.tokenize(text, mode=mode, HMM=True)


def in_dictionary(word: str) -> bool:
    """Whether word is a dictionary word (not just a prefix of one)."""
    lazy = _lazy()
    lazy.ensure(word)
    return bool(lazy.tk.FREQ.get(word))


def dictionary_words(text: str, min_len: int = 2) -> list[tuple[str, int]]:
    """Every dictionary word occurring anywhere in text (however jieba would cut it), with its
    offset: jieba's DAG of the text, read out."""
    lazy = _lazy()
    lazy.ensure(text)
    freq = lazy.tk.FREQ
    out = []
    n = len(text)
    for k in range(n):
        j = k + min_len
        frag = text[k:j]
        if len(frag) < min_len:
            break
        if text[k:k + 1] not in freq:
            continue
        while j <= n:
            frag = text[k:j]
            got = freq.get(frag)
            if got is None:
                break  # FREQ holds every prefix of every word: nothing longer can match
            if got:
                out.append((frag, k))
            j += 1
    return out
