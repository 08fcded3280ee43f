"""The spread of a story's coverage: how many outlets by lean, by country and by type, and the
blindspot flag when the rated outlets sit mostly on one side of the lean scale.

The unit is the outlet, not the article: an outlet that ran the story twice, or was imported
under two names its profile merges, counts once. Outlets without a profile, or whose profile
has no lean, are counted as unrated and shown as such, never left out of the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, Protocol

from tui.core.profiles.lookup import ProfileIndex
from tui.core.profiles.types import (
    LEAN_LABELS,
    LEANS,
    LEFT_SIDE,
    OUTLET_TYPES,
    RIGHT_SIDE,
    OutletProfile,
    name_key,
)
from tui.core.text.safe_text import display_text
from tui.core.text.wording import plural

BLINDSPOT_SHARE = 0.8
"""Default share of rated outlets on one side of the scale that makes a blindspot."""
BLINDSPOT_MIN_RATED = 2
"""Fewer rated outlets than this say nothing about sides: no blindspot is flagged."""
UNRATED = "unrated"
UNKNOWN = "unknown"

Side = Literal["left", "right"]


class ArticleLike(Protocol):
    """What the spread and the timeline read of an article (an `Article` or an index entry)."""

    @property
    def id(self) -> str: ...
    @property
    def outlet(self) -> str: ...
    @property
    def url(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...


class OutletCoverage(NamedTuple):
    """One outlet of a story, with its articles and its profile if the user made one."""

    outlet: str
    """The profile's name, else the outlet name the article was imported under, as shown."""
    article_ids: tuple[str, ...]
    profile: OutletProfile | None


@dataclass(frozen=True, slots=True)
class Count:
    """One bar of a spread: a key ('lean-left', 'US', 'wire', 'unrated'), its label, the
    outlets counted under it."""

    key: str
    label: str
    outlets: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class Blindspot:
    """A story covered only or mostly by one side of the lean scale."""

    side: Side
    """The side that covers it; the other side's readers are the ones who would miss it."""
    count: int
    """Rated outlets on that side."""
    rated: int
    """Rated outlets in all."""
    threshold: float

    @property
    def share(self) -> float:
        return self.count / self.rated

    @property
    def evidence(self) -> str:
        """'4 of 5 rated outlets (80%) are left of center; threshold 80%'."""
        return (
            f"{self.count} of {plural(self.rated, 'rated outlet')} ({self.share:.0%}) are "
            f"{self.side} of center; threshold {self.threshold:.0%}"
        )


class Spread(NamedTuple):
    """Who covered a story, counted by lean, country and type."""

    outlets: tuple[OutletCoverage, ...]
    by_lean: tuple[Count, ...]
    """Every step of the scale far left to far right (zeros included), then 'unrated'."""
    by_country: tuple[Count, ...]
    """Most outlets first, 'unknown' last."""
    by_type: tuple[Count, ...]
    """In the types' own order (wire, national, local, aggregator, blog), then 'unknown'."""
    blindspot: Blindspot | None
    threshold: float = BLINDSPOT_SHARE
    """The blindspot rule's share, as applied."""
    min_rated: int = BLINDSPOT_MIN_RATED

    @property
    def rated(self) -> int:
        return sum(c.count for c in self.by_lean if c.key != UNRATED)

    def sides(self) -> tuple[int, int, int]:
        """Rated outlets (left of center, center, right of center)."""
        counts = {c.key: c.count for c in self.by_lean}
        return (
            sum(counts[lean] for lean in LEFT_SIDE),
            counts["center"],
            sum(counts[lean] for lean in RIGHT_SIDE),
        )

    def no_blindspot_reason(self) -> str:
        """Why the story is no blindspot, with the figures: 'No blindspot: of 3 rated outlets,
        1 left of center, 0 center, 2 right of it; neither side reaches 80%'."""
        if self.rated == 0:
            return "No blindspot can be judged: no outlet of this story has a lean"
        if self.rated < self.min_rated:
            return (
                f"No blindspot can be judged: {plural(self.rated, 'rated outlet')}, "
                f"fewer than {self.min_rated}"
            )
        left, center, right = self.sides()
        return (
            f"No blindspot: of {plural(self.rated, 'rated outlet')}, {left} left of center, "
            f"{center} center, {right} right of it; neither side reaches {self.threshold:.0%}"
        )


def story_outlets(
    articles: Iterable[ArticleLike], profiles: ProfileIndex
) -> tuple[OutletCoverage, ...]:
    """The story's outlets in article order, articles of one profile (or one name) together."""
    grouped: dict[str, tuple[str, list[str], OutletProfile | None]] = {}
    for article in articles:
        profile = profiles.for_article(article.outlet, article.url)
        shown = profile.name if profile else display_text(article.outlet) or "?"
        key = name_key(shown)
        if key not in grouped:
            grouped[key] = (shown, [], profile)
        grouped[key][1].append(article.id)
    return tuple(
        OutletCoverage(shown, tuple(ids), profile) for shown, ids, profile in grouped.values()
    )


def story_spread(
    articles: Sequence[ArticleLike],
    profiles: ProfileIndex,
    *,
    blindspot_share: float = BLINDSPOT_SHARE,
    min_rated: int = BLINDSPOT_MIN_RATED,
) -> Spread:
    """Count the story's outlets by lean, country and type, and apply the blindspot rule:
    at least `blindspot_share` of the rated outlets (and at least `min_rated` of them) on one
    side of the scale."""
    outlets = story_outlets(articles, profiles)
    by_lean = [
        Count(lean, LEAN_LABELS[lean], _names(o for o in outlets if _lean(o) == lean))
        for lean in LEANS
    ]
    by_lean.append(Count(UNRATED, "Unrated", _names(o for o in outlets if _lean(o) is None)))
    countries: dict[str, list[str]] = {}
    for outlet in outlets:
        country = outlet.profile.country if outlet.profile else None
        countries.setdefault(country or "", []).append(outlet.outlet)
    by_country = sorted(
        (Count(c or UNKNOWN, c or "Unknown", tuple(names)) for c, names in countries.items()),
        key=lambda c: (c.key == UNKNOWN, -c.count, c.key.casefold()),
    )
    by_type = [
        Count(kind, kind, _names(o for o in outlets if o.profile and o.profile.type == kind))
        for kind in OUTLET_TYPES
    ]
    untyped = _names(o for o in outlets if not (o.profile and o.profile.type))
    by_type = [c for c in by_type if c.count] + (
        [Count(UNKNOWN, UNKNOWN, untyped)] if untyped else []
    )
    blindspot = find_blindspot(
        [_lean(o) for o in outlets], threshold=blindspot_share, min_rated=min_rated
    )
    return Spread(
        outlets,
        tuple(by_lean),
        tuple(by_country),
        tuple(by_type),
        blindspot,
        blindspot_share,
        min_rated,
    )


def find_blindspot(
    leans: Sequence[str | None],
    *,
    threshold: float = BLINDSPOT_SHARE,
    min_rated: int = BLINDSPOT_MIN_RATED,
) -> Blindspot | None:
    """The side holding at least `threshold` of the rated outlets (centre counts as rated and
    on neither side), when at least `min_rated` outlets are rated; else None."""
    rated = [lean for lean in leans if lean is not None]
    if len(rated) < max(1, min_rated):
        return None
    for side, steps in (("left", LEFT_SIDE), ("right", RIGHT_SIDE)):
        count = sum(1 for lean in rated if lean in steps)
        if count and count / len(rated) >= threshold:
            return Blindspot("left" if side == "left" else "right", count, len(rated), threshold)
    return None


def _lean(outlet: OutletCoverage) -> str | None:
    return outlet.profile.lean if outlet.profile else None


def _names(outlets: Iterable[OutletCoverage]) -> tuple[str, ...]:
    return tuple(o.outlet for o in outlets)
