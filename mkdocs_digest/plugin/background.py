"""Work done in a second process while MkDocs renders the pages.

The site files (the paper search's index, papers.json, feeds, citations) are made
from the model and the pages' URLs alone, both known once the nav is made; MkDocs
then spends most of a build rendering pages, one core busy. A build that keeps
nothing (`mkdocs build`) makes and writes the site files in a forked process
meanwhile, and waits for it where it would have made them (docs/SPEED.md measures
it). Under `mkdocs serve` they are made in process: they are brought up to date from
the last build's, which a forked process could not keep.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a forked process is safe here and gains anything: a POSIX fork, no
    other thread (a thread holding a lock at the fork leaves the lock held in the
    child for good), and a second CPU to run it on (on one, the two processes would
    take turns: the same time, and the second process's memory on top). macOS is
    left out: its system libraries do not survive a fork."""
    if sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return False
    return threading.active_count() == 1 and _cpus() > 1


def _cpus() -> int:
    """The CPUs this process may run on (a container's or `taskset`'s share)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class InBackground(Generic[T]):
    """A job running in a forked process; `result()` waits for what it returned."""

    def __init__(self, job: Callable[[], T], name: str) -> None:
        context = multiprocessing.get_context("fork")
        self.name = name
        self._answer, sent = context.Pipe(duplex=False)
        # Daemonic: a build that fails while the job runs ends it as it exits.
        self._process = context.Process(target=_run, args=(job, sent), daemon=True, name=name)
        self._process.start()
        sent.close()  # the child's end: a child that dies unanswered reads as EOF here

    def result(self) -> T | None:
        """What the job returned; None if it failed, then the caller does it itself
        (and meets the failure where a traceback shows it)."""
        try:
            failed, value = self._answer.recv()
        except (EOFError, OSError):
            failed, value = True, "the process ended without an answer"
        finally:
            self._answer.close()
            self._process.join()
        if failed:
            log.debug(f"{self.name} in a second process failed: {value}")
            return None
        return value  # type: ignore[no-any-return]


def _run(job: Callable[[], object], answer: Connection) -> None:
    try:
        result: tuple[bool, object] = (False, job())
    except BaseException:  # told to the parent, which does the job itself
        result = (True, traceback.format_exc())
    answer.send(result)
    answer.close()


def start(job: Callable[[], T], name: str) -> InBackground[T] | None:
    """The job started in a second process, or None where none can be forked."""
    return InBackground(job, name) if can_fork() else None
