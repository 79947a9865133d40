"""Rule selection, the applied/suggested threshold and the public API."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanfr
from cleanfr.edits import Edit, EditLog, apply
from cleanfr.pipeline import Pipeline, SelectionError, _carried, _Excerpt, all_rules, select_rules

MOJIBAKE = "Ã©tÃ© Ã  Paris"


def test_every_rule_is_documented_and_unique():
    rules = all_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for r in rules:
        assert r.category and r.description and (r.__doc__ or "").strip(), r.id
        assert r.pass_name in ("unicode", "blocks", "words", "phrases", "typography"), r.id


def test_select_by_category_and_id_and_ignore():
    assert {r.id for r in select_rules(select=["unicode"])} == {r.id for r in all_rules() if r.category == "unicode" and r.default_enabled}
    assert [r.id for r in select_rules(select=["mojibake"])] == ["mojibake"]
    assert "mojibake" not in {r.id for r in select_rules(ignore=["mojibake"])}
    assert select_rules(select=["ALL"], ignore=["ALL"]) == []


def test_unknown_names_raise():
    with pytest.raises(SelectionError):
        select_rules(select=["no-such-rule"])
    with pytest.raises(SelectionError):
        Pipeline(min_confidence=1.5)


def test_threshold_turns_edits_into_suggestions():
    strict = cleanfr.fix(MOJIBAKE, min_confidence=1.0)
    assert strict.text == MOJIBAKE
    assert strict.edits and not strict.applied
    assert [(e.start, e.end) for e in strict.suggested] == [(e.start, e.end) for e in cleanfr.fix(MOJIBAKE).applied]


def test_result_serialises_to_json():
    data = json.loads(cleanfr.fix(MOJIBAKE).to_json())
    assert data["text"] == "été à Paris"
    assert data["edits"][0]["rule"] == "mojibake"


def test_fix_rejects_bytes():
    with pytest.raises(TypeError):
        cleanfr.fix(MOJIBAKE.encode())  # type: ignore[arg-type]


def test_empty_text():
    assert cleanfr.fix("").text == "" and cleanfr.fix("").edits == []


def test_a_report_without_replacement_is_never_applied():
    text = "Le gouvernement espère un outcome favorable pour tous."
    for threshold in (None, 0.0):
        result = cleanfr.fix(text, min_confidence=threshold)
        assert result.text == text
        (report,) = [e for e in result.edits if e.original == e.replacement == "outcome"]
        assert not report.applied


# --- the rounds after the first: the paragraphs a round changed are read again, the whole text when needed.


@st.composite
def _text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit], list[tuple[int, int]]]:
    """A text, sorted non-overlapping applied edits of it, and spans of it no edit touches."""
    text = draw(st.text(alphabet="ab \n", min_size=1, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits, spans = [], []
    for i, (s, t) in enumerate(zip(cuts[::2], cuts[1::2])):
        if edits and s <= edits[-1].end:
            continue
        if i % 2:
            spans.append((s, t))
        else:
            edits.append(Edit(s, t, text[s:t], draw(st.text(alphabet="xy", max_size=4)), "r", "c", 1.0, ""))
    spans = [(s, t) for s, t in spans if all(t < e.start or s > e.end for e in edits)]
    return text, edits, spans


@given(_text_and_edits())
def test_changed_spans_are_carried_through_a_pass(case: tuple[str, list[Edit], list[tuple[int, int]]]) -> None:
    text, edits, spans = case
    new = apply(text, edits)
    carried = _carried(spans, edits)
    assert carried == sorted(carried)
    assert [new[s:t] for s, t in _carried([], edits)] == [e.replacement for e in edits]
    # a span no edit touches holds the same text in the new text
    assert all(any(new[s:t] == text[a:b] and t - s == b - a for s, t in carried) for a, b in spans)


@given(st.lists(st.text(alphabet="ab \n", max_size=12), min_size=1, max_size=8), st.data())
def test_an_excerpt_maps_its_offsets_back_to_the_text(paragraphs: list[str], data: st.DataObject) -> None:
    text = "\n\n".join(paragraphs)
    s = data.draw(st.integers(0, len(text)))
    t = data.draw(st.integers(s, len(text)))
    excerpt = _Excerpt(text, [(s, t)])
    assert text[s:t] in excerpt.text
    for start in range(len(excerpt.text)):
        for end in range(start, min(len(excerpt.text), start + 4) + 1):
            edit = Edit(start, end, excerpt.text[start:end], "z", "r", "c", 1.0, "")
            placed = excerpt.placed(edit)
            if placed is not None:
                assert text[placed.start : placed.end] == edit.original


FILLER = [
    "Le gouvernement a présenté son budget mardi devant les députés de la commission.",
    "Les députés voteront la semaine prochaine sur l’ensemble du texte.",
    "Le ministre a défendu son texte devant la presse, sans convaincre l’opposition.",
    "La séance a été levée à minuit après un long débat.",
    "Le Sénat examinera le projet de loi en janvier.",
]


class _WholeRounds(Pipeline):
    def _settled(self, log: EditLog, changed: list[tuple[int, int]]) -> bool:
        return False


def test_a_repair_that_makes_a_far_paragraph_a_copy_is_found_without_a_whole_round() -> None:
    """A word joined at a line-break hyphen makes a paragraph the copy of one three paragraphs away: the
    block rules read the whole text again, the others only the changed paragraph, and the log is the one a
    whole second round makes."""
    cut = "La recon-\nstruction du pont a commencé hier matin, annonce la mairie dans un communiqué publié sur son site."
    text = "\n\n".join([FILLER[0], cut, *FILLER[1:4], cut.replace("-\n", ""), FILLER[4]])
    settled: list[bool] = []

    class Spy(Pipeline):
        def _settled(self, log: EditLog, changed: list[tuple[int, int]]) -> bool:
            settled.append(super()._settled(log, changed))
            return settled[-1]

    result = Spy().fix(text)
    assert settled == [True]
    assert result == _WholeRounds().fix(text)
    assert [e.rule for e in result.edits] == ["line-break-hyphen", "dup-paragraph"]
