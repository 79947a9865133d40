"""Duplicated headlines and paragraphs: a title followed by a degraded copy, a lede pasted twice.

Blocks are compared after folding case, accents, apostrophes, punctuation and spaces
(:func:`cleanfr.rules.blocks._lines.block_key`). In the headline zone (the first few blocks) two neighbouring blocks
are copies when they have the same block key, or when one is a prefix of the other and it is
visibly a copy (it lost accents or apostrophes, it is cut with ``…``, or it ends a sentence the
other continues); the better copy stays. Elsewhere a paragraph of at least eight words that
reappears later is removed, the first occurrence staying. Documents are scanned in one pass:
every line's consonant skeleton goes into a dict, and only colliding lines are compared.

Structural repeats stay: short lines (headings such as ``Article 12``), list items, table rows,
dialogue lines, refrains (a line repeated three times or more), and documents that repeat many
paragraphs (law codes, manual pages), where a repeat is only suggested.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from rapidfuzz.fuzz import ratio

from . import BlockRule, PlanState, Proposal
from ._lines import block_key, preview, skeleton_lines, word_count

#: The first blocks of a document, where the title, subtitle and lede stand.
HEADLINE_ZONE = 5
#: A paragraph shorter than this is never a duplicate (headings, datelines, short lines of verse).
MIN_WORDS = 8
#: A skeleton at least this long stands for a line of about eight words or more.
MIN_SKELETON = 24
#: A document repeating more distinct paragraphs than this is repetitive by nature.
MAX_REPEATED_GROUPS = 3
#: A repeat may be far from its first occurrence only in a document of this many blocks or fewer.
SMALL_DOCUMENT = 150
REPEATED_LEDE = "chapeau repris au début du paragraphe suivant"
LEDE_BLOCKS = 3
LEDE_REACH = 40
#: Folded texts at least this similar (rapidfuzz ratio) are near-exact copies.
NEAR_RATIO = 92.0

#: Stated confidences of a headline copy: identical after folding; cut short (the copy is a prefix); the
#: lede pasted again at the start of the next paragraph; near-identical (title and lede only).
SAME_HEADLINE = 0.95
TRUNCATED_HEADLINE = 0.92
LEDE_REPEATED = 0.85
NEAR_HEADLINE = 0.85
#: Stated confidences of a repeated paragraph (exact copy, near copy): right after its first occurrence; the
#: lede repeated near the top; further away in a small document; anywhere in a long text.
NEXT_PARAGRAPH, NEXT_PARAGRAPH_NEAR = 0.95, 0.85
LEDE_PARAGRAPH, LEDE_PARAGRAPH_NEAR = 0.9, 0.82
FAR_PARAGRAPH, FAR_PARAGRAPH_NEAR = 0.85, 0.7
FAR_IN_LONG_TEXT = 0.5

_STRUCTURAL = re.compile(r"\A(?:\s*(?:[-*•·▪◦–—―]|\d{1,3}[.)°]|[a-zA-Z][.)]\s|\(\w{1,3}\))|.*(?:\t|\|.*\||\S {3,}\S))")
_DIACRITIC_OR_APOSTROPHE = re.compile(r"[’'À-ÖØ-öø-ÿŒœ]")
_PUNCT = re.compile(r"[,.;:!?«»\"“”()]")
_NON_DIGITS = re.compile(r"\D+")
_TRUNCATION = re.compile(r"(?:…|\.{3}|\[…\]|\[\.\.\.\])\s*[»”\"]?\s*$")


def quality(text: str) -> tuple[int, int, int]:
    """How much of its typography a copy kept: accents and apostrophes, punctuation, length.

    >>> quality("L’Ukraine, première") > quality("LUkraine premiere")
    True
    """
    return (len(_DIACRITIC_OR_APOSTROPHE.findall(text)), len(_PUNCT.findall(text)), len(text))


def self_repetitive(text: str) -> bool:
    """A line that repeats its own words (``Nadine Morano Nadine Morano …``) is a text effect."""
    words = text.lower().split()
    return len(words) >= 4 and len(set(words)) * 2 < len(words)


def raw_prefix_end(text: str, folded_length: int) -> int:
    """Offset in ``text`` where its block key reaches ``folded_length`` characters."""
    n = 0
    for i, ch in enumerate(text):
        if n >= folded_length:
            return i
        n += len(block_key(ch))
    return len(text)


def prefix_copy(short: str, long: str) -> str | None:
    """Why ``short`` (whose block_key begins ``long``'s block_key) is a copy of ``long``'s beginning, or None.

    >>> prefix_copy("LUkraine attaque le territoire russe pour la premiere fois avec",
    ...             "L’Ukraine attaque le territoire russe pour la première fois avec des missiles")
    'copie dégradée'
    >>> prefix_copy("Macron démissionne", "« Macron démissionne », titrait Le Monde.") is None
    True
    """
    if word_count(short) < 4:
        return None
    cut = raw_prefix_end(long, len(block_key(short)))
    head, rest = long[:cut], long[cut:]
    if quality(short)[0] < quality(head)[0]:
        return "copie dégradée"
    if _TRUNCATION.search(short):
        return "copie tronquée"
    following = rest.lstrip(' \t\u00a0\u202f.!?…»”"’)')
    closing = rest[: len(rest) - len(following)]
    opening = following.lstrip(' \t\u00a0\u202f«“"—–-')[:1]
    if (
        word_count(short) >= MIN_WORDS
        and any(c in ".!?…" for c in closing)
        and (opening.isupper() or opening.isdigit())
    ):
        return REPEATED_LEDE
    return None


def lines_as_cut(state: PlanState) -> tuple[list[str], list[bytes]]:
    """The lines and their skeletons as they will read after the in-line cuts of the other rules (a tweet
    link goes), so a second run finds nothing new (computed once for both duplicate rules)."""

    def compute(state: PlanState) -> tuple[list[str], list[bytes]]:
        skeletons = skeleton_lines(state.seg.text)
        texts = list(state.seg.texts)
        for li, text in state.texts_after_cuts().items():
            texts[li] = text
            skeletons[li] = skeleton_lines(text)[0]
        return texts, skeletons

    return state.memo("duplicates.lines", compute)


def _headlines(state: PlanState, texts: list[str], skeletons: list[bytes]) -> None:
    alive = state.surviving_units()
    zone = alive[:HEADLINE_ZONE]
    counts: Counter[bytes] | None = None
    # The folded beginnings of the blocks past the first, for the gate: each is read with two neighbours.
    heads = {li: block_key(texts[li][:_GATE_CHARS]) for li in zone[1:]} if len(zone) > 2 else {}
    k = 0
    while k + 1 < len(zone):
        a, b = zone[k], zone[k + 1]
        if k > 0 and not _may_prefix(heads[a], heads[b]):
            k += 1  # the gate: every verdict but the near-identical title and lede needs one fold to begin the other
            continue
        verdict = _compare_headlines(texts[a], texts[b], fuzzy=k == 0)
        if verdict is None:
            k += 1
            continue
        if counts is None:  # the whole text is counted only once two blocks look like copies
            counts = Counter(map(skeletons.__getitem__, alive))
        if max(counts[skeletons[a]], counts[skeletons[b]]) > 2:  # a refrain
            k += 1
            continue
        victim_is_a, confidence, why = verdict
        victim, kept = (a, b) if victim_is_a else (b, a)
        message = f"titre en double ({why}) supprimé : « {preview(texts[victim])} », gardé : « {preview(texts[kept])} »"
        state.remove(Proposal(DuplicateHeadline.id, "dup_headline", confidence, message, line=victim))
        zone.remove(victim)  # the kept block is compared with the next one


def _compare_headlines(ta: str, tb: str, fuzzy: bool) -> tuple[bool, float, str] | None:
    """(remove the first?, confidence, reason) when two neighbouring blocks are copies.

    Near-identical blocks (``fuzzy``) only count for the first two blocks, title and lede: further
    down, a paragraph quoting a tweet or a speech that stands next to it is no copy.
    """
    fa, fb = block_key(ta), block_key(tb)
    # How the folds relate decides first (most neighbours are no copies); the refusals below cost more.
    same, prefix = fa == fb, fb.startswith(fa) or fa.startswith(fb)
    if not same and not prefix and not (fuzzy and _near(fa, fb)):
        return None
    if self_repetitive(ta) or self_repetitive(tb):
        return None
    if len(fa) < 12 or len(fb) < 12 or min(word_count(ta), word_count(tb)) < 4:
        return None
    sa, sb = sense(ta), sense(tb)
    # cbreak identique à -icanon / -cbreak identique à icanon: two statements, no copy; a truncated copy
    # keeps the signs, numbers and negations of the part it keeps
    if sa[: len(sb)] != sb[: len(sa)]:
        return None
    if same:
        first_worse = quality(ta) < quality(tb)
        return first_worse, SAME_HEADLINE, "copie identique" if ta == tb else "copie dégradée"
    if prefix:
        short_is_a = len(fa) < len(fb)
        short, long = (ta, tb) if short_is_a else (tb, ta)
        why = prefix_copy(short, long)
        if why is None:
            return None
        return short_is_a, (LEDE_REPEATED if why == REPEATED_LEDE else TRUNCATED_HEADLINE), why
    return quality(ta) < quality(tb), NEAR_HEADLINE, "copie presque identique"


def _near(fa: str, fb: str) -> bool:
    """Whether two folds are near-identical: long, with the same digits, and close in rapidfuzz ratio."""
    short, total = min(len(fa), len(fb)), len(fa) + len(fb)
    # ratio is 200 × (longest common subsequence) / total, at most 200 × short / total: folds of lengths too far
    # apart are refused before any comparison (a title beside its lede)
    if short < 40 or 200 * short < (NEAR_RATIO + 3) * total:
        return False
    return _NON_DIGITS.sub("", fa) == _NON_DIGITS.sub("", fb) and ratio(fa, fb) >= NEAR_RATIO + 3


#: Characters of each block folded by :func:`_may_prefix`.
_GATE_CHARS = 48


def _may_prefix(ga: str, gb: str) -> bool:
    """Whether two blocks whose first characters fold to ``ga`` and ``gb`` can fold equal or one to a prefix of
    the other (:func:`block_key` works character by character, so the fold of a beginning begins the fold).

    >>> heads = [block_key(t[:_GATE_CHARS]) for t in ("L’Ukraine attaque le territoire", "LUkraine attaque", "Un autre")]
    >>> _may_prefix(heads[0], heads[1]), _may_prefix(heads[0], heads[2])
    (True, False)
    """
    return ga.startswith(gb) or gb.startswith(ga)


def _paragraphs(state: PlanState, texts: list[str], skeletons: list[bytes]) -> None:
    alive = state.surviving_units()
    alive_skeletons = list(map(skeletons.__getitem__, alive))
    if len(set(alive_skeletons)) == len(alive_skeletons):
        return  # no line repeats (counted in C): the usual case
    twice = {sk for sk, n in Counter(alive_skeletons).items() if n > 1 and len(sk) >= MIN_SKELETON}
    if not twice:
        return  # only short lines repeat (blank-ish lines, headings)
    groups: dict[bytes, list[int]] = defaultdict(list)
    for k, sk in enumerate(alive_skeletons):
        if sk in twice:
            groups[sk].append(k)
    repeated = list(groups.values())
    pairs = []
    for ks in repeated:
        if any(_structural(texts[alive[k]]) for k in ks):
            continue
        if len(ks) > 2:  # a refrain, a repeated form: structure, not damage
            continue
        pairs.append((ks[0], ks[1]))
    if len(pairs) > MAX_REPEATED_GROUPS:  # a code, a manual: repeats are its structure
        return
    for first, later in pairs:
        ta, tb = texts[alive[first]], texts[alive[later]]
        fa, fb = block_key(ta), block_key(tb)
        exact = fa == fb
        if not exact and ratio(fa, fb) < NEAR_RATIO or not same_sense(ta, tb):
            continue  # au-dessus / au-dessous is no copy of the other
        confidence = _paragraph_confidence(first, later, len(alive), word_count(ta), exact)
        where = "juste après" if later == first + 1 else f"déjà au bloc {first + 1}"
        message = f"paragraphe répété ({where}) supprimé : « {preview(tb)} »"
        state.remove(Proposal(DuplicateParagraph.id, "dup_paragraph", confidence, message, line=alive[later]))


#: What a copy keeps even when degraded (accents, apostrophes, case lost) and what two statements differ
#: by: signs glued to a word (``-icanon``), numbers and negations.
_SENSE = re.compile(
    r"(?<!\w)[-+±<>=≠]\w+|(?<!\w)\w+[+]|\d+(?:[.,]\d+)*|(?<!\w)(?:ne|n['’]|pas|non|sans|jamais|aucune?|ni|dessus|dessous)(?!\w)",
    re.IGNORECASE,
)


def sense(text: str) -> list[str]:
    """The signs, numbers and negations of a block, in order."""
    return [t.lower() for t in _SENSE.findall(text)]


def same_sense(a: str, b: str) -> bool:
    """Whether two blocks agree on their signs, numbers and negations (a copy does, two statements may not).

    >>> same_sense("LUkraine attaque pour la premiere fois", "L’Ukraine attaque pour la première fois")
    True
    >>> same_sense("cbreak identique à -icanon", "-cbreak identique à icanon"), same_sense("au-dessus de 3", "au-dessous de 3")
    (False, False)
    """
    return sense(a) == sense(b)


def _structural(text: str) -> bool:
    return word_count(text) < MIN_WORDS or self_repetitive(text) or _STRUCTURAL.match(text) is not None


def _paragraph_confidence(first: int, later: int, blocks: int, words: int, exact: bool) -> float:
    """Sure for a paragraph pasted twice in a row or a lede repeated; doubtful far apart in a long text."""
    if later == first + 1:
        return (NEXT_PARAGRAPH, NEXT_PARAGRAPH_NEAR)[not exact]
    if first < LEDE_BLOCKS and later < LEDE_REACH:
        return (LEDE_PARAGRAPH, LEDE_PARAGRAPH_NEAR)[not exact]
    if blocks <= SMALL_DOCUMENT and words >= 15:
        return (FAR_PARAGRAPH, FAR_PARAGRAPH_NEAR)[not exact]
    return FAR_IN_LONG_TEXT


class DuplicateHeadline(BlockRule):
    """Remove a copy of the headline (or lede) next to it, keeping the better copy.

    Example: under ``L’Ukraine attaque le territoire russe pour la première fois avec des missiles
    américains ATACMS…`` the line ``LUkraine attaque le territoire russe pour la premiere fois
    avec`` (accents and apostrophe lost, cut short) is removed. ``« Macron démissionne », titrait
    Le Monde.`` under the title ``Macron démissionne`` stays: it quotes the title.
    """

    id = "dup-headline"
    category = "dup_headline"
    description = "titre ou chapeau répété (copie dégradée, tronquée ou identique) en tête de document"
    order = 30
    after_cuts = True

    def propose(self, state: PlanState) -> None:
        _headlines(state, *lines_as_cut(state))


class DuplicateParagraph(BlockRule):
    """Remove a paragraph of eight words or more that repeats an earlier one (after folding).

    Example: a lede pasted again as the second paragraph is removed, the first one stays. Short
    lines (``Article 12``), list items, table rows, dialogue lines and refrains repeated three
    times or more are never touched.
    """

    id = "dup-paragraph"
    category = "dup_paragraph"
    description = "paragraphe répété plus loin dans le document (copie exacte ou presque)"
    order = 30
    after_cuts = True

    def propose(self, state: PlanState) -> None:
        _paragraphs(state, *lines_as_cut(state))
