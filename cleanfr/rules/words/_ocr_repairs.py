"""The OCR confusion model: which word a damaged token of old print stands for (``eft`` → ``est``, ``rnonde`` →
``monde``), from the confusion table ``cleanfr/data/ocr_confusions.tsv``. Shared by the OCR rule (which
repairs such tokens) and the accents rule (which must not read them as words with lost accents).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from ... import tables
from ...lexicon import common_english, french, is_word, zipf

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
    return tuple((row[0], row[1]) for row in tables.read_rows("ocr_confusions.tsv", columns=2))


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
                yield word[:i] + printed + word[i + len(read) :], 1, f"{read}→{printed}"
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
