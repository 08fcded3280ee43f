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
        prompt = GutterRow(body, bar_style="green") if n % 2 else body
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
