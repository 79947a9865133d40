"""``tokens.Literals`` reads a long text in windows (the automaton reads a copy of what it scans): it must give
exactly what one scan of the whole text gives, whatever the window, and so must the word finders built on it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfr import tokens

KEYS = ["a", "ab", "abc", "bca", "cab", "abcabc", "ca", "é", "éa", "a é"]


def test_find_words_and_word_matcher_in_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "quil, quill et jai dit quil prendre place, place_1 " * 50
    expected = (
        tokens.find_words(text, ["quil", "jai"]),
        tokens.WordMatcher(["prendre place", "place"]).occurrences(text),
    )
    monkeypatch.setattr(tokens, "_SCAN_WINDOW", 7)
    found = tokens.find_words(text, ["quil", "jai"]), tokens.WordMatcher(["prendre place", "place"]).occurrences(text)
    assert found == expected and len(expected[0]["quil"]) == 100


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="abcé x\ud800", max_size=80),
    keys=st.lists(st.sampled_from(KEYS), min_size=1, unique=True),
    window=st.integers(min_value=1, max_value=12),
)
def test_literals_in_windows_are_every_occurrence(text: str, keys: list[str], window: int) -> None:
    """``tokens.Literals`` gives every occurrence of every key (overlapping ones too), by end, whatever the window,
    a lone surrogate in the text included."""
    expected = sorted(
        ((i, s, s + len(key)) for i, key in enumerate(keys) for s in range(len(text)) if text.startswith(key, s)),
        key=lambda m: (m[2], m[1]),
    )
    literals = tokens.Literals(keys)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "_SCAN_WINDOW", window)
        found = literals.matches(text)
    assert sorted(found, key=lambda m: (m[2], m[1])) == expected
    assert [m[2] for m in found] == sorted(m[2] for m in found)
