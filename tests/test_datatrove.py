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
    originals = {json.loads(row)["id"]: json.loads(row)["text"] for row in EXAMPLE.read_text(encoding="utf-8").splitlines()}
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


# --- the README's examples (issue 16, item 11) -----------------------------------------------------

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_datatrove_snippets() -> list[str]:
    """The Python blocks of the README's datatrove section, in order."""
    import re

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## datatrove step"):]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_readme_local_example_finishes_as_a_script_with_two_workers(tmp_path: Path):
    """Run exactly as a user would (``python clean_corpus.py``): datatrove starts workers with forkserver,
    which import the script; without the ``__main__`` guard the run never ends."""
    import subprocess
    import sys

    script = _readme_datatrove_snippets()[0]
    assert "LocalPipelineExecutor" in script and "workers=2" in script
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples" / "a.jsonl")
    (tmp_path / "examples" / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": "Ã©tÃ© Ã  Paris"}) + "\n", encoding="utf-8")
    (tmp_path / "clean_corpus.py").write_text(script, encoding="utf-8")
    p = subprocess.run([sys.executable, "clean_corpus.py"], cwd=tmp_path, capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    written = _written(tmp_path / "clean")
    originals = [json.loads(line) for path in ("a.jsonl", "b.jsonl")
                 for line in (tmp_path / "examples" / path).read_text(encoding="utf-8").splitlines()]
    assert sorted(d["id"] for d in written) == sorted(d["id"] for d in originals)
    texts = {d["id"]: d["text"] for d in originals}
    assert all(d["text"] == fix(texts[d["id"]]).text for d in written)


@pytest.mark.parametrize("executor", ["SlurmPipelineExecutor", "RayPipelineExecutor"])
def test_readme_cluster_examples_use_real_arguments(executor: str):
    """The Slurm and Ray snippets compile, are guarded, and pass only arguments their executor takes."""
    import ast
    import importlib
    import inspect

    snippet = next(s for s in _readme_datatrove_snippets() if executor in s)
    tree = ast.parse(snippet)
    assert any(isinstance(n, ast.If) and "__main__" in ast.unparse(n.test) for n in tree.body)
    module = {"SlurmPipelineExecutor": "datatrove.executor.slurm", "RayPipelineExecutor": "datatrove.executor.ray"}
    try:
        cls = getattr(importlib.import_module(module[executor]), executor)
    except ImportError:  # pragma: no cover - ray's executor module may need ray
        pytest.skip(f"{executor} cannot be imported here")
    accepted = set(inspect.signature(cls.__init__).parameters)
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and ast.unparse(n.func) == executor]
    assert calls
    for call in calls:
        assert {k.arg for k in call.keywords} <= accepted
