"""Two outlets' articles in aligned columns, the way a side-by-side diff shows two files.

Sentences of the same cluster share a row with their word changes marked; a sentence only one side
carries leaves a gap on the other. Rows follow the left article's order, with the right article's
unmatched sentences interleaved where they stand in the right article. Rows are built once per
(left, right) pair and kept, so paging through 51 outlets costs one build per pair visited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.reactive import var
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.models import Article, SentenceInfo, SentenceRef, StoryAlignment
from tui.keys.registry import SIDE_BY_SIDE_BINDINGS
from tui.messages import JumpToSentence
from tui.screens.choice import ChoiceScreen
from tui.widgets import safe_text, spaced
from tui.widgets.annotation_marks import NO_MARKS, AnnotationMarks
from tui.widgets.cursor_moves import move_option_list
from tui.widgets.diff_text import ONLY_LEFT_STYLE, ONLY_RIGHT_STYLE, PairVisual, render_pair
from tui.widgets.palette import colour_legend


@dataclass(frozen=True, slots=True)
class PairRow:
    """One row of the side-by-side view: a sentence on either side, or on one side only."""

    left: SentenceInfo | None
    right: SentenceInfo | None

    @property
    def ref(self) -> SentenceRef:
        """The sentence enter jumps to: the left one, else the right one."""
        info = self.left if self.left is not None else self.right
        assert info is not None, "a row always holds at least one sentence"
        return info.ref


def pair_rows(left: Sequence[SentenceInfo], right: Sequence[SentenceInfo]) -> list[PairRow]:
    """Lay two articles' sentences out in rows, matching sentences of the same cluster.

    Each left sentence takes the first unused right sentence of its cluster. Rows follow the left
    order; a right sentence without a partner is emitted just before the next matched right
    sentence that follows it, so it keeps its natural place; the rest go at the end.
    """
    positions: dict[int, list[int]] = {}
    for position, info in enumerate(right):
        positions.setdefault(info.cluster, []).append(position)
    partner: dict[int, int] = {}
    for left_position, info in enumerate(left):
        free = positions.get(info.cluster)
        if free:
            partner[left_position] = free.pop(0)
    matched = set(partner.values())
    rows: list[PairRow] = []
    next_right = 0
    for left_position, info in enumerate(left):
        right_position = partner.get(left_position)
        if right_position is None:
            rows.append(PairRow(info, None))
            continue
        for waiting in range(next_right, right_position):
            if waiting not in matched:
                rows.append(PairRow(None, right[waiting]))
        next_right = max(next_right, right_position + 1)
        rows.append(PairRow(info, right[right_position]))
    rows.extend(
        PairRow(None, right[position])
        for position in range(next_right, len(right))
        if position not in matched
    )
    return rows


def render_row(row: PairRow) -> PairVisual:
    """Both sides of a row; changed words marked, a gap where one side has no sentence."""
    return render_pair(
        row.left.text if row.left is not None else None,
        row.right.text if row.right is not None else None,
    )


def _refs(row: PairRow) -> tuple[SentenceRef | None, SentenceRef | None]:
    """The row's left and right sentences, for their annotation marks."""
    return (
        row.left.ref if row.left is not None else None,
        row.right.ref if row.right is not None else None,
    )


class SideBySideScreen(ChoiceScreen[SentenceRef]):
    """Compare two outlets row by row; enter jumps to the row's sentence on the main screen.

    Dismisses with the chosen `SentenceRef` (a `JumpToSentence` request), or None on q/escape.
    """

    HELP = (
        "Two outlets side by side, in the colours of every view (the legend under the header): "
        "words or sentences only the left has in the 'only here' colour, only the right's in "
        "the 'only there' colour (red), changed words amber. "
        "`,`/`.` change the left outlet, `<`/`>` the right one."
    )
    BINDINGS: ClassVar[list[BindingType]] = list(SIDE_BY_SIDE_BINDINGS)
    DEFAULT_CSS = """
    SideBySideScreen #pair-header { height: 1; padding: 0 1; background: $panel; }
    SideBySideScreen #pair-legend { height: 1; padding: 0 1; text-wrap: nowrap; }
    SideBySideScreen #pair-rows { height: 1fr; border: none; }
    SideBySideScreen #pair-rows:focus { border: none; }
    """

    left_id: var[str] = var("", init=False)
    right_id: var[str] = var("", init=False)

    def __init__(
        self,
        articles: Sequence[Article],
        alignment: StoryAlignment,
        left_id: str,
        right_id: str,
        *,
        marks: AnnotationMarks = NO_MARKS,
    ) -> None:
        super().__init__()
        self._marks = marks
        self._alignment = alignment
        self._order = [a.id for a in articles if a.id in alignment.sentences]
        self._outlets = {a.id: a.outlet for a in articles} | dict(alignment.outlets)
        for article_id in (left_id, right_id):
            if article_id not in alignment.sentences:
                raise ValueError(f"article {article_id!r} is not part of this alignment")
        self._rows_cache: dict[tuple[str, str], list[PairRow]] = {}
        self._options_cache: dict[tuple[str, str], list[Option]] = {}
        self.rows: list[PairRow] = []
        """The rows on show, in display order."""
        self.set_reactive(SideBySideScreen.left_id, left_id)
        self.set_reactive(SideBySideScreen.right_id, right_id)

    def compose(self) -> ComposeResult:
        yield Static(id="pair-header")
        yield Static(colour_legend(here="only left", there="only right"), id="pair-legend")
        yield OptionList(id="pair-rows")
        yield Footer()

    def on_mount(self) -> None:
        self._show_pair()

    def watch_left_id(self) -> None:
        self._show_pair()

    def watch_right_id(self) -> None:
        self._show_pair()

    def rows_for(self, left_id: str, right_id: str) -> list[PairRow]:
        """The rows of one pair, built on first request and then reused."""
        key = (left_id, right_id)
        if key not in self._rows_cache:
            sentences = self._alignment.sentences
            self._rows_cache[key] = pair_rows(sentences[left_id], sentences[right_id])
        return self._rows_cache[key]

    def _show_pair(self) -> None:
        option_list = self.query_one("#pair-rows", OptionList)
        anchor = self._highlighted_clusters()
        self.rows = self.rows_for(self.left_id, self.right_id)
        key = (self.left_id, self.right_id)
        if key not in self._options_cache:
            self._options_cache[key] = [
                Option(self._marks.mark_pair(render_row(row), *_refs(row))) for row in self.rows
            ]
        option_list.set_options(self._options_cache[key])
        self.query_one("#pair-header", Static).update(self._header())
        if self.rows:
            option_list.highlighted = self._row_for_clusters(anchor)

    def _highlighted_clusters(self) -> set[int]:
        """Clusters of the current row, so a swap can keep the reader's place."""
        index = self.query_one("#pair-rows", OptionList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return set()
        row = self.rows[index]
        return {info.cluster for info in (row.left, row.right) if info is not None}

    def _row_for_clusters(self, clusters: set[int]) -> int:
        for index, row in enumerate(self.rows):
            if any(info is not None and info.cluster in clusters for info in (row.left, row.right)):
                return index
        return 0

    def _header(self) -> Content:
        both = sum(1 for row in self.rows if row.left is not None and row.right is not None)
        only_left = sum(1 for row in self.rows if row.right is None)
        only_right = sum(1 for row in self.rows if row.left is None)
        return spaced(
            (safe_text(self._outlets.get(self.left_id, self.left_id)), "bold"),
            (f"  ({self._position(self.left_id)})  vs  ", "$text-muted"),
            (safe_text(self._outlets.get(self.right_id, self.right_id)), "bold"),
            (f"  ({self._position(self.right_id)})   ", "$text-muted"),
            f"{both} matched · ",
            (f"{only_left} only left", ONLY_LEFT_STYLE),
            " · ",
            (f"{only_right} only right", ONLY_RIGHT_STYLE),
        )

    def _position(self, article_id: str) -> str:
        if article_id in self._order:
            return f"{self._order.index(article_id) + 1}/{len(self._order)}"
        return "?"

    def _step(self, current: str, other: str, delta: int) -> str:
        """The next outlet in article order from `current`, skipping the other column's one."""
        if len(self._order) < 2 or current not in self._order:
            return current
        start = self._order.index(current)
        for step in range(1, len(self._order) + 1):
            candidate = self._order[(start + delta * step) % len(self._order)]
            if candidate != other:
                return candidate
        return current

    def action_left(self, delta: int) -> None:
        self.left_id = self._step(self.left_id, self.right_id, delta)

    def action_right(self, delta: int) -> None:
        self.right_id = self._step(self.right_id, self.left_id, delta)

    def action_swap(self) -> None:
        left, right = self.left_id, self.right_id
        self.set_reactive(SideBySideScreen.left_id, right)
        self.right_id = left

    def action_cursor(self, move: str) -> None:
        move_option_list(self.query_one("#pair-rows", OptionList), move)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def action_open(self) -> None:
        self._open(self.query_one("#pair-rows", OptionList).highlighted)

    def _open(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.rows):
            return
        self.choose(self.rows[index].ref)

    def request(self, choice: SentenceRef) -> JumpToSentence:
        return JumpToSentence(choice)
