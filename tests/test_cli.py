"""The ``cleanfr`` command, run as a real process: outputs, exit codes, logs, atomic writes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import big_text, run

from cleanfr import Edit, apply

MOJIBAKE = "Ã©tÃ© Ã  Paris\n".encode()
CLEAN = "L’été « chaud »\u00a0! Il l'a dit.\r\nFin sans retour".encode()


def run_process(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "cleanfr", *args], input=input, capture_output=True, cwd=cwd, timeout=120
    )


def test_stdin_to_stdout_repairs_mojibake():
    p = run_process("fix", "-", "-q", input=MOJIBAKE)
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
    p = run("fix", "--check", str(f), "-q")
    assert p.returncode == 1 and p.stdout == b""
    assert f.read_bytes() == MOJIBAKE
    g = tmp_path / "c.txt"
    g.write_bytes(CLEAN)
    assert run("fix", "--check", str(g)).returncode == 0


def test_diff_is_unified_writes_nothing_and_exits_1_on_changes(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    p = run("fix", "--diff", str(f))
    out = p.stdout.decode()
    assert p.returncode == 1  # as ``ruff format --diff``: there are changes
    assert f"--- a/{f}" in out and "-Ã©tÃ© Ã  Paris" in out and "+été à Paris" in out
    assert f.read_bytes() == MOJIBAKE
    g = tmp_path / "c.txt"
    g.write_bytes(CLEAN)
    p = run("fix", "--diff", str(g))
    assert p.returncode == 0 and p.stdout == b""


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
    p = run_process("fix", "-i", str(f))
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
    # formatted for a reader, not the raw docstring (issue 16, item 19)
    for rule in data:
        text = run("rules", rule["id"]).stdout.decode()
        lines = text.splitlines()
        assert lines[0] == f"{rule['id']}: {rule['description']}" and set(lines[1]) == {"="}
        assert f"default: {'on' if rule['default'] else 'off'}" in text
        body = [line for line in lines[4:] if line.strip()]
        assert "``" not in text and not all(line.startswith(" ") for line in body), text  # dedented


# --- Issue 8: nothing lost, never a traceback ------------------------------------------------------


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("final", [True, False])
def test_line_endings_and_final_newline_survive_chunking(tmp_path: Path, ending: str, final: bool):
    text = ending.join(["Ã©tÃ© Ã  Paris", "", "Il fait beau , dit-il.", "Fin"] * 200) + (ending if final else "")
    f = tmp_path / "t.txt"
    f.write_bytes(text.encode())
    log = tmp_path / "log.jsonl"
    p = run("fix", str(f), "--chunk-size", "300", "--log", str(log), "-q")
    assert p.returncode == 0
    out = p.stdout.decode()
    assert out.count(ending) == text.count(ending) and out.endswith(ending) == final
    if ending != "\r":
        assert "\r\n".join(out.split("\r\n")).count("\r") == text.count("\r")
    edits = [Edit.from_dict(json.loads(line)) for line in log.read_text().splitlines()]
    assert apply(text, edits) == out


def test_binary_file_is_skipped_with_a_warning_and_others_still_processed(tmp_path: Path):
    b, t = tmp_path / "b.bin", tmp_path / "t.txt"
    b.write_bytes(b"\x89PNG\x00\x00data")
    t.write_bytes(MOJIBAKE)
    p = run("fix", "-i", str(b), str(t))
    assert p.returncode == 2
    assert f"cleanfr: warning: {b}: binary file (NUL byte at offset 4), skipped" in p.stderr.decode()
    assert b.read_bytes() == b"\x89PNG\x00\x00data" and t.read_text() == "été à Paris\n"


def test_nul_after_a_utf8_bom_is_still_binary(tmp_path: Path):
    f = tmp_path / "bomnul.txt"
    f.write_bytes(b"\xef\xbb\xbfab\x00cd")
    p = run("fix", "-i", str(f))
    assert p.returncode == 2 and "binary file (NUL byte at offset 5), skipped" in p.stderr.decode()
    assert f.read_bytes() == b"\xef\xbb\xbfab\x00cd"


def test_invalid_utf8_deep_in_a_big_file_leaves_no_output(tmp_path: Path):
    f, out = tmp_path / "t.txt", tmp_path / "out.txt"
    data = "Il fait beau.\n".encode() * 200_000 + b"\xff\n"
    f.write_bytes(data)
    p = run("fix", str(f), "--select", "unicode")
    assert p.returncode == 2 and p.stdout == b""  # checked before the first byte is written
    assert f"{f}: invalid UTF-8 at byte {len(data) - 2}" in p.stderr.decode()
    assert run("fix", str(f), "-o", str(out)).returncode == 2 and not out.exists()


def test_directory_and_missing_and_unwritable_targets(tmp_path: Path):
    p = run("fix", str(tmp_path))
    assert p.returncode == 2 and "is a directory (walk it with --glob" in p.stderr.decode()
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    p = run("fix", str(f), "-o", str(tmp_path / "no" / "such" / "out.txt"))
    assert p.returncode == 2 and "out.txt: cannot write: no such directory" in p.stderr.decode()
    assert not (tmp_path / "no").exists()  # only --output-dir creates directories
    p = run("fix", str(f), "-o", "/proc/version")
    assert p.returncode == 2 and len(p.stderr.splitlines()) == 1 and b"Traceback" not in p.stderr
    assert f.read_bytes() == MOJIBAKE


def test_disk_full_on_stdout_is_one_line_exit_2(tmp_path: Path):
    f = tmp_path / "m.txt"
    big_text(f, 0.1)
    with open("/dev/full", "wb") as full:
        p = subprocess.run([sys.executable, "-m", "cleanfr", "fix", str(f), "--select", "unicode", "-q"],
                           stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert p.returncode == 2
    assert p.stderr.decode().strip() == "cleanfr: <stdout>: No space left on device"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_broken_pipe_ends_quietly(tmp_path: Path, jobs: str):
    f = tmp_path / "big.txt"
    big_text(f, 2)
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleanfr", "fix", str(f), "--select", "unicode", "--chunk-size", "20000", "--jobs", jobs],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout.read(1000)
    proc.stdout.close()  # as `| head -c 1000` does
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 141
    assert err == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_write_leaves_the_original_and_no_temporary(tmp_path: Path, jobs: str):
    import signal
    import time

    f = tmp_path / "big.txt"
    data = big_text(f, 12)  # long enough to be still running at the signal, however fast the machine
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleanfr", "fix", "-i", str(f), "--chunk-size", "20000", "--jobs", jobs],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # A test run started in the background (``nohup … &``) passes SIGINT on as ignored, and Python then
        # leaves it ignored: the command gets it as a terminal would send it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.startswith(".cleanfr-") for p in tmp_path.iterdir()):
        time.sleep(0.05)
    time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    assert proc.stderr.read().decode().strip().splitlines()[-1] == "cleanfr: interrupted"
    assert f.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]


def test_usage_errors_are_one_line():
    for args in (["fix", "--jobs", "x", "-"], ["fix", "--format", "xml", "-"], ["nonsense"], []):
        p = run_process(*args, input=b"")
        assert p.returncode == 2 and len(p.stderr.splitlines()) == 1 and p.stderr.startswith(b"cleanfr: ")


def test_progress_bar_only_on_a_terminal(tmp_path: Path):
    import fcntl
    import pty
    import struct
    import termios

    f = tmp_path / "big.txt"
    big_text(f, 0.25)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([sys.executable, "-m", "cleanfr", "fix", str(f), "--chunk-size", "10000", "-o",
                             str(tmp_path / "out.txt"), "--select", "unicode"], stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        seen += data
    assert proc.wait(timeout=120) == 0
    os.close(master)
    assert b"B/s" in seen and b"%" in seen  # tqdm: bytes, rate, percentage
    # The per-file summary has a line of its own, never appended to the bar's (issue 16, item 19).
    segments = [s.strip() for s in re.split(rb"[\r\n]", seen)]
    summaries = [s for s in segments if b"edits applied" in s or b"edit applied" in s]
    assert summaries and all(s.startswith(str(f).encode()) and b"B/s" not in s for s in summaries), summaries
    quiet = subprocess.run([sys.executable, "-m", "cleanfr", "fix", str(f), "--chunk-size", "10000", "-o",
                            str(tmp_path / "out.txt"), "--select", "unicode"], capture_output=True, timeout=120)
    assert b"B/s" not in quiet.stderr and quiet.stderr.count(b"\n") == 1  # just the summary line


def test_readme_commands_never_rewrite_the_shipped_examples():
    """The README's shell examples may read examples/ but never write into it (-i, -o or a redirection)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    lines = [line for block in re.findall(r"```sh\n(.*?)```", readme, re.S) for line in block.splitlines()]
    assert any("--in-place" in line for line in lines)
    for line in lines:
        words = line.split("#")[0].split()
        if "--in-place" in words or "-i" in words:
            assert not any(w.startswith("examples") for w in words), line
        for flag in ("-o", "--output-dir", ">", "--log"):
            if flag in words[:-1]:
                assert not words[words.index(flag) + 1].startswith("examples"), line
        if words[:1] == ["gzip"]:
            assert "-c" in words, line  # gzip -k would write beside the example


@pytest.mark.parametrize("chunk", ["1000000", "64"])
def test_check_lists_file_line_col_rule_message(tmp_path: Path, chunk: str):
    """As ruff and typos: one ``file:line:col: rule message`` per edit that would be applied (issue 16, item 19)."""
    text = "Première ligne.\r\nÃ©tÃ© Ã  Paris\n\n" + "Une ligne assez longue pour être coupée. " * 4 + "Ã©tÃ©\rfin Ã  Paris\n"
    f = tmp_path / "c.txt"
    f.write_bytes(text.encode())
    log = tmp_path / "log.jsonl"
    p = run("fix", "--check", str(f), "--chunk-size", chunk, "--log", str(log), "--no-config")
    assert p.returncode == 1
    expected = []
    for record in map(json.loads, log.read_text(encoding="utf-8").splitlines()):
        if record["applied"]:
            before = text[: record["start"]]
            line = len(re.findall(r"\r\n|\r|\n", before)) + 1
            column = record["start"] - max(before.rfind("\n"), before.rfind("\r"))
            expected.append(f"{f}:{line}:{column}: {record['rule']} {record['message']}")
    assert expected and p.stdout.decode().splitlines() == expected
    assert any(":2:1: mojibake " in line for line in expected)
    g = tmp_path / "c.jsonl"
    g.write_bytes(b'{"text": "ok"}\n{"id": 2, "text": "Il a dit : \xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9"}\n')
    p = run("fix", "--check", str(g), "--no-config")
    assert p.returncode == 1 and p.stdout.decode().startswith(f"{g}:2:12: mojibake ")



def test_diff_in_colour_marks_the_changed_words(tmp_path: Path):
    """In a long paragraph the one repaired word must stand out (issue 16, item 19): ``--color`` highlights it."""
    para = "Une longue phrase qui parle de choses et d’autres, puis Ã©tÃ© et encore beaucoup de mots derrière.\n"
    f = tmp_path / "d.txt"
    f.write_bytes(para.encode())
    fixed = run("fix", str(f), "-q", "--no-config").stdout.decode()
    assert fixed != para
    plain = run("fix", "--diff", str(f), "-q", "--no-config")
    assert plain.returncode == 1 and b"\x1b[" not in plain.stdout  # not a terminal: a plain diff, for patch
    p = run("fix", "--diff", "--color", "always", str(f), "-q", "--no-config")
    assert p.returncode == 1
    out = p.stdout.decode()
    assert "\x1b[31m-Une longue phrase qui parle de choses et d’autres, puis \x1b[7mÃ©tÃ©\x1b[27m et encore" in out
    assert "\x1b[32m+Une longue phrase" in out and "\x1b[7m" + fixed.split()[10] + "\x1b[27m" in out
    stripped = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert stripped == plain.stdout.decode()  # the same diff, only coloured


def test_format_is_the_input_format_in_every_subcommand(tmp_path: Path):
    """``--format`` names the input format everywhere; ``--output-format`` the output of stats and rules
    (issue 16, item 19). ``stats --format json``, the old spelling, still works."""
    f = tmp_path / "corpus.data"  # an extension that says nothing: --format tells
    f.write_bytes(b'{"id": 1, "text": "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9"}\n')
    for command in (["stats"], ["fix", "-o", str(tmp_path / "o.data")], ["report", "-o", str(tmp_path / "r.html")]):
        p = run(command[0], str(f), "--format", "jsonl", *command[1:], "--no-config", "-q")
        assert p.returncode == 0, (command, p.stderr)
    stats = json.loads(run("stats", str(f), "--format", "jsonl", "--output-format", "json", "--no-config", "-q").stdout)
    assert stats["documents"] == 1
    assert json.loads(run("stats", str(f), "--format", "json", "--no-config", "-q").stdout)["files"] == 1
    assert json.loads(run("rules", "--output-format", "json").stdout)[0]["id"]
