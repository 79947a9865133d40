"""The order of passes, rule selection, and the applied-vs-suggested decision.

Passes run in :data:`cleanfr.rules.PASSES` order (Unicode → blocks → words → phrases → typography).
Within a pass every enabled rule reads the same text; their edits are resolved into a
non-overlapping set, applied, and composed into one log against the original input. When a round of
passes changed the text, the passes run again (at most :data:`MAX_ROUNDS`), so the output is a fixed
point. Which edits are applied is decided by their grade's judged precision (:mod:`cleanfr.calibration`).

>>> Pipeline().fix("Ã©tÃ© Ã  Paris").text
'été à Paris'
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterable

from .calibration import Calibration
from .document import Document
from .edits import Edit, EditLog, resolve_overlaps
from .rules import PASSES, Rule, all_rules, rule_modules
from .tokens import WordMatcher

if TYPE_CHECKING:
    from .config import Config

__all__ = ["Pipeline", "Result", "SelectionError", "all_rules", "fix", "rule_modules", "select_rules"]

#: Edits below this stated confidence are only suggested, whatever their grade's measured precision.
DEFAULT_MIN_CONFIDENCE = 0.8
#: How the pipeline decides what to apply: ``"measured"`` applies an edit only when its grade's judged
#: precision on real text is high enough (:mod:`cleanfr.calibration`); ``"stated"`` trusts each rule's
#: stated confidence alone (to study what a rule finds, as the rule tests do).
TRUST_MODES = ("measured", "stated")
DEFAULT_TRUST = "measured"
#: Rounds of every pass at most: a second round runs only where the first changed the text.
MAX_ROUNDS = 3


class SelectionError(ValueError):
    """A ``select``/``ignore`` name that is neither a rule id nor a category."""


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[type[Rule]]:
    """Rules enabled by ``select``/``ignore`` (rule ids or categories; ``ALL`` selects every rule).

    Without ``select``, the rules enabled by default run. A rule named explicitly by id in
    ``select`` runs even if it is off by default.

    >>> [r.id for r in select_rules(select=["unicode"])]
    ['mojibake']
    """
    rules = all_rules()
    known = {r.id for r in rules} | {r.category for r in rules} | {"ALL"}
    for name in list(select or []) + list(ignore or []):
        if name not in known:
            raise SelectionError(f"unknown rule or category: {name!r} (see `cleanfr rules`)")
    if select is None:
        chosen = [r for r in rules if r.default_enabled]
    else:
        names = set(select)
        chosen = [r for r in rules if r.id in names or ("ALL" in names or r.category in names) and r.default_enabled]
    drop = set(ignore or [])
    return [r for r in chosen if r.id not in drop and r.category not in drop and "ALL" not in drop]


@dataclass(frozen=True)
class Result:
    """The corrected text and every edit (applied and suggested), offsets in the input."""

    text: str
    edits: list[Edit]

    @property
    def applied(self) -> list[Edit]:
        return [e for e in self.edits if e.applied]

    @property
    def suggested(self) -> list[Edit]:
        return [e for e in self.edits if not e.applied]

    def to_json(self) -> str:
        """``{"text": ..., "edits": [...]}`` as one JSON document."""
        return json.dumps({"text": self.text, "edits": [e.to_dict() for e in self.edits]}, ensure_ascii=False)


class Pipeline:
    """A configured sequence of passes; reuse one instance for many texts."""

    def __init__(
        self,
        select: Iterable[str] | str | None = None,
        ignore: Iterable[str] | str | None = None,
        min_confidence: float | None = None,
        trust: str | None = None,
        config: Config | None = None,
    ) -> None:
        select, ignore = _names(select, "select"), _names(ignore, "ignore")
        if config is not None:  # the arguments override the configuration, as options do
            if select is None:
                select, ignore = config.select, ignore if ignore is not None else config.ignore
            # An explicit selection replaces the configuration's whole selection: --select ALL means all.
            min_confidence = min_confidence if min_confidence is not None else config.min_confidence
        if trust is not None and trust not in TRUST_MODES:
            raise SelectionError(f"trust must be one of {', '.join(TRUST_MODES)}, got {trust!r}")
        self._trust = trust
        self.calibration = Calibration.load()  # read and validated now, not on the first text
        self.min_confidence = DEFAULT_MIN_CONFIDENCE if min_confidence is None else float(min_confidence)
        if not 0.0 <= self.min_confidence <= 1.0:
            raise SelectionError(f"min_confidence must be between 0 and 1, got {min_confidence}")
        built = (cls() if config is None else cls.from_config(config) for cls in select_rules(select, ignore))
        # A rule made of the user's data (user-calque) has nothing to do without a configuration.
        rules = [rule for rule in built if rule is not None and (config is not None or not rule.needs_config)]
        self.passes: list[list[Rule]] = [[r for r in rules if r.pass_name == p] for p in PASSES]
        self.passes = [p for p in self.passes if p]
        self.document_class: type[Document] = Document
        style = config.apostrophe_char if config is not None else None
        if style is not None:
            self.document_class = type("StyledDocument", (_StyledDocument,), {"forced_apostrophe": style})
        # one automaton for all the protected words (an alternation of 300,000 words took minutes per text)
        self.protected = WordMatcher(config.protected_words) if config is not None and config.protected_words else None

    def fix(self, text: str) -> Result:
        """Run every pass over ``text``."""
        if not isinstance(text, str):
            raise TypeError(f"cleanfr expects str, got {type(text).__name__}")
        log = EditLog(text)
        # Idempotence is the pipeline's job: a repair of a later pass can give an earlier one something to
        # do (a hyphenated word joined makes two paragraphs identical), so the passes run again until nothing
        # more is found, as ftfy loops its fixes. What a new round can find is where the last one wrote: the
        # changed paragraphs are read again first, and the whole text goes through the passes again only
        # when they give something new. Clean text takes one round; a 7 MB book whose round changed
        # 72 paragraphs no longer takes two.
        changed = self._round(log)
        for _ in range(MAX_ROUNDS - 1):
            if not changed or self._settled(log, changed):
                break
            changed = self._round(log)
        return Result(log.text, _once(log.edits))

    def _round(self, log: EditLog) -> list[tuple[int, int]]:
        """Run every pass once over the log's text; return the spans of the new text the round wrote (an
        empty span where it removed text), sorted."""
        changed: list[tuple[int, int]] = []
        doc: Document | None = None
        for rules in self.passes:
            if not log.text:
                break
            # A pass that changed nothing leaves the next one the same text, and the analyses already made
            # of it (vocabulary, protected spans, conventions: functions of the text alone) stay valid.
            if doc is None or doc.text != log.text:
                doc = self.document_class(log.text)
            edits = resolve_overlaps(self._candidates(rules, doc))
            applied = [e for e in edits if e.applied]
            if applied:
                # The text changes: the pass's analyses of the old one are let go before the new one is made
                # (on a long text they weigh as much as the text itself).
                doc = None
                changed = _carried(changed, applied)
            log.add(edits)
        return changed

    def _candidates(self, rules: list[Rule], doc: Document) -> list[Edit]:
        """What ``rules`` find in ``doc``, each marked applied or suggested, protected words left alone."""
        candidates = [_marked(e, self.applies(e)) for rule in rules for e in rule.find(doc)]
        if self.protected is not None:
            candidates = self._unprotected(doc.text, candidates)
        return candidates

    def _settled(self, log: EditLog, changed: list[tuple[int, int]]) -> bool:
        """Run the round that follows one that wrote ``changed`` where it can find something; ``False`` when
        it would change the text (a whole round must run), else ``True`` with its suggestions logged.

        The rules read the paragraphs the last round changed as one text. A rule that finds something
        there that is no suggestion already logged at the same place then reads the whole text, as a round
        would have it read (the excerpt lacks the rest of the document: a capital the document writes
        elsewhere, a word's usage); so do the rules that read the whole text anyway
        (:attr:`~cleanfr.rules.Rule.reads_whole_text`: a paragraph and its copy far away). Until an edit
        is applied no text changes, so every pass reads the text a round would.
        """
        text = log.text
        excerpt = _Excerpt(text, changed)
        if 2 * len(excerpt.text) > len(text):
            return False  # most of the text changed: a whole round costs less than reading it twice
        known = {_key(e) for e in log.suggested}
        whole = part = None
        suggested: list[Edit] = []
        for rules in self.passes:
            readers = {r.id for r in rules if r.reads_whole_text}
            if len(readers) < len(rules):
                part = part or self.document_class(excerpt.text)
                found = self._candidates([r for r in rules if r.id not in readers], part)
                placed = [excerpt.placed(e) for e in found]
                # A finding across the excerpt's joins, or one to apply: the whole text decides.
                readers |= {e.rule for e, p in zip(found, placed) if p is None or p.applied}
                kept = sorted((p for p in placed if p is not None), key=_position)
                readers |= {e.rule for e in log.as_recorded(kept) if _key(e) not in known}
            if readers:
                whole = whole or self.document_class(text)
                found = self._candidates([r for r in rules if r.id in readers], whole)
                if any(e.applied for e in found):
                    return False
                suggested += resolve_overlaps(found)  # all suggestions: the order a round logs them in
        log.add(suggested)
        return True

    def _unprotected(self, text: str, candidates: list[Edit]) -> list[Edit]:
        """Drop the edits that touch an occurrence of a protected word of the configuration."""
        assert self.protected is not None
        spans = [(start, end) for start, end, _ in self.protected.occurrences(text)]
        if not spans:
            return candidates
        starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((t for _, t in spans), max))  # furthest end of the spans so far
        kept = []
        for e in candidates:
            # The spans starting before the edit's end touch it when the furthest of them reaches past its start.
            k = bisect.bisect_left(starts, e.end) - 1
            if k < 0 or reach[k] <= e.start:
                kept.append(e)
        return kept

    def applies(self, edit: Edit) -> bool:
        """Whether ``edit`` is applied or only suggested.

        A finding whose replacement equals the original is a report (e.g. an untranslated word with no
        known translation): it is always a suggestion. When trusting measurements, an edit of a measured
        grade is applied when the grade is trusted (:mod:`cleanfr.calibration`) and its judged precision
        reaches the threshold; any other edit when its stated confidence reaches the threshold.
        """
        if edit.original == edit.replacement:
            return False
        grade = self.calibration.grade(edit.rule, edit.confidence) if self.trust == "measured" else None
        if grade is None or grade.status == "unmeasured":
            return edit.confidence >= self.min_confidence
        # A measured grade: its judged precision stands for the rule's stated confidence.
        return grade.status == "apply" and grade.precision >= self.min_confidence

    @property
    def trust(self) -> str:
        """``"measured"`` or ``"stated"``; a pipeline built without one follows :data:`DEFAULT_TRUST`."""
        return self._trust or DEFAULT_TRUST


def _position(edit: Edit) -> tuple[int, int]:
    return (edit.start, edit.end)


def _marked(edit: Edit, applied: bool) -> Edit:
    """``edit`` applied or suggested (a rule's edits are mostly applied already: no copy then)."""
    return edit if edit.applied is applied else replace(edit, applied=applied)


def _key(edit: Edit) -> tuple[int, int, str, str]:
    """What makes a suggestion the same as one already logged."""
    return (edit.start, edit.end, edit.replacement, edit.rule)


def _carried(spans: list[tuple[int, int]], applied: list[Edit]) -> list[tuple[int, int]]:
    """``spans`` of a text carried into the text ``applied`` (sorted, non-overlapping) makes of it, with the
    spans the edits wrote; a span an edit overlaps grows to cover the edit's replacement."""
    ends = [e.end for e in applied]
    shifts = list(itertools.accumulate((len(e.replacement) - (e.end - e.start) for e in applied), initial=0))

    def moved(pos: int, right: bool) -> int:
        # The edits ending at or before pos shift it; a pos inside an edit goes to that edit's new bounds.
        i = bisect.bisect_right(ends, pos) if right else bisect.bisect_left(ends, pos)
        if i < len(applied) and applied[i].start < pos:
            e = applied[i]
            return e.start + shifts[i] + (len(e.replacement) if right else 0)
        return pos + shifts[i]

    out = [(moved(s, False), moved(t, True)) for s, t in spans]
    out += [(e.start + shifts[i], e.start + shifts[i] + len(e.replacement)) for i, e in enumerate(applied)]
    return sorted(out)


class _Excerpt:
    """The paragraphs (blank-line separated) holding ``changed`` spans of ``text`` (both sides of a span that
    reaches into the blank lines between two), joined by blank lines into one text whose offsets map back to
    ``text``."""

    _GAP = "\n\n"

    def __init__(self, text: str, changed: list[tuple[int, int]]) -> None:
        breaks = list(_PARAGRAPH_BREAK.finditer(text))
        starts = [0] + [m.end() for m in breaks]
        ends = [m.start() for m in breaks] + [len(text)]
        windows: list[tuple[int, int]] = []
        for s, t in changed:
            first = bisect.bisect_right(starts, s) - 1
            last = bisect.bisect_right(starts, t) - 1
            if t > ends[last]:  # the span reaches into the blank lines: the paragraph after them is changed too
                last = min(last + 1, len(ends) - 1)
            lo, hi = starts[first], ends[last]
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
        self.windows = windows
        self.offsets = list(itertools.accumulate((t - s + len(self._GAP) for s, t in windows), initial=0))
        self.text = self._GAP.join(text[s:t] for s, t in windows)

    def placed(self, edit: Edit) -> Edit | None:
        """``edit`` (excerpt offsets) in the offsets of the whole text; ``None`` when it crosses a join."""
        i = bisect.bisect_right(self.offsets, edit.start) - 1
        s, t = self.windows[i]
        delta = s - self.offsets[i]
        if edit.end + delta > t:
            return None
        return replace(edit, start=edit.start + delta, end=edit.end + delta)


#: Where one paragraph ends and the next begins: a blank line (and any further blank lines).
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n(?:[^\S\n]*\n)*")


def _once(edits: list[Edit]) -> list[Edit]:
    """The log without the suggestions a later round made again at the same place (sorted input kept)."""
    seen: set[tuple[int, int, str, str]] = set()
    out = []
    for e in edits:
        if not e.applied:
            key = (e.start, e.end, e.replacement, e.rule)
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out


def _names(names: Iterable[str] | str | None, what: str) -> tuple[str, ...] | None:
    """Rule ids or categories as a tuple; one string is one name (``select="glued"``), not its letters."""
    if names is None:
        return None
    if isinstance(names, str):
        return (names,)
    names = tuple(names)
    if not all(isinstance(n, str) for n in names):
        raise SelectionError(f"{what} takes rule ids or categories (strings), got {names!r}")
    return names


class _StyledDocument(Document):
    """A document whose apostrophe is imposed by the configuration."""

    forced_apostrophe = "\u2019"

    @cached_property
    def apostrophe(self) -> str:
        return self.forced_apostrophe


@lru_cache(maxsize=32)
def _cached_pipeline(
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    min_confidence: float | None,
    trust: str | None,
    config: Config | None,
) -> Pipeline:
    return Pipeline(select, ignore, min_confidence, trust, config)


def fix(
    text: str,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    min_confidence: float | None = None,
    trust: str | None = None,
    config: Config | None = None,
) -> Result:
    """Repair ``text`` and return the corrected text with its edit log.

    >>> r = fix("Ã©tÃ© Ã  Paris")
    >>> r.text, r.edits[0].original, r.edits[0].replacement
    ('été à Paris', 'Ã©tÃ©', 'été')
    """
    pipeline = _cached_pipeline(
        _names(select, "select"),
        _names(ignore, "ignore"),
        min_confidence,
        trust,
        config,
    )
    return pipeline.fix(text)
