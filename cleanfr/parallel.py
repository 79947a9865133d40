"""Order-preserving parallel map with bounded memory, for ``--jobs N``.

At most ``window`` tasks are in flight: the input iterator is consumed only as results are taken, so a
corpus is never loaded whole (``multiprocessing.Pool.imap`` would read its whole input ahead). Items that
are not tasks (markers of the driver) flow through in their place without going to a worker.

>>> list(ordered_map(abs, [-1, "end", -2], jobs=1, is_task=lambda x: isinstance(x, int)))
[(-1, 1), ('end', None), (-2, 2)]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from typing import Any, Callable, Generator, Iterable

__all__ = ["resolve_jobs", "ordered_map", "WorkerDied"]

#: How often (seconds) a wait for a result also checks that every worker is alive.
_POLL = 0.2


class WorkerDied(Exception):
    """A worker process ended while tasks were in flight (killed by the out-of-memory killer, a crash).

    ``multiprocessing.Pool`` replaces such a worker but never finishes its task: waiting would never end.
    """

    def __init__(self, exitcode: int) -> None:
        self.exitcode = exitcode
        self.signal = -exitcode if exitcode < 0 else None
        if self.signal is not None:
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = "unknown"
            how = f"was killed by signal {self.signal} ({name}" + ("; out of memory?)" if self.signal == 9 else ")")
        else:
            how = f"ended with status {exitcode}"
        super().__init__(f"a worker process {how}")


def resolve_jobs(jobs: int) -> int:
    """``0`` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    jobs: int = 1,
    is_task: Callable[[Any], bool] = lambda item: True,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
    window: int | None = None,
    prepare: Callable[[], None] | None = None,
) -> Generator[tuple[Any, Any], None, None]:
    """``(item, fn(item))`` in input order (``(item, None)`` for non-tasks), ``jobs`` processes at a time.

    ``prepare`` runs in this process before the workers fork (after ``initializer``), to build what they share.

    With ``jobs == 1`` everything runs in this process (``initializer`` is called here once).
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield item, (fn(item) if is_task(item) else None)
        return
    window = window or 3 * jobs
    methods = multiprocessing.get_all_start_methods()
    # fork shares the already-imported package with the workers (start-up in milliseconds).
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if "fork" in methods and prepare is not None:
        # Load the tables once here, before forking: the workers then share them copy-on-write instead
        # of each loading its own copy, and gc.freeze() keeps the collector from touching (so copying) them.
        if initializer is not None:
            initializer(*initargs)
        prepare()
        gc.freeze()
    pool = context.Pool(jobs, _worker_init, (initializer, initargs))
    # Pool workers never end on their own (no maxtasksperchild): one that has ended was killed or crashed.
    # Pool keeps them in ``_pool``; without that attribute the check is skipped.
    workers = list(getattr(pool, "_pool", []))
    try:
        pending: deque = deque()
        in_flight = 0
        for item in items:
            if is_task(item):
                pending.append((item, pool.apply_async(fn, (item,))))
                in_flight += 1
            else:
                pending.append((item, None))
            while in_flight >= window or (pending and pending[0][1] is None and in_flight == 0):
                done, in_flight = _pop(pending, in_flight, workers)
                yield done
        while pending:
            done, in_flight = _pop(pending, in_flight, workers)
            yield done
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _pop(pending: deque, in_flight: int, workers: list) -> tuple[tuple[Any, Any], int]:
    item, future = pending.popleft()
    if future is None:
        return (item, None), in_flight
    while True:
        try:
            return (item, future.get(_POLL)), in_flight - 1
        except multiprocessing.TimeoutError:
            for process in workers:
                if process.exitcode is not None:
                    raise WorkerDied(process.exitcode) from None


def _worker_init(initializer: Callable[..., None] | None, initargs: tuple) -> None:
    # Ctrl-C is the parent's to handle: workers ignore it instead of printing tracebacks. SIGTERM (from the
    # parent's pool.terminate(), or sent to the whole process group) ends a worker at once, silently, whatever
    # handler the parent had installed when it forked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)
