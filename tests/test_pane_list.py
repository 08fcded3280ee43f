"""PaneList measures and renders rows lazily and keeps renders; what it shows must match OptionList.

Each test mounts a PaneList and a stock OptionList side by side with the same rows and the same
size, drives both the same way, and compares the lines they draw and where their rows start.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.widgets import PaneList

CSS = """
Horizontal { height: 1fr; }
OptionList { height: 1fr; width: 1fr; border: none; padding: 0; }
"""


def _rows(count: int, *, prefix: str = "row") -> list[Option | None]:
    """Rows of one to three lines, a divider after every fifth."""
    rows: list[Option | None] = []
    for n in range(count):
        text = "\n".join(f"{prefix} {n} line {k}" for k in range(1 + n % 3))
        rows.append(Option(Content(text), id=f"{prefix}{n}"))
        if n % 5 == 4 and n < count - 1:
            rows.append(None)
    return rows


class Harness(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield PaneList(id="pane")
            yield OptionList(id="stock", markup=False)


def _shown(widget: OptionList) -> list[str]:
    return [strip.text for strip in widget.render_lines(widget.size.region)]


async def test_rows_are_measured_lazily_and_drawn_as_optionlist_draws_them() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane, stock = app.query_one(PaneList), app.query_one("#stock", OptionList)
        pane.set_options(_rows(300))
        stock.set_options(_rows(300))
        await pilot.pause()
        assert len(pane._line_cache.heights) < 60, "only rows near the view are measured"
        assert pane.virtual_size.height > pane.size.height, "the rest is estimated, scrollable"
        assert _shown(pane) == _shown(stock)
        for move in ("action_last", "action_page_up", "action_cursor_up", "action_first"):
            getattr(pane, move)()
            getattr(stock, move)()
            await pilot.pause()
            assert pane.highlighted == stock.highlighted
            assert pane.scroll_offset == stock.scroll_offset
            assert _shown(pane) == _shown(stock), move
        pane.action_last()
        await pilot.pause()
        assert pane._lines == stock._lines, "fully measured: the same line map as OptionList"
        assert pane.virtual_size.height == stock.virtual_size.height


async def test_highlight_moves_and_replaced_rows_are_drawn_fresh() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane, stock = app.query_one(PaneList), app.query_one("#stock", OptionList)
        first, second = _rows(20, prefix="a"), _rows(7, prefix="b")
        app.set_focus(None)  # a focused list is tinted: compare the two unfocused
        pane.set_options(first)
        stock.set_options(_rows(20, prefix="a"))
        await pilot.pause()
        for _ in range(4):
            pane.action_cursor_down()
            stock.action_cursor_down()
            await pilot.pause()
        styles = [[s.style for s in strip] for strip in pane.render_lines(pane.size.region)]
        stock_styles = [[s.style for s in strip] for strip in stock.render_lines(stock.size.region)]
        assert styles == stock_styles, "the rows the highlight left and entered are repainted"
        pane.set_options(second)
        await pilot.pause()
        pane.set_options(first)  # the same Option objects again: kept renders are reused
        stock.set_options(_rows(20, prefix="a"))
        await pilot.pause()
        assert _shown(pane) == _shown(stock)
        pane.replace_option_prompt_at_index(0, Content("replaced"))
        stock.replace_option_prompt_at_index(0, Content("replaced"))
        await pilot.pause()
        assert _shown(pane)[0].startswith("replaced")
        assert _shown(pane) == _shown(stock)


async def test_a_new_row_count_does_not_lay_out_the_screen() -> None:
    app = Harness()
    async with app.run_test(size=(80, 12)) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options(_rows(40))
        await pilot.pause()
        region = pane.region
        pane.set_options(_rows(45, prefix="c"))
        assert not app.screen._layout_required and not pane._layout_required
        await pilot.pause()
        assert pane.region == region


class DeferredHarness(App[None]):
    CSS = CSS

    def compose(self) -> ComposeResult:
        yield PaneList(id="pane", deferred_highlight=True)


async def test_a_deferred_highlight_is_painted_only_when_its_pane_shows_it() -> None:
    """A list standing for the screen's cursor announces a move at once but repaints nothing
    until `show_highlight`, so the move lands in the frame that carries what it changed."""
    app = DeferredHarness()
    messages: list[Message] = []
    async with app.run_test(size=(80, 12), message_hook=messages.append) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options(_rows(20))
        pane.highlighted = 0
        pane.show_highlight()
        await pilot.pause()
        messages.clear()
        pane.action_cursor_down()
        assert not pane._repaint_required, "moved, announced, not repainted yet"
        await pilot.pause()
        announced = [m for m in messages if isinstance(m, OptionList.OptionHighlighted)]
        assert [m.option_index for m in announced][:1] == [1]
        assert not pane._repaint_required
        pane.show_highlight()
        assert pane._repaint_required, "the rows it left and entered are repainted now"
        await pilot.pause()
        pane.show_highlight()
        assert not pane._repaint_required, "drawn already: nothing more to repaint"


class WrapHarness(App[None]):
    CSS = """
    PaneList { width: 40; height: 1fr; border: none; padding: 0; scrollbar-size-vertical: 2; }
    """

    def compose(self) -> ComposeResult:
        yield PaneList(id="pane")


def _sentences(count: int) -> list[Option | None]:
    """Sentences of exactly 40 cells: one line in the list without a scrollbar, two with one."""
    return [
        Option(Content(f"Sentence {n:02d} of the story ends on WORD{n:02d}"), id=f"s{n}")
        for n in range(count)
    ]


def _assert_every_sentence_whole(pane: PaneList) -> None:
    """Each row measured at the width it is drawn at, and each measured row's last word drawn."""
    shown = " ".join(_shown(pane))  # drawing measures, as a frame would
    text_width = pane.scrollable_content_region.width
    for index, height in pane._line_cache.heights.items():
        visual = pane._get_visual(pane.options[index])
        assert height == visual.get_height(pane.styles, text_width), f"row {index}"
    first = pane._lines[pane.scroll_offset.y][0]
    last = pane._lines[min(pane.scroll_offset.y + pane.size.height, len(pane._lines)) - 1][0]
    for index in range(first, last):
        assert f"WORD{index:02d}" in shown, f"sentence {index} lost its last line"


async def test_sentences_stay_whole_when_a_scrollbar_comes_and_goes_and_after_resizes() -> None:
    """Rows measured before a scrollbar appeared (or a resize) must be measured again: a
    sentence that wraps one line more at the narrower width otherwise loses its last line."""
    app = WrapHarness()
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options(_sentences(3))
        await pilot.pause()
        assert not pane.show_vertical_scrollbar
        assert pane._line_cache.heights[0] == 1
        _assert_every_sentence_whole(pane)
        pane.set_options(_sentences(20))  # needs a scrollbar: 2 cells narrower, two lines each
        await pilot.pause()
        assert pane.show_vertical_scrollbar
        _assert_every_sentence_whole(pane)
        pane.set_options(_sentences(3))  # the scrollbar goes again
        await pilot.pause()
        assert not pane.show_vertical_scrollbar
        _assert_every_sentence_whole(pane)
        pane.set_options(_sentences(20))
        for width, height in ((30, 8), (80, 30), (60, 12)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            _assert_every_sentence_whole(pane)
