"""Project configuration: ``[tool.cleanfr]`` in ``pyproject.toml`` or a ``cleanfr.toml``, and user data files.

The first directory from the working directory upward that has a ``cleanfr.toml``, or a ``pyproject.toml``
with a ``[tool.cleanfr]`` table, gives the configuration. Command-line options override it. Keys::

    select = ["ALL"]                  # rule ids or categories (as --select)
    ignore = ["typography"]           # (as --ignore)
    min-confidence = 0.9              # (as --min-confidence)
    apostrophe = "typographic"        # "typographic" (’), "straight" (') or "auto" (the document's own)
    protected-words = "words.txt"     # one word per line: no edit may touch them
    calques = "calques.tsv"           # wrong<TAB>right[<TAB>confidence]: extra calques to repair
    boilerplate = "boilerplate.txt"   # one regular expression per line: whole lines to remove

Paths are relative to the configuration file. Every error names the file (and line) and exits 2.

>>> cfg = parse_config({"select": ["unicode"], "min-confidence": 0.9}, "cleanfr.toml")
>>> cfg.select, cfg.min_confidence
(('unicode',), 0.9)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

import regex

from .pipeline import Pipeline
from .rules import all_rules

__all__ = ["Config", "ConfigError", "find_config", "load_config", "parse_config", "build_pipeline"]

APOSTROPHES = {"typographic": "\u2019", "straight": "'", "auto": None}
_KEYS = ("select", "ignore", "min-confidence", "apostrophe", "protected-words", "calques", "boilerplate")


class ConfigError(Exception):
    """An invalid configuration or data file, reported as ``cleanfr: <file>: <message>`` (exit 2)."""


@dataclass(frozen=True)
class Config:
    """A validated configuration (picklable: it travels to worker processes)."""

    path: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    min_confidence: float | None = None
    apostrophe: str = "auto"
    protected_words: frozenset[str] = frozenset()
    calques: tuple[tuple[str, str, float], ...] = ()
    boilerplate: tuple[str, ...] = ()

    @property
    def apostrophe_char(self) -> str | None:
        """The apostrophe repairs must use (``’`` or ``'``), or None to follow each document."""
        return APOSTROPHES[self.apostrophe]


def find_config(start: str | None = None) -> str | None:
    """The configuration file that applies in ``start`` (default: the working directory), or None."""
    directory = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(directory, "cleanfr.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return b"[tool.cleanfr]" in f.read()
    except OSError:
        return False


def load_config(path: str) -> Config:
    """Read and validate ``path`` (``cleanfr.toml``, or ``pyproject.toml`` with ``[tool.cleanfr]``)."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: [tool] must be a table, got {_toml_type(tool)}")
        data = tool.get("cleanfr", {})
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.cleanfr] must be a table, got {_toml_type(data)}")
    return parse_config(data, path)


def _toml_type(value: Any) -> str:
    """How TOML names the type of ``value`` (for messages)."""
    for kind, name in (
        (bool, "a boolean"),
        (str, "a string"),
        (int, "an integer"),
        (float, "a float"),
        (list, "an array"),
        (dict, "a table"),
    ):
        if isinstance(value, kind):
            return name
    return "a date or time"


def parse_config(data: dict[str, Any], path: str) -> Config:
    """Validate a configuration table read from ``path`` and load its data files."""
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    base = os.path.dirname(os.path.abspath(path))
    cfg = Config(path=path)
    known = {r.id for r in all_rules()} | {r.category for r in all_rules()} | {"ALL"}
    for key in ("select", "ignore"):
        if key in data:
            value = data[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: {key} must be a list of rule ids or categories, got {value!r}")
            for name in value:
                if name not in known:
                    raise ConfigError(f"{path}: {key}: unknown rule or category {name!r} (see `cleanfr rules`)")
            cfg = replace(cfg, select=tuple(value)) if key == "select" else replace(cfg, ignore=tuple(value))
    if "min-confidence" in data:
        value = data["min-confidence"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{path}: min-confidence must be a number between 0 and 1, got {value!r}")
        cfg = replace(cfg, min_confidence=float(value))
    if "apostrophe" in data:
        if not isinstance(data["apostrophe"], str) or data["apostrophe"] not in APOSTROPHES:
            raise ConfigError(f"{path}: apostrophe must be one of {', '.join(APOSTROPHES)}, got {data['apostrophe']!r}")
        cfg = replace(cfg, apostrophe=data["apostrophe"])
    files = {}
    for key in ("protected-words", "calques", "boilerplate"):
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: {key} must be a file path, got {_toml_type(data[key])}")
            files[key] = os.path.join(base, data[key])
    if "protected-words" in files:
        cfg = replace(cfg, protected_words=load_protected_words(files["protected-words"]))
    if "calques" in files:
        cfg = replace(cfg, calques=load_calques(files["calques"]))
    if "boilerplate" in files:
        cfg = replace(cfg, boilerplate=load_boilerplate(files["boilerplate"]))
    return cfg


def _data_lines(path: str) -> Iterable[tuple[int, str]]:
    """Numbered non-empty, non-comment lines of a UTF-8 data file."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line.rstrip("\r\n")


def load_protected_words(path: str) -> frozenset[str]:
    """One word per line (``#`` comments): edits touching these words are dropped."""
    words = set()
    for number, line in _data_lines(path):
        word = line.strip()
        if any(c.isspace() for c in word):
            raise ConfigError(f"{path}: line {number}: one word per line, got {word!r}")
        words.add(word)
    return frozenset(words)


def load_calques(path: str) -> tuple[tuple[str, str, float], ...]:
    """``wrong<TAB>right[<TAB>confidence]`` per line."""
    entries = []
    for number, line in _data_lines(path):
        parts = line.split("\t")
        if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1].strip():
            raise ConfigError(f"{path}: line {number}: expected 'wrong<TAB>right[<TAB>confidence]'")
        confidence = 0.9
        if len(parts) == 3:
            try:
                confidence = float(parts[2])
            except ValueError:
                confidence = -1.0
            if not 0 <= confidence <= 1:
                raise ConfigError(f"{path}: line {number}: confidence must be a number between 0 and 1")
        entries.append((parts[0].strip(), parts[1].strip(), confidence))
    return tuple(entries)


def load_boilerplate(path: str) -> tuple[str, ...]:
    """One regular expression per line; a line of text that matches one entirely is removed."""
    patterns = []
    for number, line in _data_lines(path):
        try:
            regex.compile(line)
        except regex.error as exc:
            raise ConfigError(f"{path}: line {number}: invalid regular expression: {exc}") from None
        patterns.append(line)
    return tuple(patterns)


def build_pipeline(
    select: Sequence[str] | None, ignore: Sequence[str] | None, min_confidence: float | None, config: Config | None
) -> Pipeline:
    """The pipeline for the command line's options over the configuration (options win)."""
    return Pipeline(select, ignore, min_confidence, config=config)
