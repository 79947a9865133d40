"""Shared machinery of the phrase pass: folded matching, pattern expansion, inflection, gender lexicon.

Calque tables describe French phrases with a small pattern language, expanded once into every surface
form and compiled into one Aho–Corasick automaton over the *folded* text (lower case, ’ → ', same
length as the original, so offsets carry over):

- ``{coup|coups}``: alternatives; the replacement's n-th ``{…}`` group takes the alternative of the
  same index as the pattern's n-th group (``{frappe|frappes}``), which carries number and gender;
- ``<prendre>``: any simple form of the verb, or ``avoir``/``être`` + its past participle; in the
  replacement, ``<avoir>`` becomes the form with the same tense and person (``a pris`` → ``a eu``).

>>> m = PhraseMatcher([("e1", "{coup|coups} d'{état|etat}")])
>>> [(h.start, h.end, h.key) for h in m.find(fold("Ce coup d’État a eu lieu"))]
[(3, 14, 'e1')]
>>> render("{frappe|frappes}", m.find(fold("ces coups d'État"))[0].choices)
'frappes'
"""

from __future__ import annotations

import itertools
import operator
import os
import unicodedata
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

import ahocorasick
import regex

from .lexicon.forms import french_zipf_frequency
from .lexicon.gender import adjective_feminines, conjugate, participle, verb_forms

if TYPE_CHECKING:
    from .document import Document


_TOKEN = regex.compile(r"\{[^{}]*\}|<[^<>]+>|\$\d|[^{}<>$]+|\$")
#: A pattern without slots: literal text only (foreign words, fixed phrases).
_PLAIN_PATTERN = regex.compile(r"[^{}<>$]+\Z")

#: Tense/person tags kept when a verb form is mapped to another verb (hunspell ``po:`` tags).
AUXILIARIES = ("avoir", "être")


def fold(text: str) -> str:
    """Lower case with ’ → ', keeping the length (so offsets in the folded text are offsets in ``text``).

    >>> fold("Coup d’État")
    "coup d'état"
    """
    low = text.lower()
    if len(low) != len(text):  # a rare character (İ) lower-cases to two code points: keep its first one
        low = text.replace("\u0130", "i").lower()  # U+0130 is the only such character
    return low.replace("\u2019", "'")


def is_word_char(c: str) -> bool:
    """A letter, digit or combining mark (the characters that glue to a word)."""
    return c.isalnum() or bool(c) and unicodedata.category(c)[0] == "M"


# ---------------------------------------------------------------- pattern expansion and matching


@dataclass(frozen=True)
class Choice:
    """What one slot of a pattern matched: an alternative index, or a verb form (with an auxiliary)."""

    index: int = 0
    tags: frozenset[str] = frozenset()
    auxiliary: str = ""


@lru_cache(maxsize=None)
def _slot(token: str) -> tuple[tuple[str, ...], tuple[Choice, ...] | None]:
    """The folded surfaces one token of a pattern stands for, and their choices (None for literal text).

    Cached by token: ``<avoir>`` or ``{le|la}`` recur across patterns and tables.
    """
    if token.startswith("{"):
        alternatives = token[1:-1].split("|")
        return tuple(fold(alt) for alt in alternatives), tuple(Choice(i) for i in range(len(alternatives)))
    if token.startswith("<"):
        lemma = token[1:-1]
        options = [(fold(form), Choice(0, tags)) for form, tags in verb_forms(lemma)]
        pp = participle(lemma)
        for aux in AUXILIARIES:
            for form, tags in verb_forms(aux):
                if "ppas" not in tags and "ppre" not in tags:
                    options.append((f"{form} {pp}", Choice(0, tags, aux)))
        return tuple(o[0] for o in options), tuple(o[1] for o in options)
    return (fold(token),), None


def _slots(pattern: str) -> list[tuple[tuple[str, ...], tuple[Choice, ...] | None]]:
    return [_slot(token) for token in _TOKEN.findall(pattern)]


def _surfaces(slots: list[tuple[tuple[str, ...], tuple[Choice, ...] | None]]) -> Iterator[str]:
    """Every surface of a pattern, in :func:`itertools.product` order (joined in C)."""
    return map("".join, itertools.product(*[surfaces for surfaces, _ in slots]))


def _choice_lists(slots: list[tuple[tuple[str, ...], tuple[Choice, ...] | None]]) -> tuple[tuple[Choice, ...], ...]:
    """The choices of the slots that have some (literal text has none)."""
    return tuple(choices for _, choices in slots if choices is not None)


def expand(pattern: str) -> list[tuple[str, tuple[Choice, ...]]]:
    """Every folded surface form of a pattern with the choices that produced it.

    >>> [s for s, _ in expand("le {mardi|lundi} passé")]
    ['le mardi passé', 'le lundi passé']
    """
    slots = _slots(pattern)
    return list(zip(_surfaces(slots), itertools.product(*_choice_lists(slots))))


def _nth_choices(n: int, lists: tuple[tuple[Choice, ...], ...]) -> tuple[Choice, ...]:
    """The ``n``-th element of ``itertools.product(*lists)``, computed (mixed radix, last list fastest)."""
    out = []
    for options in reversed(lists):
        n, i = divmod(n, len(options))
        out.append(options[i])
    return tuple(reversed(out))


def render(template: str, choices: Sequence[Choice], pattern: str = "") -> str:
    """The replacement for a match: the n-th slot (``{…}``, ``<…>`` or ``$N``) follows the n-th choice
    of the match; ``$N`` copies the alternative the pattern's N-th slot matched.

    >>> render("<avoir> lieu", [Choice(0, frozenset({"ipre", "3sg"}), "avoir")])
    'a eu lieu'
    >>> render("$2 dernier", [Choice(0), Choice(1)], "{le|ce} {lundi|mardi} passé")
    'mardi dernier'
    """
    out = []
    i = 0
    pattern_slots = [t for t in _TOKEN.findall(pattern) if t[0] in "{<"] if "$" in template else []
    for token in _TOKEN.findall(template):
        if token[0] == "$" and len(token) == 2:
            n = int(token[1]) - 1
            slot = pattern_slots[n]
            out.append(render(slot, [choices[n]]))
            i += 1
            continue
        choice = choices[i] if i < len(choices) else Choice()
        if token.startswith("{"):
            alts = token[1:-1].split("|")
            out.append(alts[min(choice.index, len(alts) - 1)])
            i += 1
        elif token.startswith("<"):
            lemma = token[1:-1]
            if choice.auxiliary:
                out.append(f"{conjugate(choice.auxiliary, choice.tags)} {participle(lemma)}")
            elif choice.tags:
                out.append(conjugate(lemma, choice.tags))
            else:
                out.append(lemma)
            i += 1
        else:
            out.append(token)
    return "".join(out)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: str
    choices: tuple[Choice, ...]


class PhraseMatcher:
    """All patterns of a table in one Aho–Corasick automaton; hits must fall on word boundaries.

    The automaton stores an int per surface (no Python object); which pattern and which combination of its
    slots a surface stands for is kept in arrays, and the choices are rebuilt only for the hits.
    """

    def __init__(self, patterns: Iterable[tuple[str, str]]) -> None:
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._patterns: list[tuple[str, tuple[tuple[Choice, ...], ...]]] = []
        # Surface number i (all patterns' surfaces in order) comes from pattern _pattern_of[i], combination
        # _combo_of[i] of its slots; the automaton holds the first number of each distinct surface.
        self._pattern_of = array("L")
        self._combo_of = array("L")
        surfaces: list[str] = []
        for p, (key, pattern) in enumerate(patterns):
            if _PLAIN_PATTERN.match(pattern):  # a plain word or phrase (most entries): one surface, no choice
                self._patterns.append((key, ()))
                surfaces.append(fold(pattern))
                self._pattern_of.append(p)
                self._combo_of.append(0)
                continue
            slots = _slots(pattern)
            self._patterns.append((key, _choice_lists(slots)))
            count = len(surfaces)
            surfaces.extend(_surfaces(slots))
            count = len(surfaces) - count
            self._pattern_of.extend(itertools.repeat(p, count))
            self._combo_of.extend(range(count))
        n = len(surfaces)
        first = dict(zip(reversed(surfaces), range(n - 1, -1, -1)))
        self._lengths = array("H", map(len, surfaces))
        self._more: dict[int, list[int]] = {}  # a surface several patterns or combinations share
        if len(first) < n:
            for i in itertools.compress(range(n), map(operator.ne, range(n), map(first.__getitem__, surfaces))):
                self._more.setdefault(first[surfaces[i]], []).append(i)
        add = self._automaton.add_word
        for surface, i in first.items():
            add(surface, i)
        self.size = len(first)
        if first:
            self._automaton.make_automaton()

    def find(self, folded: str) -> list[Hit]:
        """Every hit in ``folded`` (see :func:`fold`), by position, longest first; callers pick among overlaps
        (a longer hit whose context fails leaves room for a shorter one)."""
        if not self.size:
            return []
        hits: list[Hit] = []
        n = len(folded)
        append = hits.append
        lengths, patterns, more = self._lengths, self._patterns, self._more
        pattern_of, combo_of = self._pattern_of, self._combo_of
        for end_index, sid in self._automaton.iter(folded):
            end = end_index + 1
            start = end - lengths[sid]
            if start > 0:
                before = folded[start - 1]
                if before.isalnum() or before == "-" and is_word_char(folded[start]) or is_word_char(before):
                    continue
            if end < n and is_word_char(folded[end]) and is_word_char(folded[end - 1]):
                continue
            for i in (sid, *more[sid]) if sid in more else (sid,):
                key, lists = patterns[pattern_of[i]]
                append(Hit(start, end, key, _nth_choices(combo_of[i], lists)))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return hits


# ---------------------------------------------------------------- context helpers

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

#: Singular determiners by (folded form) → (gender, masculine form, feminine form).
DETERMINERS: dict[str, tuple[str, str, str]] = {
    "un": ("m", "un", "une"),
    "une": ("f", "un", "une"),
    "le": ("m", "le", "la"),
    "la": ("f", "le", "la"),
    "ce": ("m", "ce", "cette"),
    "cet": ("m", "cet", "cette"),
    "cette": ("f", "ce", "cette"),
    "mon": ("m", "mon", "ma"),
    "ma": ("f", "mon", "ma"),
    "ton": ("m", "ton", "ta"),
    "ta": ("f", "ton", "ta"),
    "son": ("m", "son", "sa"),
    "sa": ("f", "son", "sa"),
    "du": ("m", "du", "de la"),
    "au": ("m", "au", "à la"),
    "quel": ("m", "quel", "quelle"),
    "quelle": ("f", "quel", "quelle"),
    "aucun": ("m", "aucun", "aucune"),
    "aucune": ("f", "aucun", "aucune"),
}

_VOWEL_START = regex.compile(r"^[aeiouyàâäéèêëîïôöùûüœæ]", regex.IGNORECASE)


def starts_with_vowel(word: str) -> bool:
    return bool(_VOWEL_START.match(word))


def determiner_for(det: str, gender: str, noun: str) -> str | None:
    """The form of determiner ``det`` for a noun of ``gender`` (``m``/``f``), or None when unsure.

    >>> determiner_for("Ce", "f", "frappe"), determiner_for("une", "m", "avion"), determiner_for("la", "m", "été")
    ('Cette', 'un', None)
    """
    entry = DETERMINERS.get(fold(det))
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

    >>> feminine_of("lancé"), feminine_of("multipliés", plural=True), feminine_of("ici")
    ('lancée', 'multipliées', None)
    """
    low = word.lower()
    fem_map = adjective_feminines()
    if plural and low.endswith(("s", "x")) and low not in fem_map:
        base = low[:-1]
        candidates = [fem_map[base] + "s"] if base in fem_map else [base + "es", low + "es"]
    else:
        candidates = [fem_map[low]] if low in fem_map else [low + "e"]
    best = max(candidates, key=_zipf_fr)
    if best not in fem_map.values() and _zipf_fr(best) < 1.5 or best == low:
        return None
    return transfer_case(word, best)


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
    low = fold(word_part)
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


# ---------------------------------------------------------------- one scan for the whole phrase pass


def scan(doc: "Document") -> dict[str, list[Hit]]:
    """Hits of every phrase-pass table in ``doc``, by kind (``calque``, ``residue``, ``foreign``, ``det``).

    All tables share one automaton, so the text is read once for the whole pass (memoised per document).
    """
    return doc.memo("phrases.scan", _scan)


def folded_text(doc: "Document") -> str:
    """:func:`fold` of the document, computed once per pass."""
    return doc.memo("phrases.fold", lambda d: fold(d.text))


def _scan(doc: "Document") -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = defaultdict(list)
    folded = folded_text(doc)
    for hit in _matcher_for(folded).find(folded):
        kind, _, key = hit.key.partition(":")
        out[kind].append(Hit(hit.start, hit.end, key, hit.choices))
    return out


def _shared_patterns() -> Iterator[tuple[str, str]]:
    from .rules import agreement, calques, residue

    return itertools.chain(calques.scan_patterns(), residue.scan_patterns(), agreement.scan_patterns())


@lru_cache(maxsize=1)
def shared_matcher() -> PhraseMatcher:
    """The automaton of the calque tables, the residue table, foreign words and determiners."""
    return PhraseMatcher(_shared_patterns())


#: A text this short is scanned by an automaton of the patterns it can hold (see :func:`_matcher_for`) …
SMALL_TEXT = 20_000
#: … for the first documents of a process only: then the shared automaton is built once for all.
SMALL_DOCS = 20
_small_scans = 0


def _matcher_for(folded: str) -> PhraseMatcher:
    """The shared automaton, or, for the first few short texts of a process, one made of the patterns whose
    every slot has an alternative inside ``folded`` (any match contains one alternative of each slot, so no
    other pattern can match: the hits are the same). Building the shared automaton costs about 0.1 s, most
    of a one-sentence ``cleanfr fix``; after :data:`SMALL_DOCS` documents it is built and used for all."""
    global _small_scans
    if shared_matcher.cache_info().currsize or len(folded) > SMALL_TEXT or _small_scans >= SMALL_DOCS:
        return shared_matcher()
    if not _small_scans and hasattr(os, "register_at_fork"):
        # A process that forks workers (``--jobs``) builds the shared automaton first: they share it.
        os.register_at_fork(before=shared_matcher)
    _small_scans += 1
    return PhraseMatcher((key, pattern) for key, pattern, slots in _gates() if _possible(slots, folded))


@lru_cache(maxsize=1)
def _gates() -> list[tuple[str, str, tuple[tuple[str, ...] | str, ...]]]:
    """Every shared pattern with its slots for :func:`_possible`, literal text first (the cheapest test, and the
    one that rules most patterns out): a literal or ``{…}`` slot as its folded alternatives, a verb slot as its
    lemma (expanded only if the other slots pass)."""
    out: list[tuple[str, str, tuple[tuple[str, ...] | str, ...]]] = []
    for key, pattern in _shared_patterns():
        if _PLAIN_PATTERN.match(pattern):
            out.append((key, pattern, ((fold(pattern),),)))
            continue
        tokens = _TOKEN.findall(pattern)
        literal = [_slot(t)[0] for t in tokens if t[0] not in "{<"]
        alternatives = [_slot(t)[0] for t in tokens if t[0] == "{"]
        verbs = [t for t in tokens if t[0] == "<"]
        out.append((key, pattern, (*literal, *alternatives, *verbs)))
    return out


def _possible(slots: tuple[tuple[str, ...] | str, ...], folded: str) -> bool:
    """Whether every slot has an alternative in ``folded`` (a necessary condition of a match)."""
    for slot in slots:
        if isinstance(slot, str):  # a verb slot, expanded on demand
            slot = _slot(slot)[0]
        if not any(alternative in folded for alternative in slot):
            return False
    return True
