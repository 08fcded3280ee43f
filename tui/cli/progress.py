"""Progress of a long import on the command line: a Rich bar on stderr, only on a terminal.

Fetching and reading each get a bar with a count and the name of the last URL or file (shown as
plain text: names come from the web and are never read as markup). Piped or redirected, stderr
gets nothing but the problem lines, so scripts read the same output as before.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from tui.cli.common import printable

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from tui.core.fetch.http import Outcome


class ImportProgress:
    """Bars for fetching and reading; does nothing when stderr is not a terminal."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress: Progress | None = None
        self._fetch_task: TaskID | None = None
        self._read_task: TaskID | None = None

    def __enter__(self) -> ImportProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._progress = Progress(
                TextColumn("{task.fields[stage]}", markup=False),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.fields[name]}", markup=False),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def fetching(self, total: int) -> None:
        """Start the fetch bar for `total` URLs."""
        if self._progress is not None and total:
            self._fetch_task = self._progress.add_task("", total=total, stage="fetching", name="")

    def fetched(self, outcome: Outcome) -> None:
        """One URL done (from a fetching thread; Rich's progress is thread-safe)."""
        if self._progress is not None and self._fetch_task is not None:
            name = printable(outcome.url)[-60:]
            self._progress.update(self._fetch_task, advance=1, name=name)

    def read(self, done: int, total: int, name: str) -> None:
        """`done` of `total` inputs read (the importer's progress callback)."""
        if self._progress is None:
            return
        if self._read_task is None:
            self._read_task = self._progress.add_task("", total=total, stage="reading", name="")
        self._progress.update(self._read_task, completed=done, name=printable(name)[-60:])
