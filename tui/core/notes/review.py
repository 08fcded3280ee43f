"""Review state, as a feed reader keeps read and unread: articles marked reviewed, drifts judged.

A fact-checker works through a story outlet by outlet and drift by drift; what they have done is
kept in `review.json` in the library, beside the annotations and apart from the article bodies,
so marking one item rewrites only this small file (`core.store.storage.AtomicJSONStorage`: under
the library's file lock, temp file, fsync, rename).

An article is named by its id, which stays the same when its page is imported again. A drift is
named by what it says, not by ids: its kind and its two values, in either order, folded for case
and spacing (`drift_key`). Cluster numbers and sentence positions change whenever a story is
aligned again (an outlet added, a better alignment); the words that differ do not, so a drift
dismissed once stays dismissed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, NamedTuple

from tui.core.models import Drift
from tui.core.store.storage import AtomicJSONStorage, LibraryError

REVIEW_FILE = "review.json"
SCHEMA = 1
Decision = Literal["confirmed", "dismissed"]
DECISIONS: tuple[Decision, ...] = ("confirmed", "dismissed")
_TABLE = "stories"
_META = "meta"


def drift_key(drift: Drift) -> str:
    """What a drift says, as one string: 'date|friday|thursday' for Thursday vs Friday.

    The values are folded (case, runs of spaces) and sorted, so the same two values found the
    other way round, or in another cluster after a new alignment, name the same drift."""
    values = sorted(" ".join(value.casefold().split()) for value in (drift.a, drift.b))
    return "|".join([drift.kind, *values])


class ReviewCounts(NamedTuple):
    """What is left to review in a story."""

    articles: int
    """Articles not yet marked reviewed."""
    drifts: int | None
    """Drifts neither confirmed nor dismissed; None when the story's drift is not known (not
    aligned yet)."""
    articles_total: int
    drifts_total: int | None

    @property
    def done(self) -> bool:
        return self.articles == 0 and not self.drifts


class ReviewState:
    """The library's review state; several processes may read and write it at once.

    Raises `core.store.storage.LibraryError` (one line) when the file cannot be read or written,
    or was written by a newer crosswire (it is then left untouched).
    """

    def __init__(self, home: Path) -> None:
        self._storage = AtomicJSONStorage(Path(home) / REVIEW_FILE)

    @property
    def path(self) -> Path:
        return self._storage.path

    def _story(self, tables: Mapping[str, Any], story_id: str) -> dict[str, Any]:
        self._check_schema(tables)
        story = tables.get(_TABLE, {}).get(story_id, {})
        return story if isinstance(story, dict) else {}

    def _check_schema(self, tables: Mapping[str, Any]) -> None:
        schema = tables.get(_META, {}).get("1", {}).get("schema", SCHEMA)
        if not isinstance(schema, int) or schema > SCHEMA:
            raise LibraryError(
                f"{self.path}: written by a newer crosswire (schema {schema!r}, this version "
                f"reads {SCHEMA}); left untouched"
            )

    def _read(self, story_id: str) -> dict[str, Any]:
        return self._story(self._storage.read() or {}, story_id)

    # --- articles -----------------------------------------------------------------------------

    def reviewed_articles(self, story_id: str) -> frozenset[str]:
        """Ids of the story's articles marked reviewed."""
        reviewed = self._read(story_id).get("reviewed", [])
        return frozenset(item for item in reviewed if isinstance(item, str))

    def set_reviewed(self, story_id: str, article_id: str, reviewed: bool = True) -> None:
        """Mark an article reviewed (or not), in one locked write."""
        with self._storage.transaction() as tables:
            story = self._writable(tables, story_id)
            marked = [item for item in story.get("reviewed", []) if item != article_id]
            if reviewed:
                marked.append(article_id)
            story["reviewed"] = sorted(marked)

    # --- drifts -------------------------------------------------------------------------------

    def decisions(self, story_id: str) -> dict[str, Decision]:
        """drift_key -> 'confirmed' or 'dismissed', for the drifts judged in the story."""
        stored = self._read(story_id).get("drifts", {})
        if not isinstance(stored, dict):
            return {}
        return {key: value for key, value in stored.items() if value in DECISIONS}

    def decide(self, story_id: str, drift: Drift, decision: Decision | None) -> None:
        """Confirm or dismiss a drift (None: undecided again), in one locked write."""
        if decision is not None and decision not in DECISIONS:
            raise ValueError(f"a drift is confirmed or dismissed, not {decision!r}")
        with self._storage.transaction() as tables:
            story = self._writable(tables, story_id)
            drifts = dict(story.get("drifts", {}))
            drifts.pop(drift_key(drift), None)
            if decision is not None:
                drifts[drift_key(drift)] = decision
            story["drifts"] = drifts

    def _writable(self, tables: dict[str, Any], story_id: str) -> dict[str, Any]:
        """The story's entry in `tables`, made ready to change (schema checked first)."""
        self._check_schema(tables)
        tables.setdefault(_META, {"1": {"schema": SCHEMA}})
        stories = tables.setdefault(_TABLE, {})
        story: dict[str, Any] = {}
        if isinstance(stories.get(story_id), dict):
            story = stories[story_id]
        stories[story_id] = story
        return story

    # --- what is left -------------------------------------------------------------------------

    def left(
        self, story_id: str, article_ids: Iterable[str], drifts: Iterable[Drift] | None
    ) -> ReviewCounts:
        """What is left to review of a story with these articles and drifts (None: unknown)."""
        entry = self._read(story_id)
        reviewed = set(entry.get("reviewed", []))
        ids = list(article_ids)
        judged = entry.get("drifts", {}) if isinstance(entry.get("drifts"), dict) else {}
        if drifts is None:
            return ReviewCounts(sum(a not in reviewed for a in ids), None, len(ids), None)
        keys = {drift_key(drift) for drift in drifts}
        open_drifts = sum(judged.get(key) not in DECISIONS for key in keys)
        return ReviewCounts(sum(a not in reviewed for a in ids), open_drifts, len(ids), len(keys))


def confirmed_only(drifts: Iterable[Drift], decisions: Mapping[str, Decision]) -> list[Drift]:
    """The drifts the reader confirmed, in their order (what a memo reports by default)."""
    return [drift for drift in drifts if decisions.get(drift_key(drift)) == "confirmed"]
