"""Stripped accents: restored in unaccented passages only, never on capitals, English or ambiguous pairs."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr import tables
from cleanfr.rules.words.accents import accent_tables, restore_table


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["accents"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("LUkraine attaque le territoire russe pour la premiere fois avec",
         "LUkraine attaque le territoire russe pour la première fois avec"),
        ("il etait deja la et apres la decision il a ete tres content",
         "il était déjà la et après la décision il a été très content"),
        # strong passage: participles after an auxiliary, a → à, des → dès, capitals keep their initial
        ("La direction avait annonce qu'aucun secteur ne serait epargne par les coupes budgetaires de la Republique.",
         "La direction avait annoncé qu'aucun secteur ne serait épargné par les coupes budgétaires de la République."),
        ("Des les premiers jours de mon arrivee, elle m'avait rappele la difficulte qu'elle avait eu a apprendre.",
         "Dès les premiers jours de mon arrivée, elle m'avait rappelé la difficulté qu'elle avait eu à apprendre."),
        ("Le ministre a egalement salue l'action de ce jeune president jusqu'a la fin de son mandat.",
         "Le ministre a également salué l'action de ce jeune président jusqu'à la fin de son mandat."),
        ("Dans le cas ou le procureur demande la nullite, il ordonne que la transcription soit limitee.",
         "Dans le cas où le procureur demande la nullité, il ordonne que la transcription soit limitée."),
        ("Elle a du se resigner, peut-etre parce que la societe etait deja fermee a cause de la crise.",
         "Elle a dû se résigner, peut-être parce que la société était déjà fermée à cause de la crise."),
        # a after a participle used as an adjective, after avoir droit; ou after a noun before a subject
        ("Lorsque la succession est devolue a des ascendants, elle etait deja divisee entre eux.",
         "Lorsque la succession est dévolue à des ascendants, elle était déjà divisée entre eux."),
        ("Considere comme adulte, il n'a plus droit a cette protection, la premiere qu'il etait en droit d'attendre.",
         "Considéré comme adulte, il n'a plus droit à cette protection, la première qu'il était en droit d'attendre."),
        ("Il etait deja vieux : il a passe sa vie en Suisse ou il naquit et mourut a Berne.",
         "Il était déjà vieux : il a passé sa vie en Suisse où il naquit et mourut à Berne."),
        # one "the" (thé) in a long stripped paragraph does not make it English
        ("Il etait tenu par sa tante au regime severe : le the de cinq heures, la promenade apres le "
         "dejeuner, la lecture du soir et la priere avant de se coucher dans sa chambre glacee.",
         "Il était tenu par sa tante au régime sévère : le thé de cinq heures, la promenade après le "
         "déjeuner, la lecture du soir et la prière avant de se coucher dans sa chambre glacée."),
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
        # no word lacking an accent proves the passage: congres (conger eels) and echo are words
        "Il y a de ces grands congres qui ont une force de cheval.",
        "echo - Afficher une ligne de texte sur la sortie standard",
    ],
)
def test_keeps(clean: str) -> None:
    assert fix(clean) == clean


@pytest.mark.parametrize(
    "damaged, kept",
    [
        # the verb avoir stays: after a subject, before a participle or an adverb
        ("il a la decision et la societe etait deja fermee", "il a la décision et la société était déjà fermée"),
        ("la societe etait deja fermee, elle a ete vendue", "la société était déjà fermée, elle a été vendue"),
        ("la decision etait deja prise et tout a change", "la décision était déjà prise et tout a changé"),
        # Latin a priori, un jour ou l'autre, the article la before a noun
        ("la decision etait deja prise a priori, un jour ou l'autre", "la décision était déjà prise a priori, un jour ou l'autre"),
        # capitals whose accent falls on the initial stay: Etat, Egalement
        ("Etat et societe : la decision etait deja prise", "Etat et société : la décision était déjà prise"),
    ],
)
def test_strong_passage_keeps_verbs_and_capitals(damaged: str, kept: str) -> None:
    assert fix(damaged) == kept


@pytest.mark.parametrize("row", tables.rows("accents_context.tsv"), ids=lambda r: r[0])
def test_context_table_examples(row: list[str]) -> None:
    """Every word class of the context table carries an example it repairs and one it leaves."""
    _, words, positive, negative = row
    damaged, repaired = positive.split(" → ")
    assert fix(damaged) == repaired
    kept = fix(negative).split()
    assert len(kept) == len(negative.split())
    for before, after in zip(negative.split(), kept):
        word = before.strip(".,:;")
        if word in words.split() and word not in restore_table() and word not in accent_tables().loose:
            assert after == before  # the class word the context rule decides stays as written


def test_table_has_no_ambiguous_pairs() -> None:
    table = restore_table()
    for bare in ("a", "ou", "des", "la", "du", "sur", "passe", "donne", "cote", "marche"):
        assert bare not in table and bare not in accent_tables().loose
    assert table["premiere"] == "première" and table["etait"] == "était"
    assert accent_tables().loose["etat"] == "état" and "etat" not in table  # strong passages only
    assert "premiere" in accent_tables().evidence and "echo" not in accent_tables().evidence  # English echo proves nothing


def test_evidence_spellings_are_lower_case_non_words() -> None:
    """The evidence words of a document are read among its unknown words: no bare spelling of the table may be
    a French form (nor hold a capital), or a document writing it would lose that evidence."""
    from cleanfr.lexicon import french

    lex = french()
    assert not [bare for bare in accent_tables().evidence if bare != bare.lower() or lex.has_form(bare)]


def test_idempotent() -> None:
    once = fix("il etait deja la et apres la decision il a ete tres content a partir de demain")
    assert fix(once) == once
