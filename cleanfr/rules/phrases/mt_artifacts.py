"""Residue of machine translation that no table lists: broken placeholders and markup, degenerate
repetitions, English title case, detokenised apostrophes, and untranslated spans found by language ID.

Five rules, each with its own evidence and stated confidences (the constants below). The confidences were
set from the edits read on ``../shared/data/dev/mt`` (EN→FR MT), ``dev/web``, ``dev/clean`` and ``clean``
(judgments in ``benchmarks/judgments/s5-mt-artifacts.jsonl``): a grade is stated at 0.8 or more only where
no wrong edit was found; the others are suggestions or reports (replacement = original).
"""

from __future__ import annotations

import itertools
import operator
import re
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ... import tables
from ...document import Document
from ...edits import Edit
from ...lexicon import english_zipf, french, word_lists
from ...tokens import code_line, logical_line, protected_spans
from .. import Rule
from . import PhraseRule, read_tokens, scan
from ._grammar import directly_quoted, inside_quotation
from ._matcher import Hit


def _words(name: str) -> frozenset[str]:
    """A word list of ``cleanfr/data/phrases/mt_artifacts.toml``."""
    return word_lists("phrases/mt_artifacts.toml")[name]


# --- stated confidences ------------------------------------------------------------------------------------

#: ``{0 }``, ``{ 1}`` → ``{0}``: a numbered placeholder in a prose line; no language writes it spaced.
PLACEHOLDER_CONFIDENCE = 0.9
#: ``< b >``, ``</ i >`` → ``<b>``, ``</i>`` when the line holds the opening and the closing tag.
PAIRED_TAG_CONFIDENCE = 0.9
#: A lone spaced tag (``x < i > y`` may be a comparison): reported only.
LONE_TAG_CONFIDENCE = 0.3
#: ``#NUMBER #`` → ``#NUMBER#`` inside a sentence (at a line start it may be a Markdown heading).
HASH_PLACEHOLDER_CONFIDENCE = 0.85
#: ``le fichier % s`` → ``%s``: a printf conversion whose ``%`` the MT detached (no number before).
PRINTF_CONFIDENCE = 0.7
#: ``[ 3 ]`` → ``[3]``: a footnote call spaced by detokenisation, after a word of prose.
FOOTNOTE_CONFIDENCE = 0.7

#: ``de la de la de la de la`` → ``de la`` inside a line of prose.
REPETITION_CONFIDENCE = 0.85
#: A repetition that may be on purpose (a line of its own, a name, a song): reported only.
REPETITION_REPORT_CONFIDENCE = 0.3

#: Every word of a heading capitalised, articles or prepositions among them: sentence case, suggested (a
#: title of a work or a brand is written so on purpose: ``Dans La Tête Des Hommes``, a programme's name).
TITLE_CASE_CONFIDENCE = 0.6

#: ``l ’ accord`` / ``l 'accord`` → ``l’accord`` before a French word that takes the elision.
APOSTROPHE_CONFIDENCE = 0.9
#: ``l' aviation`` (space after only) before a lower-case French word: 58 judged on real text, none wrong,
#: but suggested: clean editions print it so (``qu' elle`` in Gautier, tests/data's clean sentences).
APOSTROPHE_AFTER_CONFIDENCE = 0.75
#: ``d ' Get-Item`` (before a word that is not French): a suggestion.
APOSTROPHE_UNSURE_CONFIDENCE = 0.5

#: An English or Spanish sentence or clause inside French text: reported only (no translation is known).
SPAN_REPORT_CONFIDENCE = 0.3

_SPACE = "[ \u00a0\u202f]"
#: A word for counting French forms: letters, split at apostrophes (``l’accord`` is ``l`` and ``accord``).
_SPAN_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*")


# --- 1. placeholders and markup -------------------------------------------------------------------------

_BRACE = regex.compile(rf"\{{({_SPACE}*)(\d{{1,2}})({_SPACE}*)\}}")
#: Inline HTML tags an MT system carries through (``a`` and ``s`` left out: ``x < a > b`` is a comparison).
_TAG_NAMES = "b|i|u|em|strong|br|sup|sub|span|code|small|mark|p"
_TAG = regex.compile(rf"<({_SPACE}*)(/?)({_SPACE}*)({_TAG_NAMES})({_SPACE}*)(/?)({_SPACE}*)>", regex.IGNORECASE)
#: Not a hashtag followed by another (``#FRACRO #WorldCupFinal``): the closing ``#`` ends a word.
_HASH = regex.compile(rf"(?<![\p{{L}}\p{{N}}_#])#({_SPACE}*)([A-Z][A-Z_]{{2,}})({_SPACE}*)#(?![\p{{L}}\p{{N}}_])")
_PRINTF = regex.compile(rf"(?<=[\p{{L}},;:({_SPACE[1:-1]}]{_SPACE})%{_SPACE}([sdif])(?=[ \u00a0.,;:)]|$)")
_FOOTNOTE = regex.compile(rf"(?<=\p{{L}}[.,;:»)]?{_SPACE})\[({_SPACE}*)(\d{{1,3}})({_SPACE}*)\]")


class MTPlaceholder(Rule):
    """Repair a placeholder or an inline tag into which machine translation inserted spaces.

    Example: ``Le fichier {0 } contient { 1} lignes.`` → ``Le fichier {0} contient {1} lignes.``;
    ``un mot en < b >gras</ b >`` → ``un mot en <b>gras</b>``; ``le compteur #NUMBER # est`` →
    ``#NUMBER#``. Counter-examples, left alone: ``x < i > y`` (a lone spaced tag in prose is only
    reported), ``s = { 0 }`` on a code line (a Python set), ``les opérateurs < et >``, ``52,6 % et``.
    """

    id = "mt-placeholder"
    category = "mt_residue"
    pass_name = "phrases"
    description = "espace insérée par la traduction automatique dans un paramètre ou une balise ({0 }, < b >)"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        if "{" in text:
            yield from self._braces(doc)
        if "<" in text:
            yield from self._tags(doc)
        if "#" in text:
            yield from self._hashes(doc)
        if "%" in text:
            yield from self._printf(doc)
        if "[" in text:
            yield from self._footnotes(doc)

    def _prose(self, text: str, pos: int) -> bool:
        return _french_prose(text, pos)

    def _braces(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        for m in _BRACE.finditer(text):
            if not (m.group(1) or m.group(3)):
                continue
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \u00a0")
            # ``= { 0 }``, ``({ 1 }``, ``{{ 0 }}``: a literal of code or a template, correct as it is
            if before.endswith(("=", "(", ",", "{", "[", ":", "$")) or text[m.end() : m.end() + 1] == "}":
                continue
            if not self._prose(text, m.start()):
                continue
            fixed = "{" + m.group(2) + "}"
            yield self.edit(doc, m.start(), m.end(), fixed, PLACEHOLDER_CONFIDENCE, _message(m.group(), fixed))

    def _tags(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        for m in _TAG.finditer(text):
            spaces = m.group(1) + m.group(3) + m.group(5) + m.group(7)
            if not spaces or (m.group(2) and m.group(6)):
                continue
            if not self._prose(text, m.start()):
                continue
            name = m.group(4)
            fixed = f"<{m.group(2)}{name}{m.group(6)}>"
            # The other tag of the pair on the same line: markup for certain, not a comparison.
            line_start, line_end = logical_line(text, m.start())
            line = text[line_start:line_end]
            other = rf"<{_SPACE}*/{_SPACE}*{name}{_SPACE}*>" if not m.group(2) else rf"<{_SPACE}*{name}{_SPACE}*>"
            paired = name.lower() == "br" or regex.search(other, line, regex.IGNORECASE) is not None
            if paired:
                yield self.edit(doc, m.start(), m.end(), fixed, PAIRED_TAG_CONFIDENCE, _message(m.group(), fixed))
            else:
                yield self.edit(
                    doc,
                    m.start(),
                    m.end(),
                    m.group(),
                    LONE_TAG_CONFIDENCE,
                    f"balise espacée par la traduction ? « {m.group()} » (peut-être « {fixed} »)",
                )

    def _hashes(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        for m in _HASH.finditer(text):
            if not (m.group(1) or m.group(3)):
                continue
            line_start, _ = logical_line(text, m.start())
            if not text[line_start : m.start()].strip():
                continue  # ``# TITRE #`` at a line start: a closed Markdown heading
            fixed = f"#{m.group(2)}#"
            yield self.edit(doc, m.start(), m.end(), fixed, HASH_PLACEHOLDER_CONFIDENCE, _message(m.group(), fixed))

    def _printf(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        for m in _PRINTF.finditer(text):
            if regex.search(r"\d[ \u00a0\u202f]*$", text[max(0, m.start() - 4) : m.start()]):
                continue  # ``50 % s…``: a percentage
            if not self._prose(text, m.start()):
                continue
            fixed = "%" + m.group(1)
            yield self.edit(doc, m.start(), m.end(), fixed, PRINTF_CONFIDENCE, _message(m.group(), fixed))

    def _footnotes(self, doc: Document) -> Iterator[Edit]:
        text = doc.text
        for m in _FOOTNOTE.finditer(text):
            if not (m.group(1) or m.group(3)):
                continue
            if not self._prose(text, m.start()):
                continue
            fixed = f"[{m.group(2)}]"
            yield self.edit(doc, m.start(), m.end(), fixed, FOOTNOTE_CONFIDENCE, _message(m.group(), fixed))


def _french_prose(text: str, pos: int) -> bool:
    """The line around ``pos`` is French prose: three lower-case French words at least, half of its words.

    Not :func:`cleanfr.tokens.is_prose_line`, which counts braces and brackets as code: here they are the
    damage itself.
    """
    start, end = logical_line(text, pos)
    words = _SPAN_WORD.findall(text, start, end)
    lex = french()
    known = sum(1 for w in words if w.islower() and lex.is_word(w))
    return known >= 3 and known * 2 >= len(words)


def _message(original: str, fixed: str) -> str:
    return f"espace insérée par la traduction dans « {original} » → « {fixed} »"


# --- 2. degenerate repetitions ------------------------------------------------------------------------------

#: A word or a group of two or three words, then the same (same case) three times more, blanks between.
_REPEAT = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}'’-])((?:\p{{L}}+)(?:{_SPACE}+\p{{L}}+){{0,2}}?)(?:{_SPACE}+\1(?![\p{{L}}\p{{N}}'’-])){{3,}}"
)
#: Words repeated on purpose: interjections, onomatopoeia, refrains, intensifiers.
_ON_PURPOSE = _words("on_purpose")


def _repeated_tokens(tokens: list[str]) -> set[str]:
    """The tokens that start a run where each token equals the one ``n`` further on ``3n`` times in a row
    (n ≤ 3): the necessary condition of :data:`_REPEAT`, tested in C (``map``, ``bytes.find``), as the
    regular expression alone cost more than the rest of the phrase pass.

    Two comparisons of the tokens serve the three lengths: at a distance of 2 (a run of two words, and, two in
    a row, the candidates of a run of one word, then checked) and of 3."""
    found: set[str] = set()
    at_two = bytes(map(operator.eq, tokens, itertools.islice(tokens, 2, None)))
    at = at_two.find(b"\x01\x01")  # w w w w: tokens[i] == tokens[i + 2] and tokens[i + 1] == tokens[i + 3]
    while at >= 0:
        if tokens[at] == tokens[at + 1]:
            found.add(tokens[at])
        at = at_two.find(b"\x01\x01", at + 1)
    for n, same in ((2, at_two), (3, bytes(map(operator.eq, tokens, itertools.islice(tokens, 3, None))))):
        run = b"\x01" * (3 * n)
        at = same.find(run)
        while at >= 0:
            found.add(tokens[at])
            at = same.find(run, at + 1)
    return found


#: ``(n, stride)``: a run of ``n`` words repeated four times holds ``3n`` equalities in a row at distance ``n``
#: (``tokens[i] == tokens[i + n]``), so comparing only the positions that are multiples of ``3n`` sees one of
#: them: a third of the positions for one word, a sixth for two, a ninth for three.
_SAMPLED_RUNS = ((1, 3), (2, 6), (3, 9))


def _run_starts(tokens: list[str]) -> set[str]:
    """:func:`_repeated_tokens`, computed only around the places a sample of the comparisons points to
    (:data:`_SAMPLED_RUNS`): an equality at ``p`` (a multiple of the stride) stands for the runs of ``n`` words
    starting from ``p - stride + 1`` to ``p``, all inside ``tokens[p - stride + 1 : p + 4n]``. The
    comparisons are most of the rule's cost, and runs are rare: about a third of the work of the plain test.

    For two or three words, a chance equality (``de la`` … ``de la``: one position in a hundred) is dropped when
    the positions beside it do not compare equal too, as the ``3n`` in a row of a run do."""
    starts: list[tuple[int, int]] = []
    n = len(tokens)
    for distance, stride in _SAMPLED_RUNS:
        same = bytes(map(operator.eq, tokens[::stride], tokens[distance::stride]))
        at = same.find(1)
        while at >= 0:
            p = stride * at
            if (
                distance == 1
                or p + 1 + distance < n
                and tokens[p + 1] == tokens[p + 1 + distance]
                or p
                and tokens[p - 1] == tokens[p - 1 + distance]
            ):
                starts.append((max(0, p - stride + 1), p + 4 * distance))
            at = same.find(1, at + 1)
    found: set[str] = set()
    lo = hi = 0
    for first, stop in sorted(starts):  # overlapping windows read as one (the test is local: no run is made up)
        if hi and first > hi:
            found |= _repeated_tokens(tokens[lo:hi])
            hi = 0
        if not hi:
            lo = first
        hi = max(hi, stop)
    if hi:
        found |= _repeated_tokens(tokens[lo:hi])
    return found


class _RunStarts:
    """:func:`_repeated_tokens` of a whole text, read slice by slice (a
    :class:`~cleanfr.rules.phrases.TokenReader`): a run of at most 12 tokens across two slices is found
    among the last tokens of one and the first of the next."""

    EDGE = 12

    def __init__(self, text: str) -> None:
        self.found: set[str] = set()
        self.tail: list[str] = []

    def feed(self, tokens: list[str]) -> None:
        self.found |= _run_starts(tokens)
        if self.tail:
            self.found |= _repeated_tokens(self.tail + tokens[: self.EDGE])
        self.tail = tokens[-self.EDGE :]


def _has_repetition(text: str) -> bool:
    """Whether :func:`_repeated_tokens` finds any run among the blank-separated tokens of ``text``."""
    return bool(_repeated_tokens(text.split()))


def _repetitions(text: str, firsts: set[str]) -> Iterator[regex.Match[str]]:
    """The matches of :data:`_REPEAT`, looked for only in the lines that pass :func:`_has_repetition` (a
    repetition never spans a line break: the regular expression over a whole 7 MB text took a second). Such a
    line writes the first token of its run four times, a token of ``firsts`` (from :func:`_repeated_tokens` over
    the whole text, which holds the line's run): the lines are found from the occurrences of those tokens, not by
    walking every line (a long text whose only runs cross line breaks walked thousands)."""
    for start, end in sorted(_lines_holding(text, firsts, 4)):
        if end - start >= 7 and _has_repetition(text[start:end]):
            yield from _REPEAT.finditer(text, start, end)


def _lines_holding(text: str, words: Iterable[str], times: int) -> set[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text`` that hold one of ``words`` (none holding a line break) at least
    ``times`` times."""
    found = set()
    for word in words:
        start = end = count = 0
        at = text.find(word)
        while at >= 0:
            if at >= end:  # the first occurrence on its line
                start = text.rfind("\n", 0, at) + 1
                end = text.find("\n", at)
                end = len(text) if end < 0 else end
                count = 0
            count += 1
            if count == times:
                found.add((start, end))
            at = text.find(word, at + 1)
    return found


class MTRepetition(PhraseRule):
    """Remove a word or a group of words that machine translation repeated four times or more in a row.

    Example: ``il faut de la de la de la de la patience`` → ``il faut de la patience``; ``le te te te te
    module`` → ``le te module``. Counter-examples, left alone: ``très très bien``, ``Non, non, non, non``
    (commas: said on purpose), ``ha ha ha ha``, ``0 0 0 0`` (numbers of a table); a name repeated
    (``Nadine Morano Nadine Morano …``) or a line made of the repetition alone (a refrain) is only reported.
    """

    id = "mt-repetition"
    category = "mt_residue"
    description = "mot ou groupe de mots répété quatre fois ou plus par la traduction automatique"

    @classmethod
    def token_reader(cls, text: str) -> _RunStarts:
        return _RunStarts(text)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        reader = read_tokens(doc)[MTRepetition]
        assert isinstance(reader, _RunStarts)
        firsts = reader.found
        if not firsts:
            return
        for m in _repetitions(text, firsts):
            unit = m.group(1)
            words = unit.split()
            if all(w.lower() in _ON_PURPOSE for w in words):
                continue
            line_start, line_end = logical_line(text, m.start())
            rest = (text[line_start : m.start()] + " " + text[m.end() : line_end]).split()
            on_purpose = (
                any(w[:1].isupper() for w in words)  # a name, a slogan, a title
                or len(rest) < 3  # a line of its own: a refrain, a verse
                or inside_quotation(text, m.start())
                or code_line(text, m.start())
            )
            count = len(m.group().split()) // len(words)
            if on_purpose:
                yield self.edit(
                    doc,
                    m.start(),
                    m.end(),
                    m.group(),
                    REPETITION_REPORT_CONFIDENCE,
                    f"« {unit} » répété {count} fois : répétition de la traduction automatique ?",
                )
            else:
                yield self.edit(
                    doc,
                    m.start(),
                    m.end(),
                    unit,
                    REPETITION_CONFIDENCE,
                    f"« {unit} » répété {count} fois par la traduction automatique : une seule occurrence gardée",
                )


# --- 3. English title case -----------------------------------------------------------------------------

_HEADING_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*")
#: Articles, prepositions and conjunctions: capitalised inside a heading only by English title case.
_FUNCTION_WORDS = _words("heading_function_words")
_ARTICLES = _words("heading_articles")
_CAPITALS = "|".join(sorted((w.capitalize() for w in _FUNCTION_WORDS), key=len, reverse=True))
_CAPITAL_FUNCTION_WORD = regex.compile(rf"(?<=\p{{L}}[ \u00a0])(?:{_CAPITALS})[ \u00a0’']")
#: The same without the look behind: a necessary condition that ``re`` finds fast (its scan skips to the
#: capitals the words start with), where the look behind tried first is tried at every position of the line.
_ANY_CAPITAL_FUNCTION_WORD = re.compile(f"(?:{_CAPITALS})[ \u00a0’']")
#: A title of a work or a list of references, whose capitals are the author's: ``↑ Hergé, Le Sceptre…``.
_REFERENCE_MARKS = regex.compile(r"^[\s↑•*\-–—(]|[•«»\"“”]|\(\p{Ll}{2}\)|\b(?:ISBN|éd\.|p\.)")
_NOT_HEADING = regex.compile(r"[,/|_:=#@\t]|\.\S|\. |  ")


@lru_cache(maxsize=1)
def _product_names() -> frozenset[str]:
    return tables.words("product_names.txt")


def _lowerable(word: str) -> bool:
    """A capitalised French common word that is no name, product or English word: ``Installer``, ``Le``."""
    if not (word[:1].isupper() and word[1:].islower()) or any(c.isdigit() for c in word):
        return False
    if word in _product_names():
        return False
    lex = french()
    lower = word.lower()
    if not lex.is_word(lower) or lex.is_name(word) or lex.is_person(word):
        return False
    return english_zipf(lower) < lex.zipf(lower) + 1.0  # ``From``, ``The``: an English title, not French


#: The length of a heading line, in characters.
_HEADING_LENGTH = range(10, 91)
#: A line break followed by a line of a heading's length (the line is group 1) that does not start with a blank,
#: a reference mark or a lower-case letter (:meth:`MTTitleCase._heading` reads no such line): no more than the
#: longest and at least the shortest, so the greedy group takes the whole line without backtracking.
_HEADING_LINE = re.compile(
    rf"\n(?![^\n]{{{_HEADING_LENGTH.stop}}})"
    rf"(?=([^\n \t↑•*\-–—(a-z][^\n]{{{_HEADING_LENGTH.start - 1},{_HEADING_LENGTH.stop - 2}}}))"
)
#: The marks a heading does not end with (:meth:`MTTitleCase._heading` reads no such line).
_SENTENCE_MARKS = ".,;:!?"


def _heading_lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the lines of a heading's length that hold :data:`_CAPITAL_FUNCTION_WORD`, but for some
    that cannot be headings (see :data:`_HEADING_LINE` and :data:`_SENTENCE_MARKS`; the first line is read
    whole): ``re`` finds the lines of that length (prose paragraphs, most of a text, are never read by the
    expression, nor walked line by line in Python)."""
    search = _CAPITAL_FUNCTION_WORD.search
    gate = _ANY_CAPITAL_FUNCTION_WORD.search
    first = text.find("\n")
    first = len(text) if first < 0 else first
    if first in _HEADING_LENGTH and gate(text, 0, first) and search(text, 0, first):
        yield 0, first
    for line in _HEADING_LINE.finditer(text):
        start, end = line.span(1)
        if text[end - 1] not in _SENTENCE_MARKS and gate(text, start, end) and search(text, start, end):
            yield start, end


class MTTitleCase(Rule):
    """Put a French heading left in English title case into sentence case (suggested).

    Example: ``Comment Installer Le Module Sur Windows`` → ``Comment installer le module sur Windows``
    (``Windows``, a product name, keeps its capital). Counter-examples, left alone: ``Le Secret de La
    Licorne`` (a title of a work: lower-case words among capitalised ones), ``Premier Consul de la
    République Française``, ``Notes From The Usa`` (English), ``LIVRE III : ÉQUIPEMENTS`` (capitals only),
    ``Jean Jaurès à l'Assemblée`` (names).
    """

    id = "mt-title-case"
    category = "mt_residue"
    pass_name = "phrases"
    description = "titre laissé en casse de titre anglaise (Comment Installer Le Module) : minuscules françaises"

    def find(self, doc: Document) -> Iterable[Edit]:
        # Only the lines of a heading's length holding a capitalised article or preposition after a word.
        for start, end in _heading_lines(doc.text):
            yield from self._heading(doc, start, end)

    def _heading(self, doc: Document, start: int, end: int) -> Iterator[Edit]:
        text = doc.text
        line = text[start:end]
        # Not a heading: a sentence, a list or a table row (commas, slashes, aligned columns), a reference,
        # a dotted identifier (``System. Management. Automation``).
        if line.rstrip()[-1:] in _SENTENCE_MARKS or _REFERENCE_MARKS.search(line) or _NOT_HEADING.search(line.strip()):
            return
        words = list(_HEADING_WORD.finditer(line))
        if not 4 <= len(words) <= 10 or not words[0].group()[:1].isupper():
            return
        rest = words[1:]
        if any(w.group()[:1].islower() for w in rest):
            return  # a lower-case word: French sentence case with names, or a title of a work
        lex = french()
        if any(english_zipf(w.group().lower()) > lex.zipf(w.group().lower()) + 1.0 for w in words):
            return  # an English heading, not a French one in English case
        if any(lex.is_person(w.group()) for w in words):
            return  # a person's name: the name of a character or a title (``Prince Jean Sans Lune``)
        lowerable = []
        for k, w in enumerate(rest):
            word = w.group()
            if not _lowerable(word) or line[max(0, w.start() - 1) : w.start()] == "(":
                continue  # the first word inside brackets keeps its capital
            follower = rest[k + 1].group() if k + 1 < len(rest) else ""
            if word.lower() in _ARTICLES and follower and not _lowerable(follower):
                continue  # the article of a name: ``Le Figaro``, ``La Licorne``
            lowerable.append(w)
        functions = [w for w in lowerable if w.group().lower() in _FUNCTION_WORDS]
        if len(lowerable) < 2 or not functions:
            return
        first, last = lowerable[0], lowerable[-1]
        a, b = start + first.start(), start + last.end()
        pieces, cursor = [], a
        for w in lowerable:
            pieces.append(text[cursor : start + w.start()])
            pieces.append(w.group().lower())
            cursor = start + w.end()
        fixed = "".join(pieces)
        yield self.edit(
            doc,
            a,
            b,
            fixed,
            TITLE_CASE_CONFIDENCE,
            f"casse de titre anglaise : « {text[a:b]} » → « {fixed} » (minuscules en français)",
        )


# --- 4. spaces around apostrophes -----------------------------------------------------------------------

_ELIDED = "|".join(sorted(_words("elided_words"), key=len, reverse=True))
_SPACED_APOSTROPHE = regex.compile(
    rf"(?:(?<=[\s(«“—–\[])|^)({_ELIDED})({_SPACE}*)(['’])({_SPACE}*)(\p{{L}}[\p{{L}}\p{{M}}-]*)",
    regex.IGNORECASE,
)
_ELISION_START = regex.compile(r"^[aeiouyhàâäéèêëîïôöùûüœæ]", regex.IGNORECASE)


#: A blank beside an apostrophe (the folded text has ’ as '), and where the apostrophe stands in it.
_APOSTROPHE_BLANKS = ((" '", 1), ("' ", 0), ("\u00a0'", 1))


def _spaced_apostrophes(text: str, hits: Iterable[Hit]) -> Iterator[regex.Match[str]]:
    """:data:`_SPACED_APOSTROPHE` matches, looked for only around an apostrophe with a blank beside it (the
    ``apostrophe`` triggers of the pass's scan: the expression run over the whole text cost more than the
    rest of the phrase pass)."""
    offsets = dict(_APOSTROPHE_BLANKS)
    marks = {hit.start + offsets[hit.key] for hit in hits}
    done = -1
    for mark in sorted(marks):
        k = mark
        while k > 0 and text[k - 1] in " \u00a0\u202f":
            k -= 1
        word_end = k
        while k > 0 and k > word_end - 7 and text[k - 1].isalpha():
            k -= 1
        if k == word_end or k < done:
            continue
        m = _SPACED_APOSTROPHE.match(text, k)
        if m is not None and m.start(3) == mark:
            done = m.end()
            yield m


class MTSpacedApostrophe(PhraseRule):
    """Remove the spaces that detokenisation left around the apostrophe of an elided word.

    Example: ``le contenu de l ’ accord`` → ``le contenu de l’accord``; ``qu ' il`` → ``qu'il``;
    ``aujourd ' hui`` → ``aujourd'hui`` (the apostrophe the text uses is kept). Counter-examples, left
    alone: ``'d' indique un flottant`` (a quoted letter), ``sh -c 'env …'`` (a shell command),
    ``Est-y qu' madame`` (popular speech before a consonant). A space after the apostrophe only
    (``l' aviation``) is its own grade (applied once judged on real text: 57 right of 57); a word that is
    not French after it is only suggested.
    """

    id = "mt-spaced-apostrophe"
    category = "mt_residue"
    description = "espaces laissées autour de l’apostrophe d’une élision (l ’ accord → l’accord)"

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        return ((f"apostrophe:{literal}", literal) for literal, _ in _APOSTROPHE_BLANKS)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        if "'" not in text and "’" not in text:
            return
        lex = french()
        for m in _spaced_apostrophes(text, scan(doc).get("apostrophe", ())):
            before, apostrophe, after, word = m.group(2), m.group(3), m.group(4), m.group(5)
            if not before and not after:
                continue
            elided = m.group(1).lower()
            if elided == "aujourd" or word.lower() == "hui":
                if elided != "aujourd" or word.lower() != "hui":
                    continue
                confidence = APOSTROPHE_CONFIDENCE  # aujourd'hui: the one word it can be
            elif not _ELISION_START.match(word):
                continue  # no elision before a consonant: a quotation mark, popular speech (qu' madame)
            if protected_spans(doc).overlaps(m.start(), m.end()) or code_line(text, m.start()):
                continue
            # A quotation opened by the same mark just before (``'l ' …``) is a quoted letter, not an elision.
            if text[m.start() - 1 : m.start()] in "'’" and m.start() > 0:
                continue
            lower = word.lower()
            # ``l' if instruction``: an English keyword of the MT's source, not a French word after all
            french_word = lex.is_word(lower) and english_zipf(lower) < lex.zipf(lower) + 1.0
            if elided == "aujourd":
                pass
            elif before and french_word and not word[1:2].isupper():
                confidence = APOSTROPHE_CONFIDENCE
            elif not before and french_word and word[:1].islower():
                confidence = APOSTROPHE_AFTER_CONFIDENCE
            elif before:
                confidence = APOSTROPHE_UNSURE_CONFIDENCE
            else:
                continue  # ``l' Get-Item``: the MT's slip before code is a sentence to rewrite, not a space
            a, b = m.end(1), m.start(5)
            original = text[a:b]
            yield self.edit(
                doc,
                a,
                b,
                apostrophe,
                confidence,
                f"espace autour de l’apostrophe : « {m.group(1)}{original}{word} » → « {m.group(1)}{apostrophe}{word} »",
            )


# --- 5. untranslated spans ------------------------------------------------------------------------------

#: The model's probability from which a span is reported.
SPAN_MIN_PROBABILITY = 0.95
#: Share of the words of a span that must not be French forms for the model to be asked at all.
SPAN_MAX_FRENCH_SHARE = 0.5
#: A document where more than this share of the text is in foreign spans is bilingual or not French.
SPAN_MAX_FOREIGN_SHARE = 0.2
SPAN_MIN_WORDS = 4
LANGUAGE_NAMES = {"en": "anglais", "es": "espagnol"}
#: Words only French writes (not English, not Spanish): one of them and the span is French prose.
_FRENCH_ONLY = _words("french_only")
#: Code (brackets, operators) or a bibliographic record (``Vol.``, ``pp.``, ``doi``).
_CODE_OR_REFERENCE = regex.compile(r"[()\[\]{}<>=_/\\`$@#|]|\b(?:Vol|pp|doi|ed|eds|et al)\b\.?")
#: A line opened by these is a list item, a reference or a line of dialogue.
_LINE_MARKS = frozenset(' \t↑•*-–—(«"“')
#: Function words of English and Spanish: a span without one is a list of terms, not a sentence.
_SOURCE_FUNCTION_WORDS = _words("source_function_words")
#: Words of English and Spanish that French does not write as words: a foreign sentence holds one (not
#: ``an``, a French word: ``un an``).
_SOURCE_HINTS = _words("source_hints")


_SENTENCE_ENDS = (". ", "! ", "? ", "; ", ": ", ".\n", "!\n", "?\n", "\n")


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence (or line) holding ``pos``: after the end mark before it, up to and with the one after it."""
    # Each mark is searched only where it would be nearer than the nearest found so far (most of the window
    # is read once, not once per mark).
    window = max(0, pos - 2000)
    start = window
    for end in _SENTENCE_ENDS:
        i = text.rfind(end, max(window, start - len(end) + 1), pos)
        if i >= 0:
            start = i + len(end)
    nearest = -1
    for end in _SENTENCE_ENDS:
        i = text.find(end, pos, pos + 2000 if nearest < 0 else nearest - 1 + len(end))
        if i >= 0:
            nearest = i
    stop = nearest + 1 if nearest >= 0 else min(len(text), pos + 2000)
    if text[stop - 1 : stop] in " \n":
        stop -= 1
    while start < stop and text[start] in " \t\u00a0":
        start += 1
    return start, stop


_YEAR = regex.compile(r"\b(?:1[5-9]|20)\d\d\b")


def _frenchness(words: list[str]) -> float:
    """Share of the lower-case words that are French forms at least as frequent in French as in English."""
    lex = french()
    plain = [w for w in words if w.islower()]
    if not plain:
        return 1.0
    hits = 0
    for w in plain:
        if lex.is_word(w) and lex.zipf(w) >= english_zipf(w) - 1.0:
            hits += 1
    return hits / len(plain)


class MTUntranslatedSpan(PhraseRule):
    """Report (never apply) a sentence or clause left in English or Spanish inside a French text.

    A span of four words or more whose lower-case words are mostly not French forms is given to a language
    identifier (:mod:`cleanfr.lexicon.language`); English or Spanish at 0.95 or more is reported.

    Example: ``Le module est chargé. This cmdlet gets the processes on the computer. Il renvoie…`` → a
    report on the English sentence. Counter-examples, left alone: ``« The outcome is clear », a-t-il dit``
    (a quotation), ``Get-Process -Name explorer`` (code), ``(en) South China Tiger, sur a-z Animals``
    (a reference), and a document in English or bilingual (more than a fifth of its spans foreign).
    """

    id = "mt-untranslated-span"
    category = "mt_residue"
    description = "phrase ou proposition restée en anglais ou en espagnol dans un texte français (signalée)"

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        # The hints as whole words between blanks or before punctuation: inside French words (``grande``,
        # ``forme``, ``importe``) the bare hints gave a hundred raw matches per hit.
        for word in sorted(_SOURCE_HINTS):
            for before in " \n":
                for after in " ,.;:\n":
                    yield f"hint:{word}", f"{before}{word}{after}"

    def find(self, doc: Document) -> Iterable[Edit]:
        found = doc.memo("mt-artifacts.spans", _foreign_spans)
        for start, end, language, probability in found:
            name = LANGUAGE_NAMES[language]
            yield self.edit(
                doc,
                start,
                end,
                doc.text[start:end],
                SPAN_REPORT_CONFIDENCE,
                f"passage en {name} non traduit ? (identification de langue : {probability:.2f})",
            )


def _foreign_spans(doc: Document) -> list[tuple[int, int, str, float]]:
    """English or Spanish spans of ``doc``, consecutive ones of a paragraph merged into one report."""
    from ...lexicon.language import identify

    text = doc.text
    found: list[tuple[int, int, str, float]] = []
    seen: set[int] = set()
    # A hint word's trigger holds the blank before it: the word starts one character further.
    for position in sorted({hit.start + 1 for hit in scan(doc).get("hint", ())}):
        start, end = _sentence_around(text, position)
        if start in seen:
            continue
        seen.add(start)
        span = text[start:end]
        blanks = span.split()
        if len(blanks) < SPAN_MIN_WORDS or not _FRENCH_ONLY.isdisjoint(blanks):
            continue  # a French word (``et``, ``les``): French prose, maybe around identifiers (``year, week et weekday``)
        words = _SPAN_WORD.findall(span)
        if len(words) < SPAN_MIN_WORDS or not _FRENCH_ONLY.isdisjoint(w.lower() for w in words):
            continue
        if _frenchness(words) >= SPAN_MAX_FRENCH_SHARE:
            continue
        if not any(w.lower() in _SOURCE_FUNCTION_WORDS for w in words) or "  " in span:
            continue  # a list of terms or a table row, no sentence
        if end - start < 15 or _CODE_OR_REFERENCE.search(text, start, end):
            continue
        if sum(w[:1].isupper() for w in words) * 2 > len(words):
            continue  # a title of a work, a name of an institution (``Lab for Advanced Spatial Analysis``)
        line_start, line_end = logical_line(text, start)
        if text[line_start : line_start + 1] in _LINE_MARKS or _YEAR.search(text, line_start, line_end):
            continue  # a list of references: the titles cited are the authors'
        if text[start] in "«“\"'‘" or directly_quoted(text, start, end) or inside_quotation(text, start + 1):
            continue
        if code_line(text, start) or text[line_start:start].rstrip().endswith(":"):
            continue  # code, or a quotation or an example introduced by a colon (``la documentation : Note…``)
        language, probability = identify(text[start:end])
        if language in LANGUAGE_NAMES and probability >= SPAN_MIN_PROBABILITY:
            found.append((start, end, language, probability))
    found.sort()
    # Half the text foreign, or a fifth in several spans: a foreign or bilingual document, whose foreign
    # spans are its own (one sentence in a short French text is still reported).
    share = sum(end - start for start, end, _, _ in found) / max(1, len(text))
    if share > 0.5 or (share > SPAN_MAX_FOREIGN_SHARE and len(found) > 1):
        return []
    merged: list[tuple[int, int, str, float]] = []
    for item in found:
        last = merged[-1] if merged else None
        if last and last[2] == item[2] and not text[last[1] : item[0]].strip(" \u00a0"):
            merged[-1] = (last[0], item[1], item[2], min(last[3], item[3]))
        else:
            merged.append(item)
    return merged
