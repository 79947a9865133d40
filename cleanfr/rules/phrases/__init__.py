"""The phrase pass: calques, MT residue, foreign words, determiner gender and localised versions.

The phrase tables of every :class:`PhraseRule` (:meth:`PhraseRule.scan_patterns`, asked in the order of
the registry) share one Aho–Corasick automaton (:mod:`._matcher`), so the text is read once for the whole
pass (:func:`scan`, memoised per document); each rule then runs its context logic on its own hits only.
Rules that read the blank-separated tokens (:meth:`PhraseRule.token_reader`) share one split of the text
the same way (:func:`read_tokens`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator, Protocol

from ...tokens import split_slices
from .. import Rule, all_rules
from ._matcher import _PLAIN_PATTERN, _TOKEN, Hit, PhraseMatcher, _slot, fold_keeping_offsets

if TYPE_CHECKING:
    from ...document import Document

__all__ = ["PhraseRule", "TokenReader", "folded_text", "read_tokens", "scan", "shared_matcher"]


class TokenReader(Protocol):
    """What a rule gathers from the blank-separated tokens of a document (``text.split()``), given slice by
    slice in text order (:func:`~cleanfr.tokens.split_slices`: the whole split never exists at once)."""

    def feed(self, tokens: list[str]) -> None: ...


class PhraseRule(Rule):
    """A rule of the phrase pass whose findings start from hits of the shared automaton."""

    pass_name = "phrases"

    @classmethod
    def scan_patterns(cls) -> Iterable[tuple[str, str]]:
        """``(kind:key, pattern)`` of the phrases this rule looks for; its hits come back from :func:`scan`
        under ``kind`` (a prefix of its own, ``calque``, ``residue``…)."""
        return ()

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        """``(kind:key, literal)``: literals found anywhere in the folded text, no word boundary asked (the
        literal holds the blanks or marks around it that matter); their hits come back from :func:`scan`
        under ``kind`` with the literal's span. A rule whose gate is a few literals (a blank beside an
        apostrophe, an English word between blanks) reads them in the pass's one walk of the text."""
        return ()

    @classmethod
    def token_reader(cls, text: str) -> TokenReader | None:
        """A fresh reader of ``text``'s blank-separated tokens, or None when the rule reads none; after
        :func:`read_tokens` has fed it every slice, the rule finds it under its class."""
        return None


def read_tokens(doc: "Document") -> dict[type[PhraseRule], TokenReader]:
    """Every phrase rule's :class:`TokenReader`, fed the document's tokens in one split for the pass
    (memoised per document)."""
    return doc.memo("phrases.tokens", _read_tokens)


def _read_tokens(doc: "Document") -> dict[type[PhraseRule], TokenReader]:
    readers = {}
    for cls in all_rules():
        if issubclass(cls, PhraseRule) and (reader := cls.token_reader(doc.text)) is not None:
            readers[cls] = reader
    if readers:
        feeds = [reader.feed for reader in readers.values()]
        for tokens in split_slices(doc.text):
            for feed in feeds:
                feed(tokens)
    return readers


def scan(doc: "Document") -> dict[str, list[Hit]]:
    """Hits of every phrase-pass table in ``doc``, by kind (``calque``, ``residue``, ``foreign``, ``det``).

    All tables share one automaton, so the text is read once for the whole pass (memoised per document).
    """
    return doc.memo("phrases.scan", _scan)


def folded_text(doc: "Document") -> str:
    """:func:`fold_keeping_offsets` of the document, computed once per pass."""
    return doc.memo("phrases.fold", lambda d: fold_keeping_offsets(d.text))


def _scan(doc: "Document") -> dict[str, list[Hit]]:
    out: dict[str, list[Hit]] = defaultdict(list)
    folded = folded_text(doc)
    for hit in _matcher_for(folded).find(folded):
        out[hit.kind].append(hit)
    return out


def _shared_patterns() -> Iterator[tuple[str, str]]:
    """The patterns of every phrase rule of the registry (whichever are selected: the scan is shared)."""
    for cls in all_rules():
        if issubclass(cls, PhraseRule):
            yield from cls.scan_patterns()


@lru_cache(maxsize=1)
def _shared_triggers() -> tuple[tuple[str, str], ...]:
    """The triggers of every phrase rule of the registry (see :meth:`PhraseRule.scan_triggers`), folded once."""
    return tuple(
        (key, fold_keeping_offsets(literal))
        for cls in all_rules()
        if issubclass(cls, PhraseRule)
        for key, literal in cls.scan_triggers()
    )


@lru_cache(maxsize=1)
def shared_matcher() -> PhraseMatcher:
    """The automaton of the calque tables, the residue table, foreign words and every rule's triggers."""
    return PhraseMatcher(_shared_patterns(), _shared_triggers(), kinds=True)


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
    return small_matcher(folded)


def small_matcher(folded: str) -> PhraseMatcher:
    """An automaton of the shared patterns and triggers that can match in ``folded`` (see :func:`_matcher_for`)."""
    return PhraseMatcher(
        ((key, pattern) for key, pattern, slots in _gates() if _possible(slots, folded)),
        ((key, literal) for key, literal in _shared_triggers() if literal in folded),
        kinds=True,
    )


@lru_cache(maxsize=1)
def _gates() -> list[tuple[str, str, tuple[tuple[str, ...] | str, ...]]]:
    """Every shared pattern with its slots for :func:`_possible`, literal text first (the cheapest test, and the
    one that rules most patterns out): a literal or ``{…}`` slot as its folded alternatives, a verb slot as its
    lemma (expanded only if the other slots pass)."""
    out: list[tuple[str, str, tuple[tuple[str, ...] | str, ...]]] = []
    for key, pattern in _shared_patterns():
        if _PLAIN_PATTERN.match(pattern):
            out.append((key, pattern, ((fold_keeping_offsets(pattern),),)))
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
