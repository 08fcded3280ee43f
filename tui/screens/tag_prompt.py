"""The tag prompt: add tags to an item, see the ones it has, remove them.

Type comma-separated tags (completed from the library's tags); `-tag` removes one; enter saves.
The item's tags are listed above the input: tab to the list, delete or backspace removes the
highlighted one at once. Every change is written when it is made; a failed write shows its reason
and keeps the prompt open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.store.storage import LibraryError
from tui.keys.registry import TAG_PROMPT_BINDINGS
from tui.widgets import safe_text

SaveTags = Callable[[Sequence[str], Sequence[str]], Sequence[str]]
"""save(added, removed) -> the item's tags afterwards; raises LibraryError/ValueError/OSError."""


def parse_tag_input(text: str) -> tuple[list[str], list[str]]:
    """(tags to add, tags to remove) from 'a, b, -c': comma-separated, a leading '-' removes."""
    added: list[str] = []
    removed: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag.startswith("-"):
            tag = tag[1:].strip()
            if tag:
                removed.append(tag)
        elif tag:
            added.append(tag)
    return added, removed


class TagSuggester(Suggester):
    """Completes the tag being typed (the text after the last comma) from the known tags."""

    def __init__(self, known: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.known = list(known)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        fragment = last.lstrip().removeprefix("-").lstrip()
        if not fragment:
            return None
        folded = fragment.casefold()
        for tag in self.known:
            if tag.casefold().startswith(folded) and len(tag) > len(fragment):
                return value + tag[len(fragment) :]
        return None


class TagPrompt(ModalScreen[bool]):
    """Edit one item's tags; dismisses with True when anything was written."""

    BINDINGS: ClassVar[list[BindingType]] = list(TAG_PROMPT_BINDINGS)
    DEFAULT_CSS = """
    TagPrompt { align: center middle; }
    TagPrompt > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    TagPrompt #tag-quote { color: $text-muted; max-height: 4; }
    TagPrompt #tag-list { height: auto; max-height: 8; border: none; }
    TagPrompt #tag-error { color: $error; height: auto; }
    TagPrompt #tag-hint { color: $text-muted; }
    """

    def __init__(
        self,
        *,
        heading: str,
        quote: str,
        tags: Sequence[str],
        known: Sequence[str],
        save: SaveTags,
    ) -> None:
        super().__init__()
        self._heading = heading
        self._quote = quote
        self.tags = list(tags)
        """The item's tags as last written."""
        self._known = known
        self._save = save
        self._changed = False

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._heading
            yield Static(Content(safe_text(self._quote)), id="tag-quote", markup=False)
            yield OptionList(id="tag-list", markup=False)
            yield Input(
                placeholder="tags, comma-separated (-tag removes)",
                suggester=TagSuggester(self._known),
                id="tag-input",
            )
            yield Static(id="tag-error", markup=False)
            yield Static(
                "enter: save · → accepts the completion · tab: the tags, del removes · esc: close",
                id="tag-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._show_tags()
        self.query_one("#tag-input", Input).focus()

    def _show_tags(self) -> None:
        tag_list = self.query_one("#tag-list", OptionList)
        tag_list.set_options(Option(Content(f"# {safe_text(tag)}"), id=tag) for tag in self.tags)
        tag_list.display = bool(self.tags)
        if self.tags:
            tag_list.highlighted = 0

    def _write(self, added: Sequence[str], removed: Sequence[str]) -> bool:
        error = self.query_one("#tag-error", Static)
        try:
            self.tags = list(self._save(added, removed))
        except (LibraryError, ValueError, OSError) as exc:
            error.update(Content(f"Not saved: {exc}"))
            return False
        error.update("")
        self._changed = True
        self._show_tags()
        return True

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        added, removed = parse_tag_input(event.value)
        if not added and not removed:
            self.dismiss(self._changed)
            return
        if self._write(added, removed):
            self.dismiss(True)

    def action_remove_tag(self) -> None:
        tag_list = self.query_one("#tag-list", OptionList)
        if self.focused is not tag_list or tag_list.highlighted is None:
            return
        tag = tag_list.get_option_at_index(tag_list.highlighted).id
        if tag is not None and self._write([], [tag]):
            if self.tags:
                tag_list.focus()
            else:
                self.query_one("#tag-input", Input).focus()

    def action_close(self) -> None:
        self.dismiss(self._changed)
