"""The ``cleanfr`` command, run as a real process: outputs, exit codes, logs, atomic writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanfr import Edit, apply

MOJIBAKE = "Ã©tÃ© Ã  Paris\n".encode()
CLEAN = "L’été « chaud »\u00a0! Il l'a dit.\r\nFin sans retour".encode()


def run(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleanfr", *args], input=input, capture_output=True, cwd=cwd, timeout=120
    )


def test_stdin_to_stdout_repairs_mojibake():
    p = run("fix", "-", "-q", input=MOJIBAKE)
    assert p.returncode == 0
    assert p.stdout.decode() == "été à Paris\n"
    assert p.stderr == b""


def test_clean_french_passes_byte_identical(tmp_path: Path):
    f = tmp_path / "clean.txt"
    f.write_bytes(CLEAN)
    p = run("fix", str(f))
    assert p.returncode == 0 and p.stdout == CLEAN


def test_log_is_exact_and_names_files_with_several_inputs(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(MOJIBAKE)
    b.write_bytes(CLEAN)
    log = tmp_path / "log.jsonl"
    p = run("fix", str(a), str(b), "--log", str(log), "-q")
    assert p.returncode == 0
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert records and all(r["file"] == str(a) for r in records)
    edits = [Edit.from_dict(r) for r in records]
    assert apply(MOJIBAKE.decode(), edits) == "été à Paris\n"
    assert set(records[0]) >= {"start", "end", "original", "replacement", "rule", "category", "confidence", "message", "applied"}


def test_check_exits_1_and_writes_nothing(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    p = run("fix", "--check", str(f))
    assert p.returncode == 1 and p.stdout == b""
    assert f.read_bytes() == MOJIBAKE
    g = tmp_path / "c.txt"
    g.write_bytes(CLEAN)
    assert run("fix", "--check", str(g)).returncode == 0


def test_diff_is_unified_and_writes_nothing(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    p = run("fix", "--diff", str(f))
    out = p.stdout.decode()
    assert p.returncode == 0
    assert f"--- a/{f}" in out and "-Ã©tÃ© Ã  Paris" in out and "+été à Paris" in out
    assert f.read_bytes() == MOJIBAKE


def test_in_place_rewrites_atomically_and_keeps_mode(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    os.chmod(f, 0o640)
    p = run("fix", "-i", str(f), "-q")
    assert p.returncode == 0 and p.stdout == b""
    assert f.read_text() == "été à Paris\n"
    assert oct(f.stat().st_mode & 0o777) == oct(0o640)
    assert [x.name for x in tmp_path.iterdir()] == ["m.txt"]  # no temporary left behind


def test_output_file(tmp_path: Path):
    f, out = tmp_path / "m.txt", tmp_path / "out.txt"
    f.write_bytes(MOJIBAKE)
    assert run("fix", str(f), "-o", str(out), "-q").returncode == 0
    assert out.read_text() == "été à Paris\n"


def test_select_and_ignore(tmp_path: Path):
    p = run("fix", "-", "--ignore", "unicode", "-q", input=MOJIBAKE)
    assert p.stdout == MOJIBAKE
    p = run("fix", "-", "--select", "mojibake", "-q", input=MOJIBAKE)
    assert p.stdout.decode() == "été à Paris\n"


def test_min_confidence_above_everything_only_suggests(tmp_path: Path):
    log = tmp_path / "log.jsonl"
    p = run("fix", "-", "--min-confidence", "1", "--log", str(log), "-q", input=MOJIBAKE)
    assert p.stdout == MOJIBAKE
    records = [json.loads(line) for line in log.read_text().splitlines()]
    assert records and not any(r["applied"] for r in records)


@pytest.mark.parametrize(
    "args, message",
    [
        (["fix", "missing.txt"], "cleanfr: missing.txt: no such file"),
        (["fix", "--select", "nonsense", "-"], "unknown rule or category: 'nonsense'"),
        (["fix", "--min-confidence", "2", "-"], "must be between 0 and 1"),
        (["fix", "-i", "-"], "--in-place needs files"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args: list[str], message: str):
    p = run(*args, input=b"")
    assert p.returncode == 2
    assert message in p.stderr.decode()
    assert "Traceback" not in p.stderr.decode()


def test_invalid_utf8_is_an_error_naming_the_file_and_byte(tmp_path: Path):
    f = tmp_path / "bad.txt"
    data = b"caf\xe9 au lait\n"
    f.write_bytes(data)
    p = run("fix", "-i", str(f))
    assert p.returncode == 2
    assert f"{f}: invalid UTF-8 at byte 3" in p.stderr.decode()
    assert f.read_bytes() == data


def test_surrogateescape_round_trips_undecodable_bytes(tmp_path: Path):
    f = tmp_path / "bad.txt"
    data = b"caf\xe9 au lait\r\n"
    f.write_bytes(data)
    p = run("fix", str(f), "--errors", "surrogateescape", "-q")
    assert p.returncode == 0 and p.stdout == data


def test_rules_lists_and_documents():
    p = run("rules")
    assert p.returncode == 0 and b"mojibake" in p.stdout
    doc = run("rules", "mojibake")
    assert "Ã©tÃ©".encode() in doc.stdout
    data = json.loads(run("rules", "--format", "json").stdout)
    assert {"id", "category", "pass", "default", "description", "doc"} <= set(data[0])
