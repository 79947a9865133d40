"""Growth checks: time on one long line grows linearly with its length, never quadratically.

A text file is read in lines the reader cuts, but a JSONL or Parquet record, a datatrove document or a
call to :func:`cleanfr.fix` can hold one line of a megabyte: a helper that rescans the line for each
candidate word (``tokens.code_line``, ``tokens.logical_line``) made ``fix`` quadratic there (400 kB: 18 s).
Each check times the same work at ``n`` and ``4 n`` characters: linear work takes about 4 times as long,
quadratic work 16 times; the bound (6) leaves room for a noisy host, and runs too short to time reliably
pass (best of two runs).
"""

from __future__ import annotations

import random
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable

import cleanfr
from cleanfr import tokens

CLEAN_SENTENCES = Path(__file__).resolve().parent / "data" / "clean_sentences.txt"
#: Bound on t(4n) / t(n): linear is 4, quadratic 16.
MAX_RATIO = 6.0
#: Below this many seconds for 4n, a run is too short to time: it passes.
TOO_SHORT = 0.05
_CODE = re.compile(r"[=|{}<>\\/_\[\]]")


@lru_cache(maxsize=4)
def long_line(n: int, seed: int = 16) -> str:
    """``n`` characters of clean prose on one line, with a distinct pair of words glued in most sentences
    (``lanuit`` once, never twice: the glued-words rule reads each as a candidate and checks its line)."""
    sentences = [s.strip() for s in CLEAN_SENTENCES.read_text(encoding="utf-8").splitlines()
                 if s.strip() and not _CODE.search(s)]  # one code character would make the whole line code
    rng = random.Random(seed)
    glued: set[str] = set()
    parts: list[str] = []
    size = 0
    while size < n:
        words = rng.choice(sentences).split(" ")
        i = rng.randrange(len(words) - 1) if len(words) > 1 else 0
        if len(words) > 1 and words[i].isalpha() and words[i + 1].isalpha() and len(words[i]) >= 4:
            token = words[i] + words[i + 1]
            if token not in glued:
                glued.add(token)
                words[i : i + 2] = [token]
        parts.append(" ".join(words))
        size += len(parts[-1]) + 1
    return " ".join(parts)[:n]


def best_time(work: Callable[[], object], runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(work: Callable[[int], object], n: int) -> tuple[float, float]:
    work(n)  # warm up: tables load on first use
    small = best_time(lambda: work(n))
    large = best_time(lambda: work(4 * n))
    assert large < TOO_SHORT or large / small < MAX_RATIO, f"{n}: {small:.3f} s, {4 * n}: {large:.3f} s (×{large / small:.1f})"
    return small, large


def test_fix_is_linear_on_one_long_line() -> None:
    """The whole pipeline on one line of 50,000 then 200,000 characters."""
    for n in (50_000, 200_000):
        long_line(n)  # built outside the timing
    assert_linear(lambda n: cleanfr.fix(long_line(n)), 50_000)


def _every(n: int, step: int, helper: Callable[[str, int], object]) -> None:
    text = long_line(n)
    for pos in range(0, n, step):
        helper(text, pos)


def test_code_line_is_linear_on_one_long_line() -> None:
    """``code_line`` asked at every 40th character of one line (a candidate word every 40 characters)."""
    for n in (10_000, 40_000):
        long_line(n)
    assert_linear(lambda n: _every(n, 40, tokens.code_line), 10_000)


def test_logical_line_is_linear_on_one_long_line() -> None:
    """``logical_line`` (every rule that reads a line: protected spans, accents, capitals, mojibake) the same way."""
    for n in (100_000, 400_000):
        long_line(n)
    assert_linear(lambda n: _every(n, 40, tokens.logical_line), 100_000)


def _plain_logical_line(text: str, pos: int) -> tuple[int, int]:
    """``tokens.logical_line`` as a plain scan from ``pos`` (its definition before the fast path)."""
    brk = tokens._HYPHEN_BREAK_BEFORE
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(tokens._MAX_JOINED_LINES):
        hyphen = text.rfind("-", max(0, start - 4), start)
        m = brk.match(text, hyphen) if start and hyphen >= 0 else None
        if m is None or m.end() < start:
            break
        start = text.rfind("\n", 0, hyphen) + 1
    end = text.find("\n", pos)
    for _ in range(tokens._MAX_JOINED_LINES):
        if end < 0:
            break
        hyphen = text.rfind("-", max(0, end - 4), end)
        m = brk.match(text, hyphen) if hyphen >= 0 else None
        if m is None or m.end() <= end:
            break
        end = text.find("\n", end + 1)
    return start, len(text) if end < 0 else end


def test_helpers_read_the_line_a_plain_scan_reads() -> None:
    """The fast paths give what a plain scan gives: line feeds, CRLF, lone CR, lines joined at a hyphen (up
    to the limit), blank lines, both ends of the text, and a long line among short ones."""
    chain = "".join(f"mot{i} coupé ad-\nministration " for i in range(12))
    text = ("une ad-\nministration et\r\nla fin\n\nam-\rbiance\n" + chain + "\n" + long_line(20_000)
            + "\nfin du com-\npte x=1\n" + "court\n" * 30 + long_line(9_000) + "\n-\n\n")
    positions = sorted({*range(0, 400), *range(400, len(text), 331), *range(len(text) - 200, len(text) + 1),
                        *(i for i, c in enumerate(text) if c in "\n-"), *(i + 1 for i, c in enumerate(text) if c == "\n")})
    for pos in positions:
        want = _plain_logical_line(text, pos)
        assert tokens.logical_line(text, pos) == want, pos
        line = text[slice(*want)]
        expected = sum(1 for c in line if c.isalpha()) < 12 or tokens._CODE_LINE.search(line) is not None
        assert tokens.code_line(text, pos) == expected, pos
    for other in ("", "\n", "a", "x-\ny", "le chat", long_line(5_000)):  # another text between two calls
        for pos in range(0, min(len(other), 50) + 1):
            assert tokens.logical_line(other, pos) == _plain_logical_line(other, pos)
        assert tokens.logical_line(text, 25_000) == _plain_logical_line(text, 25_000)


#: Dense mojibake: every word damaged. ftfy repairs 49 kB of it in about 10 ms.
DENSE = ("Ã© tÃ© ", "lâ€™Ã©tÃ© Ã  Paris, ", "Ð¿Ñ€Ð¸ÑÑ‚Ð½Ð¾ÑÑ‚Ð¸ ", "tÃ©lÃ©phoneÃ©tÃ©tÃ©lÃ©phoneÃ©tÃ©tÃ©lÃ©phone ")


def test_dense_mojibake_costs_about_what_ftfy_does() -> None:
    """The Unicode pass on text where every word is mojibake: ftfy's own repair of the whole text, plus the
    location of its changes (a per-window diff made it 10 to 400 times slower than ftfy), stays within a
    small factor of ftfy's time, and linear."""
    import ftfy

    from cleanfr.rules._mojibake import ftfy_config

    cleanfr.fix(DENSE[0], select=["mojibake"])  # warm up
    for unit in DENSE:
        text = unit * (25_000 // len(unit))
        ours = best_time(lambda: cleanfr.fix(text, select=["mojibake"]))
        theirs = best_time(lambda: ftfy.fix_text(text, config=ftfy_config()))
        assert ours < 20 * theirs + 0.05, f"{unit!r}: {ours:.3f} s, ftfy {theirs:.3f} s"
    assert_linear(lambda n: cleanfr.fix(DENSE[0] * (n // len(DENSE[0])), select=["mojibake"]), 10_000)
