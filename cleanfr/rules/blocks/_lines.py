"""The text as lines and blocks, and the tools the block rules share to read them.

Scraped articles arrive one paragraph per line, sometimes with blank lines between paragraphs. The block
rules all work on one segmentation (:class:`Segmentation`, computed once per document in one linear pass),
compare lines by their folded form or skeleton, and recognise whole lines with one :class:`LineMatcher`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Iterable

try:  # the regex parser, to work out which characters a pattern can start with
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import regex as _regex_engine

try:  # possessive quantifiers (``a++``) and atomic groups (``(?>…)``) came to ``re`` in Python 3.11
    re.compile("a++(?>b)")
    _RE_POSSESSIVE = True
except re.error:  # Python 3.10: the patterns that use them ("multiple repeat") run on the regex module
    _RE_POSSESSIVE = False

__all__ = [
    "Line",
    "LineMatcher",
    "Segmentation",
    "first_chars",
    "block_key",
    "preview",
    "segment",
    "skeleton_lines",
    "word_count",
]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: content ``text[start:end]`` (no terminator), next line at ``next``."""

    index: int
    start: int
    end: int
    next: int
    text: str


class Segmentation:
    """The lines of a text (``\\n`` or ``\\r\\n`` end a line) and its non-blank lines, the *units*.

    Built with C-speed string operations: a 10 MB text costs a few hundredths of a second.

    >>> seg = segment("a\\r\\n\\r\\nb")
    >>> [(l.start, l.end, l.next) for l in map(seg.line, range(len(seg.texts)))], seg.units
    ([(0, 1, 3), (3, 3, 5), (5, 6, 6)], [0, 2])
    """

    __slots__ = ("text", "texts", "starts", "units", "_unit_pos")

    def __init__(self, text: str) -> None:
        self.text = text
        parts = text.split("\n")
        if parts[-1] == "" and len(parts) > 1:
            parts.pop()  # a final line terminator does not open a new line
        self.starts = list(accumulate((len(p) + 1 for p in parts[:-1]), initial=0))
        self.texts = [p[:-1] if p.endswith("\r") else p for p in parts] if "\r" in text else parts
        self.units = [i for i, t in enumerate(self.texts) if t and not t.isspace()]
        self._unit_pos: dict[int, int] | None = None

    def line(self, i: int) -> Line:
        """A view of line ``i`` with its offsets."""
        start = self.starts[i]
        nxt = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return Line(i, start, start + len(self.texts[i]), nxt, self.texts[i])

    def unit_pos(self, line_index: int) -> int:
        """Position of a non-blank line among the units."""
        if self._unit_pos is None:
            self._unit_pos = {li: k for k, li in enumerate(self.units)}
        return self._unit_pos[line_index]

    @property
    def ends_with_newline(self) -> bool:
        return self.text.endswith("\n")


def segment(text: str) -> Segmentation:
    """Split ``text`` into lines; a lone ``\\r`` (old Mac line end) stays inside its line."""
    return Segmentation(text)


# Folding: case, accents, apostrophes, punctuation and spaces go; letters and digits stay.
_KEEP = set(b"abcdefghijklmnopqrstuvwxyz0123456789")
_DELETE = bytes(c for c in range(256) if c not in _KEEP)
_LIGATURE_PAIRS = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"))
_LIGATURES = str.maketrans(dict(_LIGATURE_PAIRS))


def block_key(s: str) -> str:
    """Compare-key of a block: lower case ASCII letters and digits only.

    >>> block_key("L’Ukraine attaque, pour la première fois !") == block_key("LUkraine attaque pour la premiere fois")
    True
    """
    if s.isascii():
        ascii_bytes = s.encode("ascii")
    else:
        for ligature, letters in _LIGATURE_PAIRS:  # str.replace where present: translate() reads every character
            if ligature in s:
                s = s.replace(ligature, letters)
        ascii_bytes = unicodedata.normalize("NFKD", s).encode("ascii", "ignore")
    return ascii_bytes.lower().translate(None, _DELETE).decode("ascii")


def skeleton_lines(text: str) -> list[bytes]:
    """The consonant skeleton of every line of ``text``, computed at C speed, aligned with
    :func:`segment`'s lines.

    Only ASCII consonants and digits stay: lost accents, apostrophes, case and punctuation (the
    damage a degraded copy shows) do not change it, so copies collide in a dict; candidates are
    then confirmed with :func:`block_key`.

    >>> skeleton_lines("La première fois\\nLa premiere fois")
    [b'lprmrfs', b'lprmrfs']
    """
    folded = text.encode("ascii", "ignore").lower().translate(None, _SKELETON_DELETE)
    return folded.split(b"\n")


_SKELETON_DELETE = bytes(c for c in range(256) if c not in set(b"bcdfghjklmnpqrstvwxz0123456789\n"))


#: A full stop or comma between two letters: the typography pass puts a space after it (``Ail.Il``).
_LOST_SPACE = re.compile(r"(?<=[^\W\d_])[.,](?=[^\W\d_])")


def word_count(s: str) -> int:
    """Words with at least one letter or digit (dashes and bullets do not count); ``mot.Mot`` counts as the
    two words it will be once the typography pass restores its space, so a verdict taken on the count does
    not change on a second run.

    >>> word_count("Il a dit.Puis — rien"), word_count("Il a dit. Puis — rien")
    (5, 5)
    """
    # Counted in C: every blank-separated token, less those without a letter or digit, plus the lost spaces.
    return len(s.split()) - len(_NO_WORD_TOKEN.findall(s)) + len(_LOST_SPACE.findall(s))


#: A blank-separated token without a letter or digit (``—``, ``•``, ``...``); ``\w`` less ``_`` is ``isalnum``.
_NO_WORD_TOKEN = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


class LineMatcher:
    r"""Match whole lines against many patterns at once, cheaply.

    Each line is tried only against the patterns that can start with its first character (worked
    out from the regexes themselves), so the cost per line stays small however many patterns the
    data files hold. Patterns are case-insensitive unless flagged; leading and trailing spaces of
    the line are ignored.

    >>> m = LineMatcher([("a", "lire aussi.{0,20}", False), ("b", r"[a-z]{2}-\d\d", True)])
    >>> m.match("  LIRE AUSSI : la suite"), m.match("fr-02"), m.match("FR-02")
    ('a', 'b', None)
    """

    _SPACES = " \t\u00a0\u202f\u2009\ufeff\r"

    def __init__(self, patterns: Iterable[tuple[str, str, bool]], max_length: int = 600) -> None:
        self.max_length = max_length
        entries = list(patterns)
        self._keys = [key for key, _, _ in entries]
        by_char: dict[str, list[int]] = {}
        wild: list[int] = []
        for i, (_, regex, case_sensitive) in enumerate(entries):
            firsts = first_chars(regex, case_sensitive)
            if firsts is None:
                wild.append(i)
                continue
            for ch in firsts | {c.upper() for c in firsts}:
                by_char.setdefault(ch, []).append(i)
        self._entries = entries
        self._wild_ids = tuple(wild)
        # Patterns to try per first character; each group is compiled on first use (start-up stays cheap).
        self._ids_by_char = {ch: tuple(sorted(set(ids) | set(wild))) for ch, ids in by_char.items()}
        self._compiled: dict[tuple[int, ...], Any] = {}

    def _regex(self, ch: str) -> Any:
        ids = self._ids_by_char.get(ch, self._wild_ids)
        if not ids:
            return None
        regex = self._compiled.get(ids)
        if regex is None:
            alts = "|".join(f"(?P<m{i}>{self._wrap(*self._entries[i][1:])})" for i in ids)
            regex = self._compiled[ids] = _compile(f"\\A(?:{alts})[{self._SPACES}]*")  # \\A: linear even if searched
        return regex

    @staticmethod
    def _wrap(regex: str, case_sensitive: bool) -> str:
        return f"(?-i:{regex})" if case_sensitive else f"(?:{regex})"

    def match(self, line: str) -> str | None:
        """The key of the first pattern the whole line matches (spaces around it ignored), if any."""
        if not line or len(line) > self.max_length:
            return None
        if line[0] in self._SPACES:
            line = line.lstrip(self._SPACES)
            if not line:
                return None
        regex = self._regex(line[0])
        if regex is None:
            return None
        m = regex.fullmatch(line)
        return self._keys[int(m.lastgroup[1:])] if m else None  # type: ignore[index]

    def match_lines(self, texts: list[str], indices: Iterable[int]) -> dict[int, str]:
        """``{index: key}`` for the lines of ``texts`` at ``indices`` that match a pattern."""
        match = self.match
        found = {}
        for i in indices:
            key = match(texts[i])
            if key is not None:
                found[i] = key
        return found


def _compile(pattern: str) -> Any:
    """``pattern`` compiled case-insensitively with ``re``; on Python 3.10, a pattern with possessive
    quantifiers or atomic groups with the regex module instead, its classes given ``re``'s meaning
    (:func:`_as_re_classes`)."""
    if _RE_POSSESSIVE or without_possessive(pattern) == pattern:
        return re.compile(pattern, re.IGNORECASE)
    return _regex_engine.compile(_as_re_classes(pattern), _regex_engine.IGNORECASE)


#: ``re``'s classes in the regex module's syntax: ``re`` counts the separators U+001C–U+001F as blanks
#: (``str.isspace``) and no combining mark as a word character (``str.isalnum``); the regex module does
#: the opposite of both.
_RE_CLASSES = {
    "\\s": ("[\\s\\x1c-\\x1f]", "\\s\\x1c-\\x1f"),
    "\\S": ("[^\\s\\x1c-\\x1f]", None),
    "\\w": ("(?:(?!\\p{M})\\w)", None),
    "\\W": ("(?:\\p{M}|\\W)", None),
}


def _as_re_classes(pattern: str) -> str:
    r"""``pattern`` for the regex module with ``\s``, ``\S``, ``\w`` and ``\W`` meaning what they mean in ``re``
    (inside a bracketed class, ``\s`` only: the others stay the regex module's).

    >>> _as_re_classes(r"a\s+[\s,]\w")
    'a[\\s\\x1c-\\x1f]+[\\s\\x1c-\\x1f,](?:(?!\\p{M})\\w)'
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        pair = pattern[i : i + 2]
        if pair in _RE_CLASSES:
            outside, inside = _RE_CLASSES[pair]
            out.append(outside if not in_class else inside or pair)
            i += 2
            continue
        if pattern[i] == "\\":
            out.append(pair)
            i += 2
            continue
        if in_class and pattern[i] == "]" and out[-1] not in ("[", "[^"):
            in_class = False
        elif not in_class and pattern[i] == "[":
            in_class = True
            if pattern.startswith("^", i + 1):
                out.append("[^")
                i += 2
                continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def without_possessive(pattern: str) -> str:
    r"""``pattern`` with its possessive quantifiers made greedy and its atomic groups plain groups: a syntax
    Python 3.10's parser reads, with the same first characters (for analysis only: the matches may differ).

    >>> without_possessive(r"(?>[+*]++\d++x{2}+)?+[^]+]*+")
    '(?:[+*]+\\d+x{2})?[^]+]*'
    """
    out: list[str] = []
    i, n = 0, len(pattern)
    class_start = -1  # index just past a class's opening bracket (and its ^), or -1 outside a class
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if class_start >= 0:
            if c == "]" and i > class_start:
                class_start = -1
            out.append(c)
            i += 1
            continue
        if c == "[":
            class_start = i + 2 if pattern.startswith("^", i + 1) else i + 1
        elif pattern.startswith("(?>", i):
            out.append("(?:")
            i += 3
            continue
        out.append(c)
        i += 1
        quantifier = c in "*+?" or (c == "}" and re.search(r"\{\d*(?:,\d*)?$", pattern[: i - 1]) is not None)
        if quantifier and i < n and pattern[i] == "+" and not (c == "?" and pattern[i - 2 : i] == "(?"):
            i += 1  # the possessive mark
    return "".join(out)


def first_chars(regex: str, case_sensitive: bool = False) -> frozenset[str] | None:
    """The lower-cased characters a match of ``regex`` can begin with, or None if it can begin
    with almost anything (a negated class, ``.``, ``\\w``) or match the empty string.

    >>> sorted(first_chars("(?:[àa] )?lire|read"))
    ['a', 'l', 'r', 'à']
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        parsed = _sre_parse.parse(regex if _RE_POSSESSIVE else without_possessive(regex), flags)
    except re.error:
        return None
    chars, nullable = _first_seq(list(parsed))
    if chars is None or nullable:
        return None
    return frozenset(c.lower() for c in chars) | frozenset(c.upper().lower() for c in chars)


def _first_seq(items: list[Any]) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    c = _sre_constants
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 512:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None, False
        return chars, False
    if op is c.BRANCH:
        out: set[str] = set()
        nullable = False
        for seq in av[1]:
            chars2, n = _first_seq(list(seq))
            if chars2 is None:
                return None, False
            out |= chars2
            nullable = nullable or n
        return out, nullable
    if op is c.SUBPATTERN:
        return _first_seq(list(av[-1]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        chars3, n = _first_seq(list(av[2]))
        return chars3, n or av[0] == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    return None, False


def preview(s: str, width: int = 60) -> str:
    """A short quotation of a block for messages."""
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"
