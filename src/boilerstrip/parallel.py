"""Map a function over work items in worker processes, results in input order.

At most ``window`` items are in flight at a time, so memory stays bounded
however long the input is, and results come back in the order the items went
in. With one job, or a single item, everything runs in this process: no pool,
the same results; there are never more workers than items.

Workers ignore SIGINT: Ctrl-C reaches the whole process group, and the parent
alone decides when to stop, then stops taking results, cancels what is queued
and lets the caller finish its output cleanly (:meth:`OrderedMap.close`), or,
when the output is gone (a closed pipe, an error), kills the workers without
waiting (:meth:`OrderedMap.abandon`). SIGTERM keeps its default in workers: the
pool itself stops broken workers with it, and one sent to the whole group (as
service managers do) ends them, which the caller may take as a stop request.
A worker whose parent dies, even by SIGKILL, exits on its own (see
:mod:`boilerstrip.orphans`). A worker that dies (killed, out of memory) raises
:class:`WorkerDied` instead of hanging.
"""

from __future__ import annotations

import itertools
import contextlib
import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, TypeVar

from .orphans import exit_with_parent

T = TypeVar("T")
R = TypeVar("R")

#: Items in flight per worker: enough to keep every worker busy while the
#: parent writes, few enough to bound memory.
ITEMS_PER_WORKER = 4

#: Seconds between looks at a pool being stopped.
_STOP_POLL = 0.05


class WorkerDied(Exception):
    """A worker process ended without returning its result."""


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class OrderedMap(Generic[T, R]):
    """``func(item)`` for every item, in order, using up to *jobs* processes.

    Iterate once; then call :meth:`close` (or :meth:`abandon`) whether or not
    the iteration finished."""

    def __init__(self, func: Callable[[T], R], items: Iterable[T], jobs: int) -> None:
        self._func = func
        self._items = iter(items)
        self._jobs = jobs
        self._executor: Optional[ProcessPoolExecutor] = None
        self._pending: deque[Future[R]] = deque()

    def __iter__(self) -> Iterator[R]:
        first = list(itertools.islice(self._items, max(self._jobs, 1)))
        if len(first) <= 1:  # one job, or one item: a pool would only cost time
            for item in itertools.chain(first, self._items):
                yield self._func(item)
            return
        self._executor = _start_workers(len(first))
        window = len(first) * ITEMS_PER_WORKER
        for item in itertools.chain(first, self._items):
            self._pending.append(self._executor.submit(self._func, item))
            if len(self._pending) >= window:
                yield _result(self._pending.popleft())
        while self._pending:
            yield _result(self._pending.popleft())

    def close(self) -> None:
        """Cancel what is queued and wait for the items being worked on; the workers exit."""
        self._stop(kill=False)

    def abandon(self) -> None:
        """Stop now: kill the workers and drop what is queued, waiting for no item
        (after a closed pipe or an error, nobody wants the rest)."""
        self._stop(kill=True)

    def _stop(self, kill: bool) -> None:
        self._pending.clear()  # the pool cancels them (cancelling here could race with it)
        if self._executor is not None:
            _stop_pool(self._executor, kill)
            self._executor = None


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """Yield ``func(item)`` for every item, in order, using up to *jobs* processes."""
    mapping = OrderedMap(func, items, jobs)
    try:
        yield from mapping
    finally:
        mapping.close()


def _stop_pool(executor: ProcessPoolExecutor, kill: bool) -> None:
    """Shut the pool down, first killing its workers if *kill*, and wait until it is done.

    The pool has no public way to stop a running item; its workers are stateless, so
    killing them loses nothing that was asked for. But a worker that dies while
    sending a result (killed here, or by a SIGTERM sent to the whole process group)
    leaves half a message in the result pipe, which the pool's thread would wait for
    forever: once every worker is gone, this process closes its own copy of the
    pipe's writing end, so that wait ends."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    results = getattr(executor, "_result_queue", None)
    manager = getattr(executor, "_executor_manager_thread", None)
    if kill:
        for process in processes:
            with contextlib.suppress(OSError, ValueError):  # already gone
                process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    if manager is None:
        return
    running = [process.sentinel for process in processes]
    while manager.is_alive():
        manager.join(_STOP_POLL)
        if running:
            ready = multiprocessing.connection.wait(running, 0)
            running = [sentinel for sentinel in running if sentinel not in ready]
        if not running and manager.is_alive() and results is not None:
            writer = getattr(results, "_writer", None)
            if writer is not None:
                writer.close()
            results = None


def _result(future: Future[R]) -> R:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerDied("a worker process ended unexpectedly (killed, or out of memory?)") from None


def _start_workers(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers are all up."""
    with _parent_signals_held():
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(), initializer=_set_up_worker, initargs=(os.getpid(),)
        )
        try:
            for future in [executor.submit(os.getpid) for _ in range(jobs)]:
                _result(future)
        except BaseException:
            _stop_pool(executor, kill=True)
            raise
    return executor


@contextmanager
def _parent_signals_held() -> Iterator[None]:
    """SIGINT ignored: new processes inherit that, so Ctrl-C never interrupts a worker,
    not even while it imports (a Ctrl-C in these moments is lost). SIGTERM blocked
    where signal masks exist: one that arrives is delivered here once workers are up."""
    try:
        previous: Any = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signal handlers are not ours to change
        previous = None
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM}) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if previous is not None:  # before SIGTERM is let through: its handler may raise
            signal.signal(signal.SIGINT, previous)
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _context() -> multiprocessing.context.BaseContext:
    """Fresh workers, never plain fork: a forked child holds copies of the parent's
    open output streams, and one that exits early may flush them into the output."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _set_up_worker(parent_pid: int) -> None:
    """In each worker: leave Ctrl-C to the parent, and exit with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    exit_with_parent(parent_pid)
