"""The baseline for bench_startup.py: the least a three-pane Textual app can do at start-up.

Three bordered Static panes side by side and a footer, the same frame crosswire draws, with no
data, no store and no worker. Whatever it costs to start is Textual's floor on this machine, so
crosswire's start-up is judged as a ratio to it, measured in the same run.
Run it by hand with `python bench/minimal_app.py` (q quits).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Static


class MinimalApp(App[None]):
    """Sources, Article and Diff as plain Static panes."""

    CSS = """
    Horizontal { height: 1fr; }
    Static { border: round $primary-muted; height: 1fr; padding: 0 1; }
    #sources { width: 24; }
    #article { width: 2fr; }
    #diff { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("Outlet one\nOutlet two\nOutlet three", id="sources")
            yield Static("A sentence of the article.\nAnother sentence.", id="article")
            yield Static("The same sentence, told elsewhere.", id="diff")
        yield Footer()


if __name__ == "__main__":
    MinimalApp().run()
