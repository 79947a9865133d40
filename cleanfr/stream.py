"""Huge inputs in bounded memory: cut a text stream into chunks at natural boundaries.

A chunk ends, by order of preference, after a blank line (paragraph boundary), after a line break,
or — inside a line longer than a chunk — after a whitespace about every 16 K characters, or for a gigantic run
without spaces at that size (never before a combining mark). Each chunk is repaired on its own and its edits are shifted by the chunk's start, so the log
stays exact against the whole input: ``apply(whole_input, shifted_edits) == concatenated_output``.

Limitation: rules see one chunk at a time (~1 M characters by default): document-level evidence (the
document's apostrophe, a lede repeated 2 MB later) does not cross chunk boundaries. Inputs smaller than one
chunk are repaired exactly as :func:`cleanfr.fix` repairs them.

>>> [len(c) for _, c in iter_chunks(iter(["un deux\\n\\ntrois quatre\\n", "cinq"]), target=12)]
[9, 13, 4]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterable, Iterator

from .edits import Edit

__all__ = ["DEFAULT_CHUNK", "cut_point", "iter_chunks", "shift_edits"]

#: Default chunk size in characters: big enough that document-level statistics are stable,
#: small enough that a worker's memory stays far under the 500 MB budget.
DEFAULT_CHUNK = 1 << 20
#: Chunk size inside a line longer than a chunk (a 50 MB single line): rules are fast on lines of this size.
LONG_LINE_CHUNK = 1 << 14
_BREAK = re.compile(r"\r\n?|\n")


def cut_point(buf: str, target: int, long_line: int = LONG_LINE_CHUNK) -> int:
    """Where to end a chunk of ``buf`` (which holds more than ``target`` characters).

    Searches ``buf[target // 2 : target]`` backwards for a blank line, then a line break. Failing that, ``buf``
    holds a very long line: the chunk ends before it if it starts later, else after a whitespace near
    ``long_line`` characters (some rules are not linear in the length of a line). A ``\r`` is never separated
    from the ``\n`` after it; a hard cut never falls before a combining mark.

    >>> cut_point("abcdef\\n\\ngh\\nij kl", 12)
    8
    >>> cut_point("ab\\ncdefghij klmnop", 12, long_line=8)
    3
    >>> cut_point("abcd efgh ijkl", 10, long_line=8)
    5
    """
    lo, hi = target // 2, target + 1  # buf[target] exists: a break right at the target still counts
    best = max(buf.rfind("\n\n", lo, hi), buf.rfind("\n\r\n", lo, hi))
    if best >= 0:
        return best + (2 if buf[best + 1] == "\n" else 3)
    best = buf.rfind("\r\r", lo, hi)
    if best >= 0:
        return _after_cr(buf, best + 2)
    best = max(buf.rfind("\n", 0, hi), buf.rfind("\r", 0, hi))
    if best >= 0:
        return _after_cr(buf, best + 1)
    size = min(target, long_line)
    lo, hi = size // 2, size + 1
    best = max(buf.rfind(" ", lo, hi), buf.rfind("\t", lo, hi))
    if best >= 0:
        return best + 1
    for i in range(size - 1, lo, -1):
        if buf[i].isspace():
            return _after_cr(buf, i + 1)
    cut = size
    while cut > lo and (unicodedata.combining(buf[cut]) or "\udc00" <= buf[cut] <= "\udfff"):
        cut -= 1
    return cut


def _after_cr(buf: str, pos: int) -> int:
    """Move a cut that falls between ``\\r`` and ``\\n`` after the ``\\n``."""
    return pos + 1 if buf[pos - 1] == "\r" and pos < len(buf) and buf[pos] == "\n" else pos


def iter_chunks(
    blocks: Iterable[str], target: int = DEFAULT_CHUNK, long_line: int = LONG_LINE_CHUNK
) -> Iterator[tuple[int, str]]:
    """``(offset, chunk)`` pairs covering the concatenated ``blocks`` exactly; offsets in code points.

    No chunk holds more than ``long_line`` characters of one line (unless a line has no whitespace to cut at).
    """
    buf = ""
    offset = 0
    for block in blocks:
        buf += block
        while len(buf) > target + 2:  # one character of lookahead past a cut (CR LF)
            cut = cut_point(buf, target, long_line)
            yield from _split_long_lines(offset, buf[:cut], long_line)
            offset += cut
            buf = buf[cut:]
    if buf:
        yield from _split_long_lines(offset, buf, long_line)


def _split_long_lines(offset: int, chunk: str, long_line: int) -> Iterator[tuple[int, str]]:
    """``chunk`` as is, or cut before and inside its lines longer than ``long_line``."""
    if len(chunk) <= long_line:
        yield offset, chunk
        return
    pos = 0  # start of the part not yet yielded
    line_start = 0
    for m in _BREAK.finditer(chunk + "\n"):  # the sentinel closes the last line
        end = min(m.start(), len(chunk))
        if end - line_start > long_line:
            if line_start > pos:
                yield offset + pos, chunk[pos:line_start]
                pos = line_start
            while end - pos > long_line:
                cut = pos + cut_point(chunk[pos : pos + long_line + 3], long_line, long_line)
                yield offset + pos, chunk[pos:cut]
                pos = cut
        line_start = m.end()
    if pos < len(chunk):
        yield offset + pos, chunk[pos:]


def shift_edits(edits: Iterable[Edit], offset: int) -> list[Edit]:
    """Edits of a chunk moved to the coordinates of the whole input."""
    if not offset:
        return list(edits)
    return [replace(e, start=e.start + offset, end=e.end + offset) for e in edits]
