"""Coverage matrix: which outlet carries which cluster, one row per cluster, one column per outlet.

Reads like a chart of who copied what: a row carried by every outlet is the wire core, a row with
one mark is one outlet's own addition. Sorting by breadth (key `o`) brings the core to the top.
The sentence column stays fixed while 51 outlet columns scroll sideways.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.color import ColorParseError
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.core.models import Article, SentenceRef, Status, StoryAlignment
from tui.messages import JumpToSentence, post_to_screen_below
from tui.widgets import STATUS_MARK_STYLE
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.diff_text import data_text

MARK_GLYPHS: dict[Status, str] = {"shared": "●", "reworded": "◐", "unique": "○"}
"""Cell marks: carried near-verbatim, carried reworded, carried by this outlet alone."""


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


NO_MARK = Text("", end="")
TEXT_WIDTH = 36
"""Characters of the cluster's text shown in the fixed first columns."""
HEADER_WIDTH = 8
"""Outlet names are cut to this many characters so 51 columns stay readable."""
_RANK: dict[Status, int] = {"shared": 3, "reworded": 2, "unique": 1}

SortOrder = Literal["story", "breadth"]


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


def _truncate(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class CoverageMatrixScreen(Screen[SentenceRef | None]):
    """Clusters down, outlets across; enter opens the sentence under the cursor.

    On an outlet's cell that carries the cluster, enter opens that outlet's sentence; elsewhere it
    opens the origin's sentence, or the first outlet's that carries it. Posts `JumpToSentence` to
    the screen below and dismisses with the ref, or with None on q/escape.
    """

    HELP = (
        "● carried near-verbatim, ◐ carried reworded, ○ carried by this outlet alone. "
        "`o` sorts by story order or by how many outlets carry each sentence."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The moves share the main screen's ids, so one keymap entry rebinds them everywhere.
        Binding(
            "j,down",
            "cursor('down')",
            "Down",
            show=False,
            tooltip="Next sentence",
            id="cursor.down",
        ),
        Binding(
            "k,up", "cursor('up')", "Up", show=False, tooltip="Previous sentence", id="cursor.up"
        ),
        Binding(
            "h,left",
            "cursor('left')",
            "Left",
            show=False,
            tooltip="Previous outlet",
            id="matrix.left",
        ),
        Binding(
            "l,right",
            "cursor('right')",
            "Right",
            show=False,
            tooltip="Next outlet",
            id="matrix.right",
        ),
        Binding(
            "g,home", "cursor('top')", "Top", show=False, tooltip="First sentence", id="cursor.top"
        ),
        Binding(
            "G,end",
            "cursor('bottom')",
            "Bottom",
            show=False,
            tooltip="Last sentence",
            id="cursor.bottom",
        ),
        Binding(
            "o",
            "toggle_order",
            "Order",
            id="matrix.order",
            tooltip="Sort by story order or by how widely each sentence is carried",
        ),
        Binding(
            "enter",
            "open",
            "Open",
            tooltip="Open this sentence on the main screen",
            id="matrix.open",
        ),
        Binding("q,escape", "back", "Back", tooltip="Close the matrix", id="matrix.back"),
    ]
    DEFAULT_CSS = """
    CoverageMatrixScreen #matrix-status { height: 1; padding: 0 1; background: $panel; }
    CoverageMatrixScreen #matrix-table { height: 1fr; }
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

    @property
    def article_ids(self) -> list[str]:
        """Column order of the outlet columns."""
        return list(self._article_ids)

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-status")
        table: DataTable[Text | str] = DataTable(
            id="matrix-table", cursor_type="cell", fixed_columns=3, zebra_stripes=True
        )
        yield table
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#matrix-table", DataTable)
        table.add_column(Text("#", end=""), key="cluster", width=4)
        table.add_column(Text("n", end=""), key="breadth", width=3)
        table.add_column(Text("sentence", end=""), key="text", width=TEXT_WIDTH)
        for article_id in self._article_ids:
            name = self._outlets.get(article_id, article_id)
            label = data_text(_truncate(name, HEADER_WIDTH))
            table.add_column(label, key=article_id, width=max(3, len(label.plain)))
        self._status_marks = status_marks(self.app.get_css_variables())
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        self._fill()

    def _recolour(self, _theme: object) -> None:
        variables = self.app.get_css_variables()
        for status, mark in self._status_marks.items():
            recolour_mark(mark, status, variables)
        self.query_one("#matrix-table", DataTable).notify_style_update()
        self.query_one("#matrix-table", DataTable).refresh()

    def watch_order(self) -> None:
        self._apply_order()

    def _fill(self) -> None:
        """Add every row once; re-sorting later only reorders them (re-adding 27k cells is slow)."""
        table = self.query_one("#matrix-table", DataTable)
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
            return data_text(_truncate(row.text, TEXT_WIDTH))
        marked = next((ref for ref in row.refs if self._marks.mark(ref)), None)
        text = data_text(_truncate(row.text, TEXT_WIDTH - 2))
        return Text.assemble(self._marks.rich_gutter(marked), text, end="")

    def _apply_order(self) -> None:
        table = self.query_one("#matrix-table", DataTable)
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
        status = Text(end="")
        size = f"{len(self.rows)} sentences × {len(self._article_ids)} outlets"
        status.append(size, style="bold")
        label = "story order" if self.order == "story" else "most widely carried first"
        status.append(f" · sorted by {label}", style="dim")
        origin = self._alignment.origin
        if origin is not None:
            status.append(" · likely origin: ", style="dim")
            status.append_text(data_text(self._outlets.get(origin, origin)))
        self.query_one("#matrix-status", Static).update(status)

    def _cursor_row(self) -> MatrixRow | None:
        table = self.query_one("#matrix-table", DataTable)
        row = table.cursor_coordinate.row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def ref_at(self, coordinate: Coordinate) -> SentenceRef | None:
        """The sentence a cell stands for: its own outlet's, else the origin's, else the first."""
        if not 0 <= coordinate.row < len(self.shown):
            return None
        row = self.shown[coordinate.row]
        outlet_column = coordinate.column - 3
        if 0 <= outlet_column < len(row.refs) and row.refs[outlet_column] is not None:
            return row.refs[outlet_column]
        origin = self._alignment.origin
        if origin in self._article_ids:
            ref = row.refs[self._article_ids.index(origin)]
            if ref is not None:
                return ref
        return next((ref for ref in row.refs if ref is not None), None)

    def action_cursor(self, where: str) -> None:
        table = self.query_one("#matrix-table", DataTable)
        actions = {
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "left": table.action_cursor_left,
            "right": table.action_cursor_right,
            "top": table.action_scroll_top,
            "bottom": table.action_scroll_bottom,
        }
        actions[where]()

    def action_toggle_order(self) -> None:
        self.order = "breadth" if self.order == "story" else "story"

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self._open(event.coordinate)

    def action_open(self) -> None:
        self._open(self.query_one("#matrix-table", DataTable).cursor_coordinate)

    def _open(self, coordinate: Coordinate) -> None:
        ref = self.ref_at(coordinate)
        if ref is None:
            return
        post_to_screen_below(self, JumpToSentence(ref))
        self.dismiss(ref)

    def action_back(self) -> None:
        self.dismiss(None)
