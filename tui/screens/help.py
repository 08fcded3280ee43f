"""Help on `?`/`f1`: the bundled help page, the focused pane's own help, and the keys as bound.

The key tables are built from the key registry (`tui.keys.registry`: every binding group of the
main screen, then every other screen's), with the keymap in force, so no key can be left out and a
user who rebound keys in config.toml reads their own keys here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import resources
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown, Static

from tui.keys.registry import HELP_BINDINGS, MAIN_SCREEN_GROUPS, VIEW_SCREENS


def bundled_help() -> str:
    """The text of tui/help.md, shipped inside the package."""
    return resources.files("tui").joinpath("help.md").read_text(encoding="utf-8")


def binding_groups() -> list[tuple[str, list[Binding]]]:
    """Every titled group of bindings: the main screen's, then each other screen's own."""
    groups = [(title, list(bindings)) for title, bindings in MAIN_SCREEN_GROUPS]
    groups += [(screen.title, list(screen.bindings)) for screen in VIEW_SCREENS]
    return groups


def key_rows(
    keymap: Mapping[str, str], bindings: Iterable[Binding] | None = None
) -> list[tuple[str, str, str]]:
    """(keys in force, what they do, id) of `bindings` (default: the main screen's)."""
    if bindings is None:
        bindings = [b for _, group in MAIN_SCREEN_GROUPS for b in group]
    return [
        (keys_shown(binding, keymap), binding.tooltip or binding.description, binding.id or "")
        for binding in bindings
    ]


def key_tables(keymap: Mapping[str, str]) -> Group:
    """One titled table per binding group (see `binding_groups`), drawn by Rich: a Markdown
    table widget per group made the help take over a second to open."""
    tables: list[RenderableType] = [Text("Keys", style="bold")]
    for title, bindings in binding_groups():
        table = Table(
            title=title, title_justify="left", title_style="bold", expand=True, show_edge=False
        )
        table.add_column("Keys", no_wrap=True, style="bold")
        table.add_column("Does", ratio=1)
        table.add_column("Id (for config.toml)", no_wrap=True, style="dim")
        for keys, does, binding_id in key_rows(keymap, bindings):
            table.add_row(Text(keys), Text(does), Text(binding_id))
        tables += [Text(""), table]
    return Group(*tables)


def keys_shown(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The binding's keys as a reader types them ('j, ↓'), after the user's keymap."""
    keys = keymap.get(binding.id or "", binding.key)
    if keys == binding.key and binding.key_display and "," not in keys:
        return binding.key_display
    return ", ".join(_display(key) for key in keys.split(",") if key.strip())


def _display(key: str) -> str:
    key = key.strip()
    words = {"enter": "enter", "escape": "escape", "tab": "tab", "space": "space"}
    return words.get(key) or format_key(key)


class HelpScreen(ModalScreen[None]):
    """Bundled help plus the focused pane's HELP; any of q, escape, ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = list(HELP_BINDINGS)

    def __init__(self, *, pane_help: str = "") -> None:
        super().__init__()
        self.pane_help = pane_help
        """The focused pane's own help, shown first because it is what the reader looks at."""

    def compose(self) -> ComposeResult:
        keymap = dict(getattr(self.app, "_keymap", {}) or {})
        parts = [self.pane_help.strip(), bundled_help().strip()]
        with VerticalScroll(id="help-body"):
            yield Markdown("\n\n".join(part for part in parts if part), id="help-text")
            self.keys = key_tables(keymap)
            """The key tables shown below the help text."""
            yield Static(self.keys, id="help-keys")
        yield Footer()

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.body.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        self.body.scroll_relative(
            y=pages * max(1, self.body.scrollable_content_region.height - 2), animate=False
        )

    def action_top(self) -> None:
        self.body.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.body.scroll_end(animate=False)
