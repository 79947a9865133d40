"""What may be mojibake, shared by the Unicode pass (which repairs it) and the typography pass (which keeps
its hands off a line that still holds some): ftfy's settings for French, the cheap suspect patterns and
:func:`mojibake_suspect`.
"""

from __future__ import annotations

import heapq
import itertools
import re
from functools import lru_cache
from typing import Any, Iterator

import regex


@lru_cache(maxsize=1)
def ftfy_config() -> Any:
    """ftfy settings that never touch what French typography needs.

    Curly apostrophes and quotes stay (``uncurl_quotes`` would turn ’ into '), line breaks stay
    (CRLF is the user's), HTML stays literal (an ``&amp;`` in a man page is text), and lone
    surrogates stay (they carry undecodable bytes), and so do terminal escapes (removing one between two
    undecodable bytes would make them a valid UTF-8 sequence on output). ftfy is imported here, on first need, to keep
    the command's start-up short.
    """
    import ftfy

    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_line_breaks=False,
        unescape_html=False,
        fix_surrogates=False,
        remove_control_chars=False,
        remove_terminal_escapes=False,
        explain=True,
    )


# A UTF-8 lead byte read as Latin-1/cp1252 (Â..ô) followed by a continuation byte read the same way,
# or a lone "Ã" (its continuation may have become a space); C1 controls; every character ftfy's ligature and
# width fixes change (ﬁ, Ĳ, ǅ, ŉ; fullwidth and halfwidth forms, the ideographic space) and combining marks
# (NFC composes e + ◌́ into é): ftfy changes them in any window it repairs, so each
# must open a window, or a second run would change one that a repair nearby (a line joined at a hyphen)
# brought into a window. tests/rules/test_unicode.py checks ftfy's tables.
_LEAD_AND_CONTINUATION_PAIR = (
    r"[\u00c2-\u00f4]",
    r"[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]",
)
_LEAD_AND_CONTINUATION = "".join(_LEAD_AND_CONTINUATION_PAIR)
_NORMALISED = r"[\u0080-\u009f\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06\u3000\uff01-\uffee\p{M}]"
#: ``lead continuation | Ã | normalised``, led by one class as :func:`_led_by_one_class` explains (a third faster
#: in the regex module too).
_SUSPECT = regex.compile(
    f"[\\u00c2-\\u00f4{_NORMALISED[1:-1]}]"
    f"(?:(?<={_LEAD_AND_CONTINUATION_PAIR[0]}){_LEAD_AND_CONTINUATION_PAIR[1]}|(?<=\\u00c3)|(?<={_NORMALISED}))"
)
_NEEDS_FTFY_WITHOUT_BADNESS = regex.compile(_NORMALISED)


# French letters and typography: a character outside this set and ASCII is rare in French and may be mojibake.
_FRENCH = "ÀÁÄ-ÏÑ-ÖÚ-ïñ-öù-ÿŒœ«»’‘“”–—…•·°€\u00a0\u202f\u2009"
#: Wherever ftfy's badness heuristic (``ftfy.badness.BADNESS_RE``: what ``ftfy.is_bad`` searches, and ftfy
#: repairs nothing it does not flag) can match, this cheaper pattern matches too: a character that is neither
#: ASCII nor French (Windows-1250/1251/1253 and MacRoman mojibake, codepage 437, Ã and Â, C1 controls), or
#: one of the pairs of French characters the heuristic reads as mojibake (``é”``, ``»é``, ``œ.``). The
#: pairs were worked out from the heuristic itself, for every string of up to three characters taken from
#: French and ASCII (its longer sequences all need a non-French character); tests/rules/test_unicode.py
#: checks them against the installed ftfy. Searching the heuristic itself costs a quarter of the pipeline.
_FRENCH_PAIRS = (
    ("[ß-ïñü]", "[«»ÀÁÄ-ÏÑÜÝŒ‘“”•€]"),
    ("[ÀÁÄ-ÍÏÑÜÝ]", "[«°»‘“”•€]"),
    ("[»”]", "[«ÀÁÄ-ÏÑ-ÖÚ-ïñ-öù-ÿŒœ‘“•€]"),
    ("\u00a0", "[ÁÄ-ÆËÌÎÏÑÜÝŒ]"),
    ("«", "[ÀÁÄ-ÏÑ-ÖÚ-ïñ-öù-ÿŒœ]"),
    ("Î", "[\u00a0«°·»œ–—‘“”•€]"),
    ("€", "[«ÀÁÄ-ÏÑÜÝß-ïñüŒœ‘“•]"),
)
_LIGATURE_PAIR = ("[Œœ]", "[^A-Za-z]")
_NOT_FRENCH = f"[^\\x00-\\x7f{_FRENCH}]"


def _led_by_one_class(alternatives: tuple[tuple[str, str], ...], head: str = "") -> re.Pattern[str]:
    """``head|a1b1|a2b2|…`` (a ``(first, second)`` character class each) as one pattern that starts with one
    character class: the union of the firsts, then each second behind a look at the first. Same matches;
    but ``re`` searches a pattern led by a class with its fast loop over the text, and tries an alternation
    at every position (a tenth of the pipeline's time on clean prose went to trying these)."""
    firsts = "".join(first[1:-1] if first.startswith("[") else first for first, _ in alternatives)
    body = "|".join(f"(?<={first}){second}" for first, second in alternatives)
    if head:  # a one-character alternative that comes first: the class that leads must hold its characters
        return re.compile(f"[^\\x00-\\x7f](?:(?<={head})|{body})")
    return re.compile(f"[{firsts}](?:{body})")


#: The prefilter (every character it starts with is outside ASCII: the leading class is all of them).
_BADNESS_PREFILTER = _led_by_one_class((_LIGATURE_PAIR, *_FRENCH_PAIRS), head=_NOT_FRENCH)
#: A text where neither of these matches holds nothing :data:`_SUSPECT` or :data:`_BADNESS_PREFILTER` can
#: match, and the two cost a fifth of both scans on French prose (a lone character class is searched by a
#: fast loop; the pairs are tried only at their first characters). Every branch of the two is here: a
#: character neither ASCII nor French (Ã, C1 controls, ligatures, fullwidth forms and combining marks are
#: none of _FRENCH), or one of the pairs.
_NOT_FRENCH_CHAR = re.compile(_NOT_FRENCH)
_PAIRS = _led_by_one_class((_LIGATURE_PAIR, _LEAD_AND_CONTINUATION_PAIR, *_FRENCH_PAIRS))


#: Runs of the characters that are neither ASCII nor French (each may start a suspect sequence).
_NOT_FRENCH_RUN = re.compile(f"{_NOT_FRENCH}+")
#: A match of :data:`_SUSPECT` or :data:`_BADNESS_PREFILTER` holds one or two characters and starts at a character
#: the gate flags (:data:`_NOT_FRENCH_RUN`, :data:`_PAIRS`) or at the one after a flagged pair (the gate's scan steps
#: over a pair that overlaps the one it found): this many characters around each flag hold every match near it.
_WINDOW_MARGIN = 2
#: More windows than this share of the text's length: the two patterns read the text whole (a window costs a step
#: in Python, a character of a C scan costs far less).
_DENSE_WINDOWS = 1 / 256
#: … but a short text may always have this many (its whole reading would cost as little).
_MIN_WINDOWS = 16


def _suspects(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` where mojibake may stand, in order: the suspect sequences and the prefilter's.

    The two patterns read only the windows around what the gate flags: one suspect character in a book no
    longer has them read all of it (the gate's two scans are several times cheaper than theirs). Each match
    lies in one window and no window cuts one, so the spans are those of a reading of the whole text.
    """
    if _NOT_FRENCH_CHAR.search(text) is None and _PAIRS.search(text) is None:
        return iter(())
    windows = _windows(text)
    if windows is None:
        return _scan(text, 0, len(text))
    return itertools.chain.from_iterable(_scan(text, lo, hi) for lo, hi in windows)


def _windows(text: str) -> list[tuple[int, int]] | None:
    """Disjoint windows ``[lo, hi)`` of ``text`` around the gate's flags, at least :data:`_WINDOW_MARGIN` apart
    from any flag they hold; None when they are too many (:data:`_DENSE_WINDOWS`)."""
    n = len(text)
    most = max(_MIN_WINDOWS, int(n * _DENSE_WINDOWS))
    flags = heapq.merge((m.span() for m in _NOT_FRENCH_RUN.finditer(text)), (m.span() for m in _PAIRS.finditer(text)))
    windows: list[tuple[int, int]] = []
    for start, end in flags:
        lo, hi = max(0, start - _WINDOW_MARGIN), min(n, end + _WINDOW_MARGIN)
        if windows and lo <= windows[-1][1]:  # touching or overlapping: one window, so no match is cut
            if hi > windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
        elif len(windows) == most:
            return None
        else:
            windows.append((lo, hi))
    return windows


def _scan(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The spans of the suspect sequences and of the prefilter in ``text[lo:hi]`` (offsets in ``text``), in order."""
    return heapq.merge(
        (m.span() for m in _SUSPECT.finditer(text, lo, hi)),
        (m.span() for m in _BADNESS_PREFILTER.finditer(text, lo, hi)),
    )


def mojibake_suspect(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a sequence that may be mojibake: a UTF-8 sequence read as Latin-1
    or Windows-1252 (one regex search), or anything ftfy would repair (its badness heuristic, then its
    repair, where the cheap prefilter matches).

    >>> mojibake_suspect("Ã©tÃ©"), mojibake_suspect("« été »"), mojibake_suspect("LiĂ¨ge"), mojibake_suspect("»été")
    (True, False, True, False)
    """
    end = len(text) if end is None else end
    if _SUSPECT.search(text, start, end) is not None:
        return True
    if _BADNESS_PREFILTER.search(text, start, end) is None:
        return False
    import ftfy

    segment = text[start:end]
    return ftfy.is_bad(segment) and ftfy.fix_text(segment, config=ftfy_config()) != segment
