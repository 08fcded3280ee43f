"""The library: stories and their articles, kept on disk in a folder the user owns.

Layout of the folder (every file a TinyDB database written by `AtomicJSONStorage`):

- `library.json`: the schema version (`_meta`) and the `stories` table; each story document holds
  the index of its articles (id, outlet, title, source, url, date, imported_at) but no bodies, so
  listing stories stays fast with thousands of articles.
- `articles/<story_id>.json`: the bodies (raw text, cleaned text, sentences with spans, removed
  lines) of one story's articles, so importing into one story never rewrites the others.
- `state.json`: small settings the app remembers (last story, theme).
- `annotations.json` belongs to `core.notes.annotations` (tags and notes), not to this module.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs
from tinydb import Query
from tinydb.table import Table

from tui.core.models import Article, Story
from tui.core.store.journal import ImportJournal
from tui.core.store.migrations import SCHEMA_VERSION, Migration, migrate_on_open
from tui.core.store.records import (
    INDEX_FIELDS,
    ArticleEntry,
    article_from,
    body_doc,
    index_entry,
    story_from,
)
from tui.core.store.schema import check_bodies, check_index, check_state
from tui.core.store.storage import AtomicJSONStorage, LibraryError, Tables, next_document_id
from tui.core.store.story_lookup import FIND_SCORE_CUTOFF, MIN_ID_PREFIX, pick_story
from tui.core.text.safe_text import safe_name

__all__ = [
    "FIND_SCORE_CUTOFF",
    "MIN_ID_PREFIX",
    "ArticleEntry",
    "LAST_STORY_STATE_KEY",
    "Library",
    "LibraryError",
    "SCHEMA_VERSION",
    "article_id_for",
    "default_home",
    "now_iso",
]

ANNOTATIONS_FILE = "annotations.json"
"""Tags and notes, kept by `core.notes.annotations`; named here so the app can see that a library has
none without loading the annotation store (~6 ms of imports at start-up)."""
LAST_STORY_STATE_KEY = "last_story"
"""State key of the story last read in the app."""

_META, _STORIES, _BODIES, _STATE = "_meta", "stories", "bodies", "state"
_BODY_CACHE_SIZE = 16


def default_home() -> Path:
    """Where the library lives: $CROSSWIRE_HOME, else the platform's per-user data folder."""
    override = os.environ.get("CROSSWIRE_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("crosswire"))


def now_iso(*, timespec: str = "seconds") -> str:
    """The current UTC time as an ISO timestamp, to the second unless `timespec` says finer."""
    return datetime.now(UTC).isoformat(timespec=timespec)


def article_id_for(story_id: str, source: str) -> str:
    """A short id that stays the same when the same source is imported into the same story again.

    12 hex digits (48 bits) keep the chance of two of 10,000 articles colliding near one in ten
    million; `Library.add_articles` refuses a collision rather than mixing two articles up.
    """
    return hashlib.sha256(f"{story_id}\0{source}".encode()).hexdigest()[:12]


_PROBE_PREFIX = ".write-test-"
"""A file made and removed at once to prove a new library folder can be written."""


def _prepare_folder(home: Path) -> None:
    """Create a new library's folder and prove it can be written, with one clear line if not.

    Only for a folder that holds no library yet: opening an existing library writes nothing, so
    reading works on a read-only folder and never waits for another process's write.
    """
    if home.exists() and not home.is_dir():
        raise LibraryError(f"{home}: is a file, not a library folder")
    probe: str | None = None
    try:
        (home / "articles").mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=home, prefix=_PROBE_PREFIX)
        os.close(fd)
    except OSError as exc:
        raise LibraryError(f"{home}: library folder cannot be written ({exc.strerror})") from exc
    finally:
        if probe is not None:
            with suppress(OSError):
                os.unlink(probe)


class Library:
    """The stories and articles in one library folder; safe to use from several processes."""

    def __init__(self, home: Path | str) -> None:
        self.home = Path(home).expanduser()
        self.migration: Migration | None = migrate_on_open(self.home)
        """What opening did to move an older library forward (`core.store.migrations`)."""
        index_path = self.home / "library.json"
        if not index_path.is_file():
            _prepare_folder(self.home)
        # A probe left by a process killed between making and removing it goes with the next
        # write of the index, which holds the lock.
        self._index = AtomicJSONStorage(
            index_path, leftovers=(f"{_PROBE_PREFIX}*",), check=check_index
        )
        self._state = AtomicJSONStorage(self.home / "state.json", check=check_state)
        self._bodies: dict[str, AtomicJSONStorage] = {}
        self._journal = ImportJournal(self.home)
        self._check_schema(self._index.read())
        self._state.read()  # a corrupt state file is reported now, not in the middle of a session
        if self._index.read() is None:
            with self._index.transaction() as tables:
                tables.setdefault(_META, {"1": {"schema": SCHEMA_VERSION}})
                tables.setdefault(_STORIES, {})

    def _check_schema(self, tables: Tables | None) -> None:
        if tables is None:
            return
        meta = tables.get(_META, {}).get("1", {})
        schema = meta.get("schema") if isinstance(meta, dict) else None
        if not isinstance(schema, int):
            raise LibraryError(f"{self._index.path}: no schema version; not a crosswire library")
        if schema > SCHEMA_VERSION:
            raise LibraryError(
                f"{self._index.path}: written by a newer crosswire (schema {schema}, this version "
                f"reads {SCHEMA_VERSION}); upgrade crosswire to open it"
            )

    # --- reading ------------------------------------------------------------------------------

    def _story_table(self) -> Table:
        # cache_size=0: TinyDB's query cache would not see other processes' writes.
        return Table(self._index, _STORIES, cache_size=0)

    def _story_doc(self, story_id: str) -> dict[str, Any]:
        doc = self._story_table().get(Query().id == story_id)
        if not isinstance(doc, dict):
            raise LibraryError(f"no story with id {story_id!r} in {self.home}")
        return doc

    def stories(self) -> list[Story]:
        """Every story, oldest first; not a story an unfinished import created and left empty
        (`core.store.journal`): a story appears with its articles or not at all."""
        stories = [story_from(doc) for doc in self._story_table().all()]
        if self._journal.exists():
            unfinished = set(self._journal.recorded().get("created", ()))
            stories = [s for s in stories if s.article_ids or s.id not in unfinished]
        return stories

    def _all_stories(self) -> list[Story]:
        return [story_from(doc) for doc in self._story_table().all()]

    def is_empty(self) -> bool:
        """True when the library holds no story (the first run)."""
        return len(self._story_table()) == 0

    def has_annotations(self) -> bool:
        """True when the folder has an annotations file (`core.notes.annotations` keeps it)."""
        return (self.home / ANNOTATIONS_FILE).exists()

    def get_story(self, story_id: str) -> Story:
        """The story with this id; LibraryError if there is none."""
        return story_from(self._story_doc(story_id))

    def find_story(self, query: str, *, score_cutoff: float = FIND_SCORE_CUTOFF) -> Story:
        """The story a user means: exact id, exact title, the one id starting with the query
        (at least `MIN_ID_PREFIX` characters, as git takes commit prefixes), then the best fuzzy
        title match (`core.store.story_lookup`). LibraryError when none, or when a prefix is shared."""
        return pick_story(self.stories(), query, score_cutoff=score_cutoff, home=self.home)

    def _bodies_store(self, story_id: str) -> AtomicJSONStorage:
        store = self._bodies.get(story_id)
        if store is None:
            if len(self._bodies) >= _BODY_CACHE_SIZE:
                self._bodies.pop(next(iter(self._bodies)))
            store = AtomicJSONStorage(
                self.home / "articles" / f"{story_id}.json", check=check_bodies
            )
            self._bodies[story_id] = store
        return store

    def _bodies_by_id(self, story_id: str) -> dict[str, dict[str, Any]]:
        tables = self._bodies_store(story_id).read() or {}
        return {body["id"]: body for body in tables.get(_BODIES, {}).values()}

    def article_entries(self, story_id: str) -> list[ArticleEntry]:
        """The story's articles without their text (outlet, title, ...), in import order."""
        return [
            ArticleEntry(**{name: entry[name] for name in INDEX_FIELDS})
            for entry in self._story_doc(story_id)["articles"]
        ]

    def articles(self, story_id: str) -> list[Article]:
        """The story's articles in import order, bodies included."""
        entries = self._story_doc(story_id)["articles"]
        bodies = self._bodies_by_id(story_id)
        missing = [entry["id"] for entry in entries if entry["id"] not in bodies]
        if missing:
            raise LibraryError(
                f"{self._bodies_store(story_id).path}: lacks article(s) {', '.join(missing)}"
            )
        return [article_from(entry, bodies[entry["id"]]) for entry in entries]

    def get_article(self, article_id: str) -> Article:
        """One article by id, from whichever story holds it."""
        for doc in self._story_table().all():
            if any(entry["id"] == article_id for entry in doc["articles"]):
                for article in self.articles(doc["id"]):
                    if article.id == article_id:
                        return article
        raise LibraryError(f"no article with id {article_id!r} in {self.home}")

    # --- writing ------------------------------------------------------------------------------

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the library's write lock across several calls (check-then-write; reentrant)."""
        with self._index.locked():
            yield

    def create_story(self, title: str) -> Story:
        """A new, empty story with a fresh 8-hex id."""
        clean_title = safe_name(title)  # a title is printed: no escapes, no control characters
        if not clean_title:
            raise LibraryError("a story needs a title")
        taken = {story.id for story in self._all_stories()}
        story_id = uuid.uuid4().hex[:8]
        while story_id in taken:
            story_id = uuid.uuid4().hex[:8]
        self._journal.note("created", story_id)  # before it exists: a kill after is undone
        with self._index.transaction() as tables:
            stories = tables.setdefault(_STORIES, {})
            if any(doc["id"] == story_id for doc in stories.values()):
                raise LibraryError(f"story id {story_id} was just taken; try again")
            doc = {"id": story_id, "title": clean_title, "created_at": now_iso(), "articles": []}
            stories[next_document_id(stories)] = doc
        return story_from(doc)

    def add_articles(self, story_id: str, articles: Sequence[Article]) -> None:
        """Add articles to a story in one write of its bodies file and one of the index.

        An article whose id the story already holds replaces it in place (same position), which
        is how re-importing a changed file updates it without duplicating it.
        """
        if not articles:
            return
        strays = [a.id for a in articles if a.story_id != story_id]
        if strays:
            raise LibraryError(f"articles {', '.join(strays)} do not belong to story {story_id}")
        with self._index.transaction() as tables:
            stories = tables.get(_STORIES, {})
            doc = next((d for d in stories.values() if d["id"] == story_id), None)
            if doc is None:
                raise LibraryError(f"no story with id {story_id!r} in {self.home}")
            elsewhere = {
                entry["id"]
                for other in stories.values()
                if other["id"] != story_id
                for entry in other["articles"]
            }
            clashes = [a.id for a in articles if a.id in elsewhere]
            if clashes:
                raise LibraryError(
                    f"article id(s) {', '.join(clashes)} already used by another story"
                )
            # Bodies first: if the index write then fails, the bodies are unused, never missing
            # (and an import's journal names this story, so they are removed).
            self._journal.note("touched", story_id)
            body_store = self._bodies_store(story_id)
            try:
                body_store.path.parent.mkdir(exist_ok=True)
            except OSError as exc:
                folder = body_store.path.parent
                raise LibraryError(f"{folder}: cannot write here ({exc.strerror})") from exc
            with body_store.transaction() as body_tables:
                bodies = body_tables.setdefault(_BODIES, {})
                doc_ids = {body["id"]: key for key, body in bodies.items()}
                for article in articles:
                    key = doc_ids.get(article.id) or next_document_id(bodies)
                    bodies[key] = body_doc(article)
                    doc_ids[article.id] = key
            positions = {entry["id"]: n for n, entry in enumerate(doc["articles"])}
            for article in articles:
                if article.id in positions:
                    doc["articles"][positions[article.id]] = index_entry(article)
                else:
                    positions[article.id] = len(doc["articles"])
                    doc["articles"].append(index_entry(article))

    # --- changing stories ---------------------------------------------------------------------

    def rename_story(self, story_id: str, title: str) -> Story:
        """Give a story a new title (cleaned like every name); one write of the index."""
        clean_title = safe_name(title)
        if not clean_title:
            raise LibraryError("a story needs a title")
        with self._index.transaction() as tables:
            doc = self._doc_in(tables, story_id)
            doc["title"] = clean_title
        return story_from(doc)

    def move_articles(self, article_ids: Sequence[str], from_story: str, to_story: str) -> None:
        """Move articles, keeping their ids, from one story to the end of another.

        The index is the commit point: the bodies are first copied into the other story's file,
        then one write of the index moves the entries, then the old story's file drops them. A
        crosswire killed between two steps leaves the old state or the new one, with at most
        unused bodies in one file (read past, and dropped by the next write of that file).
        """
        if from_story == to_story:
            return
        wanted = list(dict.fromkeys(article_ids))
        moving = {a.id: a for a in self.articles(from_story) if a.id in wanted}
        missing = [a for a in wanted if a not in moving]
        if missing:
            raise LibraryError(f"story {from_story} has no article {', '.join(missing)}")
        self.get_story(to_story)  # a clear error before anything is written
        with self._index.transaction() as tables:
            source = self._doc_in(tables, from_story)
            target = self._doc_in(tables, to_story)
            with self._bodies_store(to_story).transaction() as body_tables:
                bodies = body_tables.setdefault(_BODIES, {})
                held = {body["id"]: key for key, body in bodies.items()}
                for article_id in wanted:
                    key = held.get(article_id) or next_document_id(bodies)
                    bodies[key] = body_doc(moving[article_id])
                    held[article_id] = key
            entries = {entry["id"]: entry for entry in source["articles"]}
            source["articles"] = [e for e in source["articles"] if e["id"] not in moving]
            for article_id in wanted:
                entry = dict(entries[article_id], story_id=to_story)
                target["articles"].append(entry)
        self._drop_bodies(from_story, set(moving))

    def delete_articles(self, story_id: str, article_ids: Sequence[str]) -> None:
        """Remove articles from a story (the index first, then their bodies)."""
        wanted = set(article_ids)
        with self._index.transaction() as tables:
            doc = self._doc_in(tables, story_id)
            held = {entry["id"] for entry in doc["articles"]}
            missing = sorted(wanted - held)
            if missing:
                raise LibraryError(f"story {story_id} has no article {', '.join(missing)}")
            doc["articles"] = [e for e in doc["articles"] if e["id"] not in wanted]
        self._drop_bodies(story_id, wanted)

    def delete_story(self, story_id: str) -> None:
        """Remove a story and its articles (the index first, then its bodies file)."""
        with self._index.transaction() as tables:
            stories = tables.get(_STORIES, {})
            key = next((k for k, d in stories.items() if d["id"] == story_id), None)
            if key is None:
                raise LibraryError(f"no story with id {story_id!r} in {self.home}")
            del stories[key]
        self._bodies.pop(story_id, None)
        (self.home / "articles" / f"{story_id}.json").unlink(missing_ok=True)
        if self.get_state(LAST_STORY_STATE_KEY) == story_id:
            self.set_state(LAST_STORY_STATE_KEY, None)

    def _doc_in(self, tables: Tables, story_id: str) -> dict[str, Any]:
        for doc in tables.get(_STORIES, {}).values():
            if isinstance(doc, dict) and doc.get("id") == story_id:
                return doc
        raise LibraryError(f"no story with id {story_id!r} in {self.home}")

    def _drop_bodies(self, story_id: str, article_ids: set[str]) -> None:
        """Remove bodies the index no longer lists from a story's file."""
        with self._bodies_store(story_id).transaction() as body_tables:
            bodies = body_tables.setdefault(_BODIES, {})
            for key in [k for k, body in bodies.items() if body["id"] in article_ids]:
                del bodies[key]

    @contextmanager
    def import_transaction(self) -> Iterator[None]:
        """Hold the write lock for one import's writes, which land whole or not at all.

        An import left unfinished before (killed, disk full) is undone first. Writes inside are
        journalled (`core.store.journal`); if the block raises (Ctrl-C included) what it wrote
        is undone now, else by the next writer.
        """
        with self.exclusive():
            self.undo_unfinished_import()
            self._journal.begin()
            try:
                yield
            except BaseException:
                with suppress(LibraryError, OSError):  # else the journal stays for next time
                    self.undo_unfinished_import()
                raise
            self._journal.end()

    def undo_unfinished_import(self) -> list[str]:
        """Remove what an unfinished import left (call under the write lock): the empty stories
        it created, bodies no index entry names, bodies files of stories never written. What
        reached the index stays. Returns one line per thing removed."""
        if not self._journal.exists():
            return []
        recorded = self._journal.recorded()
        created = set(recorded.get("created", ()))
        undone: list[str] = []
        live: dict[str, set[str]] = {}
        with self._index.transaction() as tables:
            stories = tables.get(_STORIES, {})
            for key, doc in list(stories.items()):
                if doc["id"] in created and not doc["articles"]:
                    del stories[key]
                    undone.append(f"empty story {doc['id']} of an unfinished import")
            live = {doc["id"]: {e["id"] for e in doc["articles"]} for doc in stories.values()}
        for story_id in sorted(created | set(recorded.get("touched", ()))):
            store = self._bodies_store(story_id)
            if story_id not in live:
                if store.path.exists():
                    store.path.unlink()
                    undone.append(f"{store.path}: bodies of a story never written")
                continue
            if store.read() is None:
                continue
            with store.transaction() as body_tables:
                bodies = body_tables.get(_BODIES, {})
                for key, body in list(bodies.items()):
                    if body["id"] not in live[story_id]:
                        del bodies[key]
                        undone.append(f"{store.path}: article {body['id']} no story names")
        self._journal.end()
        return undone

    # --- small state --------------------------------------------------------------------------

    def get_state(self, key: str, default: Any = None) -> Any:
        """A remembered setting (last story id, theme, ...), or `default`."""
        tables = self._state.read() or {}
        return tables.get(_STATE, {}).get("1", {}).get(key, default)

    def set_state(self, key: str, value: Any) -> None:
        """Remember a JSON-serialisable setting; writes only the small state file."""
        with self._state.transaction() as tables:
            tables.setdefault(_STATE, {}).setdefault("1", {})[key] = value

    def last_story_id(self) -> str | None:
        """The story last read in the app, if the library still holds it.

        The app reopens it and the CLI commands default to it, so both faces agree on "the story
        you were reading".
        """
        remembered = self.get_state(LAST_STORY_STATE_KEY)
        if isinstance(remembered, str) and any(s.id == remembered for s in self.stories()):
            return remembered
        return None

    def remember_story(self, story_id: str) -> None:
        """Record `story_id` as last read; writes only when it changed. A convenience: in a
        library that cannot be written (a read-only folder) it is not remembered, and that is
        all."""
        if self.get_state(LAST_STORY_STATE_KEY) != story_id:
            with suppress(LibraryError):
                self.set_state(LAST_STORY_STATE_KEY, story_id)
