"""Quality of the block-level families (duplicated headlines and paragraphs, embeds, boilerplate).

Measured on shared data by path (never copied into the package):

* ``news_embeds/``: recall of the tweet credit lines and of the ``pic.twitter.com``/``t.co`` links the
  manifest lists (heuristic line numbers), and every other removed line, split into tweet text
  (the lines just above a credit line: a stray embed) and anything else (to review: prose loss).
* ``news_clean/`` and ``clean/``: documents where a removed line held content found nowhere else in
  the output (possible prose loss), with every removal listed; the duplicated ledes of
  ``news_clean`` found, against the README's own definition (first line repeated as the second
  line or at the start of a later one); applied edits per 10,000 words.
* Time of the block pass alone on ``bench/bench_fr.txt``.

Run ``python benchmarks/quality_blocks.py`` to print the section (``--list`` adds every removal).
"""

from __future__ import annotations

import bisect
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

import cleanfr  # noqa: E402
from cleanfr.rules.blocks import block_plan
from cleanfr.rules.blocks._lines import block_key  # noqa: E402
from cleanfr.document import Document  # noqa: E402
from cleanfr.edits import Edit  # noqa: E402
from cleanfr.rules.blocks.embeds import _LINK  # noqa: E402
from rapidfuzz.fuzz import ratio  # noqa: E402

CATEGORIES = ["dup_headline", "dup_paragraph", "embed", "boilerplate"]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _covered(edits: list[Edit], start: int, end: int) -> bool:
    """Whether applied deletions cover ``[start, end)`` of the original text."""
    pos = start
    for e in edits:
        if e.end <= pos:
            continue
        if e.start > pos:
            return False
        pos = max(pos, e.end)
        if pos >= end:
            return True
    return pos >= end


def _removed_lines(text: str, edits: list[Edit]) -> list[int]:
    """0-based indices of the non-blank lines wholly deleted by applied edits."""
    deletions = sorted((e for e in edits if e.applied and not e.replacement), key=lambda e: e.start)
    return [i for i, (s, t) in enumerate(_line_spans(text)) if text[s:t].strip() and _covered(deletions, s, t)]


def _fix(text: str) -> cleanfr.Result:
    return cleanfr.fix(text, select=CATEGORIES)


def news_embeds(listing: list[str]) -> list[str]:
    folder = DATA / "news_embeds"
    rows = list(csv.DictReader(open(folder / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))
    sig_total = sig_removed = link_total = link_removed = 0
    counts: dict[str, int] = {}
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        result = _fix(text)
        deletions = sorted((e for e in result.edits if e.applied and not e.replacement), key=lambda e: e.start)
        spans = _line_spans(text)
        lines = text.split("\n")
        sigs = {int(n) - 1 for n in row["signature_lines"].split(",") if n}
        link_lines = {int(n) - 1 for col in ("pic_twitter_lines", "tco_lines") for n in row[col].split(",") if n}
        removed = set(_removed_lines(text, result.edits))
        sig_total += len(sigs)
        sig_removed += len(sigs & removed)
        for i in sorted(link_lines | sigs):
            s, _ = spans[i]
            for m in _LINK.finditer(lines[i]):
                link_total += 1
                link_removed += _covered(deletions, s + m.start(), s + m.end())
        for i in sorted(removed - sigs - link_lines):
            s, _ = spans[i]
            rule = next((e.rule for e in deletions if e.start <= s < max(e.end, e.start + 1)), "?")
            kind = {"embed-stray": "tweet text", "boilerplate-line": "boilerplate", "trailing-label": "boilerplate"}.get(rule, rule)
            counts[kind] = counts.get(kind, 0) + 1
            listing.append(f"news_embeds/{row['file']}:{i + 1} [{kind}] {lines[i][:110]!r}")
        for i in sorted(sigs - removed):
            listing.append(f"news_embeds/{row['file']}:{i + 1} [credit line KEPT] {lines[i][:110]!r}")
    return [
        f"- news_embeds ({len(rows)} articles): credit lines removed {sig_removed}/{sig_total} "
        f"(**{100 * sig_removed / max(sig_total, 1):.1f} %**), tweet links removed {link_removed}/{link_total} "
        f"(**{100 * link_removed / max(link_total, 1):.1f} %**)",
        "- other removed lines, by rule (listed for review): "
        + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        + " (tweet text = the text of a stray embed; boilerplate = « À lire » teasers and pasted CSS)",
    ]


def _lost(text: str, result: cleanfr.Result) -> list[int]:
    """Removed lines of eight words or more whose content is lost: no copy (exact or near, after
    folding) survives in the output, and no boilerplate pattern explains them."""
    out_lines = [block_key(l) for l in result.text.split("\n") if len(l.split()) >= 8]
    out_fold = "".join(out_lines)
    lines = text.split("\n")
    spans = _line_spans(text)
    boiler = [(e.start, e.end) for e in result.edits if e.applied and e.category == "boilerplate"]
    lost = []
    for i in _removed_lines(text, result.edits):
        f = block_key(lines[i])
        if len(lines[i].split()) < 8 or f in out_fold or any(s <= spans[i][0] < t for s, t in boiler):
            continue
        if any(ratio(f, o) >= 85 for o in out_lines):
            continue
        lost.append(i)
    return lost


def _dup_lede_reference(text: str) -> bool:
    """README definition: the first line repeated as the second, or as the start of a later line."""
    lines = [l for l in text.split("\n") if l.strip()]
    return len(lines) > 1 and (lines[1] == lines[0] or any(l != lines[0] and l.startswith(lines[0]) for l in lines[1:]))


def clean_corpora(listing: list[str]) -> list[str]:
    out = []
    for name in ("news_clean", "clean"):
        files = sorted((DATA / name).glob("*.txt"))
        docs_lost = applied = words = 0
        reference = found = found_ref = 0
        for f in files:
            text = f.read_text(encoding="utf-8")
            result = _fix(text)
            words += len(text.split())
            applied += len(result.applied)
            lost = _lost(text, result)
            docs_lost += bool(lost)
            dup = any(e.category.startswith("dup_") for e in result.applied)
            if name == "news_clean":
                ref = _dup_lede_reference(text)
                reference += ref
                found += dup
                found_ref += dup and ref
            for e in result.edits:
                flag = "LOST " if e.applied and any(_line_spans(text)[i][0] <= e.start < _line_spans(text)[i][1] + 1 for i in lost) else ""
                state = "applied" if e.applied else "suggested"
                listing.append(f"{name}/{f.name}: {flag}{state} {e.rule} {e.confidence:.2f} {e.original[:100]!r}")
        share = 100 * (len(files) - docs_lost) / len(files)
        out.append(
            f"- {name} ({len(files)} documents): documents with no prose line removed **{share:.1f} %** "
            f"({docs_lost} with a removed line of 8+ words that no boilerplate pattern explains and no exact or "
            f"near copy keeps, marked LOST in the listing); applied edits "
            f"{applied} = **{10000 * applied / words:.2f} per 10k words**"
        )
        if name == "news_clean":
            out.append(
                f"- news_clean duplicated ledes: {found} documents repaired (dup_headline/dup_paragraph); the README's "
                f"definition (first line repeated as the second line or at the start of a later line) finds "
                f"{reference}, of which {found_ref} repaired"
            )
    return out


def speed() -> str:
    text = (DATA / "bench" / "bench_fr.txt").read_text(encoding="utf-8")
    block_plan(Document("échauffement\n"))
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        block_plan(Document(text))
        best = min(best, time.perf_counter() - t0)
    return f"- time of the four families on bench_fr.txt ({len(text.encode()) / 1e6:.1f} MB): **{best:.2f} s** (budget 0.8 s)"


def run(listing: list[str] | None = None) -> str:
    listing = [] if listing is None else listing
    lines = ["## Block-level repairs (duplicates, embeds, boilerplate)", ""]
    lines += news_embeds(listing)
    lines += clean_corpora(listing)
    lines.append(speed())
    lines += ["", "Run `python benchmarks/quality_blocks.py --list` to list every removal for review."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    items: list[str] = []
    print(run(items))
    if "--list" in sys.argv:
        print("\n".join(items))
