"""A story's coverage in context, computed once for every face: the spread by lean, country
and type with the blindspot flag, the timeline, and the wire families with each copy's changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tui.core.coverage.copies import FamilyCopies, family_copies
from tui.core.coverage.spread import BLINDSPOT_SHARE, Spread, story_spread
from tui.core.coverage.timeline import Timeline, story_timeline
from tui.core.models import Article, StoryAlignment
from tui.core.profiles.lookup import ProfileIndex


class StoryCoverage(NamedTuple):
    """Who covered a story, when, and who copied whom."""

    spread: Spread
    timeline: Timeline
    families: tuple[FamilyCopies, ...]


def story_coverage(
    articles: Sequence[Article],
    alignment: StoryAlignment,
    profiles: ProfileIndex | None = None,
    *,
    blindspot_share: float = BLINDSPOT_SHARE,
) -> StoryCoverage:
    """The coverage of a story, articles in alignment order (the likely origin first).

    Without `profiles` every outlet is unrated: the spread still counts them, honestly.
    """
    index = profiles if profiles is not None else ProfileIndex(())
    by_id = {article.id: article for article in articles}
    ordered = [by_id[i] for i in alignment.article_ids if i in by_id] or list(articles)
    return StoryCoverage(
        story_spread(ordered, index, blindspot_share=blindspot_share),
        story_timeline(ordered),
        family_copies(alignment),
    )
