"""Judge edits on ``../shared/data/dev/mt`` that the English source settles, without a reader.

    python benchmarks/judge_mt_source.py   # after benchmarks/audit.py run

Each ``dev/mt/NAME.mt.txt`` has its English source beside it (``NAME.src.txt``). A ``localised-version``
edit (``PowerShell 2,0`` → ``PowerShell 2.0``) is ``correct`` when the source writes that name with that
version (``PowerShell 2.0``) and ``wrong`` when it writes the name with the comma form; any other case is
left for a reader. Written to ``benchmarks/judgments/mt-source.jsonl``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import audit  # noqa: E402


def main() -> None:
    rows = []
    for e in audit.load_edits():
        if e["rule"] != "localised-version" or e["kind"] != "dev/mt":
            continue
        mt = audit.DATA / e["file"]
        source = mt.with_name(mt.name.replace(".mt.txt", ".src.txt")).read_text(encoding="utf-8")
        at = e["start"] - max(0, e["start"] - audit.CONTEXT)  # where the edit starts in its context
        name = re.search(r"(\S+)[ \u00a0]$", e["context"][:at])
        if name is None:
            continue
        name_text = name.group(1)
        if f"{name_text} {e['replacement']}" in source:
            verdict, reason = "correct", f"the English source writes {name_text} {e['replacement']}"
        elif f"{name_text} {e['original']}" in source:
            verdict, reason = "wrong", f"the English source writes {name_text} {e['original']} too"
        else:
            continue
        rows.append(audit.judgment_row(e, verdict, reason, "automatic (English source of dev/mt)"))
    out = HERE / "judgments" / "mt-source.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{out}: {len(rows)} edits, {sum(r['verdict'] == 'correct' for r in rows)} correct")


if __name__ == "__main__":
    main()
