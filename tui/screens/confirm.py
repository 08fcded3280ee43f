"""A yes/no question over the current screen, for choices that lose or overwrite something."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys.registry import CONFIRM_BINDINGS


class ConfirmScreen(ModalScreen[bool]):
    """Ask one question; dismisses with True on y, False on n or escape."""

    BINDINGS: ClassVar[list[BindingType]] = list(CONFIRM_BINDINGS)
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: round $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen #confirm-keys { color: $text-muted; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            # The question may quote a file name or a note: plain Content, never markup.
            yield Static(Content(self.question), id="confirm-question", markup=False)
            yield Static("y: yes · n / esc: no", id="confirm-keys", markup=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
