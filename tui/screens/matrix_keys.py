"""The coverage matrix's keys: moves over the table, the sort order, open and back, each with an id.

The ids are what a user rebinds in `config.toml`, so they are part of crosswire's interface (as
with the main screen's in `tui.keymap`); they are listed here, apart from `screens.matrix`, so the
screen reads as what the keys do. Up, down, top and bottom share the main screen's `cursor.*` ids,
so one keymap entry rebinds them everywhere; left and right have their own (`matrix.left`,
`matrix.right`), as h/l change pane on the main screen (`pane.left`, `pane.right`).
"""

from __future__ import annotations

from textual.binding import Binding

MATRIX_BINDINGS: list[Binding] = [
    Binding(
        "j,down",
        "cursor('down')",
        "Down",
        show=False,
        tooltip="Next sentence",
        id="cursor.down",
    ),
    Binding("k,up", "cursor('up')", "Up", show=False, tooltip="Previous sentence", id="cursor.up"),
    Binding(
        "h,left",
        "cursor('left')",
        "Left",
        show=False,
        tooltip="Previous outlet",
        id="matrix.left",
    ),
    Binding(
        "l,right",
        "cursor('right')",
        "Right",
        show=False,
        tooltip="Next outlet",
        id="matrix.right",
    ),
    Binding(
        "g,home", "cursor('top')", "Top", show=False, tooltip="First sentence", id="cursor.top"
    ),
    Binding(
        "G,end",
        "cursor('bottom')",
        "Bottom",
        show=False,
        tooltip="Last sentence",
        id="cursor.bottom",
    ),
    Binding(
        "o",
        "toggle_order",
        "Order",
        id="matrix.order",
        tooltip="Sort by story order or by how widely each sentence is carried",
    ),
    Binding(
        "enter",
        "open",
        "Open",
        tooltip="Open this sentence on the main screen",
        id="matrix.open",
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the matrix", id="matrix.back"),
]
