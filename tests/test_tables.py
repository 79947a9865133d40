"""The one loader of ``cleanfr/data/``: every table loads, and a malformed one is reported as file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanfr import tables

DATA = Path(tables.__file__).resolve().parent / "data"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch ``cleanfr/data`` for the loader (its caches emptied before and after)."""
    monkeypatch.setattr(tables, "_file", lambda path: tmp_path.joinpath(*path.split("/")))
    for cached in (tables.raw, tables.text, tables.toml, tables._rows, tables.words):
        cached.cache_clear()
    yield tmp_path
    for cached in (tables.raw, tables.text, tables.toml, tables._rows, tables.words):
        cached.cache_clear()


def test_every_shipped_table_loads() -> None:
    for path in sorted(DATA.rglob("*")):
        name = path.relative_to(DATA).as_posix()
        if path.suffix == ".toml":
            assert isinstance(tables.toml(name), dict), name
        elif path.suffix in (".tsv", ".txt") and "LICENSE" not in name:
            assert isinstance(tables.rows(name), list), name
        elif path.name.endswith(".zst"):
            assert tables.compressed_text(name), name


def test_rows_skip_comments_and_blank_lines(data_dir: Path) -> None:
    (data_dir / "t.tsv").write_text("# header\n\na\tb\n  \nc\td\te\n", encoding="utf-8")
    assert tables.rows("t.tsv", columns=2) == [["a", "b"], ["c", "d", "e"]]
    assert tables.words("t.tsv") == {"a", "c"}


def test_short_row_is_reported_with_its_line(data_dir: Path) -> None:
    (data_dir / "t.tsv").write_text("# header\na\tb\nonly-one\n", encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.tsv:3: 2 tab-separated columns expected"):
        tables.rows("t.tsv", columns=2)


def test_flat_columns_name_the_bad_row(data_dir: Path) -> None:
    (data_dir / "t.tsv").write_text("a\tb\tc\nd\te\n", encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"cleanfr/data/t.tsv: rows of 3 columns expected: 'd\\te'"):
        tables.columns("t.tsv", 3)


def test_bad_toml_names_the_file_and_line(data_dir: Path) -> None:
    (data_dir / "t.toml").write_text('a = 1\nb = "unterminated\n', encoding="utf-8")
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.toml: .*line 2"):
        tables.toml("t.toml")


def test_not_utf8_names_the_line(data_dir: Path) -> None:
    (data_dir / "t.txt").write_bytes(b"ok\nnot \xff utf-8\n")
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/t.txt:2: not UTF-8"):
        tables.text("t.txt")


def test_missing_file(data_dir: Path) -> None:
    with pytest.raises(tables.TableError, match=r"^cleanfr/data/none.tsv: cannot be read"):
        tables.rows("none.tsv")


def test_folder_listing(data_dir: Path) -> None:
    (data_dir / "calques").mkdir()
    for name in ("b.toml", "a.toml", "notes.md"):
        (data_dir / "calques" / name).write_text("", encoding="utf-8")
    assert tables.names("calques", ".toml") == ["calques/a.toml", "calques/b.toml"]
