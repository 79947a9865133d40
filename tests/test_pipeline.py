"""Rule selection, the applied/suggested threshold and the public API."""

from __future__ import annotations

import json

import pytest

import cleanfr
from cleanfr.pipeline import Pipeline, SelectionError, all_rules, select_rules

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
