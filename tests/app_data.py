"""Real libraries on disk for the app tests: the bundled seeds, and a story whose text fights back.

Everything goes through the real importer and store, so the app tests see what a user sees.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

from tui.app import CrosswireApp
from tui.core.models import Story
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.widgets.diff_view import DiffView

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.screens.main import MainScreen

REPO_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO_ROOT / "seeds"

HOSTILE_LINES = [
    "Officials said [bold]nothing[/] new about the talks in Geneva on Monday.",
    "Read more at [link=https://example.com]the site[/link] before the vote on the budget.",
    "The minister said \x1b[31mred alert\x1b[0m was lifted across the northern provinces.",
]
"""Sentences that would restyle the screen, or the terminal, if treated as markup or escapes."""

SHARED_LINES = [
    "The finance ministers of both countries met in Geneva on Monday to discuss the budget.",
    "They agreed to publish a joint statement on trade later this week, officials said.",
    "Talks will resume in March after a review of the tariffs by both governments.",
]


def seeded_library(home: Path) -> tuple[Library, Story]:
    """A library holding the five bundled seed pages as one story."""
    library = Library(home)
    report = import_paths(library, [SEEDS_DIR])
    assert report.story_ids, report.problems
    return library, library.get_story(report.story_ids[0])


def hostile_library(home: Path, folder: Path) -> tuple[Library, Story]:
    """A two-outlet story: shared sentences, plus one outlet's markup-looking, ESC-laden lines."""
    folder.mkdir(parents=True, exist_ok=True)
    plain = folder / "wire.txt"
    plain.write_text(
        "Budget talks in Geneva\n\n" + "\n".join(SHARED_LINES) + "\n", encoding="utf-8"
    )
    hostile = folder / "copy.txt"
    hostile.write_text(
        "Budget talks in Geneva [bold]today[/]\n\n"
        + "\n".join(SHARED_LINES[:2] + HOSTILE_LINES + SHARED_LINES[2:])
        + "\n",
        encoding="utf-8",
    )
    library = Library(home)
    report = import_paths(library, [plain, hostile], story="Hostile text")
    assert report.story_ids, report.problems
    return library, library.get_story(report.story_ids[0])


def messages_of(messages: list[Message], kind: type[Message]) -> list[Any]:
    """Messages of one kind, each once (the hook sees one again at every node it bubbles to)."""
    return list({id(m): m for m in messages if isinstance(m, kind)}.values())


async def ready_main_screen(app: CrosswireApp, pilot: Pilot[None]) -> MainScreen:
    """The main screen once its story is aligned and shown, with the Diff following the cursor.

    The Diff follows the cursor a moment late on purpose (tui/widgets/diff_view.py), so it is
    asked to catch up now: a test reading it right after this sees the focused sentence.
    """
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    main = app.main_screen
    assert main.alignment is not None
    diff = main.query_one(DiffView)
    diff.flush()
    assert not diff.pending
    return main


@asynccontextmanager
async def running_main(
    library: Library,
    story_id: str,
    *,
    messages: list[Message] | None = None,
    size: tuple[int, int] = (120, 36),
) -> AsyncIterator[tuple[CrosswireApp, Pilot[None], MainScreen]]:
    """The app on `story_id` at `size`, its main screen ready (see ready_main_screen); every
    message it handles is appended to `messages` when given."""
    app = CrosswireApp(library, story_id=story_id)
    hook = messages.append if messages is not None else None
    async with app.run_test(size=size, message_hook=hook) as pilot:
        yield app, pilot, await ready_main_screen(app, pilot)
