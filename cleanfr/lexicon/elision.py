"""Elision grammar: which words take an elided article (vowel, h muet) and which do not (h aspiré, ``onze``,
``oui``, ``yaourt``: ``cleanfr/data/h_aspire.txt``); tokens that read as a lost elision (``na`` → ``n'a``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import tables
from .forms import lookup_key

__all__ = ["HomographContext", "elided_homographs", "no_elision", "takes_elision"]


_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")
#: The only y-words that take elision (``j’y``, ``d’yeux``); ``le yaourt``, ``le yoga`` do not.
_Y_ELIDING = frozenset({"y", "yeux"})


@lru_cache(maxsize=1)
def _no_elision() -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact entries and ``prefix*`` entries of the h-aspiré table."""
    exact: set[str] = set()
    prefixes: list[str] = []
    for row in tables.read_rows("h_aspire.txt"):
        entry = row[0].strip()
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
    w = lookup_key(word)
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


@dataclass(frozen=True)
class HomographContext:
    """Where a homograph reads as an elision: the next word or the previous one is among ``next``/``prev``
    (words, or the classes ``@verb``, ``@participle``, ``@nominal``), and the previous one is not among
    ``notprev`` (``pleine lune``, ``haute dune``)."""

    next: frozenset[str] = frozenset()
    prev: frozenset[str] = frozenset()
    notprev: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def elided_homographs() -> dict[str, tuple[str, str, HomographContext | None]]:
    """``cleanfr/data/lexicon/elided_homographs.tsv``: token → (prefix, rest, context).

    The context is None when any following word will do (``na``).
    """
    table = {}
    for row in tables.read_rows("lexicon/elided_homographs.tsv", columns=3):
        token, repair, context = row[:3]
        prefix, rest = repair.split("'", 1)
        sides: dict[str, frozenset[str]] = {}
        if context != "word":
            for part in context.split(";"):
                side, words = part.split("=", 1)
                sides[side] = frozenset(words.split(","))
        table[token] = (prefix, rest, None if context == "word" else HomographContext(**sides))
    return table
