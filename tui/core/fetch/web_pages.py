"""What an import names on the web, or as a feed file, into articles waiting to be imported.

Each URL is fetched within the limits (`core.fetch.http`). A page becomes a `PageSource` carrying
its HTML and the URL it ended at, to be extracted and imported like a saved page; a plain-text
answer is taken as scraped text; a feed (by its media type, or its first element) gives its
entries' articles (`core.fetch.feeds`), as does a feed file. A URL or item that fails costs one
line and never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.fetch.feeds import FEED_TYPES, PAGE_TYPES, feed_pages, page_source, read_feed
from tui.core.fetch.http import Fetcher, FetchFailure, FetchInterrupted, Outcome
from tui.core.ingest.feed import FEED_SUFFIXES, looks_like_feed
from tui.core.ingest.html_page import MAX_PAGE_BYTES
from tui.core.ingest.page_source import PageSource

__all__ = ["PAGE_TYPES", "Collected", "collect", "collect_pages", "is_feed_file", "is_url"]


@dataclass(slots=True)
class Collected:
    """What fetching gave: articles to import, and one line per URL or item that failed."""

    pages: list[PageSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    interrupted: bool = False
    """Ctrl-C stopped the fetching: `pages` holds what had arrived."""
    not_reached: int = 0
    """URLs not fetched because of the interruption."""


def is_url(target: str) -> bool:
    """True for an argument the user meant as a URL ('scheme://...'), not a file path."""
    head, sep, _ = target.partition("://")
    return bool(sep) and head.isascii() and head.isalpha()


def is_feed_file(path: Path) -> bool:
    """A file named like a feed (.rss, .atom, .xml, .rdf)."""
    return path.name.lower().endswith(FEED_SUFFIXES)


def collect_pages(
    urls: Sequence[str], fetcher: Fetcher, *, done: Callable[[Outcome], None] | None = None
) -> Collected:
    """Fetch each URL: a page is one article, a feed its entries' articles."""
    return collect(urls, (), fetcher, done=done)


def collect(
    urls: Sequence[str],
    feed_files: Sequence[Path],
    fetcher: Fetcher,
    *,
    done: Callable[[Outcome], None] | None = None,
) -> Collected:
    """The articles behind `urls` (pages or feeds) and `feed_files`, in the order given."""
    collected = Collected()
    try:
        outcomes = fetcher.fetch_all(urls, accept=PAGE_TYPES + FEED_TYPES, done=done)
    except FetchInterrupted as stop:
        outcomes, collected.interrupted = stop.finished, True
        collected.not_reached = len(urls) - len(outcomes)
    try:
        for outcome in outcomes:
            if isinstance(outcome, FetchFailure):
                collected.problems.append(str(outcome))
            elif outcome.content_type in FEED_TYPES or looks_like_feed(outcome.body):
                _add_feed(collected, outcome.body, outcome.final_url, fetcher)
            else:
                collected.pages.append(page_source(outcome))
    except FetchInterrupted:  # while fetching a feed's item pages: keep what arrived
        collected.interrupted = True
    for n, path in enumerate(feed_files):
        if collected.interrupted:
            collected.not_reached += len(feed_files) - n
            break
        try:
            with path.open("rb") as handle:
                body = handle.read(MAX_PAGE_BYTES + 1)
        except OSError as exc:
            collected.problems.append(f"{path}: cannot be read ({exc.strerror})")
            continue
        if len(body) > MAX_PAGE_BYTES:
            collected.problems.append(f"{path}: larger than {MAX_PAGE_BYTES:,} bytes")
            continue
        try:
            _add_feed(collected, body, str(path), fetcher)
        except FetchInterrupted:
            collected.interrupted = True
    return collected


def _add_feed(collected: Collected, body: bytes, where: str, fetcher: Fetcher) -> None:
    feed = read_feed(body, where)
    if isinstance(feed, str):
        collected.problems.append(feed)
        return
    if not feed.items:
        collected.problems.append(f"{where}: the feed has no items")
        return
    got = feed_pages(feed, where, fetcher)
    collected.pages.extend(got.pages)
    collected.problems.extend(got.problems)
