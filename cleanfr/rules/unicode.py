"""Unicode repair: mojibake, C1 controls, ligatures and width variants, through ftfy.

ftfy is run with a configuration that keeps French typography (’ « » NBSP NNBSP) and line endings,
and only on the lines that a cheap scan flags (wherever ftfy's own badness heuristic can match, and the
characters ftfy normalises), so clean text costs two regex passes.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterable, Iterator

from ..document import Document
from ..edits import Edit
from ..tokens import INVISIBLE_LEADERS, logical_line
from . import Rule
from ._mojibake import _NEEDS_FTFY_WITHOUT_BADNESS, _suspects, ftfy_config

#: Stated confidence of a repair ftfy makes on a line that holds a suspicious sequence.
FTFY_REPAIR = 0.95
#: … of one that writes a lone letter of another script inside a Latin word, a script the document uses
#: nowhere else (``in IÎ°`` → ``in Iΰ``: an OCR reading of « in-18° », not Greek read as Latin-1).
LONE_SCRIPT_LETTER = 0.6

#: A long line is repaired in windows of about this many characters around its suspect sequences:
#: ftfy and the diff that locates its changes cost more than linear time in the length they see.
MAX_SEGMENT = 1000


def _suspect_segments(text: str) -> Iterator[tuple[int, int]]:
    """Spans ``[start, end)`` around suspect characters: their line, or a window of it cut at spaces."""
    last_end = -1
    for m_start, m_end in _suspects(text):
        if m_start < last_end:
            continue
        start, end = logical_line(text, m_start)
        end = max(end, m_end)
        if end - start > MAX_SEGMENT:
            lo = max(start, last_end, m_start - MAX_SEGMENT // 2)
            if lo > start:
                space = text.find(" ", lo, m_start)
                start = space + 1 if space >= 0 else lo
            hi = min(end, m_end + MAX_SEGMENT // 2)
            space = text.find(" ", hi, min(end, hi + 100))
            end = space if space >= 0 else hi
        last_end = end
        yield start, end


def _changed_spans(before: str, after: str) -> Iterator[tuple[int, int, int, int]]:
    """Changed spans between two versions of a line, grouped so that one word gives one span."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    group: list[int] | None = None
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # A short run of non-space characters between two changes belongs to the same word.
            if group is not None and (i2 - i1 > 3 or _has_space(before[i1:i2])):
                yield tuple(group)  # type: ignore[misc]
                group = None
            continue
        if group is None:
            group = [i1, i2, j1, j2]
        else:
            group[1], group[3] = i2, j2
    if group is not None:
        yield tuple(group)  # type: ignore[misc]


def _has_space(s: str) -> bool:
    return any(c.isspace() for c in s)


#: A word and the blanks before it, or blanks alone: the pieces a repaired window is aligned by (the blanks
#: go with the next word, as a diff of the whole window matches them: ``Ã ⎵Paris`` gives ``Ã ⎵`` → ``à``).
_PIECE = re.compile(r"\s*\S+|\s+")
#: A piece longer than this is cut further, before each ASCII character that follows another one (no
#: decoding ftfy undoes puts an ASCII byte inside a multi-byte sequence).
_LONG_PIECE = 64
#: Neighbouring pieces tried together when one alone does not give its part of ftfy's output (a sequence
#: across a blank: ``Ã `` for ``à`` followed by a no-break space).
_MAX_MERGED = 8


def _apply_plan(text: str, plan: list) -> str:
    """ftfy's repair ``plan`` (from ``fix_and_explain``) applied to ``text`` (``ftfy.apply_plan`` with its
    ``normalize`` step too)."""
    import ftfy

    for step in plan:
        if step[0] == "normalize":
            text = unicodedata.normalize(step[1], text)
        else:
            text = ftfy.apply_plan(text, [step])
    return text


def _cut_points(line: str) -> list[int]:
    """Offsets that cut ``line`` into pieces: 0, the end of each word's blanks, ``len(line)``."""
    points = [0]
    for m in _PIECE.finditer(line):
        start, end = m.span()
        if end - start > _LONG_PIECE:
            points.extend(
                i for i in range(start + 1, end) if line[i] < "\x80" and line[i - 1] >= "\x80" and not line[i].isspace()
            )
        points.append(end)
    return points


def _located_spans(line: str, fixed: str, plan: list) -> list[tuple[int, int, int, int]] | None:
    """Changed spans between ``line`` and ftfy's ``fixed`` version, found piece by piece in linear time:
    ftfy's plan is applied to each word (with its neighbours when a sequence crosses a blank) and must give
    the next part of ``fixed``; each changed word is then diffed alone. None when the pieces do not add up
    to ``fixed`` (the caller diffs the whole window)."""
    points = _cut_points(line)
    last = len(points) - 1
    spans: list[tuple[int, int, int, int]] = []
    j = k = 0
    while k < last:
        for m in range(k + 1, min(k + _MAX_MERGED, last) + 1):
            piece = line[points[k] : points[m]]
            if piece.isascii():  # every decoding ftfy undoes, and its other fixes, keep ASCII as it is
                out = piece
                break
            try:
                out = _apply_plan(piece, plan)
            except (UnicodeError, ValueError, LookupError):
                continue
            if fixed.startswith(out, j):
                break
        else:
            return None
        if out != piece:
            i = points[k]
            spans.extend((i + a, i + b, j + c, j + d) for a, b, c, d in _changed_spans(piece, out))
        j += len(out)
        k = m
    return spans if j == len(fixed) else None


#: ftfy steps that undo a wrong decoding (the rest normalise: ligatures, width, NFC, terminal escapes).
_DECODING_STEPS = frozenset(
    {
        "encode",
        "decode",
        "transcode",
        "decode_inconsistent_utf8",
        "restore_byte_a0",
        "replace_lossy_sequences",
        "fix_c1_controls",
    }
)


def _describe(explanation: list) -> str:
    steps = explanation or []
    listed = ", ".join(f"{step[0]} {step[1]}" for step in steps)
    if not listed:
        return "texte réparé par ftfy"
    decoding = any(step[0] in _DECODING_STEPS or step[1] in _DECODING_STEPS for step in steps)
    return f"{'texte mal décodé réparé' if decoding else 'caractères normalisés'} par ftfy ({listed})"


class Mojibake(Rule):
    """Repair mojibake (UTF-8 read as Latin-1, Windows-1250/1251/1252, MacRoman, codepage 437…, once or
    twice) and related Unicode damage, wherever ftfy's own heuristic would.

    Example: ``Ã©tÃ© Ã  Paris`` → ``été à Paris``; ``LiĂ¨ge`` → ``Liège``. French typography (’ « » and no-break spaces)
    is kept as it is. Fullwidth forms and the ideographic space (U+3000) are narrowed (``５－２`` → ``5-2``).
    """

    id = "mojibake"
    category = "unicode"
    pass_name = "unicode"
    description = "UTF-8 mal décodé (Ã©, â€™…), contrôles C1, ligatures et pleine chasse, via ftfy"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        for start, end in _suspect_segments(text):
            import ftfy

            # Invisible marks at the start of a segment (a BOM kept as text, a zero-width space) cannot be
            # encoded back to Latin-1 and would stop ftfy from seeing the line as mojibake: skip them.
            while start < end and text[start] in INVISIBLE_LEADERS:
                start += 1
            line = text[start:end]
            if not (ftfy.is_bad(line) or _NEEDS_FTFY_WITHOUT_BADNESS.search(line)):
                continue
            fixed, explanation = ftfy.fix_and_explain(line, config=ftfy_config())
            if fixed == line:
                continue
            message = _describe(explanation or [])
            spans = _located_spans(line, fixed, explanation or [])
            for i1, i2, j1, j2 in _changed_spans(line, fixed) if spans is None else spans:
                confidence = LONE_SCRIPT_LETTER if _lone_script_letter(text, fixed, j1, j2) else FTFY_REPAIR
                yield self.edit(doc, start + i1, start + i2, fixed[j1:j2], confidence, message)


def _script(c: str) -> str:
    """The script of a letter as its Unicode name begins (``GREEK``, ``CYRILLIC``, ``LATIN``…), or ``""``."""
    return unicodedata.name(c, "").split(" ", 1)[0] if c.isalpha() else ""


def _lone_script_letter(text: str, fixed: str, j1: int, j2: int) -> bool:
    """Whether the repair ``fixed[j1:j2]`` is one letter of a non-Latin script stuck to a Latin letter or a
    digit in ``fixed``, of a script no other letter of ``text`` is written in."""
    letters = [c for c in fixed[j1:j2] if c.isalpha()]
    if len(letters) != 1 or _script(letters[0]) in ("", "LATIN"):
        return False
    around = fixed[j1 - 1 : j1] + fixed[j2 : j2 + 1]
    if not any(c.isdigit() or _script(c) == "LATIN" for c in around):
        return False
    script = _script(letters[0])
    return not any(_script(c) == script for c in set(text) if c.isalpha() and ord(c) > 0x24F)
