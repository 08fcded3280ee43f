"""Reading and cleaning many inputs, on every core when there are many saved pages.

Extracting a saved page (~15-35 ms) and cleaning it (~10-30 ms) is pure computation, so a folder
of a hundred pages is read by a few worker processes at once; text files, and small batches,
stay in this process, where starting workers would cost more than it saves. Workers are spawned
fresh (never forked from a process that may hold threads and locks) and ignore Ctrl-C: the
importer hears it, stops asking for more, and keeps what was read.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from tui.core.ingest.clean import clean_text
from tui.core.ingest.page_source import PageSource, SourceText, UnreadableSource, read_source
from tui.core.models import CleanResult
from tui.core.text.textio import UnreadableFile

Prepared = tuple[SourceText, CleanResult]
"""An input read (`SourceText`) and its text cleaned."""

MIN_PAGES_FOR_WORKERS = 12
"""Fewer pages than this are read here: a worker takes ~0.5 s to start and import its tools."""
MAX_WORKERS = 4


def prepare(item: Path | PageSource) -> Prepared:
    """Read one input and clean its text; UnreadableFile when it gives none."""
    read = read_source(item)
    return read, clean_text(read.raw, extracted=read.extracted)


def _prepare_or_problem(item: Path | PageSource) -> Prepared | UnreadableFile:
    try:
        return prepare(item)
    except UnreadableFile as exc:
        return exc


def _prepare_in_worker(item: Path | PageSource) -> Prepared | tuple[str, str]:
    """`prepare` in a worker: a problem comes back as (what, reason), which pickles."""
    try:
        return prepare(item)
    except UnreadableFile as exc:
        return str(exc).removesuffix(f": {exc.reason}"), exc.reason


def _ignore_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _is_page(item: Path | PageSource) -> bool:
    return (
        isinstance(item, PageSource)
        and item.html is not None
        or (isinstance(item, Path) and item.name.lower().endswith((".html", ".htm", ".gz")))
    )


def prepare_all(
    items: Sequence[Path | PageSource], *, workers: int | None = None
) -> Iterator[Prepared | UnreadableFile]:
    """Each input prepared, in order (a problem as its UnreadableFile). Many pages are read by
    worker processes (`workers`, default: the cores, at most `MAX_WORKERS`)."""
    count = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
    pages = sum(map(_is_page, items))
    if count < 2 or pages < MIN_PAGES_FOR_WORKERS:
        for item in items:
            yield _prepare_or_problem(item)
        return
    pool = ProcessPoolExecutor(count, mp_context=get_context("spawn"), initializer=_ignore_ctrl_c)
    try:
        futures: list[Future[Prepared | tuple[str, str]]] = [
            pool.submit(_prepare_in_worker, item) for item in items
        ]
        for future in futures:
            result = future.result()
            if isinstance(result[0], str):
                yield UnreadableSource(result[0], str(result[1]))
            else:
                yield result
    finally:
        # Interrupted (or done): pending inputs are dropped, running ones end on their own.
        pool.shutdown(wait=False, cancel_futures=True)
