"""Lost apostrophes: an elided word glued to the next one (``quil`` → ``qu’il``, ``LUkraine`` → ``L’Ukraine``).

Candidates come from the document vocabulary (each distinct word once), so the cost is one look-up per
distinct word, then a ``str.find`` per candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Iterable

import regex

from ...document import Document
from ...edits import Edit
from ...lexicon import (
    HomographContext,
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
from ...tokens import (
    APOSTROPHES,
    NEXT_WORD,
    at_sentence_start,
    english_context,
    find_words,
    in_broken_word,
    is_isolated,
    name_follows,
    previous_word,
    protected_spans,
    protected_words,
)
from .. import Rule

#: Stated confidences: a token that is both a word and a lost elision (``na``: ``n’a``) in a context that
#: reads only as the elision; the article before a name seen intact (``lUkraine``, ``LUkraine``); before a
#: small function word (``quil``).
HOMOGRAPH = 0.9
BEFORE_NAME = 0.95
BEFORE_CAPITALISED_NAME = 0.92
BEFORE_FUNCTION_WORD = 0.95

#: The rule's word lists (the elided forms that stand before a name, the words that follow some of them…), each
#: with its reason in the file; the elided forms and the determiners are closed classes.
LISTS = "words/apostrophe.toml"
#: English words that look elided (``men`` = m’en, ``dare`` = d’are) are skipped above this frequency.
_ENGLISH_FUNCTION_MAX = 4.3
_ENGLISH_CONTENT_MAX = 3.5


@dataclass(frozen=True)
class _Lists:
    """The lists of :data:`LISTS` and the closed classes the rule reads."""

    #: The elided forms, longest first so that ``quil`` is read as ``qu|il``, not ``q|uil``.
    prefixes: tuple[str, ...]
    #: :attr:`prefixes` by their first letter, in the same order: a token is compared with those of its own letter.
    prefixes_by_initial: dict[str, tuple[str, ...]]
    #: No elided form can follow a determiner (``notre lon`` is no ``notre l’on``).
    determiners: frozenset[str]
    #: Elided form → the only words it stands before (``quelqu’un``, ``presqu’île``, ``c’est``).
    only_after: dict[str, frozenset[str]]
    before_names: frozenset[str]
    pronouns: frozenset[str]
    s_before: frozenset[str]
    not_after_article: frozenset[str]
    glued_articles: frozenset[str]
    function: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    """Read at the first document, not at import (the rule modules are imported on start-up)."""
    # Two forms of one length cannot both begin a token: their order is free, sorted to be the same in every run.
    prefixes = tuple(sorted(closed_class("elided_forms"), key=lambda form: (-len(form), form)))
    by_initial: dict[str, tuple[str, ...]] = {}
    for form in prefixes:
        by_initial[form[0]] = (*by_initial.get(form[0], ()), form)
    return _Lists(
        prefixes=prefixes,
        prefixes_by_initial=by_initial,
        determiners=closed_class("determiners"),
        only_after=word_lists(LISTS, "only_after"),
        **word_lists(LISTS),
    )


def _split(token: str) -> tuple[str, str] | None:
    low = token.lower()
    for p in _lists().prefixes_by_initial.get(low[:1], ()):
        if low.startswith(p) and len(token) > len(p):
            return token[: len(p)], token[len(p) :]
    return None


def _shape(prefix: str, rest: str) -> str | None:
    """``lower`` (quil), ``name`` (lUkraine), ``Capital`` (Quil), ``Name`` (LUkraine), or None (odd case)."""
    p_lower = prefix.islower()
    p_cap = prefix[0].isupper() and (len(prefix) == 1 or prefix[1:].islower())
    r_lower = rest.islower()
    r_cap = rest[0].isupper() and len(rest) > 2 and rest[1:].islower()
    if p_lower and r_lower:
        return "lower"
    if p_lower and r_cap:
        return "name"
    if p_cap and r_lower:
        return "Capital"
    if p_cap and r_cap:
        return "Name"
    return None


#: A hyphenated inverted subject after the word: ``nest-ce`` is ``n’est-ce``.
_INVERSION = regex.compile(r"-(?:t-)?(?:ce|il|ils|elle|elles|on|je|tu|nous|vous)\b")


_PARTICIPLE_ENDINGS = (
    "é",
    "ée",
    "és",
    "ées",
    "i",
    "ie",
    "is",
    "ies",
    "u",
    "ue",
    "us",
    "ues",
    "it",
    "ite",
    "ert",
    "erte",
)


def _in_class(word: str, words: frozenset[str]) -> bool:
    """``word`` is one of ``words`` or belongs to one of the word classes they name."""
    if word in words:
        return True
    lex = french()
    if "@verb" in words and lex.is_verb(word):
        return True
    if "@participle" in words and word.endswith(_PARTICIPLE_ENDINGS) and lex.is_verb(word):
        return True
    if "@nominal" in words:
        return is_nominal(word)
    return False


def _homograph_context(text: str, start: int, end: int, context: HomographContext | None) -> bool:
    """Whether the words around a homograph show its elided reading (``quelle ne`` is ``qu’elle ne``)."""
    following = NEXT_WORD.match(text, end)
    if context is None:
        return following is not None
    before = previous_word(text, start)
    if before in context.notprev:
        return False
    if following is not None and _in_class(following.group(1).lower(), context.next):
        return True
    return bool(context.prev) and _in_class(before, context.prev)


def _abbreviation(text: str, end: int) -> bool:
    """A dot right after the word, then no capital: an abbreviation (``lun. 17``, ``lun..dim``)."""
    if end >= len(text) or text[end] != ".":
        return False
    following = text[end + 1 : end + 3].lstrip()
    return bool(following) and not following[0].isupper()


class LostApostrophe(Rule):
    """Restore the apostrophe of an elided word glued to the next one.

    Example: ``quil a dit que LUkraine`` → ``qu’il a dit que L’Ukraine`` (the document's own apostrophe
    is used). Only when the glued form is not a French word (``dune``, ``lace``, ``sale``, ``Lesotho``
    stay) and what follows the elision is a French word or a name; lower-case words glued after a
    capital mid-sentence are taken for surnames (``Lamour``) and left alone. A few words that are also glued
    elisions are repaired only where the word cannot stand (``il na pas`` → ``il n’a pas``, ``parce quelle``
    → ``parce qu’elle``; table ``cleanfr/data/lexicon/elided_homographs.tsv``).
    """

    id = "lost-apostrophe"
    category = "apostrophe"
    pass_name = "words"
    description = "apostrophe perdue après une élision (quil → qu’il, lUkraine → l’Ukraine)"

    def find(self, doc: Document) -> Iterable[Edit]:
        vocab = doc_vocabulary(doc)
        unknown = doc_unknown_words(doc)
        lex = french()
        protected_list = protected_words()
        homographs = elided_homographs()
        candidates = []
        # Only the homographs and the unknown words of the document can be candidates: picked out in C, in
        # the vocabulary's order (a clean document has a few dozen unknown words among a thousand).
        homograph_tokens = vocab.keys() & homographs.keys()
        wanted = homograph_tokens | unknown.keys() if homograph_tokens else None
        for token in unknown if wanted is None else compress(vocab, map(wanted.__contains__, vocab)):
            if token in homographs:
                prefix, rest, _ = homographs[token]
                candidates.append((token, prefix, rest, "homograph", HOMOGRAPH))
                continue
            if token not in unknown or len(token) < 3 or token.isupper() or token.lower() in protected_list:
                continue
            found = self._candidate(token, vocab)
            if found and not lex.lost_accents(token):  # quotite is quotité without accents, not qu’otite
                candidates.append((token, *found))
        if not candidates:
            return
        text = doc.text
        protected = protected_spans(doc)
        apostrophe = doc.apostrophe
        determiners = _lists().determiners
        where = find_words(text, [c[0] for c in candidates])
        for token, prefix, rest, shape, confidence in candidates:
            starts = where[token]
            if shape == "Capital" and not all(at_sentence_start(text, i) for i in starts):
                continue  # written mid-sentence somewhere: a surname (Lamour, Davril)
            for start in starts:
                end = start + len(token)
                isolated = is_isolated(text, start, end) or _INVERSION.match(text, end)
                if not isolated or (start and text[start - 1] in APOSTROPHES):
                    continue
                if end < len(text) and text[end] in APOSTROPHES:
                    continue
                if shape == "Capital" and name_follows(text, end):
                    continue  # Lon Hohberger: a first name
                if _abbreviation(text, end):
                    continue  # lun. 17 févr.
                if previous_word(text, start) in determiners:
                    continue  # notre lon, la dune: a noun after a determiner, not an elision
                if shape == "homograph" and not _homograph_context(text, start, end, homographs[token][2]):
                    continue  # « na ! », quelle est…: the word itself
                if protected.overlaps(start, end) or english_context(text, start, end):
                    continue
                if in_broken_word(text, start, end):
                    continue  # cuisi- nes: a piece of a hyphenated word, the hyphenation rule's business
                replacement = prefix + apostrophe + rest
                yield self.edit(
                    doc, start, end, replacement, confidence, f"apostrophe perdue : « {token} » → « {replacement} »"
                )

    @staticmethod
    def _candidate(token: str, vocab) -> tuple[str, str, str, float] | None:
        """``(prefix, rest, shape, confidence)`` when ``token`` reads as an elision glued to a word."""
        parts = _split(token)
        if parts is None:
            return None
        prefix, rest = parts
        shape = _shape(prefix, rest)
        if shape is None or not takes_elision(rest):
            return None
        p, r = prefix.lower(), rest.lower()
        lists = _lists()
        allowed = lists.only_after.get(p)
        if allowed is not None and r not in allowed:
            return None
        lex = french()
        if shape in ("name", "Name"):
            if p not in lists.before_names:
                return None
            # A name seen intact in the document, or a word/name French text uses.
            if vocab.get(rest, 0) == 0 and not lex.is_word(rest) and lex.zipf(rest) < 3.0:
                return None
            return prefix, rest, shape, BEFORE_NAME if shape == "name" else BEFORE_CAPITALISED_NAME
        if not lex.is_word(r):
            return None
        if p in lists.pronouns and not (r in ("y", "en") or lex.is_verb(r) or p == "s" and r in lists.s_before):
            return None
        if p in ("l", "d") and r in lists.not_after_article:
            return None
        if r in lists.function:
            if english_zipf(token) >= _ENGLISH_FUNCTION_MAX:
                return None
            return prefix, rest, shape, BEFORE_FUNCTION_WORD
        if english_zipf(token) >= _ENGLISH_CONTENT_MAX or len(r) < 3:
            return None
        for k in (2, 3):
            article, other = token[:k].lower(), token[k:].lower()
            if article in lists.glued_articles and lex.is_word(other) and lex.zipf(other) >= lex.zipf(r):
                return None  # lavaleur is la valeur, sespère is ses père (glued words), not l’avaleur, s’espère
        # A rare word after the elision is believable when the glued form itself is never written.
        if lex.zipf(r) < 3.0 and not (lex.zipf(token) == 0.0 and lex.zipf(r) >= 1.5):
            return None
        if shape == "lower":
            return prefix, rest, shape, 0.9
        # Capitalised (sentence start), it may be a surname (Lamour, Davril): applied only for common words
        # and when the document never writes the token mid-sentence (checked per occurrence).
        return prefix, rest, shape, 0.85 if lex.zipf(r) >= 3.5 else 0.7
