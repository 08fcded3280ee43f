"""Render-ahead on the main screen: while the cursor rests, the panes build and render what the
next `j` or `k` would show, so a first visit to an outlet costs a key no more than a revisit.

`PrepareAhead` only asks the panes to `prepare`; it never moves the cursor. The screen tells it
each time the cursor moves, and how to find a sentence's version in another outlet (`index_in`),
the place a key that changes outlet would land on.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.screen import Screen
from textual.timer import Timer

from tui.core.models import SentenceRef
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.source_list import SourceList

PREPARE_AFTER_S = 0.075
"""How long the cursor rests before the panes prepare its likely next moves: over twice a held
key's repeat interval (repeats arrive unevenly), so a held key does not pay for it."""


class PrepareAhead:
    """The main screen's render-ahead (see the module docstring)."""

    def __init__(self, screen: Screen[Any], *, index_in: Callable[[str], int]) -> None:
        self._screen = screen
        self._index_in = index_in
        """Where the cursor would land in another outlet (the screen's `index_in`)."""
        self._cursor: SentenceRef | None = None
        self._timer: Timer | None = None

    def cursor_moved(self, cursor: SentenceRef | None) -> None:
        """The cursor moved: prepare its next moves once it has rested `PREPARE_AFTER_S`."""
        self._cursor = cursor
        if self._timer is None:
            self._timer = self._screen.set_timer(PREPARE_AFTER_S, self._prepare_next_moves)
        else:
            self._timer.reset()

    def _prepare_next_moves(self) -> None:
        """The cursor rests: have the panes build and render what `j` or `k` would show next
        (the outlets either side in Sources, the sentences either side in Article), one piece
        per turn of the message queue, so a key that comes meanwhile waits for one piece at most.
        """
        self._timer = None
        cursor = self._cursor
        if cursor is None:
            return
        screen = self._screen
        article, diff = screen.query_one(ArticleView), screen.query_one(DiffView)
        steps: list[Callable[[], None]] = []
        for article_id in screen.query_one(SourceList).neighbours(cursor.article_id):
            ref = SentenceRef(article_id, self._index_in(article_id))
            steps += [partial(article.prepare, ref), partial(diff.prepare, ref)]
        for index in (cursor.index + 1, cursor.index - 1):
            steps.append(partial(diff.prepare, SentenceRef(cursor.article_id, index)))
        self._run_steps(cursor, steps)

    def _run_steps(self, cursor: SentenceRef, steps: list[Callable[[], None]]) -> None:
        if steps and self._cursor == cursor and self._screen.is_attached:
            steps.pop(0)()
            self._screen.call_later(self._run_steps, cursor, steps)
