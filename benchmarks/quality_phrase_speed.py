"""Throughput of the phrase pass per MB (issue 18: the automaton grows, its scan must not).

    python benchmarks/quality_phrase_speed.py                 # this checkout
    python benchmarks/quality_phrase_speed.py --against REV   # and a git revision, in a temporary worktree

Every rule of the phrase pass runs once over each document of ``../shared/data/dev/clean/`` (13 MB of edited
French, where the pass finds almost nothing: its cost is reading the text), each on a fresh ``Document``, the
best of three rounds counting; then the shared automaton's scan alone (fold and walk) on the same texts.
Measured the same way in a separate process per checkout (``sys.path`` pointing at it), so another revision
is timed by the same harness on the same machine. A rule that reads a memo first (the shared scan, the
token split) is charged for it: the pass total is the figure to compare.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = REPO.parent / "shared" / "data"
#: The revision the issue was filed against, and the pass's cost there on this harness (2 cores,
#: measured 2026-12-05: 0.047 s/MB; rerun with ``--against fd4e37a``).
FILED = "fd4e37a"
ROUNDS = 3
#: Turns of the two checkouts, taken alternately (each turn a child process of ROUNDS rounds).
TURNS = 3

#: Run in a child process: ``argv[1]`` is the checkout to import cleanfr from.
_CHILD = r"""
import glob, json, sys, time
sys.path.insert(0, sys.argv[1])
from cleanfr.document import Document
from cleanfr.pipeline import Pipeline
texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(sys.argv[2] + "/*.txt"))]
mb = sum(len(t.encode()) for t in texts) / 1e6
rules = [r for rules in Pipeline().passes for r in rules if r.pass_name == "phrases"]
for t in texts[:3]:  # load the tables and build the automaton before timing
    d = Document(t)
    for r in rules:
        list(r.find(d))
best = None
for _ in range(int(sys.argv[3])):
    per = dict.fromkeys((r.id for r in rules), 0.0)
    for t in texts:
        d = Document(t)
        for r in rules:
            t0 = time.perf_counter()
            list(r.find(d))
            per[r.id] += time.perf_counter() - t0
    if best is None or sum(per.values()) < sum(best.values()):
        best = per
try:
    from cleanfr.rules.phrases import shared_matcher
    from cleanfr.rules.phrases._matcher import fold_keeping_offsets
except ImportError:  # the layout of the revision the issue was filed against
    from cleanfr.phrases import fold as fold_keeping_offsets, shared_matcher
matcher = shared_matcher()
scans = []
for _ in range(int(sys.argv[3])):
    t0 = time.perf_counter()
    for t in texts:
        matcher.find(fold_keeping_offsets(t))
    scans.append(time.perf_counter() - t0)
scan = min(scans)
print(json.dumps({"mb": mb, "documents": len(texts), "rules": best, "scan": scan, "surfaces": matcher.size}))
"""


def measure(checkout: Path, rounds: int = ROUNDS) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(checkout), str(DATA / "dev" / "clean"), str(rounds)],
        capture_output=True,
        text=True,
    )
    if out.returncode:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        hint = ""
        if "ahocorasick" in last:  # revisions before 468ed56 use pyahocorasick, which cleanfr no longer needs
            hint = " (that revision needs pyahocorasick: pip install -e '.[bench]')"
        raise RuntimeError(f"timing {checkout} failed: {last}{hint}")
    return json.loads(out.stdout)


def _faster(a: dict | None, b: dict) -> dict:
    return b if a is None or sum(b["rules"].values()) < sum(a["rules"].values()) else a


def measure_interleaved(revision: str, turns: int = TURNS) -> tuple[dict, dict]:
    """This checkout and ``revision`` (in a temporary worktree) timed in turns, A B A B…, the faster
    measurement of each kept: a drift of the host during the run weighs on both alike."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), revision], check=True)
        try:
            now = then = None
            for _ in range(turns):
                now = _faster(now, measure(REPO))
                then = _faster(then, measure(tree))
            assert now is not None and then is not None
            return now, then
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)


def _row(label: str, m: dict) -> str:
    total = sum(m["rules"].values())
    return f"| {label} | {m['surfaces']:,} | {m['scan'] / m['mb']:.4f} | {total / m['mb']:.4f} |"


def run(against: str | None = FILED) -> str:
    if against:
        now, then = measure_interleaved(against)
        rows = [_row("this checkout", now), _row(f"`{against}`", then)]
    else:
        now = measure(REPO)
        rows = [_row("this checkout", now)]
    lines = [
        "## Phrase pass throughput",
        "",
        f"Every phrase-pass rule once over each of the {now['documents']} documents of `dev/clean/` "
        f"({now['mb']:.1f} MB), fresh document each, best of {ROUNDS}"
        + (
            f", the two checkouts in {TURNS} alternating turns (a child process each, the faster kept)"
            if against
            else ""
        )
        + "; scan = fold and walk of the shared automaton alone (`quality_phrase_speed.py`).",
        "",
        "| checkout | automaton surfaces | scan s/MB | pass s/MB |",
        "|---|---:|---:|---:|",
        *rows,
        "",
        "| rule (this checkout; the first to read a shared memo pays for it) | s/MB |",
        "|---|---:|",
        *(
            f"| {rule} | {seconds / now['mb']:.4f} |"
            for rule, seconds in sorted(now["rules"].items(), key=lambda x: -x[1])
        ),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default=FILED, help=f"a git revision to time too (default {FILED}; '' for none)")
    print(run(parser.parse_args().against or None))


if __name__ == "__main__":
    main()
