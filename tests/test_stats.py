"""``cleanfr stats``: counts per category and rule, applied and suggested, rate per 10,000 words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleanfr import fix
from cleanfr.stats import Stats

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corpus.jsonl"


def test_counts_and_rates():
    s = Stats()
    r = fix("Ã©tÃ© Ã  Paris")
    s.add_text_result(r.edits, words=20_000)
    s.add_text_result([], words=0)
    d = s.to_dict()
    assert d["documents"] == 2 and d["words"] == 20_000 and d["applied"] == len(r.applied)
    (row,) = [x for x in d["rules"] if x["rule"] == "mojibake"]
    assert row["applied"] == len(r.applied) and row["per_10k_words"] == len(r.applied) / 2
    table = s.to_table()
    assert "mojibake" in table and "total" in table.splitlines()[-1]


def test_stats_command_json_matches_the_log():
    p = subprocess.run([sys.executable, "-m", "cleanfr", "stats", str(EXAMPLE), "--format", "json", "-q", "--no-config"],
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    texts = [json.loads(line)["text"] for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    results = [fix(t) for t in texts]
    assert data["documents"] == len(texts)
    assert data["words"] == sum(len(t.split()) for t in texts)
    assert data["applied"] == sum(len(r.applied) for r in results)
    assert data["suggested"] == sum(len(r.suggested) for r in results)
    assert sum(c["applied"] for c in data["categories"]) == data["applied"]
    table = subprocess.run([sys.executable, "-m", "cleanfr", "stats", str(EXAMPLE), "-q", "--no-config"],
                           capture_output=True, timeout=120).stdout.decode()
    assert "per 10k words" in table and "unicode" in table
