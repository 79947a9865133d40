"""Stray capitals left by machine translation mid-sentence: ``missiles Balistique ATACMS``, ``que Sans la``.

A capitalised common word is lower-cased only when it follows a lower-case word inside a sentence (not
after a full stop, a colon, a quote or a dash), is not part of a run of capitalised words (``Maison
Blanche``, ``Marine Le Pen``), does not follow a determiner or ``de`` (``la Défense``, ``le Sénat``,
``la Cour``, ``l’État``, ``de Gaulle``), is not a known proper noun, appears capitalised only once in the
document (``Madame``, ``le Roi`` written so throughout a novel are its convention) and its lower-case form
is a common word; and only after a function word (``que Sans``) or as an adjective right after a noun
(``missiles Balistique``), the two places where a name or a title is not expected. After ``que`` the capital often marks a lost quotation: the rule then also suggests « ».
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..document import Document
from ..edits import Edit
from ..lexicon import doc_vocabulary
from ..tokens import at_sentence_start, english_context, is_isolated
from ..wordrules_common import is_prose_line, is_word, load_word_set, locate, protected, zipf
from . import Rule

#: The lower-case form must be at least this common.
MIN_ZIPF = 3.0

#: Words after which a capital is a name or an institution, not a stray capital.
_NAME_INTRODUCERS = frozenset(
    "le la les l du des de d au aux un une ce cet cette ces son sa ses mon ma mes ton ta tes notre nos votre vos "
    "leur leurs saint sainte st ste monsieur madame mademoiselle m mme mlle dr général président roi reine "
    "rue avenue boulevard place quai".split()
)


#: Function words after which a capital cannot start a name: ``que Sans``, ``il Est``.
_FUNCTION_WORDS = frozenset(
    "que qui ou mais donc car ne se il elle ils elles on nous vous est sont ont pas plus très aussi".split()
)


#: Grammatical words that never start a name: capitalised after a function word, they are stray.
_GRAMMATICAL = frozenset(
    "sans avec pour dans par sur sous les des nous vous ils elles cette ces leur leurs mais pas plus tout tous "
    "toute toutes depuis après avant selon contre entre chez quand comme cela ceci ici aussi déjà encore "
    "toujours jamais rien même très bien peu beaucoup alors lorsque puisque parce donc".split()
)


@lru_cache(maxsize=1)
def _adjectives_and_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Adjective forms and noun forms, from the gender tables of ``cleanfr/data/gender/`` (Dicollecte)."""
    from importlib.resources import files

    def rows(name: str) -> list[list[str]]:
        text = files("cleanfr").joinpath("data", "gender", name).read_text(encoding="utf-8")
        return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]

    adjectives: set[str] = set()
    for row in rows("adjectives.tsv"):
        adjectives.update(row[:2])
    nouns = set()
    for row in rows("nouns.tsv"):
        nouns.add(row[0])
        if len(row) > 2 and "a" in row[2]:
            adjectives.add(row[0])
    adjectives |= {a + "s" for a in adjectives}
    return frozenset(adjectives), frozenset(nouns)


def _previous_word(text: str, i: int) -> str:
    """The word just before position ``i`` (skipping one space), or "" if something else is there."""
    j = i - 1
    if j < 0 or text[j] not in " \u00a0":
        return ""
    end = j
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:end]


def _next_is_capitalised(text: str, end: int) -> bool:
    """A capitalised word follows (``Maison Blanche``); an acronym (``ATACMS``) does not count."""
    j = end
    if j < len(text) and text[j] in " \u00a0-":
        j += 1
    return j + 1 < len(text) and text[j].isupper() and text[j + 1].islower()


class StrayCapital(Rule):
    """Lower-case a common word that machine translation left capitalised mid-sentence.

    Example: ``des missiles Balistique ATACMS`` → ``des missiles balistique ATACMS``; ``le fait que Sans
    la participation`` → ``le fait que sans la participation`` (with a suggestion to restore « »).
    ``la Défense``, ``Marine Le Pen``, ``avec Pierre``, ``le Sénat`` stay.
    """

    id = "stray-capital"
    category = "capitalization"
    pass_name = "words"
    description = "majuscule parasite au milieu d’une phrase sur un mot courant"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        vocab = doc_vocabulary(doc)
        names = load_word_set("capitalization_names.tsv")
        adjectives, nouns = _adjectives_and_nouns()
        guard = protected(doc)
        candidates = []
        for token, count in vocab.items():
            if count > 1 or len(token) < 3 or not token[0].isupper() or not token[1:].islower():
                continue
            lower = token.lower()
            if token in names or not is_word(lower) or zipf(lower) < MIN_ZIPF:
                continue
            if lower in _GRAMMATICAL or lower in adjectives:
                candidates.append(token)  # otherwise neither context below can apply
        for i, token in locate(text, candidates):
            lower = token.lower()
            grammatical = lower in _GRAMMATICAL
            end = i + len(token)
            prev = _previous_word(text, i)
            if not prev or not prev.islower() or prev in _NAME_INTRODUCERS or at_sentence_start(text, i):
                continue
            # Only two contexts where a capital cannot be a name or a title: after a function word
            # (``que Sans``), and an adjective right after a noun (``missiles Balistique``).
            after_noun = (prev in nouns or prev[:-1] in nouns and prev[-1] in "sx") and prev not in adjectives
            if not (prev in _FUNCTION_WORDS and grammatical or lower in adjectives and after_noun):
                continue
            if _next_is_capitalised(text, end) or not is_isolated(text, i, end) or guard.overlaps(i, end):
                continue
            line_start = text.rfind("\n", 0, i) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if not is_prose_line(text, line_start, line_end) or english_context(text, i, end):
                continue
            yield self.edit(doc, i, end, lower, 0.85, f"majuscule parasite en milieu de phrase : « {token} » → « {lower} »")
            if prev == "que":
                yield self.edit(doc, i - 1, i - 1, " «", 0.5,
                                "majuscule après « que » : citation dont les guillemets se sont perdus ?")
