"""The order of Sources' rows with wire families together, and which rows a folded family hides.

Each family's outlets are listed together where the first of them would stand, the copy closest
to the source first, then the others by how much they share with it (the family's own order);
outlets of no family keep their places. A folded family is one row, its origin's, which counts
the copies it hides.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple

from tui.core.coverage.copies import CopyChange, FamilyCopies


class SourceRow(NamedTuple):
    """One row of Sources."""

    article_id: str
    copy: CopyChange | None
    """Its place in a wire family (None: in no family)."""
    last_in_family: bool
    folded: int
    """On a folded family's origin row: how many copies the fold hides."""


def source_rows(
    order: Sequence[str], families: Sequence[FamilyCopies], folded: Collection[str]
) -> list[SourceRow]:
    """Rows for the outlets in `order`, families together; `folded` holds the origins of the
    families shown as one row."""
    listed = set(order)
    family_of = {copy.article_id: family for family in families for copy in family.copies}
    rows: list[SourceRow] = []
    placed: set[str] = set()
    for article_id in order:
        if article_id in placed:
            continue
        family = family_of.get(article_id)
        if family is None:
            rows.append(SourceRow(article_id, None, False, 0))
            placed.add(article_id)
            continue
        members = [copy for copy in family.copies if copy.article_id in listed]
        placed.update(copy.article_id for copy in members)
        if family.family.origin in folded:
            origin = next((c for c in members if c.is_origin), members[0])
            rows.append(SourceRow(origin.article_id, origin, True, len(members) - 1))
            continue
        for n, copy in enumerate(members):
            rows.append(SourceRow(copy.article_id, copy, n == len(members) - 1, 0))
    return rows


def hidden_by_fold(families: Sequence[FamilyCopies], folded: Collection[str]) -> dict[str, str]:
    """Article id of each copy a fold hides -> the origin whose row stands for it."""
    return {
        copy.article_id: family.family.origin
        for family in families
        if family.family.origin in folded
        for copy in family.copies
        if not copy.is_origin
    }
