"""Coverage matrix: which outlet carries which cluster, one row per cluster, one column per outlet.

Reads like a chart of who copied what: a row carried by every outlet is the wire core, a row with
one mark is one outlet's own addition. Sorting by breadth (key `o`) brings the core to the top.
The sentence column stays fixed while 51 outlet columns scroll sideways, following the cursor;
the line under the table says how many are off screen on each side.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.coordinate import Coordinate
from textual.reactive import var
from textual.widgets import DataTable, Footer, Static

from tui.core.models import Article, SentenceRef, StoryAlignment
from tui.keys.registry import MATRIX_BINDINGS
from tui.messages import JumpToSentence
from tui.screens.choice import ChoiceScreen
from tui.screens.matrix_rows import (
    MatrixRow,
    cell_ref,
    coverage_rows,
    hidden_outlets,
    legend_text,
    matrix_widths,
    recolour_mark,
    status_line,
    status_marks,
)
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.cursor_moves import move_data_table
from tui.widgets.diff_text import data_text

NO_MARK = Text("", end="")
FIXED_COLUMNS = 3
"""Cluster number, breadth and sentence: they stay put while the outlet columns scroll."""
SCROLLBAR = 2
"""Cells the table's vertical scrollbar takes."""

SortOrder = Literal["story", "breadth"]


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class CoverageMatrixScreen(ChoiceScreen[SentenceRef]):
    """Clusters down, outlets across; enter opens the sentence under the cursor.

    The cursor moves over the outlet columns only; the line under the table names the outlet
    under it, says how many outlet columns are scrolled off either side, and explains the marks.
    On a cell that carries the cluster, enter opens that outlet's sentence; elsewhere it opens
    the origin's sentence, or the first outlet's that carries it, and says so. Dismisses with the
    ref (a `JumpToSentence` request), or with None on q/escape.
    """

    HELP = (
        "● carried near-verbatim, ◐ carried reworded, ○ carried by this outlet alone. "
        "`o` sorts by story order or by how many outlets carry each sentence."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(MATRIX_BINDINGS)
    DEFAULT_CSS = """
    CoverageMatrixScreen #matrix-status { height: 1; padding: 0 1; background: $panel; }
    CoverageMatrixScreen #matrix-table { height: 1fr; }
    CoverageMatrixScreen #matrix-legend { height: 1; padding: 0 1; background: $panel; }
    """

    order: var[SortOrder] = var("story", init=False)

    def __init__(
        self,
        articles: Sequence[Article],
        alignment: StoryAlignment,
        *,
        marks: AnnotationMarks = NO_MARKS,
    ) -> None:
        super().__init__()
        self._marks = marks
        self._alignment = alignment
        known = [a.id for a in articles if a.id in alignment.sentences]
        self._article_ids = known + [i for i in alignment.article_ids if i not in known]
        self._outlets = dict(alignment.outlets) | {a.id: a.outlet for a in articles}
        self.rows = coverage_rows(alignment, self._article_ids)
        """Every cluster's row in story order."""
        self.shown: list[MatrixRow] = []
        """The rows in the order the table shows them."""
        self._text_width = 36

    @property
    def article_ids(self) -> list[str]:
        """Column order of the outlet columns."""
        return list(self._article_ids)

    @property
    def table(self) -> DataTable[Text | str]:
        return self.query_one("#matrix-table", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-status")
        table: DataTable[Text | str] = DataTable(
            id="matrix-table", cursor_type="cell", fixed_columns=FIXED_COLUMNS, zebra_stripes=True
        )
        yield table
        yield Static(id="matrix-legend")
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        names = [self._outlets.get(article_id, article_id) for article_id in self._article_ids]
        widths = matrix_widths(self.app.size.width - SCROLLBAR, names)
        self._text_width = widths.text
        table.add_column(Text("#", end=""), key="cluster", width=4)
        table.add_column(Text("n", end=""), key="breadth", width=3)
        table.add_column(Text("sentence", end=""), key="text", width=widths.text)
        for article_id, name in zip(self._article_ids, names, strict=True):
            label = data_text(_truncate(name, widths.header))
            table.add_column(label, key=article_id, width=max(3, len(label.plain)))
        self._status_marks = status_marks(self.app.get_css_variables())
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        self._fill()
        if self._article_ids:
            table.cursor_coordinate = Coordinate(0, FIXED_COLUMNS)
        self.watch(table, "scroll_x", self._show_legend, init=False)
        self.call_after_refresh(self._show_legend)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_legend)

    def _recolour(self, _theme: object) -> None:
        variables = self.app.get_css_variables()
        for status, mark in self._status_marks.items():
            recolour_mark(mark, status, variables)
        self.table.notify_style_update()
        self.table.refresh()

    def watch_order(self) -> None:
        self._apply_order()

    def _fill(self) -> None:
        """Add every row once; re-sorting later only reorders them (re-adding 27k cells is slow)."""
        table = self.table
        for row in self.rows:
            cells: list[Text | str] = [
                Text(str(row.cluster), end=""),
                Text(str(row.breadth), end=""),
                self._sentence_cell(row),
            ]
            cells.extend(self._status_marks[s] if s is not None else NO_MARK for s in row.statuses)
            table.add_row(*cells, key=str(row.cluster))
        self._apply_order()

    def _sentence_cell(self, row: MatrixRow) -> Text:
        """The cluster's text, after a ✎/# when any outlet's sentence of it is annotated."""
        if not self._marks.sentences:
            return data_text(_truncate(row.text, self._text_width))
        marked = next((ref for ref in row.refs if self._marks.mark(ref)), None)
        text = data_text(_truncate(row.text, self._text_width - 2))
        return Text.assemble(self._marks.rich_gutter(marked), text, end="")

    def _apply_order(self) -> None:
        table = self.table
        keep = self._cursor_row()
        column = table.cursor_coordinate.column
        if self.order == "breadth":
            self.shown = sorted(self.rows, key=lambda row: (-row.breadth, row.cluster))
        else:
            self.shown = list(self.rows)
        rank = {str(row.cluster): position for position, row in enumerate(self.shown)}
        table.sort("cluster", key=lambda cell: rank[cell.plain])
        if keep is not None:
            target = next(i for i, row in enumerate(self.shown) if row.cluster == keep.cluster)
            table.cursor_coordinate = Coordinate(target, column)
        self._show_status()

    def _show_status(self) -> None:
        origin = self._alignment.origin
        name = self._outlets.get(origin, origin) if origin is not None else None
        status = status_line(len(self.rows), len(self._article_ids), self.order, name)
        self.query_one("#matrix-status", Static).update(status)

    def hidden(self) -> tuple[int, int]:
        """(outlet columns off screen on the left, on the right) as the table is scrolled."""
        table = self.table
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        return hidden_outlets(
            widths[FIXED_COLUMNS:],
            fixed=sum(widths[:FIXED_COLUMNS]),
            scroll_x=round(table.scroll_x),
            viewport=table.scrollable_content_region.width,
        )

    def _show_legend(self) -> None:
        """The outlet under the cursor, how many outlets are off screen, and what marks mean."""
        column = self.table.cursor_coordinate.column - FIXED_COLUMNS
        name = None
        if 0 <= column < len(self._article_ids):
            name = self._outlets.get(self._article_ids[column], self._article_ids[column])
        total = len(self._article_ids)
        legend = legend_text(name, column + 1, total, self.hidden(), self._status_marks)
        self.query_one("#matrix-legend", Static).update(legend)

    def _cursor_row(self) -> MatrixRow | None:
        row = self.table.cursor_coordinate.row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def ref_at(self, coordinate: Coordinate) -> SentenceRef | None:
        """The sentence a cell stands for: its own outlet's, else the origin's, else the first."""
        if not 0 <= coordinate.row < len(self.shown):
            return None
        return cell_ref(
            self.shown[coordinate.row],
            coordinate.column - FIXED_COLUMNS,
            self._article_ids,
            origin=self._alignment.origin,
        )

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """Keep the cursor on an outlet column (the fixed ones are labels, not places to go)."""
        event.stop()
        coordinate = event.coordinate
        if coordinate.column < FIXED_COLUMNS and self._article_ids:
            self.table.cursor_coordinate = Coordinate(coordinate.row, FIXED_COLUMNS)
            return
        self._show_legend()

    def action_cursor(self, move: str) -> None:
        move_data_table(self.table, move)

    def action_column(self, step: int) -> None:
        """h/l: the previous or next outlet column (never onto the fixed columns)."""
        table = self.table
        if step < 0 and table.cursor_coordinate.column > FIXED_COLUMNS:
            table.action_cursor_left()
        elif step > 0:
            table.action_cursor_right()

    def action_toggle_order(self) -> None:
        self.order = "breadth" if self.order == "story" else "story"

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self._open(event.coordinate)

    def action_open(self) -> None:
        self._open(self.table.cursor_coordinate)

    def _open(self, coordinate: Coordinate) -> None:
        ref = self.ref_at(coordinate)
        if ref is None:
            return
        column = coordinate.column - FIXED_COLUMNS
        if 0 <= column < len(self._article_ids) and ref.article_id != self._article_ids[column]:
            wanted = self._outlets.get(self._article_ids[column], "")
            shown = self._outlets.get(ref.article_id, ref.article_id)
            self.app.notify(
                f"{wanted} does not carry this sentence; showing {shown}'s.", markup=False
            )
        self.choose(ref)

    def request(self, choice: SentenceRef) -> JumpToSentence:
        return JumpToSentence(choice)
