"""Rebuild docs/report.png: the HTML report of the example corpus, as headless Chromium shows it.

Run from the repository root: ``python docs/make_screenshot.py`` (needs the ``chromium`` Debian package).
The page opens on one edit (``#focus=d0-e2``) so that its detail is visible in the picture.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Flags for a headless browser that touches no network and keeps no state between runs.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)


def chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary, if one is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(url: str, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium on ``url`` with a fresh profile; ``args`` add e.g. ``--dump-dom``."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("Chromium not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="cleanfr-chromium-") as profile:
        return subprocess.run(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args, url],
            capture_output=True, timeout=timeout,
        )


def make_report(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "cleanfr", "report", "examples/corpus.jsonl", "examples/texts", "--glob", "*.txt",
         "-o", str(path), "-q", "--no-config", "--title", "cleanfr — corpus d’exemple"],
        cwd=ROOT, check=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        make_report(report)
        out = ROOT / "docs" / "report.png"
        run_chromium(report.as_uri() + "#focus=d0-e2", "--window-size=1280,860", f"--screenshot={out}")
        print(f"wrote {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
