"""Run every benchmark and rewrite ``benchmarks/RESULTS.md``.

    python benchmarks/run.py            # everything
    python benchmarks/run.py --only core  # throughput, start-up, RSS, false positives
    python benchmarks/run.py --section scale  # rerun one quality_*.py (or core) and replace its section

Sections: throughput of ``cleanfr.fix`` against ``ftfy.fix_text`` on the same text in the same
process (ratio), start-up of ``cleanfr fix`` on empty input, peak RSS, false positives on the clean
corpora, then every ``benchmarks/quality_*.py`` module's ``run()`` section.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import importlib.util
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

import ftfy  # noqa: E402

import cleanfr  # noqa: E402
from cleanfr.rules import PASSES  # noqa: E402


def words(text: str) -> int:
    return len(text.split())


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def throughput() -> str:
    text = (DATA / "bench" / "bench_fr.txt").read_text(encoding="utf-8")
    mb = len(text.encode()) / 1e6
    t0 = time.perf_counter()
    cleanfr.fix(text)
    cold = time.perf_counter() - t0
    runs = []
    for _ in range(2):
        t0 = time.perf_counter()
        result = cleanfr.fix(text)
        runs.append(time.perf_counter() - t0)
    warm = min(runs)
    t0 = time.perf_counter()
    ftfy.fix_text(text)
    ftfy_time = time.perf_counter() - t0
    per_pass = pass_times(text)
    lines = [
        "## Throughput (`bench_fr.txt`, same text, same process)",
        "",
        f"Text: {mb:.1f} MB, {words(text):,} words. ftfy as users run it (`ftfy.fix_text`, default configuration).",
        "",
        "| engine | seconds | MB/s |",
        "|---|---:|---:|",
        f"| cleanfr.fix (warm, best of 2) | {warm:.2f} | {mb / warm:.2f} |",
        f"| cleanfr.fix (first call, loads tables) | {cold:.2f} | {mb / cold:.2f} |",
        f"| ftfy.fix_text | {ftfy_time:.2f} | {mb / ftfy_time:.2f} |",
        "",
        f"**Ratio cleanfr / ftfy throughput: {ftfy_time / warm:.2f}×** (first call: {ftfy_time / cold:.2f}×). "
        f"Applied edits on this clean text: {len(result.applied)}.",
        "",
        "Time per pass (warm): " + ", ".join(f"{p} {t:.2f} s" for p, t in per_pass.items()),
        "",
    ]
    return "\n".join(lines)


def pass_times(text: str) -> dict[str, float]:
    """Seconds each pass's rules take on ``text`` (rules run on the unchanged text, as on clean prose)."""
    from cleanfr.document import Document
    from cleanfr.pipeline import Pipeline

    times: dict[str, float] = collections.OrderedDict()
    pipeline = Pipeline()
    for rules in pipeline.passes:
        doc = Document(text)
        t0 = time.perf_counter()
        for rule in rules:
            list(rule.find(doc))
        times[rules[0].pass_name] = time.perf_counter() - t0
    return dict(sorted(times.items(), key=lambda kv: PASSES.index(kv[0])))


def _median_process_time(cmd: list[str], runs: int = 7) -> tuple[float, int]:
    times, rss = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, input=b"", capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return statistics.median(times), rss


def startup_and_memory() -> str:
    exe = Path(sys.executable).with_name("cleanfr")
    cleanfr_cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "cleanfr"]
    base, _ = _median_process_time([sys.executable, "-c", "pass"])
    start, _ = _median_process_time(cleanfr_cmd + ["fix", "-"])
    bench = DATA / "bench" / "bench_fr.txt"
    proc = subprocess.run(
        [sys.executable, "-c",
         # VmHWM, not ru_maxrss: the latter carries the parent's peak through fork and exec.
         "import sys,cleanfr;t=open(sys.argv[1],encoding='utf-8').read();cleanfr.fix(t);"
         "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))", str(bench)],
        capture_output=True, text=True, check=True,
    )
    rss_mb = int(proc.stdout.strip()) / 1024
    return "\n".join([
        "## Start-up and memory",
        "",
        f"- `cleanfr fix -` on empty input: median {start * 1000:.0f} ms over 7 runs "
        f"(`python -c pass`: {base * 1000:.0f} ms; difference {(start - base) * 1000:.0f} ms).",
        f"- Peak RSS of one process fixing all of `bench_fr.txt` ({bench.stat().st_size / 1e6:.1f} MB) in one call: {rss_mb:.0f} MB.",
        "",
    ])


def false_positives() -> str:
    rows = ["## False positives on clean prose", "",
            "Applied edits per 10,000 words; every applied edit on clean text is a false positive unless listed as a real artefact.", "",
            "| corpus | words | applied | per 10k words | suggested | rules that fired |", "|---|---:|---:|---:|---:|---|"]
    examples: list[str] = []
    corpora = [(p.name, [p]) for p in sorted((DATA / "clean").glob("*.txt"))]
    corpora.append(("news_clean/ (300 articles)", sorted((DATA / "news_clean").glob("*.txt"))))
    for name, paths in corpora:
        n_words = applied = suggested = 0
        fired: collections.Counter[str] = collections.Counter()
        for path in paths:
            text = path.read_text(encoding="utf-8")
            result = cleanfr.fix(text)
            n_words += words(text)
            applied += len(result.applied)
            suggested += len(result.suggested)
            for e in result.applied:
                fired[e.rule] += 1
                if len(examples) < 60:
                    context = text[max(0, e.start - 30): e.end + 30].replace("\n", "⏎")
                    examples.append(f"- `{path.name}` {e.rule}: {e.original!r} → {e.replacement!r} … `{context}`")
        rate = applied / n_words * 10000 if n_words else 0.0
        rules = ", ".join(f"{r} {n}" for r, n in fired.most_common()) or "—"
        rows.append(f"| {name} | {n_words:,} | {applied} | {rate:.2f} | {suggested} | {rules} |")
    rows += ["", "Applied edits on clean text (first 60, for review):", ""] + (examples or ["- none"]) + [""]
    return "\n".join(rows)


def quality_sections(only: str | None = None, skip: tuple[str, ...] = ()) -> list[str]:
    sections = []
    for path in sorted(HERE.glob(f"quality_{only or '*'}.py")):
        if path.stem.removeprefix("quality_") in skip:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        t0 = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            body = module.run()
        except Exception as exc:  # a broken benchmark is reported, not hidden
            body = f"## {path.stem}\n\nFAILED: {type(exc).__name__}: {exc}\n"
        sections.append(body.rstrip() + f"\n\n_(`{path.name}`: {time.perf_counter() - t0:.0f} s)_\n")
    return sections


def replace_section(body: str) -> None:
    """Put ``body`` (a ``## heading`` section) in RESULTS.md in place of the section with the same heading."""
    path = HERE / "RESULTS.md"
    text = path.read_text(encoding="utf-8")
    heading = body.split("\n", 1)[0]
    start = text.find(heading + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        nxt = text.find("\n## ", start + len(heading))
        text = text[:start] + body.rstrip("\n") + "\n" + (text[nxt:] if nxt >= 0 else "")
    path.write_text(text, encoding="utf-8")
    print(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("core", "quality"), help="run only one group")
    parser.add_argument("--section", metavar="NAME",
                        help="rerun benchmarks/quality_NAME.py only (or 'core': throughput, start-up, false "
                             "positives) and replace its section(s) in RESULTS.md")
    parser.add_argument("--skip", metavar="NAME", action="append", default=[],
                        help="leave out benchmarks/quality_NAME.py (repeatable); run it later with --section")
    args = parser.parse_args()
    if args.section == "core":
        for body in (throughput(), startup_and_memory(), false_positives()):
            replace_section(body)
        return
    if args.section:
        replace_section(quality_sections(args.section)[0])
        return
    sections = [
        "# cleanfr benchmarks",
        "",
        f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}; "
        f"cleanfr {cleanfr.__version__}, ftfy {ftfy.__version__}. Regenerate with `python benchmarks/run.py`.",
        "",
    ]
    if args.only != "quality":
        sections += [throughput(), startup_and_memory(), false_positives()]
    if args.only != "core":
        sections += quality_sections(skip=tuple(args.skip))
    out = "\n".join(sections)
    (HERE / "RESULTS.md").write_text(out, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
