"""Profiles: the outlets of the open story and every other profile of the library, with their
lean, country, type, language, owner and domains; `enter` edits the highlighted outlet's profile.

The same profiles `crosswire outlets` edits. An outlet of the story without a profile is listed
as unrated, so what is left to fill in is in plain view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.core.profiles.book import ProfileBook
from tui.core.profiles.types import LEAN_LABELS, OutletProfile, name_key
from tui.core.text.wording import plural
from tui.keys.registry import PROFILES_BINDINGS
from tui.widgets.cursor_moves import move_data_table
from tui.widgets.diff_text import data_text

COLUMNS = ("outlet", "lean", "country", "type", "language", "owner", "domains")


class ProfilesScreen(Screen[bool]):
    """Outlet profiles, the story's outlets first; dismisses with True when any was changed."""

    HELP = (
        "Your outlet profiles: the story's outlets first, then the library's other profiles. "
        "`enter` edits the highlighted one; `m` makes it another name of a profile you name "
        "(one outlet imported under two names). crosswire ships no ratings: every value is yours."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(PROFILES_BINDINGS)
    DEFAULT_CSS = """
    ProfilesScreen #profiles-status { height: 1; padding: 0 1; background: $panel; }
    ProfilesScreen #profiles-table { height: 1fr; }
    """

    def __init__(self, book: ProfileBook, outlets: Sequence[tuple[str, str | None]]) -> None:
        """`outlets`: (outlet name, URL) of each article of the open story."""
        super().__init__()
        self._book = book
        self._outlets = list(outlets)
        self.rows: list[tuple[str, OutletProfile | None]] = []
        """(outlet as listed, its profile) in table order."""
        self._changed = False

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#profiles-table", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(id="profiles-status")
        yield DataTable(id="profiles-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.table.add_column(Text(column, end=""), key=column)
        self._fill()
        self.table.focus()

    def _fill(self) -> None:
        index = self._book.index()
        rows: dict[str, tuple[str, OutletProfile | None]] = {}
        for outlet, url in self._outlets:
            profile = index.for_article(outlet, url)
            shown = profile.name if profile else outlet
            rows.setdefault(name_key(shown), (shown, profile))
        in_story = len(rows)
        for profile in index.profiles:
            rows.setdefault(name_key(profile.name), (profile.name, profile))
        self.rows = list(rows.values())
        table = self.table
        keep = table.cursor_row
        table.clear()
        for n, (outlet, profile) in enumerate(self.rows):
            table.add_row(*self._cells(outlet, profile, in_story=n < in_story), key=str(n))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        rated = sum(1 for _, p in self.rows[:in_story] if p is not None and p.lean)
        status = Text(plural(in_story, "outlet") + " in this story", style="bold", end="")
        status.append(f", {rated} rated · {plural(len(index.profiles), 'profile')} in the library")
        self.query_one("#profiles-status", Static).update(status)

    @staticmethod
    def _cells(outlet: str, profile: OutletProfile | None, *, in_story: bool) -> list[Text]:
        name = data_text(outlet, style="bold" if in_story else "")
        if profile is None:
            return [name, data_text("unrated", style="dim"), *(Text("-", end="") for _ in range(5))]
        lean = LEAN_LABELS[profile.lean] if profile.lean else "unrated"
        return [
            name,
            data_text(lean, style="" if profile.lean else "dim"),
            data_text(profile.country or "-"),
            data_text(profile.type or "-"),
            data_text(profile.language or "-"),
            data_text(profile.owner or "-"),
            data_text(", ".join(profile.domains) or "-"),
        ]

    def action_cursor(self, move: str) -> None:
        move_data_table(self.table, move)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        from tui.screens.profile_editor import ProfileEditor

        row = self.table.cursor_row
        if not 0 <= row < len(self.rows):
            return
        outlet, profile = self.rows[row]

        def saved(result: OutletProfile | None) -> None:
            if result is not None:
                self._changed = True
                self._fill()

        self.app.push_screen(ProfileEditor(self._book, outlet, profile), saved)

    def action_merge(self) -> None:
        from tui.screens.merge_prompt import MergePrompt

        row = self.table.cursor_row
        if not 0 <= row < len(self.rows):
            return
        outlet, _ = self.rows[row]

        def merged(result: OutletProfile | None) -> None:
            if result is not None:
                self._changed = True
                self.notify(f"{outlet} is now a name of {result.name}", markup=False)
                self._fill()

        names = [name for name, _ in self.rows]
        self.app.push_screen(MergePrompt(self._book, outlet, names), merged)

    def action_back(self) -> None:
        self.dismiss(self._changed)
