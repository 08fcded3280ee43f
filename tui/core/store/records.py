"""How stories and articles are written in the library's files and read back (`core.store.library`).

A story document in `library.json` carries its articles' index entries (`INDEX_FIELDS`: no text),
so listing stories never opens the bodies; an article's body (raw text, cleaned text, sentences,
removed lines) lives in `articles/<story_id>.json`, with sentences and removed lines stored as
short lists rather than objects to keep those files small.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.models import Article, RemovedLine, Sentence, Story

INDEX_FIELDS = ("id", "story_id", "outlet", "title", "source", "url", "date", "imported_at")
"""The article fields a story document holds in `library.json`."""


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """An article's index entry: everything but its text, read without opening the bodies."""

    id: str
    story_id: str
    outlet: str
    title: str
    source: str
    url: str | None
    date: str | None
    imported_at: str


def story_from(doc: dict[str, Any]) -> Story:
    """A story document -> Story (its article ids in import order)."""
    return Story(
        id=doc["id"],
        title=doc["title"],
        created_at=doc["created_at"],
        article_ids=tuple(entry["id"] for entry in doc["articles"]),
    )


def index_entry(article: Article) -> dict[str, Any]:
    """An article's entry in its story document: everything but its text."""
    return {name: getattr(article, name) for name in INDEX_FIELDS}


def body_doc(article: Article) -> dict[str, Any]:
    """An article's body document, for `articles/<story_id>.json`."""
    return {
        "id": article.id,
        "raw": article.raw,
        "text": article.text,
        "sentences": [[s.index, s.text, s.start, s.end, s.line, s.kind] for s in article.sentences],
        "removed": [[r.line, r.text, r.reason] for r in article.removed],
        **({"author": article.author} if article.author else {}),
    }


def article_from(entry: dict[str, Any], body: dict[str, Any]) -> Article:
    """An index entry and its body document -> Article."""
    return Article(
        **{name: entry[name] for name in INDEX_FIELDS},
        raw=body["raw"],
        text=body["text"],
        sentences=tuple(
            Sentence(index=i, text=t, start=s, end=e, line=ln, kind=k)
            for i, t, s, e, ln, k in body["sentences"]
        ),
        removed=tuple(RemovedLine(line=ln, text=t, reason=r) for ln, t, r in body["removed"]),
        author=body.get("author"),
    )
