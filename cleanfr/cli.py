"""The ``cleanfr`` command: a thin layer over :func:`cleanfr.fix` and :mod:`cleanfr.textio`.

Exit codes: 0 success, 1 ``--check`` found edits to apply, 2 usage or input error
(one line on stderr: ``cleanfr: <file>: <message>``).

Example: ``cleanfr fix seeds/fr-02.txt --diff``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import signal
import sys
from typing import IO, Sequence

from . import __version__
from .pipeline import DEFAULT_MIN_CONFIDENCE, Pipeline, Result, SelectionError, all_rules
from .textio import BinaryInput, InputError, atomic_writer, read_input

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1


class UsageError(Exception):
    """Bad command-line usage (exit 2)."""


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cleanfr",
        description="Repair French text damaged by scrapers, OCR and machine translation, with an exact edit log.",
    )
    parser.add_argument("--version", action="version", version=f"cleanfr {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    fix = sub.add_parser("fix", help="repair files or standard input", description="Repair French text.")
    fix.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or nothing reads standard input")
    out = fix.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="OUT", help="write the corrected text to OUT (one input only)")
    out.add_argument("-i", "--in-place", action="store_true", help="rewrite each input file atomically")
    out.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    out.add_argument("--check", action="store_true", help="exit 1 if any edit would be applied; write nothing")
    fix.add_argument("--log", metavar="FILE", help="write every edit as JSON lines to FILE")
    fix.add_argument("--select", action="append", metavar="RULES", help="rule ids or categories to run (comma-separated; ALL)")
    fix.add_argument("--ignore", action="append", metavar="RULES", help="rule ids or categories to skip (comma-separated)")
    fix.add_argument(
        "--min-confidence", type=_confidence, default=None, metavar="F",
        help=f"apply edits with confidence >= F, suggest the rest (default {DEFAULT_MIN_CONFIDENCE})",
    )
    fix.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8; BOMs are honoured)")
    fix.add_argument(
        "--errors", default="strict", choices=("strict", "replace", "surrogateescape"),
        help="undecodable bytes: fail (default), replace with U+FFFD, or keep them byte for byte",
    )
    fix.add_argument("-q", "--quiet", action="store_true", help="print no summary on stderr")

    rules = sub.add_parser("rules", help="list the rules, or document one", description="List the rules.")
    rules.add_argument("rule", nargs="?", metavar="ID", help="show the documentation of one rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _log_record(edit_dict: dict, name: str | None) -> str:
    if name is not None:
        edit_dict = {"file": name, **edit_dict}
    return json.dumps(edit_dict, ensure_ascii=False)


def _unified_diff(name: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def run_fix(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    files = args.files or ["-"]
    if args.in_place and "-" in files:
        raise UsageError("--in-place needs files, not standard input")
    if args.output and len(files) > 1:
        raise UsageError("-o/--output takes a single input")
    pipeline = Pipeline(_names(args.select), _names(args.ignore), args.min_confidence)
    name_files = len(files) > 1
    status = EXIT_OK
    log_lines: list[str] = []
    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            decoded = read_input(path, args.encoding, args.errors, stdin)
        except BinaryInput as exc:
            stderr.write(f"cleanfr: warning: {exc}\n")
            status = EXIT_ERROR
            continue
        except InputError as exc:
            stderr.write(f"cleanfr: {exc}\n")
            status = EXIT_ERROR
            continue
        result: Result = pipeline.fix(decoded.text)
        applied = len(result.applied)
        log_lines.extend(_log_record(e.to_dict(), name if name_files else None) for e in result.edits)
        if args.check:
            if applied:
                status = max(status, EXIT_FOUND)
        elif args.diff:
            stdout.write(_unified_diff(name, decoded.text, result.text).encode("utf-8", "surrogateescape"))
        elif args.in_place:
            if result.text != decoded.text:
                try:
                    with atomic_writer(path) as f:
                        f.write(decoded.encode(result.text))
                except InputError as exc:
                    stderr.write(f"cleanfr: {exc}\n")
                    status = EXIT_ERROR
                    continue
        elif args.output:
            with atomic_writer(args.output) as f:
                f.write(decoded.encode(result.text))
        else:
            stdout.write(decoded.encode(result.text))
            stdout.flush()
        if not args.quiet:
            verb = "would apply" if args.check else "applied"
            stderr.write(f"{name}: {applied} edit{'s' * (applied != 1)} {verb}, {len(result.suggested)} suggested\n")
    if args.log:
        with atomic_writer(args.log) as f:
            f.write("".join(line + "\n" for line in log_lines).encode("utf-8", "surrogateescape"))
    return status


def run_rules(args: argparse.Namespace, stdout: IO[bytes]) -> int:
    rules = all_rules()
    if args.rule:
        matches = [r for r in rules if args.rule in (r.id, r.category)]
        if not matches:
            raise UsageError(f"unknown rule or category: {args.rule!r}")
        rules = tuple(matches)
    if args.format == "json":
        data = [
            {
                "id": r.id, "category": r.category, "pass": r.pass_name, "default": r.default_enabled,
                "description": r.description, "doc": (r.__doc__ or "").strip(),
            }
            for r in rules
        ]
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif args.rule:
        text = "".join(f"{r.id} ({r.category}, pass {r.pass_name})\n\n{(r.__doc__ or '').strip()}\n\n" for r in rules)
    else:
        width = max(len(r.id) for r in rules)
        cat_width = max(len(r.category) for r in rules)
        text = "".join(
            f"{r.id:<{width}}  {r.category:<{cat_width}}  {'on ' if r.default_enabled else 'off'}  {r.description}\n"
            for r in rules
        )
    stdout.write(text.encode("utf-8"))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cleanfr`` console script; returns the exit code."""
    parser = build_parser()
    stdout, stdin, stderr = sys.stdout.buffer, sys.stdin.buffer, sys.stderr
    try:
        args = parser.parse_args(argv)
        if args.command == "fix":
            return run_fix(args, stdin, stdout, stderr)
        return run_rules(args, stdout)
    except (UsageError, SelectionError) as exc:
        stderr.write(f"cleanfr: {exc}\n")
        return EXIT_ERROR
    except InputError as exc:
        stderr.write(f"cleanfr: {exc}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`cleanfr fix big.txt | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        stderr.write("cleanfr: interrupted\n")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
