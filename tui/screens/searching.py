"""The main screen's in-pane search: `/` opens a box under the panes, enter searches the pane that
had the focus, `n`/`N` step through its matches, escape closes the box without searching.

The matches live in the pane's own list (`PaneList.search`), so they stay marked while the reader
moves on; this class only routes the box to the right pane and says how many rows matched.
"""

from __future__ import annotations

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from tui.widgets import PaneList

SEARCH_BOX_ID = "search"
SEARCHING_CLASS = "-searching"
"""Set on the screen while the box is open: the stylesheet shows the box, escape cancels it."""


class PaneSearch(Screen[None]):
    """Search actions for a screen whose compose yields an `Input` with id `search`."""

    _search_target: PaneList | None = None

    def search_panes(self) -> list[PaneList]:
        """The lists a search can target, left to right; the middle one is the default."""
        return list(self.query(PaneList))

    def _default_target(self) -> PaneList:
        panes = self.search_panes()
        return panes[len(panes) // 2]

    def action_start_search(self) -> None:
        focused = self.focused
        self._search_target = focused if isinstance(focused, PaneList) else self._default_target()
        search = self.query_one(f"#{SEARCH_BOX_ID}", Input)
        search.value = self._search_target.search_query
        self.add_class(SEARCHING_CLASS)
        search.focus()

    def action_search_step(self, direction: int) -> None:
        target = self._search_target
        if target is None or not target.search_query:
            self.notify("No search yet: press / to search this pane.")
            return
        if not target.step_match(direction):
            self.notify("No match here.", markup=False)

    @on(Input.Submitted, f"#{SEARCH_BOX_ID}")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        target = self._search_target or self._default_target()
        query = event.value.strip()
        count = target.search(query)
        self._end_search(target)
        if query:
            plural = "es" if count != 1 else ""
            self.notify(f"{count} match{plural} for “{query}”", markup=False)

    def action_cancel_search(self) -> None:
        if self.has_class(SEARCHING_CLASS):
            self._end_search(self._search_target or self._default_target())

    def _end_search(self, target: PaneList) -> None:
        self.remove_class(SEARCHING_CLASS)
        target.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape (cancel) acts only while the search box is open; everything else always."""
        if action == "cancel_search":
            return self.has_class(SEARCHING_CLASS)
        return True
