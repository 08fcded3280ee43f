"""The main screen's in-pane search: `/` opens a box under the panes, enter searches the pane that
had the focus, `n`/`N` step through its matches, escape closes the box without searching.

The matches live in the pane's own list (`PaneList.search`), so they stay marked while the reader
moves on; `PaneSearch` only routes the box to the right pane and says how many rows matched. The
screen owns the keys and the box (an `Input` with id `search`) and hands both to it.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Input

from tui.widgets import PaneList

SEARCH_BOX_ID = "search"
SEARCHING_CLASS = "-searching"
"""Set on the screen while the box is open: the stylesheet shows the box, escape cancels it."""


def match_position(target: PaneList) -> str:
    """'2/4': the highlighted row's place among the list's matches ('-/4' when on none)."""
    matches = target.match_indexes
    here = matches.index(target.highlighted) + 1 if target.highlighted in matches else "-"
    return f"{here}/{len(matches)}"


class PaneSearch:
    """Search of the pane lists of `screen`, whose compose yields an `Input` with id `search`."""

    def __init__(self, screen: Screen[Any]) -> None:
        self._screen = screen
        self._target: PaneList | None = None
        """The list the box searches: the one focused when the box opened."""

    @property
    def is_open(self) -> bool:
        """Whether the box is open (escape then closes it)."""
        return self._screen.has_class(SEARCHING_CLASS)

    def _default_target(self) -> PaneList:
        """The middle list of the screen (Article's), for a box opened with no list focused."""
        panes = list(self._screen.query(PaneList))
        return panes[len(panes) // 2]

    def start(self) -> None:
        """Open the box on the focused list's search."""
        focused = self._screen.focused
        self._target = focused if isinstance(focused, PaneList) else self._default_target()
        box = self._screen.query_one(f"#{SEARCH_BOX_ID}", Input)
        box.value = self._target.search_query
        self._screen.add_class(SEARCHING_CLASS)
        # Focus now, not after the next refresh as `focus()` does: keys typed in the same burst
        # as '/' are already queued on the pane, which hands them on to the focused box.
        self._screen.set_focus(box, scroll_visible=False)

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) match of the last search."""
        target = self._target
        if target is None or not target.search_query:
            self._screen.notify("No search yet: press / to search this pane.")
            return
        if not target.step_match(direction):
            self._screen.notify("No match here.", markup=False)
            return
        self._screen.notify(
            f"match {match_position(target)} for “{target.search_query}”", markup=False
        )

    def submit(self, value: str) -> None:
        """Search the list for what the box holds, close the box and say how many rows matched."""
        target = self._target or self._default_target()
        query = value.strip()
        count = target.search(query)
        self._close(target)
        if query:
            plural = "es" if count != 1 else ""
            where = f" (match {match_position(target)})" if count else ""
            self._screen.notify(f"{count} match{plural} for “{query}”{where}", markup=False)

    def cancel(self) -> None:
        """Close the box without searching."""
        if self.is_open:
            self._close(self._target or self._default_target())

    def _close(self, target: PaneList) -> None:
        self._screen.remove_class(SEARCHING_CLASS)
        target.focus()
