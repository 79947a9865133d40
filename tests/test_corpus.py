"""Corpus inputs through the command: JSONL records, compression, directories, Parquet, parallel jobs."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
import zstandard
from cli_helpers import run

from cleanfr import Edit, apply, fix
from cleanfr.corpus import detect_format, rewrite_record

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corpus.jsonl"


def records(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def test_jsonl_rewrites_text_keeps_other_fields_and_order():
    p = run("fix", str(EXAMPLE), "--format", "jsonl", "--field", "text", "-q")
    assert p.returncode == 0, p.stderr
    before, after = records(EXAMPLE.read_bytes()), records(p.stdout)
    assert [r["id"] for r in after] == [r["id"] for r in before]
    for b, a in zip(before, after):
        assert {k: v for k, v in a.items() if k != "text"} == {k: v for k, v in b.items() if k != "text"}
        assert a["text"] == fix(b["text"]).text
    assert any(a["text"] != b["text"] for a, b in zip(after, before))


def test_unchanged_records_are_copied_byte_for_byte(tmp_path: Path):
    raw = b'{"text":"Il fait beau.","n":1.50,"u":"\\u00e9"}\r\n\n{"text": "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9", "k": [1, 2]}'
    f = tmp_path / "c.jsonl"
    f.write_bytes(raw)
    p = run("fix", str(f), "-q")
    lines = p.stdout.split(b"\n")
    assert lines[0] == b'{"text":"Il fait beau.","n":1.50,"u":"\\u00e9"}\r' and lines[1] == b""
    assert lines[2] == '{"text": "été", "k": [1, 2]}'.encode()  # no final newline added


def test_rewrite_record_falls_back_to_reserialising_when_the_value_is_escaped_oddly():
    line = '{"text": "\\u0041\\u00c3\\u00a9", "id": 1}'  # "AÃ©" fully escaped, matched by neither form
    obj = json.loads(line)
    out = rewrite_record(line, obj, "text", obj["text"], "Aé", None, None)
    assert json.loads(out) == {"text": "Aé", "id": 1}


def test_nested_field_with_the_same_key_and_value_is_left_alone():
    line = '{"meta": {"text": "\u00c3\u00a9t\u00c3\u00a9", "n": 1}, "text": "\u00c3\u00a9t\u00c3\u00a9"}'
    line = json.dumps(json.loads(line), ensure_ascii=False)
    obj = json.loads(line)
    out = json.loads(rewrite_record(line, obj, "text", obj["text"], "été", None, None))
    assert out == {"meta": {"text": "Ã©tÃ©", "n": 1}, "text": "été"}


def test_edits_field_and_log_with_record_ids(tmp_path: Path):
    out, log = tmp_path / "out.jsonl", tmp_path / "log.jsonl"
    p = run("fix", str(EXAMPLE), "--edits-field", "cleanfr_edits", "--log", str(log), "-o", str(out), "-q")
    assert p.returncode == 0, p.stderr
    originals = {r["id"]: r["text"] for r in records(EXAMPLE.read_bytes())}
    for r in records(out.read_bytes()):
        edits = [Edit.from_dict(e) for e in r["cleanfr_edits"]]
        assert apply(originals[r["id"]], edits) == r["text"]
    logged = records(log.read_bytes())
    assert logged and all({"line", "id", "rule", "start"} <= set(e) for e in logged)
    by_id: dict = {}
    for e in logged:
        by_id.setdefault(e["id"], []).append(Edit.from_dict(e))
    fixed = {r["id"]: r["text"] for r in records(out.read_bytes())}
    assert all(apply(originals[i], edits) == fixed[i] for i, edits in by_id.items())


@pytest.mark.parametrize("suffix, opener", [(".gz", gzip.open), (".zst", None)])
def test_compressed_in_and_out(tmp_path: Path, suffix: str, opener):
    data = EXAMPLE.read_bytes()
    src = tmp_path / f"c.jsonl{suffix}"
    if suffix == ".gz":
        src.write_bytes(gzip.compress(data))
    else:
        src.write_bytes(zstandard.ZstdCompressor().compress(data))
    plain = run("fix", str(EXAMPLE), "-q").stdout
    out = tmp_path / f"out.jsonl{suffix}"
    assert run("fix", str(src), "-o", str(out), "-q").returncode == 0
    raw = out.read_bytes()
    back = gzip.decompress(raw) if suffix == ".gz" else zstandard.ZstdDecompressor().stream_reader(raw).read()
    assert back == plain
    # in place keeps the compression
    assert run("fix", "-i", str(src), "-q").returncode == 0
    assert src.read_bytes()[:2] == raw[:2]


def test_corrupt_gzip_is_a_one_line_error(tmp_path: Path):
    f = tmp_path / "c.txt.gz"
    f.write_bytes(gzip.compress("été\n".encode() * 1000)[:-30])
    p = run("fix", str(f), "-i")
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    assert f"{f}:".encode() in p.stderr and len(p.stderr.splitlines()) == 1


def test_directory_walk_with_glob_and_output_dir(tmp_path: Path):
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes("Ã©tÃ©\n".encode())
    (src / "sub" / "b.txt").write_bytes("Il fait beau.\n".encode())
    (src / "c.md").write_bytes("Ã©tÃ©\n".encode())
    p = run("fix", str(src), "--glob", "*.txt", "--output-dir", str(tmp_path / "out"), "-q")
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "été\n"
    assert (tmp_path / "out" / "sub" / "b.txt").read_text() == "Il fait beau.\n"
    assert not (tmp_path / "out" / "c.md").exists()
    p = run("fix", str(src))
    assert p.returncode == 2 and b"is a directory (walk it with --glob" in p.stderr


def test_jobs_give_byte_identical_output_and_log(tmp_path: Path):
    lines = EXAMPLE.read_bytes().splitlines(keepends=True)
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"".join(lines * 40))
    text = tmp_path / "t.txt"
    text.write_bytes(("Ã©tÃ© Ã  Paris , dit-il.\n\n" * 300).encode())
    outs = []
    for jobs in ("1", "2", "0"):
        log = tmp_path / f"log{jobs}.jsonl"
        p = run("fix", str(big), str(text), "--jobs", jobs, "--chunk-size", "500", "--log", str(log), "-q")
        assert p.returncode == 0, p.stderr
        outs.append((p.stdout, log.read_bytes()))
    assert outs[0] == outs[1] == outs[2]


def test_malformed_jsonl_stop_and_skip(tmp_path: Path):
    f = tmp_path / "bad.jsonl"
    data = b'{"text": "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9"}\n{"text": 3}\n{oops\n{"other": "x"}\n[1]\n{"text": "Fin."}\n'
    f.write_bytes(data)
    p = run("fix", "-i", str(f))
    assert p.returncode == 2
    assert p.stderr.decode().strip() == f"cleanfr: {f}: line 2: field 'text' is a number, not a string"
    assert f.read_bytes() == data
    p = run("fix", str(f), "--on-error", "skip", "-q")
    assert p.returncode == 0
    err = p.stderr.decode()
    assert "line 3: malformed JSON" in err and "line 4: no 'text' field" in err and "line 5: not a JSON object" in err
    out = p.stdout.split(b"\n")
    assert out[0] == '{"text": "été"}'.encode() and out[1:6] == data.split(b"\n")[1:6]


def test_parquet_round_trip(tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = records(EXAMPLE.read_bytes())
    table = pa.table({"id": [r["id"] for r in rows], "text": [r["text"] for r in rows] + [], "n": list(range(len(rows)))})
    src = tmp_path / "c.parquet"
    pq.write_table(table, src)
    out = tmp_path / "out.parquet"
    p = run("fix", str(src), "-o", str(out), "--edits-field", "edits", "-q")
    assert p.returncode == 0, p.stderr
    result = pq.read_table(out).to_pylist()
    assert [r["id"] for r in result] == [r["id"] for r in rows] and [r["n"] for r in result] == list(range(len(rows)))
    for before, after in zip(rows, result):
        assert after["text"] == fix(before["text"]).text
        assert apply(before["text"], [Edit.from_dict(e) for e in json.loads(after["edits"])]) == after["text"]
    assert run("fix", str(src), "-q").returncode == 2  # Parquet needs a file to write to


def test_detect_format():
    assert detect_format("x.ndjson.gz") == "jsonl"
    assert detect_format("x.txt", "jsonl") == "jsonl"
    assert detect_format("notes.md") == "txt"


def test_a_bug_in_a_rule_is_reported_per_record_and_never_as_a_traceback(tmp_path: Path, monkeypatch):
    from cleanfr.pipeline import Pipeline

    original = Pipeline.fix

    def fragile(self, text: str):
        if "BOOM" in text:
            raise RuntimeError("simulated rule bug")
        return original(self, text)

    monkeypatch.setattr(Pipeline, "fix", fragile)
    f = tmp_path / "c.jsonl"
    f.write_bytes(b'{"text": "BOOM"}\n{"text": "\xc3\x83\xc2\xa9t\xc3\x83\xc2\xa9"}\n')
    p = run("fix", str(f), "--on-error", "skip", "-q")
    assert p.returncode == 0 and p.stdout == b'{"text": "BOOM"}\n{"text": "\xc3\xa9t\xc3\xa9"}\n'
    assert "line 1: internal error in cleanfr (RuntimeError: simulated rule bug); record kept unchanged" in p.stderr.decode()
    assert run("fix", "-i", str(f)).returncode == 2
    t = tmp_path / "t.txt"
    t.write_bytes(b"BOOM\n")
    p = run("fix", "-i", str(t))
    assert p.returncode == 70 and p.stderr.decode().startswith("cleanfr: internal error: RuntimeError: simulated rule bug")
    assert t.read_bytes() == b"BOOM\n" and sorted(x.name for x in tmp_path.iterdir()) == ["c.jsonl", "t.txt"]


def test_a_corpus_warm_up_loads_what_workers_would_each_build():
    """Before ``--jobs`` workers fork, a corpus's warm-up loads the lexicon's form set and the language model
    (shared by every worker then); a small input's does not (it would only wait for them)."""
    script = (
        "from cleanfr.corpus import Settings, init_worker, warm_up\n"
        "from cleanfr.lexicon import french\n"
        "from cleanfr.lexicon.language import _identifier\n"
        "init_worker(Settings())\n"
        "warm_up(corpus=False)\n"
        "small = (french()._form_set is not None, _identifier.cache_info().currsize)\n"
        "warm_up(corpus=True)\n"
        "print(small, (french()._form_set is not None, _identifier.cache_info().currsize))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "(False, 0) (True, 1)"
