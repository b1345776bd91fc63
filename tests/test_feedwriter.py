"""Group commit: whole lines, fsync off the caller's thread in batches, records released only once synced."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler import feedwriter
from crawler.feedwriter import DurabilityGate, GroupCommitFile
from crawler.seenstore import truncate_partial_line


def inline(call):  # the committer's callbacks run at once (no reactor in these tests)
    call()


class GatedFsync:
    """``os.fsync`` that waits until the test lets it through, and counts its calls."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.allowed = threading.Event()
        self.calls = 0
        self.real = os.fsync

    def __call__(self, fd: int) -> None:
        self.entered.set()
        self.allowed.wait(10)
        self.calls += 1
        self.real(fd)


def wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_a_record_is_released_only_after_its_line_is_synced(tmp_path, monkeypatch):
    fsync = GatedFsync()
    monkeypatch.setattr(feedwriter.os, "fsync", fsync)
    feed = GroupCommitFile(tmp_path / "f.jsonl", "ab", every_lines=2, every_seconds=60, dispatch=inline)
    gate = DurabilityGate()
    gate.attach("f", feed)
    released: list[tuple[str, dict]] = []

    def write(name: str) -> None:
        feed.write(json.dumps({"k": name}).encode() + b"\n")
        gate.after_durable(lambda sizes: released.append((name, sizes)))

    write("a")
    write("b")
    assert fsync.entered.wait(5)  # the group of 2 lines is being synced ...
    write("c")  # ... while the next line is written
    assert released == []  # written (the file has them) but not synced: nothing recorded
    assert len((tmp_path / "f.jsonl").read_bytes().splitlines()) == 3
    fsync.allowed.set()
    assert wait_for(lambda: [n for n, _ in released] == ["a", "b"])  # the group of 2 lines
    line = len(b'{"k": "a"}\n')
    assert released[0][1] == {"f": line} and released[1][1] == {"f": 2 * line}
    feed.close()  # the last line is synced on close
    assert [n for n, _ in released] == ["a", "b", "c"] and released[2][1] == {"f": 3 * line}
    assert fsync.calls == 2


def test_the_interval_syncs_a_group_smaller_than_the_line_count(tmp_path):
    feed = GroupCommitFile(tmp_path / "f.jsonl", "ab", every_lines=1000, every_seconds=0.05, dispatch=inline)
    feed.write(b'{"k": 1}\n')
    assert feed.durable_size == 0
    assert wait_for(lambda: feed.durable_size == feed.written_size == 9, 2.0)
    feed.close()


def test_without_fsync_a_line_is_released_once_written(tmp_path, monkeypatch):
    monkeypatch.setattr(feedwriter.os, "fsync", lambda fd: pytest.fail("fsync called"))
    feed = GroupCommitFile(tmp_path / "f.jsonl", "ab", fsync=False, dispatch=inline)
    gate = DurabilityGate()
    gate.attach("f", feed)
    released = []
    feed.write(b"{}\n")
    gate.after_durable(released.append)
    assert released == [{"f": 3}]
    feed.close()


WRITER = """
import sys, json
from crawler.feedwriter import GroupCommitFile
feed = GroupCommitFile(sys.argv[1], "ab", every_lines=50, every_seconds=0.01, dispatch=lambda call: None)
i = 0
while True:
    feed.write((json.dumps({"n": i, "text": "Tiếng Việt " * (i % 300)}, ensure_ascii=False) + "\\n").encode())
    i += 1
"""


@pytest.mark.parametrize("after", [0.3, 0.7])
def test_sigkill_leaves_whole_lines_and_at_most_one_torn_line_that_is_cut(tmp_path, after):
    path = tmp_path / "f.jsonl"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=Path(__file__).parent.parent)
    assert wait_for(lambda: path.exists() and path.stat().st_size > 10_000, 20)
    time.sleep(after)
    writer.send_signal(signal.SIGKILL)
    writer.wait(10)
    truncate_partial_line(path)
    lines = path.read_bytes().splitlines()
    assert len(lines) > 10
    assert [json.loads(line)["n"] for line in lines] == list(range(len(lines)))
