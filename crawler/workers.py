"""Extraction in worker processes, off the event loop, on every core, with a time bound per page.

The crawl's event loop downloads; a small pool of worker processes extracts. Each worker has its own
pipe and runs one page at a time, so one page can be bounded and its worker killed without touching
the others (``concurrent.futures.ProcessPoolExecutor`` cannot cancel a running task, and a task that
crashes its worker breaks that whole pool).

- A page is sent as the response's bytes, its ``Content-Type`` header and the extractor's keyword
  arguments (``fetched_at``, and whatever hints the spider passes: they are forwarded as they are).
  Lexbor parses UTF-8 bytes as they are; a page whose header names another charset is decoded in the
  worker as Scrapy would (w3lib: BOM, then the header, then ``<meta>``).
- The worker answers with the record as a plain dict (``Article.to_dict``, done in the worker), or no
  record and the reason :func:`extractors.extract_page` gave.
- A page still running after ``EXTRACT_TIMEOUT`` seconds: its worker is killed (SIGKILL) and replaced,
  the page's outcome is ``timeout``. A worker that dies (segfault, ``MemoryError``, killed from
  outside) is replaced and its page's outcome is ``extract_error``. The crawl goes on either way.
- Memory: pages waiting for a worker are responses held by the scraper, which Scrapy already bounds
  (``SCRAPER_SLOT_MAX_ACTIVE_SIZE``, 5 MB of responses by default: the engine stops sending requests
  above it), so the queue here needs no bound of its own.

Workers are started with ``forkserver`` (``fork`` from a process running a reactor is unsafe), which
preloads :mod:`extractors` once, so a replacement worker starts in milliseconds.

``EXTRACT_WORKERS = 0`` extracts in the crawl's own process, on the event loop (for debugging: no time
bound then).

Test hook (never set it in production): the environment variable ``VNNEWS_EXTRACT_TEST_HOOK`` as
``hang:MARKER`` or ``crash:MARKER``, set when the pool starts, makes its workers sleep forever, or abort
like a segfault, on a page whose bytes contain ``MARKER``. Without it the workers do nothing else.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

TIMEOUT = "timeout"
EXTRACT_ERROR = "extract_error"
TEST_HOOK_ENV = "VNNEWS_EXTRACT_TEST_HOOK"
# metadata.warnings of the page's decoding (extractors.encoding), counted by the crawl as encoding/<kind>.
ENCODING_WARNINGS = frozenset({"charset_mismatch", "mojibake_repaired"})


@dataclass(frozen=True, slots=True)
class Page:
    """What a worker needs to extract one page."""

    body: bytes
    url: str
    charset: str | None = None  # the Content-Type header's charset as sent
    options: dict[str, Any] | None = None  # keyword arguments of extract_page: fetched_at, hints ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """A record (plain dict, schema key order), or ``None`` and the reason the page gave none."""

    record: dict[str, Any] | None
    reason: str | None = None
    detail: str | None = None  # the exception, for the log, when the extractor raised


# ----- what runs in a worker process ----------------------------------------------------------------

def page_html(page: Page) -> tuple[str | bytes, list[str]]:
    """The page decoded as a browser would (BOM, header charset, ``<meta>``, sniffing; mojibake mended:
    :func:`extractors.encoding.decode_page`), as the original bytes when they are that UTF-8 text (Lexbor
    parses them as they are); and the corrections made, for ``metadata.warnings``."""
    from extractors.encoding import decode_page

    decoded = decode_page(page.body, page.charset)
    return (decoded.utf8 if decoded.utf8 is not None else decoded.text), list(decoded.warnings)


def extract_outcome(page: Page) -> Outcome:
    """Extract one page; an extractor exception is the page's ``extract_error``, never the worker's end."""
    import extractors

    try:
        html, corrections = page_html(page)
        extraction = extractors.extract_page(html, page.url, **(page.options or {}))
    except MemoryError:
        raise  # the worker is in no state to go on: it exits and is replaced
    except Exception as exc:  # noqa: BLE001 (an extractor bug costs one page; the reason goes to the log)
        return Outcome(None, EXTRACT_ERROR, f"{type(exc).__name__}: {exc}")
    if extraction.article is None:
        return Outcome(None, extraction.reason or "not_article")
    record = extraction.article.to_dict()
    record["metadata"]["warnings"] = [*record["metadata"]["warnings"], *corrections]
    return Outcome(record)


def _test_hook(hook: str, page: Page) -> None:
    action, _, marker = hook.partition(":")
    if not marker or marker.encode() not in page.body:
        return
    if action == "hang":
        while True:
            time.sleep(3600)
    if action == "crash":
        os.abort()


def serve(conn: Connection, test_hook: str = "") -> None:
    """A worker's life: read a page, answer its outcome, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the crawl's to handle; it stops us by closing
    while True:
        try:
            task_id, page = conn.recv()
        except (EOFError, OSError):
            return
        if test_hook:
            _test_hook(test_hook, page)
        conn.send((task_id, extract_outcome(page)))


# ----- the pool, in the crawl's process -------------------------------------------------------------

@dataclass(slots=True)
class _Task:
    task_id: int
    page: Page
    future: asyncio.Future[Outcome]


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext, test_hook: str) -> None:
        self.conn, child = context.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(target=serve, args=(child, test_hook), daemon=True,
                                                    name="vnnews-extract")
        self.process.start()
        child.close()
        self.task: _Task | None = None
        self.deadline: asyncio.TimerHandle | None = None

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class ExtractionPool:
    """``size`` worker processes; :meth:`extract` is awaited by the spider's callback."""

    def __init__(self, size: int, timeout: float, *, start_method: str = "forkserver") -> None:
        self.size = size
        self.timeout = timeout
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            self._context.set_forkserver_preload(["extractors", "crawler.workers"])
        self._loop: asyncio.AbstractEventLoop | None = None
        self._test_hook = ""
        self._workers: list[_Worker] = []
        self._idle: deque[_Worker] = deque()
        self._waiting: deque[_Task] = deque()
        self._ids = itertools.count()
        self.replaced = 0
        self.closed = False

    def start(self) -> None:
        self._loop = asyncio.get_event_loop()
        self._test_hook = os.environ.get(TEST_HOOK_ENV, "")
        for _ in range(self.size):
            self._add_worker()
        logger.info("Extraction: %d worker process(es), %.0f s a page", self.size, self.timeout)

    def close(self) -> None:
        self.closed = True
        for worker in self._workers:
            self._forget(worker)
            worker.kill()
        for task in self._waiting:
            if not task.future.done():
                task.future.set_result(Outcome(None, EXTRACT_ERROR, "the extraction pool closed"))
        self._workers.clear()
        self._idle.clear()
        self._waiting.clear()

    async def extract(self, page: Page) -> Outcome:
        if self.closed or self._loop is None:
            raise RuntimeError("the extraction pool is not running")
        task = _Task(next(self._ids), page, self._loop.create_future())
        self._waiting.append(task)
        self._dispatch()
        return await task.future

    # -- internals -----------------------------------------------------------------------------

    def _add_worker(self) -> None:
        worker = _Worker(self._context, self._test_hook)
        assert self._loop is not None
        self._loop.add_reader(worker.conn.fileno(), self._on_readable, worker)
        self._workers.append(worker)
        self._idle.append(worker)

    def _dispatch(self) -> None:
        while self._idle and self._waiting:
            worker, task = self._idle.popleft(), self._waiting.popleft()
            if task.future.done():  # the awaiting callback was cancelled
                self._idle.appendleft(worker)
                continue
            worker.task = task
            try:
                worker.conn.send((task.task_id, task.page))
            except (OSError, ValueError) as exc:
                self._replace(worker, Outcome(None, EXTRACT_ERROR, f"worker unreachable: {exc}"))
                continue
            assert self._loop is not None
            worker.deadline = self._loop.call_later(self.timeout, self._on_deadline, worker)

    def _on_readable(self, worker: _Worker) -> None:
        try:
            task_id, outcome = worker.conn.recv()
        except (EOFError, OSError):
            self._replace(worker, Outcome(None, EXTRACT_ERROR, f"worker died ({self._exit_status(worker)})"))
            return
        task = worker.task
        if task is None or task.task_id != task_id:  # cannot happen: one page a worker at a time
            logger.error("extraction worker answered task %s, expected %s", task_id, task and task.task_id)
            return
        self._finish(worker, outcome)
        self._idle.append(worker)
        self._dispatch()

    def _on_deadline(self, worker: _Worker) -> None:
        url = worker.task.page.url if worker.task else "?"
        logger.warning("Extraction of %s ran over %.0f s: worker killed and replaced", url, self.timeout)
        self._replace(worker, Outcome(None, TIMEOUT))

    def _finish(self, worker: _Worker, outcome: Outcome) -> None:
        if worker.deadline is not None:
            worker.deadline.cancel()
            worker.deadline = None
        task, worker.task = worker.task, None
        if task is not None and not task.future.done():
            task.future.set_result(outcome)

    def _replace(self, worker: _Worker, outcome: Outcome) -> None:
        """Kill ``worker``, give its page ``outcome``, and start another in its place."""
        self._finish(worker, outcome)
        self._forget(worker)
        worker.kill()
        if self.closed:
            return
        self.replaced += 1
        self._add_worker()
        self._dispatch()

    def _forget(self, worker: _Worker) -> None:
        if self._loop is not None and not worker.conn.closed:
            self._loop.remove_reader(worker.conn.fileno())
        if worker in self._workers:
            self._workers.remove(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        if worker.deadline is not None:
            worker.deadline.cancel()

    @staticmethod
    def _exit_status(worker: _Worker) -> str:
        worker.process.join(timeout=1)
        code = worker.process.exitcode
        if code is None:
            return "still running"
        return f"signal {-code}" if code < 0 else f"exit {code}"


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ExtractionWorkers:
    """The crawl's extraction pool (extension), started when the spider opens, stopped when it closes.

    Settings: ``EXTRACT_WORKERS`` (default ``None``: one per core this process may use; ``0``: extract in
    the crawl's process), ``EXTRACT_TIMEOUT`` (seconds a page may take, default 20).
    The spider reaches it with :func:`extraction_pool`.
    """

    def __init__(self, crawler: Crawler, pool: ExtractionPool) -> None:
        self.crawler = crawler
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        configured = crawler.settings.get("EXTRACT_WORKERS")
        size = default_workers() if configured in (None, "") else int(configured)
        if size <= 0:
            raise NotConfigured("EXTRACT_WORKERS=0: extraction runs in the crawl's process")
        pool = ExtractionPool(size, crawler.settings.getfloat("EXTRACT_TIMEOUT", 20.0))
        extension = cls(crawler, pool)
        crawler.signals.connect(extension.spider_opened, signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.pool.start()

    def spider_closed(self) -> None:
        if self.pool.replaced:
            self.crawler.stats.set_value("extraction/workers_replaced", self.pool.replaced)
        self.pool.close()


def extraction_pool(crawler: Crawler) -> ExtractionPool | None:
    """The running pool, or ``None`` when pages are extracted in the crawl's process."""
    extension = crawler.get_extension(ExtractionWorkers) if crawler is not None else None
    return extension.pool if extension is not None else None


async def extract(crawler: Crawler, page: Page) -> Outcome:
    """One page's outcome: in a worker when the pool runs, else here (``EXTRACT_WORKERS=0``)."""
    pool = extraction_pool(crawler)
    if pool is None or pool.closed:
        return extract_outcome(page)
    return await pool.extract(page)
