"""Typography: inverted guillemets, spaces lost or doubled around punctuation.

Every rule follows the document's own conventions (space, no-break space or nothing before ``; : ! ?``
and inside « »), measured once per document by :func:`conventions`; none imposes a convention the
document does not use. Lines that look like tables, code or indented man-page text are never touched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import Callable, Iterable, Iterator, TypeVar

import regex

from ..document import Document
from ..edits import Edit
from ..lexicon import is_word
from ..tokens import INVISIBLE_LEADERS, is_prose_line, lines_with, merged_matches, protected_spans
from . import Rule
from ._mojibake import mojibake_suspect

#: Stated confidences: a « that closes a quotation; a » that opens one; a space before a comma in a document
#: that never puts one there; a space lost after punctuation between two words; a doubled space; the space
#: the document puts before ; : ! ? or inside « ».
CLOSING_GUILLEMET = 0.9
OPENING_GUILLEMET = 0.85
SPACE_BEFORE_COMMA = 0.9
LOST_SPACE_AFTER = 0.85
DOUBLED_SPACE = 0.85
HIGH_PUNCTUATION_SPACE = 0.85

NBSP, NNBSP = "\u00a0", "\u202f"
_SPACES = " \u00a0\u202f"

_P = TypeVar("_P")


def _sign_led(template: str, signs: str, compile_: Callable[[str], _P]) -> tuple[_P, ...]:
    """One pattern per sign, ``template``'s ``SIGN`` made that sign: each is led by a literal, which ``re``
    and ``regex`` search with a fast C loop, where a class of signs is tried at every position (three to
    four times slower over news text). :func:`~cleanfr.tokens.merged_matches` reads them as one."""
    return tuple(compile_(template.replace("SIGN", re.escape(sign))) for sign in signs)


# What precedes a high punctuation sign or follows « / precedes » : a space style.
# Patterns start with the punctuation itself (a literal) so that the scan over a large text is fast.
# (The standard ``re`` module scans literal-first patterns faster than ``regex``.)
_HIGH_PUNCT = re.compile(r"[;:!?](?=\s|»|\)|$)")
#: The two characters before a high sign, after a « (followed by two characters at least), before a »
#: (preceded by two at least): what :func:`conventions` reads. Each starts with its sign, so ``re`` finds them
#: with its fast loop, then looks behind.
_TWO_BEFORE_HIGH = _sign_led(r"(?s)SIGN(?<=(..).)(?=\s|»|\)|$)", ";:!?", re.compile)
_TWO_AFTER_OPENING = re.compile(r"(?s)«(?=(..))")
_TWO_BEFORE_CLOSING = re.compile(r"(?s)»(?<=(..).)")
#: A comma right after a space of any style (led by the comma: the fast loop).
_SPACED_COMMA = re.compile(r",(?<=[ \u00a0\u202f],)")


@dataclass(frozen=True)
class Conventions:
    """The document's own spacing habits; ``None`` where it has no clear habit."""

    before_high: str | None  # "" (none), " ", NBSP or NNBSP before ; : ! ?
    inside_guillemets: str | None  # same, after « and before »
    spaced_commas: int  # commas preceded by a space
    commas: int


def _dominant(counts: dict[str, int], minimum: int = 5, share: float = 0.9) -> str | None:
    total = sum(counts.values())
    if total < minimum:
        return None
    style, n = max(counts.items(), key=lambda kv: kv[1])
    return style if n >= share * total else None


def conventions(doc: Document) -> Conventions:
    """Measure the document's spacing conventions (memoised per document).

    >>> c = conventions(Document("Oui ; non ; peut-être ; si ; là ; « bon » et «mal»."))
    >>> c.before_high, c.inside_guillemets
    (' ', None)
    """

    def build(d: Document) -> Conventions:
        text = d.text
        high, inner = _style_counts(text)
        commas = text.count(",")
        spaced = len(_SPACED_COMMA.findall(text))
        return Conventions(_dominant(high), _dominant(inner, minimum=4), spaced, commas)

    return doc.memo("typography-conventions", build)


def _style_counts(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """How often each space style stands before ; : ! ? after a letter, » or ), and inside « » next to a letter
    or digit. The two characters before each sign (after each «, before each ») are counted in C: the styles
    are read from the few distinct pairs, not from every sign of a long text."""
    high: dict[str, int] = {}
    befores: Counter[str] = Counter()
    for pattern in _TWO_BEFORE_HIGH:
        befores.update(pattern.findall(text))
    for i in (0, 1):  # the signs with fewer than two characters before them
        if _HIGH_PUNCT.match(text, i):
            befores[text[:i]] += 1
    for before, n in befores.items():
        style = before[-1] if before and before[-1] in _SPACES else ""
        prev = before[-1 - len(style)] if len(before) > len(style) else ""
        if prev.isalpha() or prev in "»)":  # nothing before ("" is in any string) counts as no space
            high[style] = high.get(style, 0) + n
    inner: dict[str, int] = {}
    for pair, n in Counter(_TWO_AFTER_OPENING.findall(text)).items():
        if pair[pair[0] in _SPACES].isalnum():
            style = pair[0] if pair[0] in _SPACES else ""
            inner[style] = inner.get(style, 0) + n
    for pair, n in Counter(_TWO_BEFORE_CLOSING.findall(text)).items():
        if pair[1 - (pair[1] in _SPACES)].isalnum():
            style = pair[1] if pair[1] in _SPACES else ""
            inner[style] = inner.get(style, 0) + n
    return high, inner


def _space_name(space: str) -> str:
    return {"": "aucune espace", " ": "une espace", NBSP: "une espace insécable", NNBSP: "une espace fine insécable"}[
        space
    ]


#: UTF-8 lead bytes read as Latin-1 that a guillemet byte can follow in mojibake (Ã» is û, Â« is «).
_MOJIBAKE_LEADS = frozenset("\u00c2\u00c3")
_REAL_GUILLEMET = regex.compile(r"(?<![\u00c2\u00c3])[«»]")


class _TypographyRule(Rule):
    """A rule of the typography pass."""

    pass_name = "typography"
    # Each follows a convention counted over the whole document (spaced commas, the space before ; : ! ? and
    # inside « », doubled spaces, a pair written joined twice): a repair anywhere can change the count, and
    # with it the case of a sign paragraphs away, so a later round's check has these rules read it all.
    reads_whole_text = True


class GuillemetDirection(_TypographyRule):
    """Turn a guillemet that points the wrong way, judged by the quotes open in its paragraph.

    Example: ``parleront d’eux-mêmes« .`` → ``parleront d’eux-mêmes ».`` (a « glued to the word before
    it and followed by punctuation closes a quotation); ``pour « monopole« , » destruction`` →
    ``pour « monopole », « destruction``.
    """

    id = "guillemet-direction"
    category = "typography"
    description = "guillemet inversé (« à la place de » ou l’inverse)"

    # « glued to the preceding word, then optional spaces, then closing punctuation or end of line.
    _CLOSING_OPEN = regex.compile(r"(?<=[\p{L}\p{N}.!?…])«([ \u00a0\u202f]*)(?=[.,;:!?)…]|[ \u00a0\u202f]*$)", regex.M)
    _QUOTE = regex.compile(r"[«»]")
    # Only lines with a guillemet glued on the wrong side are examined (one literal-led pattern per side).
    _SUSPECT = (regex.compile(r"(?<=[\p{L}\p{N}.!?…])«"), regex.compile(r"»(?=\p{L})"))

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        if "«" not in text and "»" not in text:
            return
        space = None  # the document's conventions are measured once a suspect line needs them (few do)
        for start, end in lines_with(self._SUSPECT, text):
            if mojibake_suspect(text, start, end):
                continue  # guillemet bytes may be mojibake here (Ã©»): turning one would change what ftfy sees
            if _OTHER_SCRIPT.search(text, start, end):
                continue  # Greek or Cyrillic on the line (a classical commentary): its « » follow no French usage
            if space is None:
                inner = conventions(doc).inside_guillemets
                space = " " if inner is None else inner
            yield from self._line(doc, start, end - (end > start and text[end - 1] == "\r"), space)

    def _line(self, doc: Document, start: int, end: int, space: str) -> Iterator[Edit]:
        text = doc.text
        is_open = False
        inverted = False  # the previous guillemet was a « turned into »: inversions come in pairs
        for m in self._QUOTE.finditer(text, start, end):
            i = m.start()
            before = text[i - 1] if i > start else " "
            if before in _MOJIBAKE_LEADS:
                continue  # "Ã»", "Â«": mojibake of û, « — the Unicode pass's business, not a quotation mark
            after = text[i + 1] if i + 1 < end else "\n"
            was_inverted, inverted = inverted, False
            if m.group() == "«":
                closing = self._CLOSING_OPEN.match(text, i, end)
                if closing and (is_open or before.isalnum()):
                    # A « glued to a word and followed by punctuation cannot open a quotation: it closes
                    # one (whose opening may have been lost). Spaces before a comma or a full stop go.
                    stop = i + 1 + len(closing.group(1))
                    if stop < end and text[stop] in "!?;:":
                        stop = i + 1
                    yield self.edit(
                        doc, i, stop, space + "»", CLOSING_GUILLEMET, "guillemet fermant écrit « à la place de »"
                    )
                    is_open, inverted = False, True
                else:
                    is_open = True
            elif is_open:
                is_open = False
            elif (before in _SPACES + "\n(\ufeff\u200b\u2060" or i == start) and self._closes_later(text, i + 1, end):
                # No quotation is open and one closes later: this » opens it. Glued to the next word it
                # can only open; followed by a space, only right after a « that closed.
                if after.isalpha():
                    yield self.edit(
                        doc, i, i + 1, "«" + space, OPENING_GUILLEMET, "guillemet ouvrant écrit » à la place de «"
                    )
                    is_open = True
                elif was_inverted and after in _SPACES and i + 2 < end and text[i + 2].isalpha():
                    yield self.edit(doc, i, i + 1, "«", OPENING_GUILLEMET, "guillemet ouvrant écrit » à la place de «")
                    is_open = True

    @staticmethod
    def _closes_later(text: str, start: int, end: int) -> bool:
        """A » (or a « glued to a word) later in the line: the one at hand opens a quotation."""
        nxt = _REAL_GUILLEMET.search(text, start, end)
        return bool(nxt) and (nxt.group() == "»" or text[nxt.start() - 1].isalnum())


class SpaceBeforeComma(_TypographyRule):
    """Remove a space before a comma in a document that otherwise never puts one there.

    Example: ``a démissionné du gouvernement ,estimant`` → ``a démissionné du gouvernement, estimant``.
    Old print that spaces its commas (``Tableau , Sainte``) keeps them: that is its convention.
    """

    id = "space-before-comma"
    category = "typography"
    description = "espace parasite avant une virgule (selon l’usage du document)"

    _PATTERN = regex.compile(r"(?<=[\p{Ll}»)][ \u00a0\u202f]+),([ \u00a0]?)(?=\p{L}|\s|$)")
    #: A comma after these is usually the character being talked about (``un { ou un , peuvent``).
    _MENTION = regex.compile(r"(?:^|\s)(?:un|le|la|les|des|du|et|ou|opérateur|caractère|virgule)$", regex.I)

    def find(self, doc: Document) -> Iterable[Edit]:
        if _SPACED_COMMA.search(doc.text) is None:
            return  # no comma after a space: nothing to remove, no convention to measure
        conv = conventions(doc)
        # One stray spaced comma, or at most one in twenty: the document does not space its commas.
        if conv.commas < 5 or conv.spaced_commas > max(1, conv.commas // 20):
            return
        text = doc.text
        guard = protected_spans(doc)
        for m in self._PATTERN.finditer(text):
            start, end = m.start(), m.end()
            while text[start - 1] in _SPACES:
                start -= 1
            if guard.overlaps(start, end) or self._MENTION.search(text, max(0, start - 20), start):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if not is_prose_line(text, line_start, len(text) if line_end < 0 else line_end):
                continue
            after = m.group(1)
            nxt = text[end] if end < len(text) else ""
            replacement = "," + (after if after else (" " if nxt.isalpha() else ""))
            yield self.edit(
                doc,
                start,
                end,
                replacement,
                SPACE_BEFORE_COMMA,
                "espace avant la virgule retirée, comme ailleurs dans le document",
            )


class SpaceAfterPunctuation(_TypographyRule):
    """Restore the space lost after a comma or a full stop between two words.

    Example: ``à Paris,à Rennes`` → ``à Paris, à Rennes``; ``des circuits courts.Et un plan`` →
    ``des circuits courts. Et un plan``. Both sides must be words of the lexicon, so ``remount,bind``,
    ``archive.Z``, ``3,5`` and ``example.com`` stay.
    """

    id = "space-after-punctuation"
    category = "typography"
    description = "espace perdue après une virgule ou un point entre deux mots"

    _PUNCT = _sign_led(r"SIGN(?=[^\W\d_])", ",.", re.compile)
    _MAX_SIDE = 40  # letters of one word, elision and quotes included
    # The whole whitespace-delimited chunk: word,word or word.Word (letters and elisions only), then
    # at most two closing signs (``Il«:``, whose « the guillemet rule turns in this pass: the verdict must
    # not wait for a second run); never ``option,option,...`` or ``a.b.c``.
    _CHUNK = regex.compile(
        r"(?<![\p{L}\p{N}])[(«\"“]?(\p{L}++(?:['’]\p{L}+)?)(?:,(\p{Ll}\p{L}+(?:['’]\p{L}+)?|[ày])|\.(\p{Lu}\p{Ll}+|\p{Lu}['’]\p{L}+))[;:!?)»«\"”.,]{0,2}"
    )

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        n = len(text)
        for m in merged_matches(self._PUNCT, text):
            at = m.start()
            if not (at and text[at - 1].isalpha()):
                continue
            # The chunk is two words and a sign: never look further than that could reach, so that a
            # long run without spaces ("a.a.a.a…", a CSV line) costs linear time.
            # A guillemet bounds the chunk as a space does: the guillemet rule may turn it and space it in
            # this same pass (``fil.Il«:`` → ``fil. Il »:``), and the verdict must not wait for a second run.
            start = at
            while start > 0 and not _chunk_edge(text[start - 1]) and at - start < self._MAX_SIDE:
                start -= 1
            end = at + 1
            while end < n and not _chunk_edge(text[end]) and end - at < self._MAX_SIDE:
                end += 1
            if (start > 0 and not _chunk_edge(text[start - 1])) or (end < n and not _chunk_edge(text[end])):
                continue
            chunk = self._CHUNK.fullmatch(text, start, end)
            if not chunk:
                continue
            # No protected-span test: tokens.py takes ``courts.Et`` for a dotted identifier; the lexicon
            # test on both sides is what keeps code and file names out.
            left, right = chunk.group(1), chunk.group(2) or chunk.group(3)
            if text[at] == "." and (len(left) < 2 or not left[-1].islower()):
                continue
            if not (is_word(_bare(left)) and is_word(_bare(right))):
                continue
            if text[at] == "," and is_word(left + right):
                continue  # inclusive writing with a comma: ``démuni,es``
            if text[at] == "," and len(left) == 1:
                continue  # coordinates and tuples: ``(x,y)``
            if _written_again(text, left + text[at] + right):
                continue  # a name the document writes so again and again (``queue.Queue``, ``fractions.Fraction``)
            yield self.edit(
                doc,
                at,
                at + 1,
                text[at] + " ",
                LOST_SPACE_AFTER,
                f"espace perdue après « {text[at]} » entre « {left} » et « {right} »",
            )


#: A ``word.Word`` / ``word,word`` pair written as such: letters only on each side (possessive, and from the
#: start of a run of letters only, so that no search over a long run of letters takes quadratic time).
_JOINED_PAIR = regex.compile(r"(?<!\p{L})\p{L}++[.,]\p{L}++")


def _written_again(text: str, pair: str) -> bool:
    """Whether ``pair`` (``word.Word``, ``word,word``: letters on each side of its sign) stands more than once
    in ``text`` as a whole, with no letter, dot or comma before it and no letter after it.

    Only the pair at hand is counted, after a ``str.count``: counting every pair of the text took a regex pass
    over all of it in every pass (a tenth of the time on a 7 MB file). An occurrence cannot start inside
    another (its letter, dot or comma before rules that out), so these are the pairs a left-to-right scan of
    every pair finds.
    """
    if text.count(pair) < 2 or not _JOINED_PAIR.fullmatch(pair):
        return False
    return len(regex.findall(r"(?<![\p{L}.,])" + regex.escape(pair) + r"(?![\p{L}])", text)) > 1


#: Letters of scripts whose quotation marks are not French guillemets (OCR of classical commentaries).
_OTHER_SCRIPT = regex.compile(r"[\p{Greek}\p{Cyrillic}]")


def _chunk_edge(char: str) -> bool:
    return char.isspace() or char in "«»"


def _bare(word: str) -> str:
    """The word without an elided article (``l’obligation`` → ``obligation``), lower-cased."""
    for apos in "'’":
        if apos in word:
            head, tail = word.split(apos, 1)
            return tail.lower() if len(head) <= 2 else head.lower()
    return word.lower()


_WORDS = regex.compile(r"\p{L}+")
_LONG_WORDS = regex.compile(r"\p{L}{2,}")


class DoubleSpace(_TypographyRule):
    """Collapse a doubled space between two words of a prose line.

    Example: ``le territoire  russe`` → ``le territoire russe``. Indented lines, lines with
    several runs of spaces (tables, aligned columns), and documents that double their spaces on
    purpose are left alone.
    """

    id = "double-space"
    category = "typography"
    description = "espace doublée entre deux mots d’une ligne de prose"

    _RUN = re.compile(r"(?<! )  +(?=[^\W\d_])")  # starts only at a run's first space: linear

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        if "  " not in text:
            return
        # A document where doubled spaces are frequent uses them (aligned text): leave it.
        doubled = text.count("  ")
        if doubled > 3 and doubled * 200 > text.count(" "):
            return
        runs = [
            m
            for m in self._RUN.finditer(text)
            if m.start() and (text[m.start() - 1].isalpha() or text[m.start() - 1] in ",;")
        ]
        guard = protected_spans(doc)
        for m in runs:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            if (
                line.count("  ") != 1
                or not is_prose_line(text, line_start, line_end)
                or guard.overlaps(m.start(), m.end())
            ):
                continue
            if mojibake_suspect(text, line_start, line_end):
                continue  # ftfy's verdict on what remains (à  Â€) depends on the spaces: the next run must see them
            # A first column (``-l  Afficher``, ``SHELL  Cette variable``) is a definition list, not a typo.
            if (
                line.lstrip(INVISIBLE_LEADERS)[:1] in ("-", "+", "*", "•", "$", "%", "\\")
                or len(_LONG_WORDS.findall(text, line_start, m.start())) < 3
            ):
                continue
            yield self.edit(doc, m.start(), m.end(), " ", DOUBLED_SPACE, "espace doublée entre deux mots")


class MissingSpaceHighPunctuation(_TypographyRule):
    """Add the space a document puts before ``; : ! ?`` (or inside « ») where one was lost.

    Example, in a text that writes ``mot : suite`` everywhere: ``mot: suite`` → ``mot : suite``,
    with the same kind of space (ordinary, no-break or thin no-break). A text without a clear
    habit is left as it is.
    """

    id = "missing-space-high-punctuation"
    category = "typography"
    description = "espace perdue avant ; : ! ? ou dans les guillemets, selon l’usage du document"

    _BARE_HIGH = _sign_led(r"(?<=\p{L}{2}|»)SIGN(?=[ \u00a0\u202f]|$)", ";:!?", partial(regex.compile, flags=regex.M))
    _BARE_OPEN = regex.compile(r"(?<=^|[\s(])«(?=\p{L})", regex.M)
    _BARE_CLOSE = regex.compile(r"(?<=\p{L})»(?=[\s.,;:!?)]|$)", regex.M)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        # The bare signs first (literal-led scans): most documents have none and need no conventions measured.
        bare_high = list(merged_matches(self._BARE_HIGH, text))
        bare_inner = [(m, 1) for m in self._BARE_OPEN.finditer(text)]
        bare_inner += [(m, 0) for m in self._BARE_CLOSE.finditer(text)]
        if not bare_high and not bare_inner:
            return
        conv = conventions(doc)
        guard = protected_spans(doc)
        if conv.before_high:
            for m in bare_high:
                if not guard.overlaps(m.start() - 1, m.end()) and self._french_context(text, m.start(), m.end()):
                    yield self.edit(
                        doc,
                        m.start(),
                        m.start(),
                        conv.before_high,
                        HIGH_PUNCTUATION_SPACE,
                        f"{_space_name(conv.before_high)} avant « {m.group()} », comme ailleurs dans le document",
                    )
        if conv.inside_guillemets:
            for m, side in bare_inner:
                at = m.start() + side
                if not guard.overlaps(max(0, at - 1), at + 1) and self._french_context(text, at, at, check_after=False):
                    yield self.edit(
                        doc,
                        at,
                        at,
                        conv.inside_guillemets,
                        HIGH_PUNCTUATION_SPACE,
                        f"{_space_name(conv.inside_guillemets)} dans les guillemets, comme ailleurs dans le document",
                    )

    @staticmethod
    def _french_context(text: str, start: int, end: int, check_after: bool = True) -> bool:
        """A prose line, with French words on both sides (not ``fichier: not in gzip format``, not code)."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not is_prose_line(text, line_start, line_end):
            return False
        before = _WORDS.findall(text, max(line_start, start - 30), start)
        after = _WORDS.findall(text, end, min(line_end, end + 30))
        return bool(before) and is_word(before[-1]) and (not check_after or not after or is_word(after[0]))
