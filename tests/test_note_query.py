"""The Notes view's filter line and the tag prompt's input, parsed and matched without a screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.notes.annotations import Annotations, Target
from tui.core.notes.query import NoteFilter, filter_annotations, parse_filter
from tui.screens.tag_prompt import TagSuggester, parse_tag_input


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", NoteFilter()),
        ("tag:drift", NoteFilter(tags=("drift",))),
        ("TAG:a tag:b", NoteFilter(tags=("a", "b"))),
        ('outlet:"TRT World" story:japan', NoteFilter(outlet="TRT World", story="japan")),
        ("missile  tag:x words", NoteFilter(tags=("x",), words="missile words")),
        ("tag: empty", NoteFilter(words="tag: empty")),
        ('outlet:"unbalanced', NoteFilter(outlet='"unbalanced')),
        ("url:http://x", NoteFilter(words="url:http://x")),
    ],
)
def test_parse_filter(line: str, expected: NoteFilter) -> None:
    assert parse_filter(line) == expected


@pytest.mark.parametrize(
    ("text", "added", "removed"),
    [
        ("a, b", ["a", "b"], []),
        ("  wire   copy ,, -Japan, - ", ["wire copy"], ["Japan"]),
        ("-x,-y", [], ["x", "y"]),
        ("", [], []),
    ],
)
def test_parse_tag_input(text: str, added: list[str], removed: list[str]) -> None:
    assert parse_tag_input(text) == (added, removed)


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("wi", "wire copy"),
        ("Japan, WI", "Japan, WIre copy"),
        ("-ja", "-japan"),
        ("wire copy", None),
        ("zz", None),
        ("a, ", None),
    ],
)
async def test_tag_suggester_completes_the_last_tag(value: str, suggestion: str | None) -> None:
    assert await TagSuggester(["wire copy", "japan"]).get_suggestion(value) == suggestion


def test_filter_annotations_combines_tags_outlet_story_and_fuzzy_words(tmp_path: Path) -> None:
    store = Annotations(tmp_path)
    one = Target.sentence("s1", "a1", 0)
    two = Target.sentence("s2", "b1", 4)
    store.add_tags(one, ["drift", "numbers"], quote="40 killed", outlet="AFP", story_title="Quake")
    store.add_note(one, "death toll differs", quote="40 killed", outlet="AFP", story_title="Quake")
    store.add_tags(two, ["drift"], quote="talks resume", outlet="TRT World", story_title="Talks")
    assert [i.target for i in filter_annotations(store, parse_filter("tag:drift"))] == [two, one]
    assert [i.target for i in filter_annotations(store, parse_filter("tag:drift tag:numbers"))] == [
        one
    ]
    assert [i.target for i in filter_annotations(store, parse_filter("outlet:trt"))] == [two]
    assert [i.target for i in filter_annotations(store, parse_filter("story:s1"))] == [one]
    assert [i.target for i in filter_annotations(store, parse_filter("story:talk"))] == [two]
    assert [i.target for i in filter_annotations(store, parse_filter("deth tol"))] == [one]
    assert filter_annotations(store, parse_filter("outlet:afp story:talks")) == []
