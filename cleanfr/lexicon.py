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
  - ``forms``: the underlying ``frozenset`` of lower-cased forms (for bulk membership tests).

- :func:`doc_vocabulary` → ``collections.Counter`` of the document's word tokens *as written* (case kept),
  computed once per document through ``doc.memo``. Rules use it to recognise names seen intact elsewhere in the
  same text (``Lavrov`` makes ``Lavrovau`` split as ``Lavrov au``).
- :func:`fold` → the lookup key of a word (lower case, ’ → ').

>>> lex = french()
>>> lex.is_word("cousaient"), lex.is_word("Cousaient"), lex.is_word("quil")
(True, True, False)
>>> lex.zipf("de") > 7 > lex.zipf("additionnel") > 0.0 == lex.zipf("additionnelplus")
True
"""

from __future__ import annotations

import lzma
import math
from collections import Counter
from functools import lru_cache
from importlib import resources

from .document import Document
from .tokens import WORD

__all__ = ["Lexicon", "french", "doc_vocabulary", "fold"]


def fold(word: str) -> str:
    """The lookup key of a word: lower case, typographic apostrophe as '.

    >>> fold("Aujourd’Hui")
    "aujourd'hui"
    """
    return word.replace("\u2019", "'").lower()


class Lexicon:
    """Word frequencies plus a full-form lexicon; build it with :func:`french`."""

    __slots__ = ("forms", "_freq")

    def __init__(self, forms: frozenset[str], freq: dict[str, float]) -> None:
        self.forms = forms
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


def _load_forms() -> frozenset[str]:
    data = resources.files("cleanfr").joinpath("data/lexicon/fr_forms.txt.xz").read_bytes()
    return frozenset(lzma.decompress(data).decode("utf-8").split())


@lru_cache(maxsize=1)
def french() -> Lexicon:
    """The French lexicon, loaded once per process (wordfreq ``fr`` large list + shipped full forms)."""
    import wordfreq

    return Lexicon(_load_forms(), wordfreq.get_frequency_dict("fr", "large"))


def _vocabulary(doc: Document) -> Counter:
    # Counting blank-separated chunks first, then splitting each distinct chunk, is twice as fast as
    # running the word regex over the whole text: most chunks repeat.
    vocab: Counter = Counter()
    for chunk, n in Counter(doc.text.split()).items():
        for word in WORD.findall(chunk):
            vocab[word] += n
    return vocab


def doc_vocabulary(doc: Document) -> Counter:
    """Word tokens of ``doc`` as written (case kept), with their counts; computed once per document.

    >>> doc_vocabulary(Document("Lavrov a dit. Sergueï Lavrovau sommet."))["Lavrov"]
    1
    """
    return doc.memo("lexicon.vocabulary", _vocabulary)
