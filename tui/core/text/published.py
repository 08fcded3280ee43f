"""When an article was published, as crosswire stores, shows and sorts it.

An article's `date` is an ISO 8601 string: a day (`2026-01-16`, what cleaning finds in a page) or
a day and time, with or without a UTC offset (`2026-01-16T09:30`, `2026-01-16T09:30+09:00`, what a
manifest, a feed or `crosswire import --date` may give). Stored as given once read as a value, so
the user's own offset is kept; compared as instants, so "who ran it first" orders outlets in
different time zones rightly.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

_WHEN_UNKNOWN = datetime.max.replace(tzinfo=UTC)


def parse_published(text: str) -> str:
    """`text` as a stored publication date: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or with seconds,
    with its UTC offset when it has one (`Z` becomes `+00:00`). ValueError, in words a user
    understands, for anything else."""
    value = text.strip()
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value[:40]!r} is not a date: give YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM]"
        ) from None
    if len(value) <= len("YYYY-MM-DD"):
        return when.date().isoformat()
    timespec = "seconds" if when.second or when.microsecond else "minutes"
    return when.isoformat(timespec=timespec)


def published_instant(date: str | None) -> datetime:
    """The moment `date` names, to compare dates of any shape: a day counts from its start, a
    time without an offset as UTC; an unknown or unreadable date comes after every known one."""
    if not date:
        return _WHEN_UNKNOWN
    try:
        when = datetime.fromisoformat(date)
    except ValueError:
        return _WHEN_UNKNOWN
    if len(date) <= len("YYYY-MM-DD"):
        when = datetime.combine(when.date(), time())
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def published_label(date: str | None) -> str:
    """`date` as a reader sees it: '2026-01-16', '2026-01-16 09:30', '2026-01-16 09:30 +09:00'
    ('' when unknown; an unreadable stored value as it is)."""
    if not date:
        return ""
    try:
        when = datetime.fromisoformat(date)
    except ValueError:
        return date
    if len(date) <= len("YYYY-MM-DD"):
        return when.date().isoformat()
    label = when.strftime("%Y-%m-%d %H:%M" + (":%S" if when.second else ""))
    offset = when.strftime("%z")
    if offset:
        label += " UTC" if offset == "+0000" else f" {offset[:3]}:{offset[3:]}"
    return label
