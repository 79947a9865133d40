"""The gate: a grade of evidence is applied only where its judged precision on real text is high enough."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr.calibration import APPLY_LOWER_BOUND, APPLY_PRECISION, MIN_JUDGED, Calibration, CalibrationError

TABLE = Calibration.load()


def test_demoted_grade_is_only_suggested_by_default_and_applied_when_trusting_stated_confidence() -> None:
    # stray-capital at 0.85 is measured far below 0.97 on the development corpora.
    assert TABLE.grade("stray-capital", 0.85) is not None and TABLE.grade("stray-capital", 0.85).status == "suggest"
    text = "Lavrov a dénoncé le fait que Sans la participation de spécialistes, rien ne marche."
    measured = cleanfr.fix(text, select=["capitalization"])
    stated = cleanfr.fix(text, select=["capitalization"], trust="stated")
    assert measured.text == text and measured.suggested
    assert "que sans la" in stated.text


def test_trusted_grade_is_applied() -> None:
    assert TABLE.trusted("double-space", 0.85) is True
    assert cleanfr.fix("Le chat dort  sur le lit.").text == "Le chat dort sur le lit."


def test_unmeasured_grade_keeps_its_stated_confidence() -> None:
    table = Calibration.parse("rule\tconfidence\tcorrect\twrong\tdebatable\tprecision\tlower\n"
                              "rare\t0.90\t3\t0\t0\t1.000\t0.439\n"
                              "bad\t0.90\t3\t1\t0\t0.750\t0.301\n", "t.tsv")
    assert table.trusted("rare", 0.9) is None  # too few judgments, none wrong
    assert table.trusted("bad", 0.9) is False  # one wrong among few is enough to demote
    assert table.trusted("absent", 0.9) is None


@pytest.mark.parametrize("line, message", [
    ("x\t0.9\t1\t0\t0\t1.0", "t.tsv:2: expected 7"),
    ("x\tnot-a-number\t1\t0\t0\t1.0\t0.5", "t.tsv:2:"),
])
def test_malformed_table_names_file_and_line(line: str, message: str) -> None:
    with pytest.raises(CalibrationError, match=message):
        Calibration.parse("rule\tconfidence\tcorrect\twrong\tdebatable\tprecision\tlower\n" + line, "t.tsv")


def test_shipped_table_is_consistent() -> None:
    assert TABLE.grades
    for grade in TABLE.grades.values():
        judged = grade.correct + grade.wrong
        assert grade.lower <= grade.precision + 1e-9
        if judged:
            assert abs(grade.precision - grade.correct / judged) < 1e-3
        if grade.status == "apply":
            assert grade.precision >= APPLY_PRECISION and grade.lower >= APPLY_LOWER_BOUND
        if grade.status == "unmeasured":
            assert judged < MIN_JUDGED and grade.wrong == 0


def test_measured_precision_stands_for_the_stated_confidence() -> None:
    # inner-hyphen states 0.70 (below the default threshold) for a document showing several such hyphens, and
    # is judged right every time at that grade.
    grade = TABLE.grade("inner-hyphen", 0.7)
    assert grade is not None and grade.status == "apply"
    text = "Le gou-vernement et les deux textes se com-plètent parfaitement."
    assert cleanfr.fix(text).text == "Le gouvernement et les deux textes se complètent parfaitement."
    # a threshold above the stated 0.70 but not above the judged precision still applies it…
    assert cleanfr.fix(text, min_confidence=0.9).text != text
    # … and one above the judged precision does not
    if grade.precision < 1.0:
        assert cleanfr.fix(text, min_confidence=grade.precision + 0.001).text == text


def test_rules_command_shows_measured_precision() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "cleanfr", "rules", "double-space"], capture_output=True, text=True,
                         check=True).stdout
    grade = TABLE.grade("double-space", 0.85)
    assert grade is not None
    assert f"grade 0.85: {grade.correct} right, {grade.wrong} wrong" in out and "-> applied" in out
