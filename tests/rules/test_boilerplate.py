"""Boilerplate lines: every data-file pattern's own examples, whole-line matching, end-only labels, layout."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from line_examples import shipped_line_examples

import cleanfr
from cleanfr.edits import undo
from cleanfr.rules.blocks import _line_matcher
from cleanfr.rules.blocks._lines import LineMatcher, first_chars, segment
from cleanfr.rules.blocks.boilerplate import _end_matcher, match_line, patterns

SELECT = ["boilerplate"]


@pytest.mark.parametrize("pattern", patterns(), ids=lambda p: p.id)
def test_every_pattern_matches_its_positive_examples(pattern) -> None:
    assert pattern.positive and pattern.negative, "each entry needs positive and negative examples"
    at_end = pattern.where == "end"
    for line in pattern.positive:
        found = match_line(line, at_end=at_end)
        assert found is not None and found.id == pattern.id, line


@pytest.mark.parametrize("pattern", patterns(), ids=lambda p: p.id)
def test_every_pattern_rejects_its_negative_examples(pattern) -> None:
    for line in pattern.negative:
        found = match_line(line, at_end=True)
        assert found is None or found.id != pattern.id, line


def test_first_character_dispatch_never_loses_a_pattern() -> None:
    # The matcher only tries patterns that can start with the line's first character: check the
    # computed sets against every example (upper and lower case).
    for p in patterns():
        chars = first_chars(p.regex, p.case_sensitive)
        for line in p.positive:
            assert chars is None or line.strip()[0].lower() in chars, (p.id, line)


def test_matcher_ignores_surrounding_spaces_and_case() -> None:
    m = LineMatcher([("x", "lire aussi", False)])
    assert m.match("  LIRE AUSSI\u00a0 ") == "x"
    assert m.match("lire aussi ceci") is None


def test_removes_teaser_between_paragraphs_with_its_blank_line() -> None:
    text = "Premier paragraphe de l’article.\n\nÀ lire aussi : Les Bleus battus à domicile\n\nDeuxième paragraphe.\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == "Premier paragraphe de l’article.\n\nDeuxième paragraphe.\n"
    [edit] = result.edits
    assert edit.category == "boilerplate" and edit.original == "À lire aussi : Les Bleus battus à domicile\n\n"
    assert undo(result.text, result.edits) == text


def test_removes_lone_identifier_at_the_end_with_the_blank_lines_before_it() -> None:
    text = "Titre\n\nUn paragraphe qui finit l’article.\n\n\n\nfr-02"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == "Titre\n\nUn paragraphe qui finit l’article."
    assert result.edits[0].rule == "trailing-label"


def test_identifier_inside_the_document_stays() -> None:
    text = "Titre\n\nfr-02\n\nUn paragraphe qui finit l’article.\n"
    assert cleanfr.fix(text, select=SELECT).edits == []


def test_crlf_and_several_trailing_labels() -> None:
    text = "Un paragraphe qui finit l’article.\r\n\r\nTags : politique, Sénat\r\n\r\nfr-02\r\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == "Un paragraphe qui finit l’article.\r\n"
    assert len(result.applied) == 2


def test_source_label_is_only_suggested() -> None:
    text = "Un paragraphe qui finit l’article.\n\nSource : AFP\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == text
    assert [e.applied for e in result.edits] == [False]


@pytest.mark.parametrize(
    "text",
    [
        "Lire aussi les commentaires, qui éclairent le texte.\n",
        "VOIR AUSSI\n\nls(1), cp(1)\n",
        "Publicité mensongère : l’enseigne condamnée\n\nLe tribunal a tranché.\n",
        "Accueil des réfugiés : la mairie s’organise\n",
        "Article 12\n\nLa loi dispose.\n\nArticle 13\n",
        "Il a partagé sur Facebook une photo de ses vacances.\n",
        "Facebook\n\nLe réseau social a annoncé ses résultats.\n",
    ],
)
def test_prose_and_headings_stay(text: str) -> None:
    assert cleanfr.fix(text, select=SELECT).edits == []


def test_fix_is_idempotent() -> None:
    text = "Partager Tweeter Imprimer\n\nTexte de l’article.\n\nPublicité\n\nSuite du texte.\n\nfr-02\n"
    once = cleanfr.fix(text, select=SELECT).text
    assert once == "Texte de l’article.\n\nSuite du texte.\n"
    assert cleanfr.fix(once, select=SELECT).edits == []


def test_a_text_that_is_only_a_label_is_kept_and_a_bom_is_never_removed():
    import cleanfr

    assert cleanfr.fix("fr-02").text == "fr-02"
    assert cleanfr.fix("\ufeffPublicité\nTexte ici.").text.startswith("\ufeff")
    assert cleanfr.fix("\ufeffTexte.\n\nfr-02").text == "\ufeffTexte."


def test_code_a_line_introduces_is_content() -> None:
    """dev/web (Vikidia): CSS the page tells the reader to paste is its content; CSS a scraper left is not."""
    from cleanfr.pipeline import Pipeline

    css = ".geo-default { display: inline } .geo-dec { display: none }"
    introduced = f"Pour toujours afficher les coordonnées, ajoutez le code suivant à votre vector.css\u00a0:\n{css}\nFin.\n"
    stray = f"Le texte de l'article commence ici.\n{css}\nLe texte continue.\n"
    pipeline = Pipeline(select=["boilerplate-line"])
    assert pipeline.fix(introduced).text == introduced
    assert css not in pipeline.fix(stray).text


# --- the whole-text gate of the line matcher ---------------------------------------------------------------


_shipped_lines = shipped_line_examples


#: How a scraped line may differ from the data file's example: case, surrounding spaces, letters ``re`` folds
#: together with ASCII ones under IGNORECASE (long s, Kelvin sign, dotless and dotted i), a cut.
_VARIANTS = [
    lambda s: s,
    str.upper,
    str.lower,
    str.swapcase,
    str.title,
    lambda s: " \t\u00a0" + s,
    lambda s: "\ufeff" + s + " \r",
    lambda s: s.replace("s", "\u017f").replace("k", "\u212a"),
    lambda s: s.replace("i", "\u0131").replace("I", "\u0130"),
    lambda s: s[: len(s) // 2],
]

_lines = st.one_of(
    st.builds(lambda line, variant: variant(line), st.sampled_from(_shipped_lines()), st.sampled_from(_VARIANTS)),
    st.sampled_from(["", "   ", "Article 18", "Le texte de l’article continue ici.", "12 commentaires sur l’article"]),
    st.text(max_size=30),
)


def _ungated(matcher: LineMatcher, text: str) -> dict[int, str]:
    seg = segment(text)
    return {li: key for li in seg.units if (key := matcher.match(seg.texts[li])) is not None}


@given(st.lists(_lines, max_size=12), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_the_gate_never_hides_a_line_a_pattern_matches(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    for matcher in (_line_matcher(), _end_matcher()):
        assert matcher.match_units(segment(text)) == _ungated(matcher, text)


def test_every_example_line_gets_past_the_gate_in_every_variant() -> None:
    for matcher in (_line_matcher(), _end_matcher()):
        lines = [variant(line) for line in _shipped_lines() for variant in _VARIANTS]
        text = "\n".join(["Le premier paragraphe.", *lines])
        found = matcher.match_units(segment(text))
        assert found == _ungated(matcher, text)
        assert len(found) > len(_shipped_lines())  # the examples do match: the comparison is not empty


def test_the_gate_lets_prose_through_only_where_it_begins_as_a_pattern() -> None:
    gate = _line_matcher().gate
    assert gate is not None, "a line pattern can begin with almost anything: every line goes to the patterns"
    text = "Titre\n\nArticle 18\nLe texte de l’article.\nLire la suite\n  article suivant →\nArticle premier\n"
    assert [text.count("\n", 0, m.end()) for m in gate.finditer(text)] == [4, 5]
