"""Every drift in the story: where a name, number, date, quantity or quote differs between outlets.

Spelling drift is usually a translation or transliteration artefact, so it is drawn quietly and
the fact-bearing kinds stand out. Key `f` cycles a filter through the kinds the story has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.core.models import Drift, DriftKind, SentenceRef, StoryAlignment
from tui.messages import JumpToSentence, post_to_screen_below
from tui.widgets.diff_text import data_text

KIND_ORDER: tuple[DriftKind, ...] = ("name", "number", "date", "quantity", "quote", "spelling")
"""Display and filter order: facts first, spelling last."""
KIND_STYLES: dict[DriftKind, Style] = {
    "name": Style(color="magenta", bold=True),
    "number": Style(color="red", bold=True),
    "date": Style(color="cyan", bold=True),
    "quantity": Style(color="red", bold=True),
    "quote": Style(color="yellow", bold=True),
    "spelling": Style(dim=True),
}
QUIET = Style(dim=True)
"""Applied to every cell of a spelling drift."""
VARIANT_WIDTH = 24
OUTLETS_WIDTH = 26


def _cell(text: str, width: int, style: Style | None = None) -> Text:
    shown = text if len(text) <= width else text[: width - 1] + "…"
    return data_text(shown, style=style or "")


def drift_ref(drift: Drift) -> SentenceRef | None:
    """Where to read a drift: its first a-side sentence, else its first b-side sentence."""
    if drift.refs_a:
        return drift.refs_a[0]
    if drift.refs_b:
        return drift.refs_b[0]
    return None


class DriftListScreen(Screen[SentenceRef | None]):
    """A table of the story's drifts; enter jumps to the drift's sentence (its `refs_a[0]`).

    Posts `JumpToSentence` to the screen below and dismisses with the ref, or None on q/escape.
    """

    HELP = (
        "Where outlets disagree inside one sentence. `f` shows one kind at a time "
        "(name, number, date, quantity, quote, spelling); spelling is drawn dim."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The moves share the main screen's ids, so one keymap entry rebinds them everywhere.
        Binding(
            "j,down", "cursor('down')", "Down", show=False, tooltip="Next drift", id="cursor.down"
        ),
        Binding("k,up", "cursor('up')", "Up", show=False, tooltip="Previous drift", id="cursor.up"),
        Binding(
            "g,home", "cursor('top')", "Top", show=False, tooltip="First drift", id="cursor.top"
        ),
        Binding(
            "G,end",
            "cursor('bottom')",
            "Bottom",
            show=False,
            tooltip="Last drift",
            id="cursor.bottom",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            tooltip="Show one kind of drift at a time",
            id="drift.filter",
        ),
        Binding("enter", "open", "Open", tooltip="Open this drift's sentence", id="drift.open"),
        Binding("q,escape", "back", "Back", tooltip="Close the drift list", id="drift.back"),
    ]
    DEFAULT_CSS = """
    DriftListScreen #drift-status { height: 1; padding: 0 1; background: $panel; }
    DriftListScreen #drift-table { height: 1fr; }
    """

    kind_filter: var[DriftKind | None] = var(None, init=False)
    """The one kind shown, or None for all."""

    def __init__(self, alignment: StoryAlignment) -> None:
        super().__init__()
        rank = {kind: position for position, kind in enumerate(KIND_ORDER)}
        self._drifts = sorted(alignment.drift, key=lambda d: (rank.get(d.kind, 99), d.cluster))
        self.kinds: tuple[DriftKind, ...] = tuple(
            kind for kind in KIND_ORDER if any(d.kind == kind for d in self._drifts)
        )
        """The kinds this story has, in filter order."""
        self.shown: list[Drift] = []
        """The drifts the table shows, in order."""

    def compose(self) -> ComposeResult:
        yield Static(id="drift-status")
        yield DataTable(id="drift-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#drift-table", DataTable)
        table.add_column(Text("kind", end=""), key="kind", width=9)
        table.add_column(Text("one version", end=""), key="a", width=VARIANT_WIDTH)
        table.add_column(Text("other version", end=""), key="b", width=VARIANT_WIDTH)
        table.add_column(Text("outlets (one)", end=""), key="outlets_a", width=OUTLETS_WIDTH)
        table.add_column(Text("outlets (other)", end=""), key="outlets_b", width=OUTLETS_WIDTH)
        self._fill()

    def watch_kind_filter(self) -> None:
        self._fill()

    def _fill(self) -> None:
        table = self.query_one("#drift-table", DataTable)
        wanted = self.kind_filter
        self.shown = [d for d in self._drifts if wanted is None or d.kind == wanted]
        table.clear()
        for position, drift in enumerate(self.shown):
            quiet = QUIET if drift.kind == "spelling" else None
            table.add_row(
                Text(drift.kind, style=KIND_STYLES.get(drift.kind, ""), end=""),
                _cell(drift.a, VARIANT_WIDTH, quiet),
                _cell(drift.b, VARIANT_WIDTH, quiet),
                _cell(", ".join(drift.outlets_a), OUTLETS_WIDTH, quiet),
                _cell(", ".join(drift.outlets_b), OUTLETS_WIDTH, quiet),
                key=str(position),
            )
        status = Text(end="")
        status.append(f"{len(self.shown)} of {len(self._drifts)} drifts", style="bold")
        status.append(f" · showing {wanted or 'every kind'}", style="dim")
        if not self._drifts:
            status.append(" · the outlets agree on every name, number, date and quote", style="dim")
        self.query_one("#drift-status", Static).update(status)

    def action_cycle_filter(self) -> None:
        cycle: list[DriftKind | None] = [None, *self.kinds]
        position = cycle.index(self.kind_filter) if self.kind_filter in cycle else 0
        self.kind_filter = cycle[(position + 1) % len(cycle)]

    def action_cursor(self, where: str) -> None:
        table = self.query_one("#drift-table", DataTable)
        actions = {
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "top": table.action_scroll_top,
            "bottom": table.action_scroll_bottom,
        }
        actions[where]()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.cursor_row)

    def action_open(self) -> None:
        self._open(self.query_one("#drift-table", DataTable).cursor_row)

    def _open(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            return
        ref = drift_ref(self.shown[row])
        if ref is None:
            self.notify("This drift names no sentence to open.", severity="warning")
            return
        post_to_screen_below(self, JumpToSentence(ref))
        self.dismiss(ref)

    def action_back(self) -> None:
        self.dismiss(None)

    @property
    def drifts(self) -> Sequence[Drift]:
        """All the story's drifts, in display order (facts first)."""
        return tuple(self._drifts)
