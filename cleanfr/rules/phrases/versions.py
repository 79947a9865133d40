"""Version numbers that machine translation localised as decimals: ``PowerShell 2,0`` → ``PowerShell 2.0``.

French writes a decimal with a comma, so MT systems turn ``2.0`` into ``2,0`` everywhere; a version number
keeps its dots in French too (``Windows PowerShell 2.0``, ``POSIX 1003.2``). A number is read as a version
only after the name of a product or standard: a name of ``data/product_names.txt`` (``Windows``,
``Python``, ``Framework``), or one written in CamelCase (``PowerShell``) or in capitals (``POSIX``), with
no unit or percent after it (``le PIB 2,1 %`` is a decimal).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ... import tables
from ...document import Document
from ...edits import Edit
from . import PhraseRule, scan
from ._matcher import Hit

#: ``N,M`` (and ``N,M,P``): one or two digits after each comma, as versions have; looked for only where the
#: pass's scan found a digit, a comma and a digit (the ``decimal`` triggers), much rarer than words.
_NUMBER = regex.compile(r"(?<![\p{N},.])[0-9]{1,4}(?:,[0-9]{1,2})++(?![\p{N},]|[.,]\d)")
_DIGITS = "0123456789"
#: The name just before the number, one space between.
_NAME_BEFORE = regex.compile(r"(?<![\p{L}\p{N}_.-])(\p{L}[\p{L}\p{N}]*+)[ \u00a0]$")
#: A unit, percent or quantity after the number makes it a decimal (``2,5 %``, ``1,5 million``).
_UNIT_AFTER = regex.compile(
    r"[ \u00a0\u202f]{0,3}(?:%|‰|€|\$|£|°|(?i:km|m|cm|mm|kg|g|mg|l|ml|ms|s|h|min|Mo|Go|Ko|To|Mbit|Gbit|GHz|MHz|kHz|Hz|"
    r"V|W|kW|A|mA|millions?|milliards?|fois|points?|pour|euros?|dollars?|francs?|ans?|mois|jours?|heures?)\b)"
)
#: The stated confidence of a repaired version number.
VERSION_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def product_names() -> frozenset[str]:
    return tables.words("product_names.txt")


def names_a_product(word: str) -> bool:
    """``PowerShell``, ``POSIX``, ``Windows``: a name a version number follows.

    >>> [names_a_product(w) for w in ("PowerShell", "POSIX", "Windows", "Article", "PIB2", "le")]
    [True, True, True, False, True, False]
    """
    if word in product_names():
        return True
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    # CamelCase (a capital after a lower-case letter) or capitals only (two letters at least)
    camel = any(a.islower() and b.isupper() for a, b in zip(word, word[1:]))
    return camel or (capitals == len(letters) >= 2)


def _numbers(text: str, hits: Iterable[Hit]) -> Iterator[regex.Match[str]]:
    """The :data:`_NUMBER` matches of ``text``, each tried from the start of the digits before a trigger."""
    done = -1
    for hit in hits:
        if hit.start < done:
            continue
        start = hit.start
        while start > 0 and text[start - 1] in _DIGITS:
            start -= 1
        m = _NUMBER.match(text, start)
        if m is not None:
            done = m.end()
            yield m


class LocalisedVersion(PhraseRule):
    """Restore the dots of a version number that machine translation wrote with a decimal comma.

    Example: ``introduite dans Windows PowerShell 2,0`` → ``introduite dans Windows PowerShell 2.0``;
    ``POSIX 1003,2`` → ``POSIX 1003.2``. Left alone: ``le PIB 2,1 %``, ``Article 48,2``, ``3,5 millions``, prices (``LOUÉE 35,00``).
    """

    id = "localised-version"
    category = "mt_residue"
    description = "numéro de version écrit comme un décimal par la traduction (PowerShell 2,0 → 2.0)"

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        return ((f"decimal:{a},{b}", f"{a},{b}") for a in _DIGITS for b in _DIGITS)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        if "," not in text:
            return
        for m in _numbers(text, scan(doc).get("decimal", ())):
            number = m.group()
            before = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is None or not names_a_product(name := before.group(1)):
                continue
            if _UNIT_AFTER.match(text, m.end()) or number.endswith(",00"):
                continue  # a quantity or a price (35,00), not a version
            yield self.edit(
                doc,
                m.start(),
                m.end(),
                number.replace(",", "."),
                VERSION_CONFIDENCE,
                f"numéro de version localisé : « {name} {number} » → « {name} {number.replace(',', '.')} »",
            )
