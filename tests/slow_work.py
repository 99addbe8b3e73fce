"""Work items for worker-pool tests; a module of its own so worker processes can import it."""

from __future__ import annotations

import os
import pathlib
import time


def work(item: tuple[str, str]) -> int:
    """``("quick", folder)`` returns at once; ``("block", folder)`` says which worker is
    busy, blocks for up to 60 s (until FOLDER/go exists), then leaves a mark that it
    finished. Either returns the worker's pid."""
    kind, folder = item
    if kind == "block":
        path = pathlib.Path(folder)
        (path / f"busy-{os.getpid()}").touch()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (path / "go").exists():
            time.sleep(0.05)
        (path / f"finished-{os.getpid()}").touch()
    return os.getpid()
