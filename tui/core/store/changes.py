"""Noticing what another process wrote to the library, so a face can show it.

Another terminal may import into the story on screen, or tag and note it. Every store file is
replaced whole on each write (`core.store.storage`), so its stat key (modification time, size,
inode, change time) changes with every version. `StoryWatch` keeps the keys of the files an open
story is read from and, polled, says what changed: the story itself (its articles, in the index
or their bodies), or its tags and notes. It only reads file metadata: a poll costs three `stat`s.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.store.library import ANNOTATIONS_FILE, Library, LibraryError
from tui.core.store.storage import file_version

__all__ = ["Changes", "StoryWatch"]

_Version = tuple[int, int, int, int] | None


class Changes(NamedTuple):
    """What changed on disk since the last poll."""

    story: bool
    """The story's articles: added, replaced, or the story gone."""
    notes: bool
    """Tags and notes (of any story: the file is shared)."""


class StoryWatch:
    """The files one open story is read from, and their versions when last polled."""

    def __init__(self, library: Library, story_id: str) -> None:
        self.library = library
        self.story_id = story_id
        home = library.home
        self._index = home / "library.json"
        self._bodies = home / "articles" / f"{story_id}.json"
        self._notes = home / ANNOTATIONS_FILE
        self._versions = self._now()
        self._articles = self._article_ids()

    def _now(self) -> tuple[_Version, _Version, _Version]:
        return file_version(self._index), file_version(self._bodies), file_version(self._notes)

    def _article_ids(self) -> tuple[str, ...] | None:
        try:
            return self.library.get_story(self.story_id).article_ids
        except LibraryError:
            return None

    def poll(self) -> Changes:
        """What changed since the watch was made or last polled."""
        index, bodies, notes = now = self._now()
        before = self._versions
        self._versions = now
        story = bodies != before[1]
        if index != before[0]:
            # The index changes with any story's import: this one changed only if its list did.
            articles = self._article_ids()
            story = story or articles != self._articles
            self._articles = articles
        return Changes(story=story, notes=notes != before[2])
