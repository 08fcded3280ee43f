"""When the Diff catches up with the cursor: at once after a rest, once at the end of a burst.

The Diff follows a cursor that moves after a rest at once, in the frame that moves Sources and
Article: a single key, in Sources or Article, shows all three panes updated together. Moves that
come hard on one another (a held key: less than `REST_S` apart, timed from the end of the last
move's work, so keys queued behind a slow one count too) schedule the update instead, and each
further move pushes it back until the moves stop for `DIFF_SETTLE_S`: a held `j` repaints Sources
and Article key by key and the Diff once, when the keys stop. A story being opened updates the
Diff at once. Anything that uses the Diff's rows runs a pending update first (`flush`); while the
Diff has the focus it follows every move at once.

Kept apart from the pane (`diff_view`) so the timing reads on its own: the pane holds a
`DiffSettle`, which only decides when the pane's refresh runs, never what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic

from textual.timer import Timer
from textual.widget import Widget

REST_S = 0.075
"""A move this long or longer after the last one is a single key, shown at once; closer moves are a
burst (a held key). Over twice a terminal's key-repeat interval (25-30 keys a second), because
repeated keys arrive unevenly, and a Diff drawn in the middle of a burst delays every key queued
behind it."""
DIFF_SETTLE_S = 0.035
"""How long after the last move of a burst the Diff catches up: a little over a key-repeat
interval, so a held key skips the Diff until it is let go."""


class DiffSettle:
    """The Diff pane's update timing (see the module docstring)."""

    def __init__(self, pane: Widget, refresh: Callable[[], None]) -> None:
        self._pane = pane
        self._refresh = refresh
        """Shows the cursor's rows (the pane's own refresh)."""
        self._timer: Timer | None = None
        self._last_move = float("-inf")
        """When the last cursor move's work ended (monotonic s): a move closer than REST_S
        after it is part of a burst."""

    @property
    def pending(self) -> bool:
        """True while the rows lag behind the cursor (a cursor move waits to be shown)."""
        return self._timer is not None

    def flush(self) -> None:
        """Show the cursor's rows now, if an update is waiting."""
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.stop()
            self._refresh()

    def follow_cursor(self, *, opened: bool) -> None:
        """The cursor moved (`opened`: from none, a story just opened): show it now or later."""
        resting = monotonic() - self._last_move >= REST_S
        if opened or resting:
            # A story just opened, or a key after a rest: shown at once, in the keys' frame.
            self.flush()
            self._refresh()
        else:
            self._schedule_refresh()
        # Timed from the end of the work: a key that waited in the queue behind this one counts
        # as part of the same burst, so a burst never queues one Diff per key.
        self._last_move = monotonic()

    def _schedule_refresh(self) -> None:
        """Update the rows once a burst of moves has rested `DIFF_SETTLE_S` (see the module doc)."""
        pane = self._pane
        if not pane.is_mounted:
            return
        if pane.has_focus_within:
            # Being read: no lag, and no stale row whose enter would lead elsewhere.
            self.flush()
            self._refresh()
        elif self._timer is None:
            self._timer = pane.set_timer(DIFF_SETTLE_S, self._settled, name="diff-settle")
        else:
            self._timer.reset()

    def _settled(self) -> None:
        """The settle timer fired (a one-shot timer ends by itself: just forget it)."""
        self._timer = None
        self._refresh()
