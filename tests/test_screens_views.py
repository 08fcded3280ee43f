"""The comparison screens (side by side, matrix, drift list) and the library screens (stories,
import), each pushed on a small harness app and driven with the Pilot.

Alignment data is built by hand here so each test knows exactly which rows, marks and refs to
expect; the import test runs the real importer on the bundled seeds into a library in tmp_path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, ProgressBar, Static

from tests.app_data import messages_of
from tui.core.models import (
    Article,
    Cluster,
    Drift,
    Sentence,
    SentenceInfo,
    SentenceRef,
    Status,
    StoryAlignment,
)
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.messages import ImportFinished, JumpToSentence, OpenStory
from tui.screens.choice import ChoiceScreen, choice_callback
from tui.screens.drift_list import DriftListScreen
from tui.screens.import_screen import ImportScreen, complete_path
from tui.screens.matrix import CoverageMatrixScreen
from tui.screens.matrix_rows import coverage_rows
from tui.screens.side_by_side import SideBySideScreen, pair_rows
from tui.screens.stories import StoriesScreen, filter_stories
from tui.widgets import safe_text
from tui.widgets.diff_text import (
    DELETE_STYLE,
    INLINE_DELETE_STYLE,
    INSERT_STYLE,
    REPLACE_STYLE,
    DiffStyles,
    locate_words,
    render_word_diff,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HOSTILE = "Ministers said [bold]x[/] and \x1b[31m red."
"""A sentence that would be markup or a terminal escape if it were not treated as data."""

Spec = dict[str, tuple[str, list[tuple[str, int, Status]]]]
"""article id -> (outlet, [(sentence text, cluster id, status), ...])."""


def build_story(
    spec: Spec, *, drift: Sequence[Drift] = (), origin: str | None = None
) -> tuple[list[Article], StoryAlignment]:
    """Articles and a StoryAlignment exactly as `spec` says, the shape align_story returns."""
    articles: list[Article] = []
    sentences: dict[str, tuple[SentenceInfo, ...]] = {}
    members: dict[int, list[SentenceRef]] = {}
    texts: dict[int, str] = {}
    for article_id, (outlet, rows) in spec.items():
        infos = []
        for index, (text, cluster, status) in enumerate(rows):
            ref = SentenceRef(article_id, index)
            members.setdefault(cluster, []).append(ref)
            texts.setdefault(cluster, text)
            infos.append(SentenceInfo(ref, text, status, cluster, (), ()))
        sentences[article_id] = tuple(infos)
        text = "\n".join(row[0] for row in rows)
        articles.append(
            Article(
                id=article_id,
                story_id="story",
                outlet=outlet,
                title=rows[0][0],
                source=f"{article_id}.txt",
                url=None,
                date=None,
                imported_at="2026-01-01T00:00:00",
                raw=text,
                text=text,
                sentences=tuple(Sentence(i, r[0], 0, 0, i) for i, r in enumerate(rows)),
                removed=(),
            )
        )
    outlets = {article_id: spec[article_id][0] for article_id in spec}
    clusters = tuple(
        Cluster(
            cluster_id,
            tuple(refs),
            texts[cluster_id],
            tuple(sorted({outlets[r.article_id] for r in refs})),
        )
        for cluster_id, refs in sorted(members.items())
    )
    alignment = StoryAlignment(
        article_ids=tuple(spec),
        outlets=outlets,
        sentences=sentences,
        clusters=clusters,
        missing={},
        drift=tuple(drift),
        pairs=(),
        shares=(),
        origin=origin,
    )
    return articles, alignment


SPEC: Spec = {
    "A": (
        "Alpha Wire",
        [
            ("Japan and the U.S. agreed on Friday.", 0, "reworded"),
            ("The deal covers 12 ships.", 1, "reworded"),
            ("Only Alpha says this.", 2, "unique"),
            ("Officials met in Tokyo.", 3, "shared"),
        ],
    ),
    "B": (
        "Beta News",
        [
            ("Beta opens with its own line.", 4, "unique"),
            ("Japan and the US agreed on Thursday.", 0, "reworded"),
            ("The deal covers 14 ships.", 1, "reworded"),
            ("Officials met in Tokyo.", 3, "shared"),
            (HOSTILE, 5, "unique"),
        ],
    ),
    "C": (
        "Gamma Times",
        [
            ("Officials met in Tokyo.", 3, "shared"),
            ("Japan and the U.S. agreed on Friday.", 0, "shared"),
        ],
    ),
}
DRIFTS = (
    Drift(
        1,
        "number",
        "12",
        "14",
        ("Alpha Wire",),
        ("Beta News",),
        (SentenceRef("A", 1),),
        (SentenceRef("B", 2),),
    ),
    Drift(
        0,
        "date",
        "Friday",
        "Thursday",
        ("Alpha Wire", "Gamma Times"),
        ("Beta News",),
        (SentenceRef("A", 0), SentenceRef("C", 1)),
        (SentenceRef("B", 1),),
    ),
    Drift(
        0,
        "spelling",
        "U.S.",
        "US",
        ("Alpha Wire",),
        ("Beta News",),
        (SentenceRef("C", 1),),
        (SentenceRef("B", 1),),
    ),
    Drift(5, "quote", "[bold]x[/]", "\x1b[31m", ("Beta News",), ("Alpha Wire",), (), ()),
)


class Harness(App[None]):
    """Pushes one screen over a blank base screen and keeps what it dismisses with.

    A view that closes on a choice is pushed as the main screen pushes it: with the callback that
    posts, on the screen below, the request the choice stands for (`choice_callback`)."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        screen = self.make_screen()
        ask = choice_callback(self.screen, screen) if isinstance(screen, ChoiceScreen) else None

        def closed(result: object) -> None:
            self.results.append(result)
            if ask is not None:
                ask(result)

        self.push_screen(screen, callback=closed)


def screen_text(app: App[Any]) -> str:
    """Everything on the terminal right now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


# --- the shared renderer --------------------------------------------------------------------


def styles_at(content: Content, word: str) -> list[str]:
    start = content.plain.index(word)
    return [str(span.style) for span in content.spans if span.start <= start < span.end]


def test_word_diff_marks_deletions_left_insertions_right_and_replacements_both() -> None:
    a, b = "The deal covers 12 ships, officials said.", "The deal covers 14 ships."
    left = render_word_diff(a, b, side="a")
    right = render_word_diff(a, b, side="b")
    assert left.plain == a and right.plain == b
    assert styles_at(left, "12") == [REPLACE_STYLE] and styles_at(right, "14") == [REPLACE_STYLE]
    assert styles_at(left, "deal") == [] and styles_at(right, "deal") == []
    assert styles_at(left, "officials") == [DELETE_STYLE]
    grown = render_word_diff("Officials met.", "Officials met in Tokyo today.", side="b")
    assert styles_at(grown, "Tokyo") == [INSERT_STYLE] and styles_at(grown, "Officials") == []
    inline = render_word_diff(a, b, side="inline")
    assert inline.plain.startswith("The deal covers 12 14 ships")
    assert REPLACE_STYLE in styles_at(inline, "14") and styles_at(inline, "deal") == []
    assert styles_at(inline, "12") == [INLINE_DELETE_STYLE]
    assert DELETE_STYLE.startswith("$") and INSERT_STYLE.startswith("$"), "theme variables"


def test_word_diff_takes_other_styles() -> None:
    plain = DiffStyles(delete="red", insert="green", replace="yellow", inline_delete="red strike")
    right = render_word_diff(
        "The deal covers 12 ships.", "The deal covers 14 ships.", side="b", styles=plain
    )
    assert styles_at(right, "14") == ["yellow"]


def test_word_diff_keeps_markup_and_escapes_as_literal_text() -> None:
    rendered = render_word_diff(HOSTILE, "Ministers said nothing.", side="a")
    assert "[bold]x[/]" in rendered.plain
    assert "\x1b" not in rendered.plain and "␛[31m" in rendered.plain
    assert safe_text("a\x1bb\x07\x9b") == "a␛b␇\ufffd", "C0 and C1 controls, one for one"
    with pytest.raises(ValueError):
        render_word_diff("a", "b", side="middle")  # type: ignore[arg-type]


def test_locate_words_maps_repeated_words_to_successive_places() -> None:
    assert locate_words("the cat and the dog", ["the", "cat", "and", "The", "dog"]) == [
        (0, 3),
        (4, 7),
        (8, 11),
        (12, 15),
        (16, 19),
    ]
    assert locate_words("abc", ["zzz", "abc"]) == [None, (0, 3)]


# --- side by side ----------------------------------------------------------------------------


def test_pair_rows_interleave_right_only_sentences_at_their_place() -> None:
    _, alignment = build_story(SPEC)
    rows = pair_rows(alignment.sentences["A"], alignment.sentences["B"])
    shape = [
        (r.left.ref.index if r.left else None, r.right.ref.index if r.right else None) for r in rows
    ]
    assert shape == [(None, 0), (0, 1), (1, 2), (2, None), (3, 3), (None, 4)]
    crossing = pair_rows(alignment.sentences["A"], alignment.sentences["C"])
    assert [(r.left and r.left.ref.index, r.right and r.right.ref.index) for r in crossing] == [
        (0, 1),
        (1, None),
        (2, None),
        (3, 0),
    ]


def infos_for(article_id: str, clusters: Sequence[int]) -> tuple[SentenceInfo, ...]:
    return tuple(
        SentenceInfo(SentenceRef(article_id, i), f"s{i}", "shared", c, (), ())
        for i, c in enumerate(clusters)
    )


@given(
    st.lists(st.integers(0, 8), max_size=12),
    st.lists(st.integers(0, 8), max_size=12),
)
def test_pair_rows_show_every_sentence_once_in_left_order(
    left_clusters: list[int], right_clusters: list[int]
) -> None:
    rows = pair_rows(infos_for("L", left_clusters), infos_for("R", right_clusters))
    lefts = [row.left.ref.index for row in rows if row.left is not None]
    rights = sorted(row.right.ref.index for row in rows if row.right is not None)
    assert lefts == list(range(len(left_clusters)))
    assert rights == list(range(len(right_clusters)))
    for row in rows:
        assert row.left is not None or row.right is not None
        if row.left is not None and row.right is not None:
            assert row.left.cluster == row.right.cluster


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_text_is_always_the_sentence_itself(a: str, b: str) -> None:
    assert render_word_diff(a, b, side="a").plain == safe_text(a)
    assert render_word_diff(a, b, side="b").plain == safe_text(b)
    inline = render_word_diff(a, b, side="inline").plain
    assert all(ch not in inline for ch in "\x1b\x00\x7f")


async def test_side_by_side_moves_swaps_and_jumps() -> None:
    articles, alignment = build_story(SPEC)
    app = Harness(lambda: SideBySideScreen(articles, alignment, "A", "B"))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        assert len(screen.rows) == 6
        assert screen.query_one(OptionList).option_count == 6
        text = screen_text(app)
        assert "Alpha Wire" in text and "Beta News" in text
        assert "[bold]x[/]" in text and "␛[31m" in text
        await pilot.press("full_stop")  # left: next after A skips B (on the right) to C
        assert (screen.left_id, screen.right_id) == ("C", "B")
        await pilot.press("comma")
        assert screen.left_id == "A"
        await pilot.press("greater_than_sign")
        assert screen.right_id == "C"
        assert len(screen.rows) == 4
        await pilot.press("less_than_sign", "s")
        assert (screen.left_id, screen.right_id) == ("B", "A")
        await pilot.press("s", "g", "j", "j", "k")
        assert screen.query_one(OptionList).highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
    jumps = messages_of(messages, JumpToSentence)
    assert [jump.ref for jump in jumps] == [SentenceRef("A", 0)]
    assert app.results == [SentenceRef("A", 0)]


async def test_side_by_side_right_only_row_jumps_to_right_sentence_and_q_returns_none() -> None:
    articles, alignment = build_story(SPEC)
    app = Harness(lambda: SideBySideScreen(articles, alignment, "A", "B"))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        await pilot.press("G", "enter")
        await pilot.pause()
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("B", 4)]
    app = Harness(lambda: SideBySideScreen(articles, alignment, "A", "B"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Officials met in Tokyo." in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.results == [None]


def test_side_by_side_rejects_an_article_outside_the_alignment() -> None:
    articles, alignment = build_story(SPEC)
    with pytest.raises(ValueError, match="Z"):
        SideBySideScreen(articles, alignment, "A", "Z")


# --- coverage matrix -------------------------------------------------------------------------


def test_coverage_rows_give_each_cluster_its_statuses_per_article() -> None:
    _, alignment = build_story(SPEC)
    rows = {row.cluster: row for row in coverage_rows(alignment, ["A", "B", "C"])}
    assert rows[3].statuses == ("shared", "shared", "shared") and rows[3].breadth == 3
    assert rows[0].statuses == ("reworded", "reworded", "shared")
    assert rows[4].statuses == (None, "unique", None)
    assert rows[0].refs == (SentenceRef("A", 0), SentenceRef("B", 1), SentenceRef("C", 1))


async def test_matrix_marks_sorts_and_opens() -> None:
    articles, alignment = build_story(SPEC, origin="C")
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, CoverageMatrixScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 6 and len(table.columns) == 3 + 3
        assert str(table.get_cell("3", "B")) == "●"
        assert str(table.get_cell("0", "A")) == "◐"
        assert str(table.get_cell("4", "A")) == ""
        assert [row.cluster for row in screen.shown] == [0, 1, 2, 3, 4, 5]
        await pilot.press("o")
        assert [row.cluster for row in screen.shown][:2] == [0, 3]
        assert screen.shown[0].breadth == 3 and screen.shown[-1].breadth == 1
        await pilot.press("o")
        assert [row.cluster for row in screen.shown] == [0, 1, 2, 3, 4, 5]
        # the cursor starts on cluster 0 under the first outlet, A, which carries it
        await pilot.press("enter")
        await pilot.pause()
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("A", 0)]
    assert app.results == [SentenceRef("A", 0)]


async def test_matrix_enter_on_an_outlet_cell_opens_that_outlets_sentence() -> None:
    articles, alignment = build_story(SPEC, origin="C")
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        await pilot.press("j", "l", "enter")  # cluster 1, one right of outlet A: outlet B
        await pilot.pause()
    assert app.results == [SentenceRef("B", 2)]
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("B", 2)]


def wide_spec(outlets: int, clusters: int) -> Spec:
    """Outlet k carries every cluster c with c % (k + 1) == 0 (outlet 0 carries them all)."""
    spec: Spec = {}
    for k in range(outlets):
        rows: list[tuple[str, int, Status]] = [
            (f"Sentence number {c} of the story.", c, "shared" if k % 2 else "reworded")
            for c in range(clusters)
            if c % (k + 1) == 0
        ]
        spec[f"art{k:02d}"] = (f"Outlet number {k:02d}", rows)
    return spec


async def test_matrix_handles_51_outlets_and_500_clusters() -> None:
    articles, alignment = build_story(wide_spec(51, 500), origin="art00")
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, CoverageMatrixScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 500 and len(table.columns) == 54
        await pilot.press("o")
        assert screen.shown[0].cluster == 0 and screen.shown[0].breadth == 51
        await pilot.press("G")
        assert table.cursor_coordinate.row == 499
        for _ in range(53):
            await pilot.press("l")
        assert table.cursor_coordinate.column == 53
        assert table.scroll_x > 0


async def test_matrix_at_80x24_shows_the_text_column() -> None:
    articles, alignment = build_story(SPEC)
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Officials met in Tokyo." in text and "Alpha Wire" in text and "●" in text
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# --- drift list ------------------------------------------------------------------------------


async def test_drift_list_filters_by_kind_and_jumps_to_refs_a() -> None:
    _, alignment = build_story(SPEC, drift=DRIFTS)
    app = Harness(lambda: DriftListScreen(alignment))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 4
        assert [d.kind for d in screen.shown] == ["number", "date", "quote", "spelling"]
        spelling = table.get_row_at(3)
        assert all(
            isinstance(cell, Text) and cell.style == Style(dim=True) for cell in spelling[1:]
        )
        assert table.get_row_at(0)[1].style != Style(dim=True)
        assert screen.kinds == ("number", "date", "quote", "spelling")
        text = screen_text(app)
        assert "[bold]x[/]" in text and "␛[31m" in text
        await pilot.press("f")
        assert screen.kind_filter == "number" and table.row_count == 1
        await pilot.press("f")
        assert screen.kind_filter == "date" and table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("A", 0)]
    assert app.results == [SentenceRef("A", 0)]


async def test_drift_list_groups_spelling_pairs_and_shows_both_sentences() -> None:
    repeated = (
        Drift(1, "spelling", "ships", "shipz", ("Alpha Wire",), ("Beta News",),
              (SentenceRef("A", 1),), (SentenceRef("B", 2),)),
        Drift(3, "spelling", "shipz", "ships", ("Gamma Times",), ("Alpha Wire",),
              (SentenceRef("C", 0),), (SentenceRef("A", 3),)),
    )  # fmt: skip
    _, alignment = build_story(SPEC, drift=(*DRIFTS, *repeated))
    app = Harness(lambda: DriftListScreen(alignment))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 5, "the ships/shipz pair in two clusters is one row"
        grouped = screen.shown[-1]
        assert [d.cluster for d in grouped.drifts] == [1, 3]
        assert grouped.outlets("a") == ["Alpha Wire"], "a flipped pair counts on its own side"
        assert grouped.outlets("b") == ["Beta News", "Gamma Times"]
        assert str(table.get_row_at(4)[1]) == "2 sent."
        assert str(table.get_row_at(0)[1]) == "1", "the cluster column"
        detail = screen.query_one("#drift-detail", Static)
        shown = str(detail.render())
        assert "The deal covers 12 ships." in shown and "The deal covers 14 ships." in shown
        await pilot.press("G")
        await pilot.pause()
        shown = str(detail.render())
        assert "2 sentences (clusters 1, 3)" in shown
        await pilot.press("enter")
        await pilot.pause()
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("A", 1)]


async def test_drift_list_cycles_back_to_all_and_warns_on_a_drift_without_refs() -> None:
    _, alignment = build_story(SPEC, drift=DRIFTS)
    app = Harness(lambda: DriftListScreen(alignment))
    messages: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        for _ in range(5):
            await pilot.press("f")
        assert screen.kind_filter is None and screen.query_one(DataTable).row_count == 4
        await pilot.press("j", "j", "enter")  # the quote drift names no sentence
        await pilot.pause()
        assert app.screen is screen
        assert messages_of(messages, JumpToSentence) == []
        await pilot.press("q")
        await pilot.pause()
    assert app.results == [None]


# --- stories and import ----------------------------------------------------------------------


@pytest.fixture
def seeded_library(tmp_path: Path) -> Library:
    """A library in tmp_path with the seed story and one empty story with a hostile title."""
    library = Library(tmp_path / "library")
    report = import_paths(library, [SEEDS])
    assert report.story_ids, report.problems
    library.create_story("Election results in Portugal [bold]x[/]")
    return library


def test_filter_stories_is_fuzzy_and_keeps_everything_for_a_blank_query(
    seeded_library: Library,
) -> None:
    stories = seeded_library.stories()
    assert filter_stories(stories, "  ") == stories
    assert [s.title for s in filter_stories(stories, "portgal electon")] == [stories[1].title]
    assert filter_stories(stories, "zzzzqqq") == []


async def test_stories_screen_searches_and_opens(seeded_library: Library) -> None:
    stories = seeded_library.stories()
    app = Harness(lambda: StoriesScreen(seeded_library))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one(OptionList).option_count == 2
        text = screen_text(app)
        assert "5 articles" in text and "[bold]x[/]" in text
        await pilot.press(*"electon")
        assert [s.id for s in screen.shown] == [stories[1].id]
        await pilot.press("enter")
        await pilot.pause()
    assert [m.story_id for m in messages_of(messages, OpenStory)] == [stories[1].id]
    assert app.results == [stories[1].id]


async def test_stories_screen_moves_with_arrows_from_the_search_box(
    seeded_library: Library,
) -> None:
    stories = seeded_library.stories()
    app = Harness(lambda: StoriesScreen(seeded_library))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [stories[1].id]


def test_complete_path_completes_names_and_marks_folders(tmp_path: Path) -> None:
    (tmp_path / "seeds-folder").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert complete_path(str(tmp_path / "se")) == str(tmp_path / "seeds-folder") + "/"
    assert complete_path(str(tmp_path / "no")) == str(tmp_path / "notes.txt")
    assert complete_path(str(tmp_path / "zz")) is None
    assert complete_path(str(tmp_path / "missing" / "a")) is None
    assert complete_path(str(tmp_path) + "/.h") == str(tmp_path / ".hidden")


async def test_import_screen_imports_the_seeds_and_reports(tmp_path: Path) -> None:
    library = Library(tmp_path / "library")
    app = Harness(lambda: ImportScreen(library, start_path=tmp_path))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        path_input = screen.query_one("#import-path")
        path_input.value = str(SEEDS.parent / "see")  # type: ignore[attr-defined]
        await pilot.press("tab")
        assert path_input.value == str(SEEDS) + "/"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        bar = screen.query_one(ProgressBar)
        assert bar.total == 5 and bar.progress == 5
        assert any(
            line.startswith("story '") and "5 articles" in line for line in screen.result_lines
        )
        assert "TRT World" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    finished = messages_of(messages, ImportFinished)
    assert len(finished) == 1 and finished[0].lines == screen.result_lines
    story_id = finished[0].story_id
    assert story_id is not None and app.results == [story_id]
    assert len(library.articles(story_id)) == 5


async def test_import_screen_reports_a_missing_path_in_one_line(tmp_path: Path) -> None:
    library = Library(tmp_path / "library")
    app = Harness(lambda: ImportScreen(library, start_path=tmp_path))
    messages: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path").value = str(tmp_path / "nowhere")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert screen.result_lines == [f"problem: {tmp_path / 'nowhere'}: no such file or folder"]
    finished = messages_of(messages, ImportFinished)
    assert [(m.story_id, m.lines) for m in finished] == [(None, screen.result_lines)]
    assert library.is_empty()


# --- the real pipeline: seeds imported, aligned, shown ---------------------------------------


async def test_views_show_the_aligned_seed_story(tmp_path: Path) -> None:
    from tui.core.align.engine import align_story

    library = Library(tmp_path / "library")
    story_id = import_paths(library, [SEEDS]).story_ids[0]
    articles = library.articles(story_id)
    alignment = align_story(articles)
    left, right = articles[0].id, articles[1].id
    app = Harness(lambda: SideBySideScreen(articles, alignment, left, right))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        for article_id, side in ((left, "left"), (right, "right")):
            shown = [getattr(row, side).ref.index for row in screen.rows if getattr(row, side)]
            assert shown == sorted(shown) or side == "right"
            assert sorted(shown) == list(range(len(alignment.sentences[article_id])))
        for _ in range(len(articles)):
            await pilot.press("full_stop", "greater_than_sign")
            assert screen.left_id != screen.right_id
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(alignment.clusters)
        assert len(table.columns) == 3 + len(articles)
    app = Harness(lambda: DriftListScreen(alignment))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        shown = sum(len(row.drifts) for row in screen.shown)
        assert shown == len(alignment.drift), "every drift is in exactly one row"
        assert screen.query_one(DataTable).row_count == len(screen.shown)
        assert set(screen.kinds) == {drift.kind for drift in alignment.drift}
