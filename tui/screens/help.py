"""Help on `?`/`f1`: the bundled help page, the focused pane's own help, and the keys as bound.

The key table is built from the bindings and the keymap in force, so a user who rebound keys in
config.toml reads their own keys here, not the defaults.
"""

from __future__ import annotations

from importlib import resources
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.keymap import APP_BINDINGS, MAIN_BINDINGS, PANE_BINDINGS


def bundled_help() -> str:
    """The text of tui/help.md, shipped inside the package."""
    return resources.files("tui").joinpath("help.md").read_text(encoding="utf-8")


def key_table(keymap: dict[str, str]) -> str:
    """A Markdown table of every main-screen key: keys in force, what they do, their id."""
    rows = ["| Keys | Does | Id (for config.toml) |", "| --- | --- | --- |"]
    for binding in [*PANE_BINDINGS, *MAIN_BINDINGS, *APP_BINDINGS]:
        keys = keymap.get(binding.id or "", binding.key)
        shown = ", ".join(_display(key) for key in keys.split(","))
        rows.append(f"| `{shown}` | {binding.tooltip or binding.description} | `{binding.id}` |")
    return "\n".join(rows)


def _display(key: str) -> str:
    names = {
        "slash": "/",
        "question_mark": "?",
        "right_square_bracket": "]",
        "left_square_bracket": "[",
    }
    return names.get(key.strip(), key.strip())


class HelpScreen(ModalScreen[None]):
    """Bundled help plus the focused pane's HELP; any of q, escape, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q,escape,question_mark,f1", "close", "Close", tooltip="Close the help", id="help.close"
        ),
        Binding("j,down", "scroll(1)", "Down", show=False, tooltip="Scroll down", id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, tooltip="Scroll up", id="help.up"),
    ]

    def __init__(self, *, pane_help: str = "") -> None:
        super().__init__()
        self.pane_help = pane_help
        """The focused pane's own help, shown first because it is what the reader looks at."""

    def compose(self) -> ComposeResult:
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        parts = [self.pane_help.strip(), bundled_help().strip(), "## Keys", key_table(keymap)]
        with VerticalScroll(id="help-body"):
            yield Markdown("\n\n".join(part for part in parts if part), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)
