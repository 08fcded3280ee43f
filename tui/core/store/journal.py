"""The import journal: an import is one transaction, whatever stops it half-way.

An import writes a story's article bodies, then the index entry that makes them visible, and may
first create the story. A process killed (or a disk filling up) between those writes would leave
an empty story, or bodies no entry names. So an import, under the library's write lock, first
writes `.import-journal.json` naming the stories it creates and the stories whose bodies it
touches, each before the write that makes it, and removes the journal once done.

A journal found on disk is an import that did not finish. Readers hide the empty stories it
created (the story appears with its articles or not at all). The next writer to take the lock
(the next import, or `crosswire doctor --repair`) undoes what was left: it removes those empty
stories, the bodies no index entry names, and bodies files of stories that were never written;
what did reach the index stays, so a story whose articles landed is kept whole.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from tui.core.store.storage import AtomicJSONStorage, Tables

__all__ = ["JOURNAL_FILE", "ImportJournal"]

JOURNAL_FILE = ".import-journal.json"
_TABLE = "journal"


class ImportJournal:
    """The journal file of one library; written only under the library's write lock."""

    def __init__(self, home: Path) -> None:
        self.path = home / JOURNAL_FILE
        self._store = AtomicJSONStorage(self.path)
        self._entry: dict[str, list[str]] | None = None

    def exists(self) -> bool:
        return self.path.exists()

    def recorded(self) -> dict[str, list[str]]:
        """What an unfinished import recorded: {"created": [...], "touched": [...]} (story ids);
        empty when there is no journal or it cannot be read (it is then undone as empty)."""
        try:
            tables = self._store.read() or {}
        except Exception:  # noqa: BLE001 - a damaged journal names nothing
            return {}
        entry = tables.get(_TABLE, {}).get("1", {})
        if not isinstance(entry, dict):
            return {}
        return {
            key: [s for s in value if isinstance(s, str)]
            for key, value in entry.items()
            if key in ("created", "touched") and isinstance(value, list)
        }

    def begin(self) -> None:
        """Start recording (an import begins). Nothing is written until the first `note`: an
        import that changes nothing leaves no journal to write or remove."""
        self._entry = {"created": [], "touched": []}

    @property
    def active(self) -> bool:
        return self._entry is not None

    def note(self, kind: str, story_id: str) -> None:
        """Record, before writing it, that this import creates or touches `story_id`."""
        if self._entry is None or story_id in self._entry[kind]:
            return
        self._entry[kind].append(story_id)
        self._write()

    def end(self) -> None:
        """The import finished, or was undone: no journal is left."""
        self._entry = None
        with suppress(FileNotFoundError):
            self.path.unlink()

    def _write(self) -> None:
        entry: dict[str, Any] = dict(self._entry or {})
        tables: Tables = {_TABLE: {"1": entry}}
        self._store.write(tables)
