"""The ``cleanfr`` command: ``fix``, ``stats``, ``report`` and ``rules`` over files, corpora and standard input.

Exit codes: 0 success, 1 ``--check`` found edits to apply, 2 usage or input error (one line on stderr:
``cleanfr: <file>: <message>``), 70 internal error (a bug), 130 interrupted, 141 broken pipe. An input is never modified unless
``--in-place`` succeeds; outputs are written through a temporary file and renamed.

Example: ``cleanfr fix seeds/fr-02.txt --diff``;
``cleanfr fix examples/corpus.jsonl --field text --edits-field cleanfr_edits -o out.jsonl --jobs 0``.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import difflib
import functools
import json
import os
import re
import signal
import stat
import sys
from dataclasses import replace
from typing import IO, Any, BinaryIO, Callable, Iterator, Sequence, cast

from . import __version__
from .calibration import Calibration
from .config import APOSTROPHES, Config, ConfigError, build_pipeline, find_config, load_config
from .corpus import (
    CORPUS_BYTES,
    FORMATS,
    InputFile,
    Settings,
    TaskResult,
    detect_format,
    expand_inputs,
    init_worker,
    iter_tasks,
    process,
    warm_up,
)
from .parallel import WorkerDied, ordered_map, resolve_jobs
from .pipeline import DEFAULT_MIN_CONFIDENCE, SelectionError, all_rules
from .rules import rule_examples, rule_status
from .stats import Stats
from .stream import DEFAULT_CHUNK
from .textio import AtomicOutput, BinaryInput, InputError, json_bytes

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in cleanfr, never a problem with the input


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop and clean up exactly as Ctrl-C does (outputs discarded, temporaries removed)."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Turn SIGTERM into :class:`Terminated` while the command runs (only the main thread may set handlers)."""
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one ``cleanfr: ...`` line with exit 2 (not a usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _names(values: list[str] | None) -> list[str] | None:
    """``--select a,b --select c`` → ``['a', 'b', 'c']``."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return number


#: ``--format`` is the input format in every subcommand; ``stats --format text|json`` named the output format
#: before ``--output-format`` existed and is still understood.
_LEGACY_OUTPUT_FORMATS = ("text", "json")


def _add_input_options(p: argparse.ArgumentParser, legacy_output: bool = False) -> None:
    p.add_argument(
        "files", nargs="*", metavar="INPUT", help="files or directories; '-' or nothing reads standard input"
    )
    p.add_argument(
        "--format",
        "--input-format",
        dest="input_format",
        default="auto",
        metavar="{auto,txt,jsonl,parquet}",
        choices=FORMATS + (_LEGACY_OUTPUT_FORMATS if legacy_output else ()),
        help="input format (default: from the extension: .jsonl/.ndjson, .parquet, else text; .gz/.zst are decompressed)",
    )
    p.add_argument("--field", default="text", help="JSONL/Parquet field holding the text (default: text)")
    p.add_argument(
        "--id-field", default="id", help="record field naming the record in logs (default: id; else the line number)"
    )
    p.add_argument(
        "--glob", metavar="PATTERN", help="walk directories for files whose name matches PATTERN (e.g. '*.txt')"
    )
    p.add_argument(
        "--on-error",
        choices=("stop", "skip"),
        default="stop",
        help="a malformed JSONL record: stop with an error (default), or keep it unchanged with a warning",
    )
    p.add_argument(
        "--encoding", default="utf-8", help="input encoding of text files (default utf-8; BOMs are honoured)"
    )
    p.add_argument(
        "--errors",
        default="strict",
        choices=("strict", "replace", "surrogateescape"),
        help="undecodable bytes: fail (default), replace with U+FFFD, or keep them byte for byte",
    )
    p.add_argument(
        "-j", "--jobs", type=_count, default=1, metavar="N", help="worker processes (default 1; 0 = all cores)"
    )
    p.add_argument(
        "--select", action="append", metavar="RULES", help="rule ids or categories to run (comma-separated; ALL)"
    )
    p.add_argument(
        "--ignore", action="append", metavar="RULES", help="rule ids or categories to skip (comma-separated)"
    )
    p.add_argument(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="F",
        help=f"apply edits with confidence >= F, suggest the rest (default {DEFAULT_MIN_CONFIDENCE})",
    )
    p.add_argument(
        "--apostrophe", choices=tuple(APOSTROPHES), help="apostrophe of repairs (default: the document's own)"
    )
    p.add_argument(
        "--config", metavar="FILE", help="configuration file (default: cleanfr.toml or [tool.cleanfr] found upward)"
    )
    p.add_argument("--no-config", action="store_true", help="ignore configuration files")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr")
    p.add_argument("--chunk-size", type=_count, default=DEFAULT_CHUNK, help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="cleanfr",
        description="Repair French text damaged by scrapers, OCR and machine translation, with an exact edit log.",
    )
    parser.add_argument("--version", action="version", version=f"cleanfr {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    fix = sub.add_parser("fix", help="repair files, corpora or standard input", description="Repair French text.")
    _add_input_options(fix)
    out = fix.add_mutually_exclusive_group()
    out.add_argument(
        "-o", "--output", metavar="OUT", help="write the corrected text to OUT (one input only; '-' is standard output)"
    )
    out.add_argument("-i", "--in-place", action="store_true", help="rewrite each input file atomically")
    out.add_argument("--output-dir", metavar="DIR", help="write each corrected file under DIR (same relative path)")
    out.add_argument(
        "--diff", action="store_true", help="print a unified diff, write nothing; exit 1 if there are changes"
    )
    out.add_argument(
        "--check",
        action="store_true",
        help="list each edit that would be applied (file:line:col: rule message) and exit 1 if any; write nothing",
    )
    fix.add_argument(
        "--log",
        metavar="FILE",
        help="write every edit as JSON lines to FILE (.gz/.zst compressed; '-' is standard output)",
    )
    fix.add_argument(
        "--edits-field", metavar="NAME", help="JSONL/Parquet: store each record's edits in field NAME (a new field)"
    )
    fix.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="--diff in colour, the changed words highlighted (default: on a terminal, unless NO_COLOR is set)",
    )
    fix.add_argument(
        "--replace-edits-field",
        action="store_true",
        help="let --edits-field replace a field the records already have (else an error)",
    )

    stats = sub.add_parser("stats", help="count edits per category and rule", description="Edit statistics.")
    _add_input_options(stats, legacy_output=True)
    stats.add_argument("--output-format", choices=("text", "json"), default=None, help="a table (default) or JSON")

    report = sub.add_parser("report", help="write an HTML report of the edits", description="HTML report.")
    _add_input_options(report)
    report.add_argument(
        "-o", "--output", metavar="HTML", required=True, help="the report file to write ('-' is standard output)"
    )
    report.add_argument(
        "--max-docs",
        type=_count,
        default=200,
        metavar="N",
        help="show the text of at most N documents (default 200; the summary counts all)",
    )
    report.add_argument("--title", default=None, help="title of the report")

    rules = sub.add_parser("rules", help="list the rules, or document one", description="List the rules.")
    rules.add_argument("rule", nargs="?", metavar="ID", help="show the documentation of one rule")
    rules.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="a table or a rule's documentation (default), or JSON",
    )
    return parser


# ---------------------------------------------------------------------------------------------------
# Running the pipeline over inputs


def _settings(args: argparse.Namespace, keep_docs: bool = False) -> Settings:
    if args.no_config:
        config = None
    else:
        path = args.config or find_config()
        config = load_config(path) if path else None
    if args.apostrophe:
        config = replace(config or Config(), apostrophe=args.apostrophe)
    select, ignore = _names(args.select), _names(args.ignore)
    settings = Settings(
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        min_confidence=args.min_confidence,
        config=config,
        field=args.field,
        edits_field=getattr(args, "edits_field", None),
        id_field=args.id_field,
        on_error=args.on_error,
        errors=args.errors,
        replace_edits_field=getattr(args, "replace_edits_field", False),
        keep_docs=keep_docs,
    )
    # Build once here so that a bad selection fails before any worker starts.
    build_pipeline(settings.select, settings.ignore, settings.min_confidence, settings.config)
    return settings


def _inputs(args: argparse.Namespace) -> list[InputFile]:
    paths = args.files or ["-"]
    found = expand_inputs(paths, args.glob, getattr(args, "output_dir", None))
    if not found:
        raise UsageError(f"no file matches --glob {args.glob!r} in {', '.join(paths)}")
    return [InputFile(i, path, rel, detect_format(path, args.input_format)) for i, (path, rel) in enumerate(found)]


def _known_size(inputs: list[InputFile]) -> int | None:
    """The bytes of text in ``inputs``, or None when some are unknown (standard input, a compressed file)."""
    from .textio import compression_of

    sizes = [
        os.path.getsize(f.path) if f.path != "-" and os.path.isfile(f.path) and not compression_of(f.path) else None
        for f in inputs
    ]
    return None if None in sizes else sum(sizes)  # type: ignore[arg-type]


class _Progress:
    """A tqdm bar on stderr (bytes, rate, ETA, records) when stderr is a terminal; silent otherwise.

    Counts the uncompressed bytes of finished tasks; with compressed inputs the total is unknown (no ETA).
    """

    def __init__(self, inputs: list[InputFile], stderr: IO[str], quiet: bool) -> None:
        self.bar = None
        self.counted: dict[int, int] = {}
        self.records = 0
        if quiet or not getattr(stderr, "isatty", lambda: False)():
            return
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm is a dependency
            return
        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked after the bar exists
        total = _known_size(inputs)
        # delay: nothing at all for work that takes less than a moment.
        self.bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=stderr,
            delay=0.5,
            dynamic_ncols=True,
            leave=False,
        )

    def update(self, f: InputFile, result: TaskResult) -> None:
        if self.bar is None:
            return
        self.counted[f.index] = self.counted.get(f.index, 0) + result.size
        self.records += result.records
        if self.records:
            self.bar.set_postfix_str(f"{self.records} records", refresh=False)
        self.bar.update(result.size)

    def file_done(self, f: InputFile) -> None:
        """Account for the bytes no task covered (BOM, a Parquet file's footer)."""
        if self.bar is None or self.bar.total is None:
            return
        with contextlib.suppress(OSError):
            missing = os.path.getsize(f.path) - self.counted.pop(f.index, 0)
            if missing > 0:
                self.bar.update(missing)

    def write(self, stderr: IO[str], message: str) -> None:
        """Print a line above the bar."""
        if self.bar is not None:
            self.bar.clear()
        stderr.write(message)
        stderr.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _events(
    inputs: list[InputFile], args: argparse.Namespace, settings: Settings, stdin: IO[bytes] | None
) -> Iterator[tuple[str, InputFile, Any]]:
    """``("result", file, TaskResult)``, ``("end", file, None)`` or ``("error", file, InputError)``, in input order."""
    by_index = {f.index: f for f in inputs}

    def items() -> Iterator[Any]:
        for f in inputs:
            try:
                # stdin is sys.stdin.buffer (or a test's BytesIO): a binary stream
                for task in iter_tasks(f, args.encoding, args.errors, max(args.chunk_size, 64), cast(BinaryIO, stdin)):
                    yield task
            except InputError as exc:
                yield ("error", f, exc)
                continue
            yield ("end", f, None)

    jobs = resolve_jobs(args.jobs)
    size = _known_size(inputs)
    prepare = functools.partial(warm_up, corpus=size is None or size >= CORPUS_BYTES)
    stream = ordered_map(
        process, items(), jobs, lambda item: not isinstance(item, tuple), init_worker, (settings,), prepare=prepare
    )
    with contextlib.closing(stream):
        for item, result in stream:
            if isinstance(item, tuple):
                yield item
            else:
                yield "result", by_index[item.file], result


def _drive(
    args: argparse.Namespace,
    settings: Settings,
    inputs: list[InputFile],
    stdin: IO[bytes],
    stderr: IO[str],
    on_result: Callable[[InputFile, TaskResult], None],
    on_end: Callable[[InputFile], str | None],
    on_abort: Callable[[InputFile], object],
) -> int:
    """Stream every input through the pipeline; returns EXIT_OK or EXIT_ERROR (some input failed).

    ``on_end`` may return a line for stderr (a summary): it is printed above the progress bar, never on its line.
    """
    status = EXIT_OK
    progress = _Progress(inputs, stderr, args.quiet)
    try:
        for kind, f, payload in _events(inputs, args, settings, stdin):
            if kind == "result":
                if f.failed:
                    continue
                for warning in payload.warnings:
                    progress.write(stderr, f"cleanfr: warning: {warning}\n")
                if payload.error:
                    progress.write(stderr, f"cleanfr: {payload.error}\n")
                    f.failed = True
                    status = EXIT_ERROR
                    on_abort(f)
                    continue
                on_result(f, payload)
                progress.update(f, payload)
            elif kind == "error":
                level = "warning: " if isinstance(payload, BinaryInput) else ""
                progress.write(stderr, f"cleanfr: {level}{payload}\n")
                f.failed = True
                status = EXIT_ERROR
                on_abort(f)
            elif not f.failed:
                progress.file_done(f)
                message = on_end(f)
                if message:
                    progress.write(stderr, message)
    finally:
        progress.close()
    return status


# ---------------------------------------------------------------------------------------------------
# fix


def _unified_diff(name: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


_WORDS = re.compile(r"\w+|\s+|[^\w\s]")
_RED, _GREEN, _CYAN, _BOLD, _RESET, _MARK, _UNMARK = (
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[36m",
    "\x1b[1m",
    "\x1b[0m",
    "\x1b[7m",
    "\x1b[27m",
)


def _colour_diff(diff: str) -> str:
    """A unified diff in colour, the words that changed in a line shown in reverse video (as git's
    diff-highlight): in a long paragraph the one repaired word stands out.

    >>> _colour_diff("@@ -1 +1 @@\\n-un Ã©tÃ© chaud\\n+un été chaud\\n").split("\\n")[1]
    '\\x1b[31m-un \\x1b[7mÃ©tÃ©\\x1b[27m chaud\\x1b[0m'
    """
    out: list[str] = []
    lines = diff.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            line.startswith(("---", "+++"))
            and i + 1 < len(lines)
            and (line.startswith("+++") or lines[i + 1].startswith("+++"))
        ):
            out.append(_BOLD + line.rstrip("\r\n") + _RESET + "\n")
            i += 1
            continue
        if line.startswith("@@"):
            out.append(_CYAN + line.rstrip("\r\n") + _RESET + "\n")
            i += 1
            continue
        if line.startswith("-"):
            j = i
            while j < len(lines) and lines[j].startswith("-"):
                j += 1
            k = j
            while k < len(lines) and lines[k].startswith("+"):
                k += 1
            removed, added = lines[i:j], lines[j:k]
            if len(removed) == len(added):
                pairs = [_highlight(a[1:], b[1:]) for a, b in zip(removed, added)]
                out += [_RED + "-" + r + _RESET + end for (r, _), end in zip(pairs, map(_ending, removed))]
                out += [_GREEN + "+" + a + _RESET + end for (_, a), end in zip(pairs, map(_ending, added))]
            else:
                out += [_RED + x.rstrip("\r\n") + _RESET + _ending(x) for x in removed]
                out += [_GREEN + x.rstrip("\r\n") + _RESET + _ending(x) for x in added]
            i = k
            continue
        if line.startswith("+"):
            out.append(_GREEN + line.rstrip("\r\n") + _RESET + _ending(line))
        else:
            out.append(line)
        i += 1
    return "".join(out)


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _highlight(before: str, after: str) -> tuple[str, str]:
    """``before`` and ``after`` (without their line endings) with the words that differ marked."""
    a, b = _WORDS.findall(before.rstrip("\r\n")), _WORDS.findall(after.rstrip("\r\n"))
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(old)
            right.append(new)
        else:
            left.append(_MARK + old + _UNMARK if old else "")
            right.append(_MARK + new + _UNMARK if new else "")
    return "".join(left), "".join(right)


class _FileOutput:
    """Where one input's repaired content goes: standard output, a file written atomically, or nowhere."""

    def __init__(self, f: InputFile, args: argparse.Namespace, stdout: IO[bytes]) -> None:
        self.f = f
        self.stdout = stdout
        self.target: str | None = None
        if args.in_place:
            self.target = f.path
        elif args.output and args.output != "-":
            self.target = args.output
        elif args.output_dir:
            self.target = os.path.join(args.output_dir, f.rel)
        self.make_dirs = bool(args.output_dir)
        self.to_stdout = self.target is None and not (args.check or args.diff)
        self.keep_unchanged = not args.in_place  # -i leaves an unchanged file untouched (same mtime)
        self.edits_field: str | None = args.edits_field
        self.replace_edits_field: bool = args.replace_edits_field
        self.sink: AtomicOutput | None = None
        self.parquet_writer: Any = None
        self.changed = False
        self.first = True
        if f.fmt == "parquet" and self.to_stdout:
            raise UsageError(f"{f.name}: Parquet output needs -o FILE, -i or --output-dir")

    def _open(self) -> None:
        if self.sink is None and self.target is not None:
            directory = os.path.dirname(self.target)
            if self.make_dirs and directory and not os.path.isdir(directory):
                try:
                    os.makedirs(directory, exist_ok=True)
                except OSError as exc:
                    raise InputError(directory, f"cannot create directory: {exc.strerror or exc}") from None
            self.sink = AtomicOutput(self.target, compress=self.f.fmt != "parquet")

    def _parquet_schema(self) -> Any:
        """The input's schema (its metadata too), with the edits column when one is asked for."""
        import pyarrow as pa

        schema = self.f.schema
        name = self.edits_field
        if name is not None:
            column = pa.field(name, pa.string())
            if name in schema.names:
                if not self.replace_edits_field:
                    raise InputError(
                        self.f.name, f"the table already has a column {name!r} (--replace-edits-field to replace it)"
                    )
                schema = schema.set(schema.get_field_index(name), column)
            else:
                schema = schema.append(column)
        return schema

    def _parquet_write(self, batch: Any) -> None:
        self._open()
        if self.sink is None:
            return
        if self.parquet_writer is None:
            import pyarrow.parquet as pq

            self.parquet_writer = pq.ParquetWriter(self.sink.stream, self._parquet_schema())
        if batch is not None:
            import pyarrow as pa

            self.parquet_writer.write_batch(
                pa.RecordBatch.from_arrays(batch.columns, schema=self.parquet_writer.schema)
            )

    def write(self, result: TaskResult) -> None:
        self.changed = self.changed or result.changed
        if self.f.fmt == "parquet":
            self._parquet_write(result.out)
            return
        self._emit(self._encode(result.out) if isinstance(result.out, str) else result.out)

    def _emit(self, data: bytes) -> None:
        if self.to_stdout:
            self.stdout.write(data)
        elif self.target is not None:
            self._open()
            self.sink.write(data)  # type: ignore[union-attr]

    def _encode(self, text: str) -> bytes:
        decoded = self.f.decoded
        try:
            data = text.encode(decoded.encoding, decoded.errors)
        except UnicodeEncodeError as exc:
            raise InputError(
                self.f.name,
                f"the corrected text has {exc.object[exc.start]!r}, which {decoded.encoding} "
                "cannot encode (use --encoding utf-8 or --ignore the rule)",
            ) from None
        if self.first:
            self.first = False
            return decoded.bom + data
        return data

    def finish(self) -> None:
        if self.first and self.f.decoded is not None and self.f.decoded.bom:
            self._emit(self._encode(""))  # a file holding only its BOM keeps it
        if self.to_stdout:
            self.stdout.flush()
            return
        if self.target is None:
            return
        if not self.changed and not self.keep_unchanged:
            self.abort()
            return
        if self.f.fmt == "parquet" and self.parquet_writer is None and self.f.schema is not None:
            self._parquet_write(None)  # a table without rows is still a Parquet file, with its schema
        self._open()
        if self.parquet_writer is not None:
            self.parquet_writer.close()
        self.sink.commit()  # type: ignore[union-attr]

    def abort(self) -> None:
        if self.parquet_writer is not None:
            with contextlib.suppress(Exception):
                self.parquet_writer.close()
        if self.sink is not None:
            self.sink.discard()


class _StdoutLog:
    """``--log -``: the edit log on standard output, with the interface of :class:`AtomicOutput`."""

    def __init__(self, stdout: IO[bytes]) -> None:
        self.stdout = stdout

    def write(self, data: bytes) -> None:
        self.stdout.write(data)

    def commit(self) -> None:
        self.stdout.flush()

    def discard(self) -> None:
        pass


_FORMAT_NAMES = {"txt": "text", "jsonl": "JSONL", "parquet": "Parquet"}
_NAMED_FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet"}


def _named_format(path: str) -> str | None:
    """The format an output's name announces (``clean.jsonl.zst`` → ``jsonl``), or None for other names."""
    lower = path.lower()
    for suffix in (".gz", ".zst", ".zstd"):
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
    return _NAMED_FORMATS.get(os.path.splitext(lower)[1])


def _check_output_name(f: InputFile, output: str, requested: str) -> None:
    """``-o`` writes the input's format: refuse a name that announces another one (Parquet bytes in a .jsonl)."""
    from .textio import compression_of

    if f.fmt == "parquet" and compression_of(output):
        raise InputError(output, "Parquet output is not .gz/.zst-compressed (Parquet compresses its columns itself)")
    named = _named_format(output)
    if requested != "auto" or named is None or named == f.fmt:  # an explicit --format is taken at its word
        return
    hint = f" (--format {named} reads standard input as {_FORMAT_NAMES[named]})" if f.path == "-" else ""
    raise InputError(
        output,
        f"the output would be {_FORMAT_NAMES[f.fmt]} (the input's format), not "
        f"{_FORMAT_NAMES[named]} as its name says{hint}",
    )


def _identity(path: str) -> tuple[list[tuple], bool]:
    """The keys that name ``path``'s file (its resolved path, and its inode when it exists), and whether it is
    a character device."""
    keys: list[tuple] = [("path", os.path.realpath(path))]
    try:
        st = os.stat(path)
    except OSError:
        return keys, False
    keys.append(("inode", st.st_dev, st.st_ino))
    return keys, stat.S_ISCHR(st.st_mode)


def _check_targets(inputs: list[InputFile], targets: list[tuple[str, str, int | None]]) -> None:
    """Refuse, before anything is read or written, an output that is also an input or another output.

    ``targets`` are ``(option, path, input index)``: the index is the input a target belongs to (for
    ``-i`` its own file, which it may replace, and for ``--output-dir`` the input it mirrors). Two paths name
    the same file when they resolve to the same path (symlinks) or the same inode (hard links). Character
    devices (``/dev/null``) may be named any number of times. Linear in the number of files.
    """
    by_key: dict[tuple, list[InputFile]] = {}
    for f in inputs:
        if f.path != "-":
            for key in _identity(f.path)[0]:
                by_key.setdefault(key, []).append(f)
    written: dict[tuple, tuple[str, int | None]] = {}
    for option, path, owner in targets:
        keys, device = _identity(path)
        if device:
            continue
        same = {f.index: f for key in keys for f in by_key.get(key, ())}
        if option == "-i":
            others = [f for index, f in same.items() if index != owner]
            if others:
                raise InputError(path, f"given twice (also as {others[0].path})")
        elif same:
            hint = (
                " (use -i to repair it in place)"
                if option in ("-o", "--output-dir") and (owner is None or owner in same)
                else ""
            )
            raise InputError(path, f"{option} would overwrite an input{hint}")
        earlier = next((written[key] for key in keys if key in written), None)
        if earlier is not None:
            other_option, other_owner = earlier
            if option == other_option == "--output-dir" and owner is not None and other_owner is not None:
                raise InputError(
                    inputs[owner].name, f"--output-dir would write it to {path}, as {inputs[other_owner].name}"
                )
            what = (
                "the output"
                if other_option == "-o"
                else f"the output of {inputs[other_owner].name}"
                if other_owner is not None
                else "another output"
            )
            raise InputError(path, f"{option} would overwrite {what}")
        for key in keys:
            written.setdefault(key, (option, owner))


def run_fix(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    files = args.files or ["-"]
    if args.in_place and "-" in files:
        raise UsageError("--in-place needs files, not standard input")
    if args.edits_field is not None and args.edits_field == args.field:
        raise UsageError(f"--edits-field {args.edits_field!r} is the text field (--field): the text would be lost")
    text_to_stdout = not (args.in_place or args.output_dir or args.check or args.diff) and args.output in (None, "-")
    if args.log == "-" and (text_to_stdout or args.diff):
        raise UsageError(
            "--log - and the corrected text would both go to standard output "
            "(write the text with -o FILE, or use --check)"
        )
    # --diff of a Parquet file shows each row's text; --check places each edit by line and column.
    settings = _settings(args, keep_docs=args.diff or (args.check and not args.quiet))
    inputs = _inputs(args)
    if args.output and len(inputs) > 1:
        raise UsageError("-o/--output takes a single input (use --output-dir for several)")
    if args.diff:
        _check_diffable(args, inputs)
    targets: list[tuple[str, str, int | None]] = []
    if args.in_place:
        targets += [("-i", f.path, f.index) for f in inputs]
    elif args.output_dir:
        targets += [("--output-dir", os.path.join(args.output_dir, f.rel), f.index) for f in inputs]
    elif args.output and args.output != "-":
        targets.append(("-o", args.output, None))
        _check_output_name(inputs[0], args.output, args.input_format)
    if args.log and args.log != "-":
        targets.append(("--log", args.log, None))
    _check_targets(inputs, targets)
    name_files = len(inputs) > 1
    log: AtomicOutput | _StdoutLog | None = None
    outputs: dict[int, _FileOutput] = {}
    totals: dict[int, list[int]] = {}
    diffs: dict[int, list[str]] = {}
    originals: dict[int, list[str]] = {}
    places: dict[int, _Places] = {}
    found = False
    colour = args.diff and (
        args.color == "always"
        or args.color == "auto"
        and not os.environ.get("NO_COLOR")
        and getattr(stdout, "isatty", lambda: False)()
    )

    def output(f: InputFile) -> _FileOutput:
        if f.index not in outputs:
            outputs[f.index] = _FileOutput(f, args, stdout)
        return outputs[f.index]

    def on_result(f: InputFile, result: TaskResult) -> None:
        nonlocal found
        output(f).write(result)
        counts = totals.setdefault(f.index, [0, 0, 0])
        for _, e in result.edits:
            counts[0 if e.applied else 1] += 1
        counts[2] += result.records
        found = found or counts[0] > 0
        if log is not None and result.edits:
            log.write(
                json_bytes(
                    "".join(
                        json.dumps(
                            {**({"file": f.name} if name_files else {}), **where, **e.to_dict()}, ensure_ascii=False
                        )
                        + "\n"
                        for where, e in result.edits
                    ),
                    args.errors,
                )
            )
        if args.check and not args.quiet:
            places.setdefault(f.index, _Places())
            stdout.write("".join(places[f.index].lines(f, result)).encode("utf-8", "surrogateescape"))
        if args.diff:
            if f.fmt == "parquet":
                diffs.setdefault(f.index, []).extend(_record_diffs(result))
            elif f.fmt == "txt":
                originals.setdefault(f.index, []).extend(text for _, text, _ in result.docs or [])
                diffs.setdefault(f.index, []).append(result.out)
            else:
                diffs.setdefault(f.index, []).append(
                    result.out if isinstance(result.out, str) else result.out.decode("utf-8", "surrogateescape")
                )

    def on_end(f: InputFile) -> str | None:
        output(f).finish()
        if args.diff:
            if f.fmt == "parquet":
                text = "".join(diffs.pop(f.index, []))
            elif f.fmt == "txt":
                text = _unified_diff(f.name, "".join(originals.pop(f.index, [])), "".join(diffs.pop(f.index, [])))
            else:
                text = _unified_diff(f.name, _original(f), "".join(diffs.pop(f.index, [])))
            if colour:
                text = _colour_diff(text)
            stdout.write(text.encode("utf-8", "surrogateescape"))
        if not args.quiet:
            applied, suggested, records = totals.get(f.index, [0, 0, 0])
            verb = "would apply" if args.check or args.diff else "applied"
            where = f" in {records} records" if f.fmt != "txt" else ""
            return f"{f.name}: {applied} edit{'s' * (applied != 1)} {verb}, {suggested} suggested{where}\n"
        return None

    def on_abort(f: InputFile) -> None:
        if f.index in outputs:
            outputs[f.index].abort()

    try:
        if args.log == "-":
            log = _StdoutLog(stdout)
        elif args.log:
            log = AtomicOutput(args.log)
        status = _drive(args, settings, inputs, stdin, stderr, on_result, on_end, on_abort)
        if log is not None:
            log.commit()
    except BaseException:
        for out in outputs.values():
            out.abort()
        if log is not None:
            log.discard()
        raise
    if (args.check or args.diff) and found:
        status = max(status, EXIT_FOUND)
    return status


class _Places:
    """``--check``: one ``file:line:col: rule message`` line per edit that would be applied (as ruff and typos).

    A text file's lines and columns (from 1, in code points) are counted across its chunks; for JSON lines the
    line is the record's and the column counts code points in its text; for Parquet, ``file:row N:col``.
    """

    _BREAK = re.compile(r"\r\n|\r|\n")

    def __init__(self) -> None:
        self.line = 1  # the line a text file's next chunk starts on
        self.column = 0  # code points of that line already in earlier chunks
        self.consumed = 0  # code points of the earlier chunks

    def lines(self, f: InputFile, result: TaskResult) -> list[str]:
        out = []
        if f.fmt != "txt":
            for where, e in result.edits:
                if e.applied:
                    place = f"{where['line']}" if "line" in where else f"row {where.get('row', 0)}"
                    out.append(f"{f.name}:{place}:{e.start + 1}: {e.rule} {e.message}\n")
            return out
        for _, text, edits in result.docs or []:
            starts = [m.end() for m in self._BREAK.finditer(text)]  # where each following line starts
            for e in edits:
                if not e.applied:
                    continue
                offset = e.start - self.consumed
                k = bisect.bisect_right(starts, offset)
                column = offset - starts[k - 1] + 1 if k else self.column + offset + 1
                out.append(f"{f.name}:{self.line + k}:{column}: {e.rule} {e.message}\n")
            self.line += len(starts)
            self.column = len(text) - starts[-1] if starts else self.column + len(text)
            self.consumed += len(text)
        return out


def _record_diffs(result: TaskResult) -> list[str]:
    """``--diff`` of a Parquet batch: one unified diff per changed row, named ``file:row N``."""
    from .edits import apply

    out = []
    for name, text, edits in result.docs or []:
        after = apply(text, edits)
        if after != text:
            out.append(_unified_diff(name, text, after))
    return out


def _check_diffable(args: argparse.Namespace, inputs: list[InputFile]) -> None:
    for f in inputs:
        if f.path == "-":
            raise UsageError("--diff needs files, not standard input")
        if f.fmt == "jsonl" and not os.path.isfile(f.path):
            raise InputError(f.name, "--diff of JSON lines reads the file twice: it must be a regular file")


def _original(f: InputFile) -> str:
    """A JSONL input's lines, read again for ``--diff`` (a text file's come with its tasks)."""
    from .textio import open_binary

    stream, _ = open_binary(f.path)
    with stream:
        return stream.read().decode("utf-8", "surrogateescape")


# ---------------------------------------------------------------------------------------------------
# stats and report


def _collect(
    args: argparse.Namespace, stdin: IO[bytes], stderr: IO[str], keep_docs: bool, max_docs: int = 0
) -> tuple[int, Stats, list[tuple[str, str, list]]]:
    settings = _settings(args, keep_docs=keep_docs)
    stats = Stats()
    docs: list[tuple[str, str, list]] = []
    text_docs: dict[int, tuple[list[str], list]] = {}

    def on_result(f: InputFile, result: TaskResult) -> None:
        stats.add_edits(e for _, e in result.edits)
        stats.words += result.words
        stats.documents += result.records
        if result.docs is None:
            return
        if f.fmt == "txt":  # one document per text file, however many chunks
            if len(docs) < max_docs or f.index in text_docs:
                texts, edits = text_docs.setdefault(f.index, ([], []))
                for _, text, chunk_edits in result.docs:
                    texts.append(text)
                    edits.extend(chunk_edits)
        else:
            docs.extend(result.docs[: max(0, max_docs - len(docs))])

    def on_end(f: InputFile) -> None:
        stats.files += 1
        if f.fmt == "txt":
            stats.documents += 1
            if f.index in text_docs:
                texts, edits = text_docs.pop(f.index)
                docs.append((f.name, "".join(texts), edits))

    inputs = _inputs(args)
    if getattr(args, "output", None) not in (None, "-"):
        _check_targets(inputs, [("-o", args.output, None)])
    status = _drive(args, settings, inputs, stdin, stderr, on_result, on_end, lambda f: text_docs.pop(f.index, None))
    return status, stats, docs


def run_stats(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    if args.input_format in _LEGACY_OUTPUT_FORMATS:  # the old spelling of --output-format
        args.output_format = args.output_format or args.input_format
        args.input_format = "auto"
    status, stats, _ = _collect(args, stdin, stderr, keep_docs=False)
    stdout.write((stats.to_json() if args.output_format == "json" else stats.to_table()).encode("utf-8"))
    return status


def run_report(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    from .report import html_bytes, render_report

    status, stats, docs = _collect(args, stdin, stderr, keep_docs=True, max_docs=args.max_docs)
    title = args.title or "cleanfr — " + ", ".join(args.files or ["<stdin>"])
    html = render_report(docs, stats, title)
    if args.output == "-":
        stdout.write(html_bytes(html))
        stdout.flush()
        return status
    out = AtomicOutput(args.output, compress=False)
    try:
        out.write(html_bytes(html))
    except BaseException:
        out.discard()
        raise
    out.commit()
    if not args.quiet:
        stderr.write(
            f"{args.output}: {stats.applied} edits applied, {stats.suggested} suggested, "
            f"{len(docs)} of {stats.documents} documents shown\n"
        )
    return status


def run_rules(args: argparse.Namespace, stdout: IO[bytes]) -> int:
    import inspect

    rules = all_rules()
    if args.rule:
        matches = [r for r in rules if args.rule in (r.id, r.category)]
        if not matches:
            raise UsageError(f"unknown rule or category: {args.rule!r}")
        rules = tuple(matches)
    if args.output_format == "json":
        data = [
            {
                "id": r.id,
                "category": r.category,
                "pass": r.pass_name,
                "default": r.default_enabled,
                "order": r.order,
                "status": rule_status(r.id),
                "description": r.description,
                "examples": [{k: v for k, v in vars(e).items() if v is not None} for e in rule_examples(r.id).examples],
                "counter_examples": list(rule_examples(r.id).counter),
                "doc": inspect.cleandoc(r.__doc__ or ""),
                "precision": [
                    {
                        "grade": g.confidence,
                        "correct": g.correct,
                        "wrong": g.wrong,
                        "debatable": g.debatable,
                        "precision": g.precision,
                        "lower": g.lower,
                        "status": g.status,
                    }
                    for g in Calibration.load().for_rule(r.id)
                ],
            }
            for r in rules
        ]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif args.rule:
        text = "\n".join(_rule_doc(r) for r in rules)
    else:
        width = max(len(r.id) for r in rules)
        cat_width = max(len(r.category) for r in rules)
        text = "".join(
            f"{r.id:<{width}}  {r.category:<{cat_width}}  {'on ' if r.default_enabled else 'off'}  "
            f"{rule_status(r.id):<7}  {r.description}\n"
            for r in rules
        )
    stdout.write(text.encode("utf-8"))
    return EXIT_OK


def _rule_doc(rule: Any) -> str:
    """A rule's documentation for a reader: a heading, its settings, then its docstring dedented, with the
    reStructuredText literals (````x````) written as Markdown's (```x```)."""
    import inspect

    doc = inspect.cleandoc(rule.__doc__ or "").replace("``", "`")
    heading = f"{rule.id}: {rule.description}"
    return (
        f"{heading}\n{'=' * len(heading)}\n\n"
        f"category: {rule.category}    pass: {rule.pass_name}    default: {'on' if rule.default_enabled else 'off'}"
        f"    status: {rule_status(rule.id)}\n"
        f"\n{doc}\n"
        + _examples_doc(rule.id)
        + _precision_doc(rule.id)
        + (f"\n(cleanfr fix --select {rule.id} runs it alone; --ignore {rule.id} turns it off)\n")
    )


def _examples_doc(rule_id: str) -> str:
    """The rule's examples and counter-examples (``cleanfr/data/rule_examples.toml``, run by the tests)."""
    found = rule_examples(rule_id)
    if not found.examples and not found.counter:
        return ""
    lines = ["", "examples (tested):"]
    for e in found.examples:
        after = f"reported: {e.reports!r}" if e.reports is not None else repr(e.fixed)
        lines.append(f"  {e.text!r}\n    -> {after}")
    lines += [f"  unchanged: {t!r}" for t in found.counter]
    return "\n".join(lines) + "\n"


def _precision_doc(rule_id: str) -> str:
    """The rule's judged precision on real text, per grade of evidence, and what the gate does with each."""
    grades = Calibration.load().for_rule(rule_id)
    if not grades:
        return "\nprecision on real text: not measured (the rule never fired on the development corpora)\n"
    lines = ["", "precision on real text, per grade (judged edits; benchmarks/RESULTS.md):"]
    for g in grades:
        status = {
            "apply": "applied",
            "suggest": "suggested only",
            "unmeasured": "too rare to measure: stated confidence",
        }
        lines.append(
            f"  grade {g.confidence}: {g.correct} right, {g.wrong} wrong, {g.debatable} debatable; "
            f"precision {g.precision:.2f} (95 % lower bound {g.lower:.2f}) -> {status[g.status]}"
        )
    return "\n".join(lines) + "\n"


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the interpreter's final flush stays silent."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cleanfr`` console script; returns the exit code."""
    parser = build_parser()
    stdout, stdin, stderr = sys.stdout.buffer, sys.stdin.buffer, sys.stderr
    with _sigterm_as_interrupt():
        return _main(parser, argv, stdin, stdout, stderr)


def _main(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]
) -> int:
    try:
        args = parser.parse_args(argv)
        if args.command == "fix":
            return run_fix(args, stdin, stdout, stderr)
        if args.command == "stats":
            return run_stats(args, stdin, stdout, stderr)
        if args.command == "report":
            return run_report(args, stdin, stdout, stderr)
        return run_rules(args, stdout)
    except (UsageError, SelectionError, ConfigError, InputError) as exc:
        stderr.write(f"cleanfr: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`cleanfr fix big.txt | head`): stop quietly, as cat does.
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except Terminated:
        stderr.write("cleanfr: terminated\n")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        stderr.write("cleanfr: interrupted\n")
        return EXIT_INTERRUPTED
    except WorkerDied as exc:
        # Every output is already discarded; nothing half-written stays.
        stderr.write(f"cleanfr: {exc}: stopped, no partial file left (try fewer --jobs)\n")
        return 128 + exc.signal if exc.signal else EXIT_INTERNAL
    except OSError as exc:
        # Writing to standard output failed (disk full behind a redirection, closed descriptor).
        _quiet_stdout()
        stderr.write(f"cleanfr: {exc.filename or '<stdout>'}: {exc.strerror or exc}\n")
        return EXIT_ERROR
    except Exception as exc:  # a bug: outputs are already discarded; say so in one line
        if os.environ.get("CLEANFR_DEBUG"):
            raise
        stderr.write(f"cleanfr: internal error: {type(exc).__name__}: {exc} (CLEANFR_DEBUG=1 shows the traceback)\n")
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
