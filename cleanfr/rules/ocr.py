"""OCR confusions in old French print: ``eft`` → ``est`` (long s read f), ``rnonde`` → ``monde``, ``cliambre`` → ``chambre``.

Only a token that is not a French word is touched, and only when one or two substitutions from the
confusion table (``cleanfr/data/ocr_confusions.tsv``) turn it into a clearly more frequent word, with no
close rival. Names (capitalised tokens), words the document uses as they are elsewhere, old spellings the
table cannot reach (``enfans``, ``pouvoient``) and protected spans stay.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..document import Document
from ..edits import Edit
from ..lexicon import common_english, doc_vocabulary, french
from ..tokens import english_context, is_isolated, protected_words
from .. import tables
from ..wordrules_common import is_word, locate, protected, zipf
from . import Rule

#: A repair must reach this Zipf frequency (a common word) …
MIN_ZIPF = 3.0
#: … or, for a token of LONG letters or more, this one: a long non-word one confusion away from exactly one
#: French form (``cnrateur`` → ``curateur``, ``llcitation`` → ``licitation``) is that form, however rare …
LONG = 8
MIN_LONG_ZIPF = 1.5
#: … while a short token reaches some word by chance (``dous`` → ``dons``, ``misc`` → ``mise``, ``puros`` →
#: ``pures``): the shorter, the commoner the repair must be (by length: 4 letters or fewer, 5 letters) …
MIN_SHORT_ZIPF = {4: 5.0, 5: 4.5}
#: … beat the damaged token by this much (a long token: MIN_LONG_GAIN) …
MIN_GAIN = 2.0
MIN_LONG_GAIN = 1.5
#: … and beat any other candidate by this much …
MIN_MARGIN = 1.0
#: … where each repeated substitution beyond the first costs this much frequency.
STEP_COST = 0.5


@lru_cache(maxsize=1)
def confusions() -> tuple[tuple[str, str], ...]:
    """(read, printed) pairs of the confusion table."""
    return tuple((row[0], row[1]) for row in tables.rows("ocr_confusions.tsv", columns=2))


_FINAL_CONSONANT = regex.compile(r"[bcdfghjklmnpqrstvwxz]s?$")


def _substitutions(word: str) -> Iterator[tuple[str, int, str]]:
    """Spellings one table substitution away, or one pair applied everywhere (``poffeffion``).

    Yields (candidate, number of substitutions, description).
    """
    for read, printed in confusions():
        i = word.find(read)
        if i < 0:
            continue
        count = 0
        while i >= 0:
            # An é read for e only before a final consonant (premiér): elsewhere it is a spelling of the
            # text, dialect or old (pétite, bézot), not a speck on the page.
            if read != "é" or _FINAL_CONSONANT.match(word, i + 1):
                count += 1
                yield word[:i] + printed + word[i + len(read):], 1, f"{read}→{printed}"
            i = word.find(read, i + 1)
        if count > 1:
            yield word.replace(read, printed), count, f"{read}→{printed} ×{count}"


@lru_cache(maxsize=50_000)
def best_repair(word: str) -> tuple[str, str] | None:
    """The word a damaged lower-case token stands for, and the substitutions that explain it.

    >>> best_repair("eft"), best_repair("rnonde"), best_repair("enfans")
    (('est', 'f→s'), ('monde', 'rn→m'), None)
    """
    if is_word(word):
        return None
    scored = []
    is_name = french().is_name
    for cand, count, steps in _substitutions(word):
        if is_word(cand) and not is_name(cand):  # conge is no misread congo
            scored.append((zipf(cand) - STEP_COST * (count - 1), cand, steps))
    if not scored:
        return None
    scored.sort(reverse=True)
    top, cand, steps = scored[0]
    if len(word) >= LONG:
        needed, gain = MIN_LONG_ZIPF, MIN_LONG_GAIN
    else:
        needed, gain = MIN_SHORT_ZIPF.get(max(4, len(word)), MIN_ZIPF), MIN_GAIN
    if zipf(cand) < needed or zipf(cand) - zipf(word) < gain:
        return None
    if len(scored) > 1 and top - scored[1][0] < MIN_MARGIN and scored[1][1] != cand:
        return None
    if english_word(word):
        return None
    return cand, steps


@lru_cache(maxsize=50_000)
def english_word(word: str) -> bool:
    """A common English word (``done``, ``fail``, ``stale``): in French text it is a quotation or code.

    >>> english_word("done"), english_word("eft")
    (True, False)
    """
    # wordfreq folds ſ into s: a long s is never English.
    return "ſ" not in word and common_english(word)


#: Candidate repairs grow with the token; a token longer than any French word is a blob, not a misread word.
MAX_OCR_LENGTH = 35


class OcrConfusion(Rule):
    """Repair a non-word made by a classic OCR confusion of old print.

    Example: ``il eft venu`` → ``il est venu`` (long s read as f); ``le rnonde`` → ``le monde``;
    ``la cliambre`` → ``la chambre``. ``enfans``, ``Karachev``, ``dune``, ``lace`` stay.
    """

    id = "ocr-confusion"
    category = "ocr"
    pass_name = "words"
    description = "confusion de caractères d’OCR (f/s long, rn/m, li/h, u/n…) dans un non-mot"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        vocab = doc_vocabulary(doc)
        guard = protected(doc)
        skip = protected_words()
        has_form = french().has_form
        repairs: dict[str, tuple[str, str]] = {}
        for token in vocab:
            if not 3 <= len(token) <= MAX_OCR_LENGTH or has_form(token) or not token.islower() or token in skip:
                continue
            repair = best_repair(token)
            if repair is None:
                continue
            # The repaired word must not be one the document avoids: a token written often while its
            # "repair" never appears is more likely a real word of the text (a name, a term).
            if vocab[token] > 2 and not vocab.get(repair[0]):
                continue
            repairs[token] = repair
        for i, token in locate(text, repairs):
            cand, steps = repairs[token]
            end = i + len(token)
            if guard.overlaps(i, end) or not is_isolated(text, i, end) or english_context(text, i, end):
                continue
            if text[max(0, i - 2):i] in ("- ", "-\n") or text[end:end + 1] == "-":
                continue  # a fragment of a word hyphenated at a line break (``heu- reux``)
            yield self.edit(doc, i, end, cand, 0.85, f"confusion d’OCR ({steps}) : « {token} » → « {cand} »")
