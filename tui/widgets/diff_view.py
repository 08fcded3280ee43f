"""Diff: how every other outlet tells the focused sentence, and what this article leaves out.

Only the focused sentence is diffed (and, while the reader rests, the few a next key would lead
to): a cursor move costs one word diff per counterpart (tens of microseconds each), and the rows
of recently visited sentences are kept, so going back is free.

The Diff follows a cursor that moves after a rest at once, in the frame that moves Sources and
Article, and a burst of moves (a held key) once, when it stops: the timing lives in
`diff_settle`, the rows in `diff_rows` (their lines in `diff_lines`); this module holds the
pane's state, its cache and its wiring. What keeps the single key's one frame cheap is elsewhere:
the main screen has the panes build and render what `j`/`k` would show next while the reader
rests (`prepare`), and the lists draw only the rows in view. Anything that uses the Diff's rows
runs a pending update first (`flush`): focus entering the pane, `]`/`[`, `enter`, `diff_list`,
`target_of`; while the Diff has the focus it follows every move at once.
"""

from __future__ import annotations

from collections import OrderedDict

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static

from tui.core.models import SentenceInfo, SentenceRef, StoryAlignment
from tui.messages import JumpToSentence
from tui.widgets import STATUS_MARK_STYLE, STATUS_STYLE, PaneList, safe_text, spaced
from tui.widgets.diff_lines import HEADER_LINES, fit_lines
from tui.widgets.diff_rows import DiffRows, diff_rows, with_dividers
from tui.widgets.diff_settle import DiffSettle
from tui.widgets.palette import colour_legend

_CACHE_SIZE = 64
LOW_PANE_HEIGHT = 16
"""A Diff shorter than this (the Diff under the Article at 80x24 has 9 rows) gets a two-line
header, its status and one line of the sentence (the Article shows the sentence whole), so the
rows keep the room for the comparisons."""


class DiffView(Vertical):
    """Counterparts of the focused sentence, its drift, then the sentences this outlet lacks."""

    BORDER_TITLE = "Diff"
    HELP = """\
### Diff
Every other outlet's version of the focused sentence. A near-verbatim copy reads inline:
words only this outlet has are **struck** (the 'only here' colour, as for its unique
sentences), words only the other has are in the 'only there' colour (red), changed ones amber;
the legend under the sentence names the colours, the same in every view.
A rewrite shows in its own words, with the words the focused sentence lacks highlighted.
⚠ on a counterpart names the drift between the two: a name, number, date, quantity or
quote that differs (struck: this outlet's; highlighted: theirs). Below, in the 'only there'
colour: sentences other outlets carry that this article is missing. `enter` on a counterpart
opens that outlet at that sentence; on a missing sentence, jumps to it. `]`/`[` step through
the missing ones.
"""

    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)

    class CounterpartChosen(Message):
        """The reader chose another outlet's version of the sentence: show it there."""

        def __init__(self, ref: SentenceRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int, SentenceRef | None] | None = None
        self._rows_cache: OrderedDict[tuple[int, SentenceRef], DiffRows] = OrderedDict()
        self._targets: dict[str, SentenceRef] = {}
        self._infos: dict[SentenceRef, SentenceInfo] = {}
        self._settle = DiffSettle(self, self._refresh_rows)
        """When the rows catch up with the cursor."""

    @property
    def pending(self) -> bool:
        """True while the rows lag behind the cursor (a cursor move waits to be shown)."""
        return self._settle.pending

    def flush(self) -> None:
        """Show the cursor's rows now, if an update is waiting."""
        self._settle.flush()

    def compose(self) -> ComposeResult:
        yield Static(id="diff-header", markup=False)
        yield Static(colour_legend(), id="diff-legend", markup=False)
        yield PaneList(id="diff-rows")

    @property
    def diff_list(self) -> PaneList:
        """The rows, up to date with the cursor (a pending update runs first)."""
        self.flush()
        return self._rows_list

    @property
    def _rows_list(self) -> PaneList:
        return self.query_one("#diff-rows", PaneList)

    @property
    def shown(self) -> SentenceRef | None:
        """The sentence whose rows the pane shows (None before any); lags the cursor while an
        update is pending."""
        return self._shown[1] if self._shown is not None else None

    def on_mount(self) -> None:
        self._refresh_rows()

    def watch_alignment(self, alignment: StoryAlignment | None) -> None:
        self._rows_cache.clear()
        self._infos = {}
        if alignment is not None:
            self._infos = {
                info.ref: info for infos in alignment.sentences.values() for info in infos
            }
        self.flush()
        self._refresh_rows()

    def watch_cursor(self, old: SentenceRef | None, new: SentenceRef | None) -> None:
        self._settle.follow_cursor(opened=old is None)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The reader came to read the Diff: it must show the cursor's sentence now."""
        self.flush()

    def step_missing(self, direction: int) -> bool:
        """Highlight the next (1) or previous (-1) missing sentence, wrapping; False if none."""
        rows = self.diff_list
        missing = [i for i, option in enumerate(rows.options) if (option.id or "").startswith("m")]
        if not missing:
            return False
        here = rows.highlighted if rows.highlighted is not None else -1
        if direction > 0:
            rows.highlighted = next((i for i in missing if i > here), missing[0])
        else:
            rows.highlighted = next((i for i in reversed(missing) if i < here), missing[-1])
        return True

    def _refresh_rows(self) -> None:
        alignment, cursor = self.alignment, self.cursor
        key = (id(alignment), cursor)
        if key == self._shown:
            return
        self._shown = key
        info = self._infos.get(cursor) if cursor is not None else None
        self._show_header(info)
        if alignment is None or info is None:
            self._rows_list.set_options([])
            return
        rows, self._targets = self._cached_rows(alignment, info)
        self._rows_list.set_options(with_dividers(rows))

    def _cached_rows(self, alignment: StoryAlignment, info: SentenceInfo) -> DiffRows:
        cache_key = (id(alignment), info.ref)
        cached = self._rows_cache.get(cache_key)
        if cached is None:
            cached = diff_rows(alignment, info, infos=self._infos)
            self._rows_cache[cache_key] = cached
            if len(self._rows_cache) > _CACHE_SIZE:
                self._rows_cache.popitem(last=False)
        self._rows_cache.move_to_end(cache_key)
        return cached

    def prepare(self, ref: SentenceRef) -> None:
        """Build and render ahead the rows `ref` would show, so a cursor that moves there next
        finds them ready (the screen calls this while the reader rests)."""
        info = self._infos.get(ref)
        if self.alignment is None or info is None:
            return
        rows, _ = self._cached_rows(self.alignment, info)
        self._rows_list.prepare(with_dividers(rows), around=0)

    def on_resize(self, event: events.Resize) -> None:
        """A short pane gets the short header (`LOW_PANE_HEIGHT`); either is refitted to the
        new width."""
        self.set_class(event.size.height < LOW_PANE_HEIGHT, "-low")
        cursor = self.cursor
        self._show_header(self._infos.get(cursor) if cursor is not None else None)

    def _show_header(self, info: SentenceInfo | None) -> None:
        header = self.query_one("#diff-header", Static)
        if self.alignment is None or info is None:
            header.update(Content.styled("No sentence focused", "$text-muted"), layout=False)
            return
        lines = 1 if self.has_class("-low") else HEADER_LINES
        header.update(
            self._header(info, width=header.content_region.width, lines=lines), layout=False
        )

    def _header(self, info: SentenceInfo, *, width: int, lines: int = HEADER_LINES) -> Content:
        outlets = len(info.outlets)
        if outlets:
            carried = f"carried by {outlets} other outlet{'s' if outlets != 1 else ''}"
        else:
            carried = "only this outlet"
        return spaced(
            ("■ ", STATUS_MARK_STYLE[info.status]),
            (f"{info.status}", "bold"),
            (f" · {carried}\n", "$crosswire-muted"),
            fit_lines(
                Content.styled(safe_text(info.text), STATUS_STYLE[info.status]), width, lines
            ),
        )

    def target_of(self, option_id: str | None) -> SentenceRef | None:
        """The sentence a row leads to: a counterpart's or a missing sentence's example."""
        self.flush()
        return self._targets.get(option_id or "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        ref = self.target_of(option_id)
        if ref is None:
            return
        if option_id.startswith("c"):
            self.post_message(self.CounterpartChosen(ref))
        else:
            self.post_message(JumpToSentence(ref))
