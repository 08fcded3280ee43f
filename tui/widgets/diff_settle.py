"""When the Diff catches up with the cursor: at once after a rest, once at the end of a burst.

The Diff follows a cursor that moves after a rest at once, in the frame that moves Sources and
Article: a single key, in Sources or Article, shows all three panes updated together. Moves that
come hard on one another (a held key: less than `REST_S` apart, timed from the end of the last
move's work, so keys queued behind a slow one count too) schedule the update instead, and each
further move pushes it back until the moves stop for `DIFF_SETTLE_S`: a held `j` repaints Sources
and Article key by key and the Diff once, when the keys stop. A story being opened updates the
Diff at once. Anything that uses the Diff's rows runs a pending update first (`flush`); while the
Diff has the focus it follows every move at once.

Kept apart from the pane (`diff_view`) so the timing reads on its own: `SettlingDiff` only
decides when the pane's `_refresh_rows` runs, never what it shows.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from textual.timer import Timer

if TYPE_CHECKING:
    from textual.widget import Widget

    _PaneBase = Widget
else:
    # A plain mixin at run time: Textual takes a widget's default CSS from its first widget
    # base only, so the Diff's own base (Vertical) must stay the one Textual sees.
    _PaneBase = object

REST_S = 0.075
"""A move this long or longer after the last one is a single key, shown at once; closer moves are a
burst (a held key). Over twice a terminal's key-repeat interval (25-30 keys a second), because
repeated keys arrive unevenly (measured: at 30 a second, gaps of 35-45 ms are common), and a
Diff drawn in the middle of a burst delays every key queued behind it."""
DIFF_SETTLE_S = 0.035
"""How long after the last move of a burst the Diff catches up: a little over a key-repeat
interval, so a held key skips the Diff until it is let go."""


class SettlingDiff(_PaneBase):
    """The Diff pane's update timing (see the module docstring); the pane provides
    `_refresh_rows`, which shows the cursor's rows."""

    _settle_timer: Timer | None = None
    _last_move: float = float("-inf")
    """When the last cursor move's work ended (monotonic s): a move closer than REST_S
    after it is part of a burst."""

    if TYPE_CHECKING:

        def _refresh_rows(self) -> None: ...

    @property
    def pending(self) -> bool:
        """True while the rows lag behind the cursor (a cursor move waits to be shown)."""
        return self._settle_timer is not None

    def flush(self) -> None:
        """Show the cursor's Diff now, if an update is waiting."""
        timer, self._settle_timer = self._settle_timer, None
        if timer is not None:
            timer.stop()
            self._refresh_rows()

    def _follow_cursor(self, *, opened: bool) -> None:
        """The cursor moved (`opened`: from none, a story just opened): show it now or later."""
        resting = monotonic() - self._last_move >= REST_S
        if opened or resting:
            # A story just opened, or a key after a rest: shown at once, in the keys' frame.
            self.flush()
            self._refresh_rows()
        else:
            self._schedule_refresh()
        # Timed from the end of the work: a key that waited in the queue behind this one counts
        # as part of the same burst, so a burst never queues one Diff per key.
        self._last_move = monotonic()

    def _schedule_refresh(self) -> None:
        """Update the rows once a burst of moves has rested `DIFF_SETTLE_S` (see the module doc)."""
        if not self.is_mounted:
            return
        if self.has_focus_within:
            # Being read: no lag, and no stale row whose enter would lead elsewhere.
            self.flush()
            self._refresh_rows()
        elif self._settle_timer is None:
            self._settle_timer = self.set_timer(DIFF_SETTLE_S, self._settled, name="diff-settle")
        else:
            self._settle_timer.reset()

    def _settled(self) -> None:
        """The settle timer fired (a one-shot timer ends by itself: just forget it)."""
        self._settle_timer = None
        self._refresh_rows()
