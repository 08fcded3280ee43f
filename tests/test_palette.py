"""Every built-in theme keeps crosswire's text legible, and every view speaks one colour language.

The contrast test renders the real panes of the bundled story in each theme and measures each
run of text against the background it is drawn on (WCAG 2 relative luminance, AA ratio 4.5).
ANSI themes are measured through the app's own ANSI palette (the colours Textual would show).
"""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from rich.style import Style
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tests.app_data import running_main, seeded_library
from tui.core.store.library import Library
from tui.screens.side_by_side import SideBySideScreen
from tui.widgets.diff_text import DiffStyles, render_pair, render_word_diff
from tui.widgets.palette import (
    MIN_CONTRAST,
    ONLY_HERE,
    ONLY_THERE,
    REWORDED,
    SHARED,
    STATUS_MARK_STYLE,
    contrast,
)

MARKS = set("▍■█▐▌│─━┃ \u00a0")
"""Glyphs that are marks, not text (status bars, legend squares, rules): WCAG asks 3:1 of them."""

THEMES = list(App().available_themes)


def _rgb(colour: RichColor | None, ansi: TerminalTheme, *, foreground: bool) -> Color:
    if colour is None:
        default = ansi.foreground_color if foreground else ansi.background_color
        return Color(*default)
    triplet = colour.get_truecolor(ansi, foreground=foreground)
    return Color(triplet.red, triplet.green, triplet.blue)


def _illegible(widget: Widget, ansi: TerminalTheme) -> list[str]:
    """Each run of text in `widget` (as drawn now) whose contrast is under MIN_CONTRAST."""
    found = []
    for y in range(widget.size.height):
        for segment in widget.render_line(y):
            style = segment.style or Style()
            if not set(segment.text) - MARKS:
                continue
            fg, bg = style.color, style.bgcolor
            if style.reverse:
                fg, bg = bg, fg
            ratio = contrast(
                _rgb(fg, ansi, foreground=not style.reverse),
                _rgb(bg, ansi, foreground=bool(style.reverse)),
            )
            if ratio < MIN_CONTRAST:
                found.append(f"{widget.id} {segment.text.strip()[:24]!r} {ratio:.2f}")
    return found


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, str]:
    library, story = seeded_library(tmp_path_factory.mktemp("palette") / "lib")
    return library, story.id


async def test_every_theme_keeps_article_and_diff_text_legible(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    problems: list[str] = []
    async with running_main(library, story_id, size=(120, 36)) as (app, pilot, main):
        panes = [main.query_one(f"#{name}") for name in ("sentences", "diff-rows", "diff-header")]
        panes.append(main.query_one("#diff-legend"))
        # A sentence with counterparts, drift and missing sentences below, for the Diff.
        await pilot.press("l", "j", "j")
        await pilot.pause()
        for theme in THEMES:
            app.theme = theme
            for focused in ("outlets", "sentences", "diff-rows"):
                main.query_one(f"#{focused}").focus()
                await pilot.pause()
                for pane in panes:
                    problems += [
                        f"{theme} ({focused} focused): {problem}"
                        for problem in _illegible(pane, app.ansi_theme)
                    ]
    assert not problems, "\n".join(problems)


async def test_every_theme_keeps_side_by_side_legible(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    problems: list[str] = []
    async with running_main(library, story_id, size=(120, 36)) as (app, pilot, main):
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SideBySideScreen)
        rows = screen.query_one("#pair-rows")
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            problems += [f"{theme}: {p}" for p in _illegible(rows, app.ansi_theme)]
    assert not problems, "\n".join(problems)


def _styles_of(content: Content) -> set[str]:
    return {str(span.style) for span in content.spans}


def test_one_colour_language_in_diff_side_by_side_and_article() -> None:
    """'Only here' is the colour of an outlet's unique sentences, in the Diff and side by side
    alike; 'only there' is another, and shared is the colour of shared sentences."""
    assert STATUS_MARK_STYLE == {"shared": SHARED, "reworded": REWORDED, "unique": ONLY_HERE}
    styles = DiffStyles()
    assert styles.delete.startswith(ONLY_HERE) and styles.inline_delete.startswith(ONLY_HERE)
    assert styles.insert.startswith(ONLY_THERE) and styles.replace.startswith(REWORDED)
    assert len({SHARED, REWORDED, ONLY_HERE, ONLY_THERE}) == 4
    left = render_pair("Only the wire said this.", None).left
    right = render_pair(None, "Only the copy said that.").right
    assert _styles_of(left) == {ONLY_HERE} and _styles_of(right) == {ONLY_THERE}
    word = render_word_diff("The deal was signed", "The deal was signed today", side="b")
    assert _styles_of(word) == {styles.insert}


async def test_diff_and_side_by_side_show_the_colour_legend(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id, size=(120, 36)) as (app, pilot, main):
        legend = main.query_one("#diff-legend", Static)
        shown = legend.visual
        assert isinstance(shown, Content)
        assert shown.plain.replace("\u00a0", " ").split() == [
            "■", "shared", "■", "changed", "■", "only", "here", "■", "only", "there",
        ]  # fmt: skip
        assert _styles_of(shown) == {SHARED, REWORDED, ONLY_HERE, ONLY_THERE}
        assert 1 <= legend.region.height <= 2 and legend.region.width > 0
        await pilot.press("s")
        await pilot.pause()
        pair_legend = app.screen.query_one("#pair-legend", Static)
        assert isinstance(pair_legend.visual, Content)
        assert "only left" in pair_legend.visual.plain
        assert "only right" in pair_legend.visual.plain
        assert _styles_of(pair_legend.visual) == {SHARED, REWORDED, ONLY_HERE, ONLY_THERE}
        assert pair_legend.region.height == 1
