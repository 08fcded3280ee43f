"""The main screen at 80x24 and 120x36: every figure readable, the Diff with room to compare.

At 80x24 the Diff sits under the Article in 9 rows and Sources is 26 columns wide; each test
reads what is drawn (render_line / render) rather than what the widgets were given.
"""

from __future__ import annotations

import pytest
from textual.geometry import Region

from tests.app_data import ready_main_screen, running_main
from tui.app import CrosswireApp
from tui.core.store.library import Library
from tui.screens.main import MainScreen
from tui.widgets import PaneList
from tui.widgets.annotation_marks import NOTE_MARK, TAG_MARK, AnnotationMarks
from tui.widgets.source_list import SourceList

FIGURES = ("outlets", "sentences", "carried elsewhere", "drifts", "shared", "reworded", "unique")


def _drawn(pane_list: PaneList) -> list[str]:
    return [pane_list.render_line(y).text.rstrip() for y in range(pane_list.size.height)]


def _header_lines(main: MainScreen) -> list[str]:
    header = main.query_one("#story-header")
    whole = Region(0, 0, header.outer_size.width, header.size.height)  # with its padding
    return [strip.text.rstrip() for strip in header.render_lines(whole)]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_sources_shows_every_figure_whole(
    seeded: tuple[Library, str], size: tuple[int, int]
) -> None:
    library, story_id = seeded
    app = CrosswireApp(library, story_id=story_id)
    async with app.run_test(size=size) as pilot:
        main = await ready_main_screen(app, pilot)
        lines = _header_lines(main)
        for figure in FIGURES:
            assert figure in " ".join(lines), f"'{figure}' is cut from the story header"
        with_figures = [line for line in lines if any(figure in line for figure in FIGURES)]
        assert all("…" not in line for line in with_figures), "figures are never ellipsized"
        assert lines[0].strip().startswith(main.story.title[:10]), "the title keeps a line"
        first = next(iter(main.articles))
        sources = main.query_one(SourceList)
        sources.marks = AnnotationMarks(per_article={first: {NOTE_MARK: 2, TAG_MARK: 1}})
        await pilot.pause()
        counts = [line for line in _drawn(sources.outlet_list) if "█" in line]
        assert counts and all("…" not in line for line in counts), counts
        assert all(line.endswith(" own") for line in counts[1:]), counts
        assert counts[0].endswith(f" own {NOTE_MARK}2 {TAG_MARK}1"), "✎ notes, # tags only"


async def test_a_short_diff_keeps_its_rows_for_the_comparisons(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id, size=(80, 24)) as (app, pilot, main):
        header, rows = main.query_one("#diff-header"), main.query_one("#diff-rows", PaneList)
        assert header.size.height == 2, "the status and one line of the sentence"
        assert rows.size.height >= 4
        assert len([line for line in _drawn(rows) if line.strip()]) >= 4
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert header.size.height == 6, "tall again: the sentence gets its five lines back"
        assert not main.query_one("#diff").has_class("-low")
