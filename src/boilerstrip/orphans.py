"""Worker processes exit when the process that started them dies.

A pool's workers wait for work on a queue whose writing end every worker holds
too, so when the parent is killed (SIGKILL, an out-of-memory kill) nothing ever
tells them to stop; and the process they were forked from and the resource
tracker live as long as any worker does. A daemon thread in each worker waits
for the parent to end and then ends the worker; the others follow by
themselves once the workers are gone.

Why not ``prctl(PR_SET_PDEATHSIG)``: with the forkserver start method a
worker's parent is the fork server, not the process that wants the work, so
that signal would fire on the wrong death (and on the death of the thread that
forked, not the process). The thread watches the right process instead: on
Linux through a pidfd, which becomes readable when that process exits (no
polling); elsewhere by asking every half second whether it still exists.
"""

from __future__ import annotations

import os
import select
import sys
import threading
import time
from functools import partial

#: Seconds between checks where the parent cannot be waited for directly.
POLL_INTERVAL = 0.5
#: The worker's exit status after its parent died.
ORPHAN_EXIT = 1


def exit_with_parent(parent_pid: int) -> None:
    """Start a daemon thread that ends this process once *parent_pid* has ended."""
    if not _alive(parent_pid):
        os._exit(ORPHAN_EXIT)
    pidfd = _open_pidfd(parent_pid)
    watch = partial(_wait_pidfd, pidfd) if pidfd is not None else partial(_poll, parent_pid)
    threading.Thread(target=watch, name="boilerstrip-parent-watch", daemon=True).start()


def _open_pidfd(pid: int) -> int | None:
    opener = getattr(os, "pidfd_open", None)
    if opener is None:
        return None
    try:
        return int(opener(pid))
    except OSError:  # an older kernel, or not allowed: fall back to polling
        return None


def _wait_pidfd(pidfd: int) -> None:
    while True:
        try:
            ready, _, _ = select.select([pidfd], [], [])
        except InterruptedError:
            continue
        if ready:
            os._exit(ORPHAN_EXIT)  # no clean-up: the work was for a process that is gone


def _poll(parent_pid: int) -> None:
    while _alive(parent_pid):
        time.sleep(POLL_INTERVAL)
    os._exit(ORPHAN_EXIT)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # signal 0 would end the process there; the parent is ours
        return os.getppid() == pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (a reused pid): keep working
        return True
    return True
