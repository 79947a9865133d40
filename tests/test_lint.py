"""ruff (lint and format) and mypy, as configured in pyproject.toml, find nothing in the package, nor ruff in the tests (run by the suite, so by CI)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_ruff_finds_nothing() -> None:
    # The tests too: an unused import or an unsorted block there is as easy to leave as in the package.
    run = subprocess.run([_tool("ruff"), "check", "cleanfr", "tests"], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_changes_nothing() -> None:
    run = subprocess.run([_tool("ruff"), "format", "--check", "cleanfr"], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_mypy_finds_nothing() -> None:
    run = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
