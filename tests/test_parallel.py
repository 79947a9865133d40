"""The order-preserving parallel map behind ``--jobs``: order, bounded read-ahead, errors, and stopping early."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time
from typing import Any, Callable

import pytest

from cleanfr.parallel import WorkerDied, ordered_map


def _slow_square(x: int) -> int:
    time.sleep(random.random() * 0.01)
    return x * x


def _large(x: int) -> bytes:
    # Far more than a pipe holds: a worker writing it blocks until the parent reads.
    return bytes([x % 256]) * 2_000_000


def _fails_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def _killed_on_three(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.01)
    return x


def _finishes(action: Callable[[], Any], seconds: float = 30) -> Any:
    """Run ``action`` in a thread; fail (instead of hanging the suite) if it has not ended in time."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = action()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def _no_workers_left() -> bool:
    return not multiprocessing.active_children()


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_in_input_order_with_markers_in_place(jobs: int):
    items: list[Any] = [n if n % 7 else f"marker {n}" for n in range(60)]
    got = list(ordered_map(_slow_square, items, jobs, is_task=lambda item: isinstance(item, int)))
    assert got == [(item, item * item if isinstance(item, int) else None) for item in items]
    assert _no_workers_left()


def test_the_input_is_read_at_most_a_window_ahead():
    read = 0

    def items():
        nonlocal read
        for n in range(40):
            read += 1
            yield n

    ahead = []
    for item, _ in ordered_map(_slow_square, items(), jobs=2, window=5):
        ahead.append(read - item - 1)
    assert max(ahead) <= 5
    assert max(ahead) >= 1  # it does read ahead: the workers are kept busy


def test_closing_early_with_large_results_in_flight_ends_at_once():
    # multiprocessing.Pool.terminate() could wait forever here: a worker killed while writing a large
    # result left the result queue's lock taken (Python 3.10, 3.11). Repeated, since it was a race.
    for _ in range(80):
        def run() -> None:
            stream = ordered_map(_large, range(12), jobs=2)
            assert next(stream)[1][:1] == b"\x00"
            stream.close()

        _finishes(run)
        assert _no_workers_left()


def test_an_exception_in_a_task_is_raised_in_its_turn():
    seen = []

    def run() -> None:
        for item, result in ordered_map(_fails_on_three, range(10), jobs=2):
            seen.append(result)

    with pytest.raises(ValueError, match="three"):
        _finishes(run)
    assert seen == [0, 1, 2]
    assert _no_workers_left()


def test_a_killed_worker_is_reported_not_waited_for():
    def run() -> None:
        for _ in ordered_map(_killed_on_three, range(20), jobs=2):
            pass

    with pytest.raises(WorkerDied) as caught:
        _finishes(run)
    assert caught.value.signal == signal.SIGKILL
    assert "out of memory?" in str(caught.value)
    assert _no_workers_left()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked")
def test_workers_share_what_prepare_built():
    built: list[int] = []

    def read_built(_: int) -> int:
        return len(built)

    got = [result for _, result in ordered_map(read_built, range(4), jobs=2, prepare=lambda: built.append(1))]
    assert got == [1, 1, 1, 1]
