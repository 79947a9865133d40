"""Untranslated residue of machine translation: source-language words left in a French sentence.

Two rules. :class:`ResidueTable` replaces connectors and abbreviations that ``cleanfr/data/residue.toml``
translates (``Sin embargo,`` → ``Cependant,``, ``EE.UU.`` → ``États-Unis``). :class:`ForeignWord` only
reports other words far more frequent in English or Spanish than in French. Both leave alone quotations,
text in quotes or italics markers, code lines, names, and words inside a longer foreign passage.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Iterable

from ... import tables
from ...document import Document
from ...edits import Edit
from ...lexicon import foreign_words, french, word_lists
from ...tokens import WORD, code_line, english_context, protected_spans
from . import PhraseRule, scan
from ._grammar import directly_quoted, inside_quotation, transfer_case
from ._matcher import render

#: Stated confidence of a report (no translation known: the replacement is the word itself, never applied).
REPORT = 0.3

LANGUAGES = {"es": "espagnol", "en": "anglais"}


@lru_cache(maxsize=1)
def _spanish_only() -> frozenset[str]:
    """Spanish function words that French never writes (``phrases/residue.toml``): two of them near a word mean
    a Spanish passage."""
    return word_lists("phrases/residue.toml")["spanish_only"]


@lru_cache(maxsize=1)
def table() -> list[dict]:
    """Entries of ``cleanfr/data/residue.toml``."""
    return tables.toml("residue.toml")["entry"]


def spanish_context(text: str, start: int, end: int, window: int = 60) -> bool:
    """Whether two Spanish-only function words lie around a span (a Spanish passage, not a stray word)."""
    around = text[max(0, start - window) : start] + " " + text[end : end + window]
    spanish_only = _spanish_only()
    return sum(1 for w in WORD.findall(around) if w.lower() in spanish_only) >= 2


def foreign_passage(doc: Document, start: int, end: int, language: str, dotted: bool = False) -> bool:
    """The span belongs to a quotation, a code line or a passage in ``language``: never rewrite it.

    ``dotted``: the span is a listed abbreviation (``EE.UU.``), which the dotted-identifier protection
    of :mod:`cleanfr.tokens` would otherwise cover.
    """
    text = doc.text
    if directly_quoted(text, start, end) or inside_quotation(text, start) or code_line(text, start):
        return True
    if not dotted and protected_spans(doc).overlaps(start, end):
        return True
    return english_context(text, start, end) if language == "en" else spanish_context(text, start, end)


def _neighbours_french(text: str, start: int, end: int) -> bool:
    """Both neighbouring words (when there are) are French: the residue sits inside French prose."""
    lex = french()
    before = WORD.findall(text, max(0, start - 40), start)
    after = WORD.findall(text, end, end + 40)
    ok_before = not before or lex.is_word(before[-1])
    ok_after = not after or lex.is_word(after[0])
    return ok_before and ok_after


class ResidueTable(PhraseRule):
    """Source-language connector or abbreviation left by machine translation, from the residue table.

    Example: ``Sin embargo, le ministre a maintenu sa décision.`` → ``Cependant, le ministre…``;
    ``However, le gouvernement refuse`` → ``Cependant, le gouvernement refuse``. A quotation such as
    ``« I think, therefore I am »`` stays.
    """

    id = "mt-residue-table"
    category = "mt_residue"
    description = "connecteurs et abréviations espagnols ou anglais non traduits (table cleanfr/data/residue.toml)"

    @classmethod
    def scan_patterns(cls) -> Iterable[tuple[str, str]]:
        return ((f"residue:{i}", e["pattern"]) for i, e in enumerate(table()))

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        entries = table()
        done = -1
        for hit in scan(doc).get("residue", ()):
            if hit.start < done:
                continue
            entry = entries[int(hit.key)]
            language = entry["language"]
            if foreign_passage(doc, hit.start, hit.end, language, dotted="." in entry["pattern"]):
                continue
            if "." not in entry["pattern"] and not _neighbours_french(text, hit.start, hit.end):
                continue  # abbreviations (Sr., EE.UU.) stand before names: no neighbour test
            original = text[hit.start : hit.end]
            if original[:1].isupper() and not _sentence_start(text, hit.start) and original.lower() != original:
                if not original.isupper() or len(original) > 6:
                    continue  # a capitalised word inside a sentence: a name or a title
            done = hit.end
            best = render(entry["replace"][0], hit.choices, entry["pattern"])
            if original[:1].isupper():
                best = transfer_case(original, best) if best[:1].islower() else best
            message = f"mot {LANGUAGES.get(language, language)} non traduit : « {original} » → « {best} »"
            yield self.edit(doc, hit.start, hit.end, best, entry["confidence"], message)


def _sentence_start(text: str, i: int) -> bool:
    from ...tokens import at_sentence_start

    return at_sentence_start(text, i)


class ForeignWord(PhraseRule):
    """Report (never apply) a word much more frequent in English or Spanish than in French.

    Example: ``Le gouvernement a annoncé un rollback des mesures.`` → a report on ``rollback``
    (``mot anglais non traduit ?``: translate it, or set it in italics); the text is left as it is. Names, quotations, code lines and
    words next to other foreign words are left out; documents with many such words (technical or bilingual
    text) are not reported at all.
    """

    id = "mt-foreign-word"
    category = "mt_residue"
    description = "mot probablement anglais ou espagnol resté dans une phrase française (signalé seulement)"

    #: A document where more than this share of the words looks foreign is technical or bilingual.
    MAX_FOREIGN_SHARE = 0.002

    @classmethod
    def scan_patterns(cls) -> Iterable[tuple[str, str]]:
        return ((f"foreign:{w}", w) for w in foreign_words())

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        hits = scan(doc).get("foreign", ())
        if not hits:
            return
        counts = Counter(h.key for h in hits)
        if len(hits) > max(3, len(text) / 6 * self.MAX_FOREIGN_SHARE):
            return  # technical or bilingual text: foreign words are its own
        words = foreign_words()
        for hit in hits:
            word = hit.key
            start, end = hit.start, hit.end
            language = words[word]
            if counts[word] >= 3 or text[start:end] != word:
                continue  # repeated (used on purpose) or capitalised (a name, a title)
            if text[start - 1 : start] == "-" or text[end : end + 1] == "-":
                continue  # part of a hyphenated compound (starting-blocks, media-naranja)
            # The neighbours first: most hits fail there, and the passage test reads the document's protected spans.
            if not _neighbours_french(text, start, end) or foreign_passage(doc, start, end, language):
                continue
            # No translation is known: a report (replacement = original, never applied) whose message
            # asks for a translation.
            yield self.edit(
                doc,
                start,
                end,
                word,
                REPORT,
                f"mot {LANGUAGES[language]} non traduit ? « {word} » est bien plus fréquent en "
                f"{LANGUAGES[language]} qu'en français : à traduire, ou à mettre en italique",
            )
