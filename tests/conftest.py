"""Shared test configuration: hypothesis profiles and paths to the shared corpora.

Profiles: ``default`` keeps the run short; ``thorough`` (``pytest --hypothesis-profile=thorough``)
runs many more examples per property.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

# The command's test modules share helpers (tests/cli_helpers.py); with --import-mode=importlib test
# modules are not importable by name, so this folder goes on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile("default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2500, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
#: The shared corpora (``../shared/data`` beside the repository, as in CI).
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
