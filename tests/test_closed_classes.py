"""The closed classes of French words and the word lists of the word and phrase rules: each loads, each is
written once, and a malformed list is reported with its file."""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

from cleanfr import tables
from cleanfr.lexicon import closed
from cleanfr.lexicon.closed import CLOSED_CLASSES, closed_class, word_lists

DATA = Path(tables.__file__).resolve().parent / "data"
#: The folders of the rules held to no word list in code.
RULES = [Path(tables.__file__).resolve().parent / "rules" / folder for folder in ("words", "phrases")]
#: The word-list files of the word and phrase rules' families.
FAMILY_FILES = sorted(f"{folder}/{p.name}" for folder in ("words", "phrases") for p in (DATA / folder).glob("*.toml"))
SHARED = sorted(word_lists(CLOSED_CLASSES))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch ``cleanfr/data`` (the caches of the loaders emptied before and after)."""
    monkeypatch.setattr(tables, "_file", lambda path: tmp_path.joinpath(*path.split("/")))
    tables.toml.cache_clear()
    closed.word_lists.cache_clear()
    yield tmp_path
    tables.toml.cache_clear()
    closed.word_lists.cache_clear()


def test_the_shared_classes_are_there() -> None:
    assert {"elided_forms", "subject_pronouns", "object_pronouns", "determiners"} <= set(SHARED)


@pytest.mark.parametrize("name", SHARED)
def test_each_shared_class_loads(name: str) -> None:
    words = closed_class(name)
    assert words and all(w == w.lower() for w in words), name


@pytest.mark.parametrize("path", FAMILY_FILES)
def test_each_family_file_loads(path: str) -> None:
    lists = word_lists(path)
    assert lists and all(lists.values()), path


def test_elided_forms() -> None:
    assert {"l", "qu", "jusqu", "quelqu"} <= closed_class("elided_forms")
    assert "aujourd" not in closed_class("elided_forms")


def test_the_elision_table_has_a_row_per_elidable_word() -> None:
    # The rule reads the row of every elidable word it meets.
    assert set(word_lists("words/elision.toml", "function_after")) == closed_class("elidable")


def test_a_pair_always_elided_is_a_pair_elided() -> None:
    after = word_lists("words/elision.toml", "function_after")
    for word, always in word_lists("words/elision.toml", "always_elided").items():
        assert always <= after[word], word


def _all_lists() -> dict[str, frozenset[str]]:
    """Every top-level list of the closed classes and of the family files, by ``file:name``."""
    return {f"{path}:{name}": words for path in [CLOSED_CLASSES, *FAMILY_FILES] for name, words in word_lists(path).items()}


def test_no_list_is_written_twice() -> None:
    # A list equal to another one (a closed class above all) is to be read from it, not written again.
    same = [(a, b) for (a, x), (b, y) in itertools.combinations(_all_lists().items(), 2) if x == y]
    assert not same


def _word_list_literals(path: Path) -> list[int]:
    """Lines of ``path`` that build a set of words in code: ``frozenset("a b".split())`` or ``frozenset({"a", "b"})``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "frozenset"):
            continue
        if not node.args:
            continue
        arg = node.args[0]
        split = (
            isinstance(arg, ast.Call)
            and isinstance(arg.func, ast.Attribute)
            and arg.func.attr == "split"
            and isinstance(arg.func.value, ast.Constant)
        )
        literal = isinstance(arg, (ast.Set, ast.List, ast.Tuple)) and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in arg.elts
        )
        if split or literal:
            found.append(node.lineno)
    return found


def test_word_and_phrase_rules_hold_no_word_list_in_code() -> None:
    # Language knowledge lives in the data files; a set of characters (punctuation, a frozenset of one
    # string) is orthography and may stay.
    found = {p.name: lines for folder in RULES for p in sorted(folder.glob("*.py")) if (lines := _word_list_literals(p))}
    assert not found


def test_a_list_with_a_blank_is_reported(data_dir: Path) -> None:
    (data_dir / "t.toml").write_text('a = ["de", "de la"]\n', encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.toml: a: a list of words without blanks"):
        word_lists("t.toml")


def test_a_word_listed_twice_is_reported(data_dir: Path) -> None:
    (data_dir / "t.toml").write_text('a = ["de", "le", "de"]\n', encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.toml: a: listed twice: de$"):
        word_lists("t.toml")


def test_a_table_is_read_by_its_name(data_dir: Path) -> None:
    (data_dir / "t.toml").write_text('a = ["x"]\n[after]\nde = ["un"]\nle = []\n', encoding="utf-8")
    assert word_lists("t.toml") == {"a": frozenset({"x"})}
    assert word_lists("t.toml", "after") == {"de": frozenset({"un"}), "le": frozenset()}
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.toml \[before\]: no such table"):
        word_lists("t.toml", "before")
