"""The drift list's rows: one per drift, except a spelling pair found in many sentences.

Plain values and a grouping function, kept apart from the screen (no textual here), so the
grouping can be read and tested on its own.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import Drift, DriftKind


@dataclass(frozen=True)
class DriftRow:
    """One row of the table: a drift, or a spelling pair found in several sentences."""

    drifts: tuple[Drift, ...]

    @property
    def first(self) -> Drift:
        return self.drifts[0]

    @property
    def kind(self) -> DriftKind:
        return self.first.kind

    def outlets(self, side: str) -> list[str]:
        """Every outlet on one side ('a' or 'b') of the row's drifts, in first-seen order."""
        seen: dict[str, None] = {}
        for drift in self.drifts:
            oriented = drift if _same_side(drift, self.first) else _flipped(drift)
            for outlet in oriented.outlets_a if side == "a" else oriented.outlets_b:
                seen[outlet] = None
        return list(seen)


def _pair_key(drift: Drift) -> tuple[str, str]:
    return tuple(sorted((drift.a.casefold(), drift.b.casefold())))  # type: ignore[return-value]


def _same_side(drift: Drift, first: Drift) -> bool:
    return drift.a.casefold() == first.a.casefold()


def _flipped(drift: Drift) -> Drift:
    return drift._replace(
        a=drift.b,
        b=drift.a,
        outlets_a=drift.outlets_b,
        outlets_b=drift.outlets_a,
        refs_a=drift.refs_b,
        refs_b=drift.refs_a,
    )


def group_rows(drifts: Sequence[Drift]) -> list[DriftRow]:
    """One row per drift, except spelling drifts: one row per variant pair, in first-seen order.

    The fact kinds stay one per sentence: a number that differs in five sentences is five facts
    to check; the same transliteration in five sentences is one.
    """
    rows: list[DriftRow] = []
    spelling: dict[tuple[str, str], list[Drift]] = {}
    for drift in drifts:
        if drift.kind != "spelling":
            rows.append(DriftRow((drift,)))
            continue
        key = _pair_key(drift)
        if key not in spelling:
            spelling[key] = []
            rows.append(DriftRow(()))  # placeholder, filled below, keeps the order
        spelling[key].append(drift)
    groups = iter(spelling.values())
    return [row if row.drifts else DriftRow(tuple(next(groups))) for row in rows]


def outlets_summary(outlets: Sequence[str], *, width: int, lines: int = 2) -> str:
    """The outlets joined by commas, cut to what wraps into `lines` lines of `width` with a count
    of the rest ('a, b, c +4 more'), so 51 outlets do not make one row a page long."""

    def fits(text: str) -> bool:
        return len(textwrap.wrap(text, width, break_on_hyphens=False)) <= lines

    if fits(", ".join(outlets)):
        return ", ".join(outlets)
    shown: list[str] = []
    for outlet in outlets:
        left = len(outlets) - len(shown) - 1
        if not fits(", ".join([*shown, outlet]) + f" +{left} more"):
            break
        shown.append(outlet)
    if not shown:
        rest = f" +{len(outlets) - 1} more" if len(outlets) > 1 else ""
        return outlets[0][: max(1, width - len(rest) - 1)] + "…" + rest
    return ", ".join(shown) + f" +{len(outlets) - len(shown)} more"
