"""URLs named on an import into articles waiting to be imported (`PageSource`s).

Each URL is fetched within the limits (`core.fetch.http`); a page becomes a `PageSource` carrying
its HTML and the URL it ended at, to be extracted and imported like a saved page; a plain-text
answer is taken as scraped text. A URL that fails costs one line and never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tui.core.fetch.http import Fetched, Fetcher, FetchFailure, Outcome
from tui.core.ingest.page_source import PageSource
from tui.core.text.safe_text import safe_name

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
"""Media types read as a web page (plain text as scraped text)."""


@dataclass(slots=True)
class Collected:
    """What fetching the URLs gave: articles to import, and one line per URL that failed."""

    pages: list[PageSource] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def is_url(target: str) -> bool:
    """True for an argument the user meant as a URL ('scheme://...'), not a file path."""
    head, sep, _ = target.partition("://")
    return bool(sep) and head.isascii() and head.isalpha()


def page_source(fetched: Fetched) -> PageSource:
    """A fetched page as an article source: its HTML, or its text for a text/plain answer."""
    url = safe_name(fetched.final_url)
    if fetched.content_type == "text/plain":
        text = fetched.body.decode("utf-8", errors="replace")
        return PageSource(source=url, text=text, url=url)
    return PageSource(source=url, html=fetched.body, url=url)


def collect_pages(
    urls: Sequence[str], fetcher: Fetcher, *, done: Callable[[Outcome], None] | None = None
) -> Collected:
    """Fetch each page URL; pages in the order given, failures as one line each."""
    collected = Collected()
    for outcome in fetcher.fetch_all(urls, accept=PAGE_TYPES, done=done):
        if isinstance(outcome, FetchFailure):
            collected.problems.append(str(outcome))
        else:
            collected.pages.append(page_source(outcome))
    return collected
