"""Configuration through the API: ``Pipeline(config=...)`` is the one pipeline (regressions of the old
``ConfiguredPipeline``, which copied the pass loop and drifted from it)."""

from __future__ import annotations

import pytest

from cleanfr.config import Config
from cleanfr.pipeline import Pipeline, SelectionError, select_rules

REPORT = "Le gouvernement espère un outcome favorable pour tous."


def test_configuration_keeps_reports() -> None:
    """Any configuration used to drop every mt-foreign-word report (it kept only edits that change text)."""
    plain = [e.rule for e in Pipeline().fix(REPORT).edits]
    configured = [e.rule for e in Pipeline(config=Config(apostrophe="straight")).fix(REPORT).edits]
    assert plain == configured == ["mt-foreign-word"]


def test_user_rules_are_rules_of_the_registry() -> None:
    """``--select user-calque`` was refused as an unknown rule."""
    assert [r.id for r in select_rules(select=["user-calque"])] == ["user-calque"]
    config = Config(calques=(("prendre place", "avoir lieu", 0.9),))
    text = "La réunion va prendre place demain."
    assert Pipeline(select=["user-calque"], config=config).fix(text).text == "La réunion va avoir lieu demain."
    assert Pipeline(ignore=["user-calque"], config=config).fix(text).text == text


def test_fix_takes_a_configuration() -> None:
    import cleanfr

    config = Config(calques=(("prendre place", "avoir lieu", 0.9),))
    assert cleanfr.fix("Il va prendre place.", config=config).text == "Il va avoir lieu."


def test_user_rules_do_nothing_without_a_configuration() -> None:
    assert not any(r.needs_config for rules in Pipeline(select=["ALL"]).passes for r in rules)


def test_arguments_override_the_configuration() -> None:
    config = Config(select=("unicode",))
    assert [r.id for rules in Pipeline(config=config).passes for r in rules] == ["mojibake"]
    assert "glued-words" in [r.id for rules in Pipeline(select=["glued"], config=config).passes for r in rules]
    with pytest.raises(SelectionError):
        Pipeline(select=["no-such-rule"], config=config)


def test_protected_words_and_apostrophe_style() -> None:
    config = Config(protected_words=frozenset({"officiellequi"}), apostrophe="typographic")
    text = "La déclaration officiellequi suit, elle parle de une implication additionnelplus tard."
    out = Pipeline(config=config, trust="stated").fix(text).text
    assert "officiellequi" in out and "additionnel plus" in out and "d’une" in out


def test_user_boilerplate_patterns_keep_their_own_backreferences() -> None:
    """Joined into one alternation, the second pattern's \\1 pointed at the first pattern's group."""
    config = Config(boilerplate=(r"(a+)b\1", r"(x+)y\1"))
    text = "xxyxx\nUne ligne de texte.\n"
    assert Pipeline(config=config).fix(text).text == "Une ligne de texte.\n"


def test_explicit_select_all_replaces_the_configured_selection() -> None:
    """``--select ALL`` did not override a configured ``ignore``."""
    config = Config(ignore=("typography",))
    configured = {r.id for rules in Pipeline(config=config).passes for r in rules}
    everything = {r.id for rules in Pipeline(select=["ALL"], config=config).passes for r in rules}
    assert "double-space" not in configured and "double-space" in everything
    assert "double-space" not in {r.id for rules in Pipeline(select=["ALL"], ignore=["typography"], config=config).passes
                                  for r in rules}


def test_one_name_is_one_name_not_its_letters() -> None:
    """``select="glued"`` was read letter by letter (an unknown rule 'g')."""
    import cleanfr

    assert cleanfr.fix("officiellequi", select="glued", trust="stated").edits[0].rule == "glued-words"
    assert [r.id for rules in Pipeline(select="unicode").passes for r in rules] == ["mojibake"]


def test_none_is_refused_as_the_module_function_does() -> None:
    """``Pipeline().fix(None)`` returned a result whose text was None."""
    import cleanfr

    with pytest.raises(TypeError):
        Pipeline().fix(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cleanfr.fix(None)  # type: ignore[arg-type]


def test_large_user_tables_cost_linear_time() -> None:
    """300,000 protected words or 100,000 user calques were one regular expression each: minutes per text."""
    import random
    import time

    rng = random.Random(5)

    def word() -> str:
        return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(rng.randint(6, 10)))

    config = Config(protected_words=frozenset(word() for _ in range(100_000)) | {"officiellequi"},
                    calques=tuple((f"{word()} {word()}", "x", 0.9) for _ in range(50_000)) + (("prendre place", "avoir lieu", 0.9),))
    text = "La réunion va prendre place demain, officiellequi. " * 2000
    start = time.perf_counter()
    result = Pipeline(config=config, trust="stated").fix(text)
    assert time.perf_counter() - start < 30
    assert "avoir lieu" in result.text and "officiellequi" in result.text
