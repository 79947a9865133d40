"""The edit model: apply, undo, overlap resolution and composition across passes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanfr.edits import Edit, EditLog, apply, resolve_overlaps, undo


def ed(start: int, end: int, text: str, replacement: str, confidence: float = 0.9, applied: bool = True) -> Edit:
    return Edit(start, end, text[start:end], replacement, "r", "c", confidence, "m", applied)


def test_apply_and_undo_roundtrip():
    text = "jai vu quil pleut"
    edits = [ed(0, 3, text, "j'ai"), ed(7, 11, text, "qu'il")]
    out = apply(text, edits)
    assert out == "j'ai vu qu'il pleut"
    assert undo(out, edits) == text


def test_apply_ignores_suggestions():
    text = "le mardi passé"
    assert apply(text, [ed(3, 14, text, "mardi dernier", applied=False)]) == text


def test_apply_rejects_wrong_original_and_overlaps():
    text = "abcdef"
    with pytest.raises(ValueError):
        apply(text, [Edit(0, 2, "xx", "y", "r", "c", 1, "m")])
    with pytest.raises(ValueError):
        apply(text, [ed(0, 3, text, "x"), ed(2, 4, text, "y")])
    with pytest.raises(ValueError):  # two insertions at one point: order would be ambiguous
        apply(text, [ed(2, 2, text, "x"), ed(2, 2, text, "y")])


def test_resolve_overlaps_prefers_confidence_and_drops_shadowed_suggestions():
    text = "Lavrovau sommet"
    low = ed(0, 8, text, "Lavrov, au", confidence=0.5, applied=False)
    high = ed(0, 8, text, "Lavrov au", confidence=0.95)
    other = ed(6, 8, text, "AU", confidence=0.85)
    kept = resolve_overlaps([low, other, high])
    assert kept == [high]


def test_resolve_overlaps_keeps_adjacent_edits():
    text = "abcdef"
    kept = resolve_overlaps([ed(0, 2, text, "X"), ed(2, 4, text, "Y"), ed(4, 4, text, "-")])
    assert [e.start for e in kept] == [0, 2, 4]


def test_composition_maps_later_pass_offsets_to_original():
    log = EditLog("Ã©tÃ© quil vient")
    log.add([ed(0, 5, log.text, "été")])
    assert log.text == "été quil vient"
    log.add([ed(4, 8, log.text, "qu'il")])
    assert log.text == "été qu'il vient"
    assert [(e.start, e.end, e.original) for e in log.edits] == [(0, 5, "Ã©tÃ©"), (6, 10, "quil")]
    assert apply(log.original, log.edits) == log.text


def test_composition_merges_edit_over_earlier_replacement():
    log = EditLog("LÃ©gion dhonneur")
    log.add([ed(1, 3, log.text, "é")])  # "Légion dhonneur"
    log.add([ed(0, 15, log.text, "Légion d'honneur")])
    (merged,) = log.edits
    assert (merged.start, merged.end, merged.original) == (0, 16, "LÃ©gion dhonneur")
    assert merged.replacement == "Légion d'honneur"
    assert apply(log.original, log.edits) == log.text


def test_composition_of_insertion_next_to_deletion_merges():
    log = EditLog("a  b")
    log.add([ed(1, 2, log.text, "")])  # "a b"
    log.add([ed(1, 1, log.text, ",")])  # insertion at the deletion point
    assert log.text == "a, b"
    assert apply(log.original, log.edits) == log.text
    assert undo(log.text, log.edits) == log.original


def test_suggestions_are_mapped_but_change_nothing():
    log = EditLog("xx le mardi passé")
    log.add([ed(0, 2, log.text, "")])
    log.add([ed(1, 15, log.text, "mardi dernier", applied=False)])
    assert log.text == " le mardi passé"
    (applied,) = [e for e in log.edits if e.applied]
    (suggestion,) = [e for e in log.edits if not e.applied]
    assert suggestion.original == "le mardi passé" and suggestion.start == 3


@st.composite
def text_and_edit_passes(draw):
    text = draw(st.text(alphabet="abcé’ \n", max_size=30))
    passes = []
    current = text
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, len(current)), max_size=6)))
        edits, last = [], -1
        for a, b in zip(cuts[::2], cuts[1::2]):
            if a <= last or (a == b and a == last):
                continue
            edits.append(Edit(a, b, current[a:b], draw(st.text(alphabet="xyz’", max_size=3)), "r", "c", 1.0, "m"))
            last = b
        edits = [e for e in edits if e.original != e.replacement]
        passes.append(edits)
        current = apply(current, edits)
    return text, passes, current


@given(text_and_edit_passes())
def test_composed_log_rebuilds_output_and_input(case):
    text, passes, expected = case
    log = EditLog(text)
    for edits in passes:
        log.add(edits)
    assert log.text == expected
    for e in log.edits:
        assert text[e.start : e.end] == e.original
    assert apply(text, log.edits) == expected
    assert undo(expected, log.edits) == text


def test_edit_json_roundtrip():
    e = ed(0, 3, "jai vu", "j'ai")
    assert Edit.from_dict({"file": "x.txt", **e.to_dict()}) == e
