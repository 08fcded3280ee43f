"""`QuickScrollBar`: Textual's vertical scrollbar, drawn straight into strips and kept.

A pane list's scrollbar is redrawn on every key that scrolls the list or changes its rows (a new
outlet's article, a new sentence's Diff): three scrollbars in the frame of an outlet change.
Textual's ScrollBar draws itself as a Rich renderable, which goes through a Rich console render,
line splitting and the widget's style cache, all for a column of blank cells. The bar's segments
are already one per line, so here they become strips directly, and the last drawing is kept until
the bar's size, position or colours change.

The output is the stock one, cell for cell and style for style (tests/test_widgets.py compares
them); horizontal bars, and a renderer that is not a ScrollBarRender, are left to Textual.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

_Key = tuple[int, int, float, float, float, int, Style, Style]


class QuickScrollBar(ScrollBar):
    """A ScrollBar whose vertical bar is rendered without a Rich console, and cached."""

    def __init__(
        self, vertical: bool = True, name: str | None = None, *, thickness: int = 1
    ) -> None:
        super().__init__(vertical=vertical, name=name, thickness=thickness)
        self._drawn: tuple[_Key, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render() if self.vertical else None
        if not isinstance(bar, ScrollBarRender) or isinstance(bar.style, str):
            return super().render_lines(crop)
        width, height = self.size
        base = self.visual_style.rich_style
        key = (
            width,
            height,
            bar.virtual_size,
            bar.window_size,
            bar.position,
            bar.thickness,
            bar.style,
            base,
        )
        if self._drawn is None or self._drawn[0] != key:
            # As ScrollBarRender.__rich_console__ does, with the whole widget as the bar.
            segments = bar.render_bar(
                size=height,
                virtual_size=bar.virtual_size,
                window_size=bar.window_size,
                position=bar.position,
                thickness=width,
                vertical=True,
                back_color=bar.style.bgcolor or Color.parse("#555555"),
                bar_color=bar.style.color or Color.parse("bright_magenta"),
            ).segments
            strips = [
                Strip([Segment(segment.text, base + segment.style)], width) for segment in segments
            ]
            self._drawn = (key, strips)
        strips = self._drawn[1][crop.y : crop.bottom]
        if crop.x or crop.width != width:
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips
