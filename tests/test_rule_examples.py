"""Every rule's examples and counter-examples (``cleanfr/data/rule_examples.toml``), run as one test each.

Each rule runs alone with every edit it proposes applied (stated trust, no threshold): an example must give
its ``fixed`` text (or a report on its ``reports`` word), a counter-example must get no edit at all.
"""

from __future__ import annotations

import pytest

from cleanfr import tables
from cleanfr.pipeline import Pipeline
from cleanfr.rules import all_rules, rule_examples, rule_status

RULES = [r for r in all_rules() if not r.needs_config]
EXAMPLES = [(r.id, e) for r in RULES for e in rule_examples(r.id).examples]
COUNTER = [(r.id, t) for r in RULES for t in rule_examples(r.id).counter]


def _alone(rule_id: str) -> Pipeline:
    return Pipeline(select=[rule_id], min_confidence=0.0, trust="stated")


def test_every_rule_has_examples_and_counter_examples() -> None:
    missing = [r.id for r in RULES if not rule_examples(r.id).examples or not rule_examples(r.id).counter]
    assert missing == [], f"add examples and counter-examples to cleanfr/data/rule_examples.toml for {missing}"


def test_the_table_names_only_rules() -> None:
    known = {r.id for r in all_rules()}
    assert set(tables.toml("rule_examples.toml")) <= known


@pytest.mark.parametrize(("rule_id", "example"), EXAMPLES, ids=[f"{i}-{n}" for n, (i, _) in enumerate(EXAMPLES)])
def test_example(rule_id: str, example) -> None:
    result = _alone(rule_id).fix(example.text)
    if example.reports is not None:
        assert result.text == example.text
        assert [e.original for e in result.edits if e.rule == rule_id] == [example.reports]
    else:
        assert result.text == example.fixed
        assert {e.rule for e in result.edits} == {rule_id}
        assert _alone(rule_id).fix(result.text).text == result.text  # idempotent


@pytest.mark.parametrize(("rule_id", "text"), COUNTER, ids=[f"{i}-{n}" for n, (i, _) in enumerate(COUNTER)])
def test_counter_example(rule_id: str, text: str) -> None:
    assert _alone(rule_id).fix(text).edits == []


def test_status_is_stable_or_preview() -> None:
    assert {rule_status(r.id) for r in all_rules()} <= {"stable", "preview"}
    assert rule_status("mojibake") == "stable"  # judged on ftfy's real-world cases
