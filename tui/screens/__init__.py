"""The app's screens: the main three-pane screen, help, and the views it opens over itself.

`view_screen` is the one place that knows how to build each secondary view from the main screen's
state, so keys, the command palette and panes all open them the same way. The views are imported
only when first opened: nobody pays for the matrix at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.messages import ViewName

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.screens.main import MainScreen


def view_screen(view: ViewName, main: MainScreen) -> Screen[Any] | None:
    """The screen for `view`, built from what `main` shows; None when it needs an open story."""
    library = main.crosswire.library
    if view == "stories":
        from tui.screens.stories import StoriesScreen

        return StoriesScreen(library)
    if view == "import":
        from tui.screens.import_screen import ImportScreen

        return ImportScreen(library)
    alignment, articles = main.alignment, list(main.articles.values())
    if alignment is None or not articles:
        return None
    if view == "matrix":
        from tui.screens.matrix import CoverageMatrixScreen

        return CoverageMatrixScreen(articles, alignment, marks=main.annotation_marks)
    if view == "drift":
        from tui.screens.drift_list import DriftListScreen

        return DriftListScreen(alignment)
    from tui.screens.side_by_side import SideBySideScreen

    left = main.cursor.article_id if main.cursor is not None else articles[0].id
    return SideBySideScreen(
        articles, alignment, left, _partner(main, left), marks=main.annotation_marks
    )


def _partner(main: MainScreen, left: str) -> str:
    """The outlet to compare with: the best counterpart of the focused sentence, else the likely
    origin, else the next outlet in the list."""
    alignment = main.alignment
    assert alignment is not None
    cursor = main.cursor
    infos = alignment.sentences.get(left, ())
    if cursor is not None and 0 <= cursor.index < len(infos):
        for counterpart in infos[cursor.index].counterparts:
            if counterpart.article_id != left:
                return counterpart.article_id
    if alignment.origin is not None and alignment.origin != left:
        return alignment.origin
    ids = [aid for aid in main.articles if aid in alignment.sentences]
    if left in ids and len(ids) > 1:
        return ids[(ids.index(left) + 1) % len(ids)]
    return left
