"""Exclusive, non-blocking, crash-safe locks: an ``flock`` on a small file that names its holder's pid.

The kernel drops an ``flock`` when its process dies, even by SIGKILL, so a killed crawl never leaves a
lock that blocks the next one (the file stays; it holds nothing). No Scrapy import.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO


class LockHeld(RuntimeError):
    """Another live process holds the lock; ``holder`` is its pid as it wrote it (``?`` if unknown)."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"{path} is held by pid {holder}")
        self.holder = holder


def acquire(path: Path) -> IO[str]:
    """The lock on ``path`` (created, with our pid in it), held until the returned file is closed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "?"
        handle.close()
        raise LockHeld(path, holder) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle
