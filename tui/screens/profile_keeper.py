"""The main screen's collaborator for outlet profiles: reads them for the open story, opens the
Coverage and Profiles views and the profile editor, and hands the spread to Sources after an edit.

The profiles file is read when a story opens and after each edit (a few kilobytes); a file that
cannot be read is said once in a notification, and the story is shown with every outlet unrated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tui.core.coverage.spread import BLINDSPOT_SHARE
from tui.core.coverage.story import StoryCoverage, story_coverage
from tui.core.models import Article, StoryAlignment
from tui.core.profiles.lookup import ProfileIndex
from tui.core.store.storage import LibraryError

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.profiles.book import ProfileBook
    from tui.core.store.library import Library


class ProfileKeeper:
    """Outlet profiles for one main screen."""

    def __init__(self, screen: Screen[None], library: Library, *, blindspot_share: float | None):
        self._screen = screen
        self._library = library
        self._share = blindspot_share if blindspot_share is not None else BLINDSPOT_SHARE
        self._book: ProfileBook | None = None
        self._reported = False

    def book(self) -> ProfileBook | None:
        """The library's profiles, or None (said once) when the file cannot be read."""
        from tui.core.profiles.book import ProfileBook

        try:
            if self._book is None:
                self._book = ProfileBook(self._library.home)
            else:
                self._book.profiles()  # re-checks a file changed on disk since
        except LibraryError as exc:
            if not self._reported:
                self._reported = True
                self._screen.notify(str(exc), severity="error", markup=False)
            return None
        return self._book

    def index(self) -> ProfileIndex:
        book = self.book()
        return book.index() if book is not None else ProfileIndex(())

    def coverage(self, articles: Sequence[Article], alignment: StoryAlignment) -> StoryCoverage:
        """The story's coverage with the profiles as they are now."""
        return story_coverage(articles, alignment, self.index(), blindspot_share=self._share)

    def edit(self, article: Article, changed: Callable[[], None]) -> None:
        """Open the editor on the profile of `article`'s outlet; `changed` runs after a save."""
        from tui.core.profiles.types import OutletProfile
        from tui.screens.profile_editor import ProfileEditor

        book = self.book()
        if book is None:
            return
        profile = book.index().for_article(article.outlet, article.url)

        def saved(result: OutletProfile | None) -> None:
            if result is not None:
                self._screen.notify(f"Saved the profile of {result.name}", markup=False)
                changed()

        self._screen.app.push_screen(ProfileEditor(book, article.outlet, profile), saved)

    def open_profiles(self, articles: Sequence[Article], changed: Callable[[], None]) -> None:
        """Open the Profiles view on the story's outlets; `changed` runs if any was edited."""
        from tui.screens.profiles_view import ProfilesScreen

        book = self.book()
        if book is None:
            return

        def closed(any_changed: bool | None) -> None:
            if any_changed:
                changed()

        outlets = [(article.outlet, article.url) for article in articles]
        self._screen.app.push_screen(ProfilesScreen(book, outlets), closed)
