"""Measured precision per grade of evidence: which edits are applied and which are only suggested.

A rule states a confidence for each edit from named levels of evidence; one rule at one stated
confidence is a *grade*. Every grade's edits on real text nobody tuned the rules on (the development
corpora beside the repository) are sampled and judged by careful readers (``benchmarks/audit.py``);
``data/precision.tsv`` holds the result. An edit is applied only when its grade's judged precision
is at least :data:`APPLY_PRECISION` and the lower bound of its 95 % interval at least
:data:`APPLY_LOWER_BOUND`; every other measured grade is a suggestion.

A grade with fewer than :data:`MIN_JUDGED` judged edits (the smallest sample that can prove the lower
bound), none of them wrong, fires too seldom on the development corpora (3.8 million words) to be measured
either way; it keeps its stated confidence, and ``benchmarks/RESULTS.md`` lists it. One wrong edit among
few is enough to demote a grade.

>>> table = Calibration.load()
>>> table.trusted("space-before-comma", 0.9)
True
>>> table.trusted("calque", 0.5)
False
>>> table.trusted("no-such-rule", 0.99) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import tables

#: A grade is applied only when its judged precision reaches this...
APPLY_PRECISION = 0.97
#: ...and the lower bound of its 95 % Wilson interval reaches this (a few lucky judgments are not enough).
APPLY_LOWER_BOUND = 0.90
#: The smallest sample whose Wilson lower bound can reach APPLY_LOWER_BOUND (35 right of 35 gives 0.901):
#: a grade judged fewer times, none of them wrong, fires too seldom on real text to be measured either way.
MIN_JUDGED = 35


def grade_key(confidence: float) -> str:
    """The grade of a stated confidence, as the table writes it (two decimals)."""
    return f"{confidence:.2f}"


@dataclass(frozen=True)
class Grade:
    """The judged edits of one rule at one stated confidence."""

    rule: str
    confidence: str
    correct: int
    wrong: int
    debatable: int
    precision: float
    lower: float

    @property
    def measured(self) -> bool:
        return self.correct + self.wrong >= MIN_JUDGED

    @property
    def trusted(self) -> bool:
        return self.precision >= APPLY_PRECISION and self.lower >= APPLY_LOWER_BOUND

    @property
    def status(self) -> str:
        """``apply``, ``suggest`` (demoted by its measured precision) or ``unmeasured``."""
        if self.trusted:
            return "apply"
        # Too few judgments to measure, and none of them wrong: the grade keeps its stated confidence.
        return "unmeasured" if not self.measured and not self.wrong else "suggest"


class CalibrationError(ValueError):
    """A malformed line in the precision table."""


@dataclass(frozen=True)
class Calibration:
    """The precision table: grades by (rule, stated confidence)."""

    grades: dict[tuple[str, str], Grade]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Calibration:
        return cls.parse(tables.text("precision.tsv"), "cleanfr/data/precision.tsv")

    @classmethod
    def parse(cls, text: str, name: str) -> Calibration:
        grades: dict[tuple[str, str], Grade] = {}
        header_seen = False
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                header_seen = True
                if fields[:2] == ["rule", "confidence"]:
                    continue
            if len(fields) != 7:
                raise CalibrationError(f"{name}:{n}: expected 7 tab-separated fields, got {len(fields)}")
            try:
                rule, conf = fields[0], grade_key(float(fields[1]))
                grade = Grade(
                    rule, conf, int(fields[2]), int(fields[3]), int(fields[4]), float(fields[5]), float(fields[6])
                )
            except ValueError as exc:
                raise CalibrationError(f"{name}:{n}: {exc}") from None
            grades[rule, conf] = grade
        return cls(grades)

    def grade(self, rule: str, confidence: float) -> Grade | None:
        return self.grades.get((rule, grade_key(confidence)))

    def trusted(self, rule: str, confidence: float) -> bool | None:
        """Whether edits of this grade are applied (judged precision high enough on real text).

        ``None`` when the grade is not measured: the caller falls back on the stated confidence.
        """
        grade = self.grade(rule, confidence)
        if grade is None or grade.status == "unmeasured":
            return None
        return grade.status == "apply"

    def for_rule(self, rule: str) -> list[Grade]:
        """Every measured grade of ``rule``, highest stated confidence first."""
        return sorted((g for (r, _), g in self.grades.items() if r == rule), key=lambda g: g.confidence, reverse=True)
