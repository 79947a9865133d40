"""French rules stay out of lines written in another language (issue 15): the language gate of the protected
spans (``cleanfr.tokens``), with examples taken from the development corpora's false alarms."""

from __future__ import annotations

import pytest

from cleanfr.lexicon.language import foreign_language, identify
from cleanfr.pipeline import Pipeline
from cleanfr.tokens import Protected

EVERY_PROPOSAL = Pipeline(min_confidence=0.0, trust="stated")

FOREIGN_LINES = [
    # Czech and Croatian: ``dost`` and ``na`` are no lost French elisions (d'ost, n'a)
    "Dost lidí na náměstí čekalo na prezidenta a jeho ženu.",
    "Macron & co sjednu medju turiste u 23:00 na Grand-Place u centru Brisela i popiju pivo.",
    # Latin of a classical commentary (dev/ocr): ``de eu`` is no missing elision
    "Apte poeta vocativum posuit de eu quod oculis conspicitur, genitivum de eo quod auribus percipitur.",
    # English in a French page: ``Possible`` is a title's capital, not a stray one
    "Currie, 1998, Possible evidence in gregarious behavior in tyrannosaurids and the quil theory.",
]

FRENCH_LINES = [
    "Il a dit quil viendra demain avec sa femme et ses enfans.",
    "il eft venu dans la cliambre de fon pere , & lui dit qu'il feroit",  # old print, read as French
    "La Commission européenne a présenté mardi un plan de relance pour l'économie.",
]


@pytest.mark.parametrize("line", FOREIGN_LINES)
def test_foreign_line_is_protected_and_left_alone(line: str) -> None:
    assert foreign_language(line) is not None
    assert Protected(line).overlaps(0, 3)
    assert EVERY_PROPOSAL.fix(line).edits == []


@pytest.mark.parametrize("line", FRENCH_LINES)
def test_french_line_is_not_protected(line: str) -> None:
    assert foreign_language(line) is None
    assert not Protected(line).overlaps(0, 2)


def test_french_repairs_still_made_next_to_a_foreign_line() -> None:
    text = FOREIGN_LINES[0] + "\n" + "Il a dit quil viendra demain avec sa femme.\n"
    fixed = EVERY_PROPOSAL.fix(text).text
    assert fixed.startswith("Dost lidí na") and "qu'il viendra" in fixed


def test_identify_chooses_among_the_source_languages() -> None:
    assert identify("This cmdlet gets the processes that are running on the local computer.")[0] == "en"
    language, probability = identify("Sin embargo el gobierno no ha decidido todavía la fecha.")
    assert language == "es" and probability > 0.9


def test_a_text_flattened_into_one_long_line_is_not_judged_whole() -> None:
    """A line longer than the bound is never a foreign span: the gate stays cheap on one-line texts."""
    english = "This cmdlet gets the processes that are running on the local computer. " * 100
    assert foreign_language(english) is not None
    assert not Protected(english + "Il a dit quil viendra.").overlaps(0, 4)
