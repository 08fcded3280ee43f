"""A config.toml binding that reuses a key already bound on the same screen is refused, loudly.

The binding keeps its default key and the user reads one line naming the entry, the key and the
binding that already has it; everything else in the keymap still applies.
"""

from __future__ import annotations

from tests.app_data import ready_main_screen
from tui.app import CrosswireApp
from tui.core.store.config import Config
from tui.core.store.library import Library
from tui.keys.keymap import check_keymap


def test_a_key_another_main_screen_binding_has_is_refused() -> None:
    checked = check_keymap({"view.matrix": "j", "view.drift": "D"})
    assert checked.keymap == {"view.drift": "D"}
    assert checked.problems == [
        '"view.matrix" = "j": j is already cursor.down on the main screen; view.matrix keeps m'
    ]


def test_a_swap_of_two_keys_is_no_clash() -> None:
    checked = check_keymap({"view.matrix": "d", "view.drift": "m"})
    assert checked == check_keymap({"view.drift": "m", "view.matrix": "d"})
    assert checked.keymap == {"view.matrix": "d", "view.drift": "m"}
    assert checked.problems == []


def test_a_shared_move_that_clashes_on_another_screen_is_refused() -> None:
    """`f` is free on the main screen but filters the drift list."""
    checked = check_keymap({"cursor.down": "f,down"})
    assert checked.keymap == {}
    assert "drift.filter on the drift list screen" in checked.problems[0]


def test_keeping_a_default_key_is_no_clash() -> None:
    """q closes views and quits the app by design; 'q,Q' adds only Q."""
    assert check_keymap({"app.back": "q,Q"}).problems == []


def test_two_entries_on_one_key_are_both_refused() -> None:
    checked = check_keymap({"view.matrix": "M", "view.drift": "M"})
    assert checked.keymap == {}
    assert len(checked.problems) == 2


def test_unknown_ids_are_still_reported_and_dropped() -> None:
    checked = check_keymap({"nonsense.id": "x", "view.matrix": "M"})
    assert checked.keymap == {"view.matrix": "M"}
    assert checked.problems == ["no binding has id nonsense.id"]


async def test_the_app_says_so_at_start_and_keeps_the_default(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    app = CrosswireApp(library, story_id=story_id, config=Config(keymap={"view.matrix": "j"}))
    async with app.run_test(size=(120, 36)) as pilot:
        main = await ready_main_screen(app, pilot)
        shown = [str(n.message) for n in app._notifications]
        assert any(line.startswith('config.toml: "view.matrix" = "j"') for line in shown), shown
        row_before = main.cursor
        await pilot.press("m")
        await pilot.pause()
        assert type(app.screen).__name__ == "CoverageMatrixScreen", "m still opens the matrix"
        await pilot.press("q", "j")
        await pilot.pause()
        assert app.screen is main and main.cursor != row_before, "j still moves"
