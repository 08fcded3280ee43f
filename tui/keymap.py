"""Every key binding of the main screen and its panes, in one place, each with an id.

The ids are what a user rebinds in `config.toml` (`[keymap]`, `id = "keys"`), so they are part of
crosswire's interface: keep them stable. Defining the bindings here, rather than scattered over the
widgets, also lets `keymap_screens.unknown_binding_ids` tell a user which ids in their file
match nothing.
"""

from __future__ import annotations

from textual.binding import Binding

PANE_BINDINGS: list[Binding] = [
    Binding(
        "j,down",
        "cursor_down",
        "Down",
        show=False,
        tooltip="Move to the next row",
        id="cursor.down",
    ),
    Binding(
        "k,up", "cursor_up", "Up", show=False, tooltip="Move to the previous row", id="cursor.up"
    ),
    Binding("g,home", "first", "Top", show=False, tooltip="Move to the first row", id="cursor.top"),
    Binding(
        "G,end", "last", "Bottom", show=False, tooltip="Move to the last row", id="cursor.bottom"
    ),
    Binding(
        "ctrl+d,pagedown",
        "half_page(1)",
        "Half page down",
        show=False,
        tooltip="Move half a page down",
        id="cursor.half_page_down",
    ),
    Binding(
        "ctrl+u,pageup",
        "half_page(-1)",
        "Half page up",
        show=False,
        tooltip="Move half a page up",
        id="cursor.half_page_up",
    ),
    Binding(
        "enter",
        "select",
        "Open",
        show=False,
        tooltip="Open the outlet, follow the sentence or jump to it",
        id="pane.open",
    ),
]
"""Keys every pane's list understands (vi-style moves, as in newsboat and friends)."""

MAIN_BINDINGS: list[Binding] = [
    Binding(
        "h,left",
        "pane_beside(-1)",
        "Pane left",
        show=False,
        tooltip="Focus the pane on the left (stays on Sources, the leftmost)",
        id="pane.left",
    ),
    Binding(
        "l,right",
        "pane_beside(1)",
        "Pane right",
        show=False,
        tooltip="Focus the pane on the right (stays on Diff, the rightmost)",
        id="pane.right",
    ),
    Binding(
        "tab",
        "focus_pane(1)",
        "Next pane",
        show=False,
        tooltip="Focus the next pane (after Diff, Sources again)",
        id="pane.next",
    ),
    Binding(
        "shift+tab",
        "focus_pane(-1)",
        "Previous pane",
        show=False,
        tooltip="Focus the previous pane (before Sources, Diff)",
        id="pane.previous",
    ),
    Binding(
        "slash",
        "start_search",
        "Search",
        key_display="/",
        tooltip="Search the focused pane",
        id="search.start",
    ),
    Binding(
        "escape",
        "cancel_search",
        "Cancel search",
        show=False,
        tooltip="Close the search box without searching",
        id="search.cancel",
    ),
    Binding(
        "n",
        "search_step(1)",
        "Next match",
        show=False,
        tooltip="Go to the next search match",
        id="search.next",
    ),
    Binding(
        "N",
        "search_step(-1)",
        "Previous match",
        show=False,
        tooltip="Go to the previous search match",
        id="search.previous",
    ),
    Binding(
        "right_square_bracket",
        "jump_notable(1)",
        "Next unique",
        key_display="]",
        show=False,
        tooltip="Next sentence only this outlet has (in Diff: next missing sentence)",
        id="jump.next_notable",
    ),
    Binding(
        "left_square_bracket",
        "jump_notable(-1)",
        "Previous unique",
        key_display="[",
        show=False,
        tooltip="Previous sentence only this outlet has (in Diff: previous missing sentence)",
        id="jump.previous_notable",
    ),
    Binding(
        "r",
        "toggle_removed",
        "Removed",
        show=False,
        tooltip="Show or hide the lines cleaning removed",
        id="toggle.removed",
    ),
    Binding(
        "u",
        "toggle_additions",
        "Adds only",
        show=False,
        tooltip="Show only what this outlet adds (hide shared sentences)",
        id="toggle.additions",
    ),
    Binding(
        "s",
        "open_view('side_by_side')",
        "Side by side",
        tooltip="Compare this outlet with another, row by row",
        id="view.side_by_side",
    ),
    Binding(
        "m",
        "open_view('matrix')",
        "Matrix",
        tooltip="Which outlet carries which sentence",
        id="view.matrix",
    ),
    Binding(
        "d",
        "open_view('drift')",
        "Drift",
        tooltip="Names, numbers, dates and quotes that differ between outlets",
        id="view.drift",
    ),
    Binding(
        "S",
        "open_view('stories')",
        "Stories",
        show=False,
        tooltip="Pick another story",
        id="view.stories",
    ),
    Binding(
        "i",
        "open_view('import')",
        "Import",
        show=False,
        tooltip="Import articles into the library",
        id="view.import",
    ),
    Binding(
        "question_mark,f1",
        "help",
        "Help",
        key_display="?",
        tooltip="Keys and what the focused pane shows",
        id="app.help",
    ),
]
"""Keys of the main screen: panes, search, jumps, toggles and the other views.

Only the most used keys show in the footer (search, the three views, help, quit, and the tag and
note keys), so it fits in 80 columns; `?` lists every key, and the palette every action."""

ANNOTATION_BINDINGS: list[Binding] = [
    Binding(
        "t",
        "tag",
        "Tag",
        tooltip="Tag the focused sentence (in Sources: the outlet's article); -tag removes",
        id="annotate.tag",
    ),
    Binding(
        "a",
        "note",
        "Note",
        tooltip="Write a note on the focused sentence (in Sources: on the article)",
        id="annotate.note",
    ),
    Binding(
        "A",
        "note_in_editor",
        "Note in $EDITOR",
        show=False,
        tooltip="Write the note in $EDITOR instead of the app",
        id="annotate.note_in_editor",
    ),
    Binding(
        "T",
        "view_notes",
        "Notes",
        show=False,
        tooltip="Every tag and note of the library, filterable; enter jumps to one",
        id="view.notes",
    ),
    Binding(
        "e",
        "export",
        "Export",
        show=False,
        tooltip="Export the story with its tags and notes (Markdown, JSON, CSV, HTML)",
        id="export.story",
    ),
    Binding(
        "y",
        "copy_sentence",
        "Copy",
        show=False,
        tooltip="Copy the focused sentence with its outlet and story title",
        id="copy.sentence",
    ),
]
"""Keys of the main screen for tags, notes, exports and quoting (`screens.annotating`)."""

APP_BINDINGS: list[Binding] = [
    Binding(
        "q",
        "back_or_quit",
        "Quit",
        tooltip="Close this view, or quit on the main screen",
        id="app.back",
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Palette",
        show=False,
        priority=True,
        tooltip="Every action, outlet, story and theme by name",
        id="app.command_palette",
    ),
]
"""Keys that work on every screen."""


MAIN_SCREEN_GROUPS: tuple[tuple[str, list[Binding]], ...] = (
    ("Moving in a pane", PANE_BINDINGS),
    ("Main screen: panes, search, toggles and views", MAIN_BINDINGS),
    ("Tags, notes, export and copy", ANNOTATION_BINDINGS),
    ("Everywhere", APP_BINDINGS),
)
"""Every binding group of the main screen, titled: the help's key table lists them all."""
