"""A story's coverage as plain JSON-ready values: the `coverage` and `timeline` keys of
`crosswire compare --json` (`core.export.compare_doc`)."""

from __future__ import annotations

from typing import Any

from tui.core.coverage.spread import Count, Spread
from tui.core.coverage.timeline import Timeline


def _counts(counts: tuple[Count, ...], key: str) -> list[dict[str, Any]]:
    return [{key: c.key, "count": c.count, "outlets": list(c.outlets)} for c in counts]


def coverage_document(spread: Spread) -> dict[str, Any]:
    """Outlets by lean (every step, then 'unrated'), by country and by type, and the blindspot."""
    blindspot = spread.blindspot
    return {
        "outlets": len(spread.outlets),
        "rated": spread.rated,
        "by_lean": _counts(spread.by_lean, "lean"),
        "by_country": _counts(spread.by_country, "country"),
        "by_type": _counts(spread.by_type, "type"),
        "threshold": spread.threshold,
        "blindspot": None
        if blindspot is None
        else {
            "side": blindspot.side,
            "count": blindspot.count,
            "rated": blindspot.rated,
            "share": round(blindspot.share, 4),
            "threshold": blindspot.threshold,
            "evidence": blindspot.evidence,
        },
    }


def timeline_document(timeline: Timeline) -> list[dict[str, Any]]:
    """Articles by publication time, undated ones last with `date` null and `after_first`
    'unknown'."""
    return [
        {
            "article": entry.article_id,
            "outlet": entry.outlet,
            "date": entry.recorded,
            "known": entry.when is not None,
            "first": entry.first,
            "after_first": entry.after_first,
        }
        for entry in timeline.entries
    ]
