"""Calque tables: every entry's examples (positive with expected correction, negative unchanged), matcher, agreement."""

from __future__ import annotations

import inspect
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfr.lexicon.gender import verb_forms
from cleanfr.pipeline import Pipeline
from cleanfr.rules.phrases._matcher import (
    _PLAIN_PATTERN,
    Choice,
    PhraseMatcher,
    _count,
    _slots,
    fold_keeping_offsets,
    render,
)
from cleanfr.rules.phrases.calques import entries, matcher

# Suggested entries are checked as if applied, on their stated confidence (not a measured calibration).
_STATED = {"trust": "stated"} if "trust" in inspect.signature(Pipeline).parameters else {}
PIPE = Pipeline(select=["calque"], min_confidence=0.0, **_STATED)
ENTRIES = sorted(entries().values(), key=lambda e: e.id)


def test_table_is_large_and_well_formed():
    assert len(ENTRIES) >= 150
    for e in ENTRIES:
        assert e.examples and e.counter, f"{e.id}: needs a positive and a negative example"
        assert e.replace, e.id
        assert 0.0 < e.confidence <= 1.0, e.id
        assert e.kind in ("verb", "noun", "connector", "phrase"), e.id


def test_every_verb_of_the_tables_is_in_the_lexicon():
    import re

    for e in ENTRIES:
        for text in [e.pattern, *e.replace]:
            for lemma in re.findall(r"<([^<>]+)>", text):
                assert verb_forms(lemma), f"{e.id}: rerun tools/build_gender.py for <{lemma}>"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_positive_examples(entry):
    for example in entry.examples:
        result = PIPE.fix(example["text"])
        assert result.text == example["fixed"], (entry.id, [e.message for e in result.edits])
        assert any(e.category == "calque" for e in result.edits)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_negative_examples(entry):
    for sentence in entry.counter:
        result = PIPE.fix(sentence)
        assert result.text == sentence, (entry.id, [e.message for e in result.edits])


def test_one_automaton_for_all_tables():
    assert matcher().size > len(ENTRIES)


def test_matcher_respects_word_boundaries_and_apostrophes():
    m = PhraseMatcher([("x", "{coup|coups} d'{état|etat}")])
    assert [h.key for h in m.find(fold_keeping_offsets("Le coup d’Etat"))] == ["x"]
    assert m.find(fold_keeping_offsets("beaucoup d'état")) == []
    assert m.find(fold_keeping_offsets("coup d'étatisme")) == []


def test_triggers_match_anywhere_patterns_on_word_boundaries():
    m = PhraseMatcher([("word:x", "the")], [("hint:the", " the "), ("apostrophe: '", " '")])
    folded = fold_keeping_offsets("In the end, l ’ accord; bathe thee")
    assert [(h.key, folded[h.start : h.end]) for h in m.find(folded)] == [
        ("hint:the", " the "),
        ("word:x", "the"),
        ("apostrophe: '", " '"),
    ]
    with pytest.raises(ValueError):
        PhraseMatcher([("word:x", "the")], [("hint:the", "the")])


def test_message_names_source_language_and_word():
    text = "Les missiles ont visé un entrepôt de la région. Ce coup d'État aurait eu lieu mardi."
    (edit,) = [e for e in PIPE.fix(text).edits if e.category == "calque"]
    assert edit.message.startswith("calque de l'espagnol « golpe »")
    assert edit.original == "Ce coup d'État" and edit.replacement == "Cette frappe"


def test_participle_follows_new_gender():
    text = "Des drones ont frappé la région et le territoire. Ce coup d'État aurait été lancé depuis la frontière."
    assert "Cette frappe aurait été lancée" in PIPE.fix(text).text


@pytest.mark.parametrize(
    "text, fixed",
    [
        # the head noun's gender from its determiner when the calque is no French word; a « de » complement crossed
        ("La tramitation du budget a été suspendue.", "L'examen du budget a été suspendu."),
        ("La tramitation de la loi est lente.", "L'examen de la loi est lent."),
        # an adjective with one form for both genders stands between the noun and the verb
        ("La tramitation parlementaire a été longue.", "L'examen parlementaire a été long."),
        # active voice: the participle agrees with nothing
        ("La tramitation de la loi a suspendu les débats.", "L'examen de la loi a suspendu les débats."),
        # « sur les voitures »: a preposition that is also an adjective (sur, sure) is no epithet
        (
            "Le concessionnaire offre des termes faciles sur les voitures d'occasion.",
            "Le concessionnaire offre des facilités de paiement sur les voitures d'occasion.",
        ),
    ],
)
def test_agreement_follows_the_replaced_noun(text, fixed):
    rule = Pipeline(select=["calque"], min_confidence=0.0, trust="stated")
    assert rule.fix(text).text == fixed


def test_sample_article_strike():
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "seeds" / "fr-02.txt"
    out = Pipeline(select=["calque", "agreement"]).fix(sample.read_text(encoding="utf-8")).text
    assert "Cette frappe aurait eu lieu" in out
    assert "une doctrine militaire" in out


def test_never_raises_and_is_idempotent_on_odd_text():
    odd = "Ce coup d’État\r\n\u00a0« coup d'État »\ud800 coup d'État\x00 COUP D'ÉTAT"
    first = PIPE.fix(odd)
    assert PIPE.fix(first.text).text == first.text


def test_small_text_automaton_finds_what_the_shared_one_finds():
    """Short texts are scanned by an automaton of the patterns they can hold: the same hits, positives and
    counter-examples of every entry included."""
    from cleanfr.rules.phrases import shared_matcher, small_matcher

    def hits(m, folded):
        return [(h.start, h.end, h.key, h.choices) for h in m.find(folded)]

    texts = [x for e in ENTRIES for x in [*(ex["text"] for ex in e.examples), *e.counter]]
    texts += ["Le gouvernement a annoncé un rollback des mesures.", "Sin embargo, le ministre a maintenu sa décision.", ""]
    texts += ["Le contenu de l ’ accord. This is the end of the story, and so on."]  # triggers
    for text in texts:
        folded = fold_keeping_offsets(text)
        small = small_matcher(folded)
        assert hits(small, folded) == hits(shared_matcher(), folded), text


def test_every_authority_entry_cites_its_page():
    """Entries mined from the language authorities' lists carry the page they come from."""
    from cleanfr.rules.phrases.calques import _CITE

    authorities = [e for e in ENTRIES if e.cite]
    assert len(authorities) >= 95
    for e in authorities:
        assert _CITE.match(e.cite), e.id
        assert e.confidence <= 0.75 or e.confidence >= 0.8, e.id


def test_cite_must_be_a_url():
    from cleanfr.rules.phrases.calques import Entry

    with pytest.raises(ValueError):
        Entry(id="x", language="en", source="x", pattern="x", replace=["y"], confidence=0.5, explain="", cite="OQLF")
    with pytest.raises(ValueError):
        Entry(id="x", language="en", source="x", pattern="x", replace=["y"], confidence=0.5, explain="", registers_not=["poetry"])


def test_registers_of_a_document():
    from cleanfr.rules.phrases.calques import registers

    statute = ("Article L411-6 La contribution est appréciée sur une base mensuelle.\n"
               "Article L411-7 Le montant est fixé par décret.\nArticle L411-8 Les dispositions s'appliquent.")
    assert "law" in registers(statute)
    code = ("Appelez os.scandir() puis `entry.is_dir()` ; la méthode find_spec() et le module importlib.abc.Loader(x).\n"
            "L'option --verbose affiche sys.path_hooks().")
    assert "tech" in registers(code)
    assert registers("Le gouvernement a présenté son budget mardi devant les députés.") == frozenset()


def test_statute_vetoes_register_bound_calques():
    statute = ("Article L411-6 La contribution est calculée sur une base mensuelle.\n"
               "Article L411-7 Le montant est fixé par décret.\nArticle L411-8 Les dispositions s'appliquent.")
    assert PIPE.fix(statute).text == statute
    assert PIPE.fix("Les filtres sont nettoyés sur une base mensuelle.").text == "Les filtres sont nettoyés chaque mois."


def test_software_documentation_keeps_implementer():
    doc = ("La méthode find_spec() doit implémenter le protocole. Voir `importlib.abc.Loader` et os.scandir(path).\n"
           "Les classes de collections.abc peuvent implémenter __len__ et __iter__ ; utilisez sys.path_hooks().")
    assert "implémenter" in PIPE.fix(doc).text


def test_never_inside_a_code_identifier():
    text = "Renvoie la date locale courante. Cela est équivalent à date.fromtimestamp(time.time())."
    assert PIPE.fix(text).text == text
    text = "Renvoie une date correspondant à date_string dans un format ISO 8601."
    assert PIPE.fix(text).text == text
    assert PIPE.fix("Aucune plainte n'a été reçue à date.").text == "Aucune plainte n'a été reçue à ce jour."


def test_never_on_a_proper_name():
    text = "Elle a fondé la société Transformation Digitale en 2019."
    assert PIPE.fix(text).text == text
    text = "Le cabinet Sur Une Base Régulière Conseil a fermé."
    assert PIPE.fix(text).text == text


# --- factored patterns: a pattern of many surfaces has its anchor in the automaton, the rest read beside a hit.


@lru_cache(maxsize=1)
def _matchers() -> tuple[list[tuple[str, str]], PhraseMatcher, PhraseMatcher]:
    """The shared tables' patterns and triggers, factored and written out in full."""
    from cleanfr.rules.phrases import _matcher, _shared_patterns, _shared_triggers

    patterns, triggers = list(_shared_patterns()), list(_shared_triggers())
    factored = PhraseMatcher(patterns, triggers)
    limit = _matcher.FACTOR_ABOVE
    _matcher.FACTOR_ABOVE = 10**9
    try:
        written_out = PhraseMatcher(patterns, triggers)
    finally:
        _matcher.FACTOR_ABOVE = limit
    large = [p for p in patterns if not _PLAIN_PATTERN.match(p[1]) and _count(_slots(p[1])) > limit]
    return large, factored, written_out


def _hits(m: PhraseMatcher, text: str) -> list[tuple[int, int, str, tuple[Choice, ...]]]:
    return [(h.start, h.end, h.key, h.choices) for h in m.find(fold_keeping_offsets(text))]


CONTEXTS = ("Il dit que {} hier.", "{}", "«{}»", "x{}", "{}s et", "{}-là", "{} {}", "le {}e", "a-{}", "é{}", "{}\u0301")


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_factored_pattern_finds_what_its_written_out_surfaces_find(data: st.DataObject) -> None:
    large, factored, written_out = _matchers()
    assert factored.size < written_out.size
    key, pattern = data.draw(st.sampled_from(large), label="pattern")
    surface = "".join(data.draw(st.sampled_from(surfaces)) for surfaces, _ in _slots(pattern))
    text = data.draw(st.sampled_from(CONTEXTS)).format(surface, surface)
    assert _hits(factored, text) == _hits(written_out, text)


def test_both_anchors_of_a_factored_pattern_and_the_replacement_they_render() -> None:
    numbers = "|".join(str(n) for n in range(2, 40))
    head_first = ("last", f"{{les|des|ces}} {{derniers|premiers}} {{{numbers}}} {{jours|mois|ans}}")
    tail_first = ("pass", "<passer> {une loi|la loi|le projet de loi}")
    m = PhraseMatcher([head_first, tail_first])
    assert m.size < 3 * 2 * 38 * 3  # the first alone has 684 surfaces written out
    hits = m.find(fold_keeping_offsets("Durant les derniers 10 jours, ils ont passé la loi. Les derniers 10 joursx"))
    found = [(h.key, h.start, h.end) for h in hits]
    assert found == [("last", 7, 28), ("pass", 34, 50), ("pass", 38, 50)]  # « ont passé la loi », « passé la loi »
    assert render("$1 $3 $2 $4", hits[0].choices, head_first[1]) == "les 10 derniers jours"
    assert m.find(fold_keeping_offsets("contre la loi, repasser la loi")) == []


@given(
    st.lists(
        st.sampled_from(
            ["$ ", ">>> ", "#include", "def ", "fn ", "class ", "import ", "SYNOPSIS", "DESCRIPTION", "OPTIONS"]
            + ["\n", "  ", "\t", "x", "_", "é", "DESCRIPTIONS", "de f ", "os.path.join(", "main()", "--verbose", "`a`"]
        ),
        max_size=30,
    )
)
def test_register_literal_gates_keep_every_marker(pieces: list[str]) -> None:
    """A marker pattern gated by literals matches only texts holding one of them, and the register's verdict is
    the plain count of every pattern's matches."""
    from cleanfr.rules.phrases.calques import _LITERALS, REGISTERS, _has_markers

    text = "".join(pieces)
    for pattern, literals in _LITERALS.items():
        assert pattern.search(text) is None or any(literal in text for literal in literals)
    for name, (patterns, needed) in REGISTERS.items():
        assert _has_markers(text, name) == (sum(len(p.findall(text)) for p in patterns) >= needed)
