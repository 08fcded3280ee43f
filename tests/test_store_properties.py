"""Hypothesis properties of the store with arbitrary Unicode and arbitrary JSON: a round trip
returns what went in; a file of any shape is refused with a LibraryError, never another
exception; salvage never raises and never invents a record; a cache entry of any shape is a
miss, never a crash."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.models import Article, RemovedLine, Sentence
from tui.core.store.library import Library, LibraryError
from tui.core.store.schema import check_bodies, check_index
from tui.core.upkeep.salvage import salvage_tables

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
"""Any text a file can hold (no lone surrogates: no decoder makes them)."""
NAME = TEXT.filter(lambda t: t.strip() != "")
NUMBER = st.integers(min_value=0, max_value=2**40)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    sentences = tuple(
        Sentence(
            n,
            draw(TEXT),
            draw(NUMBER),
            draw(NUMBER),
            draw(NUMBER),
            draw(st.sampled_from(["title", "heading", "body"])),
        )
        for n in range(draw(st.integers(0, 4)))
    )
    removed = tuple(
        RemovedLine(draw(NUMBER), draw(TEXT), draw(TEXT)) for _ in range(draw(st.integers(0, 3)))
    )
    return Article(
        id="",
        story_id="",
        outlet=draw(NAME),
        title=draw(TEXT),
        source=draw(TEXT),
        url=draw(st.none() | TEXT),
        date=draw(st.none() | TEXT),
        imported_at=draw(TEXT),
        raw=draw(TEXT),
        text=draw(TEXT),
        sentences=sentences,
        removed=removed,
    )


@pytest.fixture(scope="module")
def library() -> Library:
    return Library(Path(tempfile.mkdtemp(prefix="crosswire-properties-")) / "library")


@PROPERTY
@given(st.lists(articles(), min_size=1, max_size=3))
def test_a_store_round_trip_returns_what_went_in(library: Library, drawn: list[Article]) -> None:
    story = library.create_story("Round trip")
    stored = [a._replace(id=f"{story.id}-{n}", story_id=story.id) for n, a in enumerate(drawn)]
    library.add_articles(story.id, stored)
    assert Library(library.home).articles(story.id) == stored


def _valid_index() -> dict[str, Any]:
    entry = {
        "id": "a1",
        "story_id": "s1",
        "outlet": "Wire",
        "title": "T",
        "source": "a.txt",
        "url": None,
        "date": None,
        "imported_at": "2026-01-01",
    }
    story = {"id": "s1", "title": "T", "created_at": "2026", "articles": [entry]}
    return {"_meta": {"1": {"schema": 2}}, "stories": {"1": story}}


def _valid_bodies() -> dict[str, Any]:
    body = {
        "id": "a1",
        "raw": "x",
        "text": "x",
        "sentences": [[0, "x", 0, 1, 0, "body"]],
        "removed": [[1, "y", "z"]],
    }
    return {"bodies": {"1": body}}


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document where a value sits."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += _paths(item, (*at, n))
    return found


def _replaced(document: Any, at: tuple[Any, ...], new: Any) -> Any:
    if not at:
        return new
    copy = json.loads(json.dumps(document))
    holder = copy
    for step in at[:-1]:
        holder = holder[step]
    holder[at[-1]] = new
    return copy


@PROPERTY
@given(st.data())
def test_any_value_anywhere_in_a_store_file_is_accepted_or_refused_in_one_line(
    data: st.DataObject,
) -> None:
    for make, check in ((_valid_index, check_index), (_valid_bodies, check_bodies)):
        document = make()
        at = data.draw(st.sampled_from(_paths(document)))
        changed = _replaced(document, at, data.draw(JSON))
        if not isinstance(changed, dict) or not all(isinstance(t, dict) for t in changed.values()):
            continue  # refused before any check (`AtomicJSONStorage._parse`)
        try:
            check(changed, Path("store.json"))
        except LibraryError as exc:
            assert str(exc).startswith("store.json: ") and "\n" not in str(exc)


@PROPERTY
@given(
    st.dictionaries(
        st.sampled_from(["stories", "bodies", "_meta"]),
        st.dictionaries(st.integers(1, 99).map(str), JSON, max_size=6),
        max_size=3,
    ),
    st.data(),
)
def test_salvage_never_raises_and_never_invents_a_record(
    tables: dict[str, dict[str, Any]], data: st.DataObject
) -> None:
    whole = orjson.dumps(tables)
    cut = data.draw(st.integers(0, len(whole)))
    garbage = data.draw(st.binary(max_size=8))
    where = data.draw(st.integers(0, cut))
    damaged = whole[:where] + garbage + whole[where:cut]
    salvaged = salvage_tables(damaged)
    if not garbage and cut == len(whole):
        assert salvaged == tables
    if garbage:
        return  # garbage may fall inside a name or a value: never an exception is the promise
    for name, table in salvaged.items():  # cut short only: every record read is whole
        for key, record in table.items():
            assert record == tables[name][key]


@PROPERTY
@given(st.data())
def test_a_cache_entry_of_any_shape_is_read_or_refused_never_a_crash(
    cached: tuple[bytes, Any], data: st.DataObject
) -> None:
    from tui.core.reader.alignment_codec import decode

    document = orjson.loads(cached[0])
    at = data.draw(st.sampled_from(_paths(document)))
    changed = _replaced(document, at, data.draw(JSON))
    with contextlib.suppress(ValueError):
        decode(orjson.dumps(changed))


@pytest.fixture(scope="module")
def cached() -> tuple[bytes, Any]:
    """A real alignment's cache entry: the bundled story's first two articles."""
    from tests.app_data import seeded_library
    from tui.core.align.engine import align_story
    from tui.core.reader.alignment_codec import encode

    library, story = seeded_library(Path(tempfile.mkdtemp(prefix="crosswire-codec-")) / "lib")
    alignment = align_story(library.articles(story.id)[:2])
    return encode(alignment), alignment
