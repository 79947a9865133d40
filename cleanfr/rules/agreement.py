"""Determiner–noun gender agreement, from a noun-gender lexicon generated from Dicollecte (hunspell-fr).

Machine translation from a language with other genders (or none) leaves ``un doctrine``, ``une
problème``, ``le voiture``. Only a singular determiner directly followed by a lower-case noun whose
gender is certain is corrected: epicene and double-gender nouns (``après-midi``, ``livre``, ``tour``),
spellings that are also adjectives or (after ``le``/``la``/``ce``) verb forms, ``le``/``la`` after a
subject or object pronoun (``je la ferme``), ``la une``, ``l'un``, ``le la`` (the note), elisions
(``le avion`` is left to the elision rules) and names are skipped.
"""

from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..edits import Edit
from functools import lru_cache

import wordfreq

from ..phrases import DETERMINERS, determiner_for, fold, load_toml, nouns
from . import Rule

_DET_NOUN = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’\-_./@#])"
    r"(?i:(un|une|le|la|ce|cet|cette|mon|ma|ton|ta|son|sa|du|au))"
    r"([ \u00a0\u202f])"
    r"(\p{Ll}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)"
    r"(?![\p{L}\p{M}\p{N}'’\-_/@])"
)

#: Words after which ``le``/``la`` (and ``son``) are pronouns or not determiners of the next word.
_PRONOUN_CONTEXT = frozenset(
    "je j tu il elle on nous vous ils elles ne n me m te t se s lui leur y en qui que qu "
    "le la les un une du au ce cet cette son sa mon ma ton ta".split()
)
_PREV_WORD = regex.compile(r"([\p{L}\p{M}]+)['’]?[ \u00a0\u202f]*$")
_TECH_LINE = regex.compile(r"[{}<>=|\\]|--|\(\d\)|\w/\w|\.\w+\(")


@lru_cache(maxsize=1)
def _exceptions() -> frozenset[str]:
    data = load_toml("gender", "exceptions.toml")
    return frozenset(w for words in data.values() for w in words)


@lru_cache(maxsize=4096)
def _english_loan(word: str) -> bool:
    """``socket``, ``escape``, ``game``: English words whose French gender varies between writers."""
    return wordfreq.zipf_frequency(word, "en") > wordfreq.zipf_frequency(word, "fr") + 0.3


_NEXT_WORD = regex.compile(r"[ \u00a0\u202f]+(\p{Ll}[\p{L}\p{M}]*)")


class DeterminerGender(Rule):
    """Determiner whose gender contradicts the noun after it: ``un doctrine`` → ``une doctrine``.

    Example: ``Poutine a approuvé un doctrine militaire`` → ``… une doctrine militaire``; ``une
    problème`` → ``un problème``. ``un après-midi``, ``je la ferme`` and ``donner le la`` stay.
    """

    id = "determiner-gender"
    category = "agreement"
    pass_name = "phrases"
    description = "genre du déterminant contraire à celui du nom (un doctrine → une doctrine)"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        lex = nouns()
        for m in _DET_NOUN.finditer(text):
            det, noun = m.group(1), m.group(3)
            info = lex.get(noun)
            if info is None:
                continue
            gender, other = info
            det_low = det.lower()
            if gender not in ("m", "f") or DETERMINERS[det_low][0] == gender:
                continue
            if "a" in other or "w" in other or (other and det_low not in ("un", "une")):
                continue  # also an adjective, pronoun, or (after le/la/ce…) a verb form: ambiguous
            if not det.islower() and not det.istitle():
                continue  # LE VOITURE: capitals are headings or acronyms
            if len(noun) < 3 or noun in _exceptions() or _english_loan(noun):
                continue
            following = _NEXT_WORD.match(text, m.end())
            if following and lex.get(following.group(1), ("", "a"))[0] == DETERMINERS[det_low][0] and not lex[following.group(1)][1]:
                continue  # noun + noun compound written without hyphen (« du télé crochet »)
            prev = _PREV_WORD.search(text, max(0, m.start() - 30), m.start())
            prev_word = fold(prev.group(1)) if prev else ""
            if det_low != "un" and det_low != "une" and prev_word in _PRONOUN_CONTEXT:
                continue
            if det_low == "une" and prev_word in ("la", "à"):
                continue  # la une (front page)
            if det_low in ("un", "une") and prev_word in ("l", "chacun", "article", "numéro", "chapitre", "page", "titre"):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if _TECH_LINE.search(text, line_start, len(text) if line_end < 0 else line_end):
                continue
            new = determiner_for(det, gender, noun)
            if new is None or new == det:
                continue
            genre = "féminin" if gender == "f" else "masculin"
            confidence = 0.9 if not other else 0.85
            yield self.edit(
                doc, m.start(1), m.end(1), new, confidence,
                f"accord du déterminant : « {det} {noun} » → « {new} {noun} » ({noun} est {genre})",
            )
