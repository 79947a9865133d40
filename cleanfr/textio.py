"""Reading and writing text files without losing a byte: encodings, BOMs, binary detection, atomic writes.

A BOM (UTF-8, UTF-16 or UTF-32) is set apart before decoding and written back unchanged.

Line endings are never translated: files are read and written as bytes, so CRLF, CR and a missing
final newline survive exactly.

>>> decode_bytes(b"caf\\xc3\\xa9\\r\\n", "t.txt").text
'café\\r\\n'
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import stat
import tempfile
from dataclasses import dataclass
from typing import Any, BinaryIO, Iterator

__all__ = [
    "InputError",
    "BinaryInput",
    "Decoded",
    "decode_bytes",
    "decode_hint",
    "json_bytes",
    "read_input",
    "atomic_writer",
    "write_atomic",
    "AtomicOutput",
    "compression_of",
    "open_binary",
    "TextReader",
]

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


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8" if encoding else False


def decode_bytes(data: bytes, name: str, encoding: str = "utf-8", errors: str = "strict") -> Decoded:
    """Decode ``data``; a UTF-16/32 BOM overrides ``encoding``.

    Every BOM (a UTF-8 one too, when decoding UTF-8) is set apart in ``Decoded.bom`` and written back by
    ``encode``: the rules never see it, so a file is repaired the same with or without one.

    >>> d = decode_bytes(b"\\xef\\xbb\\xbfOui", "f")
    >>> d.text, d.encode("Non")
    ('Oui', b'\\xef\\xbb\\xbfNon')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(enc, errors), enc, errors, bom)
            except UnicodeError as exc:
                at = f" at byte {exc.start + len(bom)}" if isinstance(exc, UnicodeDecodeError) else ""
                raise InputError(name, f"invalid {enc.upper()}{at}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(name, f"binary file (NUL byte at offset {nul}), skipped")
    bom = b""
    try:
        if data.startswith(codecs.BOM_UTF8) and _is_utf8(encoding):
            bom, data = codecs.BOM_UTF8, data[3:]
        return Decoded(data.decode(encoding, errors), encoding, errors, bom)
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"invalid {encoding.upper()} at byte {exc.start + len(bom)}{decode_hint(exc, encoding, errors)}",
        ) from None
    except UnicodeError as exc:  # e.g. the utf-16 codec on data without a BOM
        raise InputError(name, f"cannot decode as {encoding}: {exc}") from None
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None


def decode_hint(exc: UnicodeDecodeError, encoding: str, errors: str = "strict", json_lines: bool = False) -> str:
    """What to try after ``exc``: ``--encoding latin-1`` when the bad byte reads as a Latin-1 letter.

    In a Latin-1 (or Windows-1252) file, an accented letter is one byte ≥ 0xC0 followed by an ASCII byte,
    which UTF-8 never writes. JSON lines are UTF-8 whatever ``--encoding`` says: such a file must be converted.

    >>> decode_hint(UnicodeDecodeError("utf-8", b"caf\\xe9 noir", 3, 4, "invalid"), "utf-8")
    ' (the file looks like Latin-1: try --encoding latin-1; else --errors replace or --errors surrogateescape)'
    """
    if errors != "strict":
        return ""
    bad = exc.object[exc.start : exc.start + 2]
    if (
        _is_utf8(encoding)
        and bad
        and 0xC0 <= bad[0]
        and bad[0] not in (0xD7, 0xF7)
        and (len(bad) == 1 or bad[1] < 0x80)
    ):
        if json_lines:
            return (
                " (the file looks like Latin-1, and JSON lines are UTF-8: convert it with iconv -f latin1 -t utf-8;"
                " else try --errors replace or --errors surrogateescape)"
            )
        return (
            " (the file looks like Latin-1: try --encoding latin-1; else --errors replace or --errors surrogateescape)"
        )
    return " (try --errors replace or --errors surrogateescape)"


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


def _escape_surrogates(exc: UnicodeError, keep_bytes: bool) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = bytearray()
    for c in exc.object[exc.start : exc.end]:
        code = ord(c)
        if keep_bytes and 0xDC80 <= code <= 0xDCFF:
            out.append(code - 0xDC00)  # an undecodable byte carried by surrogateescape
        elif 0xD800 <= code <= 0xDFFF:
            out += f"\\u{code:04x}".encode("ascii")
        else:
            raise exc
    return bytes(out), exc.end


codecs.register_error("cleanfr-json", lambda exc: _escape_surrogates(exc, False))
codecs.register_error("cleanfr-json-bytes", lambda exc: _escape_surrogates(exc, True))


def json_bytes(line: str, errors: str = "strict") -> bytes:
    """A line of JSON as UTF-8; a lone surrogate in it (a truncated emoji read from ``"\\ud83d"``) is
    written back as its JSON escape. With ``surrogateescape``, U+DC80–U+DCFF are the input's undecodable
    bytes and are written back as those bytes.

    >>> json_bytes('{"t": "ok \\ud83d"}')
    b'{"t": "ok \\\\ud83d"}'
    """
    return line.encode("utf-8", "cleanfr-json-bytes" if errors == "surrogateescape" else "cleanfr-json")


def compression_of(path: str) -> str | None:
    """``"gz"`` or ``"zst"`` from the file name, else ``None``.

    >>> compression_of("corpus.jsonl.zst"), compression_of("a.txt")
    ('zst', None)
    """
    lower = path.lower()
    if lower.endswith(".gz"):
        return "gz"
    if lower.endswith(".zst") or lower.endswith(".zstd"):
        return "zst"
    return None


def _os_error(name: str, exc: OSError, verb: str = "") -> InputError:
    """One-line message for an OS error on ``name``."""
    if isinstance(exc, FileNotFoundError):
        return InputError(name, f"{verb}no such directory" if verb else "no such file")
    if isinstance(exc, PermissionError):
        return InputError(name, f"{verb}permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(name, "is a directory")
    return InputError(name, f"{verb}{exc.strerror or exc}")


class _Checked(io.RawIOBase):
    """Wrap a decompressing reader so that corrupt data becomes an :class:`InputError` naming the file."""

    def __init__(self, inner: BinaryIO, name: str, kind: str) -> None:
        self._inner, self._name, self._kind = inner, name, kind

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        try:
            return self._inner.readinto(buffer)  # type: ignore[attr-defined]
        except (OSError, EOFError, ValueError) as exc:
            if isinstance(exc, (PermissionError, FileNotFoundError)):
                raise _os_error(self._name, exc) from None
            raise InputError(self._name, f"corrupt {self._kind} data ({exc})") from None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._inner.close()
        super().close()


def open_binary(path: str, stdin: BinaryIO | None = None) -> tuple[BinaryIO, BinaryIO]:
    """Open ``path`` for reading, decompressing ``.gz``/``.zst``; returns (stream, raw file for progress).

    ``-`` is standard input (never decompressed). Errors are :class:`InputError` naming the file.
    """
    if path == "-":
        stream = stdin if stdin is not None else io.BytesIO()
        return stream, stream
    if os.path.isdir(path):
        raise InputError(path, "is a directory (walk it with --glob PATTERN)")
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise _os_error(path, exc) from None
    kind = compression_of(path)
    if kind is None:
        return raw, raw
    if kind == "gz":
        inner: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        label = "gzip"
    else:
        return io.BufferedReader(_ZstdReader(raw, path), 1 << 20), raw  # type: ignore[return-value]
    return io.BufferedReader(_Checked(inner, path, label), 1 << 20), raw  # type: ignore[return-value]


class _ZstdReader(io.RawIOBase):
    """Decompress a ``.zst`` file frame after frame.

    zstandard's ``stream_reader`` ends quietly where a truncated file ends and raises its own ``ZstdError`` on
    garbage; here both are an :class:`InputError` naming the file, as gzip's are. Compressed data is fed in
    small pieces, so a highly compressed frame is never decompressed whole into memory.
    """

    _PIECE = 4096

    def __init__(self, raw: BinaryIO, name: str) -> None:
        import zstandard

        self._raw, self._name, self._error = raw, name, zstandard.ZstdError
        self._dctx = zstandard.ZstdDecompressor()
        self._frame: Any = None  # the decompressor of the frame being read
        self._out = b""
        self._pos = 0
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while self._pos >= len(self._out) and not self._eof:
            self._out, self._pos = self._feed(), 0
        n = min(len(buffer), len(self._out) - self._pos)
        buffer[:n] = self._out[self._pos : self._pos + n]
        self._pos += n
        return n

    def _feed(self) -> bytes:
        try:
            data = self._raw.read(self._PIECE)
        except OSError as exc:
            raise _os_error(self._name, exc) from None
        if not data:
            self._eof = True
            if self._frame is not None:
                raise InputError(self._name, "corrupt zstd data (truncated)")
            return b""
        out = []
        while data:
            if self._frame is None:
                self._frame = self._dctx.decompressobj()
            try:
                out.append(self._frame.decompress(data))
            except self._error as exc:
                raise InputError(self._name, f"corrupt zstd data ({exc})") from None
            if not self._frame.eof:
                break
            data, self._frame = self._frame.unused_data, None
        return b"".join(out)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._raw.close()
        super().close()


class TextReader:
    """Decode a binary stream block by block, as :func:`decode_bytes` does for a whole file.

    ``read()`` returns the next block of text (``""`` at the end). A UTF-16/32 BOM sets the encoding;
    NUL bytes raise :class:`BinaryInput`; undecodable bytes raise :class:`InputError` with the byte offset.

    >>> r = TextReader(io.BytesIO("été\\r\\n".encode("utf-16")), "t.txt")
    >>> r.read(), r.encoding, r.read()
    ('été\\r\\n', 'utf-16-le', '')
    """

    def __init__(
        self, stream: BinaryIO, name: str, encoding: str = "utf-8", errors: str = "strict", block: int = 1 << 20
    ) -> None:
        self.name, self.errors, self._stream, self._block = name, errors, stream, block
        self.bytes_read = 0
        head = self._read_raw(block)
        self.bom = b""
        self.encoding = encoding
        try:
            self._decoder = codecs.getincrementaldecoder(self.encoding)(errors)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
        if head.startswith(codecs.BOM_UTF8) and _is_utf8(encoding):
            self.bom = codecs.BOM_UTF8
        for bom, enc in _BOMS:
            if head.startswith(bom):
                self.bom, self.encoding = bom, enc
                self._decoder = codecs.getincrementaldecoder(enc)(errors)
                break
        self._pending = head[len(self.bom) :]
        self._offset = len(self.bom)  # byte offset of self._pending in the stream
        self._done = False

    def _read_raw(self, size: int) -> bytes:
        try:
            data = self._stream.read(size)
        except InputError:
            raise
        except OSError as exc:
            raise _os_error(self.name, exc) from None
        self.bytes_read += len(data)
        return data

    def decoded(self, text: str = "") -> Decoded:
        """The :class:`Decoded` convention of this input (to encode the output the same way)."""
        return Decoded(text, self.encoding, self.errors, self.bom)

    def read(self) -> str:
        """The next block of text; ``""`` once the input is exhausted."""
        while not self._done:
            data = self._pending or self._read_raw(self._block)
            self._pending = b""
            final = not data
            if self.bom in (b"", codecs.BOM_UTF8) and b"\x00" in data:  # NUL is normal only in UTF-16/32
                at = self._offset + data.find(b"\x00")
                raise BinaryInput(self.name, f"binary file (NUL byte at offset {at}), skipped")
            held = len(self._decoder.getstate()[0])  # bytes of an earlier block the decoder still holds
            try:
                text = self._decoder.decode(data, final)
            except UnicodeDecodeError as exc:
                at = self._offset - held + exc.start
                hint = decode_hint(exc, self.encoding, self.errors)
                raise InputError(self.name, f"invalid {self.encoding.upper()} at byte {at}{hint}") from None
            except UnicodeError as exc:  # e.g. the utf-16 codec on data without a BOM
                raise InputError(self.name, f"cannot decode as {self.encoding}: {exc}") from None
            self._offset += len(data)
            self._done = final
            if text:
                return text
        return ""


@contextlib.contextmanager
def atomic_writer(path: str) -> Iterator:
    """A binary file object that replaces ``path`` only when the block completes.

    The data goes to a temporary file in the same directory, flushed and fsynced, then renamed
    over ``path``; an error or Ctrl-C leaves the old file intact and no temporary behind.
    The file's permission bits are kept when it already exists.
    """
    out = AtomicOutput(path, compress=False)
    try:
        yield out
    except BaseException:
        out.discard()
        raise
    out.commit()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicOutput:
    """A file written through a temporary beside it: :meth:`commit` renames it into place, :meth:`discard` drops it.

    Compresses when ``path`` ends in ``.gz``/``.zst`` (unless ``compress=False``). Errors (disk full,
    permission denied) are :class:`InputError` naming ``path``; the temporary never stays behind.

    A symlink stays a symlink (the file it points to is replaced); a rewritten file keeps its owner and mode;
    a character device or a FIFO (``/dev/null``, a named pipe) is written directly, never replaced.
    """

    def __init__(self, path: str, compress: bool = True) -> None:
        self.path = path
        # Through a symlink, the file it points to is replaced and the link stays.
        self._target = os.path.realpath(path)
        self._tmp: str | None = None
        try:
            st = os.stat(self._target)
        except OSError:
            st = None
        try:
            if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
                # A device or a FIFO is written to, never replaced (a rename would put a regular file in its place).
                self._raw = open(self._target, "wb")
            else:
                fd, self._tmp = tempfile.mkstemp(prefix=".cleanfr-", suffix=".tmp", dir=os.path.dirname(self._target))
                self._raw = os.fdopen(fd, "wb")
        except OSError as exc:
            raise _os_error(path, exc, "cannot write: ") from None
        self._out: BinaryIO = self._raw
        kind = compression_of(path) if compress else None
        if kind == "gz":
            self._out = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0)  # type: ignore[assignment]
        elif kind == "zst":
            import zstandard

            self._out = zstandard.ZstdCompressor().stream_writer(self._raw, closefd=False)  # type: ignore[assignment]
        self.closed = False

    @property
    def direct(self) -> bool:
        """True when ``path`` is a device or a FIFO, written in place (no temporary, no rename)."""
        return self._tmp is None

    @property
    def stream(self) -> BinaryIO:
        """The uncompressed temporary file (for writers such as Parquet's that need a file object)."""
        return self._raw

    def write(self, data: bytes) -> None:
        try:
            self._out.write(data)
        except OSError as exc:
            self.discard()
            raise _os_error(self.path, exc, "cannot write: ") from None

    def commit(self) -> None:
        """Finish the file and rename it over ``path``, keeping an existing file's owner and permission bits."""
        if self.closed:
            return
        try:
            if self._out is not self._raw:
                self._out.close()
            self._raw.flush()
            if self._tmp is None:
                self._raw.close()
                self.closed = True
                return
            os.fsync(self._raw.fileno())
            self._raw.close()
            try:
                st = os.stat(self._target)
                mode = stat.S_IMODE(st.st_mode)
                _copy_owner(self._tmp, st)
            except FileNotFoundError:
                mode = 0o666 & ~_umask()  # a new file gets the usual mode, not mkstemp's 0600
            os.chmod(self._tmp, mode)
            os.replace(self._tmp, self._target)
        except OSError as exc:
            self.discard()
            raise _os_error(self.path, exc, "cannot write: ") from None
        self.closed = True

    def discard(self) -> None:
        """Drop the temporary; ``path`` is left as it was."""
        if self.closed:
            return
        self.closed = True
        for f in (self._out, self._raw):
            with contextlib.suppress(Exception):
                f.close()
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp)


def _copy_owner(path: str, st: os.stat_result) -> None:
    """Give ``path`` the owner and group of ``st`` where this process may (root, or a group it is in)."""
    current = os.stat(path)
    if (current.st_uid, current.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(path, st.st_uid, st.st_gid)
    except PermissionError:
        with contextlib.suppress(OSError):
            os.chown(path, -1, st.st_gid)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_writer`)."""
    with atomic_writer(path) as f:
        f.write(data)
