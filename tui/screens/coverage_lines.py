"""What the Coverage view draws, as plain functions of the story's coverage: the lean bar with
unrated outlets shown, the counts by country and type, the blindspot line and the wire families.

Kept apart from the screen so tests and the Sources header read the same lines the view shows.
Outlet names are data, never markup: every line is built from plain strings with styles by span.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from tui.core.coverage.copies import FamilyCopies
from tui.core.coverage.spread import UNRATED, Count, Spread
from tui.widgets import safe_text

LEAN_STYLES: dict[str, str] = {
    "far-left": "#1d4f9e",
    "left": "#3b78d0",
    "lean-left": "#86acea",
    "center": "#a8a8a8",
    "lean-right": "#e59494",
    "right": "#cf4646",
    "far-right": "#8e1b1b",
    UNRATED: "$text-muted",
}
"""The lean bar's colours, blue for the left to red for the right, as the aggregators draw it;
unrated outlets are drawn as a hatched grey, never left out."""
FILLED, HATCHED = "█", "░"


def bar_cells(counts: Sequence[int], width: int) -> list[int]:
    """`width` cells shared out in proportion to `counts` (largest remainders first), every
    non-zero count getting one cell at least when there is room."""
    total = sum(counts)
    if total == 0 or width <= 0:
        return [0 for _ in counts]
    exact = [width * count / total for count in counts]
    cells = [int(share) for share in exact]
    for n, count in enumerate(counts):
        if count and cells[n] == 0:
            cells[n] = 1
    while sum(cells) > width:
        widest = max(range(len(cells)), key=lambda n: (cells[n], -n))
        cells[widest] -= 1
    order = sorted(range(len(counts)), key=lambda n: (-(exact[n] - int(exact[n])), n))
    for n in order:
        if sum(cells) >= width:
            break
        if counts[n]:
            cells[n] += 1
    return cells


def lean_bar(by_lean: Sequence[Count], width: int) -> Content:
    """The story's outlets by lean as one bar `width` cells wide, far left to far right, then
    the unrated ones hatched."""
    cells = bar_cells([count.count for count in by_lean], width)
    parts = [
        ((HATCHED if count.key == UNRATED else FILLED) * n, LEAN_STYLES[count.key])
        for count, n in zip(by_lean, cells, strict=True)
        if n
    ]
    if not parts:
        return Content.styled(HATCHED * width, "$text-disabled")
    return Content.assemble(*parts)


def lean_legend(by_lean: Sequence[Count]) -> Content:
    """'■ Left 2  ■ Center 1  ░ Unrated 3': every step with outlets, and the unrated."""
    parts: list[tuple[str, str] | str] = []
    for count in by_lean:
        if count.count or count.key == UNRATED:
            mark = HATCHED if count.key == UNRATED else "■"
            parts += [(f"{mark} ", LEAN_STYLES[count.key]), f"{count.label} {count.count}  "]
    return Content.assemble(*parts)


def counts_line(title: str, counts: Sequence[Count]) -> Content:
    """'By country: US 3 · UK 1 · Unknown 2'."""
    items = " · ".join(f"{safe_text(count.label)} {count.count}" for count in counts if count.count)
    return Content.assemble((f"{title}: ", "bold"), items or "none")


def blindspot_line(spread: Spread) -> Content:
    """The blindspot verdict with its evidence, or why there is none."""
    blindspot = spread.blindspot
    if blindspot is not None:
        other = "right" if blindspot.side == "left" else "left"
        return Content.assemble(
            ("Blindspot: ", "bold $warning"),
            (f"covered mostly from the {blindspot.side}; readers on the {other} may miss it. ", ""),
            (f"{blindspot.evidence}.", "$text-muted"),
        )
    if spread.rated == 0:
        return Content.styled(
            "No outlet has a lean yet: P lists the profiles, p rates the selected outlet "
            "(crosswire ships no ratings).",
            "$text-muted",
        )
    return Content.styled(spread.no_blindspot_reason() + ".", "$text-muted")


def spread_lines(spread: Spread, width: int) -> list[Content]:
    """The spread as the Coverage view's first lines: bar, legend, blindspot, countries, types."""
    outlets = len(spread.outlets)
    heading = Content.assemble(
        ("Outlets by lean", "bold"),
        "  ",
        (
            f"{outlets} outlets, {spread.rated} rated, {outlets - spread.rated} unrated",
            "$text-muted",
        ),
    )
    return [
        heading,
        lean_bar(spread.by_lean, max(8, width)),
        lean_legend(spread.by_lean),
        blindspot_line(spread),
        counts_line("By country", spread.by_country),
        counts_line("By type", spread.by_type),
    ]


def family_lines(families: Sequence[FamilyCopies]) -> list[Content]:
    """Each wire family: its origin and evidence, then each copy and how much it changed."""
    if not families:
        return [
            Content.assemble(
                ("Wire families: ", "bold"), ("none, independent reports", "$text-muted")
            )
        ]
    lines = [Content.styled("Wire families (closest to the source first)", "bold")]
    for family in families:
        for n, copy in enumerate(family.copies):
            if copy.is_origin:
                lines.append(
                    Content.assemble(
                        ("★ ", "$accent bold"),
                        (safe_text(copy.outlet), "bold"),
                        "  ",
                        (f"origin: {family.evidence}", "$text-muted"),
                    )
                )
                continue
            branch = "└ " if n == len(family.copies) - 1 else "├ "
            lines.append(
                Content.assemble(
                    branch,
                    safe_text(copy.outlet),
                    "  ",
                    (f"{copy.changed:.0%} changed: {copy.summary()}", "$text-muted"),
                )
            )
    return lines
