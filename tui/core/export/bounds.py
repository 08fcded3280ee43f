"""How far exports list outlets: output grows with the story, not with its outlets squared.

A story of 2,000 outlets has sentences carried by 1,999 others, in each of their 2,000 copies:
written out in full, every per-sentence list of names makes output quadratic in outlets (a
1.9 GB `compare --json`, a 900 MB HTML report). So a list inside a per-sentence, per-missing-item
or per-drift record keeps its first LIST_LIMIT names and says how many there are, an article's
list of missing content its LIST_LIMIT most widely carried items, and tables with a column or a
row per outlet show the first MATRIX_COLUMNS outlets (origin first) with a count of all, or list
missing content once per sentence instead of once per outlet lacking it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tui.core.models import MissingItem, StoryAlignment

__all__ = ["LIST_LIMIT", "MATRIX_COLUMNS", "listed", "missing_by_sentence"]

LIST_LIMIT = 20
"""Entries kept of a list inside a per-sentence, per-missing-item or per-drift record, and of
an article's missing content in `compare --json`."""
MATRIX_COLUMNS = 64
"""Outlet columns drawn in an exported coverage matrix (a story of up to this many in full)."""


def listed(
    names: Sequence[str], *, escape: Callable[[str], str] = str, limit: int = LIST_LIMIT
) -> str:
    """Names joined with commas, each escaped for the target format; beyond `limit`, the first
    `limit` and "and N more"."""
    shown = ", ".join(map(escape, names[:limit]))
    rest = len(names) - limit
    return f"{shown} and {rest:,} more" if rest > 0 else shown


def missing_by_sentence(alignment: StoryAlignment) -> list[tuple[MissingItem, list[str]]]:
    """Missing content once per sentence: each item (most widely carried first) with the ids of
    the articles lacking it, in alignment order."""
    lacking: dict[int, list[str]] = {}
    item_of: dict[int, MissingItem] = {}
    for article_id in alignment.article_ids:
        for item in alignment.missing.get(article_id, ()):
            lacking.setdefault(item.cluster, []).append(article_id)
            item_of.setdefault(item.cluster, item)
    order = sorted(lacking, key=lambda cluster: (-len(item_of[cluster].outlets), cluster))
    return [(item_of[cluster], lacking[cluster]) for cluster in order]
