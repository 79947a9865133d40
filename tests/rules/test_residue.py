"""Untranslated residue: table replacements (every entry's examples), foreign-word reports, and what must stay."""

from __future__ import annotations

import pytest

from cleanfr import tables
from cleanfr.pipeline import Pipeline

ALL = Pipeline(select=["mt_residue"], min_confidence=0.0)
DEFAULT = Pipeline(select=["mt_residue"])
ENTRIES = tables.toml("residue.toml")["entry"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["pattern"])
def test_table_examples(entry):
    assert entry["examples"] and entry["counter"]
    for example in entry["examples"]:
        assert ALL.fix(example["text"]).text == example["fixed"]
    for sentence in entry["counter"]:
        assert ALL.fix(sentence).text == sentence


def test_applied_only_above_threshold():
    result = DEFAULT.fix("Sin embargo, le ministre a maintenu sa décision.")
    assert result.text == "Cependant, le ministre a maintenu sa décision."
    assert result.edits[0].category == "mt_residue" and "espagnol" in result.edits[0].message


def test_unknown_foreign_word_is_only_reported():
    result = DEFAULT.fix("Le gouvernement espère un outcome favorable pour tous.")
    assert result.text == "Le gouvernement espère un outcome favorable pour tous."
    (edit,) = result.edits
    assert not edit.applied and edit.original == "outcome" and "anglais" in edit.message


@pytest.mark.parametrize(
    "text",
    [
        "He said « the outcome is clear » hier.",  # quotation
        "Il a lu *outcome* dans le rapport.",  # italics marker
        "Le groupe However joue ce soir.",  # capitalised mid-sentence: a name
        "The outcome, however, was clear to everyone in the room.",  # an English passage
        "Voir --however ou outcome_file.txt pour les détails.",  # code and options
        "Les starting-blocks sont prêts.",  # hyphenated compound
        "Le deal est conclu avec le meeting des actionnaires.",  # loanwords French uses
        "Elle retrouve sa novia. Sa novia l'attend. Il aime sa novia.",  # repeated on purpose
    ],
)
def test_legitimate_foreign_words_stay(text):
    result = ALL.fix(text)
    assert result.text == text or all(e.confidence < 0.5 for e in result.edits if e.original.lower() != "novia")
    assert not [e for e in DEFAULT.fix(text).edits if e.applied]


def test_technical_document_is_not_reported():
    text = " ".join(["Le fichier de configuration contient un outcome, un rollout et un payload."] * 3)
    assert not DEFAULT.fix(text).edits
