"""Fuzzing the API and the command: arbitrary text, bytes, options; nothing lost, never a traceback.

Invariants, for any input:

- ``cleanfr.fix`` returns (or raises :class:`cleanfr.SelectionError` for an unknown rule name or a
  threshold outside [0, 1]); its log is exact; its output is a fixed point; it is deterministic;
- ``cleanfr fix`` exits 0, 1 (``--check``) or 2, and on 2 prints one ``cleanfr: ...`` line, never a
  traceback; what it writes is the encoding of ``cleanfr.fix`` of what it read; it never changes an input
  it does not rewrite, and leaves no temporary file; its output is the same in another process (another
  hash seed).

The command runs in-process (:func:`cleanfr.cli.main` with captured streams) for speed, and as a real
process where process boundaries matter.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import assume, example, given, note, settings
from hypothesis import strategies as st
from line_examples import shipped_line_examples

import cleanfr
from cleanfr import Edit, SelectionError, apply, undo
from cleanfr.calibration import Calibration
from cleanfr.cli import main
from cleanfr.pipeline import DEFAULT_MIN_CONFIDENCE, all_rules
from cleanfr.textio import BinaryInput, InputError, decode_bytes


def scaled(factor: int) -> settings:
    """The active profile's example count, times ``factor`` in long profiles (cheap targets run more there).

    The short ``default`` profile (≤ 100 examples) runs every target alike, to keep the suite fast; the
    ``thorough`` profile multiplies, for over 100,000 examples across the property and fuzz targets.
    """
    examples = settings.default.max_examples
    return settings(max_examples=examples * factor if examples > 100 else examples)


# --- strategies --------------------------------------------------------------------------------

#: Any code point, lone surrogates included.
chaos = st.text(st.characters(blacklist_categories=()), max_size=300)
FRENCH = "L’été « chaud »\u00a0! Il l'a dit : quil vient, Ã©tÃ© à  Paris ;la fin. ATACMS G20 Kyiv\r\n"
french_chunks = st.lists(st.sampled_from(FRENCH.split(" ") + [" ", "\n", "\r", "\r\n", "\x00", "\ufeff"]), max_size=40)
#: Mostly French text with arbitrary characters spliced in.
texts = st.one_of(
    chaos,
    french_chunks.map(" ".join),
    st.lists(st.one_of(st.text(max_size=3), french_chunks.map("".join)), max_size=10).map("".join),
)

BOMS = (b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00")
#: File contents: raw bytes, or encoded text with a BOM, invalid bytes or NUL bytes spliced in.
file_bytes = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda bom, text: bom + text.encode("utf-8", "surrogatepass"), st.sampled_from(BOMS), texts),
    st.builds(lambda text: b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass"), texts),
    st.builds(
        lambda text, junk, at: (lambda data: data[:at] + junk + data[at:])(text.encode("utf-8", "surrogatepass")),
        texts,
        st.sampled_from((b"\xe9", b"\xc3", b"\x80", b"\xff", b"\x00", b"\xed\xa0\x80")),
        st.integers(0, 300),
    ),
)
ERRORS = ("strict", "replace", "surrogateescape")


def rule_names() -> list[str]:
    rules = all_rules()
    return sorted({r.id for r in rules} | {r.category for r in rules}) + ["ALL"]


names = st.one_of(st.sampled_from(rule_names()), st.text(st.characters(max_codepoint=0x7F), max_size=8))
thresholds = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.floats(0.0, 1.0))


# --- running the command in-process ------------------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: str
    argparse_error: bool = False


def cli(args: list[str], stdin: bytes = b"") -> Run:
    """``cleanfr.cli.main(args)`` with standard streams captured; exceptions other than SystemExit propagate."""
    saved = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.StringIO()
    fake_in, fake_out = io.TextIOWrapper(io.BytesIO(stdin)), io.TextIOWrapper(out, write_through=True)
    sys.stdin, sys.stdout, sys.stderr = fake_in, fake_out, err
    try:
        code = main(args)
        usage = False
    except SystemExit as exc:  # argparse's own exit (usage line + "cleanfr fix: error: ...")
        code, usage = exc.code, True
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        fake_in.detach(), fake_out.detach()  # closing the wrappers must not close the buffers
    return Run(code, out.getvalue(), err.getvalue(), usage)


def assert_clean_failure(run: Run) -> None:
    """Exit 2 with the documented message and no traceback."""
    assert run.code == 2, run
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.splitlines()
    if run.argparse_error:
        assert lines and lines[-1].startswith("cleanfr"), run.stderr
    else:
        assert len(lines) == 1 and lines[0].startswith("cleanfr: "), run.stderr


def check_log(text: str, edits: list[Edit], output: str) -> None:
    for e in edits:
        assert e.original == text[e.start : e.end], e
    assert apply(text, edits) == output
    assert undo(output, edits) == text


def to_bytes(text: str) -> bytes:
    """``text`` as the bytes it came from: lone surrogates U+DC80–U+DCFF are undecodable bytes."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


def read_log(path: Path) -> list[Edit]:
    return [Edit.from_dict(json.loads(line)) for line in jsonl(path.read_bytes())]


def jsonl(data: bytes) -> list[str]:
    """JSON lines split on line feeds only (``str.splitlines`` would also split on U+0085 and U+2028 inside strings)."""
    return [line for line in data.decode("utf-8", "surrogateescape").split("\n") if line]


def expected(data: bytes, errors: str) -> tuple[str, bytes] | type[InputError]:
    """What the command should write for ``data``: (decoded text, output bytes), or the error class."""
    try:
        decoded = decode_bytes(data, "f", "utf-8", errors)
    except BinaryInput:
        return BinaryInput
    except InputError:
        return InputError
    try:
        return decoded.text, decoded.encode(cleanfr.fix(decoded.text).text)
    except UnicodeEncodeError:  # e.g. an undecodable odd byte of UTF-16 cannot be written back: refused
        return InputError


# --- API targets -------------------------------------------------------------------------------


@scaled(3)
@given(st.one_of(chaos, texts))
def test_api_on_arbitrary_text(text: str) -> None:
    result = cleanfr.fix(text)
    check_log(text, result.edits, result.text)
    assert cleanfr.fix(result.text).applied == []
    assert cleanfr.fix(text) == result


@scaled(4)
@given(texts, st.lists(names, max_size=4), st.one_of(st.none(), st.lists(names, max_size=3)), thresholds)
@example("Quil", ["apostrophe"], None, None)  # a grade measured below the bar: suggested whatever its stated confidence
def test_api_with_arbitrary_selection_and_threshold(
    text: str, select: list[str], ignore: list[str] | None, threshold: float | None
) -> None:
    known = set(rule_names())
    bad_name = any(n not in known for n in select + (ignore or []))
    bad_threshold = threshold is not None and not (0.0 <= threshold <= 1.0)
    try:
        result = cleanfr.fix(text, select=select, ignore=ignore, min_confidence=threshold)
    except SelectionError:
        assert bad_name or bad_threshold
        return
    assert not bad_name and not bad_threshold
    check_log(text, result.edits, result.text)
    limit = DEFAULT_MIN_CONFIDENCE if threshold is None else threshold
    calibration = Calibration.load()
    for e in result.edits:
        # A grade judged on real text decides by its measured precision; any other by the stated confidence.
        grade = calibration.grade(e.rule, e.confidence)
        measured = grade is not None and grade.status != "unmeasured"
        trusted = grade.status == "apply" and grade.precision >= limit if measured and grade else e.confidence >= limit
        assert e.applied == (trusted and e.original != e.replacement), e
    if threshold is None:  # the output is a fixed point of the same configuration
        assert cleanfr.fix(result.text, select=select, ignore=ignore).applied == []


# --- command targets ---------------------------------------------------------------------------


@scaled(2)
@given(file_bytes, st.sampled_from(ERRORS))
def test_command_on_arbitrary_file(data: bytes, errors: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, log = Path(tmp, "in.txt"), Path(tmp, "log.jsonl")
        path.write_bytes(data)
        run = cli(["fix", str(path), "--errors", errors, "--log", str(log), "-q", "--no-config"])
        want = expected(data, errors)
        assert path.read_bytes() == data
        if isinstance(want, type):
            assert_clean_failure(run)
            assert run.stdout == b""
            assert (want is BinaryInput) == ("warning" in run.stderr), run.stderr
            return
        text, out = want
        assert run.code == 0 and run.stderr == "", run
        assert run.stdout == out
        edits = read_log(log)
        check_log(text, edits, cleanfr.fix(text).text)
        assert sorted(os.listdir(tmp)) == ["in.txt", "log.jsonl"]


@scaled(2)
@given(file_bytes, st.sampled_from(ERRORS))
def test_command_in_place_rewrites_or_leaves_intact(data: bytes, errors: str) -> None:
    """``-i`` rewrites a file only when an edit changes its text; otherwise (or on error) not a byte changes."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "in.txt")
        path.write_bytes(data)
        run = cli(["fix", "-i", str(path), "--errors", errors, "-q", "--no-config"])
        want = expected(data, errors)
        if isinstance(want, type):
            assert_clean_failure(run)
            assert path.read_bytes() == data
        else:
            text, out = want
            assert run.code == 0 and run.stdout == b"", run
            assert path.read_bytes() == (data if cleanfr.fix(text).text == text else out)
            again = cli(["fix", "--check", str(path), "--errors", errors, "-q", "--no-config"])
            assert again.code == 0, f"output not a fixed point: {path.read_bytes()!r}"
        assert os.listdir(tmp) == ["in.txt"]  # no temporary left behind


@scaled(2)
@given(texts)
@example("AA0AAA0AAAAAAAAAà  Â\x80")  # no double space collapsed beside mojibake ftfy leaves (its verdict changes)
def test_command_check_and_diff_agree(text: str) -> None:
    """``--check`` and ``--diff`` exit 1 exactly when the output differs; ``--diff`` is empty exactly then; neither writes."""
    data = to_bytes(text)
    assume(b"\x00" not in data)
    opts = ["--errors", "surrogateescape", "-q", "--no-config"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "in.txt")
        path.write_bytes(data)
        fixed = cli(["fix", str(path), *opts])
        check = cli(["fix", "--check", str(path), *opts])
        diff = cli(["fix", "--diff", str(path), *opts])
        assert fixed.code == 0 and check.code in (0, 1) and diff.code == check.code, (fixed, check, diff)
        assert (check.code == 1) == (fixed.stdout != data)
        assert (diff.stdout == b"") == (fixed.stdout == data)
        assert check.stdout == b"" and path.read_bytes() == data
        assert cli(["fix", "-", *opts], fixed.stdout).stdout == fixed.stdout


min_confidence_args = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(("0", "1", "-0", "0.8", "1e-3", "1.0000001", "nan", "inf", "", "abc", "0,5", " 0.5")),
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "ascii", "nonexistent")


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@scaled(2)
@given(
    texts,
    st.lists(st.lists(names, max_size=3).map(",".join), max_size=2),
    st.lists(st.lists(names, max_size=2).map(",".join), max_size=2),
    st.one_of(st.none(), min_confidence_args),
    st.sampled_from(ENCODINGS),
    st.sampled_from(ERRORS),
)
@example("0«\x80", [], [], None, "latin-1", "replace")  # € written as ? in latin-1: « ? then reads as a guillemet
def test_command_with_arbitrary_options(
    text: str, select: list[str], ignore: list[str], threshold: str | None, encoding: str, errors: str
) -> None:
    args = ["fix", "-", "-q", "--no-config", "--encoding", encoding, "--errors", errors]
    args += [f"--select={s}" for s in select] + [f"--ignore={s}" for s in ignore]
    if threshold is not None:
        args.append(f"--min-confidence={threshold}")
    note(repr(args))
    data = text.encode("utf-8", "replace")
    run = cli(args, data)
    if run.code == 2:
        assert_clean_failure(run)
        return
    assert run.code == 0 and run.stderr == "", run
    # With --errors replace, a character the output encoding cannot hold is written as ? (« € in latin-1 »):
    # the output then is not the fixed text, and need not be a fixed point.
    lossy = errors == "replace" and not _encodable(cleanfr.fix(data.decode(encoding, errors)).text, encoding)
    assert cli(args, run.stdout).stdout == run.stdout or threshold is not None or lossy


# --- JSONL corpora -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(("text", "id", "t", "é")) | st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def _record(text: str, extra: dict, echo: bool, text_last: bool) -> dict:
    if echo:  # a nested object with the same "text": only the top-level field may change
        extra = {**extra, "meta": {"text": text}}
    return {**extra, "text": text} if text_last else {"text": text, **extra}


#: A record: its text, maybe an id, maybe other fields — which may themselves hold a "text" key — in any order.
records = st.builds(
    _record,
    texts,
    st.fixed_dictionaries({}, optional={"id": st.integers() | st.text(max_size=6), "meta": json_values}),
    st.booleans(),
    st.booleans(),
)
jsonl_lines = st.one_of(
    st.builds(
        lambda obj, ascii_only, compact: json.dumps(
            obj, ensure_ascii=ascii_only, separators=(",", ":") if compact else None
        ).encode("utf-8", "surrogatepass"),
        records,
        st.booleans(),
        st.booleans(),
    ),
    st.builds(
        lambda obj: json.dumps(obj).encode(), json_values
    ),  # valid JSON, not a record (or a record with a bad text)
    st.text(max_size=30).map(lambda t: t.replace("\n", " ").encode("utf-8", "surrogatepass")),  # malformed
    st.sampled_from(
        (b"", b"   ", b"{", b'{"text": 1}', b'{"text": null}', b'["text"]', b'{"text": "caf\xe9"}', b"\xff\xfe")
    ),
)
jsonl_files = st.builds(
    lambda lines, eol, final: eol.join(lines) + (eol if final and lines else b""),
    st.lists(jsonl_lines, max_size=8),
    st.sampled_from((b"\n", b"\r\n")),
    st.booleans(),
)


def record_of(raw: bytes) -> dict | None:
    """The record a JSONL line holds, or None when the line is malformed (the oracle, written independently)."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) and isinstance(obj.get("text"), str) else None


@scaled(2)
@given(jsonl_files, st.sampled_from(("skip", "stop")))
def test_command_on_arbitrary_jsonl(data: bytes, on_error: str) -> None:
    """Each record's text is repaired and nothing else in it changes; a bad line is kept (skip) or stops the run."""
    with tempfile.TemporaryDirectory() as tmp:
        path, out, log = Path(tmp, "c.jsonl"), Path(tmp, "out.jsonl"), Path(tmp, "log.jsonl")
        path.write_bytes(data)
        run = cli(
            [
                "fix",
                str(path),
                "--format",
                "jsonl",
                "--on-error",
                on_error,
                "-o",
                str(out),
                "--log",
                str(log),
                "-q",
                "--no-config",
            ]
        )
        assert path.read_bytes() == data
        lines = data.split(b"\n")
        # Lines of whitespace only (form feeds included) are blank lines, kept as they are without a warning.
        bad = [n for n, raw in enumerate(lines, 1) if raw.strip() and record_of(raw.rstrip(b"\r")) is None]
        if bad and on_error == "stop":
            assert_clean_failure(run)
            assert f"line {bad[0]}:" in run.stderr, run.stderr
            assert not out.exists()
            return
        assert run.code == 0, run
        assert [int(w.split("line ")[1].split(":")[0]) for w in run.stderr.splitlines()] == bad, run.stderr
        assert all(w.startswith(f"cleanfr: warning: {path}: line ") for w in run.stderr.splitlines())
        out_lines = out.read_bytes().split(b"\n")
        assert len(out_lines) == len(lines)
        edits: dict[int, list[Edit]] = {}
        for record in (json.loads(x) for x in jsonl(log.read_bytes())) if log.exists() else ():
            edits.setdefault(record["line"], []).append(Edit.from_dict(record))
        for number, (raw, new) in enumerate(zip(lines, out_lines), 1):
            obj = record_of(raw.rstrip(b"\r"))
            if obj is None:
                assert new == raw, number
                continue
            assert new.endswith(b"\r") == raw.endswith(b"\r")
            fixed = cleanfr.fix(obj["text"]).text
            assert json.loads(new.decode("utf-8")) == {**obj, "text": fixed}, number
            check_log(obj["text"], edits.get(number, []), fixed)


@settings(max_examples=max(1, settings.default.max_examples // 60))
@given(st.lists(texts, min_size=1, max_size=6), st.lists(records, min_size=1, max_size=20))
@example(["\ufeffquil"], [{"text": ""}])  # a file with a byte order mark: offsets count from after it
def test_command_is_deterministic_across_processes_jobs_and_chunks(batch: list[str], recs: list[dict]) -> None:
    """Two processes with other hash seeds, one with ``--jobs 2``: the same bytes and log; small chunks keep the log exact."""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, text in enumerate(batch):
            path = Path(tmp, f"{i}.txt")
            path.write_bytes(to_bytes(text).replace(b"\x00", b""))
            files.append(str(path))
        corpus = Path(tmp, "c.jsonl")
        corpus.write_bytes(b"\n".join(json.dumps(r).encode() for r in recs) + b"\n")
        files.append(str(corpus))
        outputs = []
        for jobs, seed in (("1", "1"), ("2", "2")):
            log = Path(tmp, f"log{jobs}.jsonl")
            p = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cleanfr",
                    "fix",
                    *files,
                    "--jobs",
                    jobs,
                    "--chunk-size",
                    "64",
                    "--errors",
                    "surrogateescape",
                    "--log",
                    str(log),
                    "-q",
                    "--no-config",
                ],
                capture_output=True,
                timeout=300,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            assert p.returncode == 0 and p.stderr == b"", p.stderr.decode(errors="replace")
            outputs.append((p.stdout, log.read_bytes()))
        assert outputs[0] == outputs[1]
        # The chunked log is exact against each whole text file.
        by_file: dict[str, list[Edit]] = {}
        for line in jsonl(outputs[0][1]):
            record = json.loads(line)
            by_file.setdefault(record["file"], []).append(Edit.from_dict(record))
        for name in files[:-1]:
            text = Path(name).read_bytes().decode("utf-8", "surrogateescape")
            text = text.removeprefix("\ufeff")  # the file's byte order mark is no text: offsets start after it
            edits = by_file.get(name, [])
            for e in edits:
                assert e.original == text[e.start : e.end], e
            assert undo(apply(text, edits), edits) == text


# --- other Python versions -----------------------------------------------------------------------

#: Text that every pass reads, the block rules' shared line matcher (every boilerplate and embed pattern,
#: the CSS one with its possessive quantifiers) included.
ACROSS_VERSIONS = (
    "Ã©tÃ© Ã  Paris. Il a dit quil viendra ;la fin\u00a0!\nadminis-\ntration du pays, le chat dort.\n"
    ".videowrapper { position: relative; padding-bottom: 50%; height: 0; overflow: hidden; }\n"
    "Lire aussi : la suite de l’enquête\nRetour en haut de la page\n"
    "Partager sur Facebook\nL’article suivant du Code civil dispose autrement.\n"
)


def other_pythons() -> list[str]:
    """Other interpreters that can import cleanfr's dependencies: ``$CLEANFR_PYTHONS`` (separated by
    ``os.pathsep``), else ``python3.10`` (the oldest version ``requires-python`` promises) if found."""
    listed = os.environ.get("CLEANFR_PYTHONS")
    candidates = listed.split(os.pathsep) if listed else ["python3.10"]
    found = []
    for exe in filter(None, candidates):
        try:
            p = subprocess.run(
                [exe, "-c", "import regex, ftfy, ahocorasick_rs, rapidfuzz, zstandard"], capture_output=True, timeout=60
            )
        except (OSError, subprocess.TimeoutExpired):
            p = None
        if p is not None and p.returncode == 0:
            found.append(exe)
        elif listed:  # asked for explicitly: a missing interpreter is a failure, not a skip
            raise AssertionError(f"CLEANFR_PYTHONS lists {exe}, which cannot import cleanfr's dependencies")
    return found


def test_same_result_on_every_python_version() -> None:
    """``cleanfr.fix`` gives the same text and log on every supported Python (3.10: no possessive
    quantifiers in ``re``)."""
    import pytest

    pythons = other_pythons()
    if not pythons:
        pytest.skip("no other Python with cleanfr's dependencies (set CLEANFR_PYTHONS)")
    script = (
        "import json, sys, cleanfr; r = cleanfr.fix(sys.stdin.read()); "
        "print(json.dumps([r.text, [e.to_dict() for e in r.edits]], ensure_ascii=True))"
    )
    here = cleanfr.fix(ACROSS_VERSIONS)
    want = [here.text, [e.to_dict() for e in here.edits]]
    root = str(Path(cleanfr.__file__).resolve().parent.parent)
    for exe in pythons:
        p = subprocess.run(
            [exe, "-c", script],
            input=ACROSS_VERSIONS.encode(),
            capture_output=True,
            timeout=300,
            env={**os.environ, "PYTHONPATH": root, "PYTHONIOENCODING": "utf-8"},
        )
        assert p.returncode == 0, (exe, p.stderr.decode(errors="replace"))
        assert json.loads(p.stdout) == want, exe


def _shipped_line_patterns() -> list[tuple[str, str, bool]]:
    from cleanfr.rules.blocks import boilerplate, embeds

    return [
        *boilerplate.line_patterns(),
        *embeds.line_patterns(),
        *((f"end:{i}", p.regex, p.case_sensitive) for i, p in enumerate(boilerplate.patterns())),
    ]


_shipped_examples = shipped_line_examples


line_examples = st.one_of(
    st.sampled_from(_shipped_examples()),
    texts.map(lambda t: t.split("\n")[0]),
    st.builds(lambda a, b: a + b, st.sampled_from(_shipped_examples()), st.text(max_size=4)),
)


@scaled(2)
@given(st.lists(line_examples, min_size=1, max_size=20))
@example(["Partager\x1f"])  # a separator (blank for re, not for the regex module) after a share button's label
def test_line_matcher_reads_the_same_on_python_3_10(lines: list[str]) -> None:
    """The shared line matcher of the block rules as Python 3.10 runs it (no possessive quantifiers in ``re``:
    the regex module matches, the patterns are analysed without the possessive marks) gives this Python's
    verdicts on every shipped example and on arbitrary lines."""
    from cleanfr.rules.blocks import _lines as blocks

    patterns = _shipped_line_patterns()
    here = blocks.LineMatcher(patterns)
    saved = blocks._RE_POSSESSIVE
    blocks._RE_POSSESSIVE = False
    try:
        as_310 = blocks.LineMatcher(patterns)
        firsts_310 = [blocks.first_chars(p, cs) for _, p, cs in patterns]
        verdicts_310 = [as_310.match(line) for line in lines]
    finally:
        blocks._RE_POSSESSIVE = saved
    assert firsts_310 == [blocks.first_chars(p, cs) for _, p, cs in patterns]
    assert verdicts_310 == [here.match(line) for line in lines]
