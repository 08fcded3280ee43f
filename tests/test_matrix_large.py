"""The coverage matrix of a big story, drawn lazily (`tui.screens.matrix_large`): the same rows,
marks, keys and choices as the table of a small story, and only what is on screen drawn."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from tests.app_data import messages_of
from tests.test_screens_views import SPEC, Harness, build_story, wide_spec
from tui.core.models import SentenceRef
from tui.core.store.library import Library
from tui.messages import JumpToSentence
from tui.screens.matrix_large import LARGE_CELLS, LargeMatrixScreen, is_large
from tui.screens.matrix_rows import coverage_rows
from tui.screens.views import view_screen
from tui.widgets.annotation_marks import NO_MARKS
from tui.widgets.coverage_grid import CoverageGrid, grid_rows


def _lines(screen: LargeMatrixScreen) -> list[str]:
    grid = screen.query_one(CoverageGrid)
    return [grid.render_line(y).text for y in range(grid.size.height)]


def test_grid_rows_match_the_table_rows() -> None:
    _, alignment = build_story(SPEC)
    ids = ["A", "B", "C"]
    for sparse, full in zip(grid_rows(alignment, ids), coverage_rows(alignment, ids), strict=True):
        assert sparse.cluster == full.cluster and sparse.breadth == full.breadth
        statuses = tuple(sparse.cells[c][0] if c in sparse.cells else None for c in range(3))
        refs = tuple(sparse.cells[c][1] if c in sparse.cells else None for c in range(3))
        assert statuses == full.statuses and refs == full.refs


async def test_large_matrix_marks_sorts_and_opens() -> None:
    articles, alignment = build_story(SPEC, origin="C")
    app = Harness(lambda: LargeMatrixScreen(articles, alignment))
    messages: list[Message] = []
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        screen = app.screen
        assert isinstance(screen, LargeMatrixScreen)
        lines = _lines(screen)
        assert "Alpha Wire" in lines[0] and "Beta News" in lines[0]
        tokyo = next(line for line in lines if "Officials met in Tokyo" in line)
        assert tokyo.count("●") == 3
        hostile = next(line for line in lines if "Ministers said" in line)
        assert "\x1b" not in hostile and "[bold]x[/]" in hostile
        await pilot.press("o")
        assert [row.cluster for row in screen.grid.rows][:2] == [0, 3]
        await pilot.press("o")
        assert [row.cluster for row in screen.grid.rows] == [0, 1, 2, 3, 4, 5]
        await pilot.press("j", "l", "enter")  # cluster 1, outlet B
        await pilot.pause()
    assert app.results == [SentenceRef("B", 2)]
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("B", 2)]


async def test_large_matrix_enter_where_the_outlet_lacks_it_opens_the_origins() -> None:
    articles, alignment = build_story(SPEC, origin="C")
    app = Harness(lambda: LargeMatrixScreen(articles, alignment))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "j", "j", "j", "enter")  # cluster 4: only B carries it; cursor on A
        await pilot.pause()
    assert app.results == [SentenceRef("B", 0)]


async def test_a_big_story_opens_the_lazy_matrix_and_moves_across_it() -> None:
    outlets, clusters = 300, 1000
    articles, alignment = build_story(wide_spec(outlets, clusters), origin="art00")
    assert is_large(alignment) and outlets * clusters > LARGE_CELLS
    screen = view_screen(
        "matrix",
        library=Library(Path("/nonexistent")),
        articles=articles,
        alignment=alignment,
        cursor=None,
        marks=NO_MARKS,
    )
    assert isinstance(screen, LargeMatrixScreen)
    app = Harness(lambda: screen)
    async with app.run_test(size=(120, 36)) as pilot:
        grid = screen.grid
        shown = grid.visible_columns()
        assert 1 <= shown < 20 and grid.hidden() == (0, outlets - shown)
        legend = str(screen.query_one("#matrix-legend").render())
        assert f"(1/{outlets})" in legend and f"{outlets - shown} more →" in legend
        await pilot.press("G")
        assert grid.row == clusters - 1 and grid.top == clusters - grid.visible_rows()
        assert _lines(screen)[-1].lstrip().startswith(str(clusters - 1))
        for _ in range(shown + 5):
            await pilot.press("l")
        await pilot.pause()
        assert grid.column == shown + 5 and grid.left == 6
        assert f"Outlet number {shown + 5:02d}"[:12] in _lines(screen)[0]
        assert "← 6 more" in str(screen.query_one("#matrix-legend").render())
        await pilot.press("g", "o")
        assert grid.rows[0].breadth == outlets  # cluster 0: every outlet carries it
