"""Shared test configuration: hypothesis profiles and paths to the shared corpora.

Profiles: ``default`` keeps the run short; ``thorough`` (``pytest --hypothesis-profile=thorough``)
runs many more examples per property. Neither keeps an example database; both are derandomised under CI.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

# The command's test modules share helpers (tests/cli_helpers.py); with --import-mode=importlib test
# modules are not importable by name, so this folder goes on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# A run's verdict never depends on an earlier run: no example database (a failure saved once would replay
# in every later run of that checkout); a failure prints its reproduction blob, and the example is pinned
# with @example beside its test. Under CI (``CI`` set, as .ci/run does) the runs are also derandomised: the
# same commit gets the same verdict. Set explicitly, not inherited from hypothesis's own CI detection, which
# depends on its version.
_IN_CI = bool(os.environ.get("CI"))
_COMMON = dict(deadline=None, database=None, print_blob=True, derandomize=_IN_CI)
settings.register_profile("default", max_examples=60, suppress_health_check=[HealthCheck.too_slow], **_COMMON)
settings.register_profile("thorough", max_examples=2500, suppress_health_check=list(HealthCheck), **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
#: The shared corpora (``../shared/data`` beside the repository, as in CI).
SHARED_DATA = REPO.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"
