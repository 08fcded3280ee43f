"""A quote cited the way a journalist pastes it: the sentence, who ran it, when and where.

One line for the app's `y` and for every export that names a quote's source, so a citation reads
the same wherever it is pasted from.
"""

from __future__ import annotations

from tui.core.models import Article
from tui.core.text.published import published_label
from tui.core.text.safe_text import display_text


def source_line(article: Article) -> str:
    """'TRT World, 2026-01-16, https://...': the outlet with its publication date and URL when
    known (each made safe to print)."""
    parts = [display_text(article.outlet)]
    if article.date:
        parts.append(display_text(published_label(article.date)))
    if article.url:
        parts.append(display_text(article.url))
    return ", ".join(part for part in parts if part)


def citation_line(sentence: str, article: Article, *, story_title: str) -> str:
    """'“sentence” — TRT World, 2026-01-16, https://... (story: “title”)'."""
    return (
        f"“{display_text(sentence)}” — {source_line(article)} "
        f"(story: “{display_text(story_title)}”)"
    )
