"""A one-line prompt for a title: renaming a story."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.keys.registry import TITLE_PROMPT_BINDINGS


class TitlePrompt(ModalScreen[str | None]):
    """Ask for a title, starting from `current`; dismisses with the typed title (enter) or None
    (escape, or nothing but spaces typed)."""

    BINDINGS: ClassVar[list[BindingType]] = list(TITLE_PROMPT_BINDINGS)
    DEFAULT_CSS = """
    TitlePrompt { align: center middle; }
    TitlePrompt > Vertical {
        width: 80; max-width: 95%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TitlePrompt #title-keys { color: $text-muted; }
    """

    def __init__(self, question: str, current: str) -> None:
        super().__init__()
        self.question = question
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            # The question quotes a title from the web: plain Content, never markup.
            yield Static(Content(self.question), id="title-question", markup=False)
            yield Input(self.current, id="title-input", select_on_focus=True)
            yield Static("enter: save · esc: cancel", id="title-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#title-input", Input).focus()

    @on(Input.Submitted, "#title-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = " ".join(event.value.split())
        self.dismiss(title or None)

    def action_close(self) -> None:
        self.dismiss(None)
