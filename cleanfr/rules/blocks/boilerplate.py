"""Boilerplate lines: share bars, « Lire aussi » teasers, newsletter, cookie and advertising labels.

Scrapers keep the interface text around an article. The patterns live in
``cleanfr/data/boilerplate.toml`` (one entry per pattern, each with lines that must and must not
match); a pattern matches a whole line, never part of a sentence. Lone identifier labels such as
``fr-02`` are only removed in the run of lines that ends the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import tables
from . import BlockRule, PlanState, Proposal
from ._lines import LineMatcher, preview

#: How many lines the end-of-document scan looks at.
END_ZONE = 6


@dataclass(frozen=True)
class Pattern:
    id: str
    lang: str
    where: str
    confidence: float
    message: str
    regex: str
    case_sensitive: bool
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@lru_cache(maxsize=1)
def patterns() -> tuple[Pattern, ...]:
    """The entries of ``boilerplate.toml``, in file order."""
    table = tables.toml("boilerplate.toml")
    return tuple(
        Pattern(
            e["id"],
            e["lang"],
            e["where"],
            float(e["confidence"]),
            e["message"],
            e["regex"],
            bool(e.get("case_sensitive", False)),
            tuple(e["positive"]),
            tuple(e["negative"]),
        )
        for e in table["pattern"]
    )


def line_patterns() -> list[tuple[str, str, bool]]:
    """The patterns valid anywhere, keyed ``boilerplate:<entry>`` for the shared line matcher."""
    return [(f"boilerplate:{i}", p.regex, p.case_sensitive) for i, p in enumerate(patterns()) if p.where == "any"]


@lru_cache(maxsize=1)
def _end_matcher() -> LineMatcher:
    """All patterns, for the lines that end the document."""
    return LineMatcher((f"boilerplate:{i}", p.regex, p.case_sensitive) for i, p in enumerate(patterns()))


@lru_cache(maxsize=1)
def _any_matcher() -> LineMatcher:
    """The patterns valid anywhere (the block pass reads them with every block rule's, in one matcher)."""
    return LineMatcher(line_patterns())


def match_line(line: str, at_end: bool = False) -> Pattern | None:
    """The boilerplate pattern that ``line`` is entirely made of, if any.

    >>> match_line("À lire aussi : Les Bleus battus à domicile").id
    'read-also'
    >>> match_line("fr-02") is None, match_line("fr-02", at_end=True).id
    (True, 'document-id')
    """
    key = (_end_matcher() if at_end else _any_matcher()).match(line)
    return None if key is None else patterns()[int(key.split(":")[1])]


def end_zone(state: PlanState) -> dict[int, Pattern]:
    """The run of lines that ends the document, each made of a pattern (end-only labels included); empty
    when the whole text is made of such lines (a label alone is the text itself, with no article to trail)."""

    def compute(state: PlanState) -> dict[int, Pattern]:
        seg = state.seg
        zone: dict[int, Pattern] = {}
        for li in reversed(seg.units[-END_ZONE:]):
            pattern = match_line(seg.texts[li], at_end=True)
            if pattern is None:
                break
            zone[li] = pattern
        return zone

    return state.memo("boilerplate.end_zone", compute)


def _introduced(state: PlanState, li: int) -> bool:
    """Whether the line before line ``li`` ends with a colon: it introduces what follows (code the reader is
    told to copy), which no scraper left there."""
    k = state.seg.unit_pos(li)
    if k == 0:
        return False
    return state.seg.texts[state.seg.units[k - 1]].rstrip(" \t\u00a0\u202f").endswith(":")


def _proposal(rule: str, pattern: Pattern, text: str, li: int) -> Proposal:
    message = f"ligne parasite supprimée ({pattern.message}) : « {preview(text)} »"
    return Proposal(rule, "boilerplate", pattern.confidence, message, line=li)


class BoilerplateLine(BlockRule):
    """Remove interface lines a scraper kept: share bars, « Lire aussi » teasers, newsletter,
    subscription and cookie prompts, « Publicité », breadcrumbs, pasted CSS.

    Example: the line ``À lire aussi : Les Bleus battus à domicile`` between two paragraphs is
    removed with the blank line after it; ``Lire aussi les commentaires, qui éclairent le texte``
    stays (the pattern must cover the whole line).
    """

    id = "boilerplate-line"
    category = "boilerplate"
    description = "lignes d’interface recopiées (partage, « Lire aussi », newsletter, cookies, publicité)"
    order = 10

    @classmethod
    def line_patterns(cls) -> list[tuple[str, str, bool]]:
        return line_patterns()

    def propose(self, state: PlanState) -> None:
        zone = end_zone(state)
        for li, pattern in zone.items():
            if pattern.where != "end":
                self._remove(state, li, pattern)
        self.propose_lines(state, {li: key for li, key in state.kinds.items() if li not in zone})

    def propose_lines(self, state: PlanState, found: dict[int, str]) -> None:
        for li, key in found.items():
            family, _, entry = key.partition(":")
            if family == "boilerplate":
                self._remove(state, li, patterns()[int(entry)])

    def _remove(self, state: PlanState, li: int, pattern: Pattern) -> None:
        if pattern.lang == "code" and _introduced(state, li):
            return  # « ajoutez le code suivant à votre vector.css : » — the code is the page's content
        state.remove(_proposal(self.id, pattern, state.seg.texts[li], li))


class TrailingLabel(BlockRule):
    """Remove lone labels that end a document: identifiers (``fr-02``), tag lists, source labels.

    Example: an article ending with the line ``fr-02`` loses that line and the blank lines before
    it. Source labels (``Source : AFP``) are only suggested.
    """

    id = "trailing-label"
    category = "boilerplate"
    description = "étiquette isolée en fin de document (identifiant, mots-clés, source)"
    order = 10

    def propose(self, state: PlanState) -> None:
        zone = end_zone(state)
        if len(zone) == len(state.seg.units):  # a text made only of labels: nothing for them to trail
            return
        for li, pattern in zone.items():
            if pattern.where == "end":
                state.remove(_proposal(self.id, pattern, state.seg.texts[li], li))
