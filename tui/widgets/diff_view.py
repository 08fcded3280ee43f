"""Diff: how every other outlet tells the focused sentence, and what this article leaves out.

Only the focused sentence is diffed (and, while the reader rests, the few a next key would lead
to): a cursor move costs one word diff per counterpart (tens of microseconds each), and the rows
of recently visited sentences are kept, so going back is free.

The Diff follows a cursor that moves after a rest at once, in the frame that moves Sources and
Article: a single key, in Sources or Article, shows all three panes updated together. Moves that
come hard on one another (a held key: less than `REST_S` apart, timed from the end of the last
move's work, so keys queued behind a slow one count too) schedule the update instead, and each
further move pushes it back until the moves stop for `DIFF_SETTLE_S`: a held `j` repaints Sources
and Article key by key and the Diff once, when the keys stop. What keeps the single key's one
frame cheap is elsewhere: the main screen has the panes build and render what `j`/`k` would show
next while the reader rests (`prepare`), and the lists draw only the rows in view. A story being
opened updates the Diff at once. Anything that uses the Diff's rows runs a pending update first
(`flush`): focus entering the pane, `]`/`[`, `enter`, `diff_list`, `target_of`; while the Diff
has the focus it follows every move at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from time import monotonic

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import OptionList, Static

from tui.core.models import (
    Counterpart,
    Drift,
    MissingItem,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)
from tui.messages import JumpToSentence
from tui.widgets import STATUS_MARK_STYLE, STATUS_STYLE, Option, PaneList, safe_text, spaced
from tui.widgets.diff_lines import (
    HEADER_LINES,
    alike_percent,
    counterpart_text,
    drift_callouts,
    drift_line,
    fit_lines,
    pair_label,
)

_CACHE_SIZE = 64
FULL_DIFFS = 10
"""Counterparts drawn with their words; the rest get their title line (and drift) only. In a
51-outlet story a focused sentence can have 50 versions: fifty diffs are neither readable nor
cheap to lay out on every cursor move, and enter on any row still opens it."""
REST_S = 0.075
"""A move this long or longer after the last one is a single key, shown at once; closer moves are a
burst (a held key). Over twice a terminal's key-repeat interval (25-30 keys a second), because
repeated keys arrive unevenly (measured: at 30 a second, gaps of 35-45 ms are common), and a
Diff drawn in the middle of a burst delays every key queued behind it."""
LOW_PANE_HEIGHT = 16
"""A Diff shorter than this (the Diff under the Article at 80x24 has 9 rows) gets a two-line
header, its status and one line of the sentence (the Article shows the sentence whole), so the
rows keep the room for the comparisons."""
DIFF_SETTLE_S = 0.035
"""How long after the last move of a burst the Diff catches up: a little over a key-repeat
interval, so a held key skips the Diff until it is let go."""


_Rows = tuple[list[Option], dict[str, SentenceRef]]


class DiffView(Vertical):
    """Counterparts of the focused sentence, its drift, then the sentences this outlet lacks."""

    BORDER_TITLE = "Diff"
    HELP = """\
### Diff
Every other outlet's version of the focused sentence. A near-verbatim copy reads inline:
**struck** words (error colour) are dropped, **green** ones added, **amber** ones changed.
A rewrite shows in its own words, with the words the focused sentence lacks highlighted.
⚠ on a counterpart names the drift between the two: a name, number, date, quantity or
quote that differs (struck: this outlet's; highlighted: theirs). Below: sentences other outlets
carry that this article is missing. `enter` on a counterpart opens that outlet at that
sentence; on a missing sentence, jumps to it. `]`/`[` step through the missing ones.
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
        self._rows_cache: OrderedDict[tuple[int, SentenceRef], _Rows] = OrderedDict()
        self._targets: dict[str, SentenceRef] = {}
        self._infos: dict[SentenceRef, SentenceInfo] = {}
        self._settle_timer: Timer | None = None
        self._last_move = float("-inf")
        """When the last cursor move's work ended (monotonic s): a move closer than REST_S
        after it is part of a burst."""

    def compose(self) -> ComposeResult:
        yield Static(id="diff-header", markup=False)
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

    @property
    def pending(self) -> bool:
        """True while the rows lag behind the cursor (a cursor move waits to be shown)."""
        return self._settle_timer is not None

    def flush(self) -> None:
        """Show the cursor's Diff now, if an update is waiting."""
        timer, self._settle_timer = self._settle_timer, None
        if timer is not None:
            timer.stop()
            self._refresh_rows()

    def _schedule_refresh(self) -> None:
        """Update the rows once a burst of moves has rested `DIFF_SETTLE_S` (see the module doc)."""
        if not self.is_mounted:
            return
        if self.has_focus_within:
            # Being read: no lag, and no stale row whose enter would lead elsewhere.
            self.flush()
            self._refresh_rows()
        elif self._settle_timer is None:
            self._settle_timer = self.set_timer(DIFF_SETTLE_S, self._settled, name="diff-settle")
        else:
            self._settle_timer.reset()

    def _settled(self) -> None:
        """The settle timer fired (a one-shot timer ends by itself: just forget it)."""
        self._settle_timer = None
        self._refresh_rows()

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
        resting = monotonic() - self._last_move >= REST_S
        if old is None or resting:
            # A story just opened, or a key after a rest: shown at once, in the keys' frame.
            self.flush()
            self._refresh_rows()
        else:
            self._schedule_refresh()
        # Timed from the end of the work: a key that waited in the queue behind this one counts
        # as part of the same burst, so a burst never queues one Diff per key.
        self._last_move = monotonic()

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
        self._rows_list.set_options(_with_dividers(rows))

    def _cached_rows(self, alignment: StoryAlignment, info: SentenceInfo) -> _Rows:
        cache_key = (id(alignment), info.ref)
        cached = self._rows_cache.get(cache_key)
        if cached is None:
            cached = self._rows(alignment, info)
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
        self._rows_list.prepare(_with_dividers(rows), around=0)

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
            (f" · {carried}\n", "$text-muted"),
            fit_lines(
                Content.styled(safe_text(info.text), STATUS_STYLE[info.status]), width, lines
            ),
        )

    def _rows(self, alignment: StoryAlignment, info: SentenceInfo) -> _Rows:
        """The rows for one focused sentence, and where each selectable row leads."""
        targets: dict[str, SentenceRef] = {}
        rows: list[Option] = []
        first_outlet: dict[str, str] = {info.text: "this outlet"}
        drifts = [drift for drift in alignment.drift if drift.cluster == info.cluster]
        for number, counterpart in enumerate(info.counterparts):
            option_id = f"c{number}"
            ref = SentenceRef(counterpart.article_id, counterpart.index)
            targets[option_id] = ref
            other = self._infos.get(ref)
            text = other.text if other is not None else ""
            if text in first_outlet:
                # Wire copies repeat one text many times: one line each, no repeated diff.
                identical = text == info.text
                rows.append(_same_row(counterpart, first_outlet[text], option_id, identical))
                continue
            first_outlet[text] = counterpart.outlet
            full = len(first_outlet) <= FULL_DIFFS + 1
            rows.append(self._counterpart_row(info, counterpart, option_id, drifts, full=full))
        carriers = {counterpart.article_id for counterpart in info.counterparts}
        absent = [
            alignment.outlets.get(aid, aid)
            for aid in alignment.article_ids
            if aid != info.ref.article_id and aid not in carriers
        ]
        if absent:
            rows.append(_note(f"not in: {', '.join(absent)}"))
        rows.extend(_note_content(drift_line(drift)) for drift in drifts)
        missing = alignment.missing.get(info.ref.article_id, ())
        rows.append(
            _heading(
                f"Missing here: {len(missing)} sentence{'s' if len(missing) != 1 else ''}"
                " other outlets carry"
            )
        )
        for number, item in enumerate(missing):
            targets[f"m{number}"] = item.example
            rows.append(self._missing_row(item, f"m{number}"))
        return rows, targets

    def _counterpart_row(
        self,
        info: SentenceInfo,
        counterpart: Counterpart,
        option_id: str,
        drifts: Sequence[Drift],
        *,
        full: bool = True,
    ) -> Option:
        ref = SentenceRef(counterpart.article_id, counterpart.index)
        other = self._infos.get(ref)
        text = other.text if other is not None else ""
        percent = alike_percent(counterpart.score, identical=text == info.text)
        title = spaced(
            (safe_text(counterpart.outlet), "bold"),
            (f"  {percent}% alike · {pair_label(counterpart.score)}", "$text-muted"),
        )
        lines = [title]
        if full:
            lines.append(counterpart_text(info.text, text, score=counterpart.score))
        callouts = drift_callouts(drifts, info.ref, ref)
        if callouts.plain:
            lines.append(callouts)
        return Option(Content("\n").join(lines), id=option_id)

    def _missing_row(self, item: MissingItem, option_id: str) -> Option:
        outlets = ", ".join(item.outlets)
        return Option(
            Content.assemble(
                (safe_text(item.text), STATUS_STYLE["unique"]),
                (f"\nin: {safe_text(outlets)}", "$text-muted"),
            ),
            id=option_id,
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


def _same_row(counterpart: Counterpart, same_as: str, option_id: str, identical: bool) -> Option:
    """A counterpart whose words equal an earlier row's (or, `identical`, the focused one's)."""
    percent = alike_percent(counterpart.score, identical=identical)
    return Option(
        spaced(
            (safe_text(counterpart.outlet), "bold"),
            (
                f"  {percent}% alike · same words as {safe_text(same_as)}",
                "$text-muted",
            ),
        ),
        id=option_id,
    )


def _note(text: str) -> Option:
    return _note_content(Content.styled(safe_text(text), "$text-muted italic"))


def _note_content(content: Content) -> Option:
    return Option(content, disabled=True)


def _heading(text: str) -> Option:
    return Option(Content.styled(f"── {text}", "bold $text-primary"), disabled=True)


def _with_dividers(rows: list[Option]) -> list[Option | None]:
    """A rule after each counterpart and missing sentence, so multi-line rows stay apart."""
    spaced: list[Option | None] = []
    for row in rows:
        spaced.append(row)
        prompt = row.prompt
        if not row.disabled and isinstance(prompt, Content) and "\n" in prompt.plain:
            spaced.append(None)
    return spaced
