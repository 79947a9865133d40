"""Line-break hyphenation left in the text: ``adminis-\\ntration``, ``adminis- tration``, ``pla-cée``.

A hyphenated pair is joined only when the joined word is a French word and the hyphenated spelling
is not, and the two halves are not both words: real compounds (``porte-parole``, ``celle-ci``,
``peut-être``, ``très-noble``) never qualify. A half that is a productive prefix (``co-auteur``,
``anti-inflammatoire``) keeps its hyphen: both spellings are French.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ... import tables
from ...document import Document
from ...edits import Edit
from ...lexicon import closed_class, is_word, word_lists, zipf
from ...tokens import Protected, protected_spans
from .. import Rule

#: Stated confidences: a word cut at a line end (``heu-⏎reux``); the same with the line break flattened
#: into a space (``heu- reux``); a printed break hyphen left inside a word (``gou-vernement``).
LINE_BREAK = 0.9
FLATTENED_BREAK = 0.85
INNER_HYPHEN = 0.7
#: … and the only one of its document (judged right 8 times in 9 on real text: a word spelt out in dialogue).
LONE_INNER_HYPHEN = 0.69


def _word_start(text: str, end: int) -> int:
    """Start of the run of letters that ends at ``end``; ``end`` itself if a digit or ``_`` is glued to it."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] == "_"):
        return end
    return start


#: The rule's word list: the pronouns and particles that belong, after a hyphen, to the word before (``glisse
#: t-elle``, ``celle-ci``), with its reason in the file.
LISTS = "words/hyphenation.toml"


@lru_cache(maxsize=1)
def enclitics() -> frozenset[str]:
    """Pronouns and particles after a hyphen: the subject pronouns and those of :data:`LISTS` (read once)."""
    return closed_class("subject_pronouns") | word_lists(LISTS)["enclitics"]


@lru_cache(maxsize=1)
def prefixes() -> frozenset[str]:
    """Productive prefixes after which a hyphen is a legitimate spelling (``co-``, ``anti-``…)."""
    return tables.words("hyphenation_prefixes.tsv")


def joinable(left: str, right: str, min_zipf: float, halves_may_be_words: bool = False) -> bool:
    """True when ``left-right`` is a word broken by hyphenation rather than a compound.

    ``halves_may_be_words``: the hyphen stands at a break (``long-\ntemps``, ``trou- vent``), where a
    typesetter cuts words, so two words that join into a third are that word (a compound the lexicon
    knows, ``porte-parole``, still keeps its hyphen).

    >>> joinable("adminis", "tration", 1.0), joinable("porte", "parole", 1.0), joinable("co", "auteur", 1.0)
    (True, False, False)
    >>> joinable("long", "temps", 1.0), joinable("long", "temps", 1.0, halves_may_be_words=True)
    (False, True)
    """
    if (
        len(left) < 2
        or len(right) < 2
        or right in enclitics()
        or not right[0].islower()
        or not (left[1:].islower() or len(left) == 1)
    ):
        return False
    low_left = left.lower()
    joined = low_left + right
    if is_word(f"{low_left}-{right}") or (low_left in prefixes() and is_word(right)):
        return False
    if not is_word(joined) or zipf(joined) < min_zipf:
        return False
    # Two words side by side make a compound; a one- or two-letter syllable (``re-``, ``en-``) does not.
    return halves_may_be_words or len(low_left) <= 2 or not (is_word(low_left) and is_word(right))


def _hyphens(doc: Document, pattern: regex.Pattern) -> Iterator[tuple[regex.Match, int, Protected]]:
    """Matches of ``pattern`` (which starts at a hyphen), with the start of the word before the hyphen
    and the document's protected spans."""
    text = doc.text
    if "-" not in text:
        return
    guard = protected_spans(doc)
    for m in pattern.finditer(text):
        yield m, _word_start(text, m.start()), guard


class LineBreakHyphen(Rule):
    """Join a word that typesetting split at a line break.

    Example: ``l’adminis-\\ntration du pays`` → ``l’administration du pays`` (the two lines are
    joined: the break was the typesetter's, inside a paragraph; CRLF, a lone CR and blanks around the
    break count as the break); ``adminis- tration`` (line breaks
    flattened by a scraper) → ``administration``. ``porte-\\nparole`` keeps its hyphen.
    """

    id = "line-break-hyphen"
    category = "hyphenation"
    pass_name = "words"
    description = "mot coupé en fin de ligne par un trait d’union (adminis-␤tration)"

    # Starts at the hyphen (a literal: fast to scan for); the halves are taken around it.
    # The right half is a whole word: ``prem-\nièreÉté`` joined would make a new glued token.
    _PATTERN = regex.compile(r"(?<=\p{L})-(?:[ \t]*(\r\n?|\n)[ \t]*|[ \t]+)(\p{Ll}++)(?![\p{L}\p{N}-])")

    def find(self, doc: Document) -> Iterable[Edit]:
        for m, start, guard in _hyphens(doc, self._PATTERN):
            hyphen = m.start()
            left = doc.text[start:hyphen]
            brk, right = m.group(1), m.group(2)
            if not left or not joinable(left, right, 1.5 if brk else 2.5, True) or guard.overlaps(start, m.end()):
                continue
            what = "coupure de fin de ligne" if brk else "coupure de fin de ligne aplatie"
            yield self.edit(
                doc,
                hyphen,
                m.start(2),
                "",
                LINE_BREAK if brk else FLATTENED_BREAK,
                f"{what} : « {left}-{right} » → « {left}{right} »",
            )


class InnerHyphen(Rule):
    """Suggest joining a word whose line-break hyphen stayed inside it when its lines were flattened.

    Example: ``une cuvette pla-cée sur une table`` → ``placée`` (``placée`` is a word, ``pla`` and
    ``cée`` are not). ``porte-parole``, ``très-noble``, ``celle-ci``, ``Jean-Luc`` stay.
    A document that shows one such hyphen only gets a lower grade: printed text with its line breaks
    flattened shows many, while a lone one in edited prose is likely deliberate (a word spelt out in
    dialogue: « Sui-cide », grogne-t-elle). Transcriptions of old print that keep such hyphens on purpose
    (most ICDAR 2017 ground truths do) can ignore the rule.
    """

    id = "inner-hyphen"
    category = "hyphenation"
    pass_name = "words"
    description = "trait d’union de coupure resté au milieu d’un mot (pla-cée)"

    _PATTERN = regex.compile(r"(?<=\p{L})-(\p{L}+)(?![\p{L}\p{N}'’-])")

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        found = []
        for m, start, guard in _hyphens(doc, self._PATTERN):
            hyphen = m.start()
            if start == hyphen or (start > 0 and text[start - 1] in "-'’"):
                continue  # part of a longer compound (``c’est-à-dire``) or an elision
            left, right = text[start:hyphen], m.group(1)
            if joinable(left, right, 2.5) and not guard.overlaps(start, m.end()):
                found.append((hyphen, left, right))
        confidence = INNER_HYPHEN if len(found) > 1 else LONE_INNER_HYPHEN
        for hyphen, left, right in found:
            yield self.edit(
                doc,
                hyphen,
                hyphen + 1,
                "",
                confidence,
                f"trait d’union de coupure : « {left}-{right} » → « {left}{right} »",
            )
