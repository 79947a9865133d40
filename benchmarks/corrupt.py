"""Corruption generator: damage clean French paragraphs in known ways and keep the ground truth.

Each artefact class of issue 5 is injected with the exact span it occupies in the corrupted text and the text
that must replace it:

- ``glued``: the space between two adjacent words removed (``officielle qui`` → ``officiellequi``);
- ``apostrophe``: the apostrophe of an elision removed (``qu’il`` → ``quil``, ``l’Ukraine`` → ``lUkraine``);
- ``elision``: an elision written out (``d’une`` → ``de une``, ``s’il`` → ``si il``, ``l’avion`` → ``le avion``);
- ``accents``: every accent of a paragraph stripped (one injection per word changed);
- ``hyphenation``: a word cut at the end of a line (``exem-\\nple``) or the same flattened (``exem- ple``);
- ``capitalization``: a lower-case word mid-sentence capitalised (``Balistique``);
- ``ocr``: a letter confused as old-print OCR does (``m`` → ``rn``, ``h`` → ``li``, ``s`` → ``ſ``, ``e`` → ``c``);
- ``typography``: the space inside French quotation marks removed (``« mot »`` → ``«mot»``) or a space put
  before a comma.

Paragraphs come from ``../shared/data/clean/`` (Code civil and novels; the man pages are technical) and
``../shared/data/news_clean/``, read by path. A document is a run of consecutive paragraphs of one source
(one article, one stretch of a novel): a real document has one typographer and one cast of names, and the
rules that follow a document's conventions or its own vocabulary must see one. The generator is
deterministic for a given seed.

    python benchmarks/corrupt.py   # prints a few corrupted paragraphs with their ground truth
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

CLASSES = ("glued", "apostrophe", "elision", "accents", "hyphenation", "capitalization", "ocr", "typography")

_WORD_PAIR = re.compile(r"(?<![\w'’-])([^\W\d_]{3,}) ([^\W\d_]{2,})(?![\w'’-])")
_ELIDED = re.compile(
    r"(?<![\w'’-])(quoiqu|puisqu|lorsqu|jusqu|qu|[ldjmnstc])(['’])([^\W\d_]+)", re.IGNORECASE
)
_LOWER_WORD = re.compile(r"(?<=[a-zàâéèêëîïôûç,] )([a-zàâçéèêëîïôûœ]{4,})(?= [a-zàâéèêëîïôûç])")
_LONG_WORD = re.compile(r"(?<![\w'’-])([a-zàâçéèêëîïôûœ]{8,})(?![\w'’-])")
_QUOTE = re.compile(r"«[ \u00a0\u202f]([^«»\n]{1,80}?)[ \u00a0\u202f]»")
_COMMA = re.compile(r"(?<=[^\W\d_]), (?=[^\W\d_])")
_OCR = (("m", "rn"), ("h", "li"), ("s", "ſ"), ("e", "c"), ("u", "n"), ("n", "u"), ("i", "l"))
#: Expansions of an elided form (``s’il`` → ``si il`` but ``s’est`` → ``se est``).
_EXPAND = {"l": "le", "d": "de", "j": "je", "m": "me", "n": "ne", "t": "te", "c": "ce", "qu": "que",
           "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique"}


@dataclass
class Injection:
    """``text[start:end]`` of the corrupted document must become ``expected``."""

    start: int
    end: int
    expected: str
    category: str


@dataclass
class CorruptDoc:
    text: str
    injections: list[Injection] = field(default_factory=list)


def sources() -> list[list[str]]:
    """Per source file, its prose paragraphs (one line, at least 25 words) in order; files in a fixed order."""
    files = [p for p in sorted((DATA / "clean").glob("*.txt")) if not p.name.startswith("manpages")]
    files += sorted((DATA / "news_clean").glob("*.txt"))
    out = []
    for path in files:
        pars = []
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line.split()) >= 25 and not line.startswith(("Article", "—", "-")):
                pars.append(line)
        if pars:
            out.append(pars)
    return out


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).replace(
        "œ", "oe"
    )


def _pick(rng: random.Random, matches: list[re.Match]) -> re.Match | None:
    return rng.choice(matches) if matches else None


def corrupt_paragraph(par: str, category: str, rng: random.Random) -> tuple[str, list[tuple[int, int, str]]] | None:
    """The damaged paragraph and its ``(start, end, expected)`` spans, or None when the class does not apply."""
    if category == "accents":
        out, spans, pos = [], [], 0
        for m in re.finditer(r"[^\W\d_]+", par):
            out.append(par[pos : m.start()])
            start = sum(len(x) for x in out)
            bare = _strip_accents(m.group())
            out.append(bare)
            if bare != m.group():
                spans.append((start, start + len(bare), m.group()))
            pos = m.end()
        out.append(par[pos:])
        return ("".join(out), spans) if spans else None
    if category == "glued":
        m = _pick(rng, list(_WORD_PAIR.finditer(par)))
        if not m:
            return None
        new = m.group(1) + m.group(2)
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), m.group())]
    if category == "apostrophe":
        m = _pick(rng, list(_ELIDED.finditer(par)))
        if not m:
            return None
        new = m.group(1) + m.group(3)
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), m.group())]
    if category == "elision":
        m = _pick(rng, list(_ELIDED.finditer(par)))
        if not m:
            return None
        p, rest = m.group(1), m.group(3)
        low = p.lower()
        full = "si" if low == "s" and rest.lower() in ("il", "ils") else "se" if low == "s" else _EXPAND[low]
        if p[0].isupper():
            full = full.capitalize()
        new = full + " " + rest
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), m.group())]
    if category == "hyphenation":
        m = _pick(rng, list(_LONG_WORD.finditer(par)))
        if not m:
            return None
        word = m.group()
        cut = rng.randint(3, len(word) - 3)
        new = word[:cut] + rng.choice(("-\n", "- ")) + word[cut:]
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), word)]
    if category == "capitalization":
        m = _pick(rng, list(_LOWER_WORD.finditer(par)))
        if not m:
            return None
        new = m.group().capitalize()
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.end(), m.group())]
    if category == "ocr":
        candidates = [(m, a, b) for m in _LONG_WORD.finditer(par) for a, b in _OCR if a in m.group()[1:-1]]
        if not candidates:
            return None
        m, a, b = rng.choice(candidates)
        word = m.group()
        i = word.index(a, 1)
        new = word[:i] + b + word[i + 1 :]
        return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), word)]
    if category == "typography":
        m = _pick(rng, list(_QUOTE.finditer(par)))
        if m:
            new = "«" + m.group(1) + "»"
            return par[: m.start()] + new + par[m.end() :], [(m.start(), m.start() + len(new), m.group())]
        m = _pick(rng, list(_COMMA.finditer(par)))
        if not m:
            return None
        return par[: m.start()] + " , " + par[m.end() :], [(m.start(), m.start() + 3, ", ")]
    raise ValueError(category)


def make_corpus(n_docs: int = 120, per_doc: int = 16, seed: int = 5) -> list[CorruptDoc]:
    """``n_docs`` documents of up to ``per_doc`` consecutive paragraphs of one source; half the paragraphs
    carry one artefact, in turn by class."""
    rng = random.Random(seed)
    # Every paragraph is equally likely to start a document (so long novels weigh as much as they hold).
    pool = [(pars, i) for pars in sources() for i in range(len(pars))]
    docs = []
    turn = 0
    for _ in range(n_docs):
        doc = CorruptDoc("")
        pieces: list[str] = []
        offset = 0
        pars, first = rng.choice(pool)
        first = max(0, min(first, len(pars) - per_doc))
        for par in pars[first : first + per_doc]:
            damaged = None
            if rng.random() < 0.5:
                category = CLASSES[turn % len(CLASSES)]
                turn += 1
                damaged = corrupt_paragraph(par, category, rng)
            if damaged:
                text, spans = damaged
                doc.injections += [Injection(offset + s, offset + e, exp, category) for s, e, exp in spans]
            else:
                text = par
            pieces.append(text)
            offset += len(text) + 2
        doc.text = "\n\n".join(pieces) + "\n"
        docs.append(doc)
    return docs


if __name__ == "__main__":
    for d in make_corpus(n_docs=1, per_doc=8):
        for inj in d.injections[:12]:
            print(f"{inj.category:15} {d.text[inj.start:inj.end]!r:30} -> {inj.expected!r}")
