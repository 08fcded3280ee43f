"""A spinner on stderr for a command still working after a second, on a terminal only.

Reading and aligning a big story (`compare`, `export`) can take seconds to minutes; a command
that shows nothing meanwhile looks hung. The line appears once the work has run SPINNER_AFTER
seconds (a quick command never flashes one), goes when it ends (what the command prints stays
alone), and never appears when stderr is not a terminal, so scripts and pipes see nothing of it.
(`crosswire import` has bars of its own: `tui.cli.progress`.)
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any

from tui.cli.common import printable

if TYPE_CHECKING:
    from rich.console import Console

SPINNER_AFTER = 1.0
"""Seconds of work before the line appears."""


class DelayedSpinner:
    """`with DelayedSpinner("aligning 5 articles"):` a spinner, the label and the time taken."""

    def __init__(
        self, label: str, *, console: Console | None = None, after: float = SPINNER_AFTER
    ) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = console or Console(stderr=True)
        self._progress: Any = None
        self._timer: threading.Timer | None = None
        if not console.is_terminal:
            return
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn(printable(label), markup=False),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._progress.add_task("", total=None)
        self._timer = threading.Timer(after, self._progress.start)
        self._timer.daemon = True

    def __enter__(self) -> DelayedSpinner:
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer.join()
        if self._progress is not None:
            self._progress.stop()
