"""The views the main screen opens over itself (side by side, matrix, drift list, stories,
import), built from what it shows.

`view_screen` is the one place that knows how to build each of them, so keys and the command
palette open them the same way. The views are imported only when first opened: nobody pays for
the matrix at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tui.core.models import Article, SentenceRef, StoryAlignment
from tui.core.reader.queries import first_counterpart_outlet
from tui.messages import ViewName
from tui.widgets.annotation_marks import AnnotationMarks

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.core.store.library import Library


def view_screen(
    view: ViewName,
    *,
    library: Library,
    articles: Sequence[Article],
    alignment: StoryAlignment | None,
    cursor: SentenceRef | None,
    marks: AnnotationMarks,
) -> Screen[Any] | None:
    """The screen for `view`, built from the open story (`articles`, `alignment`), the sentence
    being read and the annotation marks; None when the view needs an open story and there is
    none."""
    if view == "stories":
        from tui.screens.stories import StoriesScreen

        return StoriesScreen(library)
    if view == "import":
        from tui.screens.import_screen import ImportScreen

        return ImportScreen(library)
    if view == "feeds":
        from tui.screens.feeds_view import FeedsScreen

        return FeedsScreen(library)
    if alignment is None or not articles:
        return None
    if view == "matrix":
        from tui.screens.matrix_large import LargeMatrixScreen, is_large

        if is_large(alignment):  # too many cells for a table: drawn lazily
            return LargeMatrixScreen(articles, alignment, marks=marks)
        from tui.screens.matrix import CoverageMatrixScreen

        return CoverageMatrixScreen(articles, alignment, marks=marks)
    if view == "drift":
        from tui.core.notes.review import ReviewState
        from tui.screens.drift_list import DriftListScreen

        story_id = articles[0].story_id
        return DriftListScreen(alignment, review=ReviewState(library.home), story_id=story_id)
    from tui.screens.side_by_side import SideBySideScreen

    left = cursor.article_id if cursor is not None else articles[0].id
    right = partner(alignment, articles, left, cursor)
    return SideBySideScreen(articles, alignment, left, right, marks=marks)


def partner(
    alignment: StoryAlignment,
    articles: Sequence[Article],
    left: str,
    cursor: SentenceRef | None,
) -> str:
    """The outlet to compare `left` with: the one holding the best counterpart of the sentence
    being read, else the likely origin, else the next outlet in the list."""
    best = first_counterpart_outlet(alignment, cursor) if cursor is not None else None
    if best is not None:
        return best
    if alignment.origin is not None and alignment.origin != left:
        return alignment.origin
    ids = [article.id for article in articles if article.id in alignment.sentences]
    if left in ids and len(ids) > 1:
        return ids[(ids.index(left) + 1) % len(ids)]
    return left
