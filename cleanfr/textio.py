"""Reading and writing text files without losing a byte: encodings, BOMs, binary detection, atomic writes.

Line endings are never translated: files are read and written as bytes, so CRLF, CR and a missing
final newline survive exactly.

>>> decode_bytes(b"caf\\xc3\\xa9\\r\\n", "t.txt").text
'café\\r\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from dataclasses import dataclass
from typing import Iterator

__all__ = ["InputError", "Decoded", "decode_bytes", "read_input", "atomic_writer", "write_atomic"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(Exception):
    """A problem with one input or output file, reported as ``cleanfr: <file>: <message>`` (exit 2)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


class BinaryInput(InputError):
    """The input holds NUL bytes: it is skipped with a warning, never rewritten."""


@dataclass(frozen=True)
class Decoded:
    """A decoded text and how to encode the result back to the same bytes convention."""

    text: str
    encoding: str
    errors: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding, self.errors)


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> Decoded:
    """Decode ``data``; a UTF-16/32 BOM overrides ``encoding``, a UTF-8 BOM is kept as U+FEFF."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc, errors), enc, errors, bom)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"invalid {enc.upper()} at byte {exc.start + len(bom)}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(name, f"binary file (NUL byte at offset {nul}), skipped")
    try:
        return Decoded(data.decode(encoding, errors), encoding, errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"invalid {encoding.upper()} at byte {exc.start} (try --errors replace or --errors surrogateescape)",
        ) from None
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None


def read_input(path: str, encoding: str = "utf-8", errors: str = "strict", stdin: object = None) -> Decoded:
    """Read and decode one input (``-`` is standard input), with a clear error on failure."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = stdin.read() if stdin is not None else b""  # type: ignore[attr-defined]
        else:
            if os.path.isdir(path):
                raise InputError(name, "is a directory")
            with open(path, "rb") as f:
                data = f.read()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    return decode_bytes(data, name, encoding, errors)


@contextlib.contextmanager
def atomic_writer(path: str) -> Iterator:
    """A binary file object that replaces ``path`` only when the block completes.

    The data goes to a temporary file in the same directory, flushed and fsynced, then renamed
    over ``path``; an error or Ctrl-C leaves the old file intact and no temporary behind.
    The file's permission bits are kept when it already exists.
    """
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".cleanfr-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
        raise


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as f:
        f.write(data)
