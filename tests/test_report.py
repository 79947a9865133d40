"""The HTML report: structure from Python, then the real page in headless Chromium."""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleanfr import Edit
from cleanfr.report import render_document, render_report
from cleanfr.stats import Stats

ROOT = Path(__file__).resolve().parent.parent


def _screenshot_module():
    spec = importlib.util.spec_from_file_location("make_screenshot", ROOT / "docs" / "make_screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_applied_and_suggested_edits_are_marked_differently_with_details():
    text = "jai vu  la mer"
    edits = [
        Edit(0, 3, "jai", "j’ai", "lost-apostrophe", "apostrophe", 0.95, "apostrophe perdue"),
        Edit(6, 8, "  ", " ", "double-space", "typography", 0.6, "espace double", applied=False),
    ]
    page = render_document(text, edits)
    assert '<del>jai</del><ins>j’ai</ins>' in page
    applied, suggested = re.findall(r'<span id="e-\d" class="ed (\w+) ', page)
    assert (applied, suggested) == ("ap", "sg")
    assert "<del>␣␣</del><ins>␣</ins>" in page  # whitespace edits are visible
    assert html.escape("confiance 0.60 · suggérée (non appliquée)\nespace double") in page
    assert re.sub(r"<[^>]+>", "", page.replace("<ins>j’ai</ins>", "").replace("<ins>␣</ins>", "")).replace("␣", " ") == text


def test_text_is_escaped_and_overlapping_edits_do_not_duplicate_text():
    text = "<b>a&b</b>"
    edits = [Edit(0, 3, "<b>", "", "r1", "c", 0.9, "m"), Edit(1, 2, "b", "B", "r2", "c", 0.5, "m")]
    page = render_document(text, edits)
    assert "<b>" not in page and "&lt;b&gt;" in page and page.count("&lt;b&gt;") == 1


def test_report_page_has_summary_and_navigation():
    stats = Stats()
    e = Edit(0, 1, "a", "b", "r", "unicode", 1.0, "m")
    stats.add_text_result([e], words=10)
    page = render_report([("doc one", "a", [e]), ("doc two", "x", [])], stats, "T")
    assert 'href="#doc-0"' in page and 'href="#doc-1"' in page
    assert 'class="bar ap c-unicode"' in page and "1000.00" in page
    assert "http" not in page.split("<body>")[1]  # self-contained: nothing to fetch


def test_report_in_headless_chromium(tmp_path: Path):
    shot = _screenshot_module()
    if shot.chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (apt-get install -y chromium)")
        pytest.skip("Chromium not installed")
    report = tmp_path / "report.html"
    p = subprocess.run(
        [sys.executable, "-m", "cleanfr", "report", "examples/corpus.jsonl", "examples/texts", "--glob", "*.txt",
         "-o", str(report), "-q", "--no-config"], cwd=ROOT, capture_output=True, timeout=300,
    )
    assert p.returncode == 0, p.stderr
    source = report.read_text(encoding="utf-8")
    expected = len(re.findall(r'<span id="d\d+-e\d+" class="ed ', source))
    assert expected > 0
    # Open the page on one edit: the script must have run, counted the edits and shown that edit's detail.
    first = re.search(r'<span id="(d\d+-e\d+)" class="ed [^"]*" tabindex="0" data-rule="([^"]+)"', source)
    dom = shot.run_chromium(report.as_uri() + "#focus=" + first.group(1), "--dump-dom").stdout.decode()
    assert 'data-ready="1"' in dom, dom[:500]
    assert f'data-edits="{expected}"' in dom
    assert len(re.findall(r'class="ed (?:ap|sg) ', dom)) >= expected
    assert "<del>Ã©</del><ins>é</ins>" in dom
    tip = re.search(r'<div id="tip"([^>]*)>([^<]*)</div>', dom)
    assert tip and "hidden" not in tip.group(1)
    assert first.group(2) in tip.group(2) and "confiance" in tip.group(2)
    png = tmp_path / "shot.png"
    shot.run_chromium(report.as_uri(), "--window-size=1000,700", f"--screenshot={png}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
