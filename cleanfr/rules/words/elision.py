"""Missing elision: ``de une`` → ``d’une``, ``que il`` → ``qu’il``, ``si il`` → ``s’il``, ``le avion`` → ``l’avion``.

One regex over the text finds an elidable word followed by a space and a word that starts with a vowel or
``h``; French text that elides correctly has few such pairs, so the per-match checks cost little.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

from ...document import Document
from ...edits import Edit
from ...lexicon import closed_class, doc_vocabulary, english_zipf, french, takes_elision, word_lists
from ...tokens import Literals, continued_across_break, english_context, is_isolated, previous_word, protected_spans
from .. import Rule

_VOWELS = "aeiouyhàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"


def _elidable() -> list[str]:
    """The elidable words (closed class ``elidable``), longest first, in a fixed order."""
    return sorted(closed_class("elidable"), key=lambda word: (-len(word), word))


@lru_cache(maxsize=1)
def _starts() -> Literals:
    """Every ``word + space + vowel`` in one automaton (a C scan: the candidate starts cost ~0.2 s on 7 MB, where
    one regex scan costs several times more)."""
    # A doubled space too: the typography pass collapses it, and the elision must not wait for a second run.
    keys = (
        form + space + vowel
        for word in _elidable()
        for form in (word, word.capitalize())
        for space in (" ", "\u00a0", "  ")
        for vowel in _VOWELS
    )
    return Literals(list(dict.fromkeys(keys)))  # each once: a key given twice would be reported twice


@lru_cache(maxsize=1)
def _pair() -> regex.Pattern[str]:
    """An elidable word, its blanks, and the word after them that starts with a vowel or h (groups 1 and 2)."""
    return regex.compile(
        r"(?<![\p{L}\p{M}\d'’\-])"
        rf"((?i:{'|'.join(_elidable())}))"
        r"[ \u00a0]+"
        rf"([{_VOWELS}][\p{{L}}\p{{M}}]*(?:['’\-][\p{{L}}\p{{M}}]+)*)"
    )


#: A numeral in a range, a list or alone: ``de un à dix``, ``de une ou deux``, ``de un.`` keep their ``de``.
_RANGE = regex.compile(
    r"(?<![ \u00a0])(?:[ \u00a0]++(?:à|ou|et|sur|an|ans|mois|jours?|semaines?|heures?|minutes?|secondes?|siècles?|mètres?"
    r"|kilomètres?|euros?|francs?|points?|tiers|quart|demi)\b|[ \u00a0]*+[-–.,;:)])"
)
#: A pair written unelided this many times in one document is the document's usage.
DOCUMENT_USAGE = 2

#: Stated confidences. Before a subject pronoun after a conjunction, or an article/pronoun after ``de``, French
#: always elides (``s’il``, ``lorsqu’un``, ``qu’elle``, ``d’une``): the strongest grade. Other small words
#: (``que à``, ``de un``) can be code, a number or a line-broken word in real text (judged: 0.79).
ALWAYS_ELIDED = 0.96
SMALL_WORD = 0.95
#: A common word after ``le``/``la``/``de``/``que``: right about half the time on real text (h aspiré
#: unknown to the table, type names of programming books, OCR fragments).
COMMON_WORD = 0.9
#: A name the lexicon does not know (Uber, Abdel-Fattah): usage varies.
UNKNOWN_NAME = 0.7
#: The rule's word lists (the small words each elidable word takes, the pairs always elided…), each with its
#: reason in the file.
LISTS = "words/elision.toml"


@dataclass(frozen=True)
class _Lists:
    """The lists of :data:`LISTS`, and the words before an object pronoun (the subject pronouns among them)."""

    function: frozenset[str]
    #: Elidable word → the small words of :attr:`function` it elides before.
    function_after: dict[str, frozenset[str]]
    #: Elidable word → the words of the pairs of :data:`ALWAYS_ELIDED`.
    always_elided: dict[str, frozenset[str]]
    function_only: frozenset[str]
    ce_before: frozenset[str]
    pronouns: frozenset[str]
    before_object_pronoun: frozenset[str]
    numerals: frozenset[str]
    before_je_as_noun: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    """Read at the first pair, not at import (the rule modules are imported on start-up)."""
    lists = dict(word_lists(LISTS))
    # The file lists only the words besides the subject pronouns.
    lists["before_object_pronoun"] = closed_class("subject_pronouns") | lists["before_object_pronoun"]
    return _Lists(
        function_after=word_lists(LISTS, "function_after"), always_elided=word_lists(LISTS, "always_elided"), **lists
    )


class MissingElision(Rule):
    """Elide ``de que le la je me te se ne si ce jusque lorsque puisque quoique`` before a vowel or h muet.

    Example: ``il a parlé de une implication`` → ``il a parlé d’une implication``; ``si il`` → ``s’il``.
    Kept as they are: h aspiré (``le héros``, ``la hausse``; table ``cleanfr/data/h_aspire.txt``),
    numerals (``de un à dix``, ``le onze``), a single letter named (``le a``), capitalised small words that
    begin a title (``de Une saison en enfer``), particles of names (``Manoel de Oliveira``), ``la où`` (là où).
    """

    id = "missing-elision"
    category = "elision"
    pass_name = "words"
    description = "élision manquante (de une → d’une, que il → qu’il, si il → s’il, le avion → l’avion)"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        lex = french()
        protected = None
        pairs = list(self._pairs(text))
        # A pair the document writes unelided again and again is its usage, not a slip: le harfang,
        # de Utilisateur (a type name in a programming book), la handballeuse (judged on real text).
        usage = Counter((m.group(1).lower(), m.group(2).lower()) for m in pairs)
        for m in pairs:
            first, second = m.group(1), m.group(2)
            if usage[first.lower(), second.lower()] >= DOCUMENT_USAGE:
                continue
            confidence = self._confidence(text, m, first.lower(), second, lex, doc)
            if confidence is None:
                continue
            if protected is None:
                protected = protected_spans(doc)
            if protected.overlaps(m.start(), m.end()) or english_context(text, m.start(), m.end()):
                continue
            replacement = first[:-1] + doc.apostrophe
            yield self.edit(
                doc,
                m.start(1),
                m.start(2),
                replacement,
                confidence,
                f"élision manquante : « {first} {second} » → « {replacement}{second} »",
            )

    @staticmethod
    def _pairs(text: str) -> Iterable[regex.Match]:
        """Every elidable word followed by a word that starts with a vowel or h."""
        for _, start, _ in _starts().matches(text):
            if start and (text[start - 1].isalnum() or text[start - 1] in "'’-_"):
                continue  # the end of a longer word: monde, quelque
            m = _pair().match(text, start)
            if m is not None:
                yield m

    @staticmethod
    def _confidence(text: str, m: regex.Match, first: str, second: str, lex, doc: Document) -> float | None:
        """How sure the pair is a missing elision, or None to leave it."""
        head = regex.split(r"['’\-]", second, maxsplit=1)[0]
        joined = head + continued_across_break(text, m.end()) if head == second else head
        if joined != head and lex.is_word(joined):
            # le él-⏎ève: the hyphenation rule joins élève in this pass; judge the word it makes (idempotence)
            head = second = joined
        low = head.lower()
        lists = _lists()
        if not takes_elision(head) or not (head.islower() or head[1:].islower()):
            return None  # acronyms and roman numerals: le ON, que UUID, le IIe
        if not is_isolated(text, m.start(2), m.end()):
            return None  # glued to code or a path: de html/user, de append=
        if head.islower() and low not in lists.function and english_zipf(head) >= max(lex.zipf(head), 3.0):
            return None  # English: de at, de user, le hashtag
        if len(head) == 1 and low not in ("a", "à", "y"):
            return None  # a letter named: le « a », le e muet
        if low == "a" and first in ("le", "la"):
            # il le a vu → il l’a vu; but le a (the letter) stays
            return COMMON_WORD if previous_word(text, m.start()) in lists.before_object_pronoun else None
        if first == "ce" and low not in lists.ce_before:
            return None
        if low in lists.function:
            if head[0].isupper() or low not in lists.function_after[first]:
                return None  # de Une saison en enfer; de il, la où (là où), le et
            if low in lists.numerals and first == "de" and _RANGE.match(text, m.end()):
                return None  # de un à dix
            if first in lists.pronouns and first == "je" and previous_word(text, m.start()) in lists.before_je_as_noun:
                return None  # le je est un autre
            return ALWAYS_ELIDED if low in lists.always_elided.get(first, ()) else SMALL_WORD
        if first in lists.pronouns and not (lex.is_verb(head) or lex.is_verb(second)):
            return None  # je, me, te, se, ne stand before a verb
        if first in lists.function_only or (low[0] == "h" and first not in ("de", "le", "la")):
            return None  # que hommes et femmes: usage varies before h
        if head[0].isupper():
            previous = previous_word(text, m.start(), keep_case=True)
            if previous == "à" or previous[:1].isupper() and not lex.is_word(head):
                return None  # Manoel de Oliveira: a particle before a foreign name; à la Emacs
            if first in ("le", "la"):
                # l’Ukraine, l’Europe; but la Esméralda, le Émile of a novel keep their article
                return COMMON_WORD if lex.is_word(head) and not lex.is_person(head) else None
            if lex.is_word(head) or doc_vocabulary(doc).get(head, 0) > 1:
                return COMMON_WORD
            return UNKNOWN_NAME
        if not (lex.is_word(second) or lex.is_word(head)):
            # Latin, English (de auditu); a glued word (de additionnelplus) is elided in the next round, once
            # the glued-words rule has split it
            return None
        return COMMON_WORD
