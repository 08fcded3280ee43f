"""Views the reader leaves by choosing something (a sentence, a story, an annotation) or nothing.

Such a view dismisses with the choice, or with None on q/escape, and Textual hands the result to
the `push_screen` callback of whoever opened it. The view says what its choice asks for
(`request`: show this sentence, open this story); `choice_callback` posts that request on the
opener, so the main screen serves it with the same handler as when a key, a pane or the palette
asks. The view never needs to know what lies under it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen

ChoiceT = TypeVar("ChoiceT")


class ChoiceScreen(Screen[ChoiceT | None]):
    """A view that closes on the reader's choice, or on q/escape with None."""

    def request(self, choice: ChoiceT) -> Message:
        """What choosing `choice` asks of the screen that opened the view."""
        raise NotImplementedError

    def choose(self, choice: ChoiceT) -> None:
        """Close the view on `choice`."""
        self.dismiss(choice)

    def action_back(self) -> None:
        self.dismiss(None)


def choice_callback(
    opener: MessagePump, view: ChoiceScreen[ChoiceT]
) -> Callable[[ChoiceT | None], None]:
    """The callback to push `view` with: its choice, if it made one, posted on `opener` as the
    request it stands for."""

    def chosen(choice: ChoiceT | None) -> None:
        if choice is not None:
            opener.post_message(view.request(choice))

    return chosen
