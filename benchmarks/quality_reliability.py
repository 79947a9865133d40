"""Reliability: how many examples each property and fuzz target runs, and how regexes scale on hostile input.

Runs the hypothesis targets of ``tests/test_properties.py`` and ``tests/test_fuzz.py`` in a quick,
derandomized profile (counting the examples each one actually executes), then the timings of
``tests/test_regex_safety.py``: every compiled pattern of the package, and the whole pipeline, on
adversarial inputs at n and 4n characters (linear ≈ ×4, quadratic ≈ ×16) and on a 10⁶-character token.

Run ``python benchmarks/quality_reliability.py`` to print the section.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
#: Examples per target in the quick profile.
QUICK_EXAMPLES = 25
#: Seconds allowed to one pipeline run on an adversarial input here (the test allows more).
PIPELINE_CAP = 5.0


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"reliability_{name}", TESTS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _hypothesis_targets(module: ModuleType) -> list[tuple[str, object]]:
    return [(name, fn) for name, fn in vars(module).items() if name.startswith("test_") and hasattr(fn, "hypothesis")]


def _run_target(fn: object) -> tuple[int, str, float]:
    """Run one hypothesis test; return (examples executed, outcome, seconds)."""
    count = 0
    inner = fn.hypothesis.inner_test  # type: ignore[attr-defined]

    def counting(*args: object, **kwargs: object) -> None:
        nonlocal count
        count += 1
        inner(*args, **kwargs)

    fn.hypothesis.inner_test = counting  # type: ignore[attr-defined]
    start = time.perf_counter()
    try:
        fn()  # type: ignore[operator]
        outcome = "pass"
    except Exception as exc:  # a failing property is a result to report, not a crash of the benchmark
        outcome = "**FAIL** " + (str(exc).strip().splitlines() or [type(exc).__name__])[0][:80]
    finally:
        fn.hypothesis.inner_test = inner  # type: ignore[attr-defined]
    return count, outcome, time.perf_counter() - start


def _examples_section() -> list[str]:
    lines = [
        f"### Property and fuzz targets (quick profile: {QUICK_EXAMPLES} examples × each target's factor, derandomized)",
        "",
        "| target | examples run | outcome | seconds |",
        "|---|---:|---|---:|",
    ]
    total = 0
    for name in ("test_properties", "test_fuzz"):
        module = _load(name)
        for test_name, fn in _hypothesis_targets(module):
            count, outcome, seconds = _run_target(fn)
            total += count
            lines.append(f"| `{name}::{test_name}` | {count:,} | {outcome} | {seconds:.1f} |")
    lines += [f"| **total** | **{total:,}** | | |", ""]
    lines.append(
        "The default test profile runs 60 examples per target; `--hypothesis-profile=thorough` runs 2,500 times "
        "each target's factor (over 100,000 examples across these targets)."
    )
    return lines


def _ms(seconds: float) -> str:
    return "timeout" if seconds == float("inf") else f"{seconds * 1e3:.2f}"


def _regex_section() -> list[str]:
    safety = _load("test_regex_safety")
    patterns = safety.all_patterns()
    timings = safety.pattern_timings()
    by_pattern: dict[str, list] = {}
    for t in timings:
        by_pattern.setdefault(t.subject, []).append(t)
    failures = [f for t in timings if (f := t.failure())]
    lines = [
        "",
        f"### Regex safety: {len(patterns)} compiled patterns × {len(safety.FAMILIES)} adversarial inputs "
        f"(n = {safety.N:,} and 4n characters), plus a {safety.BIG:,}-character token",
        "",
        f"Failures (ratio > {safety.MAX_RATIO:g} above {safety.NOISE_FLOOR * 1e3:g} ms, or over "
        f"{safety.CAP_SECONDS:g} s): **{len(failures)}**" + ("" if not failures else " — " + "; ".join(failures[:10])),
        "",
        "| pattern | slowest input at 4n | ms at n | ms at 4n | ratio | ms on the 10⁶ token |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for subject, rows in sorted(by_pattern.items()):
        big = next(r for r in rows if r.family.startswith("10"))
        worst = max((r for r in rows if r is not big), key=lambda r: r.large)
        lines.append(
            f"| `{subject}` | {worst.family} | {_ms(worst.small)} | {_ms(worst.large)} | {worst.ratio:.1f} | {_ms(big.large)} |"
        )
    lines += ["", "#### The whole pipeline (`cleanfr.fix`) on the same inputs", "", "| input | ms at n | ms at 4n | ratio |", "|---|---:|---:|---:|"]
    for family, make in safety.FAMILIES.items():
        t = safety.time_pipeline(family, make, PIPELINE_CAP)
        lines.append(f"| {family} | {_ms(t.small)} | {_ms(t.large)} | {t.ratio:.1f} |")
    seconds = safety.timed(lambda: safety.cleanfr.fix(safety.big_token()), PIPELINE_CAP)
    lines.append(f"| 10⁶-character token | | {_ms(seconds)} | |")
    return lines


def run() -> str:
    """The Markdown section for benchmarks/RESULTS.md."""
    settings.register_profile("quick", max_examples=QUICK_EXAMPLES, deadline=None, database=None, derandomize=True)
    settings.load_profile("quick")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    start = time.perf_counter()
    lines = ["## Reliability: property tests, fuzzing and regex safety", ""]
    lines += _examples_section()
    lines += _regex_section()
    lines += ["", f"Section computed in {time.perf_counter() - start:.0f} s."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
