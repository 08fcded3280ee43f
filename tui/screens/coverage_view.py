"""Coverage: who covered the story and when, beside what the comparison found.

The top shows the spread as the aggregators show it (a bar of outlets by lean, unrated outlets
hatched rather than left out, then countries, types and the blindspot verdict with its evidence)
and the wire families with how much each copy changed; below it the timeline, one row per
article, earliest first, undated ones last as 'unknown'. Enter on a timeline row opens that
outlet's article. The leans are the user's own profiles: crosswire ships none.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from tui.core.coverage.story import StoryCoverage
from tui.core.models import SentenceRef
from tui.core.profiles.types import LEAN_LABELS
from tui.keys.registry import COVERAGE_BINDINGS
from tui.messages import JumpToSentence
from tui.screens.choice import ChoiceScreen
from tui.screens.coverage_lines import family_lines, spread_lines
from tui.widgets import safe_text
from tui.widgets.cursor_moves import move_data_table
from tui.widgets.diff_text import data_text

BAR_MARGIN = 4
"""Cells left beside the lean bar (padding and scrollbar)."""


class CoverageScreen(ChoiceScreen[SentenceRef]):
    """The spread, the blindspot, the wire families and the timeline of the open story.

    Dismisses with the first sentence of the article chosen on the timeline (a `JumpToSentence`
    request), or None on q/escape.
    """

    HELP = (
        "Who covered the story: outlets by lean (hatched: no lean in your profiles), country "
        "and type, and a blindspot when most rated outlets sit on one side. Wire families list "
        "each copy with how much it changed. The timeline lists articles by publication date; "
        "`enter` opens one. `P` edits the outlet profiles."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(COVERAGE_BINDINGS)
    DEFAULT_CSS = """
    CoverageScreen #coverage-spread { height: auto; padding: 0 1; }
    CoverageScreen #coverage-families {
        height: auto; max-height: 10; padding: 0 1; border-top: hkey $panel;
    }
    CoverageScreen #coverage-timeline-title {
        height: 1; padding: 0 1; background: $panel;
    }
    CoverageScreen #coverage-timeline { height: 1fr; }
    """

    def __init__(self, coverage: StoryCoverage, *, title: str) -> None:
        super().__init__()
        self.coverage = coverage
        self._title = title
        self._leans = {
            article_id: outlet.profile.lean
            for outlet in coverage.spread.outlets
            for article_id in outlet.article_ids
            if outlet.profile is not None and outlet.profile.lean is not None
        }

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#coverage-timeline", DataTable)

    def compose(self) -> ComposeResult:
        yield Static(id="coverage-spread")
        yield Static(id="coverage-families")
        yield Static(id="coverage-timeline-title")
        yield DataTable(id="coverage-timeline", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._show_spread()
        self.query_one("#coverage-families", Static).update(
            Content("\n").join(family_lines(self.coverage.families))
        )
        timeline = self.coverage.timeline
        self.query_one("#coverage-timeline-title", Static).update(
            Content.assemble(("Timeline", "bold"), "  ", (timeline.summary(), "$text-muted"))
        )
        table = self.table
        for label, key in (("published", "date"), ("after first", "gap"), ("outlet", "outlet")):
            table.add_column(Text(label, end=""), key=key)
        table.add_column(Text("lean", end=""), key="lean")
        for entry in timeline.entries:
            lean = self._leans.get(entry.article_id)
            table.add_row(
                data_text(entry.recorded or "unknown", style="" if entry.when else "dim"),
                data_text(entry.after_first, style="bold" if entry.first else "dim"),
                data_text(entry.outlet, style="bold" if entry.first else ""),
                data_text(LEAN_LABELS[lean] if lean else "unrated", style="" if lean else "dim"),
                key=entry.article_id,
            )
        table.focus()

    def on_resize(self) -> None:
        self._show_spread()

    def _show_spread(self) -> None:
        width = max(8, self.size.width - BAR_MARGIN)
        title = Content.styled(safe_text(self._title), "bold")
        lines = [title, *spread_lines(self.coverage.spread, width)]
        self.query_one("#coverage-spread", Static).update(Content("\n").join(lines))

    def request(self, choice: SentenceRef) -> JumpToSentence:
        return JumpToSentence(choice)

    def action_cursor(self, move: str) -> None:
        move_data_table(self.table, move)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        table = self.table
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            self.choose(SentenceRef(key, 0))
