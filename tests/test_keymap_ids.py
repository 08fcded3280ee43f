"""The keymap's list of secondary-screen binding ids matches the screens, and start-up needs none.

`tui.keymap_screens.SCREEN_BINDING_IDS` is written out by hand so that checking a user's keymap
does not import every screen at start-up; these tests catch a screen whose bindings drift from
the list.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding

from tui.keymap_screens import (
    SCREEN_BINDING_IDS,
    VIEW_SCREENS,
    binding_ids,
    unknown_binding_ids,
)

REPO = Path(__file__).resolve().parent.parent


def _screen_ids() -> set[str]:
    ids: set[str] = set()
    for _title, module, name in VIEW_SCREENS:
        screen = getattr(importlib.import_module(module), name)
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
