"""Calque pairs from the language authorities: how many wrong forms the calque tables catch and repair.

    python benchmarks/quality_calques_pairs.py

``benchmarks/data/calques_pairs*.tsv`` hold wrong/right sentence pairs written for this project after the
examples on the pages of the OQLF (Banque de dépannage linguistique), the Bureau de la traduction, the
Académie française and the faux-amis lists they cite (the page is the third column), plus correct sentences
that use the same words legitimately. Measured with the calque rule alone, every suggestion counted:

- *changed or flagged*: the wrong sentence gets a calque edit (applied or suggested) — target ≥ 80 %;
- *repaired exactly*: taking the first replacement of every calque edit gives the right sentence;
- *repaired by default*: the default pipeline (applied edits only) gives the right sentence;
- *correct uses kept*: no calque edit on a right or correct-only sentence — target ≥ 99 %.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from cleanfr.pipeline import Pipeline  # noqa: E402

DATA = HERE / "data"
#: Every pair file (``calques_pairs*.tsv``): one per source or contributor, same columns.
PAIR_FILES = "calques_pairs*.tsv"


def load() -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(wrong, right, page) pairs and (correct sentence, page) rows."""
    pairs, correct = [], []
    for path in sorted(DATA.glob(PAIR_FILES)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                wrong, right, page = line.split("\t")
            except ValueError:
                raise SystemExit(f"{path}:{number}: expected wrong<TAB>right<TAB>page") from None
            if wrong:
                pairs.append((wrong, right, page))
            else:
                correct.append((right, page))
    return pairs, correct


def _pipelines() -> tuple[Pipeline, Pipeline]:
    stated = {"trust": "stated"} if "trust" in inspect.signature(Pipeline).parameters else {}
    return Pipeline(select=["calque"], min_confidence=0.0, **stated), Pipeline(select=["calque"])


def measure() -> dict:
    every, default = _pipelines()
    pairs, correct = load()
    flagged = exact = applied_exact = 0
    missed, inexact = [], []
    for wrong, right, _ in pairs:
        result = every.fix(wrong)
        if any(e.category == "calque" for e in result.edits):
            flagged += 1
            if result.text == right:
                exact += 1
            else:
                inexact.append((wrong, result.text, right))
        else:
            missed.append(wrong)
        applied_exact += default.fix(wrong).text == right
    kept, alarms = 0, []
    uses = [right for _, right, _ in pairs] + [c for c, _ in correct]
    for sentence in uses:
        if any(e.category == "calque" for e in every.fix(sentence).edits):
            alarms.append(sentence)
        else:
            kept += 1
    return {"pairs": len(pairs), "flagged": flagged, "exact": exact, "applied_exact": applied_exact,
            "uses": len(uses), "kept": kept, "missed": missed, "inexact": inexact, "alarms": alarms,
            "pages": len({p for *_, p in pairs} | {p for _, p in correct})}


def run() -> str:
    m = measure()
    n, u = m["pairs"], m["uses"]
    lines = [
        "## Calque pairs from the language authorities",
        "",
        f"`benchmarks/data/calques_pairs*.tsv`: {n} wrong/right pairs and {u - n} further correct sentences, "
        f"after the examples of {m['pages']} pages (OQLF, Bureau de la traduction, Académie française and the "
        "faux-amis lists); calque rule alone, suggestions counted.",
        "",
        "| measure | count | share | target |",
        "|---|---|---|---|",
        f"| wrong forms changed or flagged | {m['flagged']}/{n} | {m['flagged'] / n:.1%} | ≥ 80 % |",
        f"| wrong forms repaired exactly (first replacement) | {m['exact']}/{n} | {m['exact'] / n:.1%} | |",
        f"| repaired exactly by the default pipeline (applied only) | {m['applied_exact']}/{n} | {m['applied_exact'] / n:.1%} | |",
        f"| correct uses kept | {m['kept']}/{u} | {m['kept'] / u:.1%} | ≥ 99 % |",
    ]
    if m["missed"]:
        lines += ["", "Missed: " + "; ".join(f"« {s} »" for s in m["missed"])]
    if m["inexact"]:
        lines += ["", "Changed but not as the authority writes it: "
                  + "; ".join(f"« {w} » → « {got} » (expected « {want} »)" for w, got, want in m["inexact"])]
    if m["alarms"]:
        lines += ["", "False alarms on correct uses: " + "; ".join(f"« {s} »" for s in m["alarms"])]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
