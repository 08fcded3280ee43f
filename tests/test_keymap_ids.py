"""Every screen takes its bindings from the key registry, and start-up imports no screen.

`tui.keys.registry` declares every screen's bindings so that checking a user's keymap, the help
and the palette read them without importing a screen; these tests catch a screen whose bindings
are not the registry's, and an id list that drifts from the screens.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding

from tui.keys.keymap import unknown_binding_ids
from tui.keys.registry import SCREEN_BINDING_IDS, VIEW_SCREENS, binding_ids

REPO = Path(__file__).resolve().parent.parent


def _screen_ids() -> set[str]:
    ids: set[str] = set()
    for keys in VIEW_SCREENS:
        screen = getattr(importlib.import_module(keys.module), keys.name)
        ids |= {b.id for b in screen.BINDINGS if isinstance(b, Binding) and b.id}
    return ids


def test_every_screen_binding_id_is_listed_and_nothing_else() -> None:
    from_screens = _screen_ids() - binding_ids()
    assert set(SCREEN_BINDING_IDS) == from_screens


@pytest.mark.parametrize("binding_id", ["side_by_side.swap", "help.close", "cursor.down"])
def test_ids_of_secondary_screens_are_not_reported_unknown(binding_id: str) -> None:
    assert unknown_binding_ids({binding_id: "x"}) == []


def test_a_typo_is_reported() -> None:
    assert unknown_binding_ids({"side_by_side.swapp": "x", "help.close": "y"}) == [
        "side_by_side.swapp"
    ]


def test_the_app_module_loads_no_secondary_screen_nor_the_annotation_store() -> None:
    code = (
        "import sys, tui.app\n"
        "heavy = [m for m in sys.modules if m.startswith(('tui.screens.side_by_side',"
        " 'tui.screens.matrix', 'tui.screens.help', 'tui.core.notes.annotations', 'rapidfuzz'))]\n"
        "print(','.join(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == ""


def _declared_bindings() -> list[tuple[type[object], list[Binding]]]:
    """(class, the registry's list for it) for every class that has bindings."""
    from tui.app import CrosswireApp
    from tui.keys.registry import APP_BINDINGS, MAIN_SCREEN_BINDINGS, PANE_BINDINGS
    from tui.screens.main import MainScreen
    from tui.widgets import PaneList

    declared: list[tuple[type[object], list[Binding]]] = [
        (CrosswireApp, APP_BINDINGS),
        (MainScreen, MAIN_SCREEN_BINDINGS),
        (PaneList, PANE_BINDINGS),
    ]
    for keys in VIEW_SCREENS:
        screen = getattr(importlib.import_module(keys.module), keys.name)
        declared.append((screen, list(keys.bindings)))
    return declared


def test_every_screen_takes_its_bindings_from_the_registry_as_declared() -> None:
    for cls, bindings in _declared_bindings():
        assert cls.__dict__["BINDINGS"] == bindings, cls.__name__


def test_a_cursor_move_has_one_id_one_key_set_and_one_action_everywhere() -> None:
    moves: dict[str, set[tuple[str, str, str]]] = {}
    for _cls, bindings in _declared_bindings():
        for binding in bindings:
            if binding.id and binding.id.startswith("cursor."):
                move = binding.id.removeprefix("cursor.")
                moves.setdefault(move, set()).add(
                    (binding.key, binding.action, binding.description)
                )
    assert set(moves) == {"down", "up", "top", "bottom", "half_page_down", "half_page_up"}
    for move, forms in moves.items():
        assert len(forms) == 1, forms
        assert next(iter(forms))[1] == f"cursor('{move}')"


def test_the_palette_offers_the_main_screen_keys_from_the_registry() -> None:
    from tui.keys.registry import KEY_COMMANDS, MAIN_SCREEN_GROUPS

    main_bindings = [b for _, group in MAIN_SCREEN_GROUPS for b in group]
    for command in KEY_COMMANDS:
        assert command.binding in main_bindings
        assert ": " in command.title and command.help
    assert len({command.binding.id for command in KEY_COMMANDS}) == len(KEY_COMMANDS)
