"""The datatrove step in a real local pipeline: JsonlReader → CleanfrFormatter → JsonlWriter."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleanfr import fix  # noqa: E402
from cleanfr.integrations.datatrove import CleanfrFormatter  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "corpus.jsonl"


def _written(folder: Path) -> list[dict]:
    docs = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f)
    return docs


def test_local_pipeline_cleans_documents_and_counts_edits(tmp_path: Path):
    data = tmp_path / "in"
    data.mkdir()
    shutil.copy(EXAMPLE, data / "a.jsonl")
    (data / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "Il fait beau."}) + "\n", encoding="utf-8")
    out, logs = tmp_path / "out", tmp_path / "logs"
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(data)), CleanfrFormatter(store_edits=True), JsonlWriter(str(out))],
        tasks=2, workers=1, logging_dir=str(logs),
    )
    executor.run()
    originals = {json.loads(l)["id"]: json.loads(l)["text"] for l in EXAMPLE.read_text(encoding="utf-8").splitlines()}
    originals["b1"] = "Il fait beau."
    written = _written(out)
    assert sorted(d["id"] for d in written) == sorted(originals)
    applied_total = 0
    for doc in written:
        expected = fix(originals[doc["id"]])
        assert doc["text"] == expected.text
        summary = doc["metadata"]["cleanfr"]
        assert summary["applied"] == len(expected.applied)
        assert summary["suggested"] == len(expected.suggested)
        assert sum(summary["categories"].values()) == summary["applied"]
        assert len(summary["edits"]) == len(expected.edits)
        applied_total += summary["applied"]
    assert applied_total > 0
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "cleanfr" in s["name"])
    assert step["stats"]["cleanfr_applied"]["total"] == applied_total
    assert step["stats"]["cleanfr_unicode"]["total"] > 0


def test_bad_selection_fails_when_the_pipeline_is_defined():
    from cleanfr.pipeline import SelectionError

    with pytest.raises(SelectionError):
        CleanfrFormatter(select=["no-such-rule"])
