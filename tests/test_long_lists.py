"""A list of thousands of rows (an article of 79,000 sentences) measures them while idle, by
counting line breaks, and `G` lands where a stock OptionList puts the last row."""

from __future__ import annotations

import asyncio
import random

from textual.content import Content
from textual.widgets.option_list import Option

from tests.test_pane_list import Harness, _shown
from tui.widgets import PaneList
from tui.widgets.gutter import GutterRow
from tui.widgets.pane_list import LONG_LIST

WORDS = [
    "the",
    "council",
    "approved",
    "a",
    "new",
    "railway",
    "bridge",
    "over",
    "river",
    "Tokyo's",
    "defence-equipment",
]


def _sentences(count: int) -> list[Option]:
    rng = random.Random(5)
    rows = []
    for n in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
        if n % 7 == 0:
            text = "“" + text + "”"  # not plain ASCII: measured rich's way
        body = Content(text)
        number = f"{n + 1:>5}" if n % 4 == 1 else ""  # numbered rows have a wider gutter
        prompt = GutterRow(body, bar_style="green", number=number) if n % 2 else body
        rows.append(Option(prompt, id=f"s{n}"))
    return rows


async def test_a_long_list_is_measured_while_idle_and_g_lands_on_the_last_row() -> None:
    count = LONG_LIST * 3
    app = Harness()
    async with app.run_test(size=(80, 20)) as pilot:
        pane = app.query_one(PaneList)
        pane.set_options(_sentences(count))
        await pilot.pause()
        for _ in range(200):
            if len(pane._line_cache.heights) == count:
                break
            await asyncio.sleep(0.02)
        assert len(pane._line_cache.heights) == count, "every row measured while idle"
        width = pane.scrollable_content_region.width - pane._get_left_gutter_width()
        textual = [pane._get_visual(o).get_height(pane.styles, width) for o in pane.options]
        assert [pane._line_cache.heights[n] for n in range(count)] == textual
        assert pane.virtual_size.height == sum(textual)
        pane.focus()
        await pilot.press("G")
        await pilot.pause()
        assert pane.highlighted == count - 1
        assert pane.scroll_y == pane.max_scroll_y == sum(textual) - pane.size.height
        last = pane.options[-1].prompt
        assert _shown(pane)[-1].rstrip().endswith(last.plain.split()[-1])


async def test_a_long_list_set_again_keeps_its_rows_and_ids() -> None:
    """Setting a long list of rows it was given before reuses its option maps; the list reads
    exactly as when it was first given them."""
    app = Harness()
    async with app.run_test(size=(80, 20)) as pilot:
        pane = app.query_one(PaneList)
        long_rows, short_rows = _sentences(LONG_LIST + 5), _sentences(10)
        pane.set_options(long_rows)
        await pilot.pause()
        first = (_shown(pane), dict(pane._id_to_option), dict(pane._option_to_index))
        pane.set_options(short_rows)
        await pilot.pause()
        assert pane.option_count == 10
        pane.set_options(long_rows)
        await pilot.pause()
        assert (_shown(pane), dict(pane._id_to_option), dict(pane._option_to_index)) == first
        assert pane.option_count == LONG_LIST + 5 and pane.highlighted is None
        assert pane.get_option_index(f"s{LONG_LIST}") == LONG_LIST
        pane.highlighted = LONG_LIST + 4
        await pilot.pause()
        assert pane.highlighted_option is long_rows[-1]
