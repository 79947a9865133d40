"""Build the scale-benchmark inputs in ``benchmarks/out/`` (git-ignored) from ``../shared/data/``.

* ``corpus.jsonl`` — ≥ 50 MB of JSONL records (``id``, ``source``, ``text``) made of real paragraphs of
  ``bench/bench_fr.txt`` and ``news_clean/``; one record in eight carries a real scraper artefact (a sentence
  mis-decoded as Latin-1, lost apostrophes, spaces before commas), so the pipeline has work to do.
* ``big.txt`` — a 200 MB text file (the bench text repeated, LF line endings).
* ``one_line.txt`` — a 50 MB text with no line break at all (paragraphs joined by spaces).

Deterministic (fixed seed). Run ``python benchmarks/make_corpus.py [--corpus-mb 50] [--big-mb 200] [--line-mb 50]``.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "benchmarks" / "out"


def paragraphs() -> list[tuple[str, str]]:
    """(source, paragraph) pairs of real French text."""
    out = []
    bench = (DATA / "bench" / "bench_fr.txt").read_text(encoding="utf-8")
    out += [("bench_fr", p) for p in bench.split("\n\n") if len(p.strip()) > 80]
    for path in sorted((DATA / "news_clean").glob("*.txt")):
        out += [(path.stem, p) for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 80]
    return out


def damage(text: str, rng: random.Random) -> str:
    """One real artefact class per damaged record."""
    kind = rng.randrange(3)
    if kind == 0:  # a sentence of UTF-8 read as Latin-1 (mojibake)
        cut = text.find(". ")
        head = text[: cut + 1] if cut > 0 else text
        try:
            return head.encode("utf-8").decode("latin-1") + text[len(head):]
        except UnicodeDecodeError:
            return text
    if kind == 1:  # apostrophes lost by a scraper
        return text.replace("’", "").replace("'", "")
    return text.replace(", ", " , ")


def records(target_bytes: int, seed: int = 0) -> Iterator[str]:
    rng = random.Random(seed)
    paras = paragraphs()
    size = n = 0
    while size < target_bytes:
        start = rng.randrange(len(paras))
        source = paras[start][0]
        text = "\n\n".join(p for _, p in paras[start : start + rng.randint(1, 6)])
        if n % 8 == 7:
            text = damage(text, rng)
        line = json.dumps({"id": f"doc-{n:07d}", "source": source, "text": text}, ensure_ascii=False) + "\n"
        size += len(line.encode("utf-8"))
        n += 1
        yield line


def write_corpus(path: Path, megabytes: float) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(records(int(megabytes * 1_000_000)))
    return path


def write_repeated(path: Path, megabytes: float, separator: str | None = None) -> Path:
    """The bench text repeated up to ``megabytes``; with ``separator`` every line break becomes it."""
    text = (DATA / "bench" / "bench_fr.txt").read_text(encoding="utf-8")
    if separator is not None:
        text = separator.join(text.split())
    data = text.encode("utf-8")
    target = int(megabytes * 1_000_000)
    with open(path, "wb") as f:
        written = 0
        while written < target:
            chunk = data[: target - written] if target - written < len(data) else data
            chunk = chunk.decode("utf-8", "ignore").encode("utf-8")  # never cut inside a character
            if separator is not None and written:
                f.write(b" ")
                written += 1
            f.write(chunk)
            written += len(chunk)
        if separator is None:
            f.write(b"\n")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-mb", type=float, default=50)
    parser.add_argument("--big-mb", type=float, default=200)
    parser.add_argument("--line-mb", type=float, default=50)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for path in (
        write_corpus(OUT / "corpus.jsonl", args.corpus_mb),
        write_repeated(OUT / "big.txt", args.big_mb),
        write_repeated(OUT / "one_line.txt", args.line_mb, separator=" "),
    ):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
