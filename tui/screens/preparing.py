"""Render-ahead on the main screen: while the cursor rests, the panes build and render what the
next `j` or `k` would show, so a first visit to an outlet costs a key no more than a revisit.

`PrepareAhead` is a base class of the main screen, kept apart so the reading screen stays about
the cursor and its panes; it only asks the panes to `prepare`, it never moves the cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.timer import Timer

from tui.core.models import SentenceRef
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.core.models import StoryAlignment

PREPARE_AFTER_S = 0.075
"""How long the cursor rests before the panes prepare its likely next moves: over twice a held
key's repeat interval (repeats arrive unevenly), so a held key does not pay for it."""


class PrepareAhead(Screen[None]):
    """The main screen's render-ahead (see the module docstring)."""

    _prepare_timer: Timer | None = None

    if TYPE_CHECKING:
        # Provided by MainScreen (reactive vars and methods).
        cursor: SentenceRef | None
        alignment: StoryAlignment | None

        def _index_in(self, article_id: str) -> int: ...

    def _prepare_when_rested(self) -> None:
        """The cursor moved: prepare its next moves once it has rested `PREPARE_AFTER_S`."""
        if self._prepare_timer is None:
            self._prepare_timer = self.set_timer(PREPARE_AFTER_S, self._prepare_next_moves)
        else:
            self._prepare_timer.reset()

    def _prepare_next_moves(self) -> None:
        """The cursor rests: have the panes build and render what `j` or `k` would show next
        (the outlets either side in Sources, the sentences either side in Article), one piece
        per turn of the message queue, so a key that comes meanwhile waits for one piece at most.
        A first visit to an outlet then costs a key no more than a revisit."""
        self._prepare_timer = None
        cursor = self.cursor
        if cursor is None or self.alignment is None:
            return
        article, diff = self.query_one(ArticleView), self.query_one(DiffView)
        steps: list[Callable[[], None]] = []
        for article_id in self.query_one(SourceList).neighbours(cursor.article_id):
            ref = SentenceRef(article_id, self._index_in(article_id))
            steps += [partial(article.prepare, ref), partial(diff.prepare, ref)]
        for index in (cursor.index + 1, cursor.index - 1):
            steps.append(partial(diff.prepare, SentenceRef(cursor.article_id, index)))
        self._run_prepare_steps(cursor, steps)

    def _run_prepare_steps(self, cursor: SentenceRef, steps: list[Callable[[], None]]) -> None:
        if steps and self.cursor == cursor and self.is_attached:
            steps.pop(0)()
            self.call_later(self._run_prepare_steps, cursor, steps)
