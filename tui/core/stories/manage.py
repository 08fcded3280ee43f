"""Changing stories: rename, move articles, merge, split, delete, with tags and notes following.

Every operation holds the library's write lock for its whole length and commits with one write
of the library index (`core.store.library`), so a crosswire killed half-way leaves the stories as
they were or as asked, never an article in two stories or in none. Tags and notes on moved
articles, and on a merged story, are then given their new story (`core.notes.annotations`), in
one write of the annotations file; an operation that was cut off between the two writes is
finished by the next one (`follow_articles` runs first each time). The alignment cache needs
nothing: its entries are keyed by the articles a story holds, so a changed story simply misses.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.models import Story
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library, LibraryError

__all__ = [
    "delete_articles",
    "delete_story",
    "follow_articles",
    "merge_stories",
    "move_articles",
    "rename_story",
    "split_story",
]


def follow_articles(library: Library, *, merged: dict[str, str] | None = None) -> int:
    """Give every tag and note the story its article is in now (and a merged story's own
    annotations the story it went into); returns how many moved."""
    story_of = {
        entry.id: story.id
        for story in library.stories()
        for entry in library.article_entries(story.id)
    }
    into = merged or {}

    def move(target: Target) -> Target:
        if target.article_id is None:
            new_story = into.get(target.story_id, target.story_id)
            return target if new_story == target.story_id else Target.story(new_story)
        now = story_of.get(target.article_id)
        if now is None or now == target.story_id:
            return target
        if target.sentence_index is None:
            return Target.article(now, target.article_id)
        return Target.sentence(now, target.article_id, target.sentence_index)

    return Annotations(library.home).retarget(move)


def rename_story(library: Library, story_id: str, title: str) -> Story:
    """Give a story a new title."""
    return library.rename_story(story_id, title)


def move_articles(
    library: Library, article_ids: Sequence[str], from_story: str, to_story: str
) -> Story:
    """Move articles to another story; returns that story."""
    with library.exclusive():
        follow_articles(library)
        library.move_articles(article_ids, from_story, to_story)
        follow_articles(library)
        return library.get_story(to_story)


def split_story(library: Library, story_id: str, article_ids: Sequence[str], title: str) -> Story:
    """Move articles out of a story into a new one titled `title`; returns the new story."""
    with library.exclusive():
        story = library.get_story(story_id)
        if set(article_ids) >= set(story.article_ids):
            raise LibraryError("a split leaves at least one article in the story")
        new = library.create_story(title)
        return move_articles(library, article_ids, story_id, new.id)


def merge_stories(library: Library, into: str, others: Sequence[str]) -> Story:
    """Move every article of `others` into `into` and delete the emptied stories."""
    with library.exclusive():
        follow_articles(library)
        for other in others:
            if other == into:
                raise LibraryError("a story cannot be merged into itself")
            library.move_articles(library.get_story(other).article_ids, other, into)
            library.delete_story(other)
        follow_articles(library, merged={other: into for other in others})
        return library.get_story(into)


def delete_articles(library: Library, story_id: str, article_ids: Sequence[str]) -> None:
    """Delete articles. Their tags and notes stay, with the words they were made on, and show
    as about an article that is gone (exports say so)."""
    with library.exclusive():
        library.delete_articles(story_id, article_ids)


def delete_story(library: Library, story_id: str) -> None:
    """Delete a story and its articles; tags and notes stay, as for `delete_articles`."""
    with library.exclusive():
        library.delete_story(story_id)
