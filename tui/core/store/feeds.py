"""The feeds a user follows, in the library's `feeds.json`.

Each feed keeps what a refresh needs to ask only for what is new: the validators of its last
answer (ETag, Last-Modified) for a conditional GET, and the keys of the items already taken
(the newest `MAX_SEEN_KEYS`), plus when it was last refreshed and how that went, for the list.
A small file of its own, like the annotations: a refresh rewrites it, never the stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.store.library import LibraryError, now_iso
from tui.core.store.storage import AtomicJSONStorage, next_document_id
from tui.core.text.safe_text import safe_name

FEEDS_FILE = "feeds.json"
MAX_SEEN_KEYS = 2_000
"""Item keys kept per feed: far more than a feed ever lists at once."""
_FEEDS = "feeds"


@dataclass(frozen=True, slots=True)
class FollowedFeed:
    """One followed feed and where its refreshes stand."""

    id: str
    url: str
    title: str | None
    added_at: str
    last_refresh: str | None = None
    """When it was last refreshed (ISO UTC), successfully or not."""
    last_result: str | None = None
    """'3 new items', 'not modified', or the failure in one line."""
    etag: str | None = None
    last_modified: str | None = None
    seen: tuple[str, ...] = ()
    """Keys of the items already taken, newest last."""


def _feed_from(doc_id: str, doc: dict[str, Any]) -> FollowedFeed:
    return FollowedFeed(
        id=doc_id,
        url=doc["url"],
        title=doc.get("title"),
        added_at=doc.get("added_at", ""),
        last_refresh=doc.get("last_refresh"),
        last_result=doc.get("last_result"),
        etag=doc.get("etag"),
        last_modified=doc.get("last_modified"),
        seen=tuple(doc.get("seen", ())),
    )


class FeedList:
    """The followed feeds of one library folder; safe to use from several processes."""

    def __init__(self, home: Path) -> None:
        self._storage = AtomicJSONStorage(Path(home) / FEEDS_FILE)

    def feeds(self) -> list[FollowedFeed]:
        """Every followed feed, in the order they were added."""
        table = (self._storage.read() or {}).get(_FEEDS, {})
        return [_feed_from(key, doc) for key, doc in sorted(table.items(), key=_order)]

    def find(self, query: str) -> FollowedFeed:
        """The feed with this id or URL; LibraryError when none."""
        for feed in self.feeds():
            if query in (feed.id, feed.url):
                return feed
        raise LibraryError(f"no followed feed {safe_name(query)!r} (crosswire feeds list)")

    def add(self, url: str, title: str | None = None) -> tuple[FollowedFeed, bool]:
        """Follow `url` (its title when known); (the feed, True) when new, (it, False) when
        it was already followed."""
        url = safe_name(url)
        with self._storage.transaction() as tables:
            table = tables.setdefault(_FEEDS, {})
            for key, doc in table.items():
                if doc.get("url") == url:
                    return _feed_from(key, doc), False
            key = next_document_id(table)
            table[key] = {"url": url, "title": safe_name(title) or None, "added_at": now_iso()}
            return _feed_from(key, table[key]), True

    def remove(self, query: str) -> FollowedFeed:
        """Stop following the feed with this id or URL; LibraryError when none."""
        feed = self.find(query)
        with self._storage.transaction() as tables:
            tables.get(_FEEDS, {}).pop(feed.id, None)
        return feed

    def record_refresh(
        self,
        feed_id: str,
        *,
        result: str,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        taken: tuple[str, ...] = (),
        validators: bool = False,
    ) -> None:
        """Note a refresh: its result line, the feed's title, the validators of the answer
        (when `validators`), and the keys of the items taken (kept newest last, capped)."""
        with self._storage.transaction() as tables:
            doc = tables.get(_FEEDS, {}).get(feed_id)
            if doc is None:  # removed meanwhile by another crosswire
                return
            doc["last_refresh"] = now_iso()
            doc["last_result"] = result
            if title:
                doc["title"] = safe_name(title) or doc.get("title")
            if validators:
                doc["etag"], doc["last_modified"] = etag, last_modified
            if taken:
                seen = [key for key in doc.get("seen", []) if key not in set(taken)]
                doc["seen"] = [*seen, *taken][-MAX_SEEN_KEYS:]


def _order(item: tuple[str, dict[str, Any]]) -> int:
    return int(item[0]) if item[0].isdigit() else 0
