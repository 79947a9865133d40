"""Line-break hyphenation: broken words joined, real compounds kept."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr import tables


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["hyphenation"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("l’adminis-\ntration du pays", "l’administration du pays"),
        ("l’adminis-\r\ntration du pays", "l’administration du pays"),
        ("il faut re-\ngarder.\nEnsuite", "il faut regarder.\nEnsuite"),
        ("la nouvelle adminis- tration du pays", "la nouvelle administration du pays"),
        ("reçu à ge- noux en présence du roi", "reçu à genoux en présence du roi"),
        # halves that are words themselves, at a break: the typesetter cut one word
        ("les descendants se trou-\nvent entre eux", "les descendants se trouvent entre eux"),
        ("écouta long- temps sa mère", "écouta longtemps sa mère"),
    ],
)
def test_joins(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("une cuvette pla-cée sur une table", "une cuvette placée sur une table"),
        ("reçu à ge-noux en présence du roi", "reçu à genoux en présence du roi"),
        ("préside à cet événe-ment.", "préside à cet événement."),
    ],
)
def test_inner_hyphen_is_suggested(damaged: str, repaired: str) -> None:
    result = cleanfr.fix(damaged, select=["hyphenation"])
    assert result.text == damaged
    assert [e.applied for e in result.edits] == [False]
    assert cleanfr.fix(damaged, select=["hyphenation"], min_confidence=0.5).text == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "un porte-parole du Conseil, celle-ci et peut-être celui-là",
        "très-noble et très-puissant seigneur, ma grand'mère",
        "Jean-Luc et Marie-Claire, c’est-à-dire au-delà",
        "nous glisse t-elle, dit-il, va-t-en",
        "le co-auteur d’un anti-inflammatoire extra-terrestre",
        "le G-20, COVID-19 et l’A-380",
        "les pré- et post-opératoires, micro- et macro-économie",
        "porte-\nparole du gouvernement, un sous-\nmarin et une arrière-\ngrand-mère",
        "voir https://exem-ple.fr/adminis-tration",
    ],
)
def test_keeps(clean: str) -> None:
    result = cleanfr.fix(clean, select=["hyphenation"], min_confidence=0.5)
    assert result.text == clean, result.edits


@pytest.mark.parametrize("row", tables.rows("hyphenation_prefixes.tsv"), ids=lambda r: r[0])
def test_prefix_table_examples(row: list[str]) -> None:
    prefix, kept, joined = row
    assert f"{prefix}-" in kept and fix(kept) == kept and fix(kept.replace("-", "- ")) == kept.replace("-", "- ")
    damaged, repaired = joined.split(" => ")
    assert fix(damaged.replace("-", "- ")) == repaired  # flattened line break
    assert cleanfr.fix(damaged, select=["hyphenation"], min_confidence=0.5).text == repaired


def test_idempotent() -> None:
    once = fix("la nouvelle adminis- tration et l’adminis-\ntration")
    assert fix(once) == once


# Every form a line-break hyphen takes: CRLF, blanks before or after the break, an old Mac lone CR.
BREAKS = ["-\n", "-\r\n", "- \n", "-\t\n", "-\n ", "- \r\n\t", "-\r"]


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
@pytest.mark.parametrize("left, right", [("ved", "ette"), ("amb", "iance"), ("adminis", "tration")])
def test_every_line_break_gives_the_word(brk: str, left: str, right: str) -> None:
    """The whole pipeline joins the word and no other rule reads a half as a word (``ved-⏎ette`` is
    ``vedette``, never ``vedelle``; ``amb- ⏎iance`` is ``ambiance``, never ``amblance``)."""
    text = f"Une {left}{brk}{right} dans la salle."
    result = cleanfr.fix(text)
    assert result.text == f"Une {left}{right} dans la salle.", result.edits
    assert cleanfr.fix(result.text).edits == []


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_every_line_break_keeps_compounds(brk: str) -> None:
    text = f"le porte{brk}parole et un sous{brk}marin"
    assert cleanfr.fix(text, select=["hyphenation"], min_confidence=0.5).text == text


def test_a_lone_inner_hyphen_has_its_own_lower_grade() -> None:
    """Flattened print shows many break hyphens; a lone one in edited prose is often deliberate (dev/clean:
    « — Sui-cide », grogne Nelly). The lone one is stated lower, so that the gate can judge it apart."""
    from cleanfr.document import Document
    from cleanfr.rules.words.hyphenation import INNER_HYPHEN, LONE_INNER_HYPHEN, InnerHyphen

    lone = list(InnerHyphen().find(Document("« Tu ne l’as pas tué ? demande l’elfe.\n\n— Sui-cide », grogne Nelly.")))
    many = list(InnerHyphen().find(Document("Une cuvette pla-cée sur la table, et le gou-vernement en place.")))
    assert [e.confidence for e in lone] == [LONE_INNER_HYPHEN]
    assert [e.confidence for e in many] == [INNER_HYPHEN, INNER_HYPHEN]
