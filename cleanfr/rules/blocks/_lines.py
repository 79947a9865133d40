"""The text as lines and blocks, and the tools the block rules share to read them.

Scraped articles arrive one paragraph per line, sometimes with blank lines between paragraphs. The block
rules all work on one segmentation (:class:`Segmentation`, computed once per document in one linear pass),
compare lines by their folded form or skeleton, and recognise whole lines with one :class:`LineMatcher`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, compress
from operator import add
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
    "block_keys",
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

    __slots__ = ("text", "texts", "units", "_parts", "_starts", "_unit_pos")

    def __init__(self, text: str) -> None:
        self.text = text
        parts = text.split("\n")
        if parts[-1] == "" and len(parts) > 1:
            parts.pop()  # a final line terminator does not open a new line
        self._parts = parts
        self._starts: list[int] | None = None
        self.texts = [p[:-1] if p.endswith("\r") else p for p in parts] if "\r" in text else parts
        # A unit has a character that is not blank: strip() leaves something (the line itself, uncopied, when
        # there is nothing to strip). A map, not a loop, keeps it in C.
        self.units = list(compress(range(len(parts)), map(str.strip, self.texts)))
        self._unit_pos: dict[int, int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each line starts in the text (computed on first use: a document without edits needs none)."""
        if self._starts is None:
            # Line i starts after the i lines before it and their i terminators.
            parts = self._parts
            self._starts = list(map(add, accumulate(map(len, parts[:-1]), initial=0), range(len(parts))))
        return self._starts

    def line(self, i: int) -> Line:
        """A view of line ``i`` with its offsets."""
        start = self.starts[i]
        nxt = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return Line(i, start, start + len(self.texts[i]), nxt, self.texts[i])

    def unit_pos(self, line_index: int) -> int:
        """Position of a non-blank line among the units."""
        if self._unit_pos is None:
            self._unit_pos = dict(zip(self.units, range(len(self.units))))
        return self._unit_pos[line_index]

    @property
    def ends_with_newline(self) -> bool:
        return self.text.endswith("\n")


def segment(text: str) -> Segmentation:
    """Split ``text`` into lines; a lone ``\\r`` (old Mac line end) stays inside its line."""
    return Segmentation(text)


# Folding: case, accents, apostrophes, punctuation and spaces go; letters and digits stay.
_KEEP = b"abcdefghijklmnopqrstuvwxyz0123456789"
#: Lower-casing and deleting in one bytes.translate() (it deletes by the original bytes: upper case is kept).
_LOWER = bytes(range(256)).lower()
_DELETE = bytes(c for c in range(256) if c not in set(_KEEP + _KEEP.upper()))
_DELETE_BUT_NEWLINE = _DELETE.replace(b"\n", b"")
_LIGATURE_PAIRS = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"))


def block_key(s: str) -> str:
    """Compare-key of a block: lower case ASCII letters and digits only.

    >>> block_key("L’Ukraine attaque, pour la première fois !") == block_key("LUkraine attaque pour la premiere fois")
    True
    """
    return _ascii(s).translate(_LOWER, _DELETE).decode("ascii")


def block_keys(words: list[str]) -> list[str]:
    """:func:`block_key` of each of ``words`` (blank-free, as ``str.split`` leaves them), folded in one pass.

    >>> block_keys(["L’Ukraine,", "—", "Œuvre"])
    ['lukraine', '', 'oeuvre']
    """
    if not words:
        return []
    # A line break never comes out of a word's decomposition nor moves across one: the keys split back.
    return _ascii("\n".join(words)).translate(_LOWER, _DELETE_BUT_NEWLINE).decode("ascii").split("\n")


def _ascii(s: str) -> bytes:
    """``s`` in ASCII: ligatures spelled out, accents and the other characters ASCII lacks dropped."""
    if s.isascii():
        return s.encode("ascii")
    for ligature, letters in _LIGATURE_PAIRS:  # str.replace where present: translate() reads every character
        if ligature in s:
            s = s.replace(ligature, letters)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore")


def skeleton_lines(text: str) -> list[bytes]:
    """The consonant skeleton of every line of ``text``, computed at C speed, aligned with
    :func:`segment`'s lines.

    Only ASCII consonants and digits stay: lost accents, apostrophes, case and punctuation (the
    damage a degraded copy shows) do not change it, so copies collide in a dict; candidates are
    then confirmed with :func:`block_key`.

    >>> skeleton_lines("La première fois\\nLa premiere fois")
    [b'lprmrfs', b'lprmrfs']
    """
    return text.encode("ascii", "ignore").translate(_LOWER, _SKELETON_DELETE).split(b"\n")


_SKELETON_KEEP = b"bcdfghjklmnpqrstvwxz0123456789\n"
_SKELETON_DELETE = bytes(c for c in range(256) if c not in set(_SKELETON_KEEP + _SKELETON_KEEP.upper()))


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


#: Characters of the patterns' literal beginnings that :meth:`LineMatcher.match_units` reads in one regex over the
#: whole text: 12 tells ``Article 18`` from ``Article suivant``, so only a few lines in a hundred go on to the patterns.
GATE_WIDTH = 12


class LineMatcher:
    r"""Match whole lines against many patterns at once, cheaply.

    Each line is tried only against the patterns that can start with its first character (worked
    out from the regexes themselves), so the cost per line stays small however many patterns the
    data files hold; over a whole text (:meth:`match_units`), one regex first finds the lines that
    begin as a pattern does. Patterns are case-insensitive unless flagged; leading and trailing
    spaces of the line are ignored.

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

    def match_units(self, seg: Segmentation) -> dict[int, str]:
        """``{line index: key}`` for the non-blank lines of ``seg`` that match a pattern: the same as
        :meth:`match` on each of them, but only the first line and those the gate (:attr:`gate`) finds
        are read in Python.

        >>> LineMatcher([("a", "lire aussi.{0,20}", False)]).match_units(segment("Texte\\n\\n Lire aussi : x\\n"))
        {2: 'a'}
        """
        texts = seg.texts
        gate = self.gate
        if gate is None:
            candidates: Iterable[int] = seg.units
        else:
            text = seg.text
            candidates = [0]
            line = seen = 0
            for m in gate.finditer(text):  # each match is the line break before its line
                line += text.count("\n", seen, m.end())
                seen = m.end()
                candidates.append(line)
        found = {}
        for li in candidates:
            text = texts[li]
            if text and not text.isspace() and (key := self.match(text)) is not None:
                found[li] = key
        return found

    @cached_property
    def gate(self) -> re.Pattern[str] | None:
        """A regex finding every line break followed by a line that may match (built on first use), or None
        when a pattern can begin with almost anything.

        After the line's leading spaces, the line's first character must be one :meth:`match` tries patterns
        for (compared exactly, as :meth:`match` looks it up), and what follows must begin as one of those
        patterns' :func:`literal_prefixes` does (compared as ``re`` compares case-insensitively). A line it
        skips is one no pattern matches.
        """
        if self._wild_ids:
            return None
        firsts = "".join(sorted(self._ids_by_char))
        #: For each character of the lookup, what may follow it: the rest of every beginning whose first
        #: character ``re`` matches it with, case-insensitively.
        rests: dict[str, set[str]] = {}
        for i, (_, regex, case_sensitive) in enumerate(self._entries):
            # The regex module (Python 3.10, possessive quantifiers) folds case its own way: its patterns are
            # gated on their first character only, the one match() looks up exactly.
            width = 1 if _needs_regex_module(regex) else GATE_WIDTH
            prefixes = literal_prefixes(regex, case_sensitive, width)
            if prefixes is None:
                return None
            by_first: dict[str, set[str]] = {}
            for p in prefixes:
                by_first.setdefault(p[0], set()).add(p[1:])
            for first, after in by_first.items():
                for ch in re.findall(re.escape(first), firsts, re.IGNORECASE):
                    if i in self._ids_by_char[ch]:
                        rests.setdefault(ch, set()).update(after)
        alternatives = []
        for ch, rest in sorted(rests.items()):
            trie = _trie_regex(rest)
            alternatives.append(re.escape(ch) + (f"(?i:{trie})" if trie else ""))
        spaces = f"[{self._SPACES}]*"
        # The class first: most lines fail it at once, before the alternation tries its branches one by one.
        return re.compile(f"\\n(?={spaces}[{re.escape(''.join(rests))}])(?={spaces}(?:{'|'.join(alternatives)}))")


def _trie_regex(words: set[str]) -> str:
    """A regex matching the texts that begin with one of ``words``, as a trie (``re`` tries the branches of an
    alternation one by one); empty if one of the words is empty.

    >>> _trie_regex({"lire", "lien", "lire aussi", "à"})
    '(?:li(?:en|re)|à)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a word ends here: what follows does not matter
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(trie)


def _compile(pattern: str) -> Any:
    """``pattern`` compiled case-insensitively with ``re``; on Python 3.10, a pattern with possessive
    quantifiers or atomic groups with the regex module instead, its classes given ``re``'s meaning
    (:func:`_as_re_classes`)."""
    if not _needs_regex_module(pattern):
        return re.compile(pattern, re.IGNORECASE)
    return _regex_engine.compile(_as_re_classes(pattern), _regex_engine.IGNORECASE)


def _needs_regex_module(pattern: str) -> bool:
    """Whether ``pattern`` uses possessive quantifiers or atomic groups on a Python whose ``re`` lacks them."""
    return not _RE_POSSESSIVE and without_possessive(pattern) != pattern


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
    prefixes = literal_prefixes(regex, case_sensitive, 1)
    if prefixes is None:
        return None
    return frozenset(c.lower() for c in prefixes) | frozenset(c.upper().lower() for c in prefixes)


#: How many beginnings a pattern's analysis keeps before it stops lengthening them (they stay as long as they are).
_PREFIX_LIMIT = 300
#: What :func:`literal_prefixes` works on: ``(text, open)``, ``open`` while the match may go on with the next
#: item of the pattern (the text is all the items so far matched).
_Prefixes = set[tuple[str, bool]]


def literal_prefixes(regex: str, case_sensitive: bool = False, width: int = GATE_WIDTH) -> frozenset[str] | None:
    r"""Texts of at most ``width`` characters, one of which begins every match of ``regex`` (compared as
    ``regex`` compares: case-insensitively unless ``case_sensitive``), or None if a match can begin with a
    character the pattern does not spell out (a negated class, ``.``, ``\w``) or be empty.

    A text stops where the pattern stops spelling out characters (a repeat, a wide class), so a shorter text
    is a weaker but still true condition.

    >>> sorted(literal_prefixes(r"(?:[àa] )?lire aussi|\d+ avis", width=6))
    ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a lire', 'lire a', 'à lire']
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        parsed = _sre_parse.parse(regex if _RE_POSSESSIVE else without_possessive(regex), flags)
    except re.error:
        return None
    found = {text for text, _ in _seq_prefixes(list(parsed), width)}
    return None if "" in found else frozenset(found)


def _seq_prefixes(items: list[Any], width: int) -> _Prefixes:
    out: _Prefixes = {("", True)}
    for op, av in items:
        growing = {text for text, open_ in out if open_ and len(text) < width}
        if not growing:
            break
        follows = _item_prefixes(op, av, width)
        if len(growing) * len(follows) > _PREFIX_LIMIT:
            growing &= {""}  # too many: the texts stop where they are, but a first character is always spelled out
        out = {(text, False) for text, open_ in out if not (open_ and text in growing)}
        for text in growing:
            for more, open_ in follows:
                longer = text + more
                out.add((longer[:width], False) if len(longer) >= width else (longer, open_))
    return out


def _item_prefixes(op: Any, av: Any, width: int) -> _Prefixes:
    c = _sre_constants
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.IN:
        chars = _class_chars(av)
        return {("", False)} if chars is None else {(ch, True) for ch in chars}
    if op is c.BRANCH:
        branches: _Prefixes = set()
        for seq in av[1]:
            branches |= _seq_prefixes(list(seq), width)
        return branches
    if op is c.SUBPATTERN:
        return _seq_prefixes(list(av[-1]), width)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        low, high, body = av
        inner = _seq_prefixes(list(body), width)
        if high != 1:  # another round may follow the first: what comes next is not known
            inner = {(text, not text and open_) for text, open_ in inner}
        return inner | {("", True)} if low == 0 else inner
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {("", True)}  # reads no character: a lookahead only narrows what the rest matches
    return {("", False)}


def _class_chars(items: Any) -> set[str] | None:
    """The characters a bracketed class names, or None for a negated, wide or category class."""
    c = _sre_constants
    chars: set[str] = set()
    for kind, value in items:
        if kind is c.LITERAL:
            chars.add(chr(value))
        elif kind is c.RANGE and value[1] - value[0] < 512:
            chars.update(chr(x) for x in range(value[0], value[1] + 1))
        elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
    return chars


def preview(s: str, width: int = 60) -> str:
    """A short quotation of a block for messages."""
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"
