"""Helpers shared by the command's test modules (``tests/conftest.py`` puts this folder on ``sys.path``)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from cleanfr.cli import main


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess:
    """The command's ``main`` in this process (rule tables stay loaded between tests); the result has the
    shape of ``subprocess.run``'s.

    >>> run("rules", "--format", "json").returncode
    0
    """
    stdin, stdout, stderr = io.TextIOWrapper(io.BytesIO(input or b"")), io.TextIOWrapper(io.BytesIO()), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    try:
        code = main(list(args))
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    stdout.flush()
    return subprocess.CompletedProcess(args, code, stdout.buffer.getvalue(), stderr.getvalue().encode())


def big_text(path: Path, megabytes: float) -> bytes:
    """Write a text of about ``megabytes`` MB with mojibake in every paragraph to ``path``; return its bytes
    (a run that the tests stop, interrupt or cut lasts a while on it)."""
    para = "Le conseil municipal s’est réuni mardi soir ; Ã©tÃ© Ã  Paris.\n\n".encode()
    data = para * int(megabytes * 1_000_000 / len(para))
    path.write_bytes(data)
    return data
