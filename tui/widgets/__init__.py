"""The main screen's panes, and what they share: status colours, safe text, the keyed list.

`PaneList` (in `pane_list`) is the one list every pane is built on: an OptionList that measures
and renders only the rows near the screen (so a 300-sentence article or a 51-outlet story moves as
fast as a 10-row one), with the vi-style keys of `tui.keys.registry` and an in-list search whose
matches stay highlighted until cleared.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.models import Status
from tui.widgets.gutter import GutterRow
from tui.widgets.list_search import MATCH_STYLE
from tui.widgets.palette import STATUS_MARK_STYLE, STATUS_STYLE
from tui.widgets.pane_list import PaneList

_STATUSES: tuple[Status, ...] = ("shared", "reworded", "unique")

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Bidi controls (which reorder what the terminal shows) and invisible format characters (which
# hide inside words) would act on the terminal or vanish: each is drawn as U+FFFD instead.
_CONTROL_PICTURES.update(
    {
        code: "\ufffd"
        for code in (
            0xAD, 0x34F, 0x61C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
            *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A), 0xFEFF,
            *range(0xE0000, 0xE0080),
        )
    }
)  # fmt: skip


def safe_text(text: str) -> str:
    """Text from the web, made printable, one character for one (so offsets stay valid).

    A scraped page may hold an escape sequence; written raw it would recolour the terminal or move
    the cursor. Control characters become their visible symbols (ESC -> ␛), C1 controls, bidi
    controls and invisible format characters become U+FFFD; tabs and newlines stay. Markup-looking
    brackets need nothing: Content built from plain strings never parses them.
    """
    return text.translate(_CONTROL_PICTURES)


Part = str | tuple[str, str] | Content
"""A piece of a line, as `Content.assemble` takes it: plain text, (text, style), or Content."""


def spaced(*parts: Part) -> Content:
    """`Content.assemble`, but a gap between parts trails the part before it.

    SVG renderers (rsvg-convert) drop the leading spaces of each styled run of a Textual
    screenshot, which glued 'Ground News  14 sentences' into 'Ground News14 sentences' in the
    pictures; spaces at the end of a run survive. The terminal shows both the same.
    """
    pieces: list[Content] = []
    for part in map(_as_content, parts):
        body = part.plain.lstrip(" ")
        gap = len(part.plain) - len(body)
        if gap and body and pieces:
            pieces[-1] = pieces[-1] + Content(part.plain[:gap])
            part = part[gap:]
        pieces.append(part)
    return Content.assemble(*pieces)


def _as_content(part: Part) -> Content:
    if isinstance(part, Content):
        return part
    if isinstance(part, str):
        return Content(part)
    return Content.styled(*part)


def legend(counts: Mapping[Status, int] | None = None) -> Content:
    """One line naming the three status colours, with how many sentences have each if given."""
    parts: list[str | tuple[str, str]] = []
    for status in _STATUSES:
        figure = f"{counts.get(status, 0)} " if counts is not None else ""
        parts += [("■ ", STATUS_MARK_STYLE[status]), (f"{figure}{status}  ", "")]
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


__all__ = [
    "MATCH_STYLE",
    "STATUS_MARK_STYLE",
    "STATUS_STYLE",
    "GutterRow",
    "Option",
    "PaneList",
    "legend",
    "safe_text",
    "spaced",
    "status_bar",
]
