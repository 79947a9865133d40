"""The block pass: whole lines and blocks (boilerplate lines, social-media embeds, duplicated headlines and
paragraphs), removed through one shared plan.

Every :class:`BlockRule` proposes whole-line removals or in-line cuts into one :class:`PlanState`, in the
order the registry states (:attr:`~cleanfr.rules.Rule.order`); a line an earlier rule removes is not
proposed again. Rules that compare lines with each other (:attr:`BlockRule.after_cuts`) run once the
in-line cuts are settled, on the lines as they will read. The plan then turns each removed line into one
edit that also takes the blank lines that go with it, so the output keeps normal paragraph spacing and
the log holds every removed character. The plan is computed once per document with every block rule of
the registry, whichever rules are selected; each rule's :meth:`~BlockRule.find` returns its own part.

>>> from cleanfr.document import Document
>>> plan = block_plan(Document("Titre de l’article\\n\\nPublicité\\n\\nLe texte suit.\\n"))
>>> [(c.rule, c.original) for c in plan]
[('boilerplate-line', 'Publicité\\n\\n')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import filterfalse
from typing import Any, Callable, ClassVar, Iterable

from ...document import Document
from ...edits import Edit
from .. import Rule, all_rules
from ._lines import LineMatcher, Segmentation

__all__ = ["APPLY_THRESHOLD", "BlockRule", "Cut", "PlanState", "PlannedEdit", "Proposal", "block_plan"]

#: Removals at or above this confidence are laid out as if applied (the pipeline's default
#: threshold): the blank lines around a run of removed lines are shared out between them.
APPLY_THRESHOLD = 0.8


class BlockRule(Rule):
    """A rule of the block pass: it proposes into the shared plan; its edits are its part of the plan."""

    pass_name = "blocks"
    reads_whole_text = True  # duplicates compare every block with every other; the plan is one for all
    #: Proposes after the in-line cuts of the other rules are settled, comparing lines as they will read.
    after_cuts: ClassVar[bool] = False

    @classmethod
    def line_patterns(cls) -> list[tuple[str, str, bool]]:
        """``(key, regex, case_sensitive)`` of the whole lines this rule recognises; the keys come back in
        :attr:`PlanState.kinds` (one matcher reads every line once for all the rules)."""
        return []

    def propose(self, state: PlanState) -> None:
        """Propose removals and cuts into ``state``."""

    def propose_lines(self, state: PlanState, found: dict[int, str]) -> None:
        """Propose the removal of lines that planned cuts turned into a whole-line pattern (``found``:
        line index → matcher key, as in :attr:`PlanState.kinds`)."""

    def find(self, doc: Document) -> Iterable[Edit]:
        for e in block_plan(doc):
            if e.rule == self.id:
                yield self.edit(doc, e.start, e.end, e.replacement, e.confidence, e.message)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A rule's wish to remove a whole line (``line``) or to cut ``[start, end)`` inside line ``line``."""

    rule: str
    category: str
    confidence: float
    message: str
    line: int = -1
    cut: "Cut | None" = None


@dataclass(frozen=True, slots=True)
class Cut:
    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class PlannedEdit:
    """An edit the plan gives to one rule: offsets in the document's text."""

    rule: str
    start: int
    end: int
    original: str
    replacement: str
    confidence: float
    message: str


@dataclass
class PlanState:
    """What the rules have decided so far; later rules skip lines earlier ones remove."""

    seg: Segmentation
    #: Lines entirely made of a known pattern: ``{line index: "family:entry"}``.
    kinds: dict[int, str] = field(default_factory=dict)
    removed: dict[int, Proposal] = field(default_factory=dict)
    cuts: list[Proposal] = field(default_factory=list)
    #: Analyses several rules of a family share (computed by the first that asks): see :meth:`memo`.
    _memo: dict[str, Any] = field(default_factory=dict)

    def memo(self, key: str, compute: Callable[[PlanState], Any]) -> Any:
        """``compute(self)``, once per plan: a family's analysis that each of its rules reads its part of."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        return self._memo[key]

    def remove(self, proposal: Proposal) -> None:
        """Record a whole-line removal unless an earlier family already removes that line."""
        if proposal.line not in self.removed:
            self.removed[proposal.line] = proposal

    def texts_after_cuts(self) -> dict[int, str]:
        """The lines that planned in-line cuts change, as they will read once cut."""
        by_line: dict[int, list[Cut]] = {}
        for p in self.cuts:
            if p.cut is not None:
                by_line.setdefault(p.line, []).append(p.cut)
        out = {}
        for li, cuts in by_line.items():
            text = self.seg.texts[li]
            start = self.seg.starts[li]
            for c in sorted(cuts, key=lambda c: -c.start):
                text = text[: c.start - start] + c.replacement + text[c.end - start :]
            out[li] = text
        return out

    def surviving_units(self) -> list[int]:
        """Non-blank lines no family removes (suggestions count as removed: the text is doubtful)."""
        return list(filterfalse(self.removed.__contains__, self.seg.units))


def block_plan(doc: Document) -> list[PlannedEdit]:
    """Run every block rule once per document and lay out their edits (memoised)."""
    return doc.memo("blocks.plan", _compute_plan)


@lru_cache(maxsize=1)
def _planners() -> tuple[BlockRule, ...]:
    """One instance of every block rule of the registry, in its order."""
    return tuple(cls() for cls in all_rules() if issubclass(cls, BlockRule))


@lru_cache(maxsize=1)
def _line_matcher() -> LineMatcher:
    """One matcher for every whole-line pattern of the rules, so each line is read once."""
    return LineMatcher([p for rule in _planners() for p in rule.line_patterns()])


def _compute_plan(doc: Document) -> list[PlannedEdit]:
    seg = Segmentation(doc.text)
    if not seg.units:
        return []
    state = PlanState(seg, _line_matcher().match_units(seg))
    planners = _planners()
    for rule in planners:
        if not rule.after_cuts:
            rule.propose(state)
    _rematch_cut_lines(state, planners)
    for rule in planners:
        if rule.after_cuts:
            rule.propose(state)
    return _layout(state)


def _rematch_cut_lines(state: PlanState, planners: tuple[BlockRule, ...]) -> None:
    """A line that a planned cut (a tweet link) leaves empty or made of a known pattern goes whole:
    otherwise a second run would find it, and the repair would not be idempotent."""
    after = state.texts_after_cuts()
    found: dict[int, str] = {}
    emptied: list[int] = []
    for li, text in after.items():
        if li in state.removed:
            continue
        if not text.strip():
            emptied.append(li)
        elif (key := _line_matcher().match(text)) is not None:
            found[li] = key
    if not found and not emptied:
        return
    gone = set(found) | set(emptied)
    lost_cuts = [p for p in state.cuts if p.line in gone]
    state.cuts = [p for p in state.cuts if p.line not in gone]
    for li in emptied:  # the cuts took everything: the line goes with the rule of its first cut
        first = lost_cuts[[p.line for p in lost_cuts].index(li)]
        state.remove(Proposal(first.rule, first.category, first.confidence, first.message, line=li))
    for rule in planners:
        rule.propose_lines(state, found)


def _layout(state: PlanState) -> list[PlannedEdit]:
    """Turn proposals into edits; a removed line takes the blank lines after it.

    A run of removed lines that reaches the end of the text takes the blank lines before it
    instead, so the text ends right after its last kept line (with its line terminator).
    """
    seg = state.seg
    text = seg.text
    units = seg.units
    applied = {li for li, p in state.removed.items() if p.confidence >= APPLY_THRESHOLD}
    # First unit of the trailing run of applied removals, if any.
    trailing_from = len(units)
    while trailing_from > 0 and units[trailing_from - 1] in applied:
        trailing_from -= 1
    edits: list[PlannedEdit] = []
    for li, p in state.removed.items():
        k = seg.unit_pos(li)
        start = seg.starts[li]
        if start == 0 and text.startswith("\ufeff"):
            start = 1  # a byte-order mark kept as text belongs to the file, not to the removed line
        end = seg.starts[units[k + 1]] if k + 1 < len(units) else len(text)
        if li in applied and k == trailing_from and k > 0:
            prev = seg.line(units[k - 1])
            start = prev.next if seg.ends_with_newline else prev.end
        edits.append(PlannedEdit(p.rule, start, end, text[start:end], "", p.confidence, p.message))
    for p in state.cuts:
        c = p.cut
        assert c is not None
        edits.append(PlannedEdit(p.rule, c.start, c.end, text[c.start : c.end], c.replacement, p.confidence, p.message))
    edits.sort(key=lambda e: e.start)
    return edits
