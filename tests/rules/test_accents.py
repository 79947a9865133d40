"""Stripped accents: restored in unaccented passages only, never on capitals, English or ambiguous pairs."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr.rules.accents import restore_table


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["accents"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("LUkraine attaque le territoire russe pour la premiere fois avec",
         "LUkraine attaque le territoire russe pour la première fois avec"),
        ("il etait deja la et apres la decision il a ete tres content",
         "il était déjà la et après la décision il a été très content"),
    ],
)
def test_restores(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "Ce mardi, l’Ukraine a utilisé pour la première fois des missiles, une premiere pour elle.",
        "De leur côté, les Etats-Unis n'ont pas semblé surpris ; l'Etat et les Etats membres.",
        "The premiere of the movie was great and the decision was final.",
        "La informacion del gobierno es muy importante para la poblacion.",
        "il a vu la dune ou la mer des que possible sur le quai du port",
        "echo 'alert 37;41' >> /etc/terminal",
    ],
)
def test_keeps(clean: str) -> None:
    assert fix(clean) == clean


def test_table_has_no_ambiguous_pairs() -> None:
    table = restore_table()
    for bare in ("a", "ou", "des", "la", "du", "sur", "passe", "donne", "cote", "marche"):
        assert bare not in table
    assert table["premiere"] == "première" and table["etait"] == "était"


def test_idempotent() -> None:
    once = fix("il etait deja la et apres la decision il a ete tres content")
    assert fix(once) == once
