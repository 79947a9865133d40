"""Lost apostrophes (cleanfr/rules/words/apostrophe.py): repairs, and look-alikes that must stay."""

from __future__ import annotations

import pytest

from cleanfr.document import Document
from cleanfr.edits import apply
from cleanfr.rules.words.apostrophe import LostApostrophe

RULE = LostApostrophe()


def run(text: str, threshold: float = 0.8) -> str:
    doc = Document(text)
    return apply(text, [e for e in RULE.find(doc) if e.confidence >= threshold])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("LUkraine attaque le territoire russe.", "L'Ukraine attaque le territoire russe."),
        ("Il a dit quil viendra.", "Il a dit qu'il viendra."),
        ("Jai vu lavion de lUkraine.", "J'ai vu l'avion de l'Ukraine."),
        ("cest vrai, nest-ce pas ? jen veux", "c'est vrai, n'est-ce pas ? j'en veux"),
        ("quelquun viendra jusquà lorsquil partira", "quelqu'un viendra jusqu'à lorsqu'il partira"),
        ("Elle dit quelle taime.", "Elle dit quelle t'aime."),
        ("la bataille dEurope et lhomme", "la bataille d'Europe et l'homme"),
    ],
)
def test_repairs(text: str, expected: str) -> None:
    assert run(text) == expected


def test_uses_the_documents_apostrophe() -> None:
    assert run("L’Ukraine dit quil viendra.") == "L’Ukraine dit qu’il viendra."


@pytest.mark.parametrize(
    "text",
    [
        "La dune, la lace, le sale Lesotho, une taxe loin.",
        "Un iPhone, eBay, McDonald et QAnon.",
        "Karachev, Briansk, Kyiv, ATACMS et le G20.",
        "la commande uname et le pilote cciss, voir --help et /usr/lib/dest",
        "the men and ten of the nest",
        "M. Lamour et Mme Davril sont venus.",
        "le héros et lhéros",  # h aspiré: no l’héros
        "Le champ len contient la longueur de dest.",
        "(par exemple, lun. 17 févr. 2020)",
        "Lon Hohberger a écrit ce pilote.",
        "Tadam, dit le présentateur.",
        "aujourd'hui et l'Ukraine",
        "LUKRAINE EN GUERRE",
        "quelque chose comme notre lon, lan, la",
        "Alors quelle est cette pointe ?",
        # homographs in their own sense (elided_homographs.tsv): after an adjective, an idiom, no participle
        "sous la pleine lune rousse, en lune de miel, près d'une haute dune blanche",
        "elle lavait vite le linge ; un bol de lait et le sen",
    ],
)
def test_hard_negatives(text: str) -> None:
    assert run(text) == text


def test_capitalised_word_at_sentence_start_is_repaired_unless_the_document_uses_it_as_a_name() -> None:
    assert run("Il rentra. Lamour est aveugle.") == "Il rentra. L'amour est aveugle."
    text = "Il rentra. Lamour est venu. Nous avons vu Lamour hier."
    assert run(text) == text


def test_idempotent() -> None:
    once = run("Jai dit quil aime lUkraine.")
    assert run(once) == once


def _homograph_rows() -> list[list[str]]:
    from importlib import resources

    text = resources.files("cleanfr").joinpath("data/lexicon/elided_homographs.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("token, repair, context, fixed, kept", _homograph_rows())
def test_elided_homographs_table(token: str, repair: str, context: str, fixed: str, kept: str) -> None:
    assert run(fixed) == fixed.replace(token, repair, 1)
    assert run(kept) == kept


# --- the split of a token at its elided prefix, compared with the prefixes of its own letter only.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanfr.rules.words import apostrophe as _apostrophe  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["qu", "Qu", "quoiqu", "QUELQU", "lorsqu", "l", "L", "j", "s", "İ", "ß",
                                           "il", "un", "Ukraine"]), st.text(max_size=3)), max_size=4).map("".join))
def test_split_reads_the_prefixes_in_their_order(token: str) -> None:
    low = token.lower()
    plain = next(((token[: len(p)], token[len(p) :]) for p in _apostrophe._lists().prefixes
                  if low.startswith(p) and len(token) > len(p)), None)
    assert _apostrophe._split(token) == plain
