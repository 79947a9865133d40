"""The edit model shared by every rule, and the algebra that composes edits across passes.

An :class:`Edit` says: replace ``original`` at ``[start, end)`` of the **original input**
(offsets in code points) by ``replacement``. Passes run one after another on the text the
previous passes produced; :class:`EditLog` maps each pass's edits back to the original input,
merging an edit that rewrites text an earlier pass produced into a single edit, so that the
final log always satisfies ``apply(original, log) == output``.

>>> log = EditLog("Ã©tÃ© Ã  Paris")
>>> log.add([Edit(0, 5, "Ã©tÃ©", "été", "mojibake", "unicode", 1.0, "utf-8 lu comme latin-1")])
>>> log.text
'été Ã  Paris'
>>> [e.start for e in log.edits], apply("Ã©tÃ© Ã  Paris", log.edits)
([0], 'été Ã  Paris')
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, replace
from typing import Any, Iterable, Iterator, Sequence

__all__ = ["Edit", "EditLog", "apply", "undo", "resolve_overlaps"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change: ``original`` at ``[start, end)`` becomes ``replacement``.

    ``applied`` is False for a suggestion: it is reported but changes nothing.

    >>> Edit(0, 4, "quil", "qu'il", "lost-apostrophe", "apostrophe", 0.95, "apostrophe perdue").to_dict()["replacement"]
    "qu'il"
    """

    start: int
    end: int
    original: str
    replacement: str
    rule: str
    category: str
    confidence: float
    message: str
    applied: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form used in logs (field order is the documented log format)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Edit":
        """Rebuild an edit from :meth:`to_dict` output (extra keys such as ``file`` are ignored)."""
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def _sorted_applied(edits: Iterable[Edit]) -> list[Edit]:
    applied = sorted((e for e in edits if e.applied), key=lambda e: (e.start, e.end))
    for before, after in zip(applied, applied[1:]):
        if after.start < before.end or (after.start == before.start and before.start == before.end):
            raise ValueError(f"overlapping edits at {after.start}: {before.rule} and {after.rule}")
    return applied


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply the applied edits (offsets in ``text``) and return the corrected text.

    >>> apply("jai vu", [Edit(0, 3, "jai", "j'ai", "lost-apostrophe", "apostrophe", 0.9, "")])
    "j'ai vu"
    """
    pieces: list[str] = []
    pos = 0
    for e in _sorted_applied(edits):
        if text[e.start : e.end] != e.original:
            raise ValueError(f"edit at {e.start} expects {e.original!r}, text has {text[e.start : e.end]!r}")
        pieces.append(text[pos : e.start])
        pieces.append(e.replacement)
        pos = e.end
    pieces.append(text[pos:])
    return "".join(pieces)


def undo(output: str, edits: Iterable[Edit]) -> str:
    """Rebuild the original input from the corrected text and its log.

    >>> undo("j'ai vu", [Edit(0, 3, "jai", "j'ai", "lost-apostrophe", "apostrophe", 0.9, "")])
    'jai vu'
    """
    pieces: list[str] = []
    pos = 0  # position in output
    shift = 0  # output offset minus original offset
    for e in _sorted_applied(edits):
        out_start = e.start + shift
        if output[out_start : out_start + len(e.replacement)] != e.replacement:
            raise ValueError(f"output at {out_start} does not hold the replacement of the edit at {e.start}")
        pieces.append(output[pos:out_start])
        pieces.append(e.original)
        pos = out_start + len(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
    pieces.append(output[pos:])
    return "".join(pieces)


def resolve_overlaps(candidates: Iterable[Edit]) -> list[Edit]:
    """Keep a non-overlapping set of applied edits, preferring confidence, then earlier, then longer.

    Suggestions that overlap a kept applied edit are dropped (they would describe text that
    no longer exists); other suggestions are kept as they are. Returned sorted by position.
    """
    ordered = sorted(candidates, key=lambda e: (not e.applied, -e.confidence, e.start, -(e.end - e.start)))
    starts: list[int] = []  # kept applied spans, sorted, as parallel lists
    ends: list[int] = []
    kept: list[Edit] = []
    for e in ordered:
        i = bisect.bisect_left(starts, e.start)
        clash = (i > 0 and _conflict(starts[i - 1], ends[i - 1], e.start, e.end)) or (
            i < len(starts) and _conflict(starts[i], ends[i], e.start, e.end)
        )
        if clash:
            continue
        if e.applied:
            starts.insert(i, e.start)
            ends.insert(i, e.end)
        kept.append(e)
    kept.sort(key=lambda e: (e.start, e.end))
    return kept


def _conflict(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Two spans conflict when they overlap or are insertions at the same point (order would be ambiguous)."""
    return (s1 < e2 and s2 < e1) or (s1 == s2 and (s1 == e1 or s2 == e2))


class EditLog:
    """The running result of a pipeline: current text plus the edits against the original.

    ``add`` takes edits whose offsets refer to the *current* text, applies the applied ones, and
    records every edit with offsets in the *original* text.
    """

    __slots__ = ("original", "text", "_applied", "_suggested")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = original
        self._applied: list[Edit] = []  # sorted, non-overlapping, original coordinates
        self._suggested: list[Edit] = []

    @property
    def edits(self) -> list[Edit]:
        """Applied and suggested edits, in original coordinates, sorted by position."""
        return sorted(self._applied + self._suggested, key=lambda e: (e.start, e.end, not e.applied))

    def add(self, edits: Sequence[Edit]) -> None:
        """Record one pass's edits (current-text offsets, already free of overlaps)."""
        if not edits:
            return
        current = self.text
        self.text = apply(current, edits)
        inter, inter_starts = self._intermediate()
        new_applied: list[Edit] = []
        merged_away: set[int] = set()
        for cluster, absorbed in self._clusters([e for e in edits if e.applied], inter, inter_starts):
            merged_away.update(absorbed)
            new_applied.append(self._to_original(cluster, absorbed, current, inter, inter_starts))
        for e in edits:
            if not e.applied:
                absorbed = self._touched(e, inter, inter_starts)
                self._suggested.append(self._to_original([e], absorbed, current, inter, inter_starts))
        kept = [p for i, p in enumerate(self._applied) if i not in merged_away]
        self._applied = sorted(kept + new_applied, key=lambda x: (x.start, x.end))

    def as_recorded(self, suggestions: Sequence[Edit]) -> list[Edit]:
        """The suggestions (current-text offsets) as :meth:`add` would record them, recording nothing."""
        inter, inter_starts = self._intermediate()
        return [
            self._to_original([e], self._touched(e, inter, inter_starts), self.text, inter, inter_starts)
            for e in suggestions
        ]

    @property
    def suggested(self) -> list[Edit]:
        """The suggestions recorded so far, in original coordinates."""
        return list(self._suggested)

    def _intermediate(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Current-text spans of the earlier applied edits, in order, and their starts."""
        inter: list[tuple[int, int]] = []
        shift = 0
        for p in self._applied:
            s = p.start + shift
            inter.append((s, s + len(p.replacement)))
            shift += len(p.replacement) - (p.end - p.start)
        return inter, [s for s, _ in inter]

    def _touched(self, e: Edit, inter: list[tuple[int, int]], inter_starts: list[int]) -> list[int]:
        """Indices of earlier applied edits that ``e`` must merge with (overlap, or an ambiguous shared point)."""
        s, t = e.start, e.end
        lo = max(0, bisect.bisect_right(inter_starts, s) - 1)
        hi = bisect.bisect_right(inter_starts, t)
        touched = []
        for i in range(lo, min(hi + 1, len(inter))):
            a, b = inter[i]
            p = self._applied[i]
            overlap = a < t and s < b
            ambiguous_point = (s == t or a == b or p.start == p.end) and a <= t and s <= b
            if overlap or ambiguous_point:
                touched.append(i)
        return touched

    def _clusters(
        self, edits: list[Edit], inter: list[tuple[int, int]], inter_starts: list[int]
    ) -> Iterator[tuple[list[Edit], list[int]]]:
        """Group consecutive new edits that touch a common earlier edit: each group becomes one edit."""
        cluster: list[Edit] = []
        absorbed: list[int] = []
        for e in edits:
            touched = self._touched(e, inter, inter_starts)
            if cluster and touched and absorbed and touched[0] <= absorbed[-1]:
                cluster.append(e)
                absorbed.extend(i for i in touched if i > absorbed[-1])
                continue
            if cluster:
                yield cluster, absorbed
            cluster, absorbed = [e], touched
        if cluster:
            yield cluster, absorbed

    def _to_original(
        self,
        cluster: list[Edit],
        absorbed: list[int],
        current: str,
        inter: list[tuple[int, int]],
        inter_starts: list[int],
    ) -> Edit:
        """Map a group of edits (current-text offsets) to one edit in original offsets, merging ``absorbed``."""
        e = cluster[0]
        s, t = e.start, cluster[-1].end
        if not absorbed:
            orig_s = self._point_to_original(s, inter, inter_starts)
            orig_t = self._point_to_original(t, inter, inter_starts) if t != s else orig_s
            return replace(e, start=orig_s, end=orig_t, original=self.original[orig_s:orig_t])
        first, last = self._applied[absorbed[0]], self._applied[absorbed[-1]]
        inter_lo = min(s, inter[absorbed[0]][0])
        inter_hi = max(t, inter[absorbed[-1]][1])
        orig_s = first.start - (inter[absorbed[0]][0] - inter_lo)
        orig_t = last.end + (inter_hi - inter[absorbed[-1]][1])
        pieces, pos = [], inter_lo
        for c in cluster:
            pieces += [current[pos : c.start], c.replacement]
            pos = c.end
        pieces.append(current[pos:inter_hi])
        earlier = [self._applied[i] for i in absorbed] if e.applied else []
        return replace(
            e,
            start=orig_s,
            end=orig_t,
            original=self.original[orig_s:orig_t],
            replacement="".join(pieces),
            confidence=min(x.confidence for x in cluster + earlier),
            message=" ; puis ".join(dict.fromkeys(x.message for x in earlier + cluster if x.message)),
        )

    def _point_to_original(self, pos: int, inter: list[tuple[int, int]], inter_starts: list[int]) -> int:
        """Map a current-text position that no earlier edit touches to the original text."""
        i = bisect.bisect_right(inter_starts, pos) - 1
        while i >= 0 and inter[i][0] == pos:  # pos is the start boundary of that edit: look further back
            i -= 1
        if i < 0:
            return pos
        return self._applied[i].end + (pos - inter[i][1])
