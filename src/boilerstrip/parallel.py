"""Map a function over work items in worker processes, results in input order.

At most ``window`` items are in flight at a time, so memory stays bounded
however long the input is, and results come back in the order the items went
in. With one job everything runs in this process: no pool, the same results.

Workers ignore SIGINT: Ctrl-C reaches the parent only, which stops taking
results, cancels what is queued and lets the caller finish its output cleanly.
A worker that dies (killed, out of memory) raises :class:`WorkerDied` instead
of hanging.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Generator, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Items in flight per worker: enough to keep every worker busy while the
#: parent writes, few enough to bound memory.
ITEMS_PER_WORKER = 4


class WorkerDied(Exception):
    """A worker process ended without returning its result."""


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int) -> Generator[R, None, None]:
    """Yield ``func(item)`` for every item, in order, using *jobs* processes."""
    if jobs <= 1:
        for item in items:
            yield func(item)
        return
    executor = _start_workers(jobs)
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(func, item))
            if len(pending) >= jobs * ITEMS_PER_WORKER:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerDied("a worker process ended unexpectedly (killed, or out of memory?)") from None


def _start_workers(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers are all up, started with SIGINT ignored: an ignored
    signal stays ignored in new processes, so Ctrl-C never interrupts a worker,
    not even while it imports. (Ctrl-C during these moments of start-up is lost.)"""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_ignore_sigint)
        for future in [executor.submit(os.getpid) for _ in range(jobs)]:
            future.result()
    finally:
        signal.signal(signal.SIGINT, previous)
    return executor


def _context() -> multiprocessing.context.BaseContext:
    """Fresh workers, never plain fork: a forked child holds copies of the parent's
    open output streams, and one that exits early may flush them into the output."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
