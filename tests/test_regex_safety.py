"""No regular expression in cleanfr backtracks catastrophically, and no rule is super-linear on hostile input.

Every compiled pattern reachable from the package is found at run time — module and class attributes,
rule instances, lazily built tables and caches (after a warm-up run of every rule) — by walking the
objects the ``cleanfr`` modules reference. Each pattern runs ``search`` and ``finditer`` over adversarial
inputs (long runs of spaces, apostrophes, hyphens, letters, nested quotes, alternations of letters and
punctuation…) at sizes n and 4n: a linear pattern takes about 4 times longer, a quadratic one 16 times.
A ratio above :data:`MAX_RATIO` (once the time is large enough to measure, and confirmed from 4n to 16n so
that a noisy machine does not fail the test) fails, and so does any operation over :data:`CAP_SECONDS`, or
over :data:`BIG_CAP_SECONDS` on a 10⁶-character token. The whole pipeline is held to
the same standard, which also covers patterns built inside functions and loops in rule code.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import signal
import time
from collections import deque
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from types import BuiltinFunctionType, FunctionType, ModuleType
from typing import Callable, Iterable, Iterator

import pytest
import regex

import cleanfr
from cleanfr.pipeline import all_rules

#: Sizes compared: n and 4n characters.
N = 4_000
#: A linear operation grows ~4x from n to 4n, a quadratic one ~16x.
MAX_RATIO = 10.0
#: Below this many seconds at 4n, timings are noise: the ratio is not judged. (A quadratic scan of 4n
#: characters takes far longer; the 10⁶-character check catches a slow linear one.)
NOISE_FLOOR = 0.002
#: No search + finditer over n, 4n or 16n characters may take longer than this.
CAP_SECONDS = 1.0
#: Nor over the 10⁶-character token (a linear pattern takes well under a second).
BIG_CAP_SECONDS = 5.0
#: On the token, a ratio is judged above this time at 10⁶ characters (a quadratic scan takes minutes).
TOKEN_FLOOR = 0.05
#: The whole pipeline on one adversarial or 10⁶-character input.
PIPELINE_CAP_SECONDS = 20.0
BIG = 1_000_000
PatternType = (re.Pattern, regex.Pattern)


def _repeat(unit: str, tail: str = "") -> Callable[[int], str]:
    def make(n: int) -> str:
        return unit * max(1, (n - len(tail)) // len(unit)) + tail

    return make


#: Adversarial inputs, by name: each makes a string of about n characters.
FAMILIES: dict[str, Callable[[int], str]] = {
    "spaces": _repeat(" ", "x"),
    "spaces-then-punct": _repeat(" ", ";"),
    "nbsp-nnbsp-tab": _repeat("\u00a0\u202f\t ", "!"),
    "newlines": _repeat("\n", "a"),
    "crlf": _repeat("\r\n", "\r"),
    "blank-lines-with-spaces": _repeat(" \n", "a"),
    "apostrophes": _repeat("'", "a"),
    "curly-apostrophes": _repeat("’", "a"),
    "hyphens": _repeat("-", "\n"),
    "dashes": _repeat("—", "a"),
    "letters": _repeat("a", "!"),
    "capitals": _repeat("A", "1"),
    "accented": _repeat("é", "’"),
    "combining": _repeat("e\u0301", "-"),
    "digits": _repeat("1", "a"),
    "digits-spaced": _repeat("1 ", "%"),
    "words": _repeat("mot ", "»"),
    "word-apostrophe": _repeat("l’", "'"),
    "word-hyphen": _repeat("a-", "\n"),
    "hyphen-newline": _repeat("mot-\n", "-"),
    "letters-punct": _repeat("a,b;c:d!e?f.", " "),
    "letter-dot": _repeat("a.", "."),
    "initials": _repeat("A. ", "a"),
    "punct-runs": _repeat("!?;:", "»"),
    "space-punct": _repeat(" ;", "a"),
    "ellipsis": _repeat("…", "."),
    "nested-guillemets": lambda n: "« " * (n // 4) + "a" + " »" * (n // 4),
    "open-guillemets": _repeat("«", "a"),
    "guillemet-letters": _repeat("« a", " "),
    "quotes": _repeat('"', "a"),
    "quoted-letters": _repeat('"a', "'"),
    "parentheses": _repeat("(", "a"),
    "url-like": _repeat("a/", ":"),
    "email-like": _repeat("a@", "."),
    "mojibake": _repeat("Ã©", "Ã"),
    "camel": _repeat("aB", "é"),
    "mixed-script": _repeat("aж", "ש"),
}

TOKEN = "anticonstitutionnellementéèàù"


def big_token(n: int = BIG) -> str:
    """One word of n characters, no space: what a scraped data URI or a minified page can hold."""
    return (TOKEN * (n // len(TOKEN) + 1))[:n]


# --- finding every pattern -----------------------------------------------------------------------


def _own(obj: object) -> bool:
    return (getattr(obj, "__module__", None) or "").startswith("cleanfr")


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Run every rule (default or not) once, so lazily built tables and patterns exist."""
    every = [r.id for r in all_rules()]
    sample = (
        "L’Ukraine a utilisé des missiles ATACMS. Ã©tÃ© quil a dit : « bonjour » ! "
        "Le porte-parole a dé-\nclaré qu’il viendra , demain.\r\n\r\nCe coup d’État  a eu lieu.\n"
    )
    seed = cleanfr.pipeline.__file__
    for text in (sample, sample * 3, open(seed, encoding="utf-8").read()):
        cleanfr.fix(text, select=every)
        cleanfr.fix(text)


def package_modules() -> list[ModuleType]:
    """Every module of the package (``__main__`` excluded: importing it runs the command)."""
    modules = [cleanfr]
    for info in pkgutil.walk_packages(cleanfr.__path__, "cleanfr."):
        if info.name.endswith("__main__"):
            continue
        modules.append(importlib.import_module(info.name))
    return modules


@dataclass(frozen=True)
class Found:
    where: str
    pattern: re.Pattern | regex.Pattern


@lru_cache(maxsize=1)
def all_patterns() -> tuple[Found, ...]:
    """Every compiled pattern reachable from the package's modules, with where it was found.

    Walks the objects the modules reference (globals, classes, functions' defaults and closures,
    caches, instances, containers) without leaving the package through foreign modules, classes or
    functions, so ftfy's or wordfreq's own patterns are not counted.
    """
    warm_up()
    found: dict[int, Found] = {}
    seen: set[int] = set()
    queue: deque[tuple[object, str]] = deque((m, m.__name__) for m in package_modules())
    while queue:
        obj, where = queue.popleft()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, PatternType):
            found.setdefault(id(obj), Found(where, obj))
            continue
        for child, label in _children(obj, where):
            if id(child) not in seen:
                queue.append((child, label))
    return tuple(sorted(_distinct(found.values()), key=lambda f: f.where))


def _distinct(found: Iterable[Found]) -> list[Found]:
    """One pattern per source text; of the patterns a cache built (``name()`` in the path: combinations of the
    same alternatives chosen per document), only the largest, which holds the most alternatives."""
    by_source: dict[tuple[str, int], Found] = {}
    for f in found:
        by_source.setdefault((f.pattern.pattern, f.pattern.flags), f)
    kept: dict[str, Found] = {}
    for f in by_source.values():
        key = f.where.split("()")[0] + "()" if "()" in f.where else f.where
        if key not in kept or len(f.pattern.pattern) > len(kept[key].pattern.pattern):
            kept[key] = f
    return list(kept.values())


_LEAVES = (str, bytes, int, float, complex, bool, type(None), range, BuiltinFunctionType)


def _children(obj: object, where: str) -> Iterator[tuple[object, str]]:
    if isinstance(obj, _LEAVES):
        return
    if isinstance(obj, ModuleType):
        if obj.__name__.startswith("cleanfr"):
            yield from ((v, f"{obj.__name__}.{k}") for k, v in vars(obj).items())
        return
    if isinstance(obj, type):
        if _own(obj):
            yield from ((v, f"{obj.__module__}.{obj.__qualname__}.{k}") for k, v in vars(obj).items())
        return
    if isinstance(obj, FunctionType):
        if _own(obj):
            for i, v in enumerate((obj.__defaults__ or ()) + tuple((obj.__kwdefaults__ or {}).values())):
                yield v, f"{where} default {i}"
            for cell in obj.__closure__ or ():
                try:
                    yield cell.cell_contents, f"{where} closure"
                except ValueError:  # empty cell
                    pass
        return
    if isinstance(obj, dict):  # word tables hold leaves only: they are skipped without a label each
        for k, v in obj.items():
            if not isinstance(k, _LEAVES):
                yield k, f"{where}[key]"
            if not isinstance(v, _LEAVES):
                yield v, f"{where}[{k!r:.40}]"
        return
    if isinstance(obj, (list, tuple, set, frozenset)):
        yield from ((v, f"{where}[]") for v in obj if not isinstance(v, _LEAVES))
        return
    # Caches (functools.lru_cache, cached_property on instances), instances, methods: their referents.
    if callable(obj) and hasattr(obj, "__wrapped__") and not _own(obj.__wrapped__):
        return
    if type(obj).__module__ in ("builtins",) or _own(type(obj)) or hasattr(obj, "cache_info"):
        for child in gc.get_referents(obj):
            if isinstance(child, type) or (isinstance(child, dict) and child is getattr(obj, "__globals__", None)):
                continue
            yield child, f"{where}.{type(child).__name__}" if not hasattr(obj, "cache_info") else f"{where}()"
    elif hasattr(obj, "__dict__"):  # a foreign class's instance held by the package: its attributes
        yield from ((v, f"{where}.{k}") for k, v in vars(obj).items())


# --- timing --------------------------------------------------------------------------------------


class TooSlow(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise TooSlow


def timed(operation: Callable[[], object], cap: float = CAP_SECONDS) -> float:
    """CPU seconds taken by ``operation``, or ``inf`` when it runs past ``cap`` CPU seconds.

    CPU time, not wall time, so that a busy machine does not fail the test. A virtual interval timer
    interrupts a runaway match: both ``re`` and ``regex`` check for signals while matching.
    """
    previous = signal.signal(signal.SIGVTALRM, _alarm)
    signal.setitimer(signal.ITIMER_VIRTUAL, cap)
    start = time.process_time()
    try:
        operation()
        return time.process_time() - start
    except TooSlow:
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def scan(pattern: re.Pattern | regex.Pattern, text: str) -> None:
    """What rules do with a pattern: search it, and iterate over every match."""
    pattern.search(text)
    for _ in pattern.finditer(text):
        pass


@dataclass(frozen=True)
class Timing:
    """Seconds at n and 4n characters, and at 16n when the first ratio looked super-linear.

    ``confirm`` is False for the 10⁶-character token, whose sizes are large enough that a ratio above
    :data:`TOKEN_FLOOR` is not noise (below it, memory effects dominate a scan that finds nothing).
    """

    subject: str
    family: str
    small: float
    large: float
    larger: float | None = None
    cap: float = CAP_SECONDS
    confirm: bool = True
    floor: float = NOISE_FLOOR

    @property
    def ratio(self) -> float:
        return self.large / self.small if self.small > 0 else float("inf")

    @property
    def suspicious(self) -> bool:
        """Super-linear from n to 4n, on a time large enough to measure."""
        return self.large >= self.floor and self.ratio > MAX_RATIO

    def failure(self) -> str | None:
        if float("inf") in (self.small, self.large, self.larger):
            return f"{self.subject} on {self.family}: over {self.cap:g} s"
        if self.suspicious and (not self.confirm or (self.larger is not None and self.larger / self.large > MAX_RATIO)):
            sizes = f"{self.small * 1e3:.1f} ms, 4x: {self.large * 1e3:.1f} ms"
            if self.larger is not None:
                sizes += f", 16x: {self.larger * 1e3:.1f} ms"
            return f"{self.subject} on {self.family}: super-linear ({sizes})"
        return None


def compare(subject: str, family: str, operation: Callable[[str], object], make: Callable[[int], str], cap: float) -> Timing:
    """Time ``operation`` at n and 4n; a super-linear ratio is confirmed at 16n, so that noise does not fail."""
    small = timed(lambda: operation(make(N)), cap)
    if small == float("inf"):
        return Timing(subject, family, small, small, cap=cap)
    timing = Timing(subject, family, small, timed(lambda: operation(make(4 * N)), cap), cap=cap)
    if timing.suspicious:
        timing = replace(timing, larger=timed(lambda: operation(make(16 * N)), cap))
    return timing


def time_pattern(found: Found) -> list[Timing]:
    """The pattern over every adversarial family at n and 4n, then over a 10⁶-character token."""
    out = [compare(found.where, family, partial(scan, found.pattern), make, CAP_SECONDS) for family, make in FAMILIES.items()]
    out.append(token_timing(found.where, partial(scan, found.pattern)))
    return out


def token_timing(subject: str, operation: Callable[[str], object]) -> Timing:
    """``operation`` on a 250,000- and a 10⁶-character token: linear, and under :data:`BIG_CAP_SECONDS`."""
    quarter = timed(lambda: operation(big_token(BIG // 4)), BIG_CAP_SECONDS)
    whole = timed(lambda: operation(big_token()), BIG_CAP_SECONDS) if quarter != float("inf") else quarter
    return Timing(subject, "10⁶-character token", quarter, whole, cap=BIG_CAP_SECONDS, confirm=False, floor=TOKEN_FLOOR)


@lru_cache(maxsize=1)
def pattern_timings() -> tuple[Timing, ...]:
    return tuple(t for found in all_patterns() for t in time_pattern(found))


def time_pipeline(family: str, make: Callable[[int], str], cap: float = PIPELINE_CAP_SECONDS) -> Timing:
    return compare("cleanfr.fix", family, cleanfr.fix, make, cap)


# --- tests ---------------------------------------------------------------------------------------


def test_patterns_are_found() -> None:
    """The walk finds the package's patterns, including those inside rule classes."""
    patterns = all_patterns()
    assert len(patterns) >= 10, [p.where for p in patterns]
    rule_modules = {r.__module__ for r in all_rules()}
    assert any(p.where.startswith(m) for p in patterns for m in rule_modules)


def test_no_pattern_backtracks_catastrophically() -> None:
    failures = [f for t in pattern_timings() if (f := t.failure())]
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("family", FAMILIES)
def test_pipeline_is_linear_on_adversarial_input(family: str) -> None:
    failure = time_pipeline(family, FAMILIES[family]).failure()
    assert failure is None, failure


@pytest.mark.parametrize("make", [big_token, lambda n: ("a" * 999 + " ") * (n // 1000)], ids=["token", "words"])
def test_pipeline_handles_a_million_characters(make: Callable[[int], str]) -> None:
    text = make(BIG)
    seconds = timed(lambda: cleanfr.fix(text), PIPELINE_CAP_SECONDS)
    assert seconds < PIPELINE_CAP_SECONDS, f"cleanfr.fix on {BIG:,} characters: over {PIPELINE_CAP_SECONDS} s"
