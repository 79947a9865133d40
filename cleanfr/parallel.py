"""Order-preserving parallel map with bounded memory, for ``--jobs N``.

At most ``window`` tasks are in flight: the input iterator is consumed only as results are taken, so a
corpus is never loaded whole (``multiprocessing.Pool.imap`` would read its whole input ahead). Items that
are not tasks (markers of the driver) flow through in their place without going to a worker.

Each worker has its own pipe and at most one task at a time; there are no helper threads and no lock shared
with a worker. ``multiprocessing.Pool`` shares one result queue whose lock a worker holds while it writes a
result: a worker killed in the middle of a large result (by ``Pool.terminate()`` after a broken pipe, or by
the out-of-memory killer) leaves that lock taken, and ``terminate()`` then waits for it forever (seen with
Python 3.10 and 3.11). Here, stopping is killing the workers and closing their pipes, which cannot wait.

>>> list(ordered_map(abs, [-1, "end", -2], jobs=1, is_task=lambda x: isinstance(x, int)))
[(-1, 1), ('end', None), (-2, 2)]
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Generator, Iterable

__all__ = ["resolve_jobs", "ordered_map", "WorkerDied"]

#: How long (seconds) a worker is given to end after its last task, or after SIGTERM, before it is killed.
_GRACE = 2.0


class WorkerDied(Exception):
    """A worker process ended while tasks were in flight (killed by the out-of-memory killer, a crash)."""

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
    An exception raised by ``fn`` in a worker is raised here, when its item's turn comes.

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
    forking = "fork" in methods
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking and prepare is not None:
        # Load the tables once here, before forking: the workers then share them copy-on-write instead
        # of each loading its own copy, and gc.freeze() keeps the collector from touching (so copying) them.
        if initializer is not None:
            initializer(*initargs)
        prepare()
        gc.freeze()
    workers = _Workers(context, jobs, fn, initializer, initargs, forking)
    try:
        yield from _in_order(workers, items, is_task, window)
        workers.finish()
    finally:
        workers.stop()


def _in_order(
    workers: _Workers, items: Iterable[Any], is_task: Callable[[Any], bool], window: int
) -> Generator[tuple[Any, Any], None, None]:
    queue = _Queue()
    for item in items:
        queue.add(item, bool(is_task(item)))
        workers.run(queue, block=False)
        while queue.items and (queue.in_flight >= window or queue.head_ready()):
            if queue.head_ready():
                yield queue.pop_head()
            else:
                workers.run(queue, block=True)
    while queue.items:
        if queue.head_ready():
            yield queue.pop_head()
        else:
            workers.run(queue, block=True)


_NOT_YET = object()


class _Raised:
    """An exception raised by the task's function in a worker, to raise in its item's turn."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


class _Queue:
    """The items read and not yet yielded, in input order, with the results known so far."""

    def __init__(self) -> None:
        self.items: deque[tuple[Any, bool]] = deque()  # (item, is a task)
        self.results: deque[Any] = deque()  # the result, or _NOT_YET; None for a non-task
        self.first = 0  # the input index of items[0]
        self.unsent: deque[int] = deque()  # input indexes of the tasks no worker has yet
        self.in_flight = 0  # tasks read and not yet yielded

    def add(self, item: Any, task: bool) -> None:
        if task:
            self.unsent.append(self.first + len(self.items))
            self.in_flight += 1
        self.items.append((item, task))
        self.results.append(_NOT_YET if task else None)

    def item(self, index: int) -> Any:
        return self.items[index - self.first][0]

    def settle(self, index: int, result: Any) -> None:
        self.results[index - self.first] = result

    def head_ready(self) -> bool:
        return self.results[0] is not _NOT_YET

    def pop_head(self) -> tuple[Any, Any]:
        item, task = self.items.popleft()
        result = self.results.popleft()
        self.first += 1
        if task:
            self.in_flight -= 1
            if isinstance(result, _Raised):
                raise result.error
        return item, result


class _Workers:
    """``jobs`` worker processes, each behind its own pipe, each running at most one task at a time."""

    def __init__(
        self,
        context: Any,
        jobs: int,
        fn: Callable[[Any], Any],
        initializer: Callable[..., None] | None,
        initargs: tuple,
        forking: bool,
    ) -> None:
        self.processes: list[Any] = []
        self.pipes: list[Connection] = []
        self.busy: dict[Connection, int] = {}  # pipe → input index of the task its worker runs
        self.idle: list[Connection] = []
        self.finished = False
        for _ in range(jobs):
            ours, theirs = context.Pipe(duplex=True)
            # A forked worker inherits our ends of the earlier workers' pipes: it closes them, so that a
            # worker sees its pipe end when this process dies (and does not linger as an orphan).
            inherited = list(self.pipes) if forking else []
            process = context.Process(target=_serve, args=(theirs, inherited, fn, initializer, initargs), daemon=True)
            process.start()
            theirs.close()  # only the worker holds its end: its death is an end of file here
            self.processes.append(process)
            self.pipes.append(ours)
            self.idle.append(ours)

    def run(self, queue: _Queue, block: bool) -> None:
        """Give unsent tasks to idle workers, oldest first, and settle the results that are ready.

        With ``block``, wait for one result at least (there must be a task in flight).
        """
        while True:
            while queue.unsent and self.idle:
                pipe = self.idle.pop()
                index = queue.unsent.popleft()
                try:
                    pipe.send(queue.item(index))
                except OSError:  # the worker died while idle
                    raise self._died(pipe) from None
                self.busy[pipe] = index
            ready = wait(list(self.busy), None if block else 0) if self.busy else []
            if not ready:
                return
            for ready_pipe in ready:
                assert isinstance(ready_pipe, Connection)
                index = self.busy.pop(ready_pipe)
                try:
                    ok, value = ready_pipe.recv()
                except (EOFError, OSError):
                    raise self._died(ready_pipe) from None
                self.idle.append(ready_pipe)
                queue.settle(index, value if ok else _Raised(value))
            block = False  # one result is enough; loop to hand out the freed workers' next tasks

    def _died(self, pipe: Connection) -> WorkerDied:
        process = self.processes[self.pipes.index(pipe)]
        process.join(_GRACE)
        return WorkerDied(process.exitcode if process.exitcode is not None else -signal.SIGKILL)

    def finish(self) -> None:
        """Every task is done: ask the workers to end (``stop`` reaps them)."""
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(None)
        self.finished = True

    def stop(self) -> None:
        """End every worker (at once unless ``finish`` asked them to) and close the pipes.

        Nothing here waits on a worker's lock or pipe: a worker that does not end in time is killed.
        """
        for process in self.processes:
            if process.exitcode is None and not self.finished:
                process.terminate()
        for pipe in self.pipes:
            pipe.close()
        for process in self.processes:
            process.join(_GRACE)
            if process.exitcode is None:
                process.kill()
                process.join()


def _serve(
    pipe: Connection,
    inherited: list[Connection],
    fn: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple,
) -> None:
    # Ctrl-C is the parent's to handle: workers ignore it instead of printing tracebacks. SIGTERM (from the
    # parent's stop(), or sent to the whole process group) ends a worker at once, silently, whatever
    # handler the parent had installed when it forked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for other in inherited:
        other.close()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            item = pipe.recv()
        except EOFError:  # the parent is gone
            return
        if item is None:
            return
        try:
            reply: tuple[bool, Any] = (True, fn(item))
        except Exception as exc:
            reply = (False, exc)
        try:
            pipe.send(reply)
        except BrokenPipeError:  # the parent is gone
            return
        except Exception as exc:  # the result or the exception would not pickle
            pipe.send((False, RuntimeError(f"a worker's reply could not be sent: {type(exc).__name__}: {exc}")))
