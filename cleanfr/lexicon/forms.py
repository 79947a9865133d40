"""French forms and their frequencies: the full-form lexicon and wordfreq's Zipf values, shipped as tables.

:func:`french` → the cached :class:`Lexicon` (loaded on first call, ~0.5 s, then shared):

- ``zipf(word) -> float``: wordfreq's Zipf frequency in French (large list), ``0.0`` if unknown.
  Case-insensitive; ’ and ' are the same. A frequency is evidence of use, *not* of correctness:
  web text made ``quil`` (3.5) and ``jai`` (3.9) frequent.
- ``is_word(word) -> bool``: ``word`` is a known French form (inflections included: ``cousaient``,
  ``énonceront``), from the shipped full-form lexicon (Dicollecte hunspell dictionary expanded, plus
  simplemma's forms; see ``cleanfr/data/lexicon/NOTICE``). Case-insensitive; hyphenated compounds are
  words when the lexicon lists them.
- ``is_verb(word) -> bool``: ``word`` is a form of a verb entry of the hunspell dictionary (participles
  included): the elided pronouns ``j’ m’ t’ s’ n’`` stand only before verbs.
- ``is_person(word) -> bool``: ``word`` is a first name or a surname of the hunspell dictionary (``Esméralda``,
  ``Baptiste``), as opposed to places and other names (``Ukraine``).
- ``is_name(word) -> bool``: ``word`` is only known as a proper name (``Rome``, ``Esméralda``): a lower-case
  ``rome`` is no French word.
- ``lost_accents(word) -> bool``: ``word`` is not a form but a form with its accents removed is (``quotite``
  for ``quotité``): the accents rule's business, not a glued word nor a lost apostrophe. The accent-free index
  is not built: the accented variants of the word are looked up.
- ``forms``: the underlying ``frozenset`` of lower-cased forms (for bulk membership tests).

:func:`lookup_key` is the lookup key of a word (lower case, ’ → ').

>>> lex = french()
>>> lex.is_word("cousaient"), lex.is_word("Cousaient"), lex.is_word("quil")
(True, True, False)
>>> lex.zipf("de") > 7 > lex.zipf("additionnel") > 0.0 == lex.zipf("additionnelplus")
True
"""

from __future__ import annotations

import itertools
import math
import os
from functools import lru_cache
from typing import Callable, Iterator

from .. import tables

__all__ = ["Lexicon", "french", "lookup_key", "french_zipf_frequency", "is_plain"]


def lookup_key(word: str) -> str:
    """The lookup key of a word: lower case, typographic apostrophe as '.

    >>> lookup_key("Aujourd’Hui")
    "aujourd'hui"
    """
    return word.replace("\u2019", "'").lower()


#: The letters an unaccented French letter may stand for when accents are lost.
_ACCENTED = {"a": "aàâ", "e": "eéèêë", "i": "iîï", "o": "oô", "u": "uùûü", "c": "cç", "y": "yÿ"}
_MAX_VARIANTS = 5000
#: Up to this many variants, :meth:`Lexicon.lost_accents` tries them; above, it reads the accent-free index.
_FEW_VARIANTS = 200
#: Each accented letter of :data:`_ACCENTED` to its bare letter: a form's key in the accent-free groups.
_STRIP = str.maketrans({alt: bare for bare, alts in _ACCENTED.items() for alt in alts if alt != bare})

# A word's code in the shipped tables (``tools/word_tables.py``): wordfreq's frequency bucket (centibels below 1,
# so Zipf = 9 − bucket / 100; ``NO_FREQ`` when wordfreq does not list the word) and the lexicon classes.
CB_MASK = 0x3FF
NO_FREQ = CB_MASK
FORM = 1 << 10
VERB = 1 << 11
PERSON = 1 << 12
NAME = 1 << 13


@lru_cache(maxsize=1)
def _zipf_table() -> tuple[float, ...]:
    """Zipf value of each bucket, computed as wordfreq's frequency then ``log10 + 9`` (the same floats as
    ``math.log10(wordfreq.get_frequency_dict(...)[word]) + 9``); 0.0 for ``NO_FREQ``."""
    return tuple(math.log10(10 ** (-i / 100)) + 9.0 for i in range(NO_FREQ)) + (0.0,)


def decompress(data: bytes) -> str:
    """Text of a zstd-compressed table."""
    import zstandard

    return zstandard.ZstdDecompressor().decompress(data).decode("utf-8")


def parse_groups(text: str) -> dict[str, int]:
    """Word → code from ``-<TAB>bucket<TAB>word word …`` lines (the English table): one split and one C-level
    dict update per group, no Python work per word."""
    codes: dict[str, int] = {}
    for line in text.split("\n"):
        if line and line[0] != "#":
            _, cb, words = line.split("\t")
            codes.update(dict.fromkeys(words.split(" "), NO_FREQ if cb == "-" else int(cb)))
    return codes


def _data(name: str) -> str:
    return tables.compressed_text(f"lexicon/{name}")


class _Codes(dict):
    """Code text (UTF-8) → int, one shared int object per distinct code."""

    def __missing__(self, text: bytes) -> int:
        value = self[text] = int(text)
        return value


def _utf8(key: str) -> bytes:
    """The table's spelling of a lookup key: its UTF-8 bytes (a lone surrogate, from undecodable input, is kept
    as bytes that are no UTF-8 and so no word of the table)."""
    return key.encode("utf-8", "surrogatepass")


class Lexicon:
    """Word frequencies plus a full-form lexicon; build it with :func:`french`.

    Every word the table knows (folded) has a code: its wordfreq frequency bucket and its lexicon classes. The
    table is split by the first two letters of the words, and a part becomes a dict on the first look-up of a
    word it holds: hashing 640,000 words costs a third of a second, and a short text needs a few parts only.
    A part's words are kept as UTF-8 bytes, the key of a look-up is encoded first: 640,000 ``bytes`` take 30 MB
    where as many ``str`` took 45 (a short ``str`` costs 16 bytes more, one with an accent 32 to 48 more). The
    sets of forms, verbs, persons and names (``str``) are only built when asked for.
    """

    __slots__ = (
        "_lines",
        "_shards",
        "_ints",
        "_zipf",
        "_sets",
        "_bare_prefixes",
        "_accented",
        "_form_set",
        "has_form",
        "_grams",
    )

    def __init__(self, text: str | bytes) -> None:
        """``text``: lines ``prefix<TAB>words<TAB>codes`` (see ``tools/word_tables.py``), or their UTF-8 bytes (the
        shipped table is split as bytes, never made a ``str``)."""
        data = text.encode() if isinstance(text, str) else text
        self._lines = {
            line[: line.find(b"\t")].decode(): line for line in data.split(b"\n") if line[:1] not in (b"", b"#")
        }
        self._shards: dict[str, dict[bytes, int]] = {}
        self._ints = _Codes()
        self._zipf = _zipf_table()
        self._sets: dict[int, frozenset[str]] = {}
        # Parts of the table by the accent-free spelling of their prefix (``de``: ``de dé dè dê``), and the
        # accented forms of each such group by their accent-free spelling, built when :meth:`lost_accents`
        # first asks for the group.
        self._bare_prefixes: dict[str, list[str]] = {}
        for prefix in self._lines:
            self._bare_prefixes.setdefault(prefix.translate(_STRIP), []).append(prefix)
        self._accented: dict[str, dict[str, bytes | list[bytes]]] = {}
        #: ``has_form(key) -> bool``: ``key in self.forms`` for an already folded key. Read through the parts
        #: at first (:meth:`_has_form`); once a process has seen :data:`FULL_TABLE_AFTER` documents, the whole
        #: table is loaded and this becomes the C-level membership test of one set (:meth:`use_form_set`):
        #: the glue and OCR rules ask it of thousands of candidates per document.
        self._form_set: frozenset[str] | None = None
        self.has_form: Callable[[str], bool] = self._has_form
        self._grams: frozenset[str] | None = None

    def _shard(self, prefix: str) -> dict[bytes, int]:
        """The part of the table for words starting with ``prefix``, made a dict (UTF-8 word → code) on first use."""
        line = self._lines.get(prefix)
        if line is None:  # no word starts so (or another thread has just built the part)
            return self._shards.setdefault(prefix, {})
        _, words, codes = line.split(b"\t")
        shard = self._shards[prefix] = dict(zip(words.split(b" "), map(self._ints.__getitem__, codes.split(b" "))))
        self._lines.pop(prefix, None)
        return shard

    def code(self, key: str) -> int:
        """The code of a folded word (``NO_FREQ`` and no class when unknown)."""
        shard = self._shards.get(key[:2])
        if shard is None:
            shard = self._shard(key[:2])
        return shard.get(_utf8(key), NO_FREQ)

    def _accented_group(self, bare_prefix: str) -> dict[str, bytes | list[bytes]]:
        """Accent-free spelling → the forms written with accents that have it (their UTF-8 spelling, the part's
        own key; a list only when there are several), for the forms whose prefix is ``bare_prefix`` once its
        accents are removed (built on first use)."""
        group = self._accented.get(bare_prefix)
        if group is None:
            group = {}
            for prefix in self._bare_prefixes.get(bare_prefix, ()):
                shard = self._shards.get(prefix)
                if shard is None:
                    shard = self._shard(prefix)
                for spelling, c in shard.items():
                    if c & FORM and not spelling.isascii():  # an ASCII form has no accent to lose
                        word = spelling.decode()
                        bare = word.translate(_STRIP)
                        if bare != word:
                            found = group.get(bare)
                            if found is None:
                                group[bare] = spelling
                            elif isinstance(found, bytes):
                                group[bare] = [found, spelling]
                            else:
                                found.append(spelling)
            self._accented[bare_prefix] = group
        return group

    def load(self) -> None:
        """Make every part of the table a dict now (before forking workers, so that they share them)."""
        for prefix in list(self._lines):
            self._shard(prefix)

    def items(self) -> Iterator[tuple[str, int]]:
        """Every (word, code) of the table (loads it all)."""
        self.load()
        for shard in list(self._shards.values()):
            for spelling, c in shard.items():
                yield spelling.decode(), c

    def _set(self, bit: int) -> frozenset[str]:
        found = self._sets.get(bit)
        if found is None:
            found = self._sets[bit] = frozenset(w for w, c in self.items() if c & bit)
        return found

    @property
    def forms(self) -> frozenset[str]:
        """Every lower-cased form (built on first use; rules test membership with :meth:`has_form`)."""
        return self._set(FORM)

    @property
    def verbs(self) -> frozenset[str]:
        return self._set(VERB)

    @property
    def persons(self) -> frozenset[str]:
        return self._set(PERSON)

    @property
    def names(self) -> frozenset[str]:
        return self._set(NAME)

    def _has_form(self, key: str) -> bool:
        """``key in self.forms`` for an already folded key, without building the set (see ``has_form``).

        >>> french().has_form("cousaient"), french().has_form("Cousaient"), french()._has_form("cousaient")
        (True, False, True)
        """
        shard = self._shards.get(key[:2])  # code(), inlined: the glue and OCR rules ask this of many candidates
        if shard is None:
            shard = self._shard(key[:2])
        return bool(shard.get(key.encode("utf-8", "surrogatepass"), NO_FREQ) & FORM)  # _utf8(), inlined

    def use_form_set(self) -> None:
        """Load every part of the table and answer ``has_form``/``is_word`` from one set of forms (the same
        answers: a form of the set is a word whose part is the one its first two letters name)."""
        if self._form_set is not None:
            return
        self.load()
        forms = (
            (prefix, w.decode()) for prefix, shard in list(self._shards.items()) for w, c in shard.items() if c & FORM
        )
        self._form_set = frozenset(word for prefix, word in forms if word[:2] == prefix)
        self.has_form = self._form_set.__contains__

    def frequent_grams(self) -> frozenset[str] | None:
        """Every run of :data:`GRAM` letters in a form at least :data:`FREQUENT_ZIPF` frequent: a word with a run
        that is not there is no such form (a search of frequent neighbours skips its spellings). None until the
        whole table is loaded (:meth:`use_form_set`: a corpus), then built on first use (0.02 s).

        >>> french().use_form_set()
        >>> grams = french().frequent_grams()
        >>> "mais" in grams, "ssqz" in grams
        (True, False)
        """
        if self._form_set is None:
            return None
        if self._grams is None:
            zipf = self._zipf
            frequent = [
                w.decode()
                for shard in list(self._shards.values())
                for w, c in shard.items()
                if c & FORM and zipf[c & CB_MASK] >= FREQUENT_ZIPF
            ]
            self._grams = frozenset(w[i : i + GRAM] for w in frequent for i in range(len(w) - GRAM + 1))
        return self._grams

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 of occurrences per billion words), 0.0 for an unknown word.

        >>> round(french().zipf("Ukraine"), 1) > 4
        True
        """
        key = word.replace("\u2019", "'").lower()  # lookup_key() and code(), inlined
        shard = self._shards.get(key[:2])
        if shard is None:
            shard = self._shard(key[:2])
        return self._zipf[shard.get(key.encode("utf-8", "surrogatepass"), NO_FREQ) & CB_MASK]  # _utf8(), inlined

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is a known French form (case-insensitive).

        >>> french().is_word("instrumentaires"), french().is_word("additionnelplus")
        (True, False)
        """
        key = word.replace("\u2019", "'").lower()  # lookup_key() and code(), inlined
        if self._form_set is not None:
            return key in self._form_set
        shard = self._shards.get(key[:2])
        if shard is None:
            shard = self._shard(key[:2])
        return bool(shard.get(key.encode("utf-8", "surrogatepass"), NO_FREQ) & FORM)  # _utf8(), inlined

    def is_verb(self, word: str) -> bool:
        """Whether ``word`` is a verb form (case-insensitive).

        >>> french().is_verb("aime"), french().is_verb("adam")
        (True, False)
        """
        return bool(self.code(lookup_key(word)) & VERB)

    def lost_accents(self, word: str) -> bool:
        """Whether ``word`` is an unknown spelling of a known form without (some of) its accents.

        Tries the accented variants of its vowels and c when there are few (``_FEW_VARIANTS``); when there are
        more (up to ``_MAX_VARIANTS``), looks for them among the forms of the same accent-free spelling: the
        accent-free index is built by parts, for the prefixes asked about only (a variant is a form whose every
        letter is the word's or one of its accented forms).

        >>> french().lost_accents("quotite"), french().lost_accents("quotité"), french().lost_accents("officiellequi")
        (True, False, False)
        """
        w = lookup_key(word)
        code = self.code
        if code(w) & FORM:
            return False
        options = [_ACCENTED.get(c, c) for c in w]
        count = 1
        for o in options:
            count *= len(o)
        if count > _MAX_VARIANTS:
            return False
        if count <= _FEW_VARIANTS:  # a short word: trying its variants costs less than indexing its group
            # In C: ``has_form`` is ``code() & FORM`` (one set's membership once the table is loaded).
            return any(map(self.has_form, map("".join, itertools.product(*options))))
        bare = w.translate(_STRIP)
        found = self._accented_group(bare[:2]).get(bare)
        if found is None:
            return False
        candidates = (found,) if isinstance(found, bytes) else found
        return any(all(c in o for c, o in zip(form.decode(), options)) for form in candidates)

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is known only as a proper name (person, place, brand).

        >>> french().is_name("rome"), french().is_name("Esméralda"), french().is_name("pomme")
        (True, True, False)
        """
        return bool(self.code(lookup_key(word)) & NAME)

    def is_person(self, word: str) -> bool:
        """Whether ``word`` is a first name or a surname (case-insensitive).

        >>> french().is_person("Esméralda"), french().is_person("Ukraine")
        (True, False)
        """
        return bool(self.code(lookup_key(word)) & PERSON)


#: :meth:`Lexicon.frequent_grams`: the runs of this many letters of the forms at least this frequent (Zipf).
GRAM = 4
FREQUENT_ZIPF = 3.0


@lru_cache(maxsize=1)
def french() -> Lexicon:
    """The French lexicon, loaded once per process (``cleanfr/data/lexicon/fr_words.txt.zst``: full forms and
    wordfreq's ``fr`` large list; its parts become dicts as rules look words up).

    A process that forks (``--jobs``) loads the whole table first: the workers then share it copy-on-write
    instead of each building its own parts.
    """
    lexicon = Lexicon(tables.compressed_utf8("lexicon/fr_words.txt.zst"))
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(before=lexicon.load)
    return lexicon


#: Letters for which wordfreq's tokeniser is the identity (lower case, composed, no case folding change): a
#: word made of them is looked up as it is, so the shipped tables answer exactly as wordfreq would.
PLAIN = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"


def is_plain(word: str) -> bool:
    """Whether ``word`` is made only of :data:`PLAIN` letters.

    >>> is_plain("étés"), is_plain("Été"), is_plain("l'été"), is_plain("")
    (True, False, False, False)
    """
    return bool(word) and not word.strip(PLAIN)


#: wordfreq's floor for an unknown word (``zipf_to_freq(0.0)``).
_MINIMUM = 10**0.0 / 1e9


def _wordfreq_rounding(freq: float) -> float:
    """``wordfreq.zipf_frequency`` of a one-token word of frequency ``freq`` (0 for unknown), step by step as
    wordfreq computes it: the inverse-sum of token frequencies, three significant digits, then Zipf to 0.01."""
    if not freq:
        return round(math.log(_MINIMUM, 10) + 9, 2)
    one_over = 0.0
    one_over += 1.0 / freq
    unrounded = max(1.0 / one_over, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(math.log(round(unrounded, leading_zeroes + 3), 10) + 9, 2)


@lru_cache(maxsize=1)
def _rounded_table() -> tuple[float, ...]:
    return tuple(_wordfreq_rounding(10 ** (-i / 100)) for i in range(NO_FREQ)) + (_wordfreq_rounding(0.0),)


def french_zipf_frequency(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "fr")`` (rounded to 0.01), from the shipped table (case folded; a
    spelling with other characters is not in it: 0.0). wordfreq itself is needed only to build the tables.

    >>> french_zipf_frequency("lancée") > 3 > french_zipf_frequency("lancéee") == 0.0
    True
    """
    if not is_plain(word):
        word = word.lower()  # wordfreq folds case the same way; other spellings are not in the tables
        if not is_plain(word):
            return 0.0
    return _rounded_table()[french().code(word) & CB_MASK]


@lru_cache(maxsize=200_000)
def is_word(word: str) -> bool:
    """True when ``word`` (any case) is a known French form (cached: rules ask about the same words often).

    >>> is_word("administration"), is_word("adminis")
    (True, False)
    """
    return french().is_word(word.lower())


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in French (0 when unknown; cached).

    >>> zipf("première") > zipf("premiere")
    True
    """
    return french().zipf(word.lower())
