"""The other screens' bindings, by name: which screens have bindings, and every binding id.

A user's keymap is checked at start-up against every id crosswire has (`unknown_binding_ids`),
and the help lists every screen's keys; both without importing the screens, which start-up
cannot afford (~130 ms): the screens are named here, and their ids written out, with
tests/test_keymap_ids.py checking the list against the screens themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding

from tui.keymap import ANNOTATION_BINDINGS, APP_BINDINGS, MAIN_BINDINGS, PANE_BINDINGS

VIEW_SCREENS: tuple[tuple[str, str, str], ...] = (
    ("Side by side (s)", "tui.screens.side_by_side", "SideBySideScreen"),
    ("Coverage matrix (m)", "tui.screens.matrix", "CoverageMatrixScreen"),
    ("Drift list (d)", "tui.screens.drift_list", "DriftListScreen"),
    ("Stories (S)", "tui.screens.stories", "StoriesScreen"),
    ("Notes (T)", "tui.screens.notes_view", "NotesScreen"),
    ("Import (i)", "tui.screens.import_screen", "ImportScreen"),
    ("Tag prompt (t)", "tui.screens.tag_prompt", "TagPrompt"),
    ("Note editor (a)", "tui.screens.note_editor", "NoteEditor"),
    ("Export dialog (e)", "tui.screens.export_dialog", "ExportDialog"),
    ("Questions", "tui.screens.confirm", "ConfirmScreen"),
    ("Help (?)", "tui.screens.help", "HelpScreen"),
)
"""(title, module, class) of every screen with bindings of its own, named rather than imported
so start-up imports none of them; the help and the keymap check import them when needed."""

SCREEN_BINDING_IDS: frozenset[str] = frozenset(
    {
        "confirm.no",
        "confirm.yes",
        "drift.back",
        "drift.filter",
        "drift.open",
        "export_dialog.cancel",
        "export_dialog.export",
        "help.bottom",
        "help.close",
        "help.down",
        "help.page_down",
        "help.page_up",
        "help.top",
        "help.up",
        "import.back",
        "import.complete",
        "matrix.back",
        "matrix.left",
        "matrix.open",
        "matrix.order",
        "matrix.right",
        "note_editor.close",
        "note_editor.delete",
        "note_editor.save",
        "notes.back",
        "notes.filter",
        "notes.open",
        "side_by_side.back",
        "side_by_side.left_next",
        "side_by_side.left_previous",
        "side_by_side.open",
        "side_by_side.right_next",
        "side_by_side.right_previous",
        "side_by_side.swap",
        "stories.back",
        "stories.open",
        "stories.search",
        "tag_prompt.close",
        "tag_prompt.remove",
    }
)
"""Ids of the bindings the help and secondary screens define next to their own code, besides the
shared `cursor.*` ones. Listed here, not gathered from the screen classes, so checking a keymap at
start-up does not import every screen (~130 ms); tests/test_keymap_ids.py checks the list against
the screens' BINDINGS."""


def binding_ids(
    groups: Iterable[Iterable[Binding]] = (
        PANE_BINDINGS,
        MAIN_BINDINGS,
        ANNOTATION_BINDINGS,
        APP_BINDINGS,
    ),
) -> set[str]:
    """The ids of the main screen's bindings (or of `groups`)."""
    return {binding.id for group in groups for binding in group if binding.id}


def unknown_binding_ids(keymap: Mapping[str, str], *, known: Iterable[str] = ()) -> list[str]:
    """Ids in a user's keymap that name no binding (typos), sorted, so the app can say so.

    `known` adds ids beyond the main screen's and `SCREEN_BINDING_IDS`.
    """
    valid = binding_ids() | SCREEN_BINDING_IDS | set(known)
    return sorted(binding_id for binding_id in keymap if binding_id not in valid)
