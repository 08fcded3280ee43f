"""Keys that arrive in one burst (paste, key repeat, scripts) act where the keys before them led.

`burst` hands all its keys to the driver at once, as a terminal's input thread does with keys
that come 20 ms apart or less: each is queued before the app has handled what the one before it
posted. (`pilot.press` waits for the app to go idle after every key, which hides the problem.)
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot

from tests.app_data import running_main
from tui.core.models import SentenceRef
from tui.core.store.library import Library
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_prompt import TagPrompt
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView


async def burst(app: App[Any], pilot: Pilot[Any], *keys: str) -> None:
    """Queue `keys` back to back, then wait until the app has handled them all."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else {"slash": "/", "space": " "}.get(key))
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def test_l_then_j_moves_the_article_not_sources(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    first = library.articles(story_id)[0].id
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "l", "j")
        assert app.focused is main.query_one("#sentences", PaneList)
        assert main.cursor == SentenceRef(first, 1), "Article moved, Sources stayed"
        assert main.query_one("#outlets", PaneList).highlighted == 0
        await burst(app, pilot, "h", "G")
        assert app.focused is main.query_one("#outlets", PaneList)
        assert main.cursor is not None and main.cursor.article_id != first, "G went to Sources"


async def test_j_then_a_or_t_opens_the_dialog_on_the_sentence_j_led_to(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("l")
        await pilot.pause()
        article_id = main.cursor.article_id
        sentences = main.alignment.sentences[article_id]
        await burst(app, pilot, "j", "a")
        assert isinstance(app.screen, NoteEditor)
        assert app.screen._quote == sentences[1].text
        await pilot.press("escape")
        await pilot.pause()
        await burst(app, pilot, "j", "j", "t")
        assert isinstance(app.screen, TagPrompt)
        assert app.screen._quote == sentences[3].text
        assert main.cursor == SentenceRef(article_id, 3)
        article = main.query_one(ArticleView)
        assert article.ref_at(article.sentence_list.highlighted) == main.cursor


async def test_keys_typed_right_after_slash_go_to_the_search_box(
    seeded: tuple[Library, str],
) -> None:
    """'/Koizumi' in one burst: every letter is typed into the box, none runs as a command (i
    would open Import, t a tag prompt, s side by side)."""
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("l")
        await pilot.pause()
        await burst(app, pilot, "slash", "K", "o", "i", "z", "u", "m", "i", "s", "t", "a")
        assert app.screen is main, "no screen was opened by the typed letters"
        box = main.query_one("#search")
        assert app.focused is box
        assert box.value == "Koizumista"
        await burst(app, pilot, "enter")
        assert app.focused is main.query_one("#sentences", PaneList)


async def test_the_diff_entered_by_l_or_tab_has_a_highlighted_row(
    seeded: tuple[Library, str],
) -> None:
    """Enter acts at once in the Diff, however it was entered."""
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        rows = main.query_one("#diff-rows", PaneList)
        await burst(app, pilot, "l", "l")
        assert app.focused is rows
        assert rows.highlighted is not None and not rows.options[rows.highlighted].disabled
        await burst(app, pilot, "h", "h")
        rows.highlighted = None
        await burst(app, pilot, "shift+tab")
        assert app.focused is rows and rows.highlighted is not None
