"""The search index: every sentence of every story in an SQLite FTS5 table beside the store.

`cache/search.sqlite` in the library folder is a cache, never a source of truth: each story's row
keeps a signature of what was indexed (its title, its articles' ids, outlets and import times, the
version of its bodies file), and every search first re-indexes the stories whose signature
changed, drops the stories that are gone, and rebuilds the whole file when it is missing, damaged
or of another schema. When the file cannot be written (a read-only library, a path taken by a
folder), the index is built in memory for this search and `SearchResults.note` says so in one
line.

Why FTS5: it ships with Python's sqlite3 (no dependency), ranks by bm25, marks matches, and answers
in about a millisecond over 10,000 articles (bench/bench_search.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from tui.core.models import Story
from tui.core.search.query import fts_query
from tui.core.store.library import Library, LibraryError
from tui.core.store.storage import file_version
from tui.core.text.safe_text import display_text

__all__ = ["INDEX_FILE", "Indexing", "SearchHit", "SearchResults", "search_library"]

INDEX_FILE = Path("cache", "search.sqlite")
"""The index's path in the library folder: under `cache/`, which backups and the doctor know
crosswire rebuilds (`core.store.library_files`)."""
SCHEMA = "1"
"""Bumped when the tables change: an index of another schema is rebuilt."""
DEFAULT_LIMIT = 50

_OPEN, _CLOSE = "\ue000", "\ue001"
"""Private-use characters that `highlight()` puts around matches; removed from indexed text, so
a sentence can never forge a mark."""

_TABLES = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    story_id TEXT PRIMARY KEY, title TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sentence_keys (
    rowid INTEGER PRIMARY KEY, story_id TEXT NOT NULL, article_id TEXT NOT NULL,
    outlet TEXT NOT NULL, number INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sentence_keys_story ON sentence_keys (story_id);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences USING fts5(
    text, tokenize = 'unicode61 remove_diacritics 2');
INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA}');
"""


Indexing = Callable[[int], None]
"""Told the number of stories a search is about to (re)index."""


class SearchHit(NamedTuple):
    """One sentence that matches, with where it is and which of its words matched."""

    story_id: str
    story_title: str
    outlet: str
    article_id: str
    number: int
    """The sentence's number as the app shows it: 1 for the article's first."""
    text: str
    """The sentence, made safe for a terminal (`core.text.safe_text.display_text`)."""
    marks: tuple[tuple[int, int], ...]
    """(start, end) character offsets in `text` of each matching word or phrase."""
    score: float
    """bm25 rank: lower is a better match."""


class SearchResults(NamedTuple):
    """The best hits first, and a line for the user when the index could not be saved."""

    hits: tuple[SearchHit, ...]
    note: str | None = None


def _indexed_text(text: str) -> str:
    return display_text(text.replace(_OPEN, " ").replace(_CLOSE, " "))


def _story_signature(library: Library, story: Story) -> str:
    """What the index must match for this story: its title, its articles (ids, outlets, import
    times) and the version of its bodies file (`articles/<id>.json`, the layout
    `core.store.library` documents), so a re-import or a changed body is noticed without reading
    any body."""
    story_id = story.id
    digest = hashlib.sha256(f"{story.title}\n".encode())
    for entry in library.article_entries(story_id):
        digest.update(f"{entry.id}\0{entry.outlet}\0{entry.imported_at}\n".encode())
    version = file_version(library.home / "articles" / f"{story_id}.json")
    digest.update(repr(version).encode() if version else b"no bodies")
    return digest.hexdigest()


def _prepare(connection: sqlite3.Connection) -> None:
    """Tables in place; an index of another schema dropped so it is rebuilt. Writes nothing to
    an index of this schema, so a read-only one can still be searched."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.OperationalError:  # no tables yet
        row = None
    if row == (SCHEMA,):
        return
    connection.executescript(
        "DROP TABLE IF EXISTS sentences; DROP TABLE IF EXISTS sentence_keys;"
        "DROP TABLE IF EXISTS stories; DROP TABLE IF EXISTS meta;" + _TABLES
    )


def _index_story(connection: sqlite3.Connection, library: Library, story_id: str) -> None:
    rows = [
        (story_id, article.id, display_text(article.outlet), sentence.index + 1,
         _indexed_text(sentence.text))
        for article in library.articles(story_id)
        for sentence in article.sentences
    ]  # fmt: skip
    start = connection.execute("SELECT coalesce(max(rowid), 0) FROM sentence_keys").fetchone()[0]
    connection.executemany(
        "INSERT INTO sentence_keys VALUES (?, ?, ?, ?, ?)",
        ((start + n + 1, *row[:4]) for n, row in enumerate(rows)),
    )
    connection.executemany(
        "INSERT INTO sentences (rowid, text) VALUES (?, ?)",
        ((start + n + 1, row[4]) for n, row in enumerate(rows)),
    )


def _drop_story(connection: sqlite3.Connection, story_id: str) -> None:
    connection.execute(
        "DELETE FROM sentences WHERE rowid IN (SELECT rowid FROM sentence_keys WHERE story_id = ?)",
        (story_id,),
    )
    connection.execute("DELETE FROM sentence_keys WHERE story_id = ?", (story_id,))
    connection.execute("DELETE FROM stories WHERE story_id = ?", (story_id,))


def _library_version(library: Library) -> str:
    """The versions of the index file and of every bodies file: unchanged, no story changed, and
    a search skips reading the story index (the quick path of `refresh`)."""
    parts = []
    for path in [library.home / "library.json", *sorted((library.home / "articles").glob("*"))]:
        version = file_version(path)
        if version is not None:
            parts.append(f"{path.name}:{version}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def refresh(
    connection: sqlite3.Connection, library: Library, *, indexing: Indexing | None = None
) -> int:
    """Bring the index up to date with the library; returns how many stories were (re)indexed.

    `indexing` is told how many stories are about to be read, when any are (a face says so:
    the first search of a 10,000-article library takes seconds).

    Only stories whose signature changed are read and written, in one transaction: another
    process searching at the same time sees the old index or the new one.
    """
    version = _library_version(library)  # before reading: a write meanwhile is seen next time
    held_version = connection.execute("SELECT value FROM meta WHERE key = 'library'").fetchone()
    if held_version == (version,):
        return 0
    wanted = {story.id: story for story in library.stories()}
    signatures = {story.id: _story_signature(library, story) for story in wanted.values()}
    held = dict(connection.execute("SELECT story_id, signature FROM stories").fetchall())
    stale = [sid for sid in wanted if held.get(sid) != signatures[sid]]
    gone = [sid for sid in held if sid not in wanted]
    remember = "INSERT OR REPLACE INTO meta VALUES ('library', ?)"
    if not stale and not gone:
        with suppress(sqlite3.OperationalError), connection:  # read-only and up to date: fine
            connection.execute(remember, (version,))
        return 0
    if stale and indexing is not None:
        indexing(len(stale))
    with connection:
        connection.execute(remember, (version,))
        for story_id in gone + stale:
            _drop_story(connection, story_id)
        for story_id in stale:
            _index_story(connection, library, story_id)
            connection.execute(
                "INSERT INTO stories VALUES (?, ?, ?)",
                (story_id, display_text(wanted[story_id].title), signatures[story_id]),
            )
    return len(stale)


def _marked(highlighted: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`highlight()` output -> the plain sentence and the (start, end) of each mark in it."""
    text: list[str] = []
    marks: list[tuple[int, int]] = []
    length = 0
    for n, part in enumerate(highlighted.split(_OPEN)):
        inside, _, after = part.partition(_CLOSE) if n else ("", "", part)
        if inside:
            marks.append((length, length + len(inside)))
        text.append(inside + after)
        length += len(inside) + len(after)
    return "".join(text), tuple(marks)


_SEARCH = f"""
SELECT k.story_id, s.title, k.outlet, k.article_id, k.number,
       highlight(sentences, 0, '{_OPEN}', '{_CLOSE}'), rank
FROM sentences JOIN sentence_keys k ON k.rowid = sentences.rowid
JOIN stories s ON s.story_id = k.story_id
WHERE sentences MATCH ? {{story_filter}} ORDER BY rank LIMIT ?
"""
"""`rank` is bm25; ordering by it lets FTS5 rank without sorting in SQL (faster than ordering by
`bm25()`, and than ranking first and marking the best in a second query, measured)."""


def _query(
    connection: sqlite3.Connection, expression: str, story_id: str | None, limit: int
) -> tuple[SearchHit, ...]:
    if story_id is None:
        rows = connection.execute(_SEARCH.format(story_filter=""), (expression, limit))
    else:
        sql = _SEARCH.format(story_filter="AND k.story_id = ?")
        rows = connection.execute(sql, (expression, story_id, limit))
    hits = []
    for story, title, outlet, article, number, highlighted, score in rows:
        text, marks = _marked(highlighted)
        hits.append(SearchHit(story, title, outlet, article, number, text, marks, score))
    return tuple(hits)


@contextmanager
def _connected(path: Path | str) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(path, timeout=30.0, isolation_level="DEFERRED")) as connection:
        _prepare(connection)
        yield connection


def search_library(
    library: Library,
    query: str,
    *,
    story_id: str | None = None,
    limit: int = DEFAULT_LIMIT,
    indexing: Indexing | None = None,
) -> SearchResults:
    """The sentences of the library (or of one story) that match `query`, best first.

    The index is brought up to date first (`refresh`, which tells `indexing` when it reads). A
    query with no word raises SearchQueryError; an index that cannot be saved is built in memory
    and named in `note`.
    """
    expression = fts_query(query)
    if limit < 1:
        raise LibraryError(f"the limit must be at least 1, not {limit}")
    path = library.home / INDEX_FILE
    for attempt in (1, 2):
        try:
            path.parent.mkdir(exist_ok=True)
            with _connected(path) as connection:
                refresh(connection, library, indexing=indexing)
                return SearchResults(_query(connection, expression, story_id, limit))
        except (OSError, sqlite3.OperationalError) as exc:  # read-only, a folder in the way
            reason = getattr(exc, "strerror", None) or str(exc)
            break
        except sqlite3.DatabaseError as exc:  # damaged: it is only a cache, so start afresh
            reason = str(exc)
            if attempt == 1 and path.is_file():
                with suppress(OSError):
                    path.unlink()
    note = f"{path}: search index cannot be saved ({reason}); searched without saving it"
    with _connected(":memory:") as connection:
        refresh(connection, library, indexing=indexing)
        return SearchResults(_query(connection, expression, story_id, limit), note=note)
