"""Word tokens and the spans word-level rules must never touch.

Stable API (other rule families rely on it):

- :data:`WORD`: compiled ``regex`` for a run of letters (combining marks included). Apostrophes, hyphens and
  digits end a word, so ``l’Ukraine`` gives ``l`` and ``Ukraine``; use :func:`is_isolated` to know whether a
  match stands alone or is part of a bigger token (``COVID-19``, ``G20``, ``foo_bar``, ``a.out``, ``nord-ouest``).
- :func:`protected_spans` → :class:`Protected` for a document (memoised): URLs, e-mail addresses, @handles,
  #hashtags, command-line options, paths, man-page references (``uname(1)``), code in backticks, dotted
  identifiers, camel-case brands (``iPhone``, ``eBay``, ``McDonald``) and quotations in another language
  (``« the deal of the century »``). ``protected.overlaps(start, end)`` says whether a span touches one.
- :func:`at_sentence_start` → whether a position begins a sentence, a line or a quotation.
- :func:`in_broken_word` → whether a word is a piece of a word cut by a line-break hyphen (``cuisi- nes``).
- :func:`previous_word` → the word just before a position on the same line.
- :func:`name_follows` → whether a capitalised word follows a position (``Lon Hohberger``: a first name).
- :func:`english_context` → whether English function words surround a span (an English passage).
- :func:`code_line` → whether the line around a position reads as code, an option list or a bare term
  (fewer than 12 letters, options, ``= | { } < > \\ / _``): word repairs leave such lines alone.
- :func:`occurrences` → start offsets of a word in a text where it stands as a whole word;
  :func:`find_words` → the same for many words at once (one Aho–Corasick scan).
- :func:`protected_words` → lower-cased words listed in ``cleanfr/data/protected_words.txt`` (words that look
  damaged but are not: ``uname``, ``cciss``…).

>>> doc = Document("Voir https://ex.fr/a, @Lavrov_RU et l’option --help.")
>>> p = protected_spans(doc)
>>> [doc.text[s:e] for s, e in p.spans]
['https://ex.fr/a', '@Lavrov_RU', '--help']
>>> p.overlaps(0, 4), p.overlaps(5, 9)
(False, True)
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import islice
from operator import methodcaller
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

import regex

from . import tables
from .document import Document

__all__ = [
    "WORD",
    "Protected",
    "protected_spans",
    "protected_words",
    "is_isolated",
    "occurrences",
    "find_words",
    "count_split",
    "at_sentence_start",
    "english_context",
    "code_line",
    "name_follows",
    "in_broken_word",
    "previous_word",
    "split_slices",
    "logical_line",
    "NEXT_WORD",
    "APOSTROPHES",
]

#: A word: a run of letters, with their combining marks.
WORD = regex.compile(r"[\p{L}\p{M}]+")

#: Both apostrophes French text uses.
APOSTROPHES = "'\u2019"

# Characters that, touching a word, make it part of a larger non-prose token.
# ``¬`` (the line-end hyphen of newspaper OCR) and the soft hyphen join the halves of one word: a half is no word.
_GLUE = frozenset("0123456789_-./\\@#&=+:$%~*|<>[]{}^`¬\u00ad")

_LINE_BLANKS = frozenset(" \t\r\n")
_CUT_BEFORE = regex.compile(r"[-¬\u00ad][ \t]*(?:\r\n?|\n)[ \t]*$")

_TLD = r"(?:com|org|net|fr|eu|io|gov|edu|be|ch|ca|de|uk|info|ly|co|me|tv|ru|ua|us|int)"
# Every branch starts only where its run of word characters starts ((?<!…) guards rather than \b):
# restarting inside "a-a-a-a…" or "a.a.a…" at each letter would make a scan quadratic.
_PROTECTED = regex.compile(
    r"""
    (?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]’']   # URL
  | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+                      # e-mail
  | (?<![\w@])@\w+                                                 # @handle
  | (?<![\w&#])\#\w+                                               # #hashtag
  | (?<![\w.-])(?:[\w-]++\.)+?"""
    + _TLD
    + r"""\b(?:/[^\s<>"«»“”]*[^\s<>"«»“”.,;:!?)\]])?   # bare domain
  | (?<![\w-])--?[^\W\d_][\w-]*(?:=\S*)?(?=[\s,.;:)\]]|$)          # option -v, --help, --x=y
  | (?<![\w/])(?:~|\.{1,2})?/[\w.~+-]+(?:/[\w.~+-]*)*              # absolute or relative path
  | \b\w+(?:/[\w.~+-]+){2,}                                        # a/b/c
  | (?<![\w-])[\w-]+\(\d\w*\)                                      # man-page reference uname(1)
  | (?<![\w.])\w+(?:\.\w+)+\b                                      # dotted identifier a.out, os.path
  | \b\w*_\w*                                                      # snake_case identifier
  | \b(?![ldjmnstc]\p{Lu}\p{Ll}+\b)\p{Ll}{1,2}\p{Lu}\w*               # iPhone, eBay, mRNA; not lUkraine, pèreLa
  | \b\p{Lu}\p{Ll}+\p{Lu}\w*                                       # McDonald, DiCaprio
    """,
    regex.VERBOSE,
)

# Code in backticks (may contain blanks, so it is looked for per line).
_CODE = regex.compile(r"`[^`\n]+`")

# A quotation: « … », “ … ”, or "…" on one line.
_QUOTE = regex.compile(r"«[^«»\n]{1,400}»|“[^“”\n]{1,400}”|\"[^\"\n]{1,400}\"")


class Protected:
    """The protected spans of one document, tested locally and lazily.

    ``overlaps(start, end)`` looks only at the non-blank chunk around the span (URL, e-mail, option, path…)
    and at the quotations and backtick code of its line, so a rule that checks a few candidates pays for
    those few, not for the whole text (a full scan costs seconds on megabytes). ``spans`` lists every
    protected span of the text: it scans everything, for inspection and tests.
    """

    __slots__ = ("text", "_lines")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, list[tuple[int, int]]] = {}

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a protected span."""
        text = self.text
        lo, hi = _chunk(text, start, end)
        for m in _PROTECTED.finditer(text, lo, hi):
            if m.start() < end and start < m.end():
                return True
        line_start, line_end = logical_line(text, start)
        spans = self._lines.get(line_start)
        if spans is None:
            spans = self._lines[line_start] = _line_spans(text, line_start, line_end)
        return any(s < end and start < e for s, e in spans)

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every protected span of the text, sorted and merged (a full scan: slow on big texts)."""
        text = self.text
        found = [m.span() for m in _PROTECTED.finditer(text)] + _line_spans(text, 0, len(text))
        merged: list[tuple[int, int]] = []
        for s, e in sorted(found):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged


def _chunk(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the run of non-blank characters around ``[start, end)`` (at most 300 characters each way)."""
    lo = start
    floor = max(0, start - 300)
    while lo > floor and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    ceiling = min(len(text), end + 300)
    while hi < ceiling and not text[hi].isspace():
        hi += 1
    return lo, hi


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Backtick code and foreign-language quotations within ``text[start:end]``, or the whole line when it
    is written in another language (French rules have nothing to repair in Latin, Czech or English)."""
    if _foreign_line(text[start:end]):
        return [(start, end)]
    spans = [m.span() for m in _CODE.finditer(text, start, end)]
    for m in _QUOTE.finditer(text, start, end):
        if _foreign_quote(m.group()[1:-1]):
            spans.append(m.span())
    return spans


#: A line of fewer words proves no language; one of this share of French forms or more is French enough.
FOREIGN_LINE_MIN_WORDS = 5
FRENCH_LINE_SHARE = 0.5
#: Longer lines (a whole text flattened into one) are not judged as a whole: the test stays cheap, and a
#: French text with a foreign passage is not kept whole from the French rules.
FOREIGN_LINE_MAX_CHARS = 5_000


def _foreign_line(line: str) -> bool:
    """Whether ``line`` is written in another language: most of its words are no French form (a cheap test
    that every French line passes), and the language identifier is sure it is not French."""
    if len(line) > FOREIGN_LINE_MAX_CHARS:
        return False
    words = WORD.findall(line)
    if len(words) < FOREIGN_LINE_MIN_WORDS:
        return False
    from .lexicon.forms import french

    lex = french()
    if sum(1 for w in words if lex.is_word(w)) >= FRENCH_LINE_SHARE * len(words):
        return False
    from .lexicon.language import foreign_language

    return foreign_language(line) is not None


def is_isolated(text: str, start: int, end: int) -> bool:
    r"""Whether the word ``text[start:end]`` stands alone, not glued to digits, hyphens, dots or symbols.

    A dot or hyphen that ends a sentence or a phrase (followed by a space or the end) does not count.

    >>> is_isolated("G20 et COVID-19", 0, 1), is_isolated("G20 et COVID-19", 4, 6), is_isolated("COVID-19", 0, 5)
    (False, True, False)
    >>> is_isolated("fin.", 0, 3), is_isolated("nord-ouest", 0, 4)
    (True, False)
    >>> is_isolated("ca¬\nnes", 4, 7), is_isolated("uni\u00adver", 4, 7), is_isolated("fin.\nnes", 5, 8)
    (False, False, True)
    """
    if start > 0 and text[start - 1] in _GLUE:
        return False
    if start > 1 and text[start - 1] in _LINE_BLANKS and _CUT_BEFORE.search(text, max(0, start - 6), start):
        return False  # the second half of a word cut at a line end (``ca¬⏎pitale``, ``ren-⏎dement``)
    if end < len(text) and text[end] in _GLUE:
        if text[end] in ".-" and (end + 1 == len(text) or not text[end + 1].isalnum()):
            return True
        return False
    return True


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text`` where no letter touches it on either side.

    A plain ``str.find`` loop: rules find a few candidate words through the document vocabulary, then
    locate them, which is far cheaper than a regex over the whole text.

    >>> list(occurrences("quil, quill et quil", "quil"))
    [0, 15]
    """
    n = len(word)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (_is_letter(before) or _is_letter(after)):
            yield i
        i = text.find(word, i + 1)


_OPENERS = frozenset(" \t\u00a0\u202f«“\"'‘(—–-[\ufeff\u200b\u2060")  # invisible marks (a BOM kept as text) too
_ENDERS = frozenset(".!?…:;\n\r")
_TITLES = frozenset({"MM", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "St", "Ste", "etc"})


def at_sentence_start(text: str, i: int) -> bool:
    """Whether ``text[i]`` begins a sentence, a line or a quotation (blanks, quotes and dashes skipped).

    >>> at_sentence_start("Fin. « Lavion part", 7), at_sentence_start("le Lavion part", 3)
    (True, False)
    >>> at_sentence_start("M. Lamour", 3), at_sentence_start("Il part. Lamour", 9)
    (False, True)
    """
    j = i - 1
    while j >= 0 and text[j] in _OPENERS:
        if text[j] in '«“"—–':
            return True
        j -= 1
    if j < 0:
        return True
    if text[j] == ".":
        # M. Lamour, J. Dupont, Mme. X: the dot of a title or an initial ends no sentence.
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        word = text[k:j]
        return not (len(word) == 1 and word.isupper() or word in _TITLES)
    return text[j] in _ENDERS


_BROKEN_BEFORE = regex.compile(r"[\p{L}\p{M}][-¬][ \t]*\r?\n?[ \t]*$")
_BROKEN_AFTER = regex.compile(r"[-¬][ \t]*\r?\n?[ \t]*[\p{Ll}]")


def in_broken_word(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` continues or starts a word cut by a hyphen and a line break or a space.

    >>> in_broken_word("dans les cuisi- nes.", 16, 19), in_broken_word("la cuisi-\nnes", 3, 8)
    (True, True)
    >>> in_broken_word("un porte-avions", 9, 15), in_broken_word("il nes pas", 3, 6)
    (False, False)
    """
    before = text[max(0, start - 8) : start]
    if any(c in before[-3:] for c in " \n\r") and _BROKEN_BEFORE.search(before):
        return True
    m = _BROKEN_AFTER.match(text, end)
    return m is not None and any(c in m.group() for c in " \n\r")


def previous_word(text: str, start: int, keep_case: bool = False) -> str:
    """The word just before ``start``, past blanks on the same line ('' if none); lower-cased unless asked.

    >>> previous_word("parce quelle", 6), previous_word("Manoel de", 7, keep_case=True), previous_word("« le", 2)
    ('parce', 'Manoel', '')
    """
    j = start
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:j]
    return word if keep_case else word.lower()


def name_follows(text: str, end: int) -> bool:
    """Whether the next word after ``end`` (past blanks on the same line) is capitalised.

    >>> name_follows("Lon Hohberger", 3), name_follows("Lon a dit", 3)
    (True, False)
    """
    j = end
    while j < len(text) and text[j] in " \u00a0":
        j += 1
    return end < j < len(text) and text[j].isupper()


def english_context(text: str, start: int, end: int, window: int = 60) -> bool:
    """Whether at least two English-only function words lie within ``window`` characters of the span.

    >>> english_context("the nest of the bird", 4, 8), english_context("il nest pas là", 3, 7)
    (True, False)
    """
    from .lexicon.english import english_function_words  # the lexicon package imports this module

    around = text[max(0, start - window) : start] + " " + text[end : end + window]
    english_only = english_function_words()
    return sum(1 for w in WORD.findall(around) if w.lower() in english_only) >= 2


# Options: --long, -x (one letter), -opt=value; a dash before a word (« -entre autres- ») is French punctuation.
_CODE_LINE = regex.compile(r"(?<![\w-])(?:--[A-Za-z]|-[A-Za-z](?![\w-])|-\w+=)|[=|{}<>\\/_\[\]]")


def code_line(text: str, pos: int) -> bool:
    """Whether the line containing ``pos`` looks like code, an option list or a bare term (fewer than 12 letters).

    >>> code_line("-b, --blocksize taillebloc", 16), code_line("usefree", 0), code_line("Il a dit quil viendra.", 9)
    (True, True, False)
    >>> code_line("Il était justement -entre autres- là.", 3)
    False
    """
    start, end = logical_line(text, pos)
    if end - start <= _SHORT_LINE:
        return _code_verdict(text[start:end])
    # A long line is read once: a rule asks for the line of each candidate word, and reading it each time
    # made a one-line record quadratic (400 kB: 18 s).
    index = _line_index(text)
    verdict = index.code.get((start, end))
    if verdict is None:
        verdict = index.code[(start, end)] = _code_verdict(text[start:end])
    return verdict


def _code_verdict(line: str) -> bool:
    # Letters, not words: no repair of any pass adds letters (a split or an apostrophe adds words, a space
    # after a comma adds chunks) and a line cut by a hyphen is read whole, so joining it changes nothing
    # here: a line cannot turn into prose for a second run, and repairs stay idempotent.
    return len(list(islice(filter(str.isalpha, line), 12))) < 12 or _CODE_LINE.search(line) is not None


#: The word after a position: spaces, then letters (possessive, so linear even when searched).
NEXT_WORD = regex.compile(r"(?<![ \u00a0])[ \u00a0]++(\p{L}+)")


#: A line break inside a word (``terri-\ntoire``; CRLF, an old Mac lone CR and blanks around the break too):
#: the hyphenation rule joins the two lines into one.
_HYPHEN_BREAK_BEFORE = regex.compile(r"(?<=\p{L})-[ \t]*+(?:\r\n?|\n)[ \t]*+(?=\p{Ll})")
#: At most this many broken lines are read as one (hostile input may hold thousands).
_MAX_JOINED_LINES = 8


#: A line at most this long is found by scanning from the position; a longer one is looked up in an index of
#: the text's long lines, filled as they are met, so that asking for the line of each of many candidate
#: words on one long line costs one scan of it, not one per candidate (quadratic).
_SHORT_LINE = 4096
#: Texts whose long lines are indexed at once (the latest ones; each index keeps its text alive).
_MAX_INDEXED_TEXTS = 4


class _LineIndex:
    """What is known of one text's long lines: their bounds (sorted) and their :func:`code_line` verdicts."""

    __slots__ = ("text", "starts", "ends", "code")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.code: dict[tuple[int, int], bool] = {}


_LINE_INDEXES: dict[int, _LineIndex] = {}


def _line_index(text: str) -> _LineIndex:
    """The index of ``text``'s long lines (by identity: the index holds the text, so its id stays its own)."""
    index = _LINE_INDEXES.get(id(text))
    if index is None or index.text is not text:
        _LINE_INDEXES.pop(id(text), None)
        while len(_LINE_INDEXES) >= _MAX_INDEXED_TEXTS:
            _LINE_INDEXES.pop(next(iter(_LINE_INDEXES)))
        index = _LINE_INDEXES[id(text)] = _LineIndex(text)
    return index


def _physical_line(text: str, pos: int) -> tuple[int, int]:
    """Start of the line holding ``pos`` and the offset of its line feed (``len(text)`` if none): what
    ``text.rfind("\\n", 0, pos) + 1`` and ``text.find("\\n", pos)`` give, at a cost bounded by
    :data:`_SHORT_LINE` per call once a long line has been met."""
    floor = max(0, pos - _SHORT_LINE)
    before = text.rfind("\n", floor, pos)
    if before >= 0 or floor == 0:
        ceiling = pos + _SHORT_LINE
        after = text.find("\n", pos, ceiling)
        if after >= 0:
            return before + 1, after
        if ceiling >= len(text):
            return before + 1, len(text)
    index = _line_index(text)
    i = bisect_right(index.starts, pos) - 1
    if i >= 0 and pos <= index.ends[i]:
        return index.starts[i], index.ends[i]
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    index.starts.insert(i + 1, start)
    index.ends.insert(i + 1, end)
    return start, end


def logical_line(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the line around ``pos``, lines that a word hyphenated across a break joins counted
    as one: the hyphenation rule joins them in the words pass, and a verdict on the line must not change
    when a second run sees them joined (idempotence).

    >>> text = "une ad-\\nministration et\\nla fin"
    >>> [text[slice(*logical_line(text, i))] for i in (0, 10, 28)]
    ['une ad-\\nministration et', 'une ad-\\nministration et', 'la fin']
    """
    start, end = _physical_line(text, pos)
    for _ in range(_MAX_JOINED_LINES):
        hyphen = text.rfind("-", max(0, start - 4), start)
        brk = _HYPHEN_BREAK_BEFORE.match(text, hyphen) if start and hyphen >= 0 else None
        if brk is None or brk.end() < start:  # no break, or one at a lone CR before the line feed
            break
        start = _physical_line(text, hyphen)[0]
    for _ in range(_MAX_JOINED_LINES):
        if end >= len(text):
            break
        hyphen = text.rfind("-", max(0, end - 4), end)
        brk = _HYPHEN_BREAK_BEFORE.match(text, hyphen) if hyphen >= 0 else None
        if brk is None or brk.end() <= end:  # no break, or one at a lone CR before this line feed
            break
        end = _physical_line(text, end + 1)[1]
    return start, end


_LETTERS_AFTER = regex.compile(r"[\p{L}\p{M}]+")


def continued_across_break(text: str, end: int) -> str:
    """The letters that continue the word ending at ``end`` after a line-break hyphen (``""`` if none): the
    hyphenation rule may join them in the words pass, and a rule reading the word must read it whole.

    >>> continued_across_break("le él-\\nève", 5), continued_across_break("le élève", 8)
    ('ève', '')
    """
    brk = _HYPHEN_BREAK_BEFORE.match(text, end)
    return _LETTERS_AFTER.match(text, brk.end()).group() if brk else ""


def find_words(text: str, words: Iterable[str]) -> dict[str, list[int]]:
    """Start offsets of each of ``words`` in ``text`` where no letter touches it, in one C scan.

    Rules collect their few candidates from the document vocabulary first; one Aho–Corasick pass then
    locates them all, where a ``str.find`` loop per candidate rescans the whole text each time.

    >>> find_words("quil, quill et jai", ["quil", "jai"])
    {'quil': [0], 'jai': [15]}
    """
    found: dict[str, list[int]] = {word: [] for word in words}
    if not found:
        return found
    keys = list(found)
    for index, start, _ in _untouched(Literals(keys).matches(text), text, _is_letter):
        found[keys[index]].append(start)
    return found


def _untouched(
    matches: Iterable[tuple[int, int, int]], text: str, glues: Callable[[str], bool]
) -> Iterator[tuple[int, int, int]]:
    """The ``(key index, start, end)`` of ``matches`` that no character ``glues`` to on either side: the whole-word
    occurrences (what a letter glues to for :func:`find_words`, a word character for :class:`WordMatcher`)."""
    n = len(text)
    for index, start, end in matches:
        if not ((start and glues(text[start - 1])) or (end < n and glues(text[end]))):
            yield index, start, end


_SURROGATE = re.compile("[\ud800-\udfff]")
#: An automaton reads a copy of what it scans (UTF-8 for ahocorasick-rs): :class:`Literals` hands it a long text in
#: windows of this many characters, so the copy stays small.
_SCAN_WINDOW = 1 << 20


class Literals:
    """Many literal strings found at once, every occurrence (overlapping ones too): an Aho–Corasick automaton of
    ahocorasick-rs, as a contiguous NFA. On French prose its walk costs 0.012 s/MB where pyahocorasick's costs
    0.017, and its table for the phrase pass weighs 9 MB (its DFA would walk in 0.009 but weigh 156 MB and take
    0.3 s to build).

    >>> Literals(["ab", "b", "abc"]).matches("xabcab")
    [(0, 1, 3), (1, 2, 3), (2, 1, 4), (0, 4, 6), (1, 5, 6)]
    """

    def __init__(self, keys: Sequence[str]) -> None:
        import ahocorasick_rs

        self.longest = max(map(len, keys), default=0)
        self._automaton = (
            ahocorasick_rs.AhoCorasick(keys, implementation=ahocorasick_rs.Implementation.ContiguousNFA)
            if keys
            else None
        )

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """``(key index, start, end)`` of every occurrence of a key in ``text``, by end, then longest first.

        A long text is read in windows of :data:`_SCAN_WINDOW` characters. Each window starts ``longest - 1``
        characters before its own part, so the automaton reaches each position of that part in the state one scan
        of the whole text would, and only the matches that end in its own part count: each match once, in order.
        """
        if self._automaton is None:
            return []
        n = len(text)
        if n <= _SCAN_WINDOW:
            return self._find(text)
        found: list[tuple[int, int, int]] = []
        for start in range(0, n, _SCAN_WINDOW):
            left = max(0, start - self.longest + 1)
            found += (
                (key, begin + left, end + left)
                for key, begin, end in self._find(text[left : start + _SCAN_WINDOW])
                if end + left > start
            )
        return found

    def _find(self, text: str) -> list[tuple[int, int, int]]:
        assert self._automaton is not None
        try:
            return self._automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:
            # A lone surrogate (an undecodable byte kept by surrogateescape) has no UTF-8 form: it is read as
            # U+FFFD, one character for one, which no key holds.
            return self._automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


class WordMatcher:
    """Whole-word occurrences of many words or phrases in one C scan (an Aho–Corasick automaton built once).

    Made for large tables (the configuration's protected words, the user's calques): one alternation of
    100,000 entries in a regular expression takes minutes per text. A word character (letter, digit, ``_``)
    may touch no occurrence, as ``(?<!\\w)…(?!\\w)`` would have it.

    >>> WordMatcher(["prendre place", "place"]).occurrences("il va prendre place, place_1")
    [(6, 19, 'prendre place'), (14, 19, 'place')]
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(dict.fromkeys(words))
        self.literals = Literals(self.words)

    def occurrences(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of every occurrence, overlapping ones included, sorted."""
        words = self.words
        return sorted(
            (start, end, words[index])
            for index, start, end in _untouched(self.literals.matches(text), text, _is_word_char)
        )


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


#: Characters of text split at once by :func:`split_slices` (bounds the memory of a split).
_SLICE = 1 << 20


def split_slices(text: str) -> Iterator[list[str]]:
    """``text.split()`` in consecutive pieces: slices of about a million characters cut at a blank, so a big
    text never has all its tokens alive at once (1.2 million strings, ~80 MB, for 7 MB of prose).

    >>> [t for part in split_slices("le chat\u00a0dort ") for t in part]
    ['le', 'chat', 'dort']
    """
    n = len(text)
    i = 0
    while i < n:
        j = -1
        if i + _SLICE < n:
            j = text.find(" ", i + _SLICE)
            if j < 0:
                j = text.find("\n", i + _SLICE)
        j = n if j < 0 else j + 1
        yield text[i:j].split()
        i = j


def count_split(text: str) -> int:
    """``len(text.split())`` without holding the split (see :func:`split_slices`): the whole split of a 7 MB
    text was the peak of a process's memory.

    >>> count_split("le chat\u00a0dort ")
    3
    """
    return sum(map(len, split_slices(text)))


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _foreign_quote(content: str) -> bool:
    """A quotation is foreign when English function words are many or French words few."""
    from .lexicon.english import english_function_words
    from .lexicon.forms import french

    words = WORD.findall(content)
    if len(words) < 2:
        return False
    lex = french()
    english_only = english_function_words()
    english = sum(1 for w in words if w.lower() in english_only)
    french_words = sum(1 for w in words if lex.is_word(w))
    return english * 4 >= len(words) or french_words * 2 < len(words)


def protected_spans(doc: Document) -> Protected:
    """The protected spans of ``doc`` (one lazy :class:`Protected` per document)."""
    return doc.memo("tokens.protected", lambda d: Protected(d.text))


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Lower-cased words that word rules leave alone (``cleanfr/data/protected_words.txt``).

    >>> "uname" in protected_words()
    True
    """
    # an entry may carry a trailing "# note"
    return frozenset(entry.split("#", 1)[0].strip().lower() for entry in tables.words("protected_words.txt")) - {""}


# --- lines of prose and whole-word search, shared by the word and typography rules ---

_CODEISH = regex.compile(r"[{}<>|=\\_#$%^~\[\]@/*`]")
_LETTERS = regex.compile(r"\p{L}+")

#: Invisible marks that may open a line without making it start later: a BOM kept as text, a zero-width
#: space, a word joiner.
INVISIBLE_LEADERS = "\ufeff\u200b\u2060"


def is_prose_line(text: str, start: int, end: int) -> bool:
    """A line of running prose: 16 letters or more, not indented, no tab, no run of aligned spaces, few code
    symbols.

    Letters, not words or characters, are counted: a repair splits words and adds spaces or apostrophes but
    never adds letters, so no repair turns a line into prose for a second run (idempotence).

    >>> is_prose_line("Il a dit quil viendra demain.", 0, 29), is_prose_line("  -q, --quiet", 0, 13)
    (True, False)
    """
    while start < end and text[start] in INVISIBLE_LEADERS:
        start += 1  # a BOM kept as text, an invisible mark: the line starts after them
    if end - start < 16 or text[start] in " \t\u00a0" or "\t" in text[start:end]:
        return False
    line = text[start:end]
    if "   " in line or sum(map(len, _LETTERS.findall(line))) < 16:
        return False
    return len(_CODEISH.findall(line)) * 20 < len(line)


def locate(text: str, words: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(start, word)`` for every whole-word occurrence of any of ``words`` in ``text``, in text order: the
    occurrences :func:`find_words` finds in its one scan.

    >>> list(locate("le rnonde et le rnondes", ["rnonde"]))
    [(3, 'rnonde')]
    """
    return iter(sorted((start, word) for word, starts in find_words(text, words).items() for start in starts))


#: One compiled pattern of either module, or several searched together (:func:`merged_matches`).
Patterns = Union["regex.Pattern[str]", "re.Pattern[str]", Sequence[Union["regex.Pattern[str]", "re.Pattern[str]"]]]

_START = methodcaller("start")


def merged_matches(patterns: Patterns, text: str) -> Iterator[Any]:
    """The matches of ``patterns`` (one pattern or several) over ``text``, in text order.

    Several patterns that each match one sign of their own, with lookarounds only (``;`` then ``:``…),
    find what their alternation finds: a pattern led by one literal is searched by the fast C loop of
    ``re``/``regex``, where one led by a class or an alternation is tried at every position (``[,.]``
    costs four times ``,`` and ``.`` searched one after the other on news text).

    >>> [m.group() for m in merged_matches((re.compile(","), re.compile(r"\\.")), "a.b,c.")]
    ['.', ',', '.']
    """
    if isinstance(patterns, (re.Pattern, regex.Pattern)):
        return patterns.finditer(text)
    return heapq.merge(*(p.finditer(text) for p in patterns), key=_START)


def lines_with(pattern: Patterns, text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` that holds a match of ``pattern`` (or of one of several:
    :func:`merged_matches`), each line once, found in one scan of the pattern (the rules that look at a few
    lines only: suspect guillemets, title-case headings)."""
    done = -1
    for m in merged_matches(pattern, text):
        if m.start() < done:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        done = end
        yield start, end
