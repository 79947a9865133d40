"""The shortcuts the phrase pass takes for speed find what the plain computations they replace find.

Each test states the plain computation (as the rule read it before) and holds the shortcut to it on generated text
made of the pieces that matter (marks, blanks, letters with odd case partners).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

_SENTENCE_PIECES = st.lists(
    st.sampled_from(["a", "bc", " ", ".", "!", "?", ";", ":", "\n", "\t", "\u00a0"]), max_size=80
)


@given(_SENTENCE_PIECES, st.integers(min_value=0, max_value=200))
def test_sentence_around_is_the_nearest_marks(pieces: list[str], at: int) -> None:
    """mt-untranslated-span's sentence: after the nearest end mark before the position, up to the nearest after,
    each mark searched only where it would be nearer than the nearest found so far."""
    from cleanfr.rules.phrases.mt_artifacts import _SENTENCE_ENDS, _sentence_around

    text = "".join(pieces)
    pos = min(at, len(text))
    window = max(0, pos - 2000)
    found = [(i, len(end)) for end in _SENTENCE_ENDS if (i := text.rfind(end, window, pos)) >= 0]
    start = max((i + n for i, n in found), default=window)
    ends = [i for i in (text.find(end, pos, pos + 2000) for end in _SENTENCE_ENDS) if i >= 0]
    stop = min(ends) + 1 if ends else min(len(text), pos + 2000)
    if text[stop - 1 : stop] in " \n":
        stop -= 1
    while start < stop and text[start] in " \t\u00a0":
        start += 1
    assert _sentence_around(text, pos) == (start, stop)


_ACCOUNTING_PIECES = st.lists(
    st.sampled_from(
        ["comptable", "COMPTABILITÉ", "Débit", "crédit", "bilan", "exercice budgétaire", "compte financier"]
        + ["grand livre", "plan comptable", "agent comptable", "écritures", "recettes budgétaires", "écritureſ"]
        + ["bİlan", "recetteſ budgétaireſ", "ſ", "İ", "x", "_", "\u0301", " ", ".", "\n"]
    ),
    max_size=30,
)


@given(_ACCOUNTING_PIECES)
def test_accounting_markers_tried_at_their_literals(pieces: list[str]) -> None:
    """The accounting markers, tried only where a leading literal stands in the folded text, are the matches of
    the expression over the whole text (ſ matches s, İ matches i when case is ignored)."""
    from cleanfr.rules.phrases._matcher import fold_keeping_offsets
    from cleanfr.rules.phrases.calques import _FOLDED_STARTS, _matches_at

    text = "".join(pieces)
    for pattern, literals in _FOLDED_STARTS.items():
        found = _matches_at(pattern, text, fold_keeping_offsets(text), literals)
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


_ELIDED_PIECES = st.lists(
    st.sampled_from(["d’", "l'", "qu’", "un", "une", "doctrine", "problème", "x" * 45, " ", "  ", "\n", "\u00a0", ","]),
    max_size=30,
)


@given(_ELIDED_PIECES)
def test_elided_pairs_read_the_next_token(pieces: list[str]) -> None:
    """determiner-gender's elided pairs, the next token read from a slice of the text, are those of the search
    for the next run of non-blanks."""
    from cleanfr.lexicon.gender import nouns
    from cleanfr.rules.phrases import _matcher
    from cleanfr.rules.phrases._grammar import DETERMINERS
    from cleanfr.rules.phrases.agreement import (
        _CLASHES_WITH,
        _SPLIT_BLANKS,
        _TOKEN,
        _TRAILING,
        _add_pair,
        _elided_pairs,
        _noun_genders,
    )

    text = "".join(pieces)
    folded = _matcher.fold_keeping_offsets(text)
    triggers = [(f"elided:{det}", f"'{det}{blank}") for det in DETERMINERS for blank in _SPLIT_BLANKS]
    hits = [hit._replace(key=hit.key.partition(":")[2]) for hit in _matcher.PhraseMatcher([], triggers).find(folded)]
    plain: set[tuple[str, str]] = set()
    for hit in hits:
        following = _TOKEN.search(text, hit.end)
        if following is None:
            continue
        noun = following.group()
        if _noun_genders().get(noun.rstrip(_TRAILING)) != _CLASHES_WITH[hit.key]:
            continue
        start = hit.start
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        _add_pair(plain, nouns(), text[start : hit.end - 1], noun)
    pairs: set[tuple[str, str]] = set()
    _elided_pairs(text, hits, pairs)
    assert pairs == plain
