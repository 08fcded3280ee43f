"""RSS (0.9x, 1.0, 2.0) and Atom feeds, and OPML feed lists, read into plain records.

feedparser reads every flavour of feed, including broken ones, and gives each entry's link, id,
title, dates (`published_parsed`, else `updated_parsed`), author and content. An entry carrying
its article (`content:encoded`, Atom `content`) of at least `FULL_TEXT_WORDS` words is taken as
it is; one with only a summary is marked so the caller fetches its page.

XML entity declarations are refused before any parser sees them: a feed needs none, and a
declared entity expanding into others (the 'billion laughs') could fill memory. The same rule
holds for OPML, read with the standard library's parser.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from typing import Any

from tui.core.text.safe_text import safe_name

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
OPML_SUFFIXES = (".opml",)
FULL_TEXT_WORDS = 120
"""An entry whose content has fewer words than this carries a summary, not the article."""

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


class FeedError(ValueError):
    """A document that is not a feed (or OPML list) crosswire can read, with the reason."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed."""

    key: str
    """What identifies it across refreshes: its id (guid), else its link, else its title."""
    link: str | None
    title: str | None
    date: str | None
    """ISO date and time (UTC) when the feed gives one."""
    author: str | None
    html: str | None
    """The article as HTML when the feed carries it whole, else None (fetch `link`)."""
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed read: its own title and link, and its entries in the feed's order."""

    title: str | None
    link: str | None
    items: tuple[FeedItem, ...]


@dataclass(frozen=True, slots=True)
class FeedRef:
    """One feed an OPML list names."""

    url: str
    title: str | None


def looks_like_feed(body: bytes) -> bool:
    """True when the document's first element is an RSS, Atom or RDF root."""
    return bool(_FEED_ROOT.search(body[:4096]))


def refuse_entities(body: bytes) -> None:
    """FeedError when the document declares XML entities (an expansion bomb, or no feed)."""
    if _ENTITY_DECLARATION.search(body):
        raise FeedError("declares XML entities, which no feed needs; refused")


def parse_feed(body: bytes) -> Feed:
    """The feed in `body`; FeedError when it is none (or declares entities)."""
    refuse_entities(body)
    import feedparser  # type: ignore[import-untyped]  # lazily: only feeds need it

    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({safe_name(str(reason))[:120]})" if reason else ""
        raise FeedError(f"not an RSS or Atom feed{detail}")
    feed = parsed.get("feed", {})
    items = tuple(item for item in map(_item, parsed.entries) if item is not None)
    return Feed(
        title=safe_name(feed.get("title")) or None,
        link=_http(feed.get("link")),
        items=items,
    )


def _item(entry: Any) -> FeedItem | None:
    link = _http(entry.get("link"))
    title = safe_name(entry.get("title")) or None
    key = safe_name(entry.get("id")) or link or title
    if not key:
        return None
    contents = [c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict)]
    content = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    full = content if _words(content) >= FULL_TEXT_WORDS else None
    if full is None and not link and _words(summary or content) >= FULL_TEXT_WORDS:
        full = content or summary  # nothing to fetch: what the feed gives is the article
    return FeedItem(
        key=key,
        link=link,
        title=title,
        date=_date(entry),
        author=safe_name(entry.get("author")) or None,
        html=full,
        summary=summary or content or None,
    )


def _words(html: str) -> int:
    return len(_WORD.findall(_TAG.sub(" ", html)))


def _date(entry: Any) -> str | None:
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if isinstance(value, time.struct_time):
            stamp = calendar.timegm(value)
            return time.strftime("%Y-%m-%dT%H:%M+00:00", time.gmtime(stamp))
    return None


def _http(value: object) -> str | None:
    text = safe_name(value) if isinstance(value, str) else ""
    return text if text.lower().startswith(("http://", "https://")) else None


def parse_opml(body: bytes) -> list[FeedRef]:
    """The feeds an OPML document lists (every `outline` with an `xmlUrl`, nested ones too);
    FeedError when it is not OPML."""
    import xml.etree.ElementTree as ElementTree

    refuse_entities(body)
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise FeedError(f"not valid OPML ({exc})") from None
    if root.tag.lower() != "opml":
        raise FeedError(f"not OPML (the document is <{safe_name(root.tag)[:40]}>)")
    refs: list[FeedRef] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = _http(outline.get("xmlUrl") or outline.get("xmlurl"))
        if url and url not in seen:
            seen.add(url)
            title = outline.get("title") or outline.get("text")
            refs.append(FeedRef(url, safe_name(title) or None))
    return refs
