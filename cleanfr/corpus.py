"""Corpora: text, JSONL and Parquet inputs (plain, ``.gz`` or ``.zst``), walked directories, work units.

An input file is cut into *tasks* — a chunk of a text file, a batch of JSONL lines, a Parquet record batch —
that :func:`process` repairs (in this process or in a worker, see :mod:`cleanfr.parallel`). The order of
tasks is the order of the input, so outputs are byte-identical whatever the number of jobs.

JSONL records keep every other field and their order; a record that needs no change is copied byte for byte,
and a changed record has only its text field (and the ``--edits-field``) rewritten in place when its JSON
allows it.

>>> settings = Settings()
>>> init_worker(settings)
>>> r = process(JsonlTask(0, "c.jsonl", 1, [b'{"id": 7, "text": "\\xc3\\x83\\xc2\\xa9t\\xc3\\x83\\xc2\\xa9"}\\n']))
>>> r.out, r.edits[0][0]
(b'{"id": 7, "text": "\\xc3\\xa9t\\xc3\\xa9"}\\n', {'line': 1, 'id': 7})
"""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Iterator

from .edits import Edit
from .stream import DEFAULT_CHUNK, iter_chunks, shift_edits
from .textio import InputError, TextReader, decode_hint, json_bytes, open_binary

__all__ = [
    "FORMATS",
    "Settings",
    "InputFile",
    "TextTask",
    "JsonlTask",
    "ParquetTask",
    "TaskResult",
    "expand_inputs",
    "detect_format",
    "iter_tasks",
    "init_worker",
    "process",
    "count_words",
    "prescan",
]

FORMATS = ("auto", "txt", "jsonl", "parquet")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
#: A JSONL task holds about this many bytes of lines: large enough to amortise inter-process traffic.
JSONL_BATCH_BYTES = 1 << 20
PARQUET_BATCH_ROWS = 1024


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to repair tasks; picklable, sent once to each worker."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    min_confidence: float | None = None
    config: Any = None  # a cleanfr.config.Config, or None for the built-in defaults
    field: str = "text"
    edits_field: str | None = None
    id_field: str = "id"
    on_error: str = "stop"
    errors: str = "strict"
    replace_edits_field: bool = False  # --replace-edits-field: an existing field of that name may be replaced
    keep_docs: bool = False  # return each document's text and edits (for reports)


@dataclass
class InputFile:
    """One input and its state while the driver streams it."""

    index: int
    path: str  # "-" for standard input
    rel: str  # path relative to the walked directory (for --output-dir)
    fmt: str
    decoded: Any = None  # textio.Decoded: how to encode a text file's output
    failed: bool = False
    raw: BinaryIO | None = None  # the underlying file, for progress in bytes
    schema: Any = None  # a Parquet file's pyarrow schema (with its metadata), set before its first task

    @property
    def name(self) -> str:
        return "<stdin>" if self.path == "-" else self.path


@dataclass
class TextTask:
    file: int
    name: str
    offset: int  # code points before this chunk in the whole text
    text: str


@dataclass
class JsonlTask:
    file: int
    name: str
    first_line: int  # 1-based number of lines[0]
    lines: list[bytes]


@dataclass
class ParquetTask:
    file: int
    name: str
    first_row: int  # 0-based
    batch: Any  # pyarrow.RecordBatch


@dataclass
class TaskResult:
    """What a task produced. ``edits`` pairs each edit with its locator (``{"line": 3, "id": ...}`` or ``{}``)."""

    file: int
    out: Any  # str (text), bytes (JSONL) or a pyarrow.RecordBatch
    edits: list[tuple[dict, Edit]] = field(default_factory=list)
    words: int = 0
    records: int = 0
    changed: bool = False
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # set when --on-error stop met a bad record: the file must be abandoned
    docs: list[tuple[str, str, list[Edit]]] | None = None
    size: int = 0  # bytes of input this task covered (uncompressed), for the progress bar


def detect_format(path: str, requested: str = "auto") -> str:
    """The format of ``path``: ``requested`` unless ``auto``, else from the extension (compression ignored).

    >>> detect_format("a/b.jsonl.zst"), detect_format("c.parquet"), detect_format("d.txt.gz")
    ('jsonl', 'parquet', 'txt')
    """
    if requested != "auto":
        return requested
    lower = path.lower()
    for suffix in (".gz", ".zst", ".zstd"):
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
    if lower.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(".parquet"):
        return "parquet"
    return "txt"


def expand_inputs(paths: list[str], pattern: str | None, skip_dir: str | None = None) -> list[tuple[str, str]]:
    """``(path, relative path)`` of every input; directories are walked (sorted) for files matching ``pattern``.

    A directory without a pattern is an error: walking every file of a tree by accident is never wanted.
    Hidden files and directories (names starting with ``.``) are skipped, and so is ``skip_dir`` (the
    ``--output-dir``, when it lies inside a walked directory: a second run must not clean its own output).
    """
    out: list[tuple[str, str]] = []
    skip = os.path.realpath(skip_dir) if skip_dir else None
    for path in paths:
        if path != "-" and os.path.isdir(path):
            if not pattern:
                raise InputError(path, "is a directory (walk it with --glob PATTERN, e.g. --glob '*.txt')")
            found = []
            for root, dirs, files in os.walk(path, onerror=_raise_walk_error):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and (skip is None or os.path.realpath(os.path.join(root, d)) != skip)
                )
                for name in files:
                    if not name.startswith(".") and fnmatch.fnmatch(name, pattern):
                        full = os.path.join(root, name)
                        found.append((full, os.path.relpath(full, path)))
            out.extend(sorted(found))
        else:
            out.append((path, os.path.basename(path) if path != "-" else "-"))
    return out


def _raise_walk_error(exc: OSError) -> None:
    raise InputError(
        getattr(exc, "filename", None) or "?",
        "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc),
    )


def prescan(path: str, encoding: str, errors: str) -> None:
    """Decode a whole text file once, so that a NUL byte or bad encoding is reported before any output."""
    stream, _ = open_binary(path)
    with stream:
        reader = TextReader(stream, path, encoding, errors)
        while reader.read():
            pass


def iter_tasks(
    f: InputFile, encoding: str, errors: str, chunk: int = DEFAULT_CHUNK, stdin: BinaryIO | None = None
) -> Iterator[TextTask | JsonlTask | ParquetTask]:
    """The tasks of one input, in order; sets ``f.decoded`` (text) and ``f.raw`` before the first one.

    Stops early when the driver marks ``f.failed``.
    """
    if f.fmt == "parquet":
        yield from _parquet_tasks(f)
        return
    if f.fmt == "txt" and f.path != "-" and os.path.isfile(f.path):
        # Checked whole before the first byte is written; a pipe (``<(cmd)``, a FIFO) can be read only once,
        # so it is streamed as standard input is.
        prescan(f.path, encoding, errors)
    stream, f.raw = open_binary(f.path, stdin)
    try:
        if f.fmt == "txt":
            reader = TextReader(stream, f.name, encoding, errors)
            f.decoded = reader.decoded()
            for offset, text in iter_chunks(iter(reader.read, ""), chunk):
                yield TextTask(f.index, f.name, offset, text)
                if f.failed:
                    return
            if not reader.bytes_read:
                return
        else:
            yield from _jsonl_tasks(f, stream)
    finally:
        if stream is not stdin:
            stream.close()
            if f.raw is not stream and f.raw is not None:
                f.raw.close()


def _jsonl_tasks(f: InputFile, stream: BinaryIO) -> Iterator[JsonlTask]:
    lines: list[bytes] = []
    size = 0
    first = 1
    try:
        for line in stream:
            lines.append(line)
            size += len(line)
            if size >= JSONL_BATCH_BYTES:
                yield JsonlTask(f.index, f.name, first, lines)
                if f.failed:
                    return
                first += len(lines)
                lines, size = [], 0
    except OSError as exc:
        raise InputError(f.name, exc.strerror or str(exc)) from None
    if lines:
        yield JsonlTask(f.index, f.name, first, lines)


def _parquet_tasks(f: InputFile) -> Iterator[ParquetTask]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f.name, "Parquet needs pyarrow: pip install 'cleanfr[parquet]'") from None
    if f.path == "-":
        raise InputError(f.name, "Parquet cannot be read from standard input")
    try:
        pfile = pq.ParquetFile(f.path)
    except OSError as exc:
        raise InputError(f.name, f"cannot read Parquet: {exc}") from None
    except Exception as exc:  # pyarrow raises ArrowInvalid for a file that is not Parquet
        raise InputError(f.name, f"not a Parquet file ({exc})") from None
    f.schema = pfile.schema_arrow
    row = 0
    for batch in pfile.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        yield ParquetTask(f.index, f.name, row, batch)
        if f.failed:
            return
        row += batch.num_rows


# ---------------------------------------------------------------------------------------------------
# Worker side: one pipeline per process, built once from the settings.

_STATE: dict[str, Any] = {}


def init_worker(settings: Settings) -> None:
    """Build the pipeline of this process (run once per worker, or once in the main process)."""
    from .config import build_pipeline

    _STATE["settings"] = settings
    _STATE["pipeline"] = build_pipeline(settings.select, settings.ignore, settings.min_confidence, settings.config)


#: Inputs of at least this many bytes (or of unknown size) are a corpus for :func:`warm_up`.
CORPUS_BYTES = 8 << 20


def warm_up(corpus: bool = False) -> None:
    """Load the lazily built tables (lexicon, phrase automaton, gender and accent tables) now.

    Called in the main process just before workers fork, so that all of them share one copy. For a
    ``corpus``, also what a process loads only after some documents (the lexicon as one set of forms and
    its frequent letter runs) or at the first passage in another language (the language model): each worker
    would build its own copy (with 2 workers on a 50 MB corpus, 95 MB more memory in all), but a small input
    would wait 0.7 s for them.
    """
    from .lexicon import french
    from .lexicon.language import identify

    _STATE["pipeline"].fix(_WARM_UP_TEXT)
    if not corpus:
        return
    lexicon = french()
    lexicon.use_form_set()
    lexicon.frequent_grams()
    identify(_WARM_UP_TEXT)


#: A short damaged text that makes every rule family load its tables.
_WARM_UP_TEXT = (
    "LUkraine attaque pour la premiere fois.\n\nIl a dit quil viendra. Ce coup d’État a eu lieu après "
    "des frappes de missiles sur le territoire. Poutine a approuvé un doctrine qui parle de une implication "
    "directe de Lavrovau sommet, que Sans la participation de spécialistes. Ã©tÃ© « à Paris »\n"
)


def count_words(text: str) -> int:
    """Whitespace-separated tokens: the denominator of the rates per 10,000 words."""
    return len(text.split())


def process(task: TextTask | JsonlTask | ParquetTask) -> TaskResult:
    """Repair one task with this process's pipeline (see :func:`init_worker`)."""
    if isinstance(task, TextTask):
        return _process_text(task)
    if isinstance(task, JsonlTask):
        return _process_jsonl(task)
    return _process_parquet(task)


def _process_text(task: TextTask) -> TaskResult:
    settings: Settings = _STATE["settings"]
    result = _STATE["pipeline"].fix(task.text)
    edits = shift_edits(result.edits, task.offset)
    docs = [(task.name, task.text, edits)] if settings.keep_docs else None
    return TaskResult(
        task.file,
        result.text,
        [({}, e) for e in edits],
        count_words(task.text),
        0,
        result.text != task.text,
        docs=docs,
        size=len(task.text.encode("utf-8", "surrogatepass")),
    )


class _BadRecord(Exception):
    pass


def _record_text(obj: Any, field_name: str) -> str:
    if not isinstance(obj, dict):
        raise _BadRecord(f"not a JSON object but {type(obj).__name__}")
    if field_name not in obj:
        raise _BadRecord(f"no {field_name!r} field")
    text = obj[field_name]
    if not isinstance(text, str):
        raise _BadRecord(f"field {field_name!r} is {_json_type(text)}, not a string")
    return text


def _json_type(value: Any) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _locator(obj: dict, id_field: str, where: dict) -> dict:
    value = obj.get(id_field)
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {**where, "id": value}
    return where


def _skip_record(res: TaskResult, settings: Settings, message: str, out: list[bytes], raw: bytes) -> bool:
    """A record that cannot be repaired, per ``--on-error``: keep it unchanged with a warning (True) or
    record the error that stops the task (False)."""
    if settings.on_error == "stop":
        res.error = message
        return False
    res.warnings.append(f"{message}; record kept unchanged")
    out.append(raw)
    return True


def _process_jsonl(task: JsonlTask) -> TaskResult:
    settings: Settings = _STATE["settings"]
    pipeline = _STATE["pipeline"]
    res = TaskResult(task.file, b"", docs=[] if settings.keep_docs else None, size=sum(map(len, task.lines)))
    out: list[bytes] = []
    for i, raw in enumerate(task.lines):
        number = task.first_line + i
        # A UTF-8 byte order mark before the first record is kept, and not read as part of the JSON.
        bom = codecs.BOM_UTF8 if number == 1 and raw.startswith(codecs.BOM_UTF8) else b""
        body = raw[len(bom) :].rstrip(b"\r\n")
        if not body.strip():
            out.append(raw)
            continue
        try:
            try:
                line = body.decode("utf-8", settings.errors)
            except UnicodeDecodeError as exc:
                raise _BadRecord(
                    f"invalid UTF-8 at byte {exc.start} of the line{decode_hint(exc, 'utf-8', json_lines=True)}"
                ) from None
            try:
                obj = json.loads(line, strict=False)
            except json.JSONDecodeError as exc:
                raise _BadRecord(f"malformed JSON ({exc.msg}, column {exc.colno})") from None
            except RecursionError:
                raise _BadRecord("malformed JSON (nested too deeply)") from None
            text = _record_text(obj, settings.field)
            if settings.edits_field is not None and settings.edits_field in obj and not settings.replace_edits_field:
                raise _BadRecord(
                    f"the record already has a field {settings.edits_field!r} (--replace-edits-field to replace it)"
                )
        except _BadRecord as exc:
            if _skip_record(res, settings, f"{task.name}: line {number}: {exc}", out, raw):
                continue
            break
        try:
            result = pipeline.fix(text)
        except Exception as exc:  # a bug in a rule must not sink a corpus run: the record is reported
            message = f"{task.name}: line {number}: internal error in cleanfr ({type(exc).__name__}: {exc})"
            if _skip_record(res, settings, message, out, raw):
                continue
            break
        res.records += 1
        where = _locator(obj, settings.id_field, {"line": number})
        res.edits.extend((where, e) for e in result.edits)
        res.words += count_words(text)
        if res.docs is not None:  # the caller keeps each document (settings.keep_docs)
            res.docs.append(
                (f"{task.name}:{number}" + (f" (id {where['id']})" if "id" in where else ""), text, result.edits)
            )
        if result.text == text and settings.edits_field is None:
            out.append(raw)
            continue
        res.changed = res.changed or result.text != text or settings.edits_field is not None
        edits = [e.to_dict() for e in result.edits] if settings.edits_field is not None else None
        new = rewrite_record(line, obj, settings.field, text, result.text, settings.edits_field, edits)
        out.append(bom + json_bytes(new, settings.errors) + raw[len(bom) + len(body) :])
    res.out = b"".join(out)
    return res


def rewrite_record(
    line: str, obj: dict, field_name: str, old: str, new: str, edits_field: str | None, edits: list | None
) -> str:
    """``line`` with the value of ``field_name`` replaced by ``new`` and ``edits_field`` set, touching nothing else.

    The old value is found in the line as JSON would write it (escaped or not); if the line is written in a
    way that cannot be matched, the whole record is serialised again in the line's separator style.

    >>> rewrite_record('{"text":"jai","n":1.50}', {"text": "jai", "n": 1.5}, "text", "jai", "j’ai", "e", [])
    '{"text":"j’ai","n":1.50,"e":[]}'
    """
    compact = '": ' not in line and '", ' not in line
    sep, colon = (",", ":") if compact else (", ", ": ")
    patched = _replace_value(line, obj, field_name, old, new) if old != new else line
    if patched is not None and edits_field is not None:
        if edits_field in obj:
            patched = None
        else:
            close = patched.rstrip()
            if close.endswith("}"):
                body = close[:-1].rstrip()
                comma = "" if body.endswith("{") else sep
                extra = (
                    json.dumps(edits_field, ensure_ascii=False)
                    + colon
                    + json.dumps(edits, ensure_ascii=False, separators=(sep, colon))
                )
                patched = body + comma + extra + "}" + patched[len(close) :]
            else:
                patched = None
    if patched is not None:
        return patched
    obj = dict(obj)
    obj[field_name] = new
    if edits_field is not None:
        obj[edits_field] = edits
    return json.dumps(obj, ensure_ascii=False, separators=(sep, colon))


def _replace_value(line: str, obj: dict, field_name: str, old: str, new: str) -> str | None:
    """``line`` with the top-level value of ``field_name`` replaced, or None if no occurrence is provably it.

    A candidate is accepted only if the patched line parses to the record with just that field changed (a
    nested object can hold the same key and value).
    """
    key = json.dumps(field_name)
    expected = {**obj, field_name: new}
    for ascii_only in (False, True):
        encoded = json.dumps(old, ensure_ascii=ascii_only)
        start = line.find(encoded)
        while start >= 0:
            before = line[:start].rstrip()
            if before.endswith(":") and before[:-1].rstrip().endswith(key):
                patched = line[:start] + json.dumps(new, ensure_ascii=ascii_only) + line[start + len(encoded) :]
                with contextlib.suppress(ValueError, RecursionError):
                    if json.loads(patched, strict=False) == expected:
                        return patched
            start = line.find(encoded, start + 1)
    return None


def _process_parquet(task: ParquetTask) -> TaskResult:
    import pyarrow as pa

    settings: Settings = _STATE["settings"]
    pipeline = _STATE["pipeline"]
    res = TaskResult(task.file, None, docs=[] if settings.keep_docs else None, size=task.batch.nbytes)
    batch = task.batch
    if settings.field not in batch.schema.names:
        res.error = f"{task.name}: no {settings.field!r} column (columns: {', '.join(batch.schema.names)})"
        return res
    column = batch.column(settings.field)
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        res.error = f"{task.name}: column {settings.field!r} is {column.type}, not a string"
        return res
    ids = batch.column(settings.id_field).to_pylist() if settings.id_field in batch.schema.names else None
    texts = column.to_pylist()
    new_texts: list[str | None] = []
    logs: list[str | None] = []
    for i, text in enumerate(texts):
        if text is None:
            new_texts.append(None)
            logs.append(None)
            continue
        res.records += 1
        result = pipeline.fix(text)
        where: dict = {"row": task.first_row + i}
        if ids is not None and isinstance(ids[i], (str, int, float)):
            where["id"] = ids[i]
        res.edits.extend((where, e) for e in result.edits)
        res.words += count_words(text)
        res.changed = res.changed or result.text != text
        if res.docs is not None:  # the caller keeps each document (settings.keep_docs)
            res.docs.append((f"{task.name}:row {where['row']}", text, result.edits))
        new_texts.append(result.text)
        logs.append(json.dumps([e.to_dict() for e in result.edits], ensure_ascii=False))
    arrays = list(batch.columns)
    names = list(batch.schema.names)
    arrays[names.index(settings.field)] = pa.array(new_texts, type=column.type)
    if settings.edits_field is not None:
        res.changed = True
        if settings.edits_field in names:
            arrays[names.index(settings.edits_field)] = pa.array(logs, type=pa.string())
        else:
            arrays.append(pa.array(logs, type=pa.string()))
            names.append(settings.edits_field)
    res.out = pa.RecordBatch.from_arrays(arrays, names=names)
    return res


def summarize(edits: list[Edit]) -> Counter:
    """Counts per ``(category, rule, applied)``."""
    return Counter((e.category, e.rule, e.applied) for e in edits)
