"""The coverage matrix's data and geometry, kept apart from the screen (no textual here).

`coverage_rows` turns an alignment into one row per cluster; `matrix_widths` sizes the columns
for the terminal at hand; `hidden_outlets` says how many outlet columns sit off screen on each
side, so the screen can say so instead of letting them vanish.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.color import ColorParseError
from rich.style import Style
from rich.text import Text

from tui.core.models import SentenceRef, Status, StoryAlignment
from tui.core.text.wording import plural
from tui.widgets import STATUS_MARK_STYLE
from tui.widgets.diff_text import data_text

MARK_GLYPHS: dict[Status, str] = {"shared": "●", "reworded": "◐", "unique": "○"}
"""Cell marks: carried near-verbatim, carried reworded, carried by this outlet alone."""
MARK_MEANINGS: dict[Status, str] = {
    "shared": "near-copy",
    "reworded": "reworded",
    "unique": "only here",
}
"""What each mark means, for the legend under the table."""
_RANK: dict[Status, int] = {"shared": 3, "reworded": 2, "unique": 1}

CELL_PADDING = 1
"""DataTable's default padding on each side of a cell."""
FIXED_WIDTHS = (4, 3)
"""Widths of the cluster number and breadth columns, left of the sentence."""
HEADER_WIDTHS = (3, 14)
"""Narrowest and widest outlet column: names longer than the widest are cut."""
TEXT_WIDTHS = (20, 70)
"""Narrowest and widest sentence column."""


def status_marks(variables: Mapping[str, str]) -> dict[Status, Text]:
    """One centred mark per status, coloured like everywhere else (`STATUS_MARK_STYLE`).

    DataTable cells are rich Text, which cannot name theme variables, so the theme's current
    values (`App.get_css_variables()`) are mapped in; the screen recolours them on a theme change.
    """
    marks: dict[Status, Text] = {}
    for status, glyph in MARK_GLYPHS.items():
        mark = Text(glyph, justify="center", end="")
        recolour_mark(mark, status, variables)
        marks[status] = mark
    return marks


def recolour_mark(mark: Text, status: Status, variables: Mapping[str, str]) -> None:
    """Set a mark's colour from the theme's variables (bold for shared, as the strongest)."""
    colour = variables.get(STATUS_MARK_STYLE[status].lstrip("$"))
    try:
        mark.style = Style(color=colour, bold=status == "shared") if colour else Style()
    except ColorParseError:
        mark.style = Style(bold=status == "shared")


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One cluster's coverage: its status and sentence in each article (None where absent)."""

    cluster: int
    text: str
    statuses: tuple[Status | None, ...]
    refs: tuple[SentenceRef | None, ...]

    @property
    def breadth(self) -> int:
        """How many articles carry the cluster."""
        return sum(status is not None for status in self.statuses)


def coverage_rows(alignment: StoryAlignment, article_ids: Sequence[str]) -> list[MatrixRow]:
    """One MatrixRow per cluster, in story order, with columns in `article_ids` order.

    When an article holds two sentences of one cluster, the more widely carried status shows and
    the first sentence is the one enter opens.
    """
    column = {article_id: position for position, article_id in enumerate(article_ids)}
    info = {
        (sentence.ref.article_id, sentence.ref.index): sentence
        for sentences in alignment.sentences.values()
        for sentence in sentences
    }
    rows: list[MatrixRow] = []
    for cluster in alignment.clusters:
        statuses: list[Status | None] = [None] * len(article_ids)
        refs: list[SentenceRef | None] = [None] * len(article_ids)
        for ref in cluster.members:
            position = column.get(ref.article_id)
            sentence = info.get((ref.article_id, ref.index))
            if position is None or sentence is None:
                continue
            current = statuses[position]
            if current is None or _RANK[sentence.status] > _RANK[current]:
                statuses[position] = sentence.status
            if refs[position] is None:
                refs[position] = ref
        rows.append(MatrixRow(cluster.id, cluster.text, tuple(statuses), tuple(refs)))
    return rows


@dataclass(frozen=True, slots=True)
class MatrixWidths:
    """Content widths of the sentence column and of every outlet column."""

    text: int
    header: int


def matrix_widths(available: int, names: Sequence[str]) -> MatrixWidths:
    """Column widths for a table `available` cells wide showing outlets called `names`.

    Each outlet column is as wide as its name, cut at the longest of HEADER_WIDTHS. When every
    outlet fits beside a readable sentence, the sentence takes the rest of the width; otherwise
    it takes a third and the outlets scroll sideways beside it.
    """
    header = max(HEADER_WIDTHS[0], min(HEADER_WIDTHS[1], max((len(n) for n in names), default=0)))
    fixed = sum(width + 2 * CELL_PADDING for width in FIXED_WIDTHS) + 2 * CELL_PADDING
    outlets = sum(max(HEADER_WIDTHS[0], min(header, len(n))) + 2 * CELL_PADDING for n in names)
    rest = available - fixed - outlets
    if rest >= TEXT_WIDTHS[0]:
        return MatrixWidths(min(rest, TEXT_WIDTHS[1]), header)
    return MatrixWidths(max(TEXT_WIDTHS[0], min(40, (available - fixed) // 3)), header)


def hidden_outlets(
    column_widths: Sequence[int], *, fixed: int, scroll_x: int, viewport: int
) -> tuple[int, int]:
    """(outlet columns cut off on the left, on the right) of a table scrolled `scroll_x` cells.

    `column_widths` are the outlet columns' rendered widths, left to right; `fixed` is the width
    of the columns that never scroll; `viewport` the table's visible width. A column counts as
    hidden unless all of it shows.
    """
    left = right = 0
    x = fixed
    for width in column_widths:
        if x < scroll_x + fixed:
            left += 1
        elif x + width > scroll_x + viewport:
            right += 1
        x += width
    return left, right


def cell_ref(
    row: MatrixRow, outlet_column: int, article_ids: Sequence[str], *, origin: str | None
) -> SentenceRef | None:
    """The sentence a cell stands for: its own outlet's, else the origin's, else the first
    outlet's that carries the cluster."""
    if 0 <= outlet_column < len(row.refs) and row.refs[outlet_column] is not None:
        return row.refs[outlet_column]
    if origin is not None and origin in article_ids:
        ref = row.refs[list(article_ids).index(origin)]
        if ref is not None:
            return ref
    return next((ref for ref in row.refs if ref is not None), None)


def legend_text(
    outlet: str | None,
    position: int,
    total: int,
    hidden: tuple[int, int],
    marks: Mapping[Status, Text],
) -> Text:
    """The line under the matrix: 'TRT World (3/51)  ← 2 more  46 more → │ ● near-copy …'."""
    legend = Text(end="")
    if outlet is not None:
        legend.append_text(data_text(outlet, style="bold"))
        legend.append(f" ({position}/{total})", style="dim")
    left, right = hidden
    if left:
        legend.append(f"  ← {left} more", style="bold")
    if right:
        legend.append(f"  {right} more →", style="bold")
    legend.append(" │ ", style="dim")
    for status, meaning in MARK_MEANINGS.items():
        legend.append_text(marks[status])
        legend.append(f" {meaning} ", style="dim")
    return legend


def status_line(sentences: int, outlets: int, order: str, origin: str | None) -> Text:
    """The line above the matrix: its size, its order and the likely origin (`origin`, an
    outlet's name, is data and never markup)."""
    status = Text(end="")
    status.append(f"{plural(sentences, 'sentence')} × {plural(outlets, 'outlet')}", style="bold")
    label = "story order" if order == "story" else "most widely carried first"
    status.append(f" · sorted by {label}", style="dim")
    if origin is not None:
        status.append(" · likely origin: ", style="dim")
        status.append_text(data_text(origin))
    return status
