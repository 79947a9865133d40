"""Helpers shared by the word-level repair families (hyphenation, ocr, accents, capitalization, typography).

They wrap the shared lexicon (:mod:`cleanfr.lexicon`) and protected spans (:mod:`cleanfr.tokens`) in
the few questions these rules ask: is this a French word, how frequent is it, is this span protected,
is this line prose (not a table, code or an indented man-page block).

>>> is_prose_line("Le chat dort sur le canapé du salon.", 0, 36)
True
>>> is_prose_line("   -v, --verbose     affiche plus", 0, 33)
False
"""

from __future__ import annotations

from functools import lru_cache
import unicodedata
from typing import Iterable, Iterator

import regex

from .document import Document
from .tokens import Protected, protected_spans

_CODEISH = regex.compile(r"[{}<>|=\\_#$%^~\[\]@/*`]")
_WORD = regex.compile(r"\p{L}+")


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
    if "   " in line or sum(map(len, _WORD.findall(line))) < 16:
        return False
    return len(_CODEISH.findall(line)) * 20 < len(line)


def lines(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break (``\\r\\n`` or ``\\n``)."""
    start = 0
    n = len(text)
    while start <= n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        stop = end - 1 if end > start and text[end - 1] == "\r" else end
        yield start, stop
        if nl < 0:
            return
        start = nl + 1


@lru_cache(maxsize=1)
def _lexicon():
    from .lexicon import french

    return french()


@lru_cache(maxsize=200_000)
def is_word(word: str) -> bool:
    """True when ``word`` (any case) is a known French form.

    >>> is_word("administration"), is_word("adminis")
    (True, False)
    """
    return _lexicon().is_word(word.lower())


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in French (0 when unknown).

    >>> zipf("première") > zipf("premiere")
    True
    """
    return _lexicon().zipf(word.lower())


def protected(doc: Document) -> "Protected":
    """The protected spans of ``doc`` (URLs, e-mails, handles, code…), shared with the other word rules."""
    return protected_spans(doc)


def locate(text: str, words: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(start, word)`` for every whole-word occurrence of any of ``words`` in ``text``, in one scan.

    One Aho–Corasick pass (C speed) instead of a ``str.find`` pass over the text per word.

    >>> list(locate("le rnonde et le rnondes", ["rnonde"]))
    [(3, 'rnonde')]
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if not len(automaton):
        return
    automaton.make_automaton()
    n = len(text)
    for last, word in automaton.iter(text):
        start = last + 1 - len(word)
        if (start and (text[start - 1].isalpha() or unicodedata.combining(text[start - 1]))) or (
            last + 1 < n and (text[last + 1].isalpha() or unicodedata.combining(text[last + 1]))
        ):
            continue
        yield start, word
