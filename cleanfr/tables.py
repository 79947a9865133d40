"""The one loader of the data files shipped in ``cleanfr/data/``.

Every table of the package (word lists, TSV tables, TOML rule tables, compressed lexicons, assets) is read
through this module: once per process, validated on load, and a malformed row is reported as
``cleanfr/data/<path>:<line>: <what is wrong>`` (:class:`TableError`), so a maintainer editing a table sees
where, not a traceback from inside a rule.

A table a loader turns into its own structure (a dict, a set, an automaton) is read with :func:`read_rows`,
:func:`columns`, :func:`compressed_text` or :func:`compressed_utf8`, which keep nothing: the loader caches what it built, and the
process does not hold the table twice.

Conventions of the text tables: UTF-8; ``#`` opens a comment line; blank lines are skipped; columns are
separated by one tab.

>>> "uname" in words("protected_words.txt")
True
>>> rows("ocr_confusions.tsv", columns=2)[0][:2] == rows("ocr_confusions.tsv")[0][:2]
True
"""

from __future__ import annotations

import itertools
import operator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # importlib.resources.abc is Python 3.11+; the annotation is only read by type checkers
    from importlib.resources.abc import Traversable

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "TableError",
    "columns",
    "compressed_text",
    "compressed_utf8",
    "names",
    "raw",
    "read_rows",
    "rows",
    "text",
    "toml",
    "words",
]


class TableError(ValueError):
    """A data file that is missing or malformed; the message starts with ``cleanfr/data/<path>[:<line>]``."""


def _where(path: str, line: int | None = None) -> str:
    return f"cleanfr/data/{path}" + (f":{line}" if line is not None else "")


def _file(path: str) -> Traversable:
    return resources.files("cleanfr").joinpath("data", *path.split("/"))


def _read(path: str) -> bytes:
    try:
        return _file(path).read_bytes()
    except OSError as error:
        raise TableError(f"{_where(path)}: cannot be read ({error.strerror or error})") from None


def _decode(path: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TableError(f"{_where(path, line)}: not UTF-8") from None


@lru_cache(maxsize=None)
def raw(path: str) -> bytes:
    """The bytes of ``cleanfr/data/<path>`` (kept: the loaders below read the file without keeping its bytes)."""
    return _read(path)


@lru_cache(maxsize=None)
def text(path: str) -> str:
    """The text of ``cleanfr/data/<path>`` (UTF-8; kept, as :func:`raw`)."""
    return _decode(path, raw(path))


def compressed_text(path: str) -> str:
    """The text of a zstd-compressed file (``….zst``); not cached: the callers parse it once and keep the result."""
    import zstandard

    try:
        return zstandard.ZstdDecompressor().decompress(_read(path)).decode("utf-8")
    except (zstandard.ZstdError, UnicodeDecodeError) as error:
        raise TableError(f"{_where(path)}: corrupt compressed table ({error})") from None


def compressed_utf8(path: str) -> bytes:
    """The UTF-8 bytes of a zstd-compressed text table, checked as :func:`compressed_text` checks them but a
    megabyte at a time: a caller that splits the bytes itself never holds the whole table as ``str`` (the
    lexicon's 9.6 million characters take 19 MB as ``str``, 10 as UTF-8)."""
    import codecs

    import zstandard

    try:
        data = zstandard.ZstdDecompressor().decompress(_read(path))
        check = codecs.getincrementaldecoder("utf-8")()
        for at in range(0, len(data), 1 << 20):
            check.decode(data[at : at + (1 << 20)])
        check.decode(b"", final=True)
    except (zstandard.ZstdError, UnicodeDecodeError) as error:
        raise TableError(f"{_where(path)}: corrupt compressed table ({error})") from None
    return data


@lru_cache(maxsize=None)
def toml(path: str) -> dict[str, Any]:
    """A TOML table, parsed once."""
    try:
        return tomllib.loads(_decode(path, _read(path)))
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line N, column M)"
        raise TableError(f"{_where(path)}: {error}") from None


_COMMENT = operator.methodcaller("startswith", "#")
_SPLIT_TAB = operator.methodcaller("split", "\t")


def _parse(path: str) -> list[list[str]]:
    lines = _decode(path, _read(path)).splitlines()
    # The same filter and split as a per-line loop, in C (``map``/``compress``): some tables have 40,000 rows.
    kept = itertools.filterfalse(_COMMENT, itertools.compress(lines, map(str.strip, lines)))
    return list(map(_SPLIT_TAB, kept))


@lru_cache(maxsize=None)
def _rows(path: str) -> list[list[str]]:
    return _parse(path)


def rows(path: str, columns: int = 1) -> list[list[str]]:
    """The rows of a TSV table, each split on tabs; every row must have at least ``columns`` fields.

    The list is shared by every caller: read it, never change it.
    """
    return _checked(path, _rows(path), columns)


def read_rows(path: str, columns: int = 1) -> list[list[str]]:
    """The rows of a TSV table as :func:`rows` gives them, read now and not kept: for a loader that builds (and
    caches) its own structure from them, so that the process does not hold the table twice (the rows of the
    accent, gender and case tables are some 50 MB of lists and strings)."""
    return _checked(path, _parse(path), columns)


def _checked(path: str, found: list[list[str]], columns: int) -> list[list[str]]:
    if columns > 1 and found and min(map(len, found)) < columns:
        _fail_on_short_row(path, columns)
    return found


def _fail_on_short_row(path: str, width: int) -> None:
    for number, line in enumerate(_decode(path, _read(path)).splitlines(), 1):
        if line.strip() and not line.startswith("#") and len(line.split("\t")) < width:
            raise TableError(f"{_where(path, number)}: {width} tab-separated columns expected, got {line!r}")


@lru_cache(maxsize=None)
def words(path: str) -> frozenset[str]:
    """The first column of a table (a word list: one entry per line, optional tab-separated notes)."""
    return frozenset(row[0] for row in _parse(path))


def columns(path: str, width: int) -> list[str]:
    """Every field of a TSV table of exactly ``width`` columns, row after row, in one flat list (the fastest
    form for the 100,000-row gender tables; read now, not kept)."""
    body = _decode(path, _read(path))
    if "#" in body or "\n\n" in body:
        body = "\n".join(line for line in body.split("\n") if line and line[0] != "#")
    fields = body.strip("\n").replace("\n", "\t").split("\t")
    if len(fields) % width:
        bad = next((line for line in body.strip("\n").split("\n") if line.count("\t") != width - 1), None)
        detail = f": {bad!r}" if bad is not None else ""
        raise TableError(f"{_where(path)}: rows of {width} columns expected{detail}")
    return fields


def names(folder: str, suffix: str) -> list[str]:
    """The files of ``cleanfr/data/<folder>`` whose name ends with ``suffix``, sorted, as paths for this module."""
    return sorted(f"{folder}/{p.name}" for p in _file(folder).iterdir() if p.name.endswith(suffix))
