"""The matrix and the drift list at 80x24: nothing is out of reach, and what is off screen says so.

At 80 columns the matrix cannot show every outlet column at once: the cursor must reach each of
them (the table scrolls to follow it), the line under the table must count the columns off screen
on each side, and enter must open the outlet under the cursor. The drift list must show who holds
each version, both sides, without a column falling off the right edge.
"""

from __future__ import annotations

import textwrap

from textual.message import Message
from textual.widgets import DataTable, Static

from tests.app_data import messages_of
from tests.test_screens_views import DRIFTS, SPEC, Harness, build_story, screen_text, wide_spec
from tui.core.models import SentenceRef
from tui.messages import JumpToSentence
from tui.screens.drift_list import DriftListScreen
from tui.screens.drift_rows import outlets_summary
from tui.screens.matrix import FIXED_COLUMNS, CoverageMatrixScreen
from tui.screens.matrix_rows import hidden_outlets, matrix_widths


def _legend(screen: CoverageMatrixScreen) -> str:
    return str(screen.query_one("#matrix-legend", Static).render())


async def test_matrix_at_80x24_reaches_every_outlet_and_counts_the_hidden_ones() -> None:
    articles, alignment = build_story(wide_spec(6, 8), origin="art00")
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    messages: list[Message] = []
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CoverageMatrixScreen)
        table = screen.query_one(DataTable)
        assert table.cursor_coordinate.column == FIXED_COLUMNS, "the cursor starts on an outlet"
        left, right = screen.hidden()
        assert left == 0 and right > 0, "some outlets do not fit at 80 columns"
        assert f"{right} more →" in _legend(screen)
        assert "● near-copy" in _legend(screen) and "○ only here" in _legend(screen)
        await pilot.press("h")
        assert table.cursor_coordinate.column == FIXED_COLUMNS, "h stops at the first outlet"
        for _ in range(10):
            await pilot.press("l")
        await pilot.pause()
        assert table.cursor_coordinate.column == FIXED_COLUMNS + 5, "l reaches the last outlet"
        left, right = screen.hidden()
        assert right == 0 and left > 0, "the table scrolled to show the last outlet whole"
        assert f"← {left} more" in _legend(screen) and "Outlet number 05" in _legend(screen)
        assert "Outlet number 05" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    # cluster 0 is carried by every outlet: enter opens the one under the cursor
    assert [jump.ref for jump in messages_of(messages, JumpToSentence)] == [SentenceRef("art05", 0)]


async def test_matrix_enter_on_an_outlet_without_the_sentence_says_whose_it_opens() -> None:
    articles, alignment = build_story(SPEC, origin="C")
    app = Harness(lambda: CoverageMatrixScreen(articles, alignment))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "l", "enter")  # cluster 2 (only Alpha has it), Beta's column
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
    assert app.results == [SentenceRef("A", 2)]
    assert shown == ["Beta News does not carry this sentence; showing Alpha Wire's."]


def test_matrix_widths_give_the_sentence_the_room_the_outlets_leave() -> None:
    names = ["city_news", "daily_herald", "morning_post", "regional_tv", "wire_press"]
    wide = matrix_widths(118, names)
    assert wide.header == 12 and wide.text >= 36, "at 120 columns every name shows whole"
    narrow = matrix_widths(78, names)
    assert 20 <= narrow.text < wide.text
    assert matrix_widths(118, [f"Outlet {k:02d} with a long name" for k in range(51)]).header == 14


def test_hidden_outlets_counts_columns_not_wholly_in_view() -> None:
    widths = [10, 10, 10, 10]
    assert hidden_outlets(widths, fixed=20, scroll_x=0, viewport=45) == (0, 2)
    assert hidden_outlets(widths, fixed=20, scroll_x=5, viewport=45) == (1, 1)
    assert hidden_outlets(widths, fixed=20, scroll_x=20, viewport=45) == (2, 0)


async def test_drift_list_at_80x24_shows_who_holds_each_version() -> None:
    _, alignment = build_story(SPEC, drift=DRIFTS)
    app = Harness(lambda: DriftListScreen(alignment))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no column off"
        lines = screen_text(app).splitlines()
        table_lines = lines[: lines.index(next(line for line in lines if "Alpha Wire:" in line))]
        table_text = "\n".join(table_lines)
        assert "Alpha Wire" in table_text and "Beta News" in table_text, "both sides named"


def test_outlets_summary_wraps_into_two_lines_and_counts_the_rest() -> None:
    four = ["CRBC News", "Ground News", "Portugal Colonial", "TRT World"]
    assert outlets_summary(four, width=60) == "CRBC News, Ground News, Portugal Colonial, TRT World"
    cut = outlets_summary(four, width=27)
    assert cut == "CRBC News, Ground News, Portugal Colonial +1 more"
    assert len(textwrap.wrap(cut, 27)) == 2
    many = outlets_summary([f"Outlet number {k:02d}" for k in range(51)], width=27)
    assert many.endswith(" +49 more") and len(textwrap.wrap(many, 27)) <= 2
