"""OCR confusions: non-words repaired into clearly more frequent words; names, old spellings, English stay."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr import tables


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["ocr"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("Il eft venu avec fon frère.", "Il est venu avec son frère."),
        ("la poffeffion du domaine", "la possession du domaine"),
        ("un grand fuccès populaire", "un grand succès populaire"),
        ("le rnonde entier", "le monde entier"),
        ("dans la cliambre du roi", "dans la chambre du roi"),
        # long tokens: one confusion away from a single French form, however rare that form is
        ("le cnrateur prend possession des valeurs", "le curateur prend possession des valeurs"),
        ("en cas de llcitation de la pleine propriété", "en cas de licitation de la pleine propriété"),
        ("pris iudistinctement sur toute la surface", "pris indistinctement sur toute la surface"),
    ],
)
def test_repairs(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "Les enfans pouvoient jouer sur la dune, avec de la lace et un sale air.",
        "Karachev, Briansk, Kyiv, le Lesotho, McDonald, iPhone, eBay, QAnon, ATACMS et le G20.",
        "while liste-1; do liste-2; done",
        "le mode « fail », « warn » ou « ignore »",
        "la verité et très-noble grand'mère, porte-parole",
        "Veni, vidi, vici ; alea jacta est ; the deal of the century.",
        "le bonheur heu- reux de vivre",
        "voir https://exemple.fr/rnonde et @cliambre",
        # dialect and foreign words a confusion turns into a word by chance; names are no repairs
        "tu es trop pétite, t'es trop pétit pour ça",
        "Y foët rud'ment dous dans ché bous",
        "des fumeurs de cigarettes et de puros",
        "il faut bien que je conge aujourd'hui",
        "acheter un ligre, le petit d'un lion et d'une tigresse",
    ],
)
def test_keeps(clean: str) -> None:
    assert fix(clean) == clean


@pytest.mark.parametrize("row", tables.rows("ocr_confusions.tsv"), ids=lambda r: f"{r[0]}>{r[1]}")
def test_confusion_table_examples(row: list[str]) -> None:
    read, printed, positive, negative = row
    damaged, repaired = positive.split(" => ")
    assert fix(damaged) == repaired
    assert fix(negative) == negative


def test_idempotent() -> None:
    once = fix("Il eft venu dans la cliambre.")
    assert fix(once) == once
