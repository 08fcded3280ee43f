"""The app's Feeds view: F lists the followed feeds with their last refresh; r refreshes the
highlighted feed and R every feed, importing the new items, against a real local server."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from tests.app_data import running_main, seeded_library
from tests.test_feeds import rss2
from tests.web_server import Route, WebServer
from tui.core.store.feeds import FeedList
from tui.screens.feeds_view import FeedsScreen


async def test_feeds_view_lists_and_refreshes(web: WebServer, tmp_path: Path) -> None:
    library, story = seeded_library(tmp_path / "library")
    feed_url = web.add("/feed.xml", Route(rss2(web.base), content_type="application/rss+xml"))
    feed_list = FeedList(library.home)
    feed_list.add(feed_url, "Island Wire")
    feed_list.add(web.url("/missing.xml"), "Gone Wire")
    before = sum(len(s.article_ids) for s in library.stories())
    async with running_main(library, story.id) as (app, pilot, _main):
        await pilot.press("F")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, FeedsScreen)
        assert [f.title for f in view.feeds] == ["Island Wire", "Gone Wire"]
        row = [cell.plain for cell in view.table.get_row_at(0) if isinstance(cell, Text)]
        assert row[:3] == ["Island Wire", "never", "-"]
        await pilot.press("r")  # the highlighted feed only
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(view.query_one("#feeds-status", Static).render())
        assert "3 articles imported" in status
        assert view.feeds[0].last_result == "3 new items" and view.feeds[1].last_result is None
        await pilot.press("R")  # every feed: nothing new in one, the other fails
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.feeds[0].last_result == "0 new items"
        assert view.feeds[1].last_result == "HTTP 404 Not Found"
        assert "1 problem" in str(view.query_one("#feeds-status", Static).render())
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, FeedsScreen)
    assert sum(len(s.article_ids) for s in library.stories()) == before + 3
