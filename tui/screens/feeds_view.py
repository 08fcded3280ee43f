"""Feeds: the feeds the library follows, with their last refresh and how it went; `r` refreshes
the highlighted feed, `R` every feed, importing their new articles as `crosswire feeds refresh`
does.

A refresh fetches over the network, so it runs in a thread worker; the list and a status line
say when it is done and what it brought in.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui import __version__
from tui.core.store.feeds import FeedList, FollowedFeed
from tui.core.store.library import Library, LibraryError
from tui.core.text.wording import plural
from tui.keys.registry import FEEDS_BINDINGS
from tui.widgets.cursor_moves import move_data_table
from tui.widgets.diff_text import data_text

COLUMNS = ("feed", "last refresh", "result", "items", "url")


class FeedsScreen(Screen[None]):
    """The followed feeds; refreshing one or all imports their new items."""

    HELP = (
        "The feeds this library follows (crosswire feeds add URL, or feeds import FILE.opml). "
        "r refreshes the highlighted feed, R every feed: new items' articles are imported into "
        "their stories, as crosswire feeds refresh does."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(FEEDS_BINDINGS)
    DEFAULT_CSS = """
    FeedsScreen #feeds-status { height: 1; padding: 0 1; background: $panel; }
    FeedsScreen #feeds-table { height: 1fr; }
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library
        self._feed_list = FeedList(library.home)
        self.feeds: list[FollowedFeed] = []
        self.refreshing = False

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#feeds-table", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(id="feeds-status")
        yield DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        for column in COLUMNS:
            self.table.add_column(Text(column, end=""), key=column)
        self._fill()
        self.table.focus()

    def _fill(self, status: str | None = None) -> None:
        try:
            self.feeds = self._feed_list.feeds()
        except LibraryError as exc:
            self.feeds = []
            status = str(exc)
        table = self.table
        keep = table.cursor_row
        table.clear()
        for feed in self.feeds:
            table.add_row(
                data_text(feed.title or "(untitled)", style="bold"),
                data_text((feed.last_refresh or "never").replace("T", " ")[:16]),
                data_text(feed.last_result or "-"),
                Text(str(len(feed.seen)), end=""),
                data_text(feed.url, style="dim"),
                key=feed.id,
            )
        if self.feeds:
            table.move_cursor(row=min(keep, len(self.feeds) - 1))
        line = Text(plural(len(self.feeds), "feed") + " followed", style="bold", end="")
        if status:
            line.append(" · ")
            line.append(status)
        elif not self.feeds:
            line.append(" · add one with: crosswire feeds add URL", style="dim")
        else:
            line.append(" · r: refresh this feed · R: refresh all", style="dim")
        self.query_one("#feeds-status", Static).update(line)

    def action_cursor(self, move: str) -> None:
        move_data_table(self.table, move)

    def action_refresh_one(self) -> None:
        row = self.table.cursor_row
        if 0 <= row < len(self.feeds):
            self._start([self.feeds[row]])

    def action_refresh_all(self) -> None:
        if self.feeds:
            self._start(list(self.feeds))

    def _start(self, feeds: list[FollowedFeed]) -> None:
        if self.refreshing:
            return
        self.refreshing = True
        self._fill(f"refreshing {plural(len(feeds), 'feed')}...")
        self._refresh(feeds)

    @work(thread=True, exclusive=True, group="feeds")
    def _refresh(self, feeds: list[FollowedFeed]) -> None:
        from tui.core.fetch.feeds import record_refresh, refresh_feeds
        from tui.core.fetch.http import Fetcher, FetchLimits, user_agent
        from tui.core.store.importer import import_paths
        from tui.core.stories.chooser import EvidenceChooser

        try:
            with Fetcher(FetchLimits(user_agent=user_agent(__version__))) as fetcher:
                refreshed = refresh_feeds(feeds, fetcher)
            report = import_paths(
                self._library, [], pages=refreshed.pages, chooser=EvidenceChooser()
            )
            record_refresh(self._feed_list, refreshed)
            status = (
                f"{plural(len(report.imported), 'article')} imported"
                + (f", {len(report.skipped)} already there" if report.skipped else "")
                + (f", {plural(len(refreshed.problems), 'problem')}" if refreshed.problems else "")
            )
        except LibraryError as exc:
            status = str(exc)
        self.app.call_from_thread(self._finished, status)

    def _finished(self, status: str) -> None:
        self.refreshing = False
        self._fill(status)

    def action_back(self) -> None:
        self.dismiss(None)
