"""Command palette providers: outlets, stories and themes by name.

Titles are namespaced ("outlet: TRT World", "story: …", "theme: nord") so one search finds any of
them and the palette reads like a menu; every typed word must match a word of the title. Each
command posts the same request message a key or a pane would, so one handler serves every route.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.messages import OpenStory, ShowOutlet

if TYPE_CHECKING:
    from tui.app import CrosswireApp

Command = tuple[str, str, Callable[[], object]]
"""(title, help, callback)."""


class _NamedCommands(Provider):
    """A provider over a fixed list of commands gathered when the palette opens."""

    def _crosswire(self) -> CrosswireApp:
        from tui.app import CrosswireApp

        app = self.app
        assert isinstance(app, CrosswireApp)
        return app

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
        main = self._crosswire().main_screen
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

        app = self._crosswire()
        stories = await asyncio.to_thread(app.library.stories)
        return [
            (
                f"story: {story.title}",
                plural(len(story.article_ids), "article"),
                partial(app.post_message, OpenStory(story.id)),
            )
            for story in stories
        ]


class ThemeCommands(_NamedCommands):
    """'theme: NAME' for each built-in theme; the choice is remembered by the library."""

    async def commands(self) -> list[Command]:
        app = self._crosswire()
        return [
            (f"theme: {name}", "Colour theme", partial(setattr, app, "theme", name))
            for name in sorted(app.available_themes)
            if name != "textual-ansi"
        ]
