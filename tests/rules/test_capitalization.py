"""Stray capitals left by MT: lowered only where a name or title is not expected."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr.wordrules_common import load_word_set


def fix(text: str) -> cleanfr.Result:
    return cleanfr.fix(text, select=["capitalization"])


def test_lost_quotation_after_que() -> None:
    r = fix("Lavrov a dénoncé le fait que Sans la participation de spécialistes, rien ne marche.")
    assert r.text == "Lavrov a dénoncé le fait que sans la participation de spécialistes, rien ne marche."
    assert any(not e.applied and "«" in e.replacement for e in r.edits)


def test_adjective_after_noun() -> None:
    r = fix("il est impossible d’utiliser des missiles Balistique ATACMS dans ce conflit.")
    assert r.text == "il est impossible d’utiliser des missiles balistique ATACMS dans ce conflit."


@pytest.mark.parametrize(
    "clean",
    [
        "Il parle avec Pierre et Rose de la Manche et du Sénat, le Conseil de sécurité et l’État.",
        "Un soutien de Marine Le Pen, près de la Défense, a rencontré le Roi et la Cour hier.",
        "Ils ont vu la Maison Blanche, puis Biden quitte la Maison Blanche demain matin.",
        "Vous lirez dans la gazette que Pétain a fait fusiller tous vos amis hier.",
        "Il a dit : Sans doute viendra-t-il, et ATACMS, G20, Karachev, Briansk, Kyiv restent.",
        "S'intéressant à deux études parues dans Nature et le Journal of Neuroscience hier.",
        "« Das ist ein Haus », dit-il en montrant la maison du village voisin ce matin.",
    ],
)
def test_keeps(clean: str) -> None:
    assert fix(clean).text == clean


def test_names_table_sample() -> None:
    names = load_word_set("capitalization_names.tsv")
    assert {"Pierre", "Rose", "Marine"} <= names


def test_idempotent() -> None:
    once = fix("le fait que Sans la participation des missiles Balistique ATACMS.").text
    assert fix(once).text == once
