"""Every kind of input an article can come from, read into one shape before cleaning.

A `.txt` file is scraped text as it is; a saved page (`.html`, `.htm`, gzipped too) goes through
the extractor (`core.ingest.html_page`); a `PageSource` is an article with no file of its own: a
fetched URL, a JSON Lines record, a feed item, carrying its HTML or its text and whatever it
says about itself (URL, outlet, title, date). `read_source` turns any of them into `SourceText`,
the raw text the importer stores and cleans, plus the metadata that names the article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from tui.core.ingest.html_page import (
    MAX_PAGE_BYTES,
    PageError,
    extract_page,
    is_html_name,
    read_html_file,
)
from tui.core.text.safe_text import safe_name
from tui.core.text.textio import UnreadableFile, normalise_newlines, read_text_file_noted


class UnreadableSource(UnreadableFile):
    """An input with no file (a URL, 'FILE:LINE') that gives no article: named as given, since
    a URL read as a path would lose a slash."""

    def __init__(self, label: str, reason: str) -> None:
        super().__init__(label, reason)
        self.label = label

    def __str__(self) -> str:
        return f"{self.label}: {self.reason}"


@dataclass(frozen=True, slots=True)
class PageSource:
    """An article with no file of its own: a fetched page, a JSON Lines record, a feed item."""

    source: str
    """Where it came from, as stored and shown: the URL, or 'FILE:LINE' for a JSON Lines record."""
    html: bytes | str | None = None
    """The page, when it is a page: the article is extracted from it."""
    text: str | None = None
    """The article's text, when given as text (used when there is no `html`)."""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD), or date and time (`core.text.published`)."""
    label: str | None = None
    """How messages name it, when not by `source` ('FILE:LINE' of a JSON Lines record)."""

    @property
    def name(self) -> str:
        """A file-like name: the URL's last path part ('quake.html'), else the source."""
        where = self.url or self.source
        if "//" in where:
            last = PurePosixPath(urlsplit(where).path).name
            return last or (urlsplit(where).hostname or where)
        return PurePosixPath(where).name or where


@dataclass(frozen=True, slots=True)
class SourceText:
    """One input read: the raw text to store and clean, and what names the article."""

    raw: str
    extracted: bool
    """True when `raw` is an extractor's article text (cleaning then skips its list rules)."""
    source: str
    """What the article records as its source: a resolved file path or the URL / record."""
    label: str
    """How messages name the input: the path as given, or the URL / 'FILE:LINE'."""
    name: str
    """A file name, for outlet detection and for recognising the same page imported again."""
    url: str | None = None
    outlet: str | None = None
    """The outlet the input names for itself (a JSON Lines record's 'outlet')."""
    site_name: str | None = None
    """The site name the page's metadata gives: the outlet when nothing more definite does."""
    title: str | None = None
    date: str | None = None
    author: str | None = None
    note: str | None = None
    """A caveat on how it was read, naming it (`core.text.textio.read_text_file_noted`)."""


def is_article_file(path: Path) -> bool:
    """A file the importer reads as one article: scraped text or a saved page."""
    return path.suffix.lower() == ".txt" or is_html_name(path.name)


def read_source(item: Path | PageSource) -> SourceText:
    """Read a file or a `PageSource`; UnreadableFile (one line naming it) when it gives no text."""
    if isinstance(item, PageSource):
        return _read_page_source(item)
    if is_html_name(item.name):
        try:
            page = extract_page(read_html_file(item))
        except PageError as exc:
            raise UnreadableFile(item, str(exc)) from None
        return SourceText(
            raw=page.raw_text(),
            extracted=True,
            source=str(item.resolve()),
            label=str(item),
            name=item.name.removesuffix(".gz").removesuffix(".GZ"),
            url=page.url,
            site_name=page.site_name,
            title=page.title,
            date=page.date,
            author=page.author,
        )
    raw, note = read_text_file_noted(item)
    return SourceText(
        raw=raw, extracted=False, source=str(item.resolve()), label=str(item),
        name=item.name, note=note,
    )  # fmt: skip


def _read_page_source(item: PageSource) -> SourceText:
    label = safe_name(item.label or item.source) or "input"
    source = safe_name(item.source) or label
    given_url = safe_name(item.url) or None
    if item.html is not None and len(item.html) > MAX_PAGE_BYTES:
        raise UnreadableSource(label, f"page larger than {MAX_PAGE_BYTES:,} bytes")
    if item.html is not None and item.html.strip():
        try:
            page = extract_page(item.html, url=given_url)
        except PageError as exc:
            raise UnreadableSource(label, str(exc)) from None
        return SourceText(
            raw=page.raw_text(),
            extracted=True,
            source=source,
            label=label,
            name=item.name,
            url=given_url or page.url,
            outlet=item.outlet,
            site_name=page.site_name,
            title=safe_name(item.title) or page.title,
            date=item.date or page.date,
            author=page.author,
        )
    text = normalise_newlines(item.text or "")
    if not text.strip():
        raise UnreadableSource(label, "no text and no html")
    return SourceText(
        raw=text, extracted=False, source=source, label=label, name=item.name, url=given_url,
        outlet=item.outlet, title=safe_name(item.title) or None, date=item.date,
    )  # fmt: skip
