"""The main screen's keys for moving between its panes and around them: tab/shift+tab and h/l
move the focus among Sources, Article and Diff, `]`/`[` step to the next unique sentence (in the
Diff, the next missing one), `?` shows the focused pane's help, and the toggle and view keys post
their requests.

`PaneActions` is a base class of the main screen, kept apart so the main screen's module stays
about opening a story and keeping the panes on one cursor. The toggle and view keys post the same
requests as the palette: `ToggleSetting` is handled here, for every route; `OpenView` by the main
screen, which builds the view from what it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen
from textual.widget import Widget

from tui.core.models import SentenceRef
from tui.messages import OpenView, ToggleSetting, ViewName
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.source_list import SourceList

if TYPE_CHECKING:
    from tui.core.models import StoryAlignment


class PaneActions(Screen[None]):
    """The main screen's pane keys (see the module docstring)."""

    if TYPE_CHECKING:
        # Provided by MainScreen (reactive vars).
        cursor: SentenceRef | None
        alignment: StoryAlignment | None
        show_removed: bool
        only_additions: bool

    @on(ToggleSetting)
    def _toggle(self, event: ToggleSetting) -> None:
        event.stop()
        if event.setting == "show_removed":
            self.show_removed = not self.show_removed
        else:
            self.only_additions = not self.only_additions

    def _panes(self) -> list[PaneList]:
        return [
            self.query_one(f"#{name}", PaneList) for name in ("outlets", "sentences", "diff-rows")
        ]

    def focused_pane(self) -> Widget | None:
        """The pane (Sources, Article or Diff) holding the focus, if any."""
        node = self.focused
        while node is not None and not isinstance(node, SourceList | ArticleView | DiffView):
            node = node.parent if isinstance(node.parent, Widget) else None
        return node

    def action_focus_pane(self, step: int) -> None:
        """tab/shift+tab: the next or previous pane, round from Diff to Sources and back, as
        focus cycling goes everywhere."""
        panes, position = self._pane_position()
        self.set_focus(panes[(position + step) % len(panes)])

    def action_pane_beside(self, step: int) -> None:
        """h/l: the pane to the left or right, staying put at the edge: `h` in Sources going
        to the Diff, the pane furthest right, would not be left."""
        panes, position = self._pane_position()
        self.set_focus(panes[min(max(position + step, 0), len(panes) - 1)])

    def _pane_position(self) -> tuple[list[PaneList], int]:
        """The shown panes' lists and where the focus is among them. With no pane focused (focus
        lost or elsewhere), count from Sources, the pane that has the focus at start-up, so `l`
        always lands on Article."""
        panes = [pane for pane in self._panes() if pane.display]
        pane = self.focused_pane()
        current = pane.query_one(PaneList) if pane is not None else None
        return panes, panes.index(current) if current in panes else 0

    def action_toggle_removed(self) -> None:
        self.post_message(ToggleSetting("show_removed"))

    def action_toggle_additions(self) -> None:
        self.post_message(ToggleSetting("only_additions"))

    def action_open_view(self, view: ViewName) -> None:
        self.post_message(OpenView(view))

    def action_jump_notable(self, direction: int) -> None:
        """Next/previous unique sentence of this outlet; in Diff, next/previous missing one."""
        if isinstance(self.focused_pane(), DiffView):
            if not self.query_one(DiffView).step_missing(direction):
                self.notify("Nothing is missing here.")
            return
        cursor, alignment = self.cursor, self.alignment
        if cursor is None or alignment is None:
            return
        infos = alignment.sentences.get(cursor.article_id, ())
        order = (
            range(cursor.index + 1, len(infos))
            if direction > 0
            else range(cursor.index - 1, -1, -1)
        )
        for index in order:
            if infos[index].status == "unique":
                self.cursor = SentenceRef(cursor.article_id, index)
                return
        self.notify(f"No {'later' if direction > 0 else 'earlier'} unique sentence in this outlet.")

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        pane = self.focused_pane()
        self.app.push_screen(HelpScreen(pane_help=getattr(pane, "HELP", "")))
