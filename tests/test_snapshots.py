"""SVG snapshots of the key screens, on the bundled story, at a fixed 120x36 (80x24 for the two
views that must fit a small terminal).

Each test's docstring says what the picture must show: that is what a reviewer checks in the
snapshot report before accepting a changed picture with `--snapshot-update`. The data is the five
seed pages imported into a fresh library in tmp_path; nothing in the pictures depends on the tmp
path, the clock or the machine, and every shot is taken only after the alignment worker has filled
the panes (the app aligns off the UI thread, so a shot taken at mount would show the loading state).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app_data import seeded_library
from tui.app import CrosswireApp
from tui.core.store.config import Config

SIZE = (120, 36)
SnapCompare = Callable[..., bool]


@pytest.fixture
def seeded_app(tmp_path: Path) -> CrosswireApp:
    """The app on a fresh library holding the bundled story, opened on that story."""
    library, story = seeded_library(tmp_path / "library")
    return CrosswireApp(library, story_id=story.id, config=Config())


def settle_then_press(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A `run_before` that waits until the story is aligned and shown, then presses `keys`.

    Waiting for the workers (not for a fixed time) is what makes the shots deterministic: the
    story loads in a thread worker, and a view opened by a key builds from what the main screen
    holds, so keys pressed before the load would open nothing.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, CrosswireApp)
        await _until_loaded(app, pilot)
        await _press_and_settle(pilot, keys)

    return run_before


async def _until_loaded(app: CrosswireApp, pilot: Pilot[None]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    main = app.main_screen
    shown = [notification.message for notification in app._notifications]
    assert main.alignment is not None, f"the story did not load: {shown}"
    assert main.query_one("#panes").loading is False


async def _press_and_settle(pilot: Pilot[None], keys: Iterable[str]) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def test_main_screen(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """The three panes on the bundled story, first outlet selected.

    Sources lists the five outlets with their shares, the likely origin marked; Article shows the
    first outlet's sentences tinted by what they share, the first sentence highlighted; Diff shows
    that sentence against its counterparts in the other outlets, what this outlet leaves out below.
    The Sources pane has the focus (round primary border); the footer lists the main keys.
    """
    assert snap_compare(seeded_app, terminal_size=SIZE, run_before=settle_then_press())


def test_main_screen_with_removed_lines(
    snap_compare: SnapCompare, seeded_app: CrosswireApp
) -> None:
    """After 'r' and two rows down in Sources: TRT World (the likely origin, starred, its wire
    family's copy Portugal Colonial listed under it) selected,
    and its Article pane shows, among the kept sentences and in page order, the lines cleaning cut
    from the scraped page (dateline, read time, repeated title, photo caption), each marked as cut
    and labelled with its reason; the Article header counts the removed lines shown.
    """
    assert snap_compare(
        seeded_app, terminal_size=SIZE, run_before=settle_then_press("r", "j", "j")
    )


def test_side_by_side(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After 's': the first outlet and its closest counterpart in two columns, row by row,
    matched sentences side by side with their word differences marked, sentences only one side
    has against a blank cell; the footer shows the view's keys.
    """
    assert snap_compare(seeded_app, terminal_size=SIZE, run_before=settle_then_press("s"))


def test_coverage_matrix(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After 'm': one row per sentence cluster, one column per outlet (names whole up to 14
    characters), a mark where the outlet carries the sentence, so the wire copy and each outlet's
    additions and omissions read at a glance. The cursor sits on the first outlet's cell; the line
    under the table names that outlet and explains the three marks.
    """
    assert snap_compare(seeded_app, terminal_size=SIZE, run_before=settle_then_press("m"))


def test_drift_list(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After 'd': the names, numbers, dates and quotes that differ between outlets telling the
    same sentence, one row per drift with its kind and the two variants, each with the outlets
    that have it underneath (the translated copy's misspelled names among them).
    """
    assert snap_compare(seeded_app, terminal_size=SIZE, run_before=settle_then_press("d"))


def test_coverage_matrix_80x24(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After 'm' and 'l' at 80x24: the matrix scrolled sideways to follow the cursor on the second
    outlet (CRBC News); the sentence column narrows to leave room for three outlet columns; the
    line under the table names the outlet under the cursor, counts the outlets off screen on the
    right ('2 more →') and explains the marks.
    """
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=settle_then_press("m", "l"))


def test_drift_list_80x24(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After 'd' at 80x24: every column on screen; each version has the outlets that hold it
    underneath, both sides, so who diverges reads without the detail area.
    """
    assert snap_compare(seeded_app, terminal_size=(80, 24), run_before=settle_then_press("d"))


def test_help(snap_compare: SnapCompare, seeded_app: CrosswireApp) -> None:
    """After '?': the bundled help page (keys and what each pane shows) with the focused pane's
    own help (Sources) over the main screen; the footer shows the help's own keys (close, top,
    bottom), not the main screen's.
    """
    assert snap_compare(
        seeded_app, terminal_size=SIZE, run_before=settle_then_press("question_mark")
    )


def test_main_screen_light_theme(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The main screen in the textual-light theme (set through the config, as a user would):
    same layout and content as the main screen, dark text on a light background, and every tint,
    border and highlight still readable, which shows the TCSS uses theme variables only.
    """
    library, story = seeded_library(tmp_path / "library")
    app = CrosswireApp(library, story_id=story.id, config=Config(theme="textual-light"))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle_then_press())
