"""`PaneList`: the one list every pane is built on, made to keep up with held-down keys.

An OptionList with crosswire's keys, half-page moves and a persistent search (`SearchableList`,
tui/widgets/list_search.py), that does per key only the work the key needs. Textual's OptionList,
as shipped, does more on every change of rows: it measures the wrapped height of every row (the
Diff of a story of many outlets holds hundreds of lines, of which a screenful is shown), asks for a
layout of the whole screen when the row count changes, throws away every rendered row, and
repaints the whole list when the highlight moves one row. Here:

- rows are measured lazily, down to two screens below what is shown or highlighted; the rest of
  the scroll height is estimated from the rows measured so far and corrected as they come in.
  They are measured again whenever the width they wrap at changes, including when the scrollbar
  comes or goes (OptionList re-measures on a resize only, so a sentence measured before its list
  grew a scrollbar lost its last line);
- a change of scroll height repaints the list and its scrollbar, not the screen's layout (the
  panes have fixed `fr` heights, so nothing else depends on it);
- rendered rows are kept across `set_options` for as long as the same `Option` objects come back
  at the same places (the panes cache their rows, so revisiting an outlet or a sentence is cheap);
- moving the highlight repaints the two rows it leaves and enters; a list whose highlight stands
  for the screen's cursor (`deferred_highlight`) repaints them only when its pane says the cursor
  got there (`show_highlight`), so the highlight and what it changes in the other panes land in
  one frame. Textual paints a lone change at once but the next one only on its 60 fps timer's
  next-but-one tick (up to two frames later), so a highlight painted by itself would make
  everything else it changed wait for that tick;
- a row of plain text is measured by counting where its lines break (`wrapped_height`), not by
  wrapping and formatting it, and in a list of over LONG_LIST rows the rows below what was
  measured are measured in batches while the app is idle: `G` in an article of 79,000
  sentences finds them measured;
- rows a key is likely to show next can be measured and rendered ahead, while the reader rests
  (`prepare`), into the same kept renders: a first visit to an outlet then costs a key what a
  revisit does;
- OptionList asks for its line map before every line it draws; it is rebuilt only when the rows,
  the scroll position, the highlight or the size changed;
- the scrollbar is drawn without a Rich console (`QuickScrollBar`), as it is redrawn in the frame
  of every key that scrolls a list or replaces its rows.

These lean on OptionList's internals (`_line_cache`, `_get_option_render`), which is why
`textual` is pinned to its major version; tests/test_pane_list.py and tests/test_render_ahead.py
check the results against the stock behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from math import ceil
from typing import ClassVar, cast

from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style
from textual.widgets._option_list import OptionListContent
from textual.widgets.option_list import Option

from tui.keys.registry import PANE_BINDINGS
from tui.widgets.cursor_moves import move_option_list
from tui.widgets.gutter import GutterRow
from tui.widgets.list_search import SearchableList
from tui.widgets.scrollbar import QuickScrollBar
from tui.widgets.wrap_height import wrapped_height

_RENDER_CACHE_SIZE = 4096
"""Rendered rows kept (lines of ~100 cells each): a few outlets' articles and Diffs."""
LONG_LIST = 1000
"""Rows beyond which a list measures the rest of its rows while idle (shorter ones measure
what is shown, as they are drawn)."""
_KNOWN_ROWS = 4
"""Long lists whose option maps are kept (`_remember_rows`)."""
MEASURE_BATCH = 2000
"""Rows measured per idle step below what is shown (~10 ms of plain sentences)."""
_KEPT_HEIGHTS = 250_000
"""Row heights kept (`_row_heights`); beyond, they are forgotten and measured again."""
MEASURE_PAUSE = 0.02
"""Seconds between idle steps, so keys pressed meanwhile are served first."""


class PaneList(SearchableList):
    """An OptionList with crosswire's keys, half-page moves and a persistent search."""

    BINDINGS: ClassVar[list[BindingType]] = list(PANE_BINDINGS)

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """How many lines the rows take. Textual's own reactive asks for a layout of the whole screen
    when it changes, which is right for a widget sized by its content but not for a pane list of
    fixed (fr) height: a new outlet's rows would relayout and repaint all three panes on every key.
    The list's own scrollbars still update (`_scroll_update`); showing or hiding one is a layout
    change of its own (`show_vertical_scrollbar`), so it still gets one."""

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """As OptionList's, but `watch_highlighted` repaints only the rows it leaves and enters."""

    def on_focus(self) -> None:
        """A pane entered with nothing highlighted highlights its first row that can be chosen,
        so `enter` acts at once (the Diff, entered by `l`, `tab` or a click)."""
        if self.highlighted is None:
            first = next((n for n, option in enumerate(self.options) if not option.disabled), None)
            if first is not None:
                self.highlighted = first

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, deferred_highlight: bool = False
    ) -> None:
        self._renders: LRUCache[tuple[Option, int, Style, int], list[Strip]] = LRUCache(
            _RENDER_CACHE_SIZE
        )
        """Rendered rows by (option, its index, style, width); survives `set_options`."""
        self._painted_highlight: int | None = None
        """The row drawn highlighted, to repaint when the highlight leaves it."""
        self.deferred_highlight = deferred_highlight
        """When True, a highlight moved onto a selectable row (which posts OptionHighlighted) is
        drawn by `show_highlight`, which the owning pane calls once the screen has taken the move
        in (or it has decided nothing follows from it)."""
        super().__init__(id=id, classes=classes)
        self._lines_inputs: tuple[object, ...] = ()
        """What `_update_lines` last worked from (see there)."""
        self._measured_width: int | None = None
        """The text width the measured rows were wrapped at (see `_measure_lines`)."""
        self._measure_floor = 0
        """Rows measured at least, whatever is shown: raised by each idle step (`_measure_more`)."""
        self._measuring = False
        """An idle step is scheduled."""
        self._known_rows: dict[int, tuple[list[Option], dict[str, Option], dict[Option, int]]] = {}
        """Long lists of rows set before, by identity, with their option maps (oldest first)."""
        self._row_heights: dict[Option, tuple[int, int]] = {}
        """Height of each row measured, with the width it was measured at: a long article shown
        again is measured from here."""

    def set_options(self, options: Iterable[OptionListContent]) -> PaneList:
        """Replace the rows, keeping the search highlighted in the new ones.

        The rows in view are measured now, not when the list is next drawn: if they need a
        scrollbar that was not there (or no longer need one), the layout it takes then happens
        before this frame is drawn, not as a second layout and a second frame after it."""
        self._unmark()
        self._measure_floor = 0
        if not self._set_known_rows(options):
            super().set_options(options)
            self._remember_rows(options)
        if self.search_query:
            self._mark_matches()
        if self.is_mounted:
            self._update_lines()
        return self

    def _set_known_rows(self, options: Iterable[OptionListContent]) -> bool:
        """`set_options` for a list of rows given before (the panes cache their rows): the
        option maps are copied from then, at C speed, instead of being rebuilt row by row
        (~120 ms for an article of 62,000 sentences). False when the rows are new."""
        known = self._known_rows.get(id(options))
        if known is None or known[0] is not options:
            return False
        rows, by_id, index_of = known
        self._options[:] = rows
        self._line_cache.clear()
        self._option_render_cache.clear()
        self._id_to_option.clear()
        self._id_to_option.update(by_id)
        self._option_to_index.clear()
        self._option_to_index.update(index_of)
        self.highlighted = None
        self.scroll_y = 0
        if self.is_mounted:
            self.refresh(layout=self.styles.auto_dimensions)
            self._update_lines()
        return True

    def _remember_rows(self, options: Iterable[OptionListContent]) -> None:
        """Keep the option maps of a long list of Option rows, to set it again fast."""
        if not isinstance(options, list) or len(options) < LONG_LIST or None in options:
            return
        if len(self._known_rows) >= _KNOWN_ROWS:
            del self._known_rows[next(iter(self._known_rows))]
        self._known_rows[id(options)] = (
            options,
            dict(self._id_to_option),
            dict(self._option_to_index),
        )

    # --- doing only the work a key needs ------------------------------------------------------

    def watch_highlighted(self, highlighted: int | None) -> None:
        if (
            self.deferred_highlight
            and highlighted is not None
            and not self.options[highlighted].disabled
        ):
            # OptionList's, minus its scroll to the highlight: `show_highlight` scrolls and paints.
            self.post_message(self.OptionHighlighted(self, self.options[highlighted], highlighted))
            return
        super().watch_highlighted(highlighted)
        self._paint_highlight()

    def show_highlight(self) -> None:
        """Scroll to the highlight and repaint the rows it left and entered, if not drawn yet."""
        self.scroll_to_highlight()
        self._paint_highlight()

    def _paint_highlight(self) -> None:
        highlighted = self.highlighted
        left, self._painted_highlight = self._painted_highlight, highlighted
        if left == highlighted or not self.is_mounted:
            return
        line_cache = self._line_cache
        for index in (left, highlighted):
            if index is not None and index in line_cache.heights:
                self.refresh_lines(line_cache.index_to_line[index], line_cache.heights[index])

    def _update_lines(self) -> None:
        """Measure rows down to two screens past the view and the highlight (OptionList's own
        measures them all), and set the scroll height: exact once every row is measured.

        OptionList calls this for every line it draws; while nothing it depends on has changed
        (the measured lines, the rows, the scroll position, the highlight, the size, the
        scrollbar) it returns at once."""
        inputs = self._measure_inputs()
        if inputs == self._lines_inputs:
            return
        # Noted before measuring: the scroll height it sets can show or hide the scrollbar at
        # once, which narrows or widens the rows; the next call then sees that and measures again.
        self._lines_inputs = inputs
        self._measure_lines()

    def _measure_inputs(self) -> tuple[object, ...]:
        return (
            len(self._line_cache.lines),
            len(self.options),
            self.scroll_y,
            self.highlighted,
            self.size,
            self.show_vertical_scrollbar,
        )

    def _measure_lines(self) -> None:
        region = self.scrollable_content_region
        if not region:
            return
        options = self.options
        line_cache = self._line_cache
        width = region.width - self._get_left_gutter_width()
        if width != self._measured_width:
            # Rows wrapped at another width (the rows were set before the scrollbar appeared or
            # went, or before a resize) have other heights: a sentence measured one line short
            # would lose its last line. OptionList clears these on a resize only, and keeps its
            # renders by row and style alone, so a scrollbar coming or going left both stale.
            line_cache.clear()
            self._option_render_cache.clear()
            self._measured_width = width
            self._measure_floor = 0
        lines = line_cache.lines
        measured = lines[-1][0] + 1 if lines else 0
        wanted_lines = round(self.scroll_offset.y) + 2 * region.height
        wanted_index = max(self.highlighted or 0, self._measure_floor - 1)
        if measured < len(options) and (len(lines) < wanted_lines or measured <= wanted_index):
            padding = self.get_component_styles("option-list--option").padding
            row_height = self._row_height_function()
            for index in range(measured, len(options)):
                if len(lines) >= wanted_lines and index > wanted_index:
                    break
                option = options[index]
                height = row_height(option, width - padding.width) + option._divider
                line_cache.index_to_line[index] = len(lines)
                line_cache.heights[index] = height
                lines.extend((index, line) for line in range(height))
                measured = index + 1
        unmeasured = len(options) - measured
        if unmeasured and len(options) > LONG_LIST and not self._measuring:
            self._measuring = True
            self.set_timer(MEASURE_PAUSE, self._measure_more)
        if unmeasured:
            estimate = ceil(len(lines) * unmeasured / measured) if measured else unmeasured
            height = len(lines) + estimate
        else:
            height = len(lines) - (1 if options and options[-1]._divider else 0)
        virtual_size = Size(width, height)
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def _row_height_function(self) -> Callable[[Option, int], int]:
        """How to measure a row at a text width: by counting its line breaks when the list wraps
        as Content does by default and the row is plain text or a GutterRow of it; else Textual's
        way."""
        rules = cast(RulesMap, self.styles)
        default_wrap = (
            rules.get("text_wrap", "wrap") == "wrap"
            and rules.get("text_overflow", "fold") == "fold"
            and not rules.get("line_pad", 0)
        )

        kept = self._row_heights
        if len(kept) > _KEPT_HEIGHTS:
            kept.clear()

        def height(option: Option, width: int) -> int:
            known = kept.get(option)
            if known is not None and known[0] == width:
                return known[1]
            found = measure(option, width)
            kept[option] = (width, found)
            return found

        def measure(option: Option, width: int) -> int:
            visual = self._get_visual(option)
            counted: int | None = None
            if default_wrap:  # (a row with a tab or a control: None, measured Textual's way)
                if isinstance(visual, GutterRow) and type(visual.body) is Content:
                    body_width = max(1, width - visual._gutter_width)
                    counted = wrapped_height(visual.body.plain, body_width)
                elif type(visual) is Content:
                    counted = wrapped_height(visual.plain, width)
            return visual.get_height(rules, width) if counted is None else counted

        return height

    def _measure_more(self) -> None:
        """An idle step: measure the next MEASURE_BATCH rows, then schedule another while rows
        are left, so a jump to the end finds its rows measured."""
        self._measuring = False
        if not self.is_mounted:
            return
        self._measure_floor = self._line_cache.lines[-1][0] + 1 if self._line_cache.lines else 0
        self._measure_floor += MEASURE_BATCH
        self._measure_lines()

    def prepare(self, options: Sequence[Option | None], *, around: int) -> None:
        """Measure and render now, while the reader rests, the rows that showing `options` with
        the highlight on row `around` would draw: a screen of rows either side of it.

        `options` are the rows a later `set_options` will be given, the same Option objects (the
        panes cache their rows). The renders land in the cache `_get_option_render` reads, keyed
        as it keys them, so that call finds them; nothing on screen changes.
        """
        region = self.scrollable_content_region
        if not self.is_mounted or not region:
            return
        rows: list[Option] = []
        for item in options:
            if item is None:
                if rows:
                    rows[-1]._divider = True  # what add_options does with a separator
            else:
                rows.append(item)
        if not rows:
            return
        around = min(max(around, 0), len(rows) - 1)
        rules = cast(RulesMap, self.styles)
        text_width = region.width - self._get_left_gutter_width()
        text_width -= self.get_component_styles("option-list--option").padding.width
        plain = self.get_visual_style("option-list--option")
        highlighted = self.get_visual_style(
            "option-list--option", "option-list--option-highlighted"
        )
        for step in (1, -1):
            index, lines = around if step == 1 else around - 1, 0
            while 0 <= index < len(rows) and lines < region.height:
                option = rows[index]
                lines += self._get_visual(option).get_height(rules, text_width) + option._divider
                styles = [plain, highlighted] if index == around else [plain]
                if option.disabled:
                    styles = [
                        self.get_visual_style("option-list--option", "option-list--option-disabled")
                    ]
                for style in styles:
                    self._render_ahead(option, index, style)
                index += step

    def _render_ahead(self, option: Option, index: int, style: Style) -> None:
        """Render a row that is not (yet) in the list at `index`, into the kept renders."""
        key = (option, index, style, self.scrollable_content_region.width)
        if key in self._renders:
            return
        known = self._option_to_index.get(option)
        self._option_to_index[option] = index  # OptionList's render reads it for the row's meta
        try:
            self._renders[key] = super()._get_option_render(option, style)
        finally:
            if known is None:
                del self._option_to_index[option]
            else:
                self._option_to_index[option] = known

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """OptionList's render of a row, kept across `set_options` (which clears its own cache)."""
        key = (option, self._option_to_index[option], style, self.scrollable_content_region.width)
        strips = self._renders.get(key)
        if strips is None:
            strips = self._renders[key] = super()._get_option_render(option, style)
        return strips

    def _clear_caches(self) -> None:
        # A prompt was replaced or the list resized: kept renders may no longer match.
        self._renders.clear()
        self._row_heights.clear()
        super()._clear_caches()

    def on_resize(self) -> None:
        """Keep the highlighted row in view when the list changes size: rows re-wrapped at a new
        width (a terminal made 80x24) move the highlighted row's lines, and the scroll position
        alone would leave the sentence being read out of sight."""
        if self.highlighted is not None:
            self.call_after_refresh(self.scroll_to_highlight)

    def notify_style_update(self) -> None:
        # The theme or CSS changed: the row styles are new, even where the list's own style is
        # not (ANSI themes all draw on the terminal's default colours).
        self._renders.clear()
        self._option_render_cache.clear()
        self._row_heights.clear()
        super().notify_style_update()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Widget's, but a QuickScrollBar: redrawn in the frame of every key that scrolls."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = QuickScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            self._vertical_scrollbar.display = False
            self.app._start_widget(self, self._vertical_scrollbar)
        return self._vertical_scrollbar

    # --- keys and search ----------------------------------------------------------------------

    def action_cursor(self, move: str) -> None:
        """The cursor keys (`tui.keys.registry.cursor_keys`): a row, half a page, or an end."""
        if move.startswith("half_page_"):
            self.action_half_page(1 if move == "half_page_down" else -1)
        else:
            move_option_list(self, move)

    def action_half_page(self, direction: int) -> None:
        """Move the highlight by half the visible height (ctrl+d / ctrl+u)."""
        if not self.options:
            return
        lines = self._lines
        if not lines:
            return
        current = self._index_to_line.get(self.highlighted or 0, 0)
        step = max(1, self.scrollable_content_region.height // 2)
        target = min(max(current + direction * step, 0), len(lines) - 1)
        index = lines[target][0]
        while 0 <= index < len(self.options) and self.options[index].disabled:
            index += direction
        if 0 <= index < len(self.options):
            self.highlighted = index
