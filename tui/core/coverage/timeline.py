"""A story's timeline: its articles by publication time, who reported first, when each outlet
followed.

Dates are the articles' own (`Article.date`: from the import manifest, the page's metadata or a
feed). A date without a time orders by day only, and a time without a zone is shown as written
but compared by its day, since its zone is unknown: two articles of one day are then equally
first rather than put in an order crosswire cannot know. An article without a date, or with one
that does not read as a date, is listed as unknown, after the dated ones, never given a guessed
time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import NamedTuple

from tui.core.coverage.spread import ArticleLike
from tui.core.text.safe_text import display_text
from tui.core.text.wording import plural

_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class When(NamedTuple):
    """A publication date as crosswire can order it."""

    day: date
    moment: datetime | None
    """The instant in UTC, when the date has a time and a zone; else None (order by day)."""


class TimelineEntry(NamedTuple):
    """One article on the timeline."""

    article_id: str
    outlet: str
    recorded: str | None
    """The date as the article records it (shown as is), or None."""
    when: When | None
    """None when unknown: no date, or one that does not read as a date."""
    first: bool
    """Among the earliest of the story (several when crosswire cannot tell them apart)."""
    after_first: str
    """'first', 'same day', '+2 days', '+3 h 20 min' or 'unknown'."""


class Timeline(NamedTuple):
    entries: tuple[TimelineEntry, ...]
    """Dated articles earliest first, then the undated ones in story order."""

    @property
    def first(self) -> tuple[TimelineEntry, ...]:
        return tuple(entry for entry in self.entries if entry.first)

    @property
    def unknown(self) -> int:
        return sum(1 for entry in self.entries if entry.when is None)

    def summary(self) -> str:
        """One line: who was first and when, how many followed, how many are undated."""
        first = self.first
        if not first:
            return f"No article has a publication date ({plural(len(self.entries), 'article')})"
        names = ", ".join(dict.fromkeys(entry.outlet for entry in first))
        dated = len(self.entries) - self.unknown
        line = f"First: {names} ({first[0].recorded})"
        if dated > len(first):
            line += f"; {plural(dated - len(first), 'article')} followed"
        if self.unknown:
            line += f"; {self.unknown} with no date"
        return line


def read_when(recorded: str | None) -> When | None:
    """A recorded date as crosswire can order it, or None when it does not read as one."""
    if not recorded or not recorded.strip():
        return None
    text = recorded.strip()
    if _DAY_ONLY.match(text):
        try:
            return When(date.fromisoformat(text), None)
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)  # RFC 2822, as feeds write dates
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        return When(parsed.date(), None)
    moment = parsed.astimezone(UTC)
    return When(moment.date(), moment)


def story_timeline(articles: Sequence[ArticleLike]) -> Timeline:
    """The articles by publication time; undated ones last, as unknown."""
    read = [(article, read_when(article.date)) for article in articles]
    dated = [(a, w) for a, w in read if w is not None]
    dated.sort(key=lambda pair: (pair[1].day, pair[1].moment is None, pair[1].moment or 0))
    entries: list[TimelineEntry] = []
    if dated:
        earliest_day = dated[0][1].day
        same_day = [w for _, w in dated if w.day == earliest_day]
        timed = all(w.moment is not None for w in same_day)
        earliest = dated[0][1].moment if timed else None
        for article, when in dated:
            first = when.day == earliest_day and (earliest is None or when.moment == earliest)
            gap = "first" if first else _gap(dated[0][1], when)
            entries.append(_entry(article, when, first, gap))
    entries.extend(_entry(a, None, False, "unknown") for a, w in read if w is None)
    return Timeline(tuple(entries))


def _entry(article: ArticleLike, when: When | None, first: bool, gap: str) -> TimelineEntry:
    recorded = display_text(article.date) if article.date else None
    return TimelineEntry(
        article.id, display_text(article.outlet) or "?", recorded or None, when, first, gap
    )


def _gap(first: When, later: When) -> str:
    """How long after the first article `later` came, at the precision both dates allow."""
    if first.moment is not None and later.moment is not None:
        minutes = int((later.moment - first.moment).total_seconds() // 60)
        if minutes < 60:
            return f"+{minutes} min"
        hours, rest = divmod(minutes, 60)
        if hours < 48:
            return f"+{hours} h" + (f" {rest} min" if rest else "")
        return f"+{plural(hours // 24, 'day')}".replace(",", "")
    days = (later.day - first.day).days
    return "same day" if days == 0 else f"+{plural(days, 'day')}".replace(",", "")
