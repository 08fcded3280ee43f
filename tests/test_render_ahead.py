"""What makes a key's frame cheap must not change what it shows.

PaneList renders rows ahead while the reader rests (`prepare`), remeasures only when something it
measures from changed, and draws its scrollbar without a Rich console (QuickScrollBar); each is
checked here against the plain way of drawing the same thing. The main screen is checked to hand
the panes what `j` would show next, and the Diff to show a rested cursor's move at once.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tests.app_data import running_main
from tests.test_pane_list import Harness, _rows, _shown
from tui.core.models import SentenceRef
from tui.core.store.library import Library
from tui.screens.prepare_ahead import PREPARE_AFTER_S
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_settle import REST_S
from tui.widgets.diff_view import DiffView
from tui.widgets.scrollbar import QuickScrollBar
from tui.widgets.source_list import SourceList


def _cells(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


async def test_rows_rendered_ahead_are_the_rows_a_list_draws_without_them() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane, stock = app.query_one(PaneList), app.query_one("#stock", OptionList)
        app.set_focus(None)  # a focused list is tinted: compare the two unfocused
        pane.set_options(_rows(40, prefix="a"))
        await pilot.pause()
        later = _rows(60, prefix="b")
        pane.prepare(later, around=30)
        rendered_ahead = len(pane._renders)
        assert rendered_ahead > 10, "a screen of rows either side of row 30"
        assert _shown(pane)[0].startswith("a 0 line 0"), "nothing on screen changes"
        pane.set_options(later)
        stock.set_options(_rows(60, prefix="b"))
        pane.highlighted = stock.highlighted = 30
        await pilot.pause()
        assert len(pane._renders) == rendered_ahead, "the frame found every row it drew ready"
        assert pane.scroll_offset == stock.scroll_offset
        region = pane.size.region
        assert _cells(pane.render_lines(region)) == _cells(stock.render_lines(region))


async def test_replaced_rows_of_the_same_count_are_measured_again() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options([Option(Content(f"one line {n}")) for n in range(30)])
        pane.action_last()
        await pilot.pause()
        assert pane.virtual_size.height == 30
        pane.set_options([Option(Content(f"two\nlines {n}")) for n in range(30)])
        pane.action_last()
        await pilot.pause()
        assert pane.virtual_size.height == 60


async def test_the_quick_scrollbar_draws_what_textuals_scrollbar_draws() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options(_rows(200))
        for focused, line in [(False, 0), (True, 40), (False, 123), (True, 1000)]:
            app.set_focus(pane if focused else None)
            pane.scroll_to(y=line, animate=False)
            await pilot.pause()
            bar = pane.vertical_scrollbar
            assert isinstance(bar, QuickScrollBar) and pane.show_vertical_scrollbar
            whole = bar.size.region
            quick = bar.render_lines(whole)
            bar._styles_cache.clear()
            stock = ScrollBar.render_lines(bar, whole)
            assert _cells(quick) == _cells(stock), (focused, line)
            part = Region(0, 2, bar.size.width, 3)
            assert _cells(bar.render_lines(part)) == _cells(stock[2:5])


async def test_a_resting_cursor_has_the_panes_prepare_where_j_leads(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.pause(PREPARE_AFTER_S * 4)
        await pilot.pause()
        cursor = main.cursor
        assert cursor is not None
        following = main.query_one(SourceList).neighbours(cursor.article_id)[0]
        article, diff = main.query_one(ArticleView), main.query_one(DiffView)
        key = (following, False, False, id(main.alignment))
        prepared_rows = article._row_cache.get(key)
        assert prepared_rows is not None, "the next outlet's rows are built while resting"
        prepared = SentenceRef(following, main.index_in(following))
        assert (id(main.alignment), prepared) in diff._rows_cache
        main.query_one("#outlets", PaneList).focus()
        await pilot.pause(REST_S * 2)
        await pilot.press("j")
        assert main.cursor == prepared
        assert main.query_one("#sentences", PaneList).options == prepared_rows
        assert diff.shown == prepared and not diff.pending, "a key after a rest: Diff at once"
