"""A list row with a coloured bar down its left edge: the sentence's status at a glance.

A tint behind every sentence turned a mostly reworded article into one solid block of colour; a
thin bar in the status colour on every line of the sentence (plus a faint background) says the
same thing and leaves the text readable. The bar runs down every wrapped line, which a prefix
character in the text could not do, and the text wraps in a hanging indent beside it.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

BAR = "▍"
"""The status bar's character: a left-aligned block, so bars of adjacent rows read as a line."""
NOTE_WIDTH = 2
"""Cells after the bar on the first line for an annotation mark (✎ or #) and a space."""


NUMBER_STYLE = "$crosswire-muted"
"""Sentence numbers are there to be looked up, not read: quieter than the sentence."""


class GutterRow(Visual):
    """`body` wrapped beside a one-cell bar in `bar_style`, an optional right-aligned `number`
    (the sentence's number, as the CLI's `--sentence` takes it) and an optional 2-cell `note`.

    `plain` and `spans` are the body's, so search and tests read the sentence, not the gutter.
    """

    def __init__(
        self,
        body: Content,
        *,
        bar_style: str,
        note: Content | None = None,
        number: str = "",
    ) -> None:
        self.body = body
        self.bar_style = bar_style
        self.note = note if note is not None and note.plain.strip() else None
        self.number = number
        """Already padded to the width of the article's largest number, so numbers align."""

    @property
    def plain(self) -> str:
        return self.body.plain

    @property
    def spans(self) -> list[object]:
        return list(self.body.spans)

    def with_body(self, body: Content) -> GutterRow:
        """The same row with another body (a search marks its matches this way)."""
        return GutterRow(body, bar_style=self.bar_style, note=self.note, number=self.number)

    @property
    def _gutter_width(self) -> int:
        return len(BAR) + (len(self.number) + 1 if self.number else 0) + NOTE_WIDTH

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return max(1, self.body.get_height(rules, max(1, width - self._gutter_width)))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        gutter = self._gutter_width
        body_width = max(1, width - gutter)
        lines = self.body.render_strips(body_width, None, style, options)
        rows = max(len(lines), 1) if height is None else height
        first_strip, rest_strip = self._gutter_strips(style, options)
        rich_base = style.rich_style
        blank = Strip([])
        return [
            Strip.join(
                [
                    first_strip if row == 0 else rest_strip,
                    (lines[row] if row < len(lines) else blank).adjust_cell_length(
                        body_width, rich_base
                    ),
                ]
            )
            for row in range(rows)
        ]

    def _gutter_strips(self, style: Style, options: RenderOptions) -> tuple[Strip, Strip]:
        """The gutter of the first line and of the others, shared by every row that looks alike.

        Rendering two tiny Content pieces per row cost more than the sentence itself; the key
        holds the styles as the theme resolves them, so a theme change makes new gutters.
        """
        note_key = None
        if self.note is not None:
            note_key = (
                self.note.plain,
                tuple(
                    (span.start, span.end, options.get_style(span.style))
                    for span in self.note.spans
                ),
            )
        key = (
            options.get_style(self.bar_style),
            note_key,
            self.number,
            options.get_style(NUMBER_STYLE) if self.number else None,
            style,
        )
        strips = _GUTTERS.get(key)
        if strips is None:
            gutter = self._gutter_width
            bar = Content.styled(BAR, self.bar_style)
            blank_number = " " * (len(self.number) + 1 if self.number else 0)
            number = Content.styled(self.number, NUMBER_STYLE) + " " if self.number else Content()
            first = bar + number + (self.note or " " * NOTE_WIDTH)
            rest = bar + blank_number + " " * NOTE_WIDTH
            rich_base = style.rich_style
            strips = _GUTTERS[key] = (
                first.render_strips(gutter, 1, style, options)[0].adjust_cell_length(
                    gutter, rich_base
                ),
                rest.render_strips(gutter, 1, style, options)[0].adjust_cell_length(
                    gutter, rich_base
                ),
            )
        return strips


_GUTTERS: LRUCache[object, tuple[Strip, Strip]] = LRUCache(4096)
"""Rendered gutters by (bar style, note, number, row style), as resolved for the current theme:
a few articles' worth of numbered rows."""
