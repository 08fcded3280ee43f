"""The coverage matrix of a story too big for a table: the same view, drawn lazily.

`tui.screens.matrix` fills a DataTable with a cell per outlet and cluster, which suits stories of
tens of outlets. Past LARGE_CELLS cells `tui.screens.views` opens this screen instead: the same
keys, status line and legend, over a `CoverageGrid` that keeps rows sparse and draws only what is
on screen, so a 2,000-outlet story opens and moves as fast as a small one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.reactive import var
from textual.widgets import Footer, Static

from tui.core.models import Article, SentenceRef, Status, StoryAlignment
from tui.keys.registry import MATRIX_BINDINGS
from tui.messages import JumpToSentence
from tui.screens.choice import ChoiceScreen
from tui.screens.matrix_rows import legend_text, status_line, status_marks
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.coverage_grid import CoverageGrid, GridRow, grid_rows

LARGE_CELLS = 250_000
"""Clusters x outlets beyond which the matrix is drawn lazily (a DataTable fills ~130k cells a
second)."""

SortOrder = Literal["story", "breadth"]


def is_large(alignment: StoryAlignment) -> bool:
    """Whether a story's matrix is drawn by this screen."""
    return len(alignment.clusters) * len(alignment.article_ids) > LARGE_CELLS


class LargeMatrixScreen(ChoiceScreen[SentenceRef]):
    """Clusters down, outlets across, drawn lazily; enter opens the sentence under the cursor
    (that outlet's, else the origin's or the first carrier's, saying so)."""

    HELP = (
        "● carried near-verbatim, ◐ carried reworded, ○ carried by this outlet alone. "
        "`o` sorts by story order or by how many outlets carry each sentence. "
        "Only the rows and outlets on screen are drawn: move with h/l and j/k."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(MATRIX_BINDINGS)
    DEFAULT_CSS = """
    LargeMatrixScreen #matrix-status { height: 1; padding: 0 1; background: $panel; }
    LargeMatrixScreen #matrix-legend { height: 1; padding: 0 1; background: $panel; }
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
        self._alignment = alignment
        known = [a.id for a in articles if a.id in alignment.sentences]
        self.article_ids = known + [i for i in alignment.article_ids if i not in known]
        """Column order of the outlet columns."""
        self._outlets = dict(alignment.outlets) | {a.id: a.outlet for a in articles}
        self.rows = grid_rows(alignment, self.article_ids)
        """Every cluster's row in story order."""
        origin = alignment.origin
        self._origin_column = self.article_ids.index(origin) if origin in self.article_ids else None
        self._annotated: dict[int, str] = {}
        """Cluster -> the mark of an annotated sentence in it."""
        for row in self.rows if marks.sentences else ():
            found = [marks.mark(ref) for _, ref in row.cells.values() if marks.mark(ref)]
            if found:
                self._annotated[row.cluster] = found[0]

    @property
    def grid(self) -> CoverageGrid:
        return self.query_one(CoverageGrid)

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-status")
        names = [self._outlets.get(a, a) for a in self.article_ids]
        yield CoverageGrid(self.rows, names, marks=self._mark_styles(), annotated=self._annotated)
        yield Static(id="matrix-legend")
        yield Footer()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        self.grid.focus()
        self._show_status()
        self.call_after_refresh(self._show_legend)

    def _mark_styles(self) -> dict[Status, Style]:
        styles = {status: mark.style for status, mark in self._text_marks().items()}
        return {s: v if isinstance(v, Style) else Style.parse(v) for s, v in styles.items()}

    def _text_marks(self) -> dict[Status, Text]:
        return status_marks(self.app.get_css_variables())

    def _recolour(self, _theme: object) -> None:
        self.grid.marks = self._mark_styles()
        self.grid.refresh()
        self._show_legend()

    def watch_order(self) -> None:
        if self.order == "breadth":
            shown = sorted(self.rows, key=lambda row: (-row.breadth, row.cluster))
        else:
            shown = list(self.rows)
        self.grid.reorder(shown)
        self._show_status()

    def _show_status(self) -> None:
        origin = self._alignment.origin
        name = self._outlets.get(origin, origin) if origin is not None else None
        status = status_line(len(self.rows), len(self.article_ids), self.order, name)
        self.query_one("#matrix-status", Static).update(status)

    def hidden(self) -> tuple[int, int]:
        """(outlet columns off screen on the left, on the right)."""
        return self.grid.hidden()

    def _show_legend(self) -> None:
        grid = self.grid
        column = grid.column
        name = None
        if 0 <= column < len(self.article_ids):
            name = self._outlets.get(self.article_ids[column], self.article_ids[column])
        legend = legend_text(
            name, column + 1, len(self.article_ids), grid.hidden(), self._text_marks()
        )
        self.query_one("#matrix-legend", Static).update(legend)

    def on_coverage_grid_cursor_moved(self, event: CoverageGrid.CursorMoved) -> None:
        event.stop()
        self._show_legend()

    def on_coverage_grid_cell_chosen(self, event: CoverageGrid.CellChosen) -> None:
        event.stop()
        self.action_open()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_legend)

    def action_cursor(self, move: str) -> None:
        grid = self.grid
        if move == "down":
            grid.move_by(rows=1)
        elif move == "up":
            grid.move_by(rows=-1)
        elif move == "top":
            grid.move_to(0, grid.column)
        elif move == "bottom":
            grid.move_to(len(grid.rows) - 1, grid.column)
        elif move == "half_page_down":
            grid.page(1)
        elif move == "half_page_up":
            grid.page(-1)

    def action_column(self, step: int) -> None:
        """h/l: the previous or next outlet column."""
        self.grid.move_by(columns=step)

    def action_toggle_order(self) -> None:
        self.order = "breadth" if self.order == "story" else "story"

    def ref_at(self, row: GridRow, column: int) -> SentenceRef | None:
        return row.ref(column, origin_column=self._origin_column)

    def action_open(self) -> None:
        grid = self.grid
        row = grid.current()
        if row is None:
            return
        ref = self.ref_at(row, grid.column)
        if ref is None:
            return
        if 0 <= grid.column < len(self.article_ids) and grid.column not in row.cells:
            wanted = self._outlets.get(self.article_ids[grid.column], "")
            shown = self._outlets.get(ref.article_id, ref.article_id)
            self.app.notify(
                f"{wanted} does not carry this sentence; showing {shown}'s.", markup=False
            )
        self.choose(ref)

    def request(self, choice: SentenceRef) -> JumpToSentence:
        return JumpToSentence(choice)
