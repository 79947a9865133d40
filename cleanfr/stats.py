"""Edit statistics per category and rule: applied, suggested, rate per 10,000 words (``cleanfr stats``).

>>> from cleanfr import fix
>>> s = Stats()
>>> s.add_text_result(fix("Ã©tÃ© Ã  Paris").edits, words=3)
>>> s.rows()[0]["rule"], s.rows()[0]["applied"], s.rows()[0]["per_10k_words"]
('mojibake', 2, 6666.67)
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Iterable

from .edits import Edit

__all__ = ["Stats"]


class Stats:
    """Running totals over documents: edits per (category, rule, applied), words, documents."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.words = 0
        self.documents = 0
        self.files = 0

    def add_edits(self, edits: Iterable[Edit]) -> None:
        self.counts.update((e.category, e.rule, e.applied) for e in edits)

    def add_text_result(self, edits: Iterable[Edit], words: int, documents: int = 1) -> None:
        self.add_edits(edits)
        self.words += words
        self.documents += documents

    @property
    def applied(self) -> int:
        return sum(n for (_, _, applied), n in self.counts.items() if applied)

    @property
    def suggested(self) -> int:
        return sum(n for (_, _, applied), n in self.counts.items() if not applied)

    def _rate(self, n: int) -> float:
        return round(n * 10_000 / self.words, 2) if self.words else 0.0

    def rows(self) -> list[dict[str, Any]]:
        """One row per rule, sorted by category then rule."""
        rules = sorted({(c, r) for c, r, _ in self.counts})
        return [
            {
                "category": c,
                "rule": r,
                "applied": self.counts[(c, r, True)],
                "suggested": self.counts[(c, r, False)],
                "per_10k_words": self._rate(self.counts[(c, r, True)]),
            }
            for c, r in rules
        ]

    def categories(self) -> list[dict[str, Any]]:
        """One row per category."""
        totals: dict[str, list[int]] = {}
        for (c, _, applied), n in self.counts.items():
            totals.setdefault(c, [0, 0])[0 if applied else 1] += n
        return [
            {"category": c, "applied": a, "suggested": s, "per_10k_words": self._rate(a)}
            for c, (a, s) in sorted(totals.items())
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "documents": self.documents,
            "words": self.words,
            "applied": self.applied,
            "suggested": self.suggested,
            "per_10k_words": self._rate(self.applied),
            "categories": self.categories(),
            "rules": self.rows(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_table(self) -> str:
        """A plain-text table: categories with their rules beneath, then the total."""
        header = ("category / rule", "applied", "suggested", "per 10k words")
        lines: list[tuple[str, str, str, str]] = []
        rows = self.rows()
        for cat in self.categories():
            lines.append((cat["category"], str(cat["applied"]), str(cat["suggested"]), f"{cat['per_10k_words']:.2f}"))
            for r in rows:
                if r["category"] == cat["category"]:
                    lines.append(
                        ("  " + r["rule"], str(r["applied"]), str(r["suggested"]), f"{r['per_10k_words']:.2f}")
                    )
        lines.append(("total", str(self.applied), str(self.suggested), f"{self._rate(self.applied):.2f}"))
        width = [max(len(row[i]) for row in [header, *lines]) for i in range(4)]

        def fmt(row: tuple[str, ...]) -> str:
            return "  ".join([row[0].ljust(width[0])] + [row[i].rjust(width[i]) for i in (1, 2, 3)]).rstrip() + "\n"

        intro = f"{self.files} file(s), {self.documents} document(s), {self.words} words\n\n"
        return intro + fmt(header) + fmt(tuple("-" * w for w in width)) + "".join(fmt(row) for row in lines)
