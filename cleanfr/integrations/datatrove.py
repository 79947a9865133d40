"""A datatrove pipeline step that repairs ``document.text`` with cleanfr (``pip install 'cleanfr[datatrove]'``).

It runs on any datatrove executor (local, Slurm, Ray), so a corpus larger than one machine is cleaned where
it lives. For each document it:

* replaces ``document.text`` by the repaired text;
* stores an edit summary in ``document.metadata["cleanfr"]``: ``{"applied": 2, "suggested": 0,
  "categories": {"unicode": 2}}`` (and the full edit log under ``"edits"`` with ``store_edits=True``);
* counts edits in datatrove's stats: ``cleanfr_applied``, ``cleanfr_suggested``, ``cleanfr_changed_docs`` and
  one ``cleanfr_<category>`` counter per category of applied edits.

Example (a script; the ``__main__`` guard is required, since datatrove's workers import the script)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanfr.integrations.datatrove import CleanfrFormatter

    if __name__ == "__main__":
        LocalPipelineExecutor(pipeline=[
            JsonlReader("examples/"), CleanfrFormatter(), JsonlWriter("out/"),
        ], tasks=4, workers=4).run()

The same pipeline runs on a cluster with ``SlurmPipelineExecutor`` or ``RayPipelineExecutor`` (see the README).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

try:
    from datatrove.data import DocumentsPipeline
    from datatrove.pipeline.formatters.base import BaseFormatter
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("cleanfr's datatrove step needs datatrove: pip install 'cleanfr[datatrove]'") from exc

from ..config import build_pipeline, load_config
from ..pipeline import Pipeline, Result

__all__ = ["CleanfrFormatter"]


class CleanfrFormatter(BaseFormatter):
    """Repair French text in ``document.text``; edit summary in ``document.metadata[metadata_key]``.

    ``select``/``ignore``/``min_confidence`` work as the command's options; ``config`` is the path of a
    ``cleanfr.toml`` (or ``pyproject.toml``) whose settings apply, options first.
    """

    name = "🇫🇷 cleanfr"

    def __init__(
        self,
        select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        min_confidence: float | None = None,
        config: str | None = None,
        store_edits: bool = False,
        metadata_key: str = "cleanfr",
    ) -> None:
        super().__init__()
        self.select = tuple(select) if select is not None else None
        self.ignore = tuple(ignore) if ignore is not None else None
        self.min_confidence = min_confidence
        # Loaded now so that a bad configuration fails when the pipeline is defined, not on a remote node.
        self.config = load_config(config) if config else None
        self.store_edits = store_edits
        self.metadata_key = metadata_key
        self._pipeline: Pipeline | None = None
        build_pipeline(self.select, self.ignore, self.min_confidence, self.config)  # validates the selection

    def __getstate__(self) -> dict[str, Any]:
        # Executors ship the step to workers: send the settings, not the compiled rules.
        state = dict(self.__dict__)
        state["_pipeline"] = None
        return state

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.select, self.ignore, self.min_confidence, self.config)
        return self._pipeline

    def repair(self, text: str) -> Result:
        """The full result (text and edit log) for one text."""
        return self.pipeline.fix(text)

    def format(self, text: str) -> str:
        return self.repair(text).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update("total")
            with self.track_time():
                result = self.repair(doc.text)
            applied = [e for e in result.edits if e.applied]
            categories = Counter(e.category for e in applied)
            summary: dict[str, Any] = {
                "applied": len(applied),
                "suggested": len(result.edits) - len(applied),
                "categories": dict(sorted(categories.items())),
            }
            if self.store_edits:
                summary["edits"] = [e.to_dict() for e in result.edits]
            doc.metadata[self.metadata_key] = summary
            if result.text != doc.text:
                self.stat_update("cleanfr_changed_docs")
            doc.text = result.text
            if applied:
                self.stat_update("cleanfr_applied", value=len(applied))
            if summary["suggested"]:
                self.stat_update("cleanfr_suggested", value=summary["suggested"])
            for category, n in categories.items():
                self.stat_update(f"cleanfr_{category}", value=n)
            yield doc
