"""Feeds into articles to import: a feed named on an import, and refreshes of followed feeds.

An entry that carries its article becomes a `PageSource` at once; one that carries only a
summary has its page fetched (and extracted like any page). A refresh asks each feed with a
conditional GET (nothing comes back when nothing changed), honours robots.txt for the feed and
for every page it fetches, and takes only items it has not taken before; what it took is written
back to the feed list only after the import (`record_refresh`), so an item whose page failed is
tried again next time.
"""

from __future__ import annotations

import html as html_text
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.fetch.http import Fetched, Fetcher, FetchFailure, Validators
from tui.core.fetch.robots import RobotsRules
from tui.core.ingest.feed import Feed, FeedError, FeedItem, parse_feed
from tui.core.ingest.page_source import PageSource
from tui.core.store.feeds import FeedList, FollowedFeed
from tui.core.text.safe_text import safe_name
from tui.core.text.wording import plural

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
)
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Media types read as a web page (plain text as scraped text)."""


@dataclass(slots=True)
class FeedPages:
    """Articles a feed gave, one line per item that gave none, and the keys of items taken."""

    pages: list[PageSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)


def page_source(
    fetched: Fetched, *, title: str | None = None, date: str | None = None
) -> PageSource:
    """A fetched page as an article source: its HTML, or its text for a text/plain answer."""
    url = safe_name(fetched.final_url)
    if fetched.content_type == "text/plain":
        text = fetched.body.decode("utf-8", errors="replace")
        return PageSource(source=url, text=text, url=url, title=title, date=date)
    return PageSource(source=url, html=fetched.body, url=url, title=title, date=date)


def _item_page(item: FeedItem, feed_url: str) -> PageSource:
    """An entry carrying its article, as a page of its own (title in <title>, body in
    <article>), so it is extracted and cleaned like any page."""
    title = html_text.escape(item.title or "")
    document = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{item.html}</article></body></html>"
    )
    source = item.link or f"{feed_url}#{item.key}"
    return PageSource(source=source, html=document, url=item.link, title=item.title,
                      date=item.date)  # fmt: skip


def feed_pages(
    feed: Feed,
    feed_url: str,
    fetcher: Fetcher,
    *,
    items: Sequence[FeedItem] | None = None,
    robots: RobotsRules | None = None,
) -> FeedPages:
    """The articles of the feed's entries (`items`, default all): carried ones at once, the rest
    fetched from their links (asking `robots` first, when given)."""
    result = FeedPages()
    to_fetch: list[FeedItem] = []
    for item in feed.items if items is None else items:
        if item.html:
            result.pages.append(_item_page(item, feed_url))
            result.taken.append(item.key)
        elif item.link:
            refusal = robots.refusal(item.link) if robots is not None else None
            if refusal:
                result.problems.append(f"{item.link}: {refusal}")
            else:
                to_fetch.append(item)
        else:
            result.problems.append(f"{safe_name(feed_url)}: item {item.key[:60]!r} has no link")
    links = [item.link or "" for item in to_fetch]
    for item, outcome in zip(to_fetch, fetcher.fetch_all(links, accept=PAGE_TYPES), strict=True):
        if isinstance(outcome, FetchFailure):
            result.problems.append(str(outcome))
        else:
            result.pages.append(page_source(outcome, date=item.date))
            result.taken.append(item.key)
    return result


def read_feed(body: bytes, url: str) -> Feed | str:
    """The feed in `body`, or the reason it is none as one line naming `url`."""
    try:
        return parse_feed(body)
    except FeedError as exc:
        return f"{safe_name(url)}: {exc}"


@dataclass(frozen=True, slots=True)
class FeedUpdate:
    """How one followed feed's refresh went, to record once the import is done."""

    feed: FollowedFeed
    result: str
    title: str | None = None
    validators: Validators | None = None
    taken: tuple[str, ...] = ()


@dataclass(slots=True)
class Refreshed:
    """What refreshing followed feeds gave: articles to import, problems, and per-feed updates."""

    pages: list[PageSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    updates: list[FeedUpdate] = field(default_factory=list)


def refresh_feeds(feeds: Sequence[FollowedFeed], fetcher: Fetcher) -> Refreshed:
    """Fetch each feed (conditional GET, robots.txt honoured) and the new items' articles."""
    robots = RobotsRules(fetcher)
    refreshed = Refreshed()
    for followed in feeds:
        refusal = robots.refusal(followed.url)
        if refusal:
            refreshed.problems.append(f"{followed.url}: {refusal}")
            refreshed.updates.append(FeedUpdate(followed, refusal))
            continue
        asked = Validators(followed.etag, followed.last_modified)
        outcome = fetcher.fetch(followed.url, accept=FEED_TYPES, validators=asked)
        if isinstance(outcome, FetchFailure):
            refreshed.problems.append(str(outcome))
            refreshed.updates.append(FeedUpdate(followed, outcome.reason))
            continue
        if outcome.not_modified:
            refreshed.updates.append(FeedUpdate(followed, "not modified"))
            continue
        feed = read_feed(outcome.body, followed.url)
        if isinstance(feed, str):
            refreshed.problems.append(feed)
            refreshed.updates.append(FeedUpdate(followed, feed.split(": ", 1)[-1]))
            continue
        seen = set(followed.seen)
        new = [item for item in feed.items if item.key not in seen]
        got = feed_pages(feed, followed.url, fetcher, items=new, robots=robots)
        refreshed.pages.extend(got.pages)
        refreshed.problems.extend(got.problems)
        result = plural(len(got.pages), "new item")
        if got.problems:
            result += f", {len(got.problems)} failed"
        # With failed items the validators are not kept: the next refresh must get the feed
        # again (not a 304) to try them.
        validators = None if got.problems else outcome.validators
        refreshed.updates.append(
            FeedUpdate(followed, result, feed.title, validators, tuple(got.taken))
        )
    return refreshed


def record_refresh(feed_list: FeedList, refreshed: Refreshed) -> None:
    """Write each feed's refresh into the feed list (after its articles were imported)."""
    for update in refreshed.updates:
        feed_list.record_refresh(
            update.feed.id,
            result=update.result,
            title=update.title,
            etag=update.validators.etag if update.validators else None,
            last_modified=update.validators.last_modified if update.validators else None,
            validators=update.validators is not None,
            taken=update.taken,
        )
