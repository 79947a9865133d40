"""Stripped accents: a passage written without diacritics among accented French (``la premiere fois``).

A line (headline or paragraph) whose accent rate is far below French norms — words that need an accent
but none that has one — gets the accented form of each word whose bare spelling is not a word or is
much rarer (``premiere`` → ``première``, ``etait`` → ``était``). The bare → accented table
(``cleanfr/data/accents_restore.tsv``) is generated from the lexicon by :func:`build_table`
(``python -m cleanfr.rules.accents``). Ambiguous pairs (``a/à``, ``ou/où``, ``des/dès``, ``la/là``,
``du/dû``, ``sur/sûr``, ``passe/passé``) are not in it. Capitalised words (``Etat``, ``Etats-Unis``:
accents on capitals are optional), English lines, URLs and code are left alone.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Iterable

import regex

from ..document import Document
from ..edits import Edit
from ..lexicon import doc_vocabulary
from ..tokens import _ENGLISH_ONLY as ENGLISH_ONLY
from ..tokens import is_isolated
from ..wordrules_common import data_rows, is_prose_line, is_word, locate, protected
from . import Rule

TABLE = "accents_restore.tsv"
_ACCENTED = regex.compile(r"[àâäéèêëîïôöùûüÿçœæ]", regex.I)
_WORDS = regex.compile(r"\p{L}+")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Ll}+(?![\p{L}\p{M}-])")


def strip_accents(word: str) -> str:
    """``première`` → ``premiere``.

    >>> strip_accents("Été déjà")
    'Ete deja'
    """
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def restore_table() -> dict[str, str]:
    """Bare spelling → accented word (lower case)."""
    return {row[0]: row[1] for row in data_rows(TABLE)}


def build_table() -> dict[str, str]:
    """Generate the bare → accented table from the lexicon and wordfreq (build time only).

    A bare spelling maps to its most frequent accented form when that form is common (Zipf ≥ 2), beats
    every other accented form by 1, and the bare spelling is not a word — or is a word at least 1.5
    less frequent and differs by more than a final ``é`` (``passe/passé``, ``donne/donné`` stay out).
    """
    from ..lexicon import french

    lex = french()
    groups: dict[str, list[str]] = {}
    for form in lex.forms:
        if form.isascii() or not form.isalpha():
            continue
        bare = strip_accents(form)
        if bare != form and bare.isascii():
            groups.setdefault(bare, []).append(form)
    table = {}
    for bare, forms in groups.items():
        scored = sorted(((lex.zipf(f), f) for f in forms), reverse=True)
        top, best = scored[0]
        if top < 2.0 or (len(scored) > 1 and top - scored[1][0] < 1.0):
            continue
        if bare in lex.forms:
            final_e = best[:-1] == bare[:-1] or best.rstrip("es")[:-1] == bare.rstrip("es")[:-1]
            if top - lex.zipf(bare) < 1.5 or final_e or len(bare) <= 3:
                continue
        table[bare] = best
    return table


def _passages(doc: Document) -> list[tuple[int, int]]:
    """Lines whose words needing an accent outnumber the accented ones at least 3 to 1."""
    text = doc.text
    table = restore_table()
    needing = [w for w in doc_vocabulary(doc) if w in table]
    if not needing:
        return []
    found = []
    checked_until = -1
    for i, _word in locate(text, needing):
        if i < checked_until:
            continue
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        checked_until = end
        line = text[start:end]
        lower = _LOWER_WORD.findall(line)
        missing = sum(1 for w in lower if w in table)
        accented = len(_ACCENTED.findall(line))
        if missing and accented * 3 <= missing and _french_line(line, lower):
            found.append((start, end))
    return found


def _french_line(line: str, lower: list[str]) -> bool:
    """Running French words: at least four, nearly all in the lexicon, no English-only function word."""
    words = _WORDS.findall(line)
    if not is_prose_line(line, 0, len(line)) or any(w.lower() in ENGLISH_ONLY for w in words):
        return False
    known = sum(1 for w in lower if is_word(w) or w in restore_table())
    return known * 10 >= len(lower) * 9


class StrippedAccents(Rule):
    """Restore accents in a passage written without them.

    Example: ``LUkraine attaque le territoire russe pour la premiere fois`` → ``… la première fois``;
    ``il etait deja la`` → ``il était déjà la`` (``la/là`` is ambiguous: left). Accented text and
    ``Etats-Unis`` stay.
    """

    id = "stripped-accents"
    category = "accents"
    pass_name = "words"
    description = "passage écrit sans accents : accents rétablis sur les mots sans ambiguïté"

    def find(self, doc: Document) -> Iterable[Edit]:
        passages = _passages(doc)
        if not passages:
            return
        text = doc.text
        table = restore_table()
        guard = protected(doc)
        for start, end in passages:
            for m in _LOWER_WORD.finditer(text, start, end):
                accented = table.get(m.group())
                if accented and is_isolated(text, m.start(), m.end()) and not guard.overlaps(m.start(), m.end()):
                    yield self.edit(doc, m.start(), m.end(), accented, 0.85,
                                    f"passage sans accents : « {m.group()} » → « {accented} »")


if __name__ == "__main__":  # regenerate the shipped table
    from importlib.resources import files

    rows = sorted(build_table().items())
    header = (
        "# Bare spelling -> accented word, generated by `python -m cleanfr.rules.accents` from the cleanfr\n"
        "# lexicon (Dicollecte hunspell, MPL-2.0, and simplemma, MIT; see data/lexicon/NOTICE) and wordfreq.\n"
    )
    body = "".join(f"{bare}\t{acc}\n" for bare, acc in rows)
    files("cleanfr").joinpath("data", TABLE).write_text(header + body, encoding="utf-8")  # type: ignore[attr-defined]
    print(f"{len(rows)} entries")
