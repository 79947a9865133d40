"""French vocabulary for word-level rules: frequencies, a full-form lexicon, and the document's own words.

Stable API (other rule families rely on it):

- :func:`french` → the cached :class:`Lexicon` (loaded on first call, ~0.5 s, then shared):

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

- :func:`doc_vocabulary` → ``collections.Counter`` of the document's word tokens *as written* (case kept),
  computed once per document through ``doc.memo``. Rules use it to recognise names seen intact elsewhere in the
  same text (``Lavrov`` makes ``Lavrovau`` split as ``Lavrov au``).
- :func:`fold` → the lookup key of a word (lower case, ’ → ').
- :func:`english_zipf` → Zipf frequency of a word in English (wordfreq small list), to leave English alone.
- :func:`takes_elision` → whether a word begins with a sound before which ``le de que…`` elide (vowel or
  h muet; not h aspiré nor ``onze``, ``oui``, ``yaourt``: ``cleanfr/data/h_aspire.txt``).

>>> lex = french()
>>> lex.is_word("cousaient"), lex.is_word("Cousaient"), lex.is_word("quil")
(True, True, False)
>>> lex.zipf("de") > 7 > lex.zipf("additionnel") > 0.0 == lex.zipf("additionnelplus")
True
"""

from __future__ import annotations

import itertools
import lzma
import math
from collections import Counter
from functools import lru_cache
from importlib import resources

from .document import Document
from .tokens import WORD

__all__ = ["Lexicon", "french", "doc_vocabulary", "english_zipf", "fold", "takes_elision"]


def fold(word: str) -> str:
    """The lookup key of a word: lower case, typographic apostrophe as '.

    >>> fold("Aujourd’Hui")
    "aujourd'hui"
    """
    return word.replace("\u2019", "'").lower()


#: The letters an unaccented French letter may stand for when accents are lost.
_ACCENTED = {"a": "aàâ", "e": "eéèêë", "i": "iîï", "o": "oô", "u": "uùûü", "c": "cç", "y": "yÿ"}
_MAX_VARIANTS = 5000


class Lexicon:
    """Word frequencies plus a full-form lexicon; build it with :func:`french`."""

    __slots__ = ("forms", "verbs", "persons", "names", "_freq")

    def __init__(self, forms: frozenset[str], verbs: frozenset[str], persons: frozenset[str],
                 names: frozenset[str], freq: dict[str, float]) -> None:
        self.forms = forms
        self.verbs = verbs
        self.persons = persons
        self.names = names
        self._freq = freq

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 of occurrences per billion words), 0.0 for an unknown word.

        >>> round(french().zipf("Ukraine"), 1) > 4
        True
        """
        f = self._freq.get(fold(word))
        return math.log10(f) + 9.0 if f else 0.0

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is a known French form (case-insensitive).

        >>> french().is_word("instrumentaires"), french().is_word("additionnelplus")
        (True, False)
        """
        return fold(word) in self.forms

    def is_verb(self, word: str) -> bool:
        """Whether ``word`` is a verb form (case-insensitive).

        >>> french().is_verb("aime"), french().is_verb("adam")
        (True, False)
        """
        return fold(word) in self.verbs

    def lost_accents(self, word: str) -> bool:
        """Whether ``word`` is an unknown spelling of a known form without (some of) its accents.

        Tries the accented variants of its vowels and c (at most ``_MAX_VARIANTS``), so no accent-free index
        of the whole lexicon has to be built: rules ask this of a few candidates only.

        >>> french().lost_accents("quotite"), french().lost_accents("quotité"), french().lost_accents("officiellequi")
        (True, False, False)
        """
        w = fold(word)
        if w in self.forms:
            return False
        options = [_ACCENTED.get(c, c) for c in w]
        count = 1
        for o in options:
            count *= len(o)
        if count > _MAX_VARIANTS:
            return False
        return any("".join(v) in self.forms for v in itertools.product(*options))

    def is_name(self, word: str) -> bool:
        """Whether ``word`` is known only as a proper name (person, place, brand).

        >>> french().is_name("rome"), french().is_name("Esméralda"), french().is_name("pomme")
        (True, True, False)
        """
        return fold(word) in self.names

    def is_person(self, word: str) -> bool:
        """Whether ``word`` is a first name or a surname (case-insensitive).

        >>> french().is_person("Esméralda"), french().is_person("Ukraine")
        (True, False)
        """
        return fold(word) in self.persons


def _load_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """All forms, verb forms, person names, all proper names (the shipped file: other forms, verbs, persons,
    other names, split by ``~`` lines)."""
    data = resources.files("cleanfr").joinpath("data/lexicon/fr_forms.txt.xz").read_bytes()
    others, verbs, persons, names = lzma.decompress(data).decode("utf-8").split("\n~\n")
    verb_set = frozenset(verbs.split())
    person_set = frozenset(persons.split())
    name_set = person_set.union(names.split())
    return verb_set.union(others.split(), name_set), verb_set, person_set, name_set


@lru_cache(maxsize=1)
def french() -> Lexicon:
    """The French lexicon, loaded once per process (wordfreq ``fr`` large list + shipped full forms)."""
    import wordfreq

    forms, verbs, persons, names = _load_forms()
    return Lexicon(forms, verbs, persons, names, wordfreq.get_frequency_dict("fr", "large"))


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", "small")


def english_zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English, 0.0 if unknown (loads a small list on first use, ~10 ms).

    >>> english_zipf("men") > 5 > english_zipf("quil") == 0.0
    True
    """
    f = _english().get(fold(word))
    return math.log10(f) + 9.0 if f else 0.0


def _vocabulary(doc: Document) -> Counter:
    # Counting blank-separated chunks first, then splitting each distinct chunk, is twice as fast as
    # running the word regex over the whole text: most chunks repeat.
    vocab: Counter = Counter()
    find = WORD.findall
    for chunk, n in Counter(doc.text.split()).items():
        if chunk.isalpha():  # most chunks are one plain word
            vocab[chunk] += n
        else:
            for word in find(chunk):
                vocab[word] += n
    return vocab


def doc_vocabulary(doc: Document) -> Counter:
    """Word tokens of ``doc`` as written (case kept), with their counts; computed once per document.

    >>> doc_vocabulary(Document("Lavrov a dit. Sergueï Lavrovau sommet."))["Lavrov"]
    1
    """
    return doc.memo("lexicon.vocabulary", _vocabulary)


_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")
#: The only y-words that take elision (``j’y``, ``d’yeux``); ``le yaourt``, ``le yoga`` do not.
_Y_ELIDING = frozenset({"y", "yeux"})


@lru_cache(maxsize=1)
def _no_elision() -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact entries and ``prefix*`` entries of the h-aspiré table."""
    text = resources.files("cleanfr").joinpath("data/h_aspire.txt").read_text("utf-8")
    exact: set[str] = set()
    prefixes: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry = line.split("\t", 1)[0].strip()
        if entry.endswith("*"):
            prefixes.append(entry[:-1])
        else:
            exact.add(entry)
    return frozenset(exact), tuple(prefixes)


def no_elision(word: str) -> bool:
    """Whether ``word`` is in the h-aspiré table (with its plural/feminine, or by a ``prefix*`` entry).

    >>> no_elision("héros"), no_elision("hausses"), no_elision("héroïne")
    (True, True, False)
    """
    w = fold(word)
    exact, prefixes = _no_elision()
    if w in exact or w.startswith(prefixes):
        return True
    for ending in ("s", "x", "e", "es"):
        if w.endswith(ending) and w[: -len(ending)] in exact:
            return True
    return False


def takes_elision(word: str) -> bool:
    """Whether an elidable word (``le``, ``de``, ``que``…) elides before ``word``.

    Capitalised H- and Y-words are names (``Hamas``, ``Yémen``) whose usage varies: no elision.

    >>> [takes_elision(w) for w in ("avion", "Ukraine", "homme", "héros", "onze", "yeux", "yoga", "Hamas", "table")]
    [True, True, True, False, False, True, False, False, False]
    """
    if not word:
        return False
    first = word[0]
    if first in _VOWELS:
        return not no_elision(word)
    if first == "h":
        return len(word) > 1 and not no_elision(word)
    if first == "y":
        return word in _Y_ELIDING
    return False
