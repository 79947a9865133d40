"""The pattern language of the phrase tables, and one Aho–Corasick matcher for all of them.

Tables describe French phrases with a small pattern language, expanded once into every surface form and
compiled into one automaton over the *folded* text (lower case, ’ → ', same length as the original, so
offsets carry over):

- ``{coup|coups}``: alternatives; the replacement's n-th ``{…}`` group takes the alternative of the
  same index as the pattern's n-th group (``{frappe|frappes}``), which carries number and gender;
- ``<prendre>``: any simple form of the verb, or ``avoir``/``être`` + its past participle; in the
  replacement, ``<avoir>`` becomes the form with the same tense and person (``a pris`` → ``a eu``).

>>> m = PhraseMatcher([("e1", "{coup|coups} d'{état|etat}")])
>>> [(h.start, h.end, h.key) for h in m.find(fold_keeping_offsets("Ce coup d’État a eu lieu"))]
[(3, 14, 'e1')]
>>> render("{frappe|frappes}", m.find(fold_keeping_offsets("ces coups d'État"))[0].choices)
'frappes'
"""

from __future__ import annotations

import itertools
import math
import operator
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import regex

from ...lexicon.gender import conjugate, participle, verb_forms
from ...tokens import Literals

_TOKEN = regex.compile(r"\{[^{}]*\}|<[^<>]+>|\$\d|[^{}<>$]+|\$")
#: A pattern without slots: literal text only (foreign words, fixed phrases).
_PLAIN_PATTERN = regex.compile(r"[^{}<>$]+\Z")

#: Tense/person tags kept when a verb form is mapped to another verb (hunspell ``po:`` tags).
AUXILIARIES = ("avoir", "être")


def fold_keeping_offsets(text: str) -> str:
    """Lower case with ’ → ', keeping the length (so offsets in the folded text are offsets in ``text``).

    >>> fold_keeping_offsets("Coup d’État")
    "coup d'état"
    """
    # The apostrophe first: the text without ’ is often one byte a character, so the two strings alive at
    # once (before and after lower()) are half the size of the other way round.
    low = text.replace("\u2019", "'").lower()
    if len(low) != len(text):  # a rare character (İ) lower-cases to two code points: keep its first one
        low = text.replace("\u0130", "i").replace("\u2019", "'").lower()  # U+0130 is the only such character
    return low


def is_word_char(c: str) -> bool:
    """A letter, digit or combining mark (the characters that glue to a word)."""
    return c.isalnum() or bool(c) and unicodedata.category(c)[0] == "M"


# ---------------------------------------------------------------- pattern expansion and matching


@dataclass(frozen=True)
class Choice:
    """What one slot of a pattern matched: an alternative index, or a verb form (with an auxiliary)."""

    index: int = 0
    tags: frozenset[str] = frozenset()
    auxiliary: str = ""


@lru_cache(maxsize=None)
def _slot(token: str) -> tuple[tuple[str, ...], tuple[Choice, ...] | None]:
    """The folded surfaces one token of a pattern stands for, and their choices (None for literal text).

    Cached by token: ``<avoir>`` or ``{le|la}`` recur across patterns and tables.
    """
    if token.startswith("{"):
        alternatives = token[1:-1].split("|")
        return tuple(fold_keeping_offsets(alt) for alt in alternatives), tuple(
            Choice(i) for i in range(len(alternatives))
        )
    if token.startswith("<"):
        lemma = token[1:-1]
        options = [(fold_keeping_offsets(form), Choice(0, tags)) for form, tags in verb_forms(lemma)]
        pp = participle(lemma)
        for aux in AUXILIARIES:
            for form, tags in verb_forms(aux):
                if "ppas" not in tags and "ppre" not in tags:
                    options.append((f"{form} {pp}", Choice(0, tags, aux)))
        return tuple(o[0] for o in options), tuple(o[1] for o in options)
    return (fold_keeping_offsets(token),), None


#: A pattern's slots: the folded surfaces of each, with their choices (None for literal text).
_Slots = list[tuple[tuple[str, ...], tuple[Choice, ...] | None]]


def _slots(pattern: str) -> _Slots:
    return [_slot(token) for token in _TOKEN.findall(pattern)]


def _surfaces(slots: _Slots) -> Iterator[str]:
    """Every surface of a pattern, in :func:`itertools.product` order (joined in C)."""
    return map("".join, itertools.product(*[surfaces for surfaces, _ in slots]))


def _choice_lists(slots: _Slots) -> tuple[tuple[Choice, ...], ...]:
    """The choices of the slots that have some (literal text has none)."""
    return tuple(choices for _, choices in slots if choices is not None)


def expand(pattern: str) -> list[tuple[str, tuple[Choice, ...]]]:
    """Every folded surface form of a pattern with the choices that produced it.

    >>> [s for s, _ in expand("le {mardi|lundi} passé")]
    ['le mardi passé', 'le lundi passé']
    """
    slots = _slots(pattern)
    return list(zip(_surfaces(slots), itertools.product(*_choice_lists(slots))))


def _nth_choices(n: int, lists: tuple[tuple[Choice, ...], ...]) -> tuple[Choice, ...]:
    """The ``n``-th element of ``itertools.product(*lists)``, computed (mixed radix, last list fastest)."""
    out = []
    for options in reversed(lists):
        n, i = divmod(n, len(options))
        out.append(options[i])
    return tuple(reversed(out))


#: :func:`conjugate` remembered by verb and tags: it compares the tags of every form of the verb, and the same
#: few forms are asked for at hit after hit.
_conjugate = lru_cache(maxsize=4096)(conjugate)


def render(template: str, choices: Sequence[Choice], pattern: str = "") -> str:
    """The replacement for a match: the n-th slot (``{…}``, ``<…>`` or ``$N``) follows the n-th choice
    of the match; ``$N`` copies the alternative the pattern's N-th slot matched.

    >>> render("<avoir> lieu", [Choice(0, frozenset({"ipre", "3sg"}), "avoir")])
    'a eu lieu'
    >>> render("$2 dernier", [Choice(0), Choice(1)], "{le|ce} {lundi|mardi} passé")
    'mardi dernier'
    """
    out = []
    i = 0
    pattern_slots = [t for t in _TOKEN.findall(pattern) if t[0] in "{<"] if "$" in template else []
    for token in _TOKEN.findall(template):
        if token[0] == "$" and len(token) == 2:
            n = int(token[1]) - 1
            slot = pattern_slots[n]
            out.append(render(slot, [choices[n]]))
            i += 1
            continue
        choice = choices[i] if i < len(choices) else Choice()
        if token.startswith("{"):
            alts = token[1:-1].split("|")
            out.append(alts[min(choice.index, len(alts) - 1)])
            i += 1
        elif token.startswith("<"):
            lemma = token[1:-1]
            if choice.auxiliary:
                out.append(f"{_conjugate(choice.auxiliary, choice.tags)} {participle(lemma)}")
            elif choice.tags:
                out.append(_conjugate(lemma, choice.tags))
            else:
                out.append(lemma)
            i += 1
        else:
            out.append(token)
    return "".join(out)


class Hit(NamedTuple):
    """A match of a pattern or trigger: its span in the folded text, its key, what each slot matched, and the
    kind of its key for a matcher that reads keys as ``kind:key`` (see :class:`PhraseMatcher`).

    A named tuple, not a frozen dataclass: a scan makes tens of thousands of them, and a frozen dataclass
    costs twice as much to build."""

    start: int
    end: int
    key: str
    choices: tuple[Choice, ...]
    kind: str = ""


#: A pattern of more surfaces than this is stored as a few of its slots (its anchor: the leading or the trailing
#: ones) in the automaton and the others in a table read beside a hit of the anchor. ``{les|des|…} {derniers|…}
#: {2|…|cent} {heures|jours|…}`` is 10,000 surfaces written out, 42 + 243 this way; ``<supporter> {l'équipe|…}``
#: 1,935, 129 + 15 (the automaton of every table held 102,757 surfaces, most of them from the 68 patterns above it).
FACTOR_ABOVE = 256
#: The most surfaces an anchor has.
ANCHOR_AT_MOST = 4096


@dataclass(frozen=True)
class _Rest:
    """The slots of a factored pattern outside its anchor: their surfaces by length (longest first), each with
    its combinations, and where they stand (after the anchor, or before it)."""

    follows: bool
    combos: int  # combinations of these slots
    anchors: int  # combinations of the anchor's slots
    by_length: tuple[tuple[int, dict[str, list[int]]], ...]
    #: The characters of every surface next to the anchor, as many as the shortest surface has (up to
    #: three): one test rules out most hits of the anchor (« contre la loi » for « <passer> la loi »).
    edge: int
    edges: frozenset[str]

    @classmethod
    def of(cls, slots: _Slots, k: int, follows: bool) -> _Rest:
        anchor, rest = (slots[:k], slots[k:]) if follows else (slots[k:], slots[:k])
        table: dict[int, dict[str, list[int]]] = {}
        for combo, surface in enumerate(_surfaces(rest)):
            table.setdefault(len(surface), {}).setdefault(surface, []).append(combo)
        edge = min(3, *table)
        edges = frozenset(s[:edge] if follows else s[len(s) - edge :] for surfaces in table.values() for s in surfaces)
        return cls(follows, _count(rest), _count(anchor), tuple(sorted(table.items(), reverse=True)), edge, edges)

    def whole(self, anchor: int, rest: int) -> int:
        """The combination of the whole pattern (:func:`itertools.product` order, the last slot fastest)."""
        return anchor * self.combos + rest if self.follows else rest * self.anchors + anchor


def _count(slots: _Slots) -> int:
    return math.prod(len(surfaces) for surfaces, _ in slots)


def _split(slots: _Slots) -> tuple[int, bool] | None:
    """Where to cut a pattern of more than :data:`FACTOR_ABOVE` surfaces: ``(k, follows)``, the anchor being
    ``slots[:k]`` (the rest follows) or ``slots[k:]``; None to keep it whole. Of the anchors of at most
    :data:`ANCHOR_AT_MOST` surfaces, each of two words at least (an anchor of one word, « fait », would be
    completed at every use of the word), the one that leaves the fewest surfaces, anchor and rest."""
    best, cut = _count(slots), None
    for k in range(1, len(slots)):
        for follows, anchor, rest in ((True, slots[:k], slots[k:]), (False, slots[k:], slots[:k])):
            size = _count(anchor)
            if (
                size <= ANCHOR_AT_MOST
                and size + _count(rest) < best
                and all(" " in surface.strip() for surface in _surfaces(anchor))
            ):
                best, cut = size + _count(rest), (k, follows)
    return cut


def _factored(patterns: list[tuple[str, str]], triggers: list[tuple[str, str]]) -> dict[int, tuple[int, bool]]:
    """The patterns to factor: index → :func:`_split`.

    Hits of one span are of one surface, and come in the order of its patterns and combinations. A factored
    pattern's hits are made when its anchor is found, in that order; so a pattern is kept whole when one of
    its surfaces is also a whole surface or a trigger, or the surface of another factored pattern read from
    another anchor, or when its anchor is a trigger: then its hits come as the written-out surfaces' would.
    """
    cuts: dict[int, tuple[int, bool]] = {}
    for p, (_, pattern) in enumerate(patterns):
        if not _PLAIN_PATTERN.match(pattern):
            slots = _slots(pattern)
            if _count(slots) > FACTOR_ABOVE and (cut := _split(slots)):
                cuts[p] = cut
    literals = {fold_keeping_offsets(literal) for _, literal in triggers}
    while cuts:
        whole = set(literals)
        for p, (_, pattern) in enumerate(patterns):
            if p not in cuts:
                whole.update(_surfaces(_slots(pattern)))
        read_from: dict[str, tuple[int, str]] = {}  # a factored pattern's surface → (pattern, anchor) it is read from
        clashes = set()
        for p, (k, follows) in cuts.items():
            slots = _slots(patterns[p][1])
            heads, tails = (list(dict.fromkeys(_surfaces(part))) for part in (slots[:k], slots[k:]))
            for head, tail in itertools.product(heads, tails):
                surface, anchor = head + tail, head if follows else tail
                if surface in whole or anchor in literals:
                    clashes.add(p)
                elif read_from.setdefault(surface, (p, anchor))[1] != anchor:
                    clashes.update((p, read_from[surface][0]))
        if not clashes:
            break
        cuts = {p: cut for p, cut in cuts.items() if p not in clashes}
    return cuts


class PhraseMatcher:
    """All patterns of a table in one Aho–Corasick automaton; hits must fall on word boundaries.

    ``triggers`` are ``(key, literal)`` pairs found wherever the folded literal occurs, with no boundary
    test (the literal carries the characters around it that matter: ``" the "``, ``"' "``): rules whose
    gate is a few literals read the text in the same walk as the tables instead of a scan of their own.

    The automaton stores an int per surface (no Python object); which pattern and which combination of its
    slots a surface stands for is kept in arrays, and the choices are rebuilt only for the hits. A pattern
    of many surfaces has only its leading slots in the automaton (see :data:`FACTOR_ABOVE`); a hit of them
    is completed from its tail's table, and the hits are the same.

    With ``kinds``, every key reads ``kind:key``: a hit has the part before the colon as its kind and the rest
    as its key (the shared scan groups its hits by kind, each hit made once).
    """

    def __init__(
        self, patterns: Iterable[tuple[str, str]], triggers: Iterable[tuple[str, str]] = (), kinds: bool = False
    ) -> None:
        #: (kind, key, choice lists) of each pattern, then of each trigger.
        self._patterns: list[tuple[str, str, tuple[tuple[Choice, ...], ...]]] = []
        named: dict[str, str] = {}  # each kind one string

        def entry(key: str, lists: tuple[tuple[Choice, ...], ...]) -> tuple[str, str, tuple[tuple[Choice, ...], ...]]:
            if not kinds:
                return "", key, lists
            kind, _, rest = key.partition(":")
            return named.setdefault(kind, kind), rest, lists

        # Surface number i (all patterns' surfaces in order) comes from pattern _pattern_of[i], combination
        # _combo_of[i] of its slots (of its anchor's slots for a factored pattern, whose other slots are _rests[p]);
        # the automaton holds the first number of each distinct surface.
        self._pattern_of = array("L")
        self._combo_of = array("L")
        self._rests: dict[int, _Rest] = {}
        surfaces: list[str] = []
        patterns, triggers = list(patterns), list(triggers)
        cuts = _factored(patterns, triggers)
        for p, (key, pattern) in enumerate(patterns):
            if _PLAIN_PATTERN.match(pattern):  # a plain word or phrase (most entries): one surface, no choice
                self._patterns.append(entry(key, ()))
                surfaces.append(fold_keeping_offsets(pattern))
                self._pattern_of.append(p)
                self._combo_of.append(0)
                continue
            slots = _slots(pattern)
            self._patterns.append(entry(key, _choice_lists(slots)))
            count = len(surfaces)
            if p in cuts:
                k, follows = cuts[p]
                self._rests[p] = _Rest.of(slots, k, follows)
                slots = slots[:k] if follows else slots[k:]
            surfaces.extend(_surfaces(slots))
            count = len(surfaces) - count
            self._pattern_of.extend(itertools.repeat(p, count))
            self._combo_of.extend(range(count))
        bounded = len(surfaces)  # surfaces from here on are triggers
        for p, (key, literal) in enumerate(triggers, start=len(self._patterns)):
            self._patterns.append(entry(key, ()))
            surfaces.append(fold_keeping_offsets(literal))
            self._pattern_of.append(p)
            self._combo_of.append(0)
        n = len(surfaces)
        first = dict(zip(reversed(surfaces), range(n - 1, -1, -1)))
        self._more: dict[int, list[int]] = {}  # a surface several patterns or combinations share
        if len(first) < n:
            for i in itertools.compress(range(n), map(operator.ne, range(n), map(first.__getitem__, surfaces))):
                self._more.setdefault(first[surfaces[i]], []).append(i)
        if any((i < bounded) != (j < bounded) for i, more in self._more.items() for j in more):
            raise ValueError("a trigger is also the surface of a pattern")
        #: Surface numbers below this one fall on word boundaries; triggers match anywhere.
        self._bounded = bounded
        #: The surfaces (first numbers) that are the anchor of a factored pattern, alone or with others.
        self._anchors = frozenset(
            i for i in first.values() if any(self._pattern_of[j] in self._rests for j in (i, *self._more.get(i, ())))
        )
        #: For an anchor all of whose patterns read their other slots before it: the characters one of their hits
        #: has just before the anchor (as many as the shortest of their edges). Most hits of such an anchor
        #: (`` la loi`` of ``<passer> la loi``) follow no form of the verb, and are ruled out on this test
        #: before :meth:`_complete` is called.
        self._edges_before: dict[int, tuple[int, frozenset[str]]] = {}
        for i in self._anchors:
            rests = [self._rests.get(self._pattern_of[j]) for j in (i, *self._more.get(i, ()))]
            before = [rest for rest in rests if rest is not None and not rest.follows]
            if len(before) == len(rests):
                k = min(rest.edge for rest in before)
                self._edges_before[i] = (k, frozenset(edge[len(edge) - k :] for rest in before for edge in rest.edges))
        # The automaton's key i is the surface first[i] stands for: _surface_ids maps it back.
        self._surface_ids = array("L", first.values())
        #: Per key of the automaton: 1 when a word character right after a raw match of it is enough to reject
        #: the match (a surface with word boundaries, not an anchor, that ends in a word character). Most raw
        #: matches (``form`` in ``forme``) are rejected on this one test.
        self._glued_end = bytes(
            sid < bounded and sid not in self._anchors and is_word_char(surface[-1]) for surface, sid in first.items()
        )
        self._literals = Literals(list(first))
        self.size = len(first)

    def find(self, folded: str) -> list[Hit]:
        """Every hit in ``folded`` (see :func:`fold_keeping_offsets`), by position, longest first; callers pick among overlaps
        (a longer hit whose context fails leaves room for a shorter one)."""
        if not self.size:
            return []
        hits: list[Hit] = []
        n = len(folded)
        append = hits.append
        patterns, more, anchors = self._patterns, self._more, self._anchors
        pattern_of, combo_of, bounded = self._pattern_of, self._combo_of, self._bounded
        category = unicodedata.category
        # is_word_char inlined (most raw matches end inside a longer word: ``form`` in ``forme``): an ASCII
        # character is no combining mark, so only a non-ASCII one asks for its category.
        surface_ids, glued_end, edges_before = self._surface_ids, self._glued_end, self._edges_before
        for index, start, end in self._literals.matches(folded):
            if glued_end[index] and end < n:
                after = folded[end]
                if after.isalnum() or after > "\x7f" and category(after)[0] == "M":
                    continue
            sid = surface_ids[index]
            if sid in anchors:  # the boundaries of a factored pattern's hit are around the whole of it
                edges = edges_before.get(sid)
                if edges is None or start >= edges[0] and folded[start - edges[0] : start] in edges[1]:
                    self._complete(folded, start, end, sid, append)
                continue
            if sid < bounded:
                if start > 0:
                    before = folded[start - 1]
                    if (
                        before.isalnum()
                        or before == "-"
                        and is_word_char(folded[start])
                        or before > "\x7f"
                        and category(before)[0] == "M"
                    ):
                        continue
                if end < n:
                    after = folded[end]
                    if after.isalnum() or after > "\x7f" and category(after)[0] == "M":
                        last = folded[end - 1]
                        if last.isalnum() or last > "\x7f" and category(last)[0] == "M":
                            continue
            for i in (sid, *more[sid]) if sid in more else (sid,):
                kind, key, lists = patterns[pattern_of[i]]
                append(Hit(start, end, key, _nth_choices(combo_of[i], lists) if lists else (), kind))
        # By start, longest first (ties kept in the order found): two stable sorts on C keys, the second the main one.
        hits.sort(key=_END, reverse=True)
        hits.sort(key=_START)
        return hits

    def _complete(self, folded: str, start: int, end: int, sid: int, append: Callable[[Hit], None]) -> None:
        """The hits of a surface at ``start:end`` that anchors a factored pattern (and may be whole for others)."""
        n = len(folded)
        found: list[tuple[int, int, Hit]] = []  # (pattern, combination, hit)
        for i in (sid, *self._more[sid]) if sid in self._more else (sid,):
            p, combo = self._pattern_of[i], self._combo_of[i]
            kind, key, lists = self._patterns[p]
            rest = self._rests.get(p)
            if rest is None or rest.follows:
                if not _free_before(folded, start):
                    continue
                if rest is None:
                    if end == n or not _glued(folded, end):
                        found.append((p, combo, Hit(start, end, key, _nth_choices(combo, lists), kind)))
                    continue
                if folded[end : end + rest.edge] not in rest.edges:
                    continue
                for length, table in rest.by_length:
                    stop = end + length
                    combos = table.get(folded[end:stop])
                    if combos is not None and (stop == n or not _glued(folded, stop)):
                        for other in combos:
                            whole = rest.whole(combo, other)
                            found.append((p, whole, Hit(start, stop, key, _nth_choices(whole, lists), kind)))
                continue
            if end < n and _glued(folded, end) or folded[max(0, start - rest.edge) : start] not in rest.edges:
                continue
            for length, table in rest.by_length:
                begin = start - length
                combos = table.get(folded[begin:start]) if begin >= 0 else None
                if combos is not None and _free_before(folded, begin):
                    for other in combos:
                        whole = rest.whole(combo, other)
                        found.append((p, whole, Hit(begin, end, key, _nth_choices(whole, lists), kind)))
        # One span is one surface: its hits in the order of the written-out surfaces (pattern, combination).
        found.sort(key=_WRITTEN_ORDER)
        for _, _, hit in found:
            append(hit)


_WRITTEN_ORDER = operator.itemgetter(0, 1)
_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


def _free_before(folded: str, start: int) -> bool:
    """Whether a match may begin at ``start``: no word character runs into it (a hyphen counts before a word)."""
    if not start:
        return True
    before = folded[start - 1]
    return not (
        before.isalnum()
        or before == "-"
        and is_word_char(folded[start])
        or before > "\x7f"
        and unicodedata.category(before)[0] == "M"
    )


def _glued(folded: str, end: int) -> bool:
    """Whether a match ending at ``end`` (< len) runs on into a word: a word character on both sides of ``end``."""
    after = folded[end]
    if after.isalnum() or after > "\x7f" and unicodedata.category(after)[0] == "M":
        last = folded[end - 1]
        return last.isalnum() or last > "\x7f" and unicodedata.category(last)[0] == "M"
    return False
