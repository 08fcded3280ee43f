"""Command palette providers: outlets, stories, themes, and the tag, note and export requests.

Titles are namespaced ("outlet: TRT World", "story: …", "theme: nord", "export: notes as
Markdown") so one search finds any of them and the palette reads like a menu; every typed word must
match a word of the title. Each command posts the same request message a key or a pane would, to
the main screen, so one handler serves every route. The palette entries that do what a key does
come from the key registry (`tui.keys.registry.KEY_COMMANDS`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.keys.registry import key_command
from tui.messages import (
    AnnotationKind,
    ExportFormatName,
    ExportNotes,
    NoteItem,
    OpenStory,
    ShowOutlet,
    TagItem,
)
from tui.screens.main import MainScreen

Command = tuple[str, str, Callable[[], object]]
"""(title, help, callback)."""


def main_screen(app: App[Any]) -> MainScreen:
    """The app's main screen, always at the bottom of the stack."""
    screen = app.screen_stack[0]
    assert isinstance(screen, MainScreen)
    return screen


class _NamedCommands(Provider):
    """A provider over a fixed list of commands gathered when the palette opens."""

    async def commands(self) -> list[Command]:
        raise NotImplementedError

    async def startup(self) -> None:
        self._commands = await self.commands()

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title matches every typed word (`title_score`), so typing narrows;
        Textual's own matcher finds the letters of 'nord' in almost any long story title."""
        from tui.core.store.story_lookup import title_score

        matcher = self.matcher(query)
        for title, help_text, callback in self._commands:
            score = title_score(query, title)
            if score > 0:
                highlighted = matcher.highlight(title)
                yield Hit(score / 100, highlighted, callback, text=title, help=help_text)


class OutletCommands(_NamedCommands):
    """'outlet: NAME' for each outlet of the open story: shows it in Sources and Article."""

    async def commands(self) -> list[Command]:
        main = main_screen(self.app)
        return [
            (
                f"outlet: {article.outlet}",
                article.title,
                partial(main.post_message, ShowOutlet(article.id)),
            )
            for article in main.articles.values()
        ]


class StoryCommands(_NamedCommands):
    """'story: TITLE' for each story of the library: opens it on the main screen."""

    async def commands(self) -> list[Command]:
        from tui.core.text.wording import plural

        main = main_screen(self.app)
        stories = await asyncio.to_thread(main.library.stories)
        return [
            (
                f"story: {story.title}",
                plural(len(story.article_ids), "article"),
                partial(main.post_message, OpenStory(story.id)),
            )
            for story in stories
        ]


class ThemeCommands(_NamedCommands):
    """'theme: NAME' for each built-in theme; the choice is remembered by the library."""

    async def commands(self) -> list[Command]:
        app = self.app
        return [
            (f"theme: {name}", "Colour theme", partial(setattr, app, "theme", name))
            for name in sorted(app.available_themes)
            if name != "textual-ansi"
        ]


_WHAT: dict[AnnotationKind, str] = {
    "sentence": "the focused sentence",
    "article": "the selected outlet's article",
    "story": "the whole story",
}
_FORMATS: dict[ExportFormatName, str] = {
    "md": "Markdown",
    "json": "JSON",
    "csv": "CSV",
    "html": "HTML",
}


class AnnotationCommands(_NamedCommands):
    """'tag: …', 'note: …', 'export: notes as …', 'view: notes', 'copy: sentence'."""

    async def commands(self) -> list[Command]:
        main = main_screen(self.app)
        post = main.post_message

        def key(binding_id: str) -> Command:
            command = key_command(binding_id)
            return (command.title, command.help, partial(main.run_action, command.binding.action))

        commands: list[Command] = []
        for kind, what in _WHAT.items():
            commands.append((f"tag: {kind}", f"Tag {what}", partial(post, TagItem(kind))))
        for kind, what in _WHAT.items():
            commands.append(
                (f"note: {kind}", f"Write a note on {what}", partial(post, NoteItem(kind)))
            )
        commands.append(key("annotate.note_in_editor"))
        commands += [
            (
                f"export: notes as {name}",
                f"Export the story with its tags and notes as {name}",
                partial(post, ExportNotes(fmt)),
            )
            for fmt, name in _FORMATS.items()
        ]
        commands += [key("view.notes"), key("copy.sentence")]
        return commands
