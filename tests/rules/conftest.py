"""Rule tests study what each rule finds, so they trust the rules' stated confidences.

Which grades the default pipeline applies is decided by their precision measured on real text
(``cleanfr/calibration.py``, ``cleanfr/data/precision.tsv``); ``tests/test_calibration.py`` tests that gate.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from cleanfr import pipeline


@pytest.fixture(autouse=True)
def trust_stated_confidences(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pipeline, "DEFAULT_TRUST", "stated")
    yield

