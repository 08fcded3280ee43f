"""The merge prompt: make the outlet highlighted in Profiles another name of a profile.

One outlet is often imported under two names ('AFP', 'Agence France-Presse'). Type the name to
keep (completed from the library's profiles); enter merges: the highlighted outlet and its other
names become names of that profile, fields it lacks are taken from the merged one. A merge that
makes no sense (an outlet into itself, a name another profile holds) is shown and the prompt
stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from tui.core.profiles.book import ProfileBook
from tui.core.profiles.types import OutletProfile, ProfileError
from tui.core.store.storage import LibraryError
from tui.keys.registry import MERGE_PROMPT_BINDINGS
from tui.widgets import safe_text


class MergePrompt(ModalScreen[OutletProfile | None]):
    """Merge `outlet` into a profile the user names; dismisses with the merged profile."""

    BINDINGS: ClassVar[list[BindingType]] = list(MERGE_PROMPT_BINDINGS)
    DEFAULT_CSS = """
    MergePrompt { align: center middle; }
    MergePrompt > Vertical {
        width: 72; max-width: 95%; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    MergePrompt #merge-error { color: $error; height: auto; }
    MergePrompt #merge-hint { color: $text-muted; }
    """

    def __init__(self, book: ProfileBook, outlet: str, names: Sequence[str]) -> None:
        super().__init__()
        self._book = book
        self.outlet = outlet
        self._names = [name for name in names if name != outlet]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Merge {safe_text(self.outlet)} into"
            yield Input(
                placeholder="the outlet name to keep",
                suggester=SuggestFromList(self._names, case_sensitive=False),
                id="merge-into",
            )
            yield Static(id="merge-error", markup=False)
            yield Static(
                f"{safe_text(self.outlet)} becomes another name of it · enter: merge · esc: close",
                id="merge-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#merge-into", Input).focus()

    @on(Input.Submitted, "#merge-into")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        keep = event.value.strip()
        if not keep:
            return
        try:
            merged = self._book.merge(keep, self.outlet)
        except (ProfileError, LibraryError) as exc:
            self.query_one("#merge-error", Static).update(Content(f"Not merged: {exc}"))
            return
        self.dismiss(merged)

    def action_close(self) -> None:
        self.dismiss(None)
