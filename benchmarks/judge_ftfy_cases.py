"""Judge the mojibake rule on ftfy's own real-world test cases, where the right answer is known.

    python benchmarks/judge_ftfy_cases.py [tests/data/ftfy_cases/test_cases.json]

ftfy's ``tests/test_cases.json`` (Apache-2.0, copied in ``tests/data/ftfy_cases/``) holds text found in the wild (tweets, web pages, language
selectors) with the repair ftfy's authors expect, and texts that must stay unchanged. The development
corpora hold almost no mojibake, so this is the real text the ``mojibake`` grades are measured on.
Each edit of the Unicode pass on a case is judged automatically: ``correct`` when the pass's output equals
the expected text (quotes and no-break spaces folded, since cleanfr keeps ’ « » and NBSP, which ftfy's
defaults straighten), ``wrong`` otherwise. Written to ``benchmarks/judgments/ftfy-cases.jsonl`` with
``"auto": true``: ``audit.py calibrate`` counts these judgments as they are (rerun this script after
changing the Unicode pass).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import cleanfr  # noqa: E402

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u202f": " "})


def main(cases_path: str) -> None:
    cases = json.loads(Path(cases_path).read_text(encoding="utf-8"))
    out = HERE / "judgments" / "ftfy-cases.jsonl"
    rows = []
    for n, case in enumerate(cases):
        if case.get("expect") != "pass":
            continue  # cases ftfy itself fails are no ground truth
        original = case["original"]
        expected = case.get("fixed-encoding", case["fixed"])
        result = cleanfr.fix(original, select=["unicode"], trust="stated")
        if not result.applied:
            continue
        good = result.text.translate(_FOLD) in (expected.translate(_FOLD), case["fixed"].translate(_FOLD))
        for e in result.applied:
            rows.append({
                "kind": "ftfy-cases", "file": f"ftfy:tests/test_cases.json#{n}", "start": e.start, "end": e.end,
                "original": e.original, "replacement": e.replacement, "rule": e.rule, "confidence": e.confidence,
                "context": original[:200], "verdict": "correct" if good else "wrong",
                "reason": f"{case['label']}: expected {expected[:80]!r}" + ("" if good else f", got {result.text[:80]!r}"),
                "judge": "automatic (ftfy test case)", "auto": True,
            })
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    correct = sum(r["verdict"] == "correct" for r in rows)
    print(f"{out}: {len(rows)} edits, {correct} correct, {len(rows) - correct} wrong")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parent / "tests" / "data" / "ftfy_cases" / "test_cases.json"))
