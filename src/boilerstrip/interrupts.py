"""Ctrl-C (SIGINT) and SIGTERM: both stop the command line cleanly.

A process manager (systemd, a container runtime, a job scheduler) stops a program
with SIGTERM, a person with Ctrl-C; either way the output must not end in a cut
line or an unterminated compressed stream. Outside a batch, SIGTERM raises
:class:`Terminated`, a :class:`KeyboardInterrupt`, so every ``finally`` that cleans
up after Ctrl-C cleans up after SIGTERM too. Inside a batch the first signal of
either kind only asks the writer to stop after the chunk it is writing.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator, Optional

#: Exit codes after a signal, 128 + its number, as shells report them.
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: raised where Ctrl-C would raise KeyboardInterrupt."""


def exit_code(stopped_by: BaseException) -> int:
    """The exit code after *stopped_by* (a KeyboardInterrupt or :class:`Terminated`)."""
    return EXIT_SIGTERM if isinstance(stopped_by, Terminated) else EXIT_SIGINT


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated()


def _in_main_thread() -> bool:
    # Python runs signal handlers in the main thread only, and only it may set them.
    return threading.current_thread() is threading.main_thread()


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (outside the main
    thread, signals are left alone)."""
    if not _in_main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class StopRequest:
    """Which signal asked the batch to stop, if any."""

    signum: Optional[int] = None

    @property
    def requested(self) -> bool:
        return self.signum is not None


@contextmanager
def stop_between_writes() -> Iterator[StopRequest]:
    """Turn the first Ctrl-C or SIGTERM into a request that the writer honours after
    its current chunk, so the output (a compressed stream too) is never cut
    mid-record; a second signal of either kind interrupts at once."""
    stop = StopRequest()
    if not _in_main_thread():
        yield stop
        return

    def request(signum: int, frame: Any) -> None:
        stop.signum = signum
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, _raise_terminated)

    previous = {signum: signal.signal(signum, request) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
