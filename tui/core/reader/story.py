"""The story reader: open a story of the library and align it once, for every face.

The app, `crosswire compare`, the exports and the notes all read a story's alignment through one
`StoryReader`: it keeps each alignment in memory for the session and on disk between sessions
(`core.reader.cache`), so a story is aligned once, whoever asks first. Aligning is the one slow
step of reading a story; reading the store is not.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, NamedTuple

from tui.core.models import Article, Story, StoryAlignment
from tui.core.reader.cache import AlignmentCache, story_key

if TYPE_CHECKING:
    from tui.core.store.library import Library

__all__ = ["OpenedStory", "StoryReader"]


class OpenedStory(NamedTuple):
    """A story as a face shows it: the record, its articles and their alignment."""

    story: Story
    articles: list[Article]
    alignment: StoryAlignment


_SessionKey = tuple[str, tuple[str, ...]]
"""(story id, article ids): a story whose articles changed is a new entry."""


class StoryReader:
    """Stories of one library, each aligned once (thread-safe: the app aligns in a worker)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.cache = AlignmentCache(library.home / "cache" / "alignments")
        """Alignments kept between sessions, under `<library>/cache/alignments/`."""
        self._lock = threading.Lock()
        self._memory: dict[_SessionKey, StoryAlignment] = {}
        self._unfiled: dict[_SessionKey, str] = {}

    def open(self, story_id: str, *, file_now: bool = True) -> OpenedStory:
        """Read a story and its articles, aligned: from memory, from disk, else aligned now.

        A new alignment is written to disk at once when `file_now` (the CLI, exports), else kept
        until `file_new` (the app files it once the story is on screen, off its UI thread).
        """
        story = self.library.get_story(story_id)
        articles = self.library.articles(story.id)
        key, alignment, disk_key = self._aligned_before(story.id, articles)
        if alignment is None:
            from tui.core.align.engine import align_story

            alignment = align_story(articles)
            with self._lock:
                self._memory[key] = alignment
                if not file_now:
                    self._unfiled[key] = disk_key
            if file_now:
                self.cache.put_by_key(disk_key, alignment)
        return OpenedStory(story, articles, alignment)

    def aligned_before(self, story_id: str) -> OpenedStory | None:
        """The story if it was aligned before (memory or disk), without aligning; else None."""
        story = self.library.get_story(story_id)
        articles = self.library.articles(story.id)
        _, alignment, _ = self._aligned_before(story.id, articles)
        return OpenedStory(story, articles, alignment) if alignment is not None else None

    def file_new(self) -> None:
        """Write the alignments made with `file_now=False` to disk (a 51-outlet story's is
        ~0.8 MB: call it off the UI thread)."""
        with self._lock:
            unfiled = [(key, self._unfiled.pop(key)) for key in list(self._unfiled)]
            found = [(disk_key, self._memory.get(key)) for key, disk_key in unfiled]
        for disk_key, alignment in found:
            if alignment is not None:
                self.cache.put_by_key(disk_key, alignment)

    def in_memory(self, story_id: str) -> StoryAlignment | None:
        """The alignment of this story made or read in this session, if any."""
        with self._lock:
            return next((a for (sid, _), a in self._memory.items() if sid == story_id), None)

    def forget(self, story_id: str) -> None:
        """Drop a story's alignment from memory (its articles changed)."""
        with self._lock:
            for key in [key for key in self._memory if key[0] == story_id]:
                del self._memory[key]
                self._unfiled.pop(key, None)

    def _aligned_before(
        self, story_id: str, articles: list[Article]
    ) -> tuple[_SessionKey, StoryAlignment | None, str]:
        """(session key, alignment made before or None, disk key); the disk key is made only
        when memory has none (~40 ms for 500 articles), and is "" when it was not needed."""
        key = (story_id, tuple(article.id for article in articles))
        with self._lock:
            alignment = self._memory.get(key)
        if alignment is not None:
            return key, alignment, ""
        disk_key = story_key(articles)
        alignment = self.cache.get_by_key(disk_key)
        if alignment is not None and not _fits(alignment, articles):
            self.cache.discard(disk_key)
            alignment = None
        if alignment is not None:
            with self._lock:
                self._memory[key] = alignment
        return key, alignment, disk_key


def _fits(alignment: StoryAlignment, articles: list[Article]) -> bool:
    """Whether an alignment read from disk speaks of exactly these articles and sentences: a
    file in a shared folder may be anything, and a face indexes the alignment by them."""
    sentences = alignment.sentences
    return set(alignment.article_ids) == {a.id for a in articles} and all(
        len(sentences.get(a.id, ())) == len(a.sentences) for a in articles
    )
