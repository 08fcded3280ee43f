"""A Footer that rebuilds its keys only when the keys it shows change.

Textual's Footer recomposes (removes and mounts every FooterKey, then lays them out) each time the
screen publishes `bindings_updated`, which it does on every focus change, even when the keys on
show are the same. At start-up that is two or three rebuilds right after the story arrives, each
a layout frame of its own; moving between panes would rebuild it again for nothing.

Its keys are also built already compact. A FooterKey mounts with `compact` True, which adds its
`-compact` class, and is then bound to the footer's `compact` (False unless asked), which takes
the class away: two restyles per key, one key at a time. Here the footer's `compact` is True from
the start without its own class (crosswire's CSS compacts it by `-compact-keys`), and every key is
built with the class it would get, so neither change happens.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

KeySignature = tuple[tuple[str, str, str, bool, str], ...]
"""What the footer draws: (key, description, action, enabled, tooltip) per key shown, in order."""


class StableFooter(Footer):
    """Footer whose keys are rebuilt only when their key, label, action or enabled state change."""

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.set_reactive(Footer.compact, True)
        self._shown: KeySignature | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.add_class("-compact", update=False)
            yield widget

    def _signature(self, screen: Screen[object]) -> KeySignature:
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)
            return
        signature = self._signature(screen)
        if signature == self._shown:
            return
        self._shown = signature
        super().bindings_changed(screen)
