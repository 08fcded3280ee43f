"""Help (`?`) lists every key of every screen, scrolls with g/G, and its footer shows its own keys.

The key tables are built from the binding groups, so these tests check the whole set: every id a
keymap can name must appear, and every screen that defines keys must be one the help reads.
"""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Markdown
from textual.widgets._footer import FooterKey

import tui.screens
from tests.app_data import running_main
from tui.app import CrosswireApp
from tui.core.store.config import Config
from tui.core.store.library import Library
from tui.keys.registry import SCREEN_BINDING_IDS, VIEW_SCREENS, binding_ids
from tui.screens.help import HelpScreen

MAIN_SCREEN_CLASSES = {"MainScreen"}
"""Screens whose keys are the main screen's groups in tui/keys/registry.py (MAIN_SCREEN_GROUPS)."""


async def _help_markdown(app: CrosswireApp) -> str:
    """The help page as the reader sees it: its Markdown, then the key tables as drawn."""
    from rich.console import Console
    from textual.widgets import Static

    screen = app.screen
    assert isinstance(screen, HelpScreen)
    console = Console(width=200, record=True, file=io.StringIO())
    assert screen.query_one("#help-keys", Static).is_mounted
    console.print(screen.keys)
    return screen.query_one(Markdown).source + "\n" + console.export_text()


def _rows(text: str) -> dict[str, str]:
    """Key table rows by binding id (the last cell)."""
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.split("│")]
        if len(cells) == 3 and cells[2]:
            rows[cells[2]] = line
    return rows


async def test_help_lists_every_binding_id_and_the_annotation_and_view_keys(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("question_mark")
        await pilot.pause()
        markdown = await _help_markdown(app)
    rows = _rows(markdown)
    missing = sorted(i for i in binding_ids() | SCREEN_BINDING_IDS if i not in rows)
    assert missing == []
    for binding_id, key in [
        ("annotate.tag", "t"),
        ("annotate.note_in_editor", "A"),
        ("view.notes", "T"),
        ("export.story", "e"),
        ("copy.sentence", "y"),
        ("matrix.order", "o"),
        ("drift.filter", "f"),
        ("side_by_side.left_previous", ","),
        ("side_by_side.left_next", "."),
        ("side_by_side.right_previous", "<"),
        ("side_by_side.right_next", ">"),
    ]:
        assert rows[binding_id].split("│")[0].strip() == key, rows[binding_id]


def test_every_screen_with_keys_is_one_the_help_reads() -> None:
    """...or binds exactly the keys of one it reads (a view drawn two ways for two sizes)."""
    listed = {(screen.module, screen.name) for screen in VIEW_SCREENS}
    listed_keys = [tuple(screen.bindings) for screen in VIEW_SCREENS]
    for info in pkgutil.iter_modules(tui.screens.__path__):
        module = importlib.import_module(f"tui.screens.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, Screen) or cls.__module__ != module.__name__:
                continue
            own = [b for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
            if own and name not in MAIN_SCREEN_CLASSES:
                assert (module.__name__, name) in listed or tuple(own) in listed_keys, (
                    f"{name} is missing from VIEW_SCREENS"
                )


async def test_help_shows_the_keys_in_force_after_a_keymap(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    app = CrosswireApp(library, story_id=story_id, config=Config(keymap={"view.matrix": "M"}))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        markdown = await _help_markdown(app)
    row = _rows(markdown)["view.matrix"]
    assert row.split("│")[0].strip() == "M"


async def test_g_and_G_move_through_help_and_its_footer_shows_its_own_keys(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        body = help_screen.body
        assert body.max_scroll_y > 0, "the help is longer than the screen"
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        shown = {key.description for key in help_screen.query(FooterKey)}
        assert {"Close", "Top", "Bottom"} <= shown
        assert "Matrix" not in shown, "the main screen's keys are not on offer here"
