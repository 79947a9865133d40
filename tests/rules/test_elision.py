"""Missing elision (cleanfr/rules/words/elision.py), and the examples of the h-aspiré table."""

from __future__ import annotations

from importlib import resources

import pytest

from cleanfr.document import Document
from cleanfr.edits import apply
from cleanfr.rules.words.elision import MissingElision

RULE = MissingElision()


def run(text: str, threshold: float = 0.8) -> str:
    doc = Document(text)
    return apply(text, [e for e in RULE.find(doc) if e.confidence >= threshold])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il avait parlé de une implication directe.", "Il avait parlé d'une implication directe."),
        ("Je pense que il viendra, si il veut.", "Je pense qu'il viendra, s'il veut."),
        ("Le pilote du avion et le avion de Airbus.", "Le pilote du avion et l'avion d'Airbus."),
        ("je ai vu, ce est vrai, il se est tu", "j'ai vu, c'est vrai, il s'est tu"),
        ("jusque à Paris, lorsque il part", "jusqu'à Paris, lorsqu'il part"),
        ("la école de le hôtel", "l'école de l'hôtel"),
        ("Le discours de Emmanuel Macron sur la Ukraine.", "Le discours d'Emmanuel Macron sur l'Ukraine."),
        ("De une part, il ne en veut pas.", "D'une part, il n'en veut pas."),
        # a word cut by a line-break hyphen is read whole (the hyphenation rule joins it in the same pass)
        ("Il voit le él-\nève partir.", "Il voit l'él-\nève partir."),
    ],
)
def test_repairs(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "le héros et la hausse, de hauteur, le hameau",
        "de un à dix, de une ou deux, le onze novembre, le oui",
        "le « a » et le e muet",
        "Il a lu de Une saison en enfer.",
        "un film de Manoel de Oliveira",
        "la où il va, la aussi",
        "ce en quoi il croit",
        "le yaourt et le yoga",
        "prends-le avec toi",
        "le ON et le OFF, que UUID= convient, le IIe arrondissement",
        "la section de html/user_21-5.html",
        "le hashtag du jour",
        "de auditu, de iure",
        "à la Une, à la Emacs",
        "si elle veut, si on veut",
        "postérieure de un an",
        "puisque outre le tigre, quoique internationale",
    ],
)
def test_hard_negatives(text: str) -> None:
    assert run(text) == text


def _h_rows() -> list[list[str]]:
    text = resources.files("cleanfr").joinpath("data/h_aspire.txt").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("entry, keep, contrast", _h_rows())
def test_h_aspire_table(entry: str, keep: str, contrast: str) -> None:
    """Each entry: its example keeps its article; its h-muet contrast is elided."""
    assert run(keep) == keep
    before, after = contrast.split(" → ")
    assert run(before).replace("'", "’") == after


def test_idempotent() -> None:
    once = run("Il a parlé de une implication que il nie.")
    assert run(once) == once


def test_a_pair_the_document_writes_unelided_again_is_its_usage() -> None:
    """A programming book writes ``de Utilisateur`` (a type name) every time; a slip happens once."""
    text = ("Créez une instance de Utilisateur. Chaque instance de Utilisateur a un nom. "
            "Il a parlé de une implication.")
    assert run(text) == text.replace("de une", "d'une")
