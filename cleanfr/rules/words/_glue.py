"""The glue analysis of a document: which of its distinct tokens read as two words written without their
space, with a graded confidence. Shared by the glued-words rule (which splits them) and the accents rule
(which must not read such a token as a word with lost accents).

Candidates come from the document vocabulary: a distinct word that is no French form, has (almost) no
frequency of its own, and splits into a known word (or a name seen intact in the document) and a frequent
word. Structural vetoes keep derivations whole (``extrapatrimoniaux``, ``cousaient``), and names the
document does not confirm are never split (``Karachev`` stays).
"""

from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from typing import Mapping, MutableMapping, cast

import regex

from ...document import Document
from ...lexicon import (
    Lexicon,
    closed_class,
    doc_unknown_words,
    doc_vocabulary,
    elided_homographs,
    english_zipf,
    french,
    is_nominal,
    takes_elision,
    word_lists,
)
from ...lexicon.forms import FREQUENT_ZIPF, GRAM
from ...tokens import count_split, protected_words

#: Stated confidences of a split: a frequent word on one side (the usual glue: qui, plus, au…); a long token
#: with a function word on one side; two long words; two rarer words (a rare compound or a dialect form?);
#: two readings nearly as likely; a token one letter away from a common word (a misspelling, not glue).
FREQUENT_SIDE = 0.9
LONG_WITH_FUNCTION_WORD = 0.85
TWO_LONG_WORDS = 0.85
RARE_WORDS = 0.7
TWO_READINGS = 0.7
LIKELY_MISSPELLING = 0.6

#: Stated confidences of a split after a name the document writes whole: before a function word, before
#: another word.
NAME_AND_FUNCTION_WORD = 0.92
NAME_AND_WORD = 0.91
#: The analysis' word lists (prefixes, endings, the small words of a glue…), each with its reason in the file.
LISTS = "words/glue.toml"


@dataclass(frozen=True)
class _Lists:
    """The lists of :data:`LISTS`, and the unions the readings ask about, made once."""

    prefixes: frozenset[str]
    endings: frozenset[str]
    determiners: frozenset[str]
    short_left: frozenset[str]
    short_right: frozenset[str]
    function: frozenset[str]
    prepositions: frozenset[str]
    determiners_or_function: frozenset[str]
    short_right_or_determiners: frozenset[str]
    short_right_or_function: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    """Read at the first analysis, not at import (the rule modules are imported on start-up)."""
    lists = word_lists(LISTS)
    return _Lists(
        **lists,
        determiners_or_function=lists["determiners"] | lists["function"],
        short_right_or_determiners=lists["short_right"] | lists["determiners"],
        short_right_or_function=lists["short_right"] | lists["function"],
    )


_INFINITIVE = ("er", "ir", "re", "oir")
_MIN_LEFT_ZIPF = 2.5
_MIN_RIGHT_ZIPF = 3.5
_MIN_RARE_ZIPF = 1.5


_LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüœ"
#: Longer tokens are blobs (base64, minified pages), not two words: skipping them keeps the split search linear.
MAX_GLUED_LENGTH = 45
_SHAPE = regex.compile(r"(?<!\p{L})\p{Lu}?\p{Ll}++(?:\p{Lu}\p{Ll}++)?$")
_VOWEL = regex.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]")


def _neighbour_zipf(token: str, lex: Lexicon, floor: float = 0.0) -> float:
    """Highest frequency of a French form one letter away (removed, doubled or replaced): ``rationelles``
    is a misspelling of ``rationnelles`` rather than ``ration elles``; 0.0 when there is none.

    Exact when that frequency is at least ``floor``; below it, some lower value (the caller compares it with
    ``floor``): a form at least as frequent as :data:`FREQUENT_ZIPF` has every run of letters in the
    lexicon's :meth:`~Lexicon.frequent_grams`, so only the positions where a change can mend the token's
    unknown runs are tried."""
    low = token.lower()
    n = len(low)
    span = range(n)
    grams = lex.frequent_grams() if floor >= FREQUENT_ZIPF else None
    if grams is not None:
        # A change at i leaves every run that does not touch i: each unknown run must touch it.
        unknown = [i for i in range(n - GRAM + 1) if low[i : i + GRAM] not in grams]
        if unknown:
            span = range(unknown[-1], min(n, unknown[0] + GRAM))
    # Every candidate first, then one C-level filter through the lexicon (thousands per document). The
    # replacements of a letter are made in C, three times faster than by slicing: one ``str.replace`` per
    # letter of the alphabet in a copy of the token whose letter is a blank (no word token holds one).
    candidates = [low[:i] + low[i + 1 :] for i in span]
    candidates += [low[: i + 1] + low[i:] for i in range(n)]
    if _BLANK in low:
        candidates += [low[:i] + ch + low[i + 1 :] for i in span for ch in _LETTERS]
    else:
        for i in span:
            candidates += map(f"{low[:i]}{_BLANK}{low[i + 1 :]}".replace, repeat(_BLANK, len(_LETTERS)), _LETTERS)
    # A letter replaced by itself gives the token back: no neighbour.
    return max(map(lex.zipf, filter(low.__ne__, filter(lex.has_form, candidates))), default=0.0)


#: The stand-in for the replaced letter in :func:`_neighbour_zipf`.
_BLANK = "\0"


#: Inflections and suffixes that make an unknown form of a known word (nourrisson → nourrissonne).
_INFLECTIONS = ("ments", "ment", "nes", "ne", "es", "e", "s", "x")


def _derived(token: str, lex: Lexicon) -> bool:
    """Whether ``token`` is a known word plus an inflection: a rare form, not a glue (``nourrissonne``).

    An inflection fits its stem: ``-ne`` doubles a final n (``nourrisson|ne``, not ``bailleur|ne``), and no
    plural ending follows a plural (``étés|es`` is ``été ses``)."""
    low = token.lower()
    if not low.endswith(_INFLECTIONS):
        return False  # most unknown tokens: one C test
    for end in _INFLECTIONS:
        if len(low) <= len(end) + 3 or not low.endswith(end):
            continue
        stem = low[: -len(end)]
        if not lex.has_form(stem):
            continue
        if end in ("ne", "nes") and stem[-1] != "n" or end in ("es", "s", "x") and stem[-1] in "sx":
            continue
        return True
    return False


def _word_ok(word: str, lex: Lexicon) -> bool:
    """A French word as a part of a split: known, and not mostly English (``gray``, ``set``; ``usage`` is)."""
    return lex.is_word(word) and english_zipf(word) <= lex.zipf(word) + 1.0


def _readings(token: str, lex: Lexicon, vocab) -> list[tuple[float, str, str, float, bool]]:
    """Every plausible two-word reading ``(score, left, right, confidence, sentence_start)`` of ``token``;
    ``sentence_start``: a capitalised common word on the left (``Dansles``) is only read so at a sentence start."""
    found: list[tuple[float, str, str, float, bool]] = []
    glue = _lists()
    cap = token[0].isupper()
    homographs = elided_homographs()
    # A reading needs a French word on the right (``_word_ok``): the right-hand parts are looked up at once,
    # in C, and only the few that are words are read further (``is_word`` is ``has_form`` of the lower case,
    # a word token holding no apostrophe).
    span = range(2, len(token) - 1)
    rights = [token[i:].lower() for i in span]
    for i in compress(span, map(lex.has_form, rights)):
        left, right = token[:i], token[i:]
        lw, rw = left.lower(), rights[i - 2]
        ending = rw in glue.endings and not (rw in glue.determiners and lw.endswith(("e", "s")))  # but soumises|aux
        r_zipf = lex.zipf(rw)
        # _word_ok(rw), the word known already: not mostly English
        if ending or len(rw) < 3 and rw not in glue.short_right or english_zipf(rw) > r_zipf + 1.0:
            continue  # cous|aient, équivalent|ss, dark|gray
        if not (_VOWEL.search(lw) and _VOWEL.search(rw)):
            continue  # mm|moui: a French word has a vowel
        if lw in homographs or rw in homographs:
            continue  # sils|après would be s’ils après: an elision lost too, not a plain glue
        if right[0].isupper() and not left[0].isupper():
            # pèreLa, dansLe: a case change inside the token marks the boundary
            if _word_ok(lw, lex) and lex.zipf(lw) >= 3.0 and (right[1:].islower()):
                found.append((10.0 + r_zipf, left, right, FREQUENT_SIDE, False))
            continue
        if right[0].isupper():
            continue
        if cap and len(left) >= 3 and vocab.get(left, 0) > 0 and lex.zipf(left) < 5.0:
            # A name confirmed by the document, written intact elsewhere (Lavrov|au), no common word (Le|camp),
            # and no glue itself (Ukrainede|ou is Ukraine de ou: split in one go or not at all)
            if r_zipf >= _MIN_RIGHT_ZIPF and not _glued_name(left, vocab):
                # A function word after the name (Lavrov|au, Ligue|des) is the usual glue; a content word
                # (Lille|bonne, Pompon|nette) is often the name's own ending: two grades.
                function_word = rw in glue.function or rw in glue.determiners or rw in glue.short_right
                found.append(
                    (3.0 + r_zipf, left, right, NAME_AND_FUNCTION_WORD if function_word else NAME_AND_WORD, False)
                )
            continue
        if (lw in glue.prefixes or lw.endswith("o") and lex.zipf(lw) < 4.0) and rw not in glue.determiners_or_function:
            continue  # extra|patrimoniaux, russo|ukrainien: a prefix or a combining form (but sur|un)
        if len(lw) <= 3 and lw not in glue.short_left and lex.zipf(lw) < 4.5:
            continue  # ter|tous: short left parts must be common words
        l_zipf = lex.zipf(lw)
        # Beside a function word (les|indivisaires, reconventionnellement|le) a rare word is believable.
        l_function = lw in glue.function or lw in glue.determiners or lw in glue.short_left
        r_function = rw in glue.function or rw in glue.determiners or rw in glue.short_right
        l_min = _MIN_RARE_ZIPF if r_function else _MIN_LEFT_ZIPF
        r_min = _MIN_RARE_ZIPF if l_function else _MIN_LEFT_ZIPF
        if len(lw) >= 5 and len(rw) >= 5 and len(token) >= 12:
            l_min = r_min = _MIN_RARE_ZIPF  # two long words (guetteur|absorbait) rarely make a non-word by chance
        if not _word_ok(lw, lex) or l_zipf < l_min or r_zipf < r_min:
            continue
        if not cap and (lex.is_name(lw) or lex.is_name(rw)):
            continue  # rome|ria: a name written in lower case is no French word
        low, high = min(l_zipf, r_zipf), max(l_zipf, r_zipf)
        # A frequent word on one side is the usual glue (qui, plus, au…); two rarer words may be a rare
        # compound or a dialect form (flourit, clochepied): only suggested.
        if r_zipf >= 5.0 or low >= 4.0 or (rw in glue.determiners or lw in glue.function) and low >= 3.0:
            confidence = FREQUENT_SIDE
        elif (l_function or r_function) and len(token) >= 9:
            confidence = LONG_WITH_FUNCTION_WORD
        elif low >= 3.0 and high >= 4.5 or len(lw) >= 4 and len(rw) >= 5 and len(token) >= 11:
            confidence = TWO_LONG_WORDS  # two long words (bonnet|sombre) rarely make one unknown word by chance
        else:
            confidence = RARE_WORDS
        if lex.has_form(f"{lw}-{rw}"):
            continue  # clochepied: a hyphenated compound (cloche-pied) written solid is that compound
        if lw in glue.prepositions and lex.is_verb(rw) and not rw.endswith(_INFINITIVE) and not is_nominal(rw):
            continue  # pour|prends: a preposition takes no conjugated verb
        if english_zipf(lw) > l_zipf and english_zipf(rw) > r_zipf:
            continue  # both parts rather English: file|type, work|shop
        if cap and not ({lw, rw} & glue.short_right_or_determiners):
            continue  # at a sentence start only Dansles, Elleen, Mesyeux: Toinon, Carali are names
        found.append((l_zipf + r_zipf, left, right, confidence, cap))
    return found


def _glued_name(token: str, vocab) -> bool:
    """``token`` is a name the document confirms followed by a short function word (``Ukrainede``)."""
    short_right_or_function = _lists().short_right_or_function
    return any(
        token[i:].lower() in short_right_or_function and vocab.get(token[:i], 0) > 0 for i in range(3, len(token) - 1)
    )


def _best_split(token: str, lex: Lexicon, vocab) -> tuple[str, str, float, bool] | None:
    """``(left, right, confidence, sentence_start)`` of the most probable reading of ``token``, or None."""
    found = _readings(token, lex, vocab)
    if not found:
        return None
    found.sort(reverse=True)
    score, left, right, confidence, sentence_start = found[0]
    if len(found) > 1 and found[1][0] > score - 1.0:
        confidence = min(confidence, TWO_READINGS)  # two readings nearly as likely: let a person choose
    return left, right, confidence, sentence_start


def _misspelling_graded(token: str, split: tuple[str, str, float, bool], lex: Lexicon) -> tuple[str, str, float, bool]:
    """``split`` with its confidence lowered when ``token`` is more likely a misspelling of a word one letter
    away (``rationelles``). Asked only of the readings kept (the neighbours cost thousands of look-ups)."""
    left, right, confidence, sentence_start = split
    # A glued short function word (françaisen, traversle) is far commoner than such a typo.
    short_function = len(right) <= 3 and right.lower() in _lists().short_right_or_determiners
    floor = min(lex.zipf(left), lex.zipf(right)) - 1.0
    neighbour = _neighbour_zipf(token, lex, floor)  # exact from the floor up: all the verdict reads
    misread = neighbour >= floor
    if misread and (not short_function or neighbour > lex.zipf(left) + 1.0):
        confidence = min(confidence, LIKELY_MISSPELLING)  # persoune is personne misread, not perso une
    return left, right, confidence, sentence_start


#: A capitalised word cut at a line break (``Ukr-\naine``), or glued after an elision that lost its
#: apostrophe (``lUkraine``): the name is written whole once the same pass has repaired it.
_LINE_BREAK_HYPHEN = regex.compile(r"-[ \t]*+\r?\n[ \t]*+(\p{Ll}++)(?![\p{L}-])")  # led by a literal: fast
_ELIDED_NAME = regex.compile(r"^(?:[ldLD]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)(\p{Lu}\p{Ll}{2,})$")


def _names_after_repairs(doc: Document, vocab: Mapping[str, int]) -> Mapping[str, int]:
    """The document vocabulary plus the names that line-break joins and lost apostrophes reveal in this
    pass: a name confirmed on the second run must be confirmed on the first (idempotence)."""
    extra: dict[str, int] = {}
    for token in vocab:
        m = None if token.islower() or token[0] not in "lLdDqQjJpP" else _ELIDED_NAME.match(token)
        if m:
            extra[m.group(1)] = extra.get(m.group(1), 0) + 1
    text = doc.text
    if "-\n" in text or "-\r" in text:
        for m in _LINE_BREAK_HYPHEN.finditer(text):
            start = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            left = text[start : m.start()]
            if len(left) >= 2 and left[0].isupper() and left[1:].islower() and (not start or text[start - 1] != "-"):
                joined = left + m.group(1)
                extra[joined] = extra.get(joined, 0) + 1
    # Only read ("seen or not"): the ChainMap never writes to the document's vocabulary.
    return ChainMap(extra, cast("MutableMapping[str, int]", vocab)) if extra else vocab


def _candidates(doc: Document) -> dict[str, tuple[str, str, float, bool]]:
    lex = french()
    vocab = doc_vocabulary(doc)
    names = _names_after_repairs(doc, vocab)
    protected_list = protected_words()
    tokens = []
    for token, count in doc_unknown_words(doc).items():  # the tokens whose lower case is no form
        if not 5 <= len(token) <= MAX_GLUED_LENGTH or count > 1 or token.lower() in protected_list:
            continue
        if not _SHAPE.match(token):
            continue  # acronyms (ATACMS, ONGs) and odd casing (étécHAUD): only word, Word and wordWord
        if english_zipf(token) >= 3.0:
            continue
        if _derived(token, lex):
            continue  # nourrissonne: a rare form, not a glue
        tokens.append(token)
    candidates = _split_all(tokens, lex, names)
    # A split reveals a capitalised word (ditUkraine → dit Ukraine, Poutinedes → Poutine des) that confirms a
    # name for the others (Ukraineelle, Poutinele): the second run would see it written whole, so this one
    # must too. A token never confirms itself (Christen stays). Repeat until nothing new shows.
    sources: dict[str, set[str]] = {}
    while True:
        new = False
        for token, (left, right, confidence, _) in candidates.items():
            for part in (left, right):
                if (
                    part[0].isupper()
                    and confidence >= 0.8
                    and not names.get(part, 0)
                    and token not in sources.setdefault(part, set())
                ):
                    sources[part].add(token)
                    new = True
        if not new:
            break
        again = {}
        for token in tokens:
            found = {name: 1 for name, by in sources.items() if name in token and by - {token}}
            if found:
                again.update(_split_all([token], lex, ChainMap(found, cast("MutableMapping[str, int]", names))))
        if all(candidates.get(t) == split for t, split in again.items()):
            break
        candidates.update(again)
    return _graded_by_document(doc, candidates)


#: A document with at least this many glued readings per 1,000 words has lost its spaces by the way it was
#: produced (OCR, a scraper joining blocks, MT); one or two unknown words in clean prose are mostly names,
#: identifiers and coinages (judged on the development corpora: 102 of 102 right at 0.9 in such documents,
#: 34 of 49 elsewhere).
GLUE_DAMAGED_DENSITY = 2.0
#: The readings of a glue-damaged document form their own grades, this much above the reading's own.
GLUE_DAMAGED_STEP = 0.03


def _graded_by_document(
    doc: Document, candidates: dict[str, tuple[str, str, float, bool]]
) -> dict[str, tuple[str, str, float, bool]]:
    """Raise every reading to its glue-damaged grade when the document holds glue densely."""
    if len(candidates) < 2 or 1000 * len(candidates) < GLUE_DAMAGED_DENSITY * count_split(doc.text):
        return candidates
    return {
        token: (left, right, round(confidence + GLUE_DAMAGED_STEP, 2), start)
        for token, (left, right, confidence, start) in candidates.items()
    }


def _split_all(tokens: list[str], lex: Lexicon, names: Mapping[str, int]) -> dict[str, tuple[str, str, float, bool]]:
    """The glued readings of ``tokens`` (names confirmed by ``names``)."""
    found = {}
    elidable = closed_class("elidable")
    # The cheap vetoes first, the costly ones last (the accent-free look-ups, then the misspelling grade).
    for token in tokens:
        split = _best_split(token, lex, names)
        if split is None:
            continue
        left, right = split[0], split[1]
        if left.lower() in elidable and takes_elision(right):
            continue  # Laété, leest: "la été" would itself need an elision; not a plain glue
        # A glued form written often on the web (dansle, surla) is still damage when its parts are far
        # more frequent; one written as often as its parts is a word of its own.
        if lex.zipf(token) != 0.0 and lex.zipf(token) >= min(2.5, min(lex.zipf(left), lex.zipf(right)) - 2.0):
            continue
        if lex.lost_accents(token):
            continue  # deraisonnable: accents lost (the accents rule's business), not a glue
        found[token] = _misspelling_graded(token, split, lex)
    return found


def glued_candidates(doc: Document) -> dict[str, tuple[str, str, float, bool]]:
    """Distinct tokens of ``doc`` read as two glued words: token → (left, right, confidence, sentence_start).

    Computed once per document.
    """
    return doc.memo("glued.candidates", _candidates)
