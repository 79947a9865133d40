"""Version numbers localised as decimals by machine translation (examples from ../shared/data/dev/mt)."""

from __future__ import annotations

import pytest

import cleanfr


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["localised-version"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("La prise en charge des transactions a été introduite dans Windows PowerShell 2,0.",
         "La prise en charge des transactions a été introduite dans Windows PowerShell 2.0."),
        ("Cette classe est disponible à partir du .NET Framework 3,5.", "Cette classe est disponible à partir du .NET Framework 3.5."),
        ("La norme POSIX 1003,2 définit le comportement du shell.", "La norme POSIX 1003.2 définit le comportement du shell."),
        ("Installez Python 3,12 avant de continuer.", "Installez Python 3.12 avant de continuer."),
    ],
)
def test_repairs(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "Le PIB a progressé de 2,1 % cette année.",  # a percentage
        "Selon l'INSEE 2,5 millions de personnes sont concernées.",  # a quantity
        "Voir l'Article 48,2 du règlement.",  # not a product name
        "LOUÉE 35,00 FRANCS par an.",  # a price
        "Il a couru 3,5 km ce matin.",  # a unit
        "Les valeurs 2,0 et 3,0 sont admises.",  # no name before the number
    ],
)
def test_decimals_stay(text: str) -> None:
    assert fix(text) == text
