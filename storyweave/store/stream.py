"""Batches of an ingest that may never end, and a clean stop on Ctrl-C or ``kill``.

Files are read in full batches. A stream (standard input fed by ``tail -f`` or a feed
reader) may pause for hours, so its records cannot wait for a batch to fill: a batch is also
closed once its first record has waited ``flush_after`` seconds, and every record is then
stored, clustered and searchable within about that time of arriving.

A first SIGINT (Ctrl-C) or SIGTERM asks the ingest to stop: the batch in hand (for a
stream: every record already read) is committed whole, and the run ends with its summary.
A second Ctrl-C interrupts at once; the open transaction then rolls back.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from queue import Empty, Queue
from types import FrameType
from typing import TypeVar

T = TypeVar("T")

# Default for ``flush_after``: a record of a stream is committed about this many seconds
# after it arrives (plus the time to cluster its batch). Short enough that a reader of the
# store sees news promptly; long enough that a burst of records shares one transaction.
FLUSH_AFTER = 2.0
# How often the batcher wakes to check the stop request and the flush deadline.
POLL_SECONDS = 0.1

_END = object()


class _Failed:
    """An exception raised by the reading thread, handed to the consumer."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def full_batches(
    items: Iterable[T],
    size: int,
    stop: threading.Event,
    counts: Callable[[T], bool] = lambda item: True,
) -> Iterator[list[T]]:
    """Batches of ``size`` counted items (the last one shorter), each with the uncounted
    items that came before its last one; none begun once ``stop`` is set."""
    iterator = iter(items)
    batch: list[T] = []
    counted = 0
    while not stop.is_set():
        item = next(iterator, _END)
        if item is _END:
            break
        batch.append(item)  # type: ignore[arg-type]  # not the end marker
        counted += counts(item)  # type: ignore[arg-type]
        if counted >= size:
            yield batch
            batch, counted = [], 0
    if batch:
        yield batch


def timed_batches(
    items: Iterable[T], size: int, flush_after: float, stop: threading.Event
) -> Iterator[list[T]]:
    """Batches of up to ``size`` items of a stream read in a background thread.

    A batch closes when full, when its first item has waited ``flush_after`` seconds, or
    when the items end. Once ``stop`` is set, the items already read are yielded (in
    batches of ``size``) and reading stops.
    """
    queue: Queue[object] = Queue(maxsize=2 * size)  # reading waits while storing lags

    def read() -> None:
        try:
            for item in items:
                queue.put(item)
                if stop.is_set():
                    break
        except BaseException as error:  # handed over: the consumer raises it
            queue.put(_Failed(error))
        finally:
            queue.put(_END)

    threading.Thread(target=read, name="storyweave-stream", daemon=True).start()
    batch: list[T] = []
    deadline = 0.0
    while not stop.is_set():
        wait = (
            POLL_SECONDS if not batch else max(0.0, min(POLL_SECONDS, deadline - time.monotonic()))
        )
        try:
            item = queue.get(timeout=wait)
        except Empty:
            if batch and time.monotonic() >= deadline:
                yield batch
                batch = []
            continue
        if item is _END:
            break
        if isinstance(item, _Failed):
            raise item.error
        if not batch:
            deadline = time.monotonic() + flush_after
        batch.append(item)  # type: ignore[arg-type]  # the queue holds items besides markers
        if len(batch) >= size:
            yield batch
            batch = []
    else:  # stopped: keep what was read already, without waiting for more
        while True:
            try:
                item = queue.get_nowait()
            except Empty:
                break
            if item is _END or isinstance(item, _Failed):
                break
            batch.append(item)  # type: ignore[arg-type]
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While inside, a first SIGINT or SIGTERM sets ``stop`` instead of interrupting.

    A second SIGINT interrupts (KeyboardInterrupt) as usual. Outside the main thread, where
    signal handlers cannot be set, this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def request_stop(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    for sig in previous:
        signal.signal(sig, request_stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
