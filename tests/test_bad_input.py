"""Bad input to the ``cleanfr`` command: a clear one-line error, exit code 2, and the input left as it was.

Each case runs the command as a real process (exit codes, streams and signals are the contract).
Also here: line endings and byte-order marks survive byte for byte, a closed pipe ends quietly, a failed
``--in-place`` write leaves the original intact, and the package loads nothing unsafely.
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import regex

from cleanfr import cli

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "cleanfr"
CLEAN_SENTENCES = Path(__file__).resolve().parent / "data" / "clean_sentences.txt"
MOJIBAKE = "Les Ã©lÃ¨ves ont Ã©tÃ© reÃ§us."
REPAIRED = "Les élèves ont été reçus."
CLEAN = "L’été « chaud »\u00a0! Il l'a dit."


@dataclass
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes


def run(*args: str, input: bytes = b"", hermetic: bool = True) -> Completed:
    """``cleanfr ARGS`` in this process (the word tables load once per session), standard streams captured.

    Unless ``hermetic`` is false, configuration files are ignored (``--no-config``) so that a ``cleanfr.toml``
    above the test directory cannot change the expected output.
    """
    if hermetic and args and args[0] in ("fix", "stats") and "--no-config" not in args and "--config" not in args:
        args = (*args, "--no-config")
    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.StringIO()
    fake_in, fake_out = io.TextIOWrapper(io.BytesIO(input)), io.TextIOWrapper(out, write_through=True)
    sys.stdin, sys.stdout, sys.stderr = fake_in, fake_out, err
    try:
        code = cli.main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        fake_in.detach(), fake_out.detach()
    return Completed(code, out.getvalue(), err.getvalue().encode("utf-8", "surrogateescape"))


def run_process(*args: str, input: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m cleanfr ARGS`` as a real process: for what only a process shows (exit status, signals)."""
    return subprocess.run(
        [sys.executable, "-m", "cleanfr", *args], input=input, capture_output=True, cwd=cwd or REPO, timeout=120
    )


def assert_error(p: Completed | subprocess.CompletedProcess, message: str) -> None:
    """Exit 2, one line on stderr naming the problem, no traceback, nothing on stdout."""
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 2, (p.returncode, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleanfr: "), err
    assert message in lines[0], err
    assert p.stdout == b""


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [[], ["-i"], ["--check"], ["--diff"]], ids=["stdout", "in-place", "check", "diff"])
def test_invalid_utf8_is_refused_and_left_intact(tmp_path: Path, mode: list[str]) -> None:
    f = tmp_path / "bad.txt"
    data = b"Le caf\xe9 est pr\xeat.\n" + MOJIBAKE.encode()
    f.write_bytes(data)
    p = run("fix", *mode, str(f))
    assert_error(p, f"{f}: invalid UTF-8 at byte 6")
    assert "--errors" in p.stderr.decode()  # the message says how to go on
    assert f.read_bytes() == data


def test_invalid_utf8_as_a_process_exits_2_without_traceback(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"caf\xe9\n")
    assert_error(run_process("fix", "-i", str(f), "--no-config"), f"{f}: invalid UTF-8 at byte 3")
    assert f.read_bytes() == b"caf\xe9\n"


def test_invalid_utf8_on_stdin_names_stdin() -> None:
    assert_error(run("fix", "-", input=b"\xff\xfe\xfd abc"[2:]), "<stdin>: invalid UTF-8 at byte 0")


def test_errors_replace_substitutes_the_replacement_character(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Le caf\xe9 est bon.\n")
    p = run("fix", str(f), "--errors", "replace", "-q")
    assert p.returncode == 0 and p.stderr == b""
    assert p.stdout == "Le caf\ufffd est bon.\n".encode()


def test_errors_surrogateescape_keeps_bad_bytes_and_repairs_the_rest(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    data = b"Le caf\xe9 est bon.\r\n" + MOJIBAKE.encode() + b"\r\nfin \xff\xfe"
    f.write_bytes(data)
    p = run("fix", "-i", str(f), "--errors", "surrogateescape", "-q")
    assert p.returncode == 0, p.stderr
    assert f.read_bytes() == b"Le caf\xe9 est bon.\r\n" + REPAIRED.encode() + b"\r\nfin \xff\xfe"


@pytest.mark.parametrize(
    "bom, encoding", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_byte_order_marks_round_trip(tmp_path: Path, bom: bytes, encoding: str) -> None:
    clean, damaged = tmp_path / "clean.txt", tmp_path / "damaged.txt"
    clean.write_bytes(bom + f"{CLEAN}\r\nLe soir, il pleut.\r\n".encode(encoding))
    damaged.write_bytes(bom + f"{MOJIBAKE}\r\n".encode(encoding))
    p = run("fix", str(clean), "-q")
    assert p.returncode == 0 and p.stdout == clean.read_bytes()
    p = run("fix", "-i", str(damaged), "-q")
    assert p.returncode == 0, p.stderr
    assert damaged.read_bytes() == bom + f"{REPAIRED}\r\n".encode(encoding)


def test_invalid_utf16_after_its_bom_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "bad16.txt"
    data = b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8"  # a lone high surrogate at the end
    f.write_bytes(data)
    assert_error(run("fix", "-i", str(f)), f"{f}: invalid UTF-16")
    assert f.read_bytes() == data


@pytest.mark.parametrize("mode", [[], ["-i"]], ids=["stdout", "in-place"])
def test_binary_file_is_skipped_with_a_warning(tmp_path: Path, mode: list[str]) -> None:
    f = tmp_path / "image.bin"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    f.write_bytes(data)
    p = run("fix", *mode, str(f))
    assert_error(p, f"{f}: binary file (NUL byte at offset 8), skipped")
    assert "warning" in p.stderr.decode()
    assert f.read_bytes() == data


def test_binary_file_among_others_does_not_stop_the_rest(tmp_path: Path) -> None:
    binary, text = tmp_path / "a.bin", tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    text.write_bytes(MOJIBAKE.encode())
    p = run("fix", "-i", str(binary), str(text), "-q")
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    assert binary.read_bytes() == b"\x00\x01\x02"
    assert text.read_text(encoding="utf-8") == REPAIRED


# --- files that cannot be read or written ------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert_error(run("fix", str(tmp_path / "nope.txt")), f"{tmp_path / 'nope.txt'}: no such file")


def test_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MOJIBAKE)
    assert_error(run("fix", "-i", str(tmp_path)), f"{tmp_path}: is a directory")
    assert (tmp_path / "a.txt").read_text() == MOJIBAKE


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text(MOJIBAKE)
    f.chmod(0)
    try:
        assert_error(run("fix", "-i", str(f)), f"{f}: permission denied")
    finally:
        f.chmod(0o644)


def test_input_under_a_regular_file(tmp_path: Path) -> None:
    """``file.txt/in.txt``: fails for every user, root included (ENOTDIR)."""
    (tmp_path / "file.txt").write_text("x")
    path = tmp_path / "file.txt" / "in.txt"
    assert_error(run("fix", str(path)), f"{path}: ")


@pytest.mark.parametrize("option", ["-o", "--log"])
def test_unwritable_output_leaves_input_intact(tmp_path: Path, option: str) -> None:
    """An output path under a regular file cannot be created, even by root."""
    f = tmp_path / "in.txt"
    f.write_bytes(MOJIBAKE.encode())
    (tmp_path / "file.txt").write_text("x")
    target = tmp_path / "file.txt" / "out"
    p = run("fix", str(f), option, str(target), "-q")
    err = p.stderr.decode()
    assert p.returncode == 2 and "Traceback" not in err, err
    assert err.startswith(f"cleanfr: {tmp_path / 'file.txt'}") and err.count("\n") == 1, err
    assert f.read_bytes() == MOJIBAKE.encode()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["file.txt", "in.txt"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk-full", "ctrl-c"])
def test_in_place_failure_leaves_the_original_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    """The write fails at the last step (rename): the original stays, no temporary file remains."""
    f = tmp_path / "in.txt"
    f.write_bytes(MOJIBAKE.encode())

    def fail(*args: object, **kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(os, "replace", fail)
    p = run("fix", "-i", str(f), "-q")
    code, err = p.returncode, p.stderr.decode()
    assert "Traceback" not in err
    if isinstance(failure, OSError):
        assert code == 2 and err.startswith(f"cleanfr: {f}: cannot write") and err.count("\n") == 1, err
    else:
        assert code == 130 and "interrupted" in err, err
    assert f.read_bytes() == MOJIBAKE.encode()
    assert [x.name for x in tmp_path.iterdir()] == ["in.txt"]


# --- corpora: JSONL records, directories, configuration ------------------------------------------

GOOD_RECORD = json.dumps({"id": "a", "text": MOJIBAKE}, ensure_ascii=False)
BAD_LINES = [
    ('{"id": "b", "text": "Il a dit', "line 2: malformed JSON"),
    ('{"id": "b", "body": "Il a dit"}', "line 2: no 'text' field"),
    ('{"id": "b", "text": 42}', "line 2: field 'text' is a number, not a string"),
    ('{"id": "b", "text": null}', "line 2: field 'text' is null, not a string"),
    ('["text", "Il a dit"]', "line 2: not a JSON object"),
]


@pytest.mark.parametrize("bad, message", BAD_LINES, ids=["malformed", "missing-field", "number", "null", "array"])
def test_bad_jsonl_record_stops_the_run_by_default(tmp_path: Path, bad: str, message: str) -> None:
    f = tmp_path / "corpus.jsonl"
    data = f"{GOOD_RECORD}\n{bad}\n{GOOD_RECORD}\n".encode()
    f.write_bytes(data)
    out = tmp_path / "out.jsonl"
    assert_error(run("fix", str(f), "-o", str(out)), f"{f}: {message}")
    assert f.read_bytes() == data and not out.exists()
    assert_error(run("fix", "-i", str(f)), f"{f}: {message}")
    assert f.read_bytes() == data
    assert sorted(x.name for x in tmp_path.iterdir()) == ["corpus.jsonl"]


@pytest.mark.parametrize("bad, message", BAD_LINES, ids=["malformed", "missing-field", "number", "null", "array"])
def test_bad_jsonl_record_is_kept_unchanged_with_on_error_skip(tmp_path: Path, bad: str, message: str) -> None:
    f = tmp_path / "corpus.jsonl"
    f.write_bytes(f"{GOOD_RECORD}\r\n{bad}\r\n{GOOD_RECORD}".encode())
    p = run("fix", str(f), "--on-error", "skip", "-q")
    assert p.returncode == 0
    warnings = p.stderr.decode().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith(f"cleanfr: warning: {f}: {message}"), warnings
    fixed = json.dumps({"id": "a", "text": REPAIRED}, ensure_ascii=False)
    assert p.stdout.decode() == f"{fixed}\r\n{bad}\r\n{fixed}"


def test_jsonl_field_option_names_the_text(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    f.write_text(json.dumps({"text": MOJIBAKE, "body": MOJIBAKE}) + "\n", encoding="utf-8")
    p = run("fix", str(f), "--field", "body", "-q")
    assert p.returncode == 0
    assert json.loads(p.stdout) == {"text": MOJIBAKE, "body": REPAIRED}
    assert_error(run("fix", str(f), "--field", "missing"), "line 1: no 'missing' field")


def test_invalid_utf8_in_a_jsonl_record(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    data = GOOD_RECORD.encode() + b'\n{"text": "caf\xe9"}\n'
    f.write_bytes(data)
    assert_error(run("fix", "-i", str(f)), f"{f}: line 2: invalid UTF-8")
    assert f.read_bytes() == data


def test_directory_with_glob_walks_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(MOJIBAKE, encoding="utf-8")
    (tmp_path / "b.md").write_text(MOJIBAKE, encoding="utf-8")
    p = run("fix", "-i", str(tmp_path), "--glob", "*.txt", "-q")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "sub" / "a.txt").read_text(encoding="utf-8") == REPAIRED
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == MOJIBAKE


def test_glob_matching_nothing(tmp_path: Path) -> None:
    assert_error(run("fix", str(tmp_path), "--glob", "*.txt"), "no file matches --glob")


CONFIGS = [
    ("min-confidence = [", "invalid TOML"),
    ('colour = "blue"', "unknown key 'colour'"),
    ("min-confidence = 2", "min-confidence must be a number between 0 and 1"),
    ('select = ["nonsense"]', "unknown rule or category 'nonsense'"),
    ('select = "ALL"', "select must be a list"),
    ('apostrophe = "curly"', "apostrophe must be one of"),
    ('calques = "missing.tsv"', "no such file"),
    ('calques = "calques.tsv"', "line 2: expected 'wrong<TAB>right[<TAB>confidence]'"),
    ('calques = "bad-confidence.tsv"', "line 1: confidence must be a number between 0 and 1"),
    ('boilerplate = "boilerplate.txt"', "line 1: invalid regular expression"),
    ('protected-words = "latin1.txt"', "invalid UTF-8 at byte 3"),
]


@pytest.mark.parametrize("config, message", CONFIGS, ids=[m.split(":")[0][:30] for _, m in CONFIGS])
@pytest.mark.parametrize("how", ["found", "--config"])
def test_invalid_configuration_or_data_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, message: str, how: str) -> None:
    """Each error names the file (and line) in one line, exit 2, before any input is touched."""
    (tmp_path / "cleanfr.toml").write_text(config + "\n", encoding="utf-8")
    (tmp_path / "calques.tsv").write_text("prendre place\tavoir lieu\nsans tabulation\n", encoding="utf-8")
    (tmp_path / "bad-confidence.tsv").write_text("prendre place\tavoir lieu\tbeaucoup\n", encoding="utf-8")
    (tmp_path / "boilerplate.txt").write_text("Lire (aussi\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9\n")
    f = tmp_path / "in.txt"
    f.write_bytes(MOJIBAKE.encode())
    monkeypatch.chdir(tmp_path)
    args = ("fix", "-i", str(f)) + (("--config", str(tmp_path / "cleanfr.toml")) if how == "--config" else ())
    p = run(*args, hermetic=False)
    assert_error(p, message)
    assert f.read_bytes() == MOJIBAKE.encode()


# --- streams -----------------------------------------------------------------------------------


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    """``cleanfr fix big.txt | head -c 100``: no traceback, no "Exception ignored" when head goes away."""
    big = tmp_path / "big.txt"
    big.write_bytes(CLEAN_SENTENCES.read_bytes() * 2)  # well over a pipe buffer
    p = subprocess.run(
        f"'{sys.executable}' -m cleanfr fix '{big}' -q --no-config | head -c 100 > /dev/null; echo \"${{PIPESTATUS[0]}}\" >&2",
        shell=True, executable="/bin/bash", capture_output=True, timeout=120, cwd=REPO,
    )
    err = p.stderr.decode().strip().splitlines()
    assert err[:-1] == [], err  # nothing but the exit status of cleanfr
    assert int(err[-1]) in (0, 141), err  # success, or 128 + SIGPIPE like cat


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("final", [True, False], ids=["final-newline", "no-final-newline"])
def test_line_endings_are_preserved_byte_for_byte(tmp_path: Path, ending: str, final: bool) -> None:
    lines = [CLEAN, MOJIBAKE, "", "Il a dit : « oui ».", "Fin."]
    text = ending.join(lines) + (ending if final else "")
    f = tmp_path / "t.txt"
    f.write_bytes(text.encode())
    p = run("fix", str(f), "-q")
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    terminators = regex.compile(r"\r\n|\r|\n")
    assert terminators.findall(out) == terminators.findall(text)
    assert out.endswith(ending) == final
    assert REPAIRED in out
    assert run("fix", "-", "-q", input=p.stdout).stdout == p.stdout  # and the result is stable


def test_empty_input() -> None:
    p = run("fix", "-", "-q", input=b"")
    assert p.returncode == 0 and p.stdout == b"" and p.stderr == b""


# --- no unsafe loading -------------------------------------------------------------------------

UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}
#: Data a package may ship: text tables parsed by tomllib, csv-like readers, or compressed text, and the
#: HTML report's style sheet and script (copied into the report, never run by Python).
DATA_SUFFIXES = {".toml", ".tsv", ".txt", ".xz", ".json", ".jsonl", ".md", ".zst", ".css", ".js"}


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_package_code_loads_nothing_unsafely(path: Path) -> None:
    """No pickle/marshal, no eval/exec, no yaml.load: tables are data, never code."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [a.name for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in UNSAFE_MODULES:
            problems.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in UNSAFE_CALLS:
                problems.append(f"{func.id}() line {node.lineno}")
            elif isinstance(func, ast.Attribute) and func.attr in ("load", "unsafe_load", "full_load"):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                if owner == "yaml" and not any(k.arg == "Loader" and "Safe" in ast.unparse(k.value) for k in node.keywords):
                    problems.append(f"yaml.{func.attr}() line {node.lineno}")
            elif isinstance(func, ast.Attribute) and func.attr == "load" and any(k.arg == "allow_pickle" for k in node.keywords):
                problems.append(f"allow_pickle line {node.lineno}")
    assert problems == [], f"{path}: {problems}"


def test_data_files_are_text_tables() -> None:
    """Every shipped data file is a text table or a licence notice, and every TOML table parses as data."""
    data = PACKAGE / "data"
    odd = []
    for f in data.rglob("*"):
        if f.is_dir() or "__pycache__" in f.parts:
            continue
        licence = f.name.upper().startswith(("LICENSE", "LICENCE", "NOTICE", "COPYING", "README"))
        if not licence and f.suffix not in DATA_SUFFIXES:
            odd.append(str(f.relative_to(data)))
        if f.suffix == ".toml":
            with f.open("rb") as fh:
                assert isinstance(tomllib.load(fh), dict)
        elif f.suffix in (".tsv", ".txt", ".md"):
            f.read_text(encoding="utf-8")  # valid UTF-8 text
    assert odd == [], f"not a text table: {odd}"
