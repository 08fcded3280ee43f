"""The `cursor('<move>')` action of every list and table, done the way each widget moves.

Every screen binds its cursor keys through `tui.keys.registry.cursor_keys`, which names one action
for each move; a screen answers it by handing the move to the list or table it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import DataTable, OptionList


def move_option_list(options: OptionList, move: str) -> None:
    """Move an OptionList's highlight one row, or to the first or last row."""
    moves: dict[str, Callable[[], None]] = {
        "down": options.action_cursor_down,
        "up": options.action_cursor_up,
        "top": options.action_first,
        "bottom": options.action_last,
    }
    moves[move]()


def move_data_table(table: DataTable[Any], move: str) -> None:
    """Move a DataTable's cursor one row, or to the first or last row."""
    moves: dict[str, Callable[[], None]] = {
        "down": table.action_cursor_down,
        "up": table.action_cursor_up,
        "top": table.action_scroll_top,
        "bottom": table.action_scroll_bottom,
    }
    moves[move]()
