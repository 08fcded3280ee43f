"""Every drift in the story: where a name, number, date, quantity or quote differs between outlets.

Spelling drift is usually a translation or transliteration artefact, so it is drawn quietly and
the fact-bearing kinds stand out; one spelling pair ('defence' / 'defense') found in many
sentences is one row, not one per sentence. Key `f` cycles a filter through the kinds the story
has. Under the table, the highlighted drift's sentence is shown in both versions, the differing
words marked, so the reader sees the context before jumping to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.reactive import var
from textual.widgets import DataTable, Footer, Static

from tui.core.drift.variants import KIND_ORDER as CORE_KIND_ORDER
from tui.core.models import Drift, DriftKind, SentenceRef, StoryAlignment
from tui.core.notes.review import Decision, ReviewState, drift_key
from tui.core.reader.queries import sentence_info
from tui.core.store.storage import LibraryError
from tui.core.text.wording import plural
from tui.keys.registry import DRIFT_BINDINGS
from tui.messages import JumpToSentence
from tui.screens.choice import ChoiceScreen
from tui.screens.drift_rows import DriftRow, group_rows, outlets_summary
from tui.widgets import safe_text
from tui.widgets.cursor_moves import move_data_table
from tui.widgets.diff_text import data_text

KIND_ORDER: tuple[DriftKind, ...] = tuple(CORE_KIND_ORDER)
"""Display and filter order, the core's (and `crosswire compare`'s): facts first, spelling last."""
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
KIND_WIDTH = 8
CLUSTER_WIDTH = 7
REVIEW_WIDTH = 3
"""The review column: ✓ confirmed, ✗ dismissed, blank while undecided."""
REVIEW_MARKS: dict[str, tuple[str, str]] = {
    "confirmed": ("✓", "bold green"),
    "dismissed": ("✗", "dim"),
}
VERSION_WIDTHS = (20, 60)
"""Narrowest and widest 'version' column: each holds a variant and, under it, its outlets."""
SCROLLBAR = 2
VARIANT_STYLE = "$text-warning bold underline"
"""The differing words inside the detail area's sentences."""


def _cell(text: str, width: int, style: Style | None = None) -> Text:
    shown = text if len(text) <= width else text[: width - 1] + "…"
    return data_text(shown, style=style or "")


def version_width(available: int) -> int:
    """Width of each of the two version columns in a table `available` cells wide: they share
    what the kind and cluster columns leave, so both sides' outlets stay on screen."""
    rest = available - REVIEW_WIDTH - KIND_WIDTH - CLUSTER_WIDTH - 5 * 2  # padding 1 each side
    return max(VERSION_WIDTHS[0], min(VERSION_WIDTHS[1], rest // 2))


def version_cell(variant: str, outlets: Sequence[str], width: int, quiet: Style | None) -> Text:
    """A variant on its first line and, under it, the outlets that have it (at most two lines)."""
    cell = _cell(variant, width, quiet)
    cell.append("\n")
    cell.append_text(data_text(outlets_summary(outlets, width=width), style=quiet or "dim"))
    return cell


def drift_ref(drift: Drift) -> SentenceRef | None:
    """Where to read a drift: its first a-side sentence, else its first b-side sentence."""
    if drift.refs_a:
        return drift.refs_a[0]
    if drift.refs_b:
        return drift.refs_b[0]
    return None


class DriftListScreen(ChoiceScreen[SentenceRef]):
    """A table of the story's drifts; enter jumps to the drift's sentence (its `refs_a[0]`).

    Dismisses with the ref (a `JumpToSentence` request), or None on q/escape.
    """

    HELP = (
        "Where outlets disagree inside one sentence. `f` shows one kind at a time "
        "(name, number, date, quantity, quote, spelling); spelling is drawn dim. "
        "`c` confirms a drift (✓), `x` dismisses it (✗; it stays dismissed when the story is "
        "aligned again), the same key again makes it undecided; the Markdown memo reports "
        "confirmed drifts only."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(DRIFT_BINDINGS)
    DEFAULT_CSS = """
    DriftListScreen #drift-status { height: 1; padding: 0 1; background: $panel; }
    DriftListScreen #drift-table { height: 1fr; }
    DriftListScreen #drift-detail {
        height: auto; max-height: 40%; padding: 0 1; border-top: hkey $panel;
    }
    """

    kind_filter: var[DriftKind | None] = var(None, init=False)
    """The one kind shown, or None for all."""

    def __init__(
        self,
        alignment: StoryAlignment,
        *,
        review: ReviewState | None = None,
        story_id: str | None = None,
    ) -> None:
        """The drifts of `alignment`; with `review` and `story_id`, the reader's decisions on
        them are shown and `c`/`x` record new ones."""
        super().__init__()
        self._alignment = alignment
        self._review = review if story_id is not None else None
        self._story_id = story_id or ""
        self.decisions: dict[str, Decision] = {}
        """The reader's decisions, by `drift_key`, as last read or written."""
        rank = {kind: position for position, kind in enumerate(KIND_ORDER)}
        self._drifts = sorted(alignment.drift, key=lambda d: (rank.get(d.kind, 99), d.cluster))
        self.kinds: tuple[DriftKind, ...] = tuple(
            kind for kind in KIND_ORDER if any(d.kind == kind for d in self._drifts)
        )
        """The kinds this story has, in filter order."""
        self.shown: list[DriftRow] = []
        """The rows the table shows, in order (spelling pairs grouped)."""
        self._width = VERSION_WIDTHS[0]

    def compose(self) -> ComposeResult:
        yield Static(id="drift-status")
        yield DataTable(id="drift-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="drift-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#drift-table", DataTable)
        self._width = version_width(self.app.size.width - SCROLLBAR)
        if self._review is not None:
            try:
                self.decisions = self._review.decisions(self._story_id)
            except LibraryError as exc:
                self.notify(f"Review state unavailable: {exc}", severity="error", markup=False)
                self._review = None
        table.add_column(Text("kind", end=""), key="kind", width=KIND_WIDTH)
        table.add_column(Text("cluster", end=""), key="cluster", width=CLUSTER_WIDTH)
        table.add_column(Text("one version · outlets", end=""), key="a", width=self._width)
        table.add_column(Text("other version · outlets", end=""), key="b", width=self._width)
        table.add_column(Text("", end=""), key="review", width=REVIEW_WIDTH)
        self._fill()

    def watch_kind_filter(self) -> None:
        self._fill()

    def _fill(self) -> None:
        table = self.query_one("#drift-table", DataTable)
        wanted = self.kind_filter
        self.shown = group_rows([d for d in self._drifts if wanted is None or d.kind == wanted])
        table.clear()
        for position, row in enumerate(self.shown):
            drift = row.first
            quiet = QUIET if drift.kind == "spelling" else None
            count = len(row.drifts)
            where = (
                ("story" if drift.scope == "story" else f"{drift.cluster}")
                if count == 1
                else f"{count} sent."
            )
            table.add_row(
                Text(drift.kind, style=KIND_STYLES.get(drift.kind, ""), end=""),
                _cell(where, CLUSTER_WIDTH, quiet),
                version_cell(drift.a, row.outlets("a"), self._width, quiet),
                version_cell(drift.b, row.outlets("b"), self._width, quiet),
                self._review_cell(drift, quiet),
                key=str(position),
                height=None,
            )
        status = Text(end="")
        count = sum(len(row.drifts) for row in self.shown)
        status.append(f"{count} of {plural(len(self._drifts), 'drift')}", style="bold")
        if count != len(self.shown):
            status.append(f" in {plural(len(self.shown), 'row')}", style="dim")
        status.append(f" · showing {wanted or 'every kind'}", style="dim")
        if self._review is not None and self._drifts:
            keys = {drift_key(drift) for drift in self._drifts}
            left = sum(key not in self.decisions for key in keys)
            status.append(f" · {left} of {len(keys)} to review (c confirm, x dismiss)", style="dim")
        if not self._drifts:
            status.append(" · the outlets agree on every name, number, date and quote", style="dim")
        self.query_one("#drift-status", Static).update(status)
        self._show_detail(0 if self.shown else None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int | None) -> None:
        """The highlighted drift's sentence in both versions, the differing words marked."""
        detail = self.query_one("#drift-detail", Static)
        if row is None or not 0 <= row < len(self.shown):
            detail.update("")
            return
        group = self.shown[row]
        drift = group.first
        lines = [
            Content.assemble(
                (f"{drift.kind} ", "bold"),
                (f"“{safe_text(drift.a)}” / “{safe_text(drift.b)}”", VARIANT_STYLE),
                (self._where(group), "$text-muted"),
            )
        ]
        for variant, refs, outlets in (
            (drift.a, drift.refs_a, drift.outlets_a),
            (drift.b, drift.refs_b, drift.outlets_b),
        ):
            text = self._sentence_text(refs[0]) if refs else None
            label = f"{', '.join(outlets)}: " if outlets else ""
            if text is None:
                lines.append(Content.styled(f"{label}(no sentence recorded)", "$text-muted"))
                continue
            # The trailing space joins the marked run (see `tui.widgets.spaced`).
            pattern = re.compile(re.escape(safe_text(variant)) + " ?", re.IGNORECASE)
            sentence = Content(safe_text(text)).highlight_regex(pattern, style=VARIANT_STYLE)
            lines.append(Content.assemble((safe_text(label), "$text-muted"), sentence))
        detail.update(Content("\n").join(lines))

    @staticmethod
    def _where(group: DriftRow) -> str:
        clusters = sorted({drift.cluster for drift in group.drifts})
        if group.first.scope == "story":
            return " · across the story: each version is from its own sentence"
        if len(clusters) == 1:
            return f" · cluster {clusters[0]}"
        shown = ", ".join(str(c) for c in clusters[:6]) + (", …" if len(clusters) > 6 else "")
        return f" · {len(group.drifts)} sentences (clusters {shown}); enter opens the first"

    def _sentence_text(self, ref: SentenceRef) -> str | None:
        info = sentence_info(self._alignment, ref)
        return info.text if info is not None else None

    def _review_cell(self, drift: Drift, quiet: Style | None) -> Text:
        """✓ or ✗ for a decided drift; a spelling drift's cell is as quiet as its row."""
        mark, style = REVIEW_MARKS.get(self.decisions.get(drift_key(drift), ""), ("", ""))
        return Text(mark, style=style or quiet or "", end="")

    def action_decide(self, decision: Decision) -> None:
        """c/x: confirm or dismiss the highlighted drift; the same key again undoes it."""
        table = self.query_one("#drift-table", DataTable)
        row = table.cursor_row
        if self._review is None or not 0 <= row < len(self.shown):
            return
        drift = self.shown[row].first
        key = drift_key(drift)
        new = None if self.decisions.get(key) == decision else decision
        try:
            self._review.decide(self._story_id, drift, new)
        except LibraryError as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        if new is None:
            self.decisions.pop(key, None)
        else:
            self.decisions[key] = new
        self._fill()
        table.move_cursor(row=min(row + (1 if new else 0), len(self.shown) - 1))
        said = {"confirmed": "Confirmed", "dismissed": "Dismissed", None: "Undecided again"}[new]
        self.notify(
            f"{said}: {drift.kind} “{safe_text(drift.a)}” / “{safe_text(drift.b)}”", markup=False
        )

    def action_cycle_filter(self) -> None:
        cycle: list[DriftKind | None] = [None, *self.kinds]
        position = cycle.index(self.kind_filter) if self.kind_filter in cycle else 0
        self.kind_filter = cycle[(position + 1) % len(cycle)]

    def action_cursor(self, move: str) -> None:
        move_data_table(self.query_one("#drift-table", DataTable), move)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.cursor_row)

    def action_open(self) -> None:
        self._open(self.query_one("#drift-table", DataTable).cursor_row)

    def _open(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            return
        ref = drift_ref(self.shown[row].first)
        if ref is None:
            self.notify("This drift names no sentence to open.", severity="warning")
            return
        self.choose(ref)

    def request(self, choice: SentenceRef) -> JumpToSentence:
        return JumpToSentence(choice)

    @property
    def drifts(self) -> Sequence[Drift]:
        """All the story's drifts, in display order (facts first)."""
        return tuple(self._drifts)
