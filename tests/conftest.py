"""Shared test configuration: hypothesis profiles and paths to the shared corpora.

Profiles: ``default`` keeps the run short; ``thorough`` (``pytest --hypothesis-profile=thorough``)
runs many more examples per property.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
#: The shared corpora (``../shared/data`` beside the repository, as in CI).
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
