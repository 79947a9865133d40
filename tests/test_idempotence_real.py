"""Idempotence on damaged real documents: what cleanfr outputs, it leaves as it is.

Real runs of paragraphs (Code civil, novels, real news from ``../shared/data``) get the damage of
``benchmarks/corrupt.py`` (glue, lost apostrophes, written-out elisions, stripped accents, line-break
hyphens, stray capitals, OCR confusions, quotation spacing), plus mojibake, a pasted-twice paragraph and
a plain-text tweet embed. The property: a second run of the default pipeline applies nothing, and the
log of each run is exact. The ``thorough`` profile runs 100,000 examples
(``HYPOTHESIS_PROFILE=thorough pytest tests/test_idempotence_real.py``).
"""

from __future__ import annotations

import os
import random
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleanfr
from cleanfr.edits import EditLog
from cleanfr.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import corrupt  # noqa: E402

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
EXAMPLES = 100_000 if THOROUGH else 60

pytestmark = pytest.mark.skipif(not (corrupt.DATA / "clean").is_dir(), reason="../shared/data is not beside the repository")


@lru_cache(maxsize=1)
def _sources() -> list[list[str]]:
    return corrupt.sources()


def _mojibake(par: str, rng: random.Random) -> str:
    words = par.split(" ")
    i = rng.randrange(len(words))
    try:
        words[i] = words[i].encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        pass
    return " ".join(words)


def _damaged(seed: int, n_pars: int, n_damage: int) -> str:
    rng = random.Random(seed)
    sources = _sources()
    source = sources[rng.randrange(len(sources))]
    start = rng.randrange(max(1, len(source) - n_pars))
    pars = source[start : start + n_pars]
    for _ in range(n_damage):
        i = rng.randrange(len(pars))
        kind = rng.choice(corrupt.CLASSES + ("mojibake", "duplicate", "embed"))
        if kind == "mojibake":
            pars[i] = _mojibake(pars[i], rng)
        elif kind == "duplicate":
            pars.insert(i + 1, pars[i])
        elif kind == "embed":
            pars.insert(i + 1, "Une vidéo montre la scène pic.twitter.com/AbCdEf1234\n"
                               "— Jean Dupont (@jdupont) 18 février 2015")
        else:
            damaged = corrupt.corrupt_paragraph(pars[i], kind, rng)
            if damaged is not None:
                pars[i] = damaged[0]
    return "\n\n".join(pars) + "\n"


def _check_log(text: str, result: cleanfr.Result) -> None:
    assert cleanfr.apply(text, result.edits) == result.text
    assert cleanfr.undo(result.text, result.edits) == text


@settings(max_examples=EXAMPLES)
@given(st.integers(0, 2**32 - 1), st.integers(1, 6), st.integers(1, 10))
def test_second_run_applies_nothing_on_damaged_real_documents(seed: int, n_pars: int, n_damage: int) -> None:
    text = _damaged(seed, n_pars, n_damage)
    once = cleanfr.fix(text)
    _check_log(text, once)
    twice = cleanfr.fix(once.text)
    _check_log(once.text, twice)
    assert not twice.applied, [(e.rule, e.original, e.replacement) for e in twice.applied]


class _WholeRounds(Pipeline):
    """The pipeline that runs every round after the first over the whole text."""

    def _settled(self, log: EditLog, changed: list[tuple[int, int]]) -> bool:
        return False


@lru_cache(maxsize=1)
def _pipelines() -> tuple[Pipeline, Pipeline]:
    return Pipeline(), _WholeRounds()


@lru_cache(maxsize=1)
def _stated_pipelines() -> tuple[Pipeline, Pipeline]:
    return Pipeline(min_confidence=0.0, trust="stated"), _WholeRounds(min_confidence=0.0, trust="stated")


@settings(max_examples=EXAMPLES)
@given(st.integers(0, 2**32 - 1), st.integers(2, 12), st.integers(1, 4))
# Found by a soak of 70,000 documents: the first round's repairs change a count the typography conventions rest
# on (the document's spaced commas), and the second round repairs a comma in a paragraph the first left alone.
@example(2795234136, 11, 3)
# … and one where the first round's splits give a glued word elsewhere the evidence it lacked (« dépensesque »).
@example(1867176446, 13, 4)
def test_reading_the_changed_paragraphs_again_logs_what_a_whole_round_logs(seed: int, n_pars: int, n_damage: int) -> None:
    """After a round that changed a few paragraphs, the pipeline reads those again (and the whole text only
    for the rules that find something there); its result is the one of a whole second round."""
    text = _damaged(seed, n_pars, n_damage)
    checked, whole = (p.fix(text) for p in _pipelines())
    assert checked == whole


@settings(max_examples=EXAMPLES)
@given(st.integers(0, 2**32 - 1), st.integers(2, 12), st.integers(1, 4))
# A token written three times is repaired only once the document writes its repair (« crltiques »).
@example(3586449706, 17, 13)
def test_reading_the_changed_paragraphs_again_everything_applied(seed: int, n_pars: int, n_damage: int) -> None:
    """The same with every edit applied at its stated confidence: more repairs, more for a next round to find."""
    text = _damaged(seed, n_pars, n_damage)
    checked, whole = (p.fix(text) for p in _stated_pipelines())
    assert checked == whole
