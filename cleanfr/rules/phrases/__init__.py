"""The phrase pass: calques, MT residue, foreign words, determiner gender and localised versions.

The phrase tables of every :class:`PhraseRule` (:meth:`PhraseRule.scan_patterns`, asked in the order of
the registry) share one Aho–Corasick automaton (:mod:`._matcher`), so the text is read once for the whole
pass (:func:`scan`, memoised per document); each rule then runs its context logic on its own hits only.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from .. import Rule, all_rules
from ._matcher import _PLAIN_PATTERN, _TOKEN, Hit, PhraseMatcher, _slot, fold_keeping_offsets

if TYPE_CHECKING:
    from ...document import Document

__all__ = ["PhraseRule", "folded_text", "scan", "shared_matcher"]


class PhraseRule(Rule):
    """A rule of the phrase pass whose findings start from hits of the shared automaton."""

    pass_name = "phrases"

    @classmethod
    def scan_patterns(cls) -> Iterable[tuple[str, str]]:
        """``(kind:key, pattern)`` of the phrases this rule looks for; its hits come back from :func:`scan`
        under ``kind`` (a prefix of its own, ``calque``, ``residue``…)."""
        return ()


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
        kind, _, key = hit.key.partition(":")
        out[kind].append(Hit(hit.start, hit.end, key, hit.choices))
    return out


def _shared_patterns() -> Iterator[tuple[str, str]]:
    """The patterns of every phrase rule of the registry (whichever are selected: the scan is shared)."""
    for cls in all_rules():
        if issubclass(cls, PhraseRule):
            yield from cls.scan_patterns()


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
