"""Which processes a process started, and whether they still run (for the orphan tests).

Uses psutil when it is installed, else Linux's /proc; a process is known by its
pid and start time, so a reused pid is never taken for the same process.
"""

from __future__ import annotations

import os
import time

try:
    import psutil
except ImportError:  # pragma: no cover - depends on the environment
    psutil = None

#: Whether the descendants of a process can be found here at all.
AVAILABLE = psutil is not None or os.path.isdir("/proc/self")

Identity = tuple[int, float]


def descendants(pid: int) -> list[Identity]:
    """Every process below *pid* (children, their children, ...)."""
    if psutil is not None:
        try:
            children = psutil.Process(pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        found = []
        for child in children:
            try:
                found.append((child.pid, child.create_time()))
            except psutil.NoSuchProcess:
                pass
        return found
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat is not None:
                parents[int(entry)] = stat
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, started, _) in parents.items():
            if ppid == parent:
                found.append((child, started))
                todo.append(child)
    return found


def running(identity: Identity) -> bool:
    """Whether the process is still there (a zombie, dead but not yet reaped, is not)."""
    pid, started = identity
    if psutil is not None:
        try:
            process = psutil.Process(pid)
            return process.create_time() == started and process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False
    stat = _stat(pid)
    return stat is not None and stat[1] == started and stat[2] != "Z"


def wait_until_gone(identities: list[Identity], seconds: float = 60.0) -> list[Identity]:
    """Poll until none of the processes runs or *seconds* have passed; returns those left."""
    deadline = time.monotonic() + seconds
    left = [p for p in identities if running(p)]
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = [p for p in left if running(p)]
    return left


def _stat(pid: int):
    """(parent pid, start time in clock ticks, state) from /proc/PID/stat, or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # after "pid (name) "
    return int(fields[1]), float(fields[19]), fields[0]
