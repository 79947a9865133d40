"""Calques of machine translation: French phrases that copy a Spanish or English word in the wrong sense.

Tables in ``cleanfr/data/calques/<language>.toml`` list each calque with its inflected pattern, its
replacements, the source word, context conditions checked around each hit, a confidence and examples.
All patterns of all tables form one Aho–Corasick automaton, so the text is scanned once; context is
looked at only where a pattern matched. When the replacement changes the noun's gender, the determiner
before it and a participle after it follow (``Ce coup d'État aurait été lancé`` → ``Cette frappe aurait
été lancée``).
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Iterator

import regex

from ... import tables
from ...document import Document
from ...edits import Edit
from ...lexicon import word_lists
from ...lexicon.gender import noun_adjective_forms, nouns
from . import PhraseRule, folded_text, scan
from ._grammar import (
    DETERMINERS,
    directly_quoted,
    feminine_of,
    masculine_of,
    masculines_by_feminine,
    paragraph_bounds,
    rejoin,
    transfer_case,
)
from ._matcher import Hit, PhraseMatcher, fold_keeping_offsets, is_word_char, render

_CITE = regex.compile(r"https?://[^\s\"'<>]+\Z")

#: Lines opening code: a prompt or a definition.
_PROMPTS = ("$ ", ">>> ", "#include", "def ", "fn ", "class ", "import ")
#: Section headings of a man page.
_MAN_SECTIONS = ("SYNOPSIS", "DESCRIPTION", "OPTIONS")
_PROMPT = re.compile(r"(?m)^[ \t]*(?:" + "|".join(map(re.escape, _PROMPTS)) + ")")
_MAN_SECTION = regex.compile(f"(?:{'|'.join(_MAN_SECTIONS)})(?<!\\w(?:{'|'.join(_MAN_SECTIONS)}))(?!\\w)")
#: Marker patterns every match of which holds one of these literals: a text without any is not searched
#: (``str.__contains__`` runs through a text much faster than an expression anchored at each line or word, and
#: the rule reads them from the pass's walk of the text: :meth:`Calque.scan_triggers`).
_LITERALS: dict[regex.Pattern[str] | re.Pattern[str], tuple[str, ...]] = {
    _PROMPT: _PROMPTS,
    _MAN_SECTION: _MAN_SECTIONS,
}

# Each alternative led by its literal, the context it needs looked behind for (anchors and word boundaries first
# cost twice as much: every position of the text tried).
_LAW = regex.compile(
    r"(?m)Article(?<=(?:^|[.;:]\s)Article)\s+(?:[LRDA]\.?\s?\*?)?\d+(?:[-.]\d+)*\b"
    r"|(?:Art\.|Article)(?<=\b(?:Art\.|Article))\s+[LRD]\.?\s?\d"
    r"|Code (?<=\bCode )(?:civil|pénal|général|du travail|de commerce|de procédure|de la|des|du|de l')"
    r"|(?:écret|oi) n°(?<=\b(?:[Dd]écret|[Ll]oi) n°)"
)
_ACCOUNTING = regex.compile(
    r"\b(?:comptable|comptabilité|débit|crédit|bilan|exercice budgétaire|compte financier|grand livre|"
    r"plan comptable|agent comptable|écritures?|recettes budgétaires)\b",
    regex.I,
)
#: Marker patterns that ignore case, every match of which starts with one of these literals in the folded text (the
#: letters of the literals have no case partner but their capital, and İ is folded to i; no s, which ſ matches):
#: the expression is tried only where a literal stands, ``str.find`` reading a text many times faster than this
#: alternation tried at every position (the law markers, led by literals with capitals, are read as fast by their
#: own expression).
_FOLDED_STARTS: dict[regex.Pattern[str] | re.Pattern[str], tuple[str, ...]] = {
    _ACCOUNTING: (
        "comptab",
        "débit",
        "crédit",
        "bilan",
        "exercice budg",
        "compte financ",
        "grand livre",
        "plan compt",
        "agent compt",
        "écriture",
        "recette",
    ),
}

#: Registers a document can be written in where some calques are terms of art (``registers_not`` of an entry):
#: each is recognised by markers counted over the whole document (see :func:`registers`), the matches of each
#: of its patterns added up.
REGISTERS: dict[str, tuple[tuple[regex.Pattern[str] | re.Pattern[str], ...], int]] = {
    # statutes and regulations: numbered articles (Article L411-6, Art. R. 12), codes, decrees
    "law": (
        (_LAW,),
        3,
    ),
    # software documentation: code (calls, dotted names, options, prompts, snake_case), man-page sections. One
    # pattern per kind of marker, each led by its rare character (``(``, ``_``, ``-``, a backtick…) and looking
    # behind for the rest: one alternation of them all tried every position of the text (5 times slower).
    "tech": (
        (
            regex.compile(r"\((?<=\b[A-Za-z_]\w*\.[A-Za-z_]\w*\()"),  # a dotted call: os.path.join(
            regex.compile(r"_(?<=\b[a-z]+_)[a-z_]+\b"),  # snake_case
            re.compile(r"`[^`\n]{1,60}`"),  # inline code
            re.compile(r"-(?<!\w-)-?[a-z][\w-]+=?"),  # an option: -v, --verbose=
            _PROMPT,
            _MAN_SECTION,
            regex.compile(r"\(\)(?<=\b\w+\(\))"),  # a call without arguments: main()
            re.compile(r"#\[derive"),
            regex.compile(r"/(?<=\b(?:src|usr|etc)/)"),  # a path
        ),
        5,
    ),
    # accounts and budgets
    "accounting": (
        (_ACCOUNTING,),
        3,
    ),
}


def _has_markers(
    text: str, name: str, holds: Callable[[str], bool] | None = None, folded: Callable[[], str] | None = None
) -> bool:
    """Whether ``text`` holds the markers of register ``name`` often enough (counting stops there); ``holds``
    tells whether a literal of :data:`_LITERALS` is in ``text`` (by default, searched), ``folded`` gives the
    folded text (by default, folded)."""
    patterns, needed = REGISTERS[name]
    holds = text.__contains__ if holds is None else holds
    count = 0
    for pattern in patterns:
        if pattern in _LITERALS and not any(map(holds, _LITERALS[pattern])):
            continue
        if pattern in _FOLDED_STARTS:
            haystack = fold_keeping_offsets(text) if folded is None else folded()
            matches: Iterable[object] = _matches_at(pattern, text, haystack, _FOLDED_STARTS[pattern])
        else:
            matches = pattern.finditer(text)
        for _ in matches:
            count += 1
            if count >= needed:
                return True
    return False


def _matches_at(
    pattern: regex.Pattern[str] | re.Pattern[str], text: str, haystack: str, literals: tuple[str, ...]
) -> Iterator[object]:
    """``pattern.finditer(text)`` for a pattern whose every match starts with one of ``literals`` in ``haystack``
    (``text`` or its fold, same offsets) and is never empty: the pattern is tried at each of their occurrences in
    order, from the end of the last match on."""
    following = [(at, literal) for literal in literals if (at := haystack.find(literal)) >= 0]
    heapq.heapify(following)
    done = 0
    while following:
        at, literal = following[0]
        after = haystack.find(literal, at + 1)
        if after < 0:
            heapq.heappop(following)
        else:
            heapq.heapreplace(following, (after, literal))
        if at >= done and (match := pattern.match(text, at)) is not None:
            done = match.end()
            yield match


LANGUAGE_NAMES = {"es": "l'espagnol", "en": "l'anglais", "it": "l'italien", "de": "l'allemand", "pt": "le portugais"}


@dataclass
class Entry:
    """One calque of a table (see ``cleanfr/data/calques/README`` fields in the TOML files)."""

    id: str
    language: str
    source: str
    pattern: str
    replace: list[str]
    confidence: float
    explain: str
    kind: str = "phrase"
    support: list[str] = field(default_factory=list)
    min_support: int = 1
    against: list[str] = field(default_factory=list)
    weak_against: list[str] = field(default_factory=list)
    against_regex: str = ""
    window: int = 300
    gender: str = ""
    before: str = ""
    after: str = ""
    before_not: list[str] = field(default_factory=list)
    after_not: list[str] = field(default_factory=list)
    examples: list[dict] = field(default_factory=list)
    counter: list[str] = field(default_factory=list)
    cite: str = ""
    registers_not: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.cite and not _CITE.match(self.cite):
            raise ValueError(f"calque {self.id}: cite must be one http(s) URL, not {self.cite!r}")
        unknown = set(self.registers_not) - set(REGISTERS)
        if unknown:
            raise ValueError(f"calque {self.id}: unknown register(s) {sorted(unknown)} (known: {sorted(REGISTERS)})")

    @cached_property
    def support_re(self) -> regex.Pattern[str] | None:
        return _terms(self.support)

    @cached_property
    def weak_re(self) -> regex.Pattern[str] | None:
        return _terms(self.weak_against)

    @cached_property
    def against_re(self) -> regex.Pattern[str] | None:
        parts = [p for p in (_terms_source(self.against), self.against_regex) if p]
        return regex.compile("|".join(f"(?:{p})" for p in parts)) if parts else None

    @cached_property
    def before_required(self) -> regex.Pattern[str] | None:
        return regex.compile(f"(?:{self.before})$") if self.before else None

    @cached_property
    def after_required(self) -> regex.Pattern[str] | None:
        return regex.compile(f"^(?:{self.after})") if self.after else None

    @cached_property
    def before_re(self) -> regex.Pattern[str] | None:
        return (
            regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(self.before_not) + r")['’]?\s*$")
            if self.before_not
            else None
        )

    @cached_property
    def after_re(self) -> regex.Pattern[str] | None:
        return regex.compile(r"^\s*(?:" + "|".join(self.after_not) + r")(?![\p{L}\p{M}])") if self.after_not else None


def _terms_source(terms: list[str]) -> str:
    """Words given as prefixes (``missile`` matches ``missiles``), at a word start, in folded text."""
    if not terms:
        return ""
    return r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(fold_keeping_offsets(t)) for t in terms) + ")"


def _terms(terms: list[str]) -> regex.Pattern[str] | None:
    source = _terms_source(terms)
    return regex.compile(source) if source else None


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """Every entry of every calque table, by id."""
    out: dict[str, Entry] = {}
    for path in tables.names("calques", ".toml"):
        table = tables.toml(path)
        language = table["language"]
        for raw in table.get("entry", []):
            entry = Entry(language=language, **raw)
            if entry.id in out:
                raise ValueError(f"duplicate calque id {entry.id}")
            out[entry.id] = entry
    return out


@lru_cache(maxsize=1)
def matcher() -> PhraseMatcher:
    """The calque tables alone in one automaton (for tools and tests; the rule uses the shared scan)."""
    return PhraseMatcher((e.id, e.pattern) for e in entries().values())


def registers(text: str) -> frozenset[str]:
    """The registers (:data:`REGISTERS`) ``text`` is written in: those whose markers occur often enough."""
    return frozenset(name for name in REGISTERS if _has_markers(text, name))


def _register_of(doc: Document, name: str) -> bool:
    """Whether ``doc`` is written in register ``name`` (one register's markers counted, once per document)."""
    found = doc.memo("calques.register_of", lambda d: {})
    if name not in found:
        literals = doc.memo("calques.marker_literals", _marker_literals)
        found[name] = _has_markers(doc.text, name, literals.__contains__, lambda: folded_text(doc))
    return found[name]


def _marker_literals(doc: Document) -> frozenset[str]:
    """The literals of :data:`_LITERALS` in ``doc``: the hits of their folded forms in the pass's scan whose
    text is the literal itself (every occurrence of a literal is one of its folded form, at the same place)."""
    text = doc.text
    return frozenset(hit.key for hit in scan(doc).get("marker", ()) if text.startswith(hit.key, hit.start))


_CODE_GLUE = "._/\\"
#: A word of a hit, for its capitals (compiled once: the module-level ``regex.findall`` looks its cache up at
#: every call, several times the search itself on a hit of a few words).
_LETTER_RUN = regex.compile(r"[\p{L}\p{M}]+")


def in_code_or_name(entry: Entry, text: str, start: int, end: int) -> bool:
    """True when a hit is part of a code identifier (``date.fromtimestamp(``, ``à date_string``, a path, text in
    backticks) or of a proper name (``Agenda Caché Productions``: a capital inside the hit that the entry's
    pattern does not spell, or a capitalised first word in mid-sentence)."""
    n = len(text)
    if end < n and (text[end] == "(" or text[end] in _CODE_GLUE and end + 1 < n and is_word_char(text[end + 1])):
        return True
    if start > 1 and text[start - 1] in _CODE_GLUE and is_word_char(text[start - 2]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("`", line_start, start) % 2:
        return True
    hit = text[start:end]
    letters = [c for c in hit if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return False  # a heading in capitals
    words = _LETTER_RUN.findall(hit)
    for word in words[1:]:
        if word[0].isupper() and word not in entry.pattern and fold_keeping_offsets(word) not in ("état", "états"):
            return True
    if words and words[0][0].isupper() and words[0] not in entry.pattern:
        i = start - 1
        while i >= 0 and text[i] in " \u00a0\u202f\t":
            i -= 1
        if i >= 0 and (is_word_char(text[i]) or text[i] in ",;"):
            # a capital in mid-sentence: a name (Digital, Agenda Caché Productions), unless a lone capital
            # of an institution (le ministre de la Sécurité citoyenne)
            following = _NEXT_WORD.match(text, end)
            if len(words) == 1 or following is not None and following.group(1)[0].isupper():
                return True
    return False


def context_ok(
    entry: Entry,
    text: str,
    folded: str,
    start: int,
    end: int,
    in_register: Callable[[str], bool] = lambda name: False,
) -> bool:
    """The entry's context conditions at a hit: forbidden and required neighbours, quotes, code and names,
    vetoes, required support, register of the document (``in_register`` tells whether the document is written
    in a register of :data:`REGISTERS`).

    The cheapest tests first, the register last: it reads the whole document (once), and most hits fail before."""
    if entry.before_re is not None and entry.before_re.search(folded, max(0, start - 40), start):
        return False
    if entry.after_re is not None and entry.after_re.match(folded[end : end + 60]):
        return False
    if entry.before_required is not None and not entry.before_required.search(folded, max(0, start - 40), start):
        return False
    if entry.after_required is not None and not entry.after_required.match(folded[end : end + 60]):
        return False
    if directly_quoted(text, start, end):
        return False
    if in_code_or_name(entry, text, start, end):
        return False
    para_start, para_end = paragraph_bounds(text, start, end)
    lo, hi = max(0, start - entry.window), min(len(text), end + entry.window)
    if entry.against_re is not None:
        near_lo, near_hi = max(para_start, start - entry.window // 2), min(para_end, end + entry.window // 2)
        if entry.against_re.search(folded, near_lo, near_hi):
            return False
    if entry.support_re is not None:
        count = _count(entry.support_re, folded, lo, start, end, hi)
        if entry.weak_re is not None:
            count -= _count(entry.weak_re, folded, lo, start, end, hi)
        if count < entry.min_support:
            return False
    return not any(map(in_register, entry.registers_not))


def _count(pattern: regex.Pattern[str], folded: str, lo: int, start: int, end: int, hi: int) -> int:
    """Occurrences of ``pattern`` in the window around a hit, the hit itself excluded."""
    return len(pattern.findall(folded, lo, start)) + len(pattern.findall(folded, end, hi))


_NEXT_WORD = regex.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]++([\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*)")
_PREV_WORD = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]+(?:[ \u00a0\u202f]+|['’])$")


@dataclass(frozen=True)
class _Words:
    """The word lists of ``phrases/calques.toml`` the rule's grammar asks about, and their unions, made once."""

    #: Forms of « être » before an attribute or a participle.
    etre: frozenset[str]
    #: Forms of « avoir » that lead to « été » (``a été suspendue``).
    avoir: frozenset[str]
    #: What a verb phrase may hold before the word that agrees: those forms, negation, adverbs, pronouns.
    pass_through: frozenset[str]
    #: Words that open a noun complement after the replaced noun (``l'examen du budget``).
    complement_start: frozenset[str]
    #: Articles and determiners, singular and plural.
    articles: frozenset[str]
    #: Words before the head noun of a table's phrase: articles, determiners, prepositions.
    leading: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    """Read at the first repair, not at import (the rule modules are imported on start-up)."""
    lists = word_lists("phrases/calques.toml")
    etre, avoir = lists["etre_forms"], lists["avoir_forms"]
    articles = frozenset(DETERMINERS) | lists["plural_determiners"]
    return _Words(
        etre=etre,
        avoir=avoir,
        pass_through=etre | avoir | lists["pass_through"],
        complement_start=lists["complement_start"],
        articles=articles,
        leading=articles | lists["leading_prepositions"],
    )


class Calque(PhraseRule):
    """Calque of a Spanish or English word, repaired from the calque tables, with context checks.

    Example: ``Les missiles ont touché la région. Ce coup d'État aurait eu lieu mardi.`` →
    ``… Cette frappe aurait eu lieu mardi.`` (Spanish *golpe*), while ``le coup d'État de 1973
    contre le président Allende`` stays. Style calques (``prendre place`` → ``avoir lieu``) with a
    confidence below 0.8 are only suggested.
    """

    id = "calque"
    category = "calque"
    description = "calques de l'espagnol et de l'anglais (tables cleanfr/data/calques), avec contexte"

    @classmethod
    def scan_patterns(cls) -> Iterable[tuple[str, str]]:
        return ((f"calque:{e.id}", e.pattern) for e in entries().values())

    @classmethod
    def scan_triggers(cls) -> Iterable[tuple[str, str]]:
        # The register markers' literals: seven prompts and three man-page headings searched with str.__contains__
        # cost more than the expressions they gate (see _marker_literals).
        return ((f"marker:{literal}", literal) for literals in _LITERALS.values() for literal in literals)

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        folded = folded_text(doc)
        table = entries()
        done_until = -1
        hits = scan(doc).get("calque", ())
        for hit in hits:
            if hit.start < done_until:
                continue
            entry = table[hit.key]
            # Only the registers the entry names are read (a register scan reads the whole document), and only
            # for a hit that passes every other test.
            if not context_ok(entry, text, folded, hit.start, hit.end, lambda name: _register_of(doc, name)):
                continue
            done_until = hit.end
            yield from self._repair(doc, entry, hit)

    def _repair(self, doc: Document, entry: Entry, hit: Hit) -> Iterator[Edit]:
        text = doc.text
        original = text[hit.start : hit.end]
        replacements = [transfer_case(original, render(r, hit.choices, entry.pattern)) for r in entry.replace]
        if not replacements:
            return
        best = replacements[0]
        others = f" (ou : {', '.join('« ' + r + ' »' for r in replacements[1:])})" if len(replacements) > 1 else ""
        message = (
            f"calque de {LANGUAGE_NAMES.get(entry.language, entry.language)} « {entry.source} » : "
            f"« {original} » → « {best} »{others} ; {entry.explain}"
        )
        start, end = hit.start, hit.end
        new_gender = _gender_change(original, best, entry.gender)
        prev = _PREV_WORD.search(text, max(0, start - 30), start)
        if prev:
            prefix = prev.group(0)
            fitted = rejoin(prefix, new_gender or _gender(best), best, doc.apostrophe)
            fitted, best = _contract(fitted, best)
            if fitted is None:
                return  # the word before cannot be made to fit (h, unknown gender): leave the phrase alone
            if fitted != prefix:
                best = fitted + best
                start = prev.start()
        yield self.edit(doc, start, end, best, entry.confidence, message)
        if new_gender:
            plural = fold_keeping_offsets(best.split()[-1])[-1:] in ("s", "x")
            yield from self._agree_after(doc, hit.end, entry.confidence, message, plural, new_gender)

    def _agree_after(
        self, doc: Document, pos: int, confidence: float, message: str, plural: bool, gender: str
    ) -> Iterator[Edit]:
        """The participle or adjective after a noun whose gender changed, put in the new gender: ``été
        lancé`` → ``été lancée``; ``la tramitation du budget a été suspendue`` → ``l'examen du budget a été
        suspendu`` (a ``de`` complement of two words at most is crossed before the verb)."""
        text = doc.text
        words = _words()
        agree, label = (feminine_of, "féminin") if gender == "f" else (masculine_of, "masculin")
        after_etre = False
        complement = 0  # words of a « de » complement crossed (du budget, de la loi)
        for i in range(8):
            m = _NEXT_WORD.match(text, pos)
            if m is None:
                return
            word = m.group(1)
            low = word.lower()
            if i == 0 and low in words.complement_start:
                complement = 1
                pos = m.end()
                continue
            if complement and not after_etre and low not in words.pass_through:
                if complement > 3 or not word.isalpha():
                    return
                complement += 1
                pos = m.end()
                continue
            if i == 0 and not after_etre and low not in words.pass_through:
                if gender == "f":
                    singular = low[:-3] + "al" if low.endswith("aux") else low.rstrip("sx")  # municipaux
                    known = singular in _adjectives() or low in _adjectives()
                else:
                    feminines = masculines_by_feminine()
                    known = low in feminines or plural and low[:-1] in feminines
                following = _NEXT_WORD.match(text, m.end())
                if following is not None and following.group(1).lower() in words.articles:
                    return  # ``sur les voitures``: a preposition that is also an adjective, not an epithet
                new = agree(word, plural) if known else None
                if new and new != word:
                    yield self.edit(doc, m.start(1), m.end(1), new, confidence, f"accord au {label} ; {message}")
                elif known or low not in noun_adjective_forms()[0]:
                    return
                # The epithet agreed, or one form for both genders (``parlementaire``): the verb may follow.
                pos = m.end()
                continue
            if low in words.pass_through:
                if complement and low not in words.etre and low not in words.avoir:
                    return  # « de la loi ne … »: no verb of the head noun in sight
                after_etre = after_etre or low in words.etre
                pos = m.end()
                continue
            if after_etre:
                new = agree(word, plural)
                if new and new != word:
                    yield self.edit(doc, m.start(1), m.end(1), new, confidence, f"accord au {label} ; {message}")
            return


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    from ...lexicon.gender import adjective_feminines

    return frozenset(adjective_feminines())


_CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


def _contract(prefix: str | None, replacement: str) -> tuple[str | None, str]:
    """``à`` + ``le sommet`` → ``au sommet``: the preposition before a replacement that starts with an article."""
    if prefix is None:
        return None, replacement
    head, _, rest = replacement.partition(" ")
    word = prefix.rstrip(" \u00a0\u202f")
    merged = _CONTRACTIONS.get((fold_keeping_offsets(word), fold_keeping_offsets(head)))
    if merged is None or not rest:
        return prefix, replacement
    return "", transfer_case(word, merged) + " " + rest


def _gender(phrase: str) -> str:
    """Gender (``m``/``f``) of the noun a phrase starts with (singular or plural in -s/-x), or ``""``."""
    # The head noun: the first word that is no article, determiner or preposition (``la tramitation``).
    # A noun the lexicon lacks (the calque itself: ``tramitation``) takes the gender of its determiner.
    words = [w for w in (fold_keeping_offsets(w).split("'")[-1] for w in phrase.split()) if w]
    determiner = ""
    leading = _words().leading
    while len(words) > 1 and words[0] in leading:
        determiner = DETERMINERS[words[0]][0] if words[0] in DETERMINERS else determiner
        words = words[1:]
    if not words:
        return ""
    word = words[0]
    lex = nouns()
    g = lex.get(word, ("", ""))[0]
    if not g and word[-1:] in ("s", "x"):
        g = lex.get(word[:-1], ("", ""))[0]
    if not g and word not in lex and word[-1:] not in ("s", "x"):
        g = determiner
    return g if g in ("m", "f") else ""


def _gender_change(original: str, replacement: str, declared: str = "") -> str:
    """``f`` or ``m`` when the head noun's gender changes from the matched text to the replacement
    (``declared`` by the entry for a replacement the lexicon gives both genders, like ``solde``)."""
    a, b = _gender(original), declared or _gender(replacement)
    return b if a and b and a != b else ""
