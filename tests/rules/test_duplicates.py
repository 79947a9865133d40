"""Duplicated headlines and paragraphs: degraded copies go, structural repeats and quotations stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanfr
from cleanfr.edits import undo
from cleanfr.rules.blocks._lines import block_key, block_keys

SELECT = ["dup_headline", "dup_paragraph"]

TITLE = "L’Ukraine attaque le territoire russe pour la première fois avec des missiles américains ATACMS"
LEDE = (
    "Le couple d’acteurs indiquait hier qu’ils se séparaient après quatorze années de mariage, "
    "mettant ainsi fin à l’une des plus belles romances du cinéma."
)
PARA = "Le ministère a publié un communiqué dans la soirée pour préciser les conditions de l’accord signé à Genève."


def test_fold_ignores_case_accents_apostrophes_punctuation_spaces() -> None:
    assert block_key("L’Ukraine, la première !") == block_key("LUkraine la premiere") == "lukrainelapremiere"
    assert block_key("Œuvre") == "oeuvre"


#: Characters folding treats specially: ligatures, decomposable letters, spacing accents (NFKD: a space and a
#: combining mark), combining marks alone, blanks of every kind, a line break.
_FOLD_CHARS = "aZ9 é’œŒæßﬁ¨´\u0301\u00a0\u2003\x1c\n\r\t-·"


@given(st.text(alphabet=st.one_of(st.sampled_from(_FOLD_CHARS), st.characters()), max_size=40))
def test_block_keys_fold_every_word_as_block_key_does(text: str) -> None:
    words = text.split()
    assert block_keys(words) == [block_key(w) for w in words]


def test_degraded_truncated_headline_copy_goes_title_stays() -> None:
    copy = "LUkraine attaque le territoire russe pour la premiere fois avec"
    text = f"{TITLE}\n\n{copy}\n\n{PARA}\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == f"{TITLE}\n\n{PARA}\n"
    [edit] = result.edits
    assert edit.category == "dup_headline" and edit.original == copy + "\n\n" and edit.applied
    assert undo(result.text, result.edits) == text


def test_degraded_copy_before_the_title_goes() -> None:
    copy = "LUkraine attaque le territoire russe pour la premiere fois avec des missiles americains ATACMS"
    result = cleanfr.fix(f"{copy}\n{TITLE}\n{PARA}\n", select=SELECT)
    assert result.text == f"{TITLE}\n{PARA}\n"


def test_lede_repeated_at_the_start_of_the_next_paragraph() -> None:
    text = f"{LEDE}\n{LEDE} Mais ce matin, depuis Rome, le service de presse a précisé les raisons.\n{PARA}\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text.startswith(LEDE + " Mais ce matin")
    assert result.text.count(LEDE) == 1


@pytest.mark.parametrize(
    "text",
    [
        # A headline quoted inside the next sentence.
        "Macron démissionne\n\n« Macron démissionne », titrait Le Monde au lendemain du scrutin.\n",
        "Macron démissionne à la surprise générale\n\nMacron démissionne à la surprise générale, a annoncé l’Élysée ce matin.\n",
        # Short headings and datelines.
        "Article 12\n\nLa loi dispose.\n\nArticle 12\n",
        "PARIS (AFP)\n\nLe texte.\n\nPARIS (AFP)\n",
        # A text effect: the line repeats its own words.
        "Nadine Morano Nadine Morano Nadine Morano\nNadine Morano Nadine Morano Nadine Morano Nadine Morano\n",
    ],
)
def test_quotations_headings_and_effects_stay(text: str) -> None:
    assert [e for e in cleanfr.fix(text, select=SELECT).edits if e.applied] == []


def test_paragraph_pasted_twice_keeps_the_first() -> None:
    intro = "\n\n".join(f"Paragraphe {i} de l’article, qui raconte la suite des événements du jour." for i in range(5))
    text = f"Titre court\n\n{LEDE}\n\n{intro}\n\n{PARA}\n\n{PARA}\n\nFin de l’article, avec une phrase assez longue pour compter.\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text.count(PARA) == 1
    [edit] = result.edits
    assert edit.category == "dup_paragraph" and edit.applied


def test_lede_repeated_further_down() -> None:
    body = "\n".join(
        f"Paragraphe numéro {i} de l’article, qui raconte la suite des événements du jour." for i in range(8)
    )
    text = f"{LEDE}\n{body}\n{LEDE}\nDernier paragraphe.\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text.count(LEDE) == 1 and result.text.startswith(LEDE)


def test_near_exact_copy_after_folding() -> None:
    degraded = PARA.replace("é", "e").replace("’", "")
    result = cleanfr.fix(f"Titre court\n\n{PARA}\n\n{degraded}\n", select=SELECT)
    assert result.text == f"Titre court\n\n{PARA}\n"


@pytest.mark.parametrize(
    "text",
    [
        # Refrain: the same line three times.
        "\n".join(["Et le vent emportait nos rêves au-delà des collines bleues"] * 3 + ["Fin."]) + "\n",
        # List items and table rows.
        f"- {PARA}\n- Autre chose\n- {PARA}\n",
        "Nom   Capacité   Cylindres   Secteurs   Têtes   Base mineure\nx\nNom   Capacité   Cylindres   Secteurs   Têtes   Base mineure\n",
        # Dialogue lines repeated in a novel.
        "— Ouvrez la fenêtre, afin qu’il entre enfin dans la maison !\nElle hésita.\n— Ouvrez la fenêtre, afin qu’il entre enfin dans la maison !\n",
    ],
)
def test_structural_repeats_stay(text: str) -> None:
    assert [e for e in cleanfr.fix(text, select=SELECT).edits if e.applied] == []


def test_repetitive_document_is_left_alone() -> None:
    paragraphs = [
        f"Cette option numéro {i} est équivalente à la précédente et reste acceptée par défaut." for i in range(5)
    ]
    text = "\n\n".join(paragraphs + ["Séparation assez longue entre les deux parties du manuel."] + paragraphs) + "\n"
    assert cleanfr.fix(text, select=SELECT).edits == []


def test_long_document_is_segmented_linearly() -> None:
    # 20,000 distinct paragraphs and one pasted twice: one edit, found without comparing all pairs.
    paras = [
        f"Paragraphe {i} : le conseil municipal a voté la délibération numéro {i} à l’unanimité ce soir."
        for i in range(20000)
    ]
    paras.insert(101, paras[100])
    result = cleanfr.fix("\n".join(paras) + "\n", select=SELECT)
    assert [e.original for e in result.applied] == [paras[100] + "\n"]


def test_idempotent_and_crlf() -> None:
    copy = "LUkraine attaque le territoire russe pour la premiere fois avec"
    text = f"{TITLE}\r\n\r\n{copy}\r\n\r\n{PARA}\r\n\r\n{PARA}\r\n"
    once = cleanfr.fix(text, select=SELECT).text
    assert once == f"{TITLE}\r\n\r\n{PARA}\r\n"
    assert cleanfr.fix(once, select=SELECT).edits == []


@pytest.mark.parametrize(
    "text",
    [
        # two statements that differ in a sign (issue 16, item 6), a number, a negation or above/below
        "cbreak identique à -icanon\n\n-cbreak identique à icanon\n\nLa suite du manuel.\n",
        "Le processus aura une priorité au-dessus de la moyenne.\n\nLe processus aura une priorité au-dessous de la moyenne.\n",
        "La valeur par défaut est de 30 secondes pour ce paramètre.\n\nLa valeur par défaut est de 60 secondes pour ce paramètre.\n",
    ],
)
def test_blocks_that_differ_in_sense_are_no_copies(text: str) -> None:
    result = cleanfr.fix(text, trust="stated")
    assert not [e for e in result.applied if e.rule in ("dup-headline", "dup-paragraph")]


@given(st.text(alphabet="aé1_-—.,; \n\u00a0\u2028ß\u0301x", max_size=40))
def test_word_count_is_its_definition(text: str) -> None:
    """The C-level word count equals its definition: tokens holding a letter or digit, plus the spaces the
    typography pass will restore inside them (``dit.Puis``)."""
    from cleanfr.rules.blocks._lines import _LOST_SPACE, word_count

    expected = sum(1 + len(_LOST_SPACE.findall(w)) for w in text.split() if any(c.isalnum() for c in w))
    assert word_count(text) == expected
