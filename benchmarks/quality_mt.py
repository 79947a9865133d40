"""Machine-translation repair (calques, untranslated residue, determiner–noun agreement): measured quality.

``run()`` returns a Markdown section: precision and recall per category on ``tests/data/mt_sentences.tsv``
(sentences written for cleanfr), applied edits on clean prose (each listed for review), calque-table
coverage with its examples, and the time of these rules on ``bench_fr.txt``.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from cleanfr.pipeline import Pipeline  # noqa: E402

CATEGORIES = ("calque", "mt_residue", "agreement")


def load_corpus() -> list[tuple[str, str, str]]:
    rows = []
    for line in (REPO / "tests" / "data" / "mt_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))  # type: ignore[arg-type]
    return rows


def corpus_section(pipe: Pipeline) -> list[str]:
    rows = load_corpus()
    stats = {c: collections.Counter() for c in CATEGORIES}
    exact = collections.Counter()
    failures = []
    for category, text, expected in rows:
        result = pipe.fix(text)
        applied = {e.category for e in result.edits if e.applied}
        found = {e.category for e in result.edits}
        for c in CATEGORIES:
            positive = category == c
            stats[c]["pos"] += positive
            stats[c]["tp_applied"] += positive and c in applied
            stats[c]["fp_applied"] += (not positive) and c in applied
            stats[c]["tp_any"] += positive and c in found
            stats[c]["fp_any"] += (not positive) and c in found
        exact[category, "n"] += 1
        exact[category, "ok"] += result.text == expected
        if result.text != expected:
            failures.append((category, text, result.text))
    out = [
        f"Corpus: `tests/data/mt_sentences.tsv`, {len(rows)} sentences written for cleanfr "
        f"({', '.join(f'{k}: {v}' for k, v in sorted(collections.Counter(r[0] for r in rows).items()))}).",
        "Sentence level: a sentence is *predicted* for a category when an edit of that category is applied "
        "(or, in the `any` columns, applied or suggested).",
        "",
        "| category | sentences | precision (applied) | recall (applied) | precision (any) | recall (any) |",
        "|---|---|---|---|---|---|",
    ]
    for c in CATEGORIES:
        s = stats[c]
        pa = s["tp_applied"] / max(1, s["tp_applied"] + s["fp_applied"])
        ra = s["tp_applied"] / max(1, s["pos"])
        pn = s["tp_any"] / max(1, s["tp_any"] + s["fp_any"])
        rn = s["tp_any"] / max(1, s["pos"])
        out.append(f"| {c} | {s['pos']} | {pa:.3f} | {ra:.3f} | {pn:.3f} | {rn:.3f} |")
    out += ["", "Exact corrected text (output == expected, suggestions not applied):", ""]
    out += [f"- {c}: {exact[c, 'ok']}/{exact[c, 'n']}" for c in (*CATEGORIES, "none")]
    if failures:
        out += ["", "<details><summary>Sentences whose output differs from the expected text</summary>", ""]
        out += [f"- [{c}] `{t}` → `{o}`" for c, t, o in failures]
        out += ["", "</details>"]
    return out


def clean_section(pipe: Pipeline) -> list[str]:
    files = sorted((DATA / "clean").glob("*.txt")) + sorted((DATA / "news_clean").glob("*.txt"))
    words = 0
    applied = []
    suggested = collections.Counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(text.split())
        for e in pipe.fix(text).edits:
            if e.applied:
                context = text[max(0, e.start - 30) : e.end + 30].replace("\n", " ")
                applied.append(f"- `{path.name}` [{e.rule}] « …{context}… » : `{e.original}` → `{e.replacement}`")
            else:
                suggested[e.category] += 1
    rate = len(applied) / max(1, words) * 50_000
    out = [
        "",
        f"Clean prose (`clean/` and `news_clean/`, {words:,} words): **{len(applied)} applied edits** "
        f"({rate:.2f} per 50,000 words; target ≤ 1), suggestions: "
        + (", ".join(f"{k} {v}" for k, v in sorted(suggested.items())) or "none") + ".",
        "",
    ]
    return out + applied


def coverage_section() -> list[str]:
    from cleanfr.rules.phrases.calques import entries

    table = entries()
    by = collections.Counter((e.language, e.kind) for e in table.values())
    applied = sum(1 for e in table.values() if e.confidence >= 0.8)
    pipe = Pipeline(select=["calque"], min_confidence=0.0)
    ok = bad = 0
    for e in table.values():
        for ex in e.examples:
            ok_ex = pipe.fix(ex["text"]).text == ex["fixed"]
            ok, bad = ok + ok_ex, bad + (not ok_ex)
        for c in e.counter:
            ok_c = pipe.fix(c).text == c
            ok, bad = ok + ok_c, bad + (not ok_c)
    out = [
        "",
        f"Calque tables: {len(table)} entries ({applied} applied at confidence ≥ 0.8, {len(table) - applied} suggested); "
        f"entry examples passing: {ok}/{ok + bad}.",
        "",
        "| source | verb | noun | connector | phrase |",
        "|---|---|---|---|---|",
    ]
    for lang in sorted({lang for lang, _ in by}):
        out.append(f"| {lang} | " + " | ".join(str(by[lang, k]) for k in ("verb", "noun", "connector", "phrase")) + " |")
    return out


def speed_section(pipe: Pipeline) -> list[str]:
    path = DATA / "bench" / "bench_fr.txt"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    pipe.fix("Ce coup d'État a eu lieu. Un doctrine.")  # load tables and lexicons first
    t = time.perf_counter()
    pipe.fix(text)
    elapsed = time.perf_counter() - t
    return ["", f"Time of the calque, residue and agreement rules on `bench_fr.txt` ({len(text) / 1e6:.1f} MB), "
            f"tables loaded: **{elapsed:.2f} s** (budget 1.5 s)."]


def run() -> str:
    pipe = Pipeline(select=list(CATEGORIES))
    lines = ["## Machine-translation repair (calques, residue, agreement)", ""]
    lines += corpus_section(pipe)
    lines += clean_section(pipe)
    lines += coverage_section()
    lines += speed_section(pipe)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
