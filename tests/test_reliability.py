"""Nothing lost (issue 16): the command under ordinary mistakes and hostile inputs.

The data-loss scenarios form one table: each sets up files, runs ``cleanfr`` once, and states what must
happen — a refusal (exit 2, one line ``cleanfr: <file>: <message>``) or the right thing — and every input
must come out of the run byte for byte as it went in. The crash and convention cases follow the table.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from cli_helpers import big_text, run

import cleanfr

MOJIBAKE = "Ã©tÃ© Ã  Paris\n".encode()
FIXED = cleanfr.fix(MOJIBAKE.decode()).text.encode()
RECORD = b'{"id": 1, "text": "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9 \xc3\x83\xc2\xa0 Paris"}\n'
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _zst(data: bytes) -> bytes:
    import zstandard

    return zstandard.ZstdCompressor().compress(data)


def _parquet(rows: list[dict]) -> bytes:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import io

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows), sink)
    return sink.getvalue()


@dataclass
class Scenario:
    """One run of the command. ``files`` maps a relative path to its bytes, or to a special file:
    ``("symlink", target)``, ``("hardlink", target)``, ``("fifo",)``, ``("chardev",)`` (a copy of /dev/null)."""

    id: str
    item: int
    files: dict
    args: list[str]
    returncode: int = 2
    message: str | None = None  # a part of the one stderr line (paths relative to the directory)
    check: Callable[[Path], None] | None = None
    fifo_reader: str | None = None  # a FIFO to drain while the command runs (its content goes to check)
    fifo_writer: tuple[str, bytes] | None = None  # a FIFO to feed while the command runs
    root: bool = False
    parquet: bool = False
    received: dict = field(default_factory=dict)


def _is(kind: Callable[[int], bool], name: str) -> Callable[[Path], None]:
    def check(d: Path) -> None:
        assert kind(os.lstat(d / name).st_mode), f"{name} is no longer what it was"
    return check


def _all(*checks: Callable[[Path], None]) -> Callable[[Path], None]:
    def check(d: Path) -> None:
        for c in checks:
            c(d)
    return check


def _content(name: str, data: bytes) -> Callable[[Path], None]:
    def check(d: Path) -> None:
        assert (d / name).read_bytes() == data
    return check


def _absent(*names: str) -> Callable[[Path], None]:
    def check(d: Path) -> None:
        for name in names:
            assert not os.path.lexists(d / name), name
    return check


def _no_temporaries(d: Path) -> None:
    assert not [p for p in d.rglob(".cleanfr-*")], "temporary file left behind"


def _owner_and_mode(name: str, uid: int, gid: int, mode: int) -> Callable[[Path], None]:
    def check(d: Path) -> None:
        st = os.stat(d / name)
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (uid, gid, mode)
    return check


def _no_nesting(d: Path) -> None:
    assert (d / "corpus" / "clean" / "a.txt").read_bytes() == FIXED
    assert not (d / "corpus" / "clean" / "clean").exists()


def _edits_replaced(d: Path) -> None:
    record = json.loads((d / "out.jsonl").read_bytes())
    assert isinstance(record["id"], list)  # the field now holds the edits, as asked


SCENARIOS = [
    # 1. an output that is an input or another output
    Scenario("log-is-the-input", 1, {"in.txt": MOJIBAKE}, ["fix", "in.txt", "--log", "in.txt"],
             message="in.txt: --log would overwrite an input"),
    Scenario("output-and-log-are-one-file", 1, {"in.txt": MOJIBAKE}, ["fix", "in.txt", "-o", "x", "--log", "x"],
             message="x: --log would overwrite the output"),
    Scenario("in-place-with-log-on-the-input", 1, {"in.txt": MOJIBAKE}, ["fix", "-i", "in.txt", "--log", "in.txt"],
             message="in.txt: --log would overwrite an input"),
    Scenario("output-is-the-input", 1, {"in.txt": MOJIBAKE}, ["fix", "in.txt", "-o", "in.txt"],
             message="in.txt: -o would overwrite an input (use -i to repair it in place)"),
    Scenario("output-is-a-symlink-to-the-input", 1, {"in.txt": MOJIBAKE, "link.txt": ("symlink", "in.txt")},
             ["fix", "in.txt", "-o", "link.txt"], message="link.txt: -o would overwrite an input"),
    Scenario("log-is-a-hard-link-to-the-input", 1, {"in.txt": MOJIBAKE, "hard.txt": ("hardlink", "in.txt")},
             ["fix", "in.txt", "--log", "hard.txt"], message="hard.txt: --log would overwrite an input"),
    Scenario("log-is-the-second-input", 1, {"a.txt": MOJIBAKE, "b.txt": MOJIBAKE},
             ["fix", "a.txt", "b.txt", "--output-dir", "out", "--log", "b.txt"],
             message="b.txt: --log would overwrite an input", check=_absent("out")),
    Scenario("in-place-twice-the-same-file", 1, {"in.txt": MOJIBAKE}, ["fix", "-i", "in.txt", "./in.txt"],
             message="in.txt: given twice"),
    Scenario("output-dir-onto-its-own-inputs", 1, {"d/a.txt": MOJIBAKE},
             ["fix", "d", "--glob", "*.txt", "--output-dir", "d"],
             message="a.txt: --output-dir would overwrite an input (use -i to repair it in place)"),
    Scenario("report-over-its-input", 1, {"c.jsonl": RECORD}, ["report", "c.jsonl", "-o", "c.jsonl"],
             message="c.jsonl: -o would overwrite an input"),
    Scenario("log-and-output-both-stdout", 1, {"in.txt": MOJIBAKE}, ["fix", "in.txt", "--log", "-"],
             message="--log - and the corrected text would both go to standard output"),
    # 2. special files behind an output
    Scenario("output-to-a-fifo", 2, {"in.txt": MOJIBAKE, "pipe": ("fifo",)}, ["fix", "in.txt", "-o", "pipe", "-q"],
             returncode=0, fifo_reader="pipe", check=_is(stat.S_ISFIFO, "pipe"), received={"pipe": FIXED}),
    Scenario("log-to-a-fifo", 2, {"in.txt": MOJIBAKE, "pipe": ("fifo",)},
             ["fix", "in.txt", "-o", "out.txt", "--log", "pipe", "-q"],
             returncode=0, fifo_reader="pipe", check=_all(_is(stat.S_ISFIFO, "pipe"), _content("out.txt", FIXED))),
    Scenario("output-to-a-character-device", 2, {"in.txt": MOJIBAKE, "null": ("chardev",)},
             ["fix", "in.txt", "-o", "null", "--log", "null", "-q"], returncode=0,
             check=_is(stat.S_ISCHR, "null"), root=True),
    Scenario("in-place-through-a-symlink", 2, {"real.txt": MOJIBAKE, "link.txt": ("symlink", "real.txt")},
             ["fix", "-i", "link.txt", "-q"], returncode=0,
             check=_all(_is(stat.S_ISLNK, "link.txt"), _content("real.txt", FIXED), _no_temporaries)),
    Scenario("output-through-a-symlink", 2, {"in.txt": MOJIBAKE, "old.txt": b"old", "out.txt": ("symlink", "old.txt")},
             ["fix", "in.txt", "-o", "out.txt", "-q"], returncode=0,
             check=_all(_is(stat.S_ISLNK, "out.txt"), _content("old.txt", FIXED))),
    Scenario("in-place-keeps-owner-and-mode", 2, {"own.txt": MOJIBAKE}, ["fix", "-i", "own.txt", "-q"], returncode=0,
             check=_all(_owner_and_mode("own.txt", 4321, 4321, 0o640), _content("own.txt", FIXED)), root=True),
    Scenario("input-is-a-pipe", 2, {"pipe": ("fifo",)}, ["fix", "pipe", "-o", "out.txt", "-q"], returncode=0,
             fifo_writer=("pipe", MOJIBAKE), check=_content("out.txt", FIXED)),  # as `cleanfr fix <(cmd)`
    Scenario("diff-of-a-pipe", 2, {"pipe": ("fifo",)}, ["fix", "--diff", "pipe", "-q"], returncode=1,
             fifo_writer=("pipe", MOJIBAKE)),
    # 3. the edits field must not replace a field the record has
    Scenario("edits-field-is-the-text-field", 3, {"c.jsonl": RECORD},
             ["fix", "c.jsonl", "--edits-field", "text", "-o", "out.jsonl"],
             message="--edits-field 'text' is the text field", check=_absent("out.jsonl")),
    Scenario("edits-field-exists-in-jsonl", 3, {"c.jsonl": RECORD},
             ["fix", "c.jsonl", "--edits-field", "id", "-o", "out.jsonl"],
             message="c.jsonl: line 1: the record already has a field 'id' (--replace-edits-field to replace it)",
             check=_absent("out.jsonl")),
    Scenario("edits-field-exists-in-place", 3, {"c.jsonl": RECORD}, ["fix", "-i", "c.jsonl", "--edits-field", "id"],
             message="the record already has a field 'id'"),
    Scenario("edits-field-exists-in-parquet", 3, {"c.parquet": ("parquet", [{"text": "Ã©tÃ©", "meta": "m"}])},
             ["fix", "c.parquet", "--edits-field", "meta", "-o", "out.parquet"],
             message="c.parquet: the table already has a column 'meta'", check=_absent("out.parquet"), parquet=True),
    Scenario("edits-field-replaced-when-asked", 3, {"c.jsonl": RECORD},
             ["fix", "c.jsonl", "--edits-field", "id", "--replace-edits-field", "-o", "out.jsonl", "-q"],
             returncode=0, check=_edits_replaced),
    # 4. --output-dir collisions and nesting
    Scenario("two-inputs-one-output", 4, {"x/f.txt": MOJIBAKE, "y/f.txt": b"autre\n"},
             ["fix", "x/f.txt", "y/f.txt", "--output-dir", "out"],
             message="y/f.txt: --output-dir would write it to out/f.txt, as x/f.txt", check=_absent("out")),
    Scenario("output-dir-inside-the-input-tree", 4,
             {"corpus/a.txt": MOJIBAKE, "corpus/clean/a.txt": FIXED},  # the state after a first run
             ["fix", "corpus", "--glob", "*.txt", "--output-dir", "corpus/clean", "-q"], returncode=0,
             check=_no_nesting),
    # 5. damaged .zst
    Scenario("truncated-zst", 5, {"c.jsonl.zst": ("zst-truncated", RECORD * 2000)}, ["fix", "c.jsonl.zst", "-q"],
             message="c.jsonl.zst: corrupt zstd data (truncated)"),
    Scenario("truncated-zst-in-place", 5, {"t.txt.zst": ("zst-truncated", MOJIBAKE * 2000)},
             ["fix", "-i", "t.txt.zst", "-q"], message="t.txt.zst: corrupt zstd data (truncated)"),
    Scenario("garbage-zst", 5, {"g.jsonl.zst": b"this is not zstd at all\n" * 10}, ["fix", "g.jsonl.zst", "-q"],
             message="g.jsonl.zst: corrupt zstd data"),
    # 14. corpus formats
    Scenario("parquet-into-a-jsonl-name", 14, {"c.parquet": ("parquet", [{"text": "Ã©tÃ©"}])},
             ["fix", "c.parquet", "-o", "clean.jsonl"],
             message="clean.jsonl: the output would be Parquet (the input's format), not JSONL as its name says",
             check=_absent("clean.jsonl"), parquet=True),
    Scenario("jsonl-into-a-parquet-name", 14, {"c.jsonl": RECORD}, ["fix", "c.jsonl", "-o", "clean.parquet"],
             message="clean.parquet: the output would be JSONL (the input's format), not Parquet as its name says",
             check=_absent("clean.parquet")),
]


def _make(d: Path, name: str, spec) -> None:
    path = d / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(spec, bytes):
        path.write_bytes(spec)
    elif spec[0] == "symlink":
        path.symlink_to(spec[1])
    elif spec[0] == "hardlink":
        os.link(d / spec[1], path)
    elif spec[0] == "fifo":
        os.mkfifo(path)
    elif spec[0] == "chardev":
        os.mknod(path, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
    elif spec[0] == "zst-truncated":
        data = _zst(spec[1])
        path.write_bytes(data[: len(data) // 2])
    elif spec[0] == "parquet":
        path.write_bytes(_parquet(spec[1]))


def _snapshot(d: Path) -> dict:
    """Every regular file's bytes and every link's target, by relative path."""
    out = {}
    for p in sorted(d.rglob("*")):
        rel = str(p.relative_to(d))
        if p.is_symlink():
            out[rel] = ("link", os.readlink(p))
        elif p.is_file():
            out[rel] = p.read_bytes()
    return out


@pytest.mark.parametrize("s", SCENARIOS, ids=[f"{s.item}-{s.id}" for s in SCENARIOS])
def test_data_loss_scenarios(s: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    if s.root and not IS_ROOT:
        pytest.skip("needs root (device nodes, owners)")
    if s.parquet:
        pytest.importorskip("pyarrow")
    for name, spec in s.files.items():
        _make(tmp_path, name, spec)
    if s.id == "in-place-keeps-owner-and-mode":
        os.chown(tmp_path / "own.txt", 4321, 4321)
        os.chmod(tmp_path / "own.txt", 0o640)
    inputs = {k: v for k, v in _snapshot(tmp_path).items() if k in s.files}
    monkeypatch.chdir(tmp_path)
    received: dict[str, bytes] = {}
    thread = None
    fifo = str(tmp_path / (s.fifo_reader or (s.fifo_writer or ("",))[0]))
    if s.fifo_reader:
        def drain() -> None:
            with open(fifo, "rb") as f:
                received[s.fifo_reader] = f.read()
        thread = threading.Thread(target=drain, daemon=True)
    elif s.fifo_writer:
        def feed() -> None:
            with contextlib.suppress(OSError), open(fifo, "wb") as f:
                f.write(s.fifo_writer[1])
        thread = threading.Thread(target=feed, daemon=True)

    def open_other_end(flags: int) -> None:
        """Open the FIFO without blocking: whoever waits in open() at the other end goes on (and sees EOF)."""
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, flags | os.O_NONBLOCK))

    # The thread feeds (or drains) the FIFO; the command opens its other end. A command that opened the FIFO a
    # second time would wait forever: the watchdog lets it go every 10 s (so the test fails instead of hanging).
    command_side = os.O_WRONLY if s.fifo_writer else os.O_RDONLY
    thread_side = os.O_RDONLY if s.fifo_writer else os.O_WRONLY
    done = threading.Event()

    def watch() -> None:
        while not done.wait(10):
            open_other_end(command_side)
    if thread is not None:
        thread.start()
        threading.Thread(target=watch, daemon=True).start()
    args = s.args if s.args[0] != "fix" or "--no-config" in s.args else [*s.args, "--no-config"]
    try:
        p = run(*args)
    finally:
        done.set()
    if thread is not None:
        for _ in range(100):  # the command may never have opened the FIFO: let the thread go
            thread.join(0.1)
            if not thread.is_alive():
                break
            open_other_end(thread_side)
        assert not thread.is_alive()
    err = p.stderr.decode()
    assert p.returncode == s.returncode, err
    assert "Traceback" not in err and "internal error" not in err, err
    if s.message is not None:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("cleanfr: "), err
        assert s.message in lines[0], err
    after = _snapshot(tmp_path)
    changed_by_design = {"real.txt", "own.txt", "old.txt"} if s.returncode == 0 else set()
    for name, before in inputs.items():
        if name not in changed_by_design:
            assert after.get(name) == before, f"input {name} was modified"
    _no_temporaries(tmp_path)
    if s.check is not None:
        s.check(tmp_path)
    for name, data in s.received.items():
        assert received.get(name) == data


# --- 7. lone surrogates in JSONL records ------------------------------------------------------------

SURROGATE_RECORD = b'{"id": 7, "text": "\\u00c3\\u00a9t\\u00c3\\u00a9 tweet coup\\u00e9 \\ud83d"}\n'


def test_a_lone_surrogate_in_a_record_is_kept_as_its_escape(tmp_path: Path):
    f = tmp_path / "t.jsonl"
    f.write_bytes(SURROGATE_RECORD)
    log = tmp_path / "log.jsonl"
    p = run("fix", str(f), "--log", str(log), "--no-config", "-q")
    assert p.returncode == 0, p.stderr
    record = json.loads(p.stdout)
    text = json.loads(SURROGATE_RECORD)["text"]
    assert record["text"] == cleanfr.fix(text).text and record["text"].endswith("\ud83d")
    assert b"\\ud83d" in p.stdout  # valid UTF-8: the surrogate stays escaped
    p.stdout.decode("utf-8")
    edits = [cleanfr.Edit.from_dict(json.loads(line)) for line in log.read_bytes().splitlines()]
    assert cleanfr.apply(text, edits) == record["text"]
    assert f.read_bytes() == SURROGATE_RECORD


@pytest.mark.parametrize("command", [["stats"], ["report", "-o", "{d}/r.html"], ["fix", "--on-error", "skip", "-o", "{d}/o.jsonl"]])
def test_a_lone_surrogate_is_no_internal_error(tmp_path: Path, command: list[str]):
    f = tmp_path / "t.jsonl"
    f.write_bytes(SURROGATE_RECORD + RECORD)
    p = run(command[0], str(f), *[a.format(d=tmp_path) for a in command[1:]], "--no-config", "-q")
    assert p.returncode == 0, p.stderr
    assert p.stderr == b""


# --- 14 and 19: corpus formats and command-line conventions ------------------------------------------


def test_jsonl_with_a_utf8_bom_is_read_and_keeps_it(tmp_path: Path):
    f = tmp_path / "b.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + RECORD + RECORD)
    p = run("fix", str(f), "--no-config", "-q")
    assert p.returncode == 0, p.stderr
    expected = cleanfr.fix(json.loads(RECORD)["text"]).text
    assert p.stdout.startswith(b"\xef\xbb\xbf")
    lines = p.stdout[3:].splitlines()
    assert [json.loads(line)["text"] for line in lines] == [expected, expected]


def test_empty_parquet_gives_a_valid_file_with_the_schema_and_its_metadata(tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    schema = pa.schema([pa.field("id", pa.int64(), nullable=False), pa.field("text", pa.string())],
                       metadata={b"source": b"crawl-2024"})
    pq.write_table(pa.Table.from_pylist([], schema=schema), tmp_path / "e.parquet")
    out = tmp_path / "out.parquet"
    p = run("fix", str(tmp_path / "e.parquet"), "-o", str(out), "--edits-field", "edits", "--no-config", "-q")
    assert p.returncode == 0, p.stderr
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.schema.names == ["id", "text", "edits"]
    assert table.schema.metadata[b"source"] == b"crawl-2024"


def test_parquet_keeps_schema_metadata_and_nullability(tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    schema = pa.schema([pa.field("id", pa.int64(), nullable=False), pa.field("text", pa.string())],
                       metadata={b"source": b"crawl-2024"})
    pq.write_table(pa.Table.from_pylist([{"id": 1, "text": "Ã©tÃ© Ã  Paris"}], schema=schema), tmp_path / "c.parquet")
    out = tmp_path / "out.parquet"
    assert run("fix", str(tmp_path / "c.parquet"), "-o", str(out), "--no-config", "-q").returncode == 0
    table = pq.read_table(out)
    assert table.schema.equals(schema, check_metadata=True)
    assert table.to_pylist() == [{"id": 1, "text": cleanfr.fix("Ã©tÃ© Ã  Paris").text}]


def test_diff_on_parquet_shows_each_changed_row(tmp_path: Path):
    pytest.importorskip("pyarrow")
    src = tmp_path / "c.parquet"
    src.write_bytes(_parquet([{"text": "Il fait beau."}, {"text": "Ã©tÃ© Ã  Paris"}]))
    p = run("fix", "--diff", str(src), "--no-config")
    assert p.returncode == 1, p.stderr
    out = p.stdout.decode()
    assert f"--- a/{src}:row 1" in out and "-Ã©tÃ© Ã  Paris" in out and "+" + cleanfr.fix("Ã©tÃ© Ã  Paris").text in out
    assert "row 0" not in out


def test_output_and_log_dash_are_standard_output(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_bytes(MOJIBAKE)
    p = run("fix", str(f), "-o", "-", "--no-config", "-q")
    assert p.returncode == 0 and p.stdout == FIXED
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    out = tmp_path / "out.txt"
    p = run("fix", str(f), "-o", str(out), "--log", "-", "--no-config", "-q")
    assert p.returncode == 0 and out.read_bytes() == FIXED
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert records and cleanfr.apply(MOJIBAKE.decode(), [cleanfr.Edit.from_dict(r) for r in records]) == FIXED.decode()
    p = run("fix", "--check", str(f), "--log", "-", "--no-config", "-q")
    assert p.returncode == 1 and len(p.stdout.splitlines()) == len(records)


def test_latin1_input_suggests_the_encoding(tmp_path: Path):
    f = tmp_path / "l.txt"
    f.write_bytes("Un café à Paris\n".encode("latin-1"))
    p = run("fix", str(f), "--no-config")
    assert p.returncode == 2
    assert p.stderr.decode().strip() == (f"cleanfr: {f}: invalid UTF-8 at byte 6 (the file looks like Latin-1: "
                                         "try --encoding latin-1; else --errors replace or --errors surrogateescape)")
    p = run("fix", str(f), "--encoding", "latin-1", "--no-config", "-q")
    assert p.returncode == 0 and p.stdout == f.read_bytes()
    g = tmp_path / "l.jsonl"
    g.write_bytes('{"text": "café"}\n'.encode("latin-1"))
    p = run("fix", str(g), "--no-config")
    assert p.returncode == 2 and "try --encoding latin-1" not in p.stderr.decode()  # JSONL is UTF-8 by definition
    assert "invalid UTF-8 at byte 13 of the line" in p.stderr.decode()


# --- 9. a worker killed by the system, a SIGTERM ------------------------------------------------------


def _workers(pid: int) -> list[int]:
    """The worker processes of ``pid``: its children running the same command (not a helper process)."""
    found = []
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        command = f.read()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                same = f.read() == command
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid and same:
            found.append(int(entry))
    return found


def _start(tmp_path: Path, *args: str):
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-m", "cleanfr", "fix", *args, "--chunk-size", "20000", "--no-config"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob(".cleanfr-*")):
        time.sleep(0.02)
    assert list(tmp_path.glob(".cleanfr-*")), "the command never started writing"
    return proc


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
def test_a_worker_killed_by_sigkill_stops_the_run_and_cleans_up(tmp_path: Path):
    import signal

    f = tmp_path / "big.txt"
    data = big_text(f, 12)  # the run stops at the kill: a large input only makes sure it is still running then
    proc = _start(tmp_path, str(f), "-o", str(tmp_path / "out.txt"), "--jobs", "2")
    try:
        workers = _workers(proc.pid)
        assert len(workers) == 2, workers
        os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer does
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    err = proc.stderr.read().decode()
    assert code == 128 + signal.SIGKILL, err
    assert err.strip().splitlines()[-1] == ("cleanfr: a worker process was killed by signal 9 (SIGKILL; out of memory?): "
                                            "stopped, no partial file left (try fewer --jobs)"), err
    assert "Traceback" not in err
    assert f.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_cleans_up_as_ctrl_c_does(tmp_path: Path, jobs: str):
    import signal
    import time

    f = tmp_path / "big.txt"
    data = big_text(f, 12)
    proc = _start(tmp_path, "-i", str(f), "--jobs", jobs)
    try:
        time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
    err = proc.stderr.read().decode()
    assert code == 128 + signal.SIGTERM, err
    assert err.strip().splitlines()[-1] == "cleanfr: terminated" and "Traceback" not in err, err
    assert f.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["big.txt"]
