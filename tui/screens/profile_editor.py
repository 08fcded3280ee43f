"""The profile editor: every field of one outlet's profile, typed as on the command line.

`tab` moves between the fields; `enter` or `ctrl+s` saves; `escape` closes without saving. A value
that makes no sense (a lean off the scale, a name another profile holds) is shown under the fields
and the editor stays open with what was typed. Empty fields are unknown: crosswire guesses none.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.core.profiles.book import ProfileBook
from tui.core.profiles.types import (
    FIELD_NAMES,
    LEANS,
    OUTLET_TYPES,
    OutletProfile,
    ProfileError,
    field_text,
)
from tui.core.store.storage import LibraryError
from tui.keys.registry import PROFILE_EDITOR_BINDINGS
from tui.widgets import safe_text

PLACEHOLDERS: dict[str, str] = {
    "name": "the name shown for this outlet",
    "aliases": "other names it was imported under, ';'-separated",
    "domains": "web domains, ';'-separated: afp.com; afp.fr",
    "country": "e.g. US, France",
    "language": "e.g. en, fr",
    "owner": "who owns it",
    "type": " / ".join(OUTLET_TYPES),
    "lean": f"{LEANS[0]} … {LEANS[-1]}, or -3..3; empty: unrated",
}


class ProfileEditor(ModalScreen[OutletProfile | None]):
    """Edit one outlet's profile; dismisses with the saved profile, or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = list(PROFILE_EDITOR_BINDINGS)
    DEFAULT_CSS = """
    ProfileEditor { align: center middle; }
    ProfileEditor > Vertical {
        width: 84; max-width: 95%; height: auto; max-height: 95%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ProfileEditor Horizontal { height: 1; }
    ProfileEditor #profile-name-row { margin-top: 1; }
    ProfileEditor Label { width: 10; padding: 0 1 0 0; text-align: right; }
    ProfileEditor Input { width: 1fr; height: 1; border: none; padding: 0 1; }
    ProfileEditor Input:focus { border: none; background: $primary 25%; }
    ProfileEditor #profile-error { color: $error; height: auto; }
    ProfileEditor #profile-hint { color: $text-muted; }
    """

    def __init__(self, book: ProfileBook, outlet: str, profile: OutletProfile | None) -> None:
        super().__init__()
        self._book = book
        self._outlet = outlet
        self.profile = profile
        """The profile as it stands before the edit (None: the outlet has none yet)."""

    def compose(self) -> ComposeResult:
        shown = self.profile or OutletProfile(name=self._outlet)
        with Vertical() as box:
            box.border_title = f"Profile: {safe_text(self._outlet)}"
            for field in FIELD_NAMES:
                with Horizontal(id=f"profile-{field}-row"):
                    yield Label(field)
                    yield Input(
                        value=field_text(shown, field),
                        placeholder=PLACEHOLDERS[field],
                        id=f"profile-{field}",
                    )
            yield Static(id="profile-error", markup=False)
            yield Static(
                "tab: next field · enter or ctrl+s: save · esc: close without saving",
                id="profile-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one("#profile-lean", Input).focus()

    def values(self) -> dict[str, str]:
        """What the fields hold now, by field name."""
        return {field: self.query_one(f"#profile-{field}", Input).value for field in FIELD_NAMES}

    def action_save(self) -> None:
        key = self.profile.name if self.profile is not None else self._outlet
        try:
            saved = self._book.set_fields(key, dict(self.values()))
        except (ProfileError, LibraryError) as exc:
            self.query_one("#profile-error", Static).update(Content(f"Not saved: {exc}"))
            return
        self.dismiss(saved)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_close(self) -> None:
        self.dismiss(None)
