"""Generate the full-form French lexicon shipped with cleanfr (in ``cleanfr/data/lexicon/fr_words.txt.zst``).

The list is the union of
- every inflected form of the Dicollecte hunspell dictionary (MPL-2.0; Debian package ``hunspell-fr``,
  ``/usr/share/hunspell/fr.dic`` + ``fr.aff``), expanded here through its suffix rules with ``spylls``
  (two levels of suffixes, as hunspell applies them; the only prefixes of that dictionary are the elisions
  ``l’ d’ qu’ …``, which the lexicon does not need);
- the word forms of simplemma's French lemmatisation data (MIT, on PyPI), which adds inflections and rare
  words hunspell lacks.

Forms are stored lower-cased with their classes: forms of hunspell verb entries (``is_verb``: the elided
pronouns ``j’ m’ t’ s’ n’`` stand only before verbs), first names and surnames (``is_person``: ``la Esméralda``
keeps its article), other names never written in lower case (``is_name``, with persons: ``rome`` in ``romeria``
is no word). ``tools/word_tables.py`` merges them with wordfreq's French frequencies into one table (its format
is described there) and refreshes the tables derived from the lexicon. Only strings made of letters, with inner
hyphens or apostrophes, are kept: numbers and symbols say nothing about French words.

Build-time requirements (not runtime dependencies): ``apt-get install hunspell-fr`` and
``pip install spylls`` (and ``wordfreq``, see ``tools/word_tables.py``). Run from the repository root::

    .venv/bin/python tools/build_lexicon.py
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import word_tables  # noqa: E402

HUNSPELL = Path("/usr/share/hunspell/fr")

#: A word as the lexicon keeps it: letters, with inner hyphens or apostrophes.
WORD = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


def hunspell_forms(base: Path) -> Iterator[tuple[str, str]]:
    """Every form the hunspell dictionary accepts, without elided prefixes, with its kind: ``verb`` (a form of a
    verb entry), ``person`` (a first name or a surname, ``po:prn``/``po:patr``) or ``word``.

    For example the entry ``coudre/xO()`` gives ``coudre``, ``couds``, ``cousaient``, ``cousîmes``…
    """
    from spylls.hunspell import Dictionary

    dic = Dictionary.from_files(str(base))
    aff = dic.aff
    needaffix = aff.NEEDAFFIX
    forbidden = aff.FORBIDDENWORD
    sfx = aff.SFX

    def expand(stem: str, flags: Iterable[str], depth: int) -> Iterator[str]:
        for flag in flags:
            for rule in sfx.get(flag, ()):
                if rule.strip and not stem.endswith(rule.strip):
                    continue
                if not rule.cond_regexp.search(stem):
                    continue
                form = stem[: len(stem) - len(rule.strip)] + rule.add
                if needaffix not in rule.flags:
                    yield form
                if depth < 2:
                    yield from expand(form, rule.flags, depth + 1)

    for word in dic.dic.words:
        if forbidden in word.flags:
            continue
        tags = word.data.get("po", ())
        kind = "verb" if any(t.startswith("v") for t in tags) else "person" if {"prn", "patr"} & set(tags) else "word"
        if needaffix not in word.flags:
            yield word.stem, kind
        for form in expand(word.stem, word.flags, 1):
            yield form, kind


def simplemma_forms() -> Iterator[str]:
    """Forms (keys) and lemmas (values) of simplemma's French dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    data = DefaultDictionaryFactory().get_dictionary("fr")
    for form, lemma in data.items():
        yield form if isinstance(form, str) else form.decode("utf-8")
        yield lemma if isinstance(lemma, str) else lemma.decode("utf-8")


def normalise(form: str) -> str | None:
    """The lower-cased form with the typographic apostrophe folded to ', or None if not word-like."""
    form = form.strip().replace("\u2019", "'").lower()
    return form if WORD.match(form) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hunspell", type=Path, default=HUNSPELL, help="path of fr.dic/fr.aff without extension")
    parser.add_argument("--out", type=Path, default=word_tables.FR_WORDS)
    args = parser.parse_args()
    hun: set[str] = set()
    verbs: set[str] = set()
    persons: set[str] = set()
    lower_seen: set[str] = set()  # forms written in lower case somewhere: not only names
    for raw, kind in hunspell_forms(args.hunspell):
        form = normalise(raw)
        if form:
            hun.add(form)
            if raw[:1].islower():
                lower_seen.add(form)
            if kind == "verb":
                verbs.add(form)
            elif kind == "person":
                persons.add(form)
    sim = set()
    for raw in simplemma_forms():
        form = normalise(raw)
        if form:
            sim.add(form)
            if raw[:1].islower():
                lower_seen.add(form)
    proper = (hun | sim) - lower_seen
    forms = hun | sim
    # Classes: verb forms, person names, other names never written in lower case (places, brands).
    persons -= verbs
    proper -= verbs | persons
    print(f"hunspell {len(hun)} ({len(verbs)} verb forms, {len(persons)} person names, {len(proper)} other names)"
          f" + simplemma {len(sim)} -> {len(forms)} forms")
    word_tables.write_french(forms, verbs, persons, persons | proper, args.out)
    word_tables.refresh_dependents()

if __name__ == "__main__":
    main()
