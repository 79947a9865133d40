"""Glued words: two words written without their space (``officiellequi`` → ``officielle qui``).

Which tokens read as two words is the glue analysis of :mod:`._glue`; this rule splits their occurrences
where the context allows (not a name before a name, not inside code, a negation only before a verb).
"""

from __future__ import annotations

from typing import Iterable

from ...document import Document
from ...edits import Edit
from ...lexicon import closed_class, french, takes_elision
from ...tokens import (
    NEXT_WORD,
    at_sentence_start,
    code_line,
    find_words,
    in_broken_word,
    is_isolated,
    name_follows,
    protected_spans,
)
from .. import Rule
from ._glue import glued_candidates


def _elision_follows(text: str, end: int) -> bool:
    """The word after ``end`` takes an elision (``avoir``, ``homme``; not ``héros``)."""
    m = NEXT_WORD.match(text, end)
    return m is not None and takes_elision(m.group(1))


def _negated_verb_follows(text: str, end: int) -> bool:
    """A verb form (or a pronoun before one) follows ``end``: the glued ``ne`` is a negation."""
    m = NEXT_WORD.match(text, end)
    if not m:
        return False
    word = m.group(1).lower()
    # an object pronoun may stand between ne and its verb (ne se prévaut, ne lui dit)
    return word in closed_class("object_pronouns") or french().is_verb(word)


class GluedWords(Rule):
    """Split a token made of two words written without their space.

    Example: ``Sergueï Lavrovau sommet`` → ``Sergueï Lavrov au sommet`` when ``Lavrov`` is written intact
    elsewhere in the document; ``additionnelplus`` → ``additionnel plus``. Left alone: French forms
    (``cousaient``), derivations (``extrapatrimoniaux``), names (``Karachev``, ``Briansk``), acronyms,
    alphanumerics (``G20``, ``COVID-19``), URLs, handles, hashtags, code and compounds with hyphens.
    A comma that a relative clause may want (``Lavrov, qui``) is only mentioned in the message.
    """

    id = "glued-words"
    category = "glued"
    pass_name = "words"
    # A split rests on the document's vocabulary (the parts written elsewhere): the repairs of a round (another
    # split, an elision) can bring the evidence a glued word paragraphs away lacked, so a later round's check
    # has this rule read the whole text (found by a soak of 70,000 damaged documents: « dépensesque »).
    reads_whole_text = True
    description = "mots collés (officiellequi → officielle qui, Lavrovau → Lavrov au)"

    def find(self, doc: Document) -> Iterable[Edit]:
        candidates = glued_candidates(doc)
        if not candidates:
            return
        text = doc.text
        protected = protected_spans(doc)
        where = find_words(text, candidates)
        for token, (left, right, confidence, sentence_start) in candidates.items():
            for start in where[token]:
                end = start + len(token)
                if not is_isolated(text, start, end) or protected.overlaps(start, end) or code_line(text, start):
                    continue
                if in_broken_word(text, start, end):
                    continue  # a piece of a word cut at a line end
                if sentence_start and (not at_sentence_start(text, start) or name_follows(text, end)):
                    continue  # Dansles is Dans les at a sentence start only; elsewhere, or Rosemarie Koczÿ, a name
                if right == "ne" and not _negated_verb_follows(text, end):
                    continue  # sauterne, Pardine ! : a word in -ne, unless a verb follows (bailleurne peut)
                if right.lower() in closed_class("elidable") and _elision_follows(text, end):
                    continue  # pourde avoir: "pour de avoir" would itself need an elision (as Laété)
                replacement = f"{left} {right}"
                message = f"mots collés : « {token} » → « {replacement} »"
                if left[0].isupper() and right.lower() in ("qui", "que", "dont", "où"):
                    message += f" (une virgule est peut-être attendue : « {left}, {right} »)"
                yield self.edit(doc, start, end, replacement, confidence, message)
