"""Determiner–noun gender agreement, from a noun-gender lexicon generated from Dicollecte (hunspell-fr).

Machine translation from a language with other genders (or none) leaves ``un doctrine``, ``une
problème``, ``le voiture``. Only a singular determiner directly followed by a lower-case noun whose
gender is certain is corrected: epicene and double-gender nouns (``après-midi``, ``livre``, ``tour``),
spellings that are also adjectives or (after ``le``/``la``/``ce``) verb forms, ``le``/``la`` after a
subject or object pronoun (``je la ferme``), ``la une``, ``l'un``, ``le la`` (the note), elisions
(``le avion`` is left to the elision rules) and names are skipped.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ... import tables
from ...document import Document
from ...edits import Edit
from ...lexicon import word_lists
from ...lexicon.gender import nouns
from ...tokens import Literals
from . import PhraseRule, read_tokens, scan
from ._grammar import DETERMINERS, determiner_for, starts_with_vowel, transfer_case
from ._matcher import Hit, fold_keeping_offsets

#: Stated confidences: the noun has one gender in the lexicon; it has two (``un/une manche``), the commoner
#: taken.
ONE_GENDER = 0.9
TWO_GENDERS = 0.85

#: The word after a determiner hit of the shared scan: a lower-case word, hyphenated compounds included.
_NOUN = regex.compile(r"\p{Ll}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*")
#: Characters that, touching the determiner or the noun, make them part of a bigger token.
_GLUE_BEFORE = frozenset("0123456789'’-_./@#")
_GLUE_AFTER = frozenset("0123456789'’-_/@")


#: Masculine → feminine endings of person nouns (président/présidente, acteur/actrice, vendeur/vendeuse).
_FEMININES = (("", "e"), ("eur", "rice"), ("eur", "euse"), ("en", "enne"), ("on", "onne"), ("er", "ère"), ("if", "ive"))
#: The determiners as tokens, in lower case and capitalised.
_DET_TOKENS = frozenset(d for det in DETERMINERS for d in (det, det.capitalize()))
_TRAILING = ".,;:!?…)»”\"'’"


def _add_pair(pairs: set[tuple[str, str]], lex: dict[str, tuple[str, str]], tok: str, following: str) -> None:
    """Add (determiner, noun) when the token ``tok`` is (or ends, after an apostrophe, in) a singular determiner
    and the token ``following`` (trailing punctuation stripped) is a noun of the other gender."""
    if tok not in _DET_TOKENS:
        head, sep, tail = tok.rpartition("'") if "'" in tok else tok.rpartition("’")
        if not sep or tail not in _DET_TOKENS:
            return
        tok = tail
    noun = following.rstrip(_TRAILING)
    info = lex.get(noun)
    if info is not None and info[0] in ("m", "f") and DETERMINERS[tok.lower()][0] != info[0]:
        pairs.add((tok, noun))


#: The gender of the nouns each determiner token clashes with (``La`` → ``m``): a noun's gender (``m``, ``f``,
#: ``e`` for either, see :func:`_noun_genders`) equal to it makes a pair, one comparison in C.
_CLASHES_WITH = {tok: "f" if DETERMINERS[tok.lower()][0] == "m" else "m" for tok in _DET_TOKENS}


class _DeterminerPairs:
    """The (determiner, noun) pairs of consecutive blank-separated tokens whose genders differ
    (a :class:`~cleanfr.rules.phrases.TokenReader`; elided determiners, ``d’une``, come from the scan:
    :func:`_elided_pairs`).

    The whole test runs in C (``map``/``compress`` over set and dict look-ups, the noun's gender compared with
    the one its determiner clashes with), so Python sees only the pairs that clash.
    """

    def __init__(self, text: str) -> None:
        self.lex = nouns()
        self.pairs: set[tuple[str, str]] = set()
        self.last: str | None = None  # the last token of the previous slice: it pairs with the first of the next
        # A determiner glued after a comma (``oui,la ministère``): the typography pass puts the space back,
        # so it is judged now, not on a second run. Few texts have any: ``re`` finds the first comma glued to
        # something else than a digit (a necessary condition) faster than the expression, which reads on from it.
        glued = _GLUED_COMMA.search(text)
        if glued is not None:
            for m in _AFTER_COMMA.finditer(text, glued.start()):
                _add_pair(self.pairs, self.lex, m.group(1), m.group(2))

    def feed(self, tokens: list[str]) -> None:
        if not tokens:
            return
        if self.last is not None:
            _add_pair(self.pairs, self.lex, self.last, tokens[0])
        self.last = tokens[-1]
        at = list(itertools.compress(range(len(tokens) - 1), map(_DET_TOKENS.__contains__, tokens)))
        dets = list(map(tokens.__getitem__, at))
        following = list(map(str.rstrip, map(tokens.__getitem__, map((1).__add__, at)), itertools.repeat(_TRAILING)))
        clash = map(operator.eq, map(_CLASHES_WITH.__getitem__, dets), map(_noun_genders().get, following))
        self.pairs.update(itertools.compress(zip(dets, following), clash))


@lru_cache(maxsize=1)
def _noun_genders() -> dict[str, str]:
    """Noun → its gender (``m``, ``f``, or ``e``: either) as one-letter strings, for the C-level test."""
    lex = nouns()
    return dict(zip(lex, map(operator.itemgetter(0), lex.values())))


#: The characters ``str.split()`` splits on (``\s`` of ``re`` is the same set).
_SPLIT_BLANKS = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
#: A token of ``str.split()``: searched from a position, the next one.
_TOKEN = regex.compile(f"[^{regex.escape(_SPLIT_BLANKS)}]++")
#: How far after an elided determiner its noun is read with ``str.split`` (longer: see :data:`_TOKEN`).
_AHEAD = 40


def _elided_pairs(text: str, hits: Iterable[Hit], pairs: set[tuple[str, str]]) -> None:
    """Add to ``pairs`` the (elided determiner, noun) pairs of the ``elided`` triggers' hits: an apostrophe,
    a determiner and a blank (``d’une ``), found in the pass's scan rather than by testing every token
    for an apostrophe. The whole token and the next go to :func:`_add_pair`, as a split would give them.

    Only where the noun's gender clashes with the hit's determiner (the token's own whenever it makes a pair:
    the determiner ends the token): most elided determiners (``d’un``, ``l’une``) agree with their noun, and
    their token is not looked for."""
    lex = nouns()
    genders = _noun_genders()
    n = len(text)
    for hit in hits:
        # The next token from a slice of the text (a fifth of the time of the search); the search when the slice
        # holds no blank after a token (a long token, long blanks, the end of the text).
        ahead = text[hit.end : hit.end + _AHEAD].split(None, 1)
        if len(ahead) == 2 or ahead and hit.end + _AHEAD >= n:
            noun = ahead[0]
        else:
            following = _TOKEN.search(text, hit.end)
            if following is None:
                continue
            noun = following.group()
        if genders.get(noun.rstrip(_TRAILING)) != _CLASHES_WITH[hit.key]:
            continue
        start = hit.start
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        _add_pair(pairs, lex, text[start : hit.end - 1], noun)


_AFTER_COMMA = regex.compile(r",(\p{L}++)[ \u00a0\u202f\t]++(\S++)")
#: Where :data:`_AFTER_COMMA` can first match: a comma before a character that is no blank and no digit (a
#: letter never is; ``3,5`` and ``, `` are most commas).
_GLUED_COMMA = re.compile(r",[^\s\d]")


_LETTER = regex.compile(r"[\p{L}\p{M}]")
_BLANKS = " \u00a0\u202f\t"


def _locate(text: str, pairs: list[tuple[str, str]]) -> Iterator[tuple[int, int, int, int]]:
    """Where each (determiner, noun) pair stands in ``text``: the determiner at a word start, blanks (space,
    no-break spaces, tab), the noun not followed by a letter. One Aho–Corasick scan for all the nouns
    (a regex per pair rescanned the whole text each time); per pair, matches do not overlap, as with
    ``finditer``."""
    dets: dict[str, list[str]] = {}
    for det, noun in pairs:
        dets.setdefault(noun, []).append(det)
    nouns = list(dets)
    found: list[tuple[int, int, int, int, str, str]] = []
    n = len(text)
    for index, start, end in Literals(nouns).matches(text):
        if end < n and _LETTER.match(text, end):
            continue
        noun = nouns[index]
        j = start
        while j > 0 and text[j - 1] in _BLANKS:
            j -= 1
        if j == start:
            continue
        for det in dets[noun]:
            k = j - len(det)
            if k >= 0 and text.startswith(det, k) and not (k and _LETTER.match(text, k - 1)):
                found.append((k, j, start, end, det, noun))
    found.sort()
    ends: dict[tuple[str, str], int] = {}
    for k, j, start, end, det, noun in found:
        if k >= ends.get((det, noun), 0):
            ends[(det, noun)] = end
            yield k, k + len(det), start, end


def candidates(text: str, pairs: set[tuple[str, str]]) -> Iterator[tuple[int, int, int, int]]:
    """Spans (det start, det end, noun start, noun end) where a singular determiner is followed by a noun
    of the other gender in the lexicon, from the document's (determiner, noun) ``pairs``
    (:class:`_DeterminerPairs`).

    Splitting on blanks and looking tokens up in sets is several times faster than a regex over the text;
    only the few mismatching pairs are then located.
    """
    lex = nouns()
    exceptions = _exceptions()
    before_vowel_ok = _lists()["before_vowel_ok"]
    kept = []
    for det, noun in pairs:
        other = lex[noun][1]
        if "a" in other or "w" in other or len(noun) < 3 or noun in exceptions or _english_loan(noun):
            continue
        if lex[noun][0] == "m" and any(lex.get(noun[: len(noun) - len(m)] + f, ("",))[0] == "f" for m, f in _FEMININES):
            continue  # ``une président``: a person noun with a feminine form; the noun may be the error
        if other and det.lower() not in ("un", "une"):
            continue  # le/la/ce + a verb form (``Marie la fait rire``): pronoun + verb as often as not
        if det.lower() in before_vowel_ok and (starts_with_vowel(noun) or noun[0] == "h"):
            continue  # ``son âme``, ``mon histoire`` are right; ``le avion`` is an elision matter
        kept.append((det, noun))
    if kept:
        yield from _locate(text, kept)


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The rule's word lists (``phrases/agreement.toml``): the determiners a vowel leaves undecided
    (``before_vowel_ok``), the words after which ``le``/``la`` are pronouns (``pronoun_context``), and the
    elided words after which a determiner still starts a noun phrase (``elided_before_determiner``). Read at
    the first document, not at import."""
    return word_lists("phrases/agreement.toml")


#: The prepositions that contract with ``le`` (``de`` + ``le`` → ``du``, ``à`` + ``le`` → ``au``), read from the
#: determiners' table: the masculine forms whose feminine is the preposition and ``la`` (« du », « de la »).
_CONTRACTIONS = {
    feminine.split(" ")[0]: masculine for _, masculine, feminine in DETERMINERS.values() if feminine.endswith(" la")
}
#: What may stand between a preposition and the determiner it contracts with (a line break stays: no contraction).
_BETWEEN_WORDS = regex.compile(r"[ \u00a0\u202f]+")
_PREV_WORD = regex.compile(r"(?<![\p{L}\p{M}])([\p{L}\p{M}]+)['’]?[ \u00a0\u202f]*$")  # searched with an end position
_TECH_LINE = regex.compile(r"[{}<>=|\\]|--|\(\d\)|\w/\w|\.\w+\(")


@lru_cache(maxsize=1)
def _exceptions() -> frozenset[str]:
    data = tables.toml("gender/exceptions.toml")
    return frozenset(w for words in data.values() for w in words)


def _english_loan(noun: str) -> bool:
    """``socket``, ``escape``, ``game``: English words whose French gender varies between writers (a noun of the
    gender lexicon more frequent in English than in French by 0.3 Zipf, listed by ``tools/word_tables.py``)."""
    return noun in _english_loans()


@lru_cache(maxsize=1)
def _english_loans() -> frozenset[str]:
    return tables.words("gender/english_loans.txt")


_NEXT_WORD = regex.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]+(\p{Ll}[\p{L}\p{M}]*)")


_COMPOUND_REST = regex.compile(r"[ \u00a0]([\p{L}']+)(?:[ \u00a0]([\p{L}']+))?")


def _hyphenless_compound(text: str, end: int, noun: str, gender: str) -> bool:
    """Whether ``noun`` and the one or two words after it (ending at ``end``), hyphenated, are a compound
    noun of the lexicon of ``gender`` (``tête à queue`` → ``tête-à-queue``, masculine)."""
    m = _COMPOUND_REST.match(text, end)
    if m is None:
        return False
    lex = nouns()
    words = [w for w in m.groups() if w]
    for k in range(len(words), 0, -1):
        compound = lex.get("-".join([noun, *words[:k]]).lower())
        if compound is not None and compound[0] in (gender, "e"):
            return True
    return False


#: A determiner slip the document itself contradicts (``un doctrine`` where it writes ``la doctrine``
#: elsewhere, and the other gender no more than once) is its own grade, this much above the rule's.
#: Judged on the development corpora: 18 right of 19 so confirmed, 18 of 53 otherwise (people nouns of
#: either gender, homographs, a document's own usage).
DOCUMENT_CONFIRMS_STEP = 0.02


_BEFORE_NOUN = regex.compile(r"(?<![\p{L}\p{M}'’])(\p{L}+)[ \u00a0](?:(\p{L}+)[ \u00a0])?$")


def _determiner_uses(text: str, wanted: set[str]) -> dict[str, Counter[str]]:
    """For each noun of ``wanted``: how often the document puts a masculine and a feminine determiner before it
    (maybe with one adjective between: ``la nouvelle doctrine``; ``la fonction main`` confirms nothing of
    ``main``). One scan for every noun at once."""
    lex = nouns()
    uses: dict[str, Counter[str]] = {noun: Counter() for noun in wanted}
    alternation = "|".join(regex.escape(n) for n in sorted(wanted, key=len, reverse=True))
    for m in regex.finditer(r"(?<![\p{L}\p{M}])(?:" + alternation + r")(?![\p{L}\p{M}])", text):
        before = _BEFORE_NOUN.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        det, between = before.group(1).lower(), before.group(2)
        if between is not None:
            if between.lower() in DETERMINERS:
                det = between.lower()  # « de la doctrine », « avec la zombie »: the determiner is the nearer word
            elif (info := lex.get(between)) is not None and "a" not in info[1]:
                continue  # la fonction main: the determiner belongs to the noun between
        if det in DETERMINERS:
            uses[m.group()][DETERMINERS[det][0]] += 1
    return uses


class DeterminerGender(PhraseRule):
    """Determiner whose gender contradicts the noun after it: ``un doctrine`` → ``une doctrine``.

    Example: ``Poutine a approuvé un doctrine militaire`` → ``… une doctrine militaire``; ``une
    problème`` → ``un problème``. ``un après-midi``, ``je la ferme`` and ``donner le la`` stay.
    """

    id = "determiner-gender"
    category = "agreement"
    description = "genre du déterminant contraire à celui du nom (un doctrine → une doctrine)"

    @classmethod
    def token_reader(cls, text: str) -> _DeterminerPairs:
        return _DeterminerPairs(text)

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        return ((f"elided:{det}", f"'{det}{blank}") for det in DETERMINERS for blank in _SPLIT_BLANKS)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        lex = nouns()
        tech_lines: dict[int, bool] = {}
        found: list[tuple[Edit, str, str]] = []
        reader = read_tokens(doc)[DeterminerGender]
        assert isinstance(reader, _DeterminerPairs)
        pairs = set(reader.pairs)
        _elided_pairs(text, scan(doc).get("elided", ()), pairs)
        for det_start, det_end, noun_start, noun_end in sorted(candidates(text, pairs)):
            m = _NOUN.match(text, noun_start)
            if m is None or m.end() != noun_end or noun_end < len(text) and text[noun_end] in _GLUE_AFTER:
                continue
            noun = m.group()
            info = lex.get(noun)
            if info is None:
                continue
            gender, other = info
            det = text[det_start:det_end]
            det_low = det.lower()
            if gender not in ("m", "f") or DETERMINERS[det_low][0] == gender:
                continue
            before = text[det_start - 1] if det_start else ""
            if before in _GLUE_BEFORE:
                elided = _PREV_WORD.search(text, max(0, det_start - 30), det_start)
                if (
                    before not in "'’"
                    or not elided
                    or fold_keeping_offsets(elided.group(1)) not in _lists()["elided_before_determiner"]
                ):
                    continue  # l'un, COVID-19 un, a.un, -le: not a determiner
            if "a" in other or "w" in other:
                continue  # also an adjective or a pronoun: ambiguous
            if not det.islower() and not det.istitle():
                continue  # LE VOITURE: capitals are headings or acronyms
            if len(noun) < 3 or noun in _exceptions() or _english_loan(noun):
                continue
            following = _NEXT_WORD.match(text, m.end())
            if (
                following
                and lex.get(following.group(1), ("", "a"))[0] == DETERMINERS[det_low][0]
                and not lex[following.group(1)][1]
            ):
                continue  # noun + noun compound written without hyphen (« du télé crochet »)
            if _hyphenless_compound(text, m.end(), noun, DETERMINERS[det_low][0]):
                continue  # « un tête à queue », « le face à face »: a compound of the determiner's gender
            prev = _PREV_WORD.search(text, max(0, det_start - 30), det_start)
            prev_word = fold_keeping_offsets(prev.group(1)) if prev else ""
            if det_low not in ("un", "une") and prev_word in _lists()["pronoun_context"]:
                continue
            if det_low == "une" and prev_word in ("la", "à"):
                continue  # la une (front page)
            if det_low in ("un", "une") and prev_word in ("chacun", "article", "numéro", "chapitre", "page", "titre"):
                continue
            confidence = ONE_GENDER if not other else TWO_GENDERS
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start not in tech_lines:  # each line is judged once: a long line costs linear time
                line_end = text.find("\n", m.end())
                tech_lines[line_start] = bool(
                    _TECH_LINE.search(text, line_start, len(text) if line_end < 0 else line_end)
                )
            if tech_lines[line_start]:
                continue
            new = determiner_for(det, gender, noun)
            if new is None or new == det:
                continue
            start, written = det_start, det
            if prev is not None and new.lower() == "le" and (contracted := _CONTRACTIONS.get(prev_word)):
                # de la pétrole → du pétrole, à la marché → au marché: « de le », « à le » are no French
                if not _BETWEEN_WORDS.fullmatch(text, prev.end(1), det_start):
                    continue  # de⏎la pétrole: the contraction would join two lines; no edit rather than « de le »
                start, written = prev.start(1), text[prev.start(1) : det_end]
                new = transfer_case(prev.group(1), contracted)
            genre = "féminin" if gender == "f" else "masculin"
            found.append(
                (
                    self.edit(
                        doc,
                        start,
                        det_end,
                        new,
                        confidence,
                        f"accord du déterminant : « {written} {noun} » → « {new} {noun} » ({noun} est {genre})",
                    ),
                    noun,
                    gender,
                )
            )
        if not found:
            return
        # A slip the document itself contradicts (it writes la doctrine elsewhere, the other gender at most
        # once: this slip) is its own grade; a gender the document gives the noun twice or more and never the
        # lexicon's is its usage (a person noun said of a woman, a homograph the lexicon lacks), no slip.
        uses = _determiner_uses(text, {noun for _, noun, _ in found})
        for edit, noun, gender in found:
            other = "f" if gender == "m" else "m"
            if uses[noun][other] >= 2 and not uses[noun][gender]:
                continue  # the document's usage (une zombie, un litre, un Force paramètre), never the lexicon's
            if uses[noun][gender] >= 1 and uses[noun][other] <= 1:
                edit = replace(edit, confidence=round(edit.confidence + DOCUMENT_CONFIRMS_STEP, 2))
            yield edit
