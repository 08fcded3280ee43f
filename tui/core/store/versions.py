"""Earlier versions of articles: what an outlet's page said before it was changed.

When an import brings a changed copy of an article the story holds (the same file or page, the
same canonical URL, or near-identical text from the same outlet), the new text takes the
article's place and the text it replaces is kept here, in `versions/<article id>.json` (one
small file per changed article, which follows it when it moves to another story), so the article
shows its latest version while every earlier one can still be compared with it (`crosswire
versions`). Written before the story's bodies: a crosswire killed between the two writes keeps
an earlier version twice at worst, never loses one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import Article
from tui.core.store.library import Library
from tui.core.store.storage import AtomicJSONStorage, next_document_id

__all__ = ["ArticleVersion", "keep_versions", "versions_of"]

_TABLE = "versions"


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """One earlier text of an article, as it was imported."""

    article_id: str
    imported_at: str
    title: str
    source: str
    date: str | None
    text: str
    """The cleaned text (kept lines), what a reader compares."""
    raw: str


def _store(library: Library, article_id: str) -> AtomicJSONStorage:
    folder = library.home / "versions"
    folder.mkdir(exist_ok=True)
    return AtomicJSONStorage(folder / f"{article_id}.json")


def keep_versions(library: Library, replaced: Sequence[Article]) -> None:
    """Keep the texts of articles about to be replaced by changed copies."""
    for article in replaced:
        with _store(library, article.id).transaction() as tables:
            table = tables.setdefault(_TABLE, {})
            table[next_document_id(table)] = {
                "article": article.id,
                "imported_at": article.imported_at,
                "title": article.title,
                "source": article.source,
                "date": article.date,
                "text": article.text,
                "raw": article.raw,
            }


def versions_of(library: Library, article_id: str) -> list[ArticleVersion]:
    """The article's earlier versions, oldest first (its current text is not among them)."""
    path = library.home / "versions" / f"{article_id}.json"
    tables = AtomicJSONStorage(path).read() if path.exists() else None
    tables = tables or {}
    found = [
        ArticleVersion(
            doc["article"],
            doc["imported_at"],
            doc["title"],
            doc["source"],
            doc["date"],
            doc["text"],
            doc["raw"],
        )  # fmt: skip
        for _, doc in sorted(tables.get(_TABLE, {}).items(), key=lambda item: int(item[0]))
        if doc.get("article") == article_id
    ]
    return found
