"""The coverage matrix of a big story, drawn lazily: only the rows and outlet columns on screen.

A story of 2,000 outlets and 12,000 clusters has 24 million cells: a table that holds a cell
object for each (Textual's DataTable) takes most of a minute to fill. This grid keeps each
cluster's row sparse (the outlets that carry it, one entry per sentence) and draws a line when
Textual asks for it (`render_line`), so opening it and every key cost what fits on the screen.
The sentence column stays fixed while the outlet columns move under a cursor; the grid scrolls to
keep the cursor in view, one column or row at a time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.core.models import SentenceRef, Status, StoryAlignment
from tui.core.text.safe_text import display_text

GLYPHS: dict[Status, str] = {"shared": "●", "reworded": "◐", "unique": "○"}
_RANK: dict[Status, int] = {"shared": 3, "reworded": 2, "unique": 1}
NUMBER_WIDTH = 6
BREADTH_WIDTH = 6
"""Widths of the cluster number and breadth cells, a space included."""
COLUMN_WIDTHS = (3, 14)
"""Narrowest and widest outlet column: names longer than the widest are cut."""


@dataclass(frozen=True, slots=True)
class GridRow:
    """One cluster: its text and, per outlet column that carries it, the status and sentence."""

    cluster: int
    text: str
    cells: dict[int, tuple[Status, SentenceRef]] = field(default_factory=dict)

    @property
    def breadth(self) -> int:
        """How many articles carry the cluster."""
        return len(self.cells)

    def ref(self, column: int, *, origin_column: int | None) -> SentenceRef | None:
        """The sentence a cell stands for: its own outlet's, else the origin's, else the first
        outlet's that carries the cluster."""
        for where in (column, origin_column):
            if where is not None and where in self.cells:
                return self.cells[where][1]
        return self.cells[min(self.cells)][1] if self.cells else None


def grid_rows(alignment: StoryAlignment, article_ids: Sequence[str]) -> list[GridRow]:
    """One GridRow per cluster in story order, outlet columns in `article_ids` order; built from
    the clusters' members, so the cost follows the sentences, not outlets x clusters. An article
    with two sentences of a cluster shows the more widely carried status and opens the first."""
    column = {article_id: position for position, article_id in enumerate(article_ids)}
    status_of = {info.ref: info.status for infos in alignment.sentences.values() for info in infos}
    rows = []
    for cluster in alignment.clusters:
        cells: dict[int, tuple[Status, SentenceRef]] = {}
        for ref in (*cluster.members, *cluster.repeats):
            position = column.get(ref.article_id)
            status = status_of.get(ref)
            if position is None or status is None:
                continue
            held = cells.get(position)
            if held is None:
                cells[position] = (status, ref)
            elif _RANK[status] > _RANK[held[0]]:
                cells[position] = (status, held[1])
        rows.append(GridRow(cluster.id, cluster.text, cells))
    return rows


def _fit(text: str, width: int) -> str:
    """`text` cut with an ellipsis or padded to exactly `width` cells (one line, no controls)."""
    text = display_text(text).replace("\n", " ")
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


class CoverageGrid(Widget, can_focus=True):
    """Clusters down, outlets across, drawn a line at a time; a cell cursor over the outlets."""

    DEFAULT_CSS = """
    CoverageGrid { height: 1fr; width: 1fr; }
    """

    class CursorMoved(Message):
        """The cursor is on another cell (row in shown order, outlet column)."""

        def __init__(self, grid: CoverageGrid) -> None:
            super().__init__()
            self.grid = grid

        @property
        def control(self) -> CoverageGrid:
            return self.grid

    class CellChosen(Message):
        """A cell was clicked twice: open its sentence."""

        def __init__(self, grid: CoverageGrid) -> None:
            super().__init__()
            self.grid = grid

    def __init__(
        self,
        rows: Sequence[GridRow],
        names: Sequence[str],
        *,
        marks: Mapping[Status, Style],
        annotated: Mapping[int, str] | None = None,
        id: str | None = None,  # noqa: A002 - Textual's name for it
    ) -> None:
        super().__init__(id=id)
        self.rows: list[GridRow] = list(rows)
        """Rows in the order shown."""
        self.names = list(names)
        self.marks = dict(marks)
        """Style of each status's mark (the screen sets them from the theme)."""
        self.annotated = dict(annotated or {})
        """Cluster -> a one-character annotation mark shown before its text."""
        self.row = 0
        self.column = 0
        self.top = 0
        """First row on screen."""
        self.left = 0
        """First outlet column on screen."""
        longest = max((len(name) for name in self.names), default=0)
        self.column_width = max(COLUMN_WIDTHS[0], min(COLUMN_WIDTHS[1], longest)) + 2
        self.text_width = 36

    # --- geometry ---------------------------------------------------------------------------

    @property
    def fixed_width(self) -> int:
        return NUMBER_WIDTH + BREADTH_WIDTH + self.text_width + 1

    def visible_rows(self) -> int:
        return max(1, self.size.height - 1)  # the header takes a line

    def visible_columns(self) -> int:
        return max(1, (self.size.width - self.fixed_width) // self.column_width)

    def hidden(self) -> tuple[int, int]:
        """(outlet columns off screen on the left, on the right)."""
        shown = min(self.visible_columns(), len(self.names) - self.left)
        return self.left, max(0, len(self.names) - self.left - shown)

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        self.text_width = max(20, min(60, (width - NUMBER_WIDTH - BREADTH_WIDTH) // 3))
        self._follow()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) + 1

    # --- cursor -----------------------------------------------------------------------------

    def move_to(self, row: int, column: int) -> None:
        """Put the cursor on (row, column), clamped, and scroll it into view."""
        row = max(0, min(row, len(self.rows) - 1))
        column = max(0, min(column, len(self.names) - 1))
        if (row, column) == (self.row, self.column):
            return
        self.row, self.column = row, column
        self._follow()
        self.refresh()
        self.post_message(self.CursorMoved(self))

    def move_by(self, rows: int = 0, columns: int = 0) -> None:
        self.move_to(self.row + rows, self.column + columns)

    def page(self, direction: int) -> None:
        """Half a screen down (1) or up (-1)."""
        self.move_by(rows=direction * max(1, self.visible_rows() // 2))

    def _follow(self) -> None:
        rows, columns = self.visible_rows(), self.visible_columns()
        self.top = min(max(self.top, self.row - rows + 1), self.row)
        self.top = max(0, min(self.top, max(0, len(self.rows) - rows)))
        self.left = min(max(self.left, self.column - columns + 1), self.column)
        self.left = max(0, min(self.left, max(0, len(self.names) - columns)))

    def reorder(self, rows: Sequence[GridRow]) -> None:
        """Show `rows` in this order, the cursor staying on the cluster it was on."""
        current = self.rows[self.row].cluster if self.rows else None
        self.rows = list(rows)
        self.row = next((n for n, r in enumerate(self.rows) if r.cluster == current), 0)
        self._follow()
        self.refresh()
        self.post_message(self.CursorMoved(self))

    def current(self) -> GridRow | None:
        return self.rows[self.row] if 0 <= self.row < len(self.rows) else None

    def on_click(self, event: events.Click) -> None:
        if event.y < 1 or event.x < self.fixed_width:
            return
        row = self.top + event.y - 1
        column = self.left + (event.x - self.fixed_width) // self.column_width
        if row < len(self.rows) and column < len(self.names):
            self.move_to(row, column)
            if event.chain >= 2:
                self.post_message(self.CellChosen(self))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.move_by(rows=3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.move_by(rows=-3)

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = self.top + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        on_row = index == self.row
        tint = base + Style(bold=True) if on_row else base
        mark = self.annotated.get(row.cluster, " ")
        segments = [
            Segment(f"{row.cluster:>{NUMBER_WIDTH - 1}} ", base + Style(dim=True)),
            Segment(f"{row.breadth:>{BREADTH_WIDTH - 1}} ", base + Style(dim=True)),
            Segment(mark + _fit(row.text, self.text_width - 1) + " ", tint),
        ]
        pad = self.column_width // 2
        for column in range(self.left, min(len(self.names), self.left + self.visible_columns())):
            cell = row.cells.get(column)
            glyph, style = (" ", base) if cell is None else (GLYPHS[cell[0]], self.marks[cell[0]])
            text = " " * pad + glyph + " " * (self.column_width - pad - 1)
            if on_row and column == self.column:
                style = style + Style(reverse=True)
            segments.append(Segment(text, base + style))
        return Strip(segments).adjust_cell_length(width, base)

    def _header(self, width: int, base: Style) -> Strip:
        head = base + Style(bold=True)
        segments = [
            Segment(f"{'#':>{NUMBER_WIDTH - 1}} {'n':>{BREADTH_WIDTH - 1}} ", head),
            Segment(_fit("sentence", self.text_width) + " ", head),
        ]
        for column in range(self.left, min(len(self.names), self.left + self.visible_columns())):
            style = head + Style(underline=True) if column == self.column else head
            name = _fit(self.names[column], self.column_width - 2)
            segments.append(Segment(f" {name} ", style))
        return Strip(segments).adjust_cell_length(width, base)
