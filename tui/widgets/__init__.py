"""The main screen's panes, and what they share: status colours, safe text, the keyed list.

`PaneList` is the one list every pane is built on: an OptionList that renders only the rows on
screen (so a 300-sentence article or a 51-outlet story moves as fast as a 10-row one), with the
vi-style keys of `tui.keymap` and an in-list search whose matches stay highlighted until cleared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets._option_list import OptionListContent
from textual.widgets.option_list import Option

from tui.core.models import Status
from tui.keymap import PANE_BINDINGS

STATUS_STYLE: dict[Status, str] = {
    "shared": "on $success-muted",
    "reworded": "on $warning-muted",
    "unique": "on $accent-muted",
}
"""Background tint of a sentence by how widely it is carried (theme variables, so every theme
works)."""

STATUS_MARK_STYLE: dict[Status, str] = {
    "shared": "$success",
    "reworded": "$warning",
    "unique": "$accent",
}
"""Foreground colour of the small status marks (legend, bars)."""

_STATUSES: tuple[Status, ...] = ("shared", "reworded", "unique")

MATCH_STYLE = "bold reverse"
"""How a search match stands out on top of whatever tint the row has."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def safe_text(text: str) -> str:
    """Text from the web, made printable: control characters become visible symbols (ESC -> ␛).

    Markup-looking brackets need nothing: Content built from plain strings never parses them.
    """
    return _CONTROL.sub(lambda match: chr(0x2400 + (ord(match.group()) % 0x7F or 0x21)), text)


def legend() -> Content:
    """One line naming the three status tints."""
    parts: list[str | tuple[str, str]] = []
    for status in _STATUSES:
        parts += [("■", STATUS_MARK_STYLE[status]), (f" {status}  ", "")]
    return Content.assemble(*parts)


def status_bar(shared: int, reworded: int, unique: int, *, width: int = 12) -> Content:
    """A compact bar of an article's shared/reworded/unique sentences, `width` cells wide."""
    total = shared + reworded + unique
    if total == 0:
        return Content.styled("·" * width, "$text-disabled")
    first = min(width, round(width * shared / total))
    cells = [first, min(width - first, round(width * reworded / total))]
    cells.append(width - sum(cells))
    if cells[2] == 0 and unique:
        cells = [max(0, cells[0] - 1), cells[1], 1] if cells[0] > 1 else [cells[0], cells[1] - 1, 1]
    parts = [
        ("█" * count, STATUS_MARK_STYLE[status])
        for count, status in zip(cells, _STATUSES, strict=True)
        if count > 0
    ]
    return Content.assemble(*parts)


class PaneList(OptionList):
    """An OptionList with crosswire's keys, half-page moves and a persistent search."""

    BINDINGS: ClassVar[list[BindingType]] = list(PANE_BINDINGS)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.search_query = ""
        """The active search; re-applied whenever the rows are replaced."""
        self._unmarked: dict[int, Content] = {}
        self._matches: list[int] = []

    @property
    def match_indexes(self) -> list[int]:
        """Option indexes whose text holds the search query, top to bottom."""
        return list(self._matches)

    def set_options(self, options: Iterable[OptionListContent]) -> PaneList:
        """Replace the rows, keeping the search highlighted in the new ones."""
        self._unmark()
        super().set_options(options)
        if self.search_query:
            self._mark_matches()
        return self

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

    def search(self, query: str) -> int:
        """Highlight every row holding `query` (case-insensitive), go to the first match at or
        after the cursor, and return how many rows match. An empty query clears the search."""
        self.clear_search()
        self.search_query = query
        if not query:
            return 0
        self._mark_matches()
        self.step_match(0)
        return len(self._matches)

    def step_match(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) match, wrapping; 0 means 'this one or next'."""
        if not self._matches:
            return False
        here = self.highlighted if self.highlighted is not None else -1
        if direction >= 0:
            later = [i for i in self._matches if i > here or (direction == 0 and i == here)]
            self.highlighted = later[0] if later else self._matches[0]
        else:
            earlier = [i for i in self._matches if i < here]
            self.highlighted = earlier[-1] if earlier else self._matches[-1]
        return True

    def clear_search(self) -> None:
        """Drop the query and restore the rows as they were."""
        self._unmark()
        self.search_query = ""

    def _unmark(self) -> None:
        """Put the unmarked prompts back (callers may reuse their Option objects elsewhere)."""
        for index, prompt in self._unmarked.items():
            if index < len(self.options):
                self.replace_option_prompt_at_index(index, prompt)
        self._unmarked.clear()
        self._matches.clear()

    def _mark_matches(self) -> None:
        pattern = re.compile(re.escape(self.search_query), re.IGNORECASE)
        for index, option in enumerate(self.options):
            prompt = option.prompt
            if option.disabled or not isinstance(prompt, Content):
                continue
            if pattern.search(prompt.plain):
                self._unmarked[index] = prompt
                self._matches.append(index)
                marked = prompt.highlight_regex(pattern, style=MATCH_STYLE)
                self.replace_option_prompt_at_index(index, marked)


__all__ = ["MATCH_STYLE", "Option", "PaneList", "STATUS_STYLE", "legend", "safe_text", "status_bar"]
