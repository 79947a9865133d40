"""French the phrase rules need around a replacement: quotation context, case, and determiner grammar
(gender of determiners, elision before a vowel, feminine of adjectives and participles).

>>> rejoin("Ce ", "f", "frappe"), determiner_for("une", "m", "avion")
('Cette ', 'un')
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ... import tables
from ...lexicon.forms import french_zipf_frequency, is_word
from ...lexicon.gender import adjective_feminines
from ._matcher import fold_keeping_offsets

_OPEN_QUOTES = "«“\"‹„'*_"
_CLOSE_QUOTES = "»”\"›“'*_"
_SPACES = " \u00a0\u202f\t"


def directly_quoted(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is wrapped in quotes or italics markers: ``un « coup d'État » institutionnel``."""
    i = start - 1
    while i >= 0 and text[i] in _SPACES:
        i -= 1
    j = end
    while j < len(text) and text[j] in _SPACES:
        j += 1
    return i >= 0 and j < len(text) and text[i] in _OPEN_QUOTES and text[j] in _CLOSE_QUOTES


def inside_quotation(text: str, start: int) -> bool:
    """True when an opening « or “ before ``start`` in the same paragraph is not closed before it."""
    para = text.rfind("\n", 0, start) + 1
    segment = text[para:start]
    return segment.count("«") > segment.count("»") or segment.count("“") > segment.count("”")


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph in scraped text) holding ``[start, end)``."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b < 0 else b


def transfer_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of ``source`` (initial capital or all capitals).

    >>> transfer_case("Ce coup", "cette frappe")
    'Cette frappe'
    """
    letters = [c for c in source if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if source[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# ---------------------------------------------------------------- determiners and gender

#: Singular determiners by (folded form) → (gender, masculine form, feminine form), from
#: ``cleanfr/data/phrases/determiners.tsv``: read on import, as the rules that ask about them build their
#: token sets from it then (twenty rows).
DETERMINERS: dict[str, tuple[str, str, str]] = {
    row[0]: (row[1], row[2], row[3]) for row in tables.rows("phrases/determiners.tsv", 4)
}

_VOWEL_START = regex.compile(r"^[aeiouyàâäéèêëîïôöùûüœæ]", regex.IGNORECASE)


def starts_with_vowel(word: str) -> bool:
    return bool(_VOWEL_START.match(word))


def determiner_for(det: str, gender: str, noun: str) -> str | None:
    """The form of determiner ``det`` for a noun of ``gender`` (``m``/``f``), or None when unsure.

    >>> determiner_for("Ce", "f", "frappe"), determiner_for("une", "m", "avion"), determiner_for("la", "m", "été")
    ('Cette', 'un', None)
    """
    entry = DETERMINERS.get(fold_keeping_offsets(det))
    if entry is None:
        return None
    _, masc, fem = entry
    vowel = starts_with_vowel(noun)
    if noun[:1].lower() == "h":
        if masc in ("le", "ce", "du", "au") or fem in ("la", "ma", "ta", "sa"):
            return None  # h muet or aspiré: elision unknown
    if gender == "m":
        form = masc
        if form == "ce" and vowel:
            form = "cet"
        if form in ("le", "du", "au") and vowel:
            return None  # would need an elision (l'), left to the elision rules
    else:
        form = fem
        if vowel and form in ("la", "de la", "à la", "ma", "ta", "sa"):
            return None  # l'/mon before a vowel: elision, not gender
    return transfer_case(det, form)


def feminine_of(word: str, plural: bool = False) -> str | None:
    """Feminine of a masculine adjective or past participle (``lancé`` → ``lancée``, ``pris`` → ``prises``).

    Participles are made regularly and kept only when the feminine form is a common French word.

    >>> feminine_of("lancé"), feminine_of("multipliés", plural=True), feminine_of("municipaux", True), feminine_of("ici")
    ('lancée', 'multipliées', 'municipales', None)
    """
    low = word.lower()
    fem_map = adjective_feminines()
    if plural and low.endswith(("s", "x")) and low not in fem_map:
        base = low[:-3] + "al" if low.endswith("aux") and low[:-3] + "al" in fem_map else low[:-1]  # municipaux
        candidates = [fem_map[base] + "s"] if base in fem_map else [base + "es", low + "es"]
    else:
        candidates = [fem_map[low]] if low in fem_map else [low + "e"]
    best = max(candidates, key=_zipf_fr)
    if best not in fem_map.values() and _zipf_fr(best) < 1.5 or best == low:
        return None
    return transfer_case(word, best)


def masculine_of(word: str, plural: bool = False) -> str | None:
    """Masculine of a feminine adjective or past participle (``suspendue`` → ``suspendu``, ``prises`` →
    ``pris``): the form whose feminine (:func:`feminine_of`) is ``word``.

    >>> masculine_of("suspendue"), masculine_of("lancées", plural=True), masculine_of("active"), masculine_of("rouge")
    ('suspendu', 'lancés', 'actif', None)
    """
    low = word.lower()
    stem = low[:-1] if plural and low.endswith("s") else low
    if not stem.endswith("e"):
        return None
    suffix = "s" if plural and low.endswith("s") else ""
    candidates = [m + suffix for m in masculines_by_feminine().get(stem, ())] or [stem[:-1] + suffix]
    for candidate in candidates:
        if is_word(candidate) and _zipf_fr(candidate) >= 1.5 and feminine_of(candidate, plural) == low:
            return transfer_case(word, candidate)
    return None


@lru_cache(maxsize=1)
def masculines_by_feminine() -> dict[str, list[str]]:
    """Feminine singular adjective → its masculine forms (``active`` → ``actif``): the adjective table read
    backwards."""
    out: dict[str, list[str]] = {}
    for masculine, feminine in adjective_feminines().items():
        out.setdefault(feminine, []).append(masculine)
    return out


@lru_cache(maxsize=4096)
def _zipf_fr(word: str) -> float:
    return french_zipf_frequency(word)


_ELIDED = {"l": ("le", "la"), "d": ("de", "de"), "qu": ("que", "que"), "j": ("je", "je"), "s": ("se", "se")}
_ELIDABLE = {"le": "l", "la": "l", "de": "d", "que": "qu", "je": "j", "se": "s", "ne": "n", "me": "m", "te": "t"}


def rejoin(prefix: str, gender: str, word: str, apostrophe: str = "'") -> str | None:
    """The word before a replaced noun, made to fit it: elision, gender, ``cet``; None when unsure.

    ``prefix`` is the previous word with what separates it (``"Ce "``, ``"l'"``, ``"de "``).

    >>> rejoin("Ce ", "f", "frappe"), rejoin("l'", "m", "bilan"), rejoin("le ", "m", "engagement"), rejoin("de ", "", "élite")
    ('Cette ', 'le ', "l'", "d'")
    """
    word_part = prefix.rstrip(" \u00a0\u202f'’")
    sep = prefix[len(word_part) :]
    low = fold_keeping_offsets(word_part)
    vowel = starts_with_vowel(word)
    if word[:1].lower() == "h":
        return None if low in _ELIDED or low in _ELIDABLE or low in ("ce", "cet", "du", "au") else prefix
    if sep and sep[-1] in "'’":  # elided article or preposition before the old word
        if vowel:
            return prefix
        forms = _ELIDED.get(low)
        if forms is None:
            return None
        if forms[0] != forms[1] and gender not in ("m", "f"):
            return None
        new = forms[0] if gender != "f" else forms[1]
        return transfer_case(word_part, new) + " "
    if vowel and low in _ELIDABLE:
        return transfer_case(word_part, _ELIDABLE[low]) + apostrophe
    if vowel and low in ("du", "au"):
        return transfer_case(word_part, {"du": "de l", "au": "à l"}[low]) + apostrophe
    if gender in ("m", "f") and low in DETERMINERS:
        det = determiner_for(word_part, gender, word)
        return None if det is None else det + sep
    return prefix
