"""Every key binding of crosswire, declared once, screen by screen: keys, action, description,
tooltip and id.

The ids are what a user rebinds in `config.toml` (`[keymap]`, `id = "keys"`), so they are part of
crosswire's interface: keep them stable. The screens take their BINDINGS from here, and everything
else that lists keys is derived from the same lists: the help's key tables (`MAIN_SCREEN_GROUPS`,
`VIEW_SCREENS`), the ids a keymap may name (`binding_ids`, `SCREEN_BINDING_IDS`), the keymap's clash
check (`tui.keys.keymap`) and the palette entries that do what a key does (`KEY_COMMANDS`).
Declared here rather than beside each screen, the keys can be read without importing a screen.

Cursor moves are the same everywhere (vi-style, as in newsboat and friends): `cursor_keys` makes
them, with the ids `cursor.*` on every screen, so one keymap entry rebinds a move everywhere, and
one action, `cursor('<move>')`, that each screen and list answers with `action_cursor`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from textual.binding import Binding

CursorMove = Literal["down", "up", "top", "bottom", "half_page_down", "half_page_up"]
"""A move of a list's or table's cursor: the argument of `action_cursor`."""

CURSOR_MOVES: tuple[CursorMove, ...] = get_args(CursorMove)

_MOVE_KEYS: dict[str, tuple[str, str]] = {
    "down": ("j,down", "Down"),
    "up": ("k,up", "Up"),
    "top": ("g,home", "Top"),
    "bottom": ("G,end", "Bottom"),
    "half_page_down": ("ctrl+d,pagedown", "Half page down"),
    "half_page_up": ("ctrl+u,pageup", "Half page up"),
}
"""Keys and description of each move."""


def cursor_keys(**tooltips: str) -> list[Binding]:
    """Bindings for the cursor moves named, in the order given, each with its tooltip:
    `cursor_keys(down="Next row", up="Previous row")`. Never shown in the footer."""
    bindings = []
    for move, tooltip in tooltips.items():
        if move not in _MOVE_KEYS:
            raise ValueError(f"no cursor move {move!r}; moves are {', '.join(CURSOR_MOVES)}")
        keys, description = _MOVE_KEYS[move]
        bindings.append(
            Binding(
                keys,
                f"cursor('{move}')",
                description,
                show=False,
                tooltip=tooltip,
                id=f"cursor.{move}",
            )
        )
    return bindings


# --- the main screen ----------------------------------------------------------------------------

PANE_BINDINGS: list[Binding] = [
    *cursor_keys(
        down="Move to the next row",
        up="Move to the previous row",
        top="Move to the first row",
        bottom="Move to the last row",
        half_page_down="Move half a page down",
        half_page_up="Move half a page up",
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
"""Keys every pane's list understands (`tui.widgets.pane_list`)."""

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
        "c",
        "open_view('coverage')",
        "Coverage",
        tooltip="Who covered the story: outlets by lean, country and type, blindspot, timeline",
        id="view.coverage",
    ),
    Binding(
        "P",
        "open_view('profiles')",
        "Profiles",
        show=False,
        tooltip="Outlet profiles: lean, country, type, owner, domains (yours to edit)",
        id="view.profiles",
    ),
    Binding(
        "p",
        "edit_profile",
        "Profile",
        show=False,
        tooltip="Edit the selected outlet's profile (lean, country, type, ...)",
        id="profile.edit",
    ),
    Binding(
        "z",
        "fold_family",
        "Fold family",
        show=False,
        tooltip="Fold the selected outlet's wire family to one row in Sources, or unfold it",
        id="sources.fold_family",
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
        "F",
        "open_view('feeds')",
        "Feeds",
        show=False,
        tooltip="The feeds the library follows: refresh one or all",
        id="view.feeds",
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
        "x",
        "move_article",
        "Move article",
        show=False,
        tooltip="Move the selected outlet's article to another story (its tags and notes go too)",
        id="article.move",
    ),
    Binding(
        "V",
        "article_versions",
        "Versions",
        show=False,
        tooltip="The selected outlet's article as imported each time, and what changed",
        id="article.versions",
    ),
    Binding(
        "o",
        "open_url",
        "Open URL",
        show=False,
        tooltip="Open the selected outlet's article in your web browser",
        id="article.open_url",
    ),
    Binding(
        "O",
        "sort_outlets",
        "Sort outlets",
        show=False,
        tooltip="List outlets by publication time, first published first (again: story order)",
        id="sources.sort_published",
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
        "R",
        "toggle_reviewed",
        "Reviewed",
        show=False,
        tooltip="Mark the selected outlet's article reviewed (again: not reviewed)",
        id="review.article",
    ),
    Binding(
        "y",
        "copy_sentence",
        "Copy",
        show=False,
        tooltip="Copy the focused sentence as a citation: outlet, date, URL and story",
        id="copy.sentence",
    ),
]
"""Keys of the main screen for tags, notes, exports and quoting."""

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

MAIN_SCREEN_BINDINGS: list[Binding] = [*ANNOTATION_BINDINGS, *MAIN_BINDINGS]
"""The main screen's own bindings, in the order the footer shows them."""

MAIN_SCREEN_GROUPS: tuple[tuple[str, list[Binding]], ...] = (
    ("Moving in a pane", PANE_BINDINGS),
    ("Main screen: panes, search, toggles and views", MAIN_BINDINGS),
    ("Tags, notes, export and copy", ANNOTATION_BINDINGS),
    ("Everywhere", APP_BINDINGS),
)
"""Every binding group of the main screen, titled: the help's key table lists them all."""


# --- the other screens --------------------------------------------------------------------------

SIDE_BY_SIDE_BINDINGS: list[Binding] = [
    *cursor_keys(down="Next row", up="Previous row", top="First row", bottom="Last row"),
    Binding(
        "comma",
        "left(-1)",
        "Left prev",
        key_display=",",
        tooltip="Show the previous outlet in the left column",
        id="side_by_side.left_previous",
    ),
    Binding(
        "full_stop",
        "left(1)",
        "Left next",
        key_display=".",
        tooltip="Show the next outlet in the left column",
        id="side_by_side.left_next",
    ),
    Binding(
        "less_than_sign",
        "right(-1)",
        "Right prev",
        key_display="<",
        tooltip="Show the previous outlet in the right column",
        id="side_by_side.right_previous",
    ),
    Binding(
        "greater_than_sign",
        "right(1)",
        "Right next",
        key_display=">",
        tooltip="Show the next outlet in the right column",
        id="side_by_side.right_next",
    ),
    Binding("s", "swap", "Swap", tooltip="Swap the two columns", id="side_by_side.swap"),
    Binding(
        "enter",
        "open",
        "Open",
        tooltip="Jump to this sentence on the main screen",
        id="side_by_side.open",
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the comparison", id="side_by_side.back"),
]

MATRIX_BINDINGS: list[Binding] = [
    *cursor_keys(down="Next sentence", up="Previous sentence"),
    # Left and right have ids of their own: on the main screen h/l change pane.
    Binding(
        "h,left",
        "column(-1)",
        "Left",
        show=False,
        tooltip="Previous outlet",
        id="matrix.left",
    ),
    Binding(
        "l,right",
        "column(1)",
        "Right",
        show=False,
        tooltip="Next outlet",
        id="matrix.right",
    ),
    *cursor_keys(top="First sentence", bottom="Last sentence"),
    Binding(
        "o",
        "toggle_order",
        "Order",
        tooltip="Sort by story order or by how widely each sentence is carried",
        id="matrix.order",
    ),
    Binding(
        "enter",
        "open",
        "Open",
        tooltip="Open this sentence on the main screen",
        id="matrix.open",
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the matrix", id="matrix.back"),
]

DRIFT_BINDINGS: list[Binding] = [
    *cursor_keys(down="Next drift", up="Previous drift", top="First drift", bottom="Last drift"),
    Binding(
        "f",
        "cycle_filter",
        "Filter",
        tooltip="Show one kind of drift at a time",
        id="drift.filter",
    ),
    Binding(
        "c",
        "decide('confirmed')",
        "Confirm",
        tooltip="Confirm this drift: a real difference (again: undecided)",
        id="drift.confirm",
    ),
    Binding(
        "x",
        "decide('dismissed')",
        "Dismiss",
        tooltip="Dismiss this drift: not a real difference; it stays dismissed (again: undecided)",
        id="drift.dismiss",
    ),
    Binding("enter", "open", "Open", tooltip="Open this drift's sentence", id="drift.open"),
    Binding("q,escape", "back", "Back", tooltip="Close the drift list", id="drift.back"),
]

STORIES_BINDINGS: list[Binding] = [
    Binding(
        "slash",
        "search",
        "Search",
        key_display="/",
        tooltip="Search story titles",
        id="stories.search",
    ),
    *cursor_keys(down="Next story", up="Previous story"),
    Binding("enter", "open", "Open", tooltip="Open the highlighted story", id="stories.open"),
    Binding("q,escape", "back", "Back", tooltip="Close the story list", id="stories.back"),
    Binding("f2", "rename", "Rename", tooltip="Rename the highlighted story", id="stories.rename"),
    Binding(
        "f8",
        "delete",
        "Delete",
        tooltip="Delete the highlighted story, after asking (its tags and notes are kept)",
        id="stories.delete",
    ),
]

VERSIONS_BINDINGS: list[Binding] = [
    Binding("q,escape", "back", "Back", tooltip="Close the versions", id="versions.back"),
]

TITLE_PROMPT_BINDINGS: list[Binding] = [
    Binding("escape", "close", "Cancel", tooltip="Close without renaming", id="title_prompt.close"),
]

NOTES_BINDINGS: list[Binding] = [
    *cursor_keys(down="Next", up="Previous", top="First", bottom="Last"),
    Binding(
        "slash",
        "filter",
        "Filter",
        key_display="/",
        tooltip="Filter: tag:x outlet:y story:z and words",
        id="notes.filter",
    ),
    Binding("enter", "open", "Open", tooltip="Show this annotation's sentence", id="notes.open"),
    Binding("q,escape", "back", "Back", tooltip="Close the notes view", id="notes.back"),
]

IMPORT_BINDINGS: list[Binding] = [
    Binding(
        "tab",
        "complete",
        "Complete",
        show=False,
        tooltip="Accept the path completion",
        id="import.complete",
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the import screen", id="import.back"),
]

COVERAGE_BINDINGS: list[Binding] = [
    *cursor_keys(
        down="Next article", up="Previous article", top="First article", bottom="Last article"
    ),
    Binding("enter", "open", "Open", tooltip="Open this article", id="coverage.open"),
    Binding("q,escape", "back", "Back", tooltip="Close the coverage view", id="coverage.back"),
]

PROFILES_BINDINGS: list[Binding] = [
    *cursor_keys(
        down="Next outlet", up="Previous outlet", top="First outlet", bottom="Last outlet"
    ),
    Binding("enter,e", "edit", "Edit", tooltip="Edit this outlet's profile", id="profiles.edit"),
    Binding(
        "m",
        "merge",
        "Merge",
        tooltip="Make this outlet another name of a profile you name (one outlet, two names)",
        id="profiles.merge",
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the profiles", id="profiles.back"),
]

MERGE_PROMPT_BINDINGS: list[Binding] = [
    Binding("escape", "close", "Close", tooltip="Close without merging", id="merge_prompt.close"),
]

FEEDS_BINDINGS: list[Binding] = [
    *cursor_keys(down="Next feed", up="Previous feed", top="First feed", bottom="Last feed"),
    Binding("r", "refresh_one", "Refresh", tooltip="Refresh this feed", id="feeds.refresh"),
    Binding(
        "R", "refresh_all", "Refresh all", tooltip="Refresh every feed", id="feeds.refresh_all"
    ),
    Binding("q,escape", "back", "Back", tooltip="Close the feeds", id="feeds.back"),
]

PROFILE_EDITOR_BINDINGS: list[Binding] = [
    Binding(
        "ctrl+s", "save", "Save", tooltip="Save the profile and close", id="profile_editor.save"
    ),
    Binding(
        "escape", "close", "Close", tooltip="Close without saving", id="profile_editor.close"
    ),
]

TAG_PROMPT_BINDINGS: list[Binding] = [
    Binding("escape", "close", "Close", tooltip="Close the tag prompt", id="tag_prompt.close"),
    Binding(
        "delete,backspace",
        "remove_tag",
        "Remove tag",
        tooltip="Remove the highlighted tag from the item",
        id="tag_prompt.remove",
    ),
]

NOTE_EDITOR_BINDINGS: list[Binding] = [
    Binding("ctrl+s", "save", "Save", tooltip="Save the note and close", id="note_editor.save"),
    Binding(
        "escape",
        "close",
        "Close",
        tooltip="Close the editor (asks first if the text changed)",
        id="note_editor.close",
    ),
    Binding(
        "delete",
        "delete_note",
        "Delete note",
        tooltip="Delete the highlighted note (in the list)",
        id="note_editor.delete",
    ),
]

EXPORT_DIALOG_BINDINGS: list[Binding] = [
    Binding("ctrl+s", "export", "Export", tooltip="Write the export", id="export_dialog.export"),
    Binding(
        "escape",
        "cancel",
        "Cancel",
        tooltip="Close without exporting",
        id="export_dialog.cancel",
    ),
]

CONFIRM_BINDINGS: list[Binding] = [
    Binding("y", "answer(True)", "Yes", tooltip="Yes, go ahead", id="confirm.yes"),
    Binding("n,escape", "answer(False)", "No", tooltip="No, go back", id="confirm.no"),
]

HELP_BINDINGS: list[Binding] = [
    Binding(
        "q,escape,question_mark,f1", "close", "Close", tooltip="Close the help", id="help.close"
    ),
    # The help scrolls a page rather than moving a cursor: its keys have ids of their own.
    Binding("j,down", "scroll(1)", "Down", show=False, tooltip="Scroll down", id="help.down"),
    Binding("k,up", "scroll(-1)", "Up", show=False, tooltip="Scroll up", id="help.up"),
    Binding("g,home", "top", "Top", tooltip="Go to the top of the help", id="help.top"),
    Binding("G,end", "bottom", "Bottom", tooltip="Go to the end of the help", id="help.bottom"),
    Binding(
        "ctrl+d,pagedown,space",
        "page(1)",
        "Page down",
        show=False,
        tooltip="Scroll a page down",
        id="help.page_down",
    ),
    Binding(
        "ctrl+u,pageup",
        "page(-1)",
        "Page up",
        show=False,
        tooltip="Scroll a page up",
        id="help.page_up",
    ),
]


@dataclass(frozen=True, slots=True)
class ScreenKeys:
    """A screen other than the main one, named rather than imported, with its bindings."""

    title: str
    """The heading of its key table in the help: 'Side by side (s)'."""
    module: str
    """The module that defines the screen."""
    name: str
    """The screen's class name; its BINDINGS are `bindings`."""
    bindings: tuple[Binding, ...]


VIEW_SCREENS: tuple[ScreenKeys, ...] = (
    ScreenKeys(
        "Side by side (s)",
        "tui.screens.side_by_side",
        "SideBySideScreen",
        tuple(SIDE_BY_SIDE_BINDINGS),
    ),
    ScreenKeys(
        "Coverage matrix (m)", "tui.screens.matrix", "CoverageMatrixScreen", tuple(MATRIX_BINDINGS)
    ),
    ScreenKeys(
        "Drift list (d)", "tui.screens.drift_list", "DriftListScreen", tuple(DRIFT_BINDINGS)
    ),
    ScreenKeys(
        "Coverage (c)", "tui.screens.coverage_view", "CoverageScreen", tuple(COVERAGE_BINDINGS)
    ),
    ScreenKeys(
        "Profiles (P)", "tui.screens.profiles_view", "ProfilesScreen", tuple(PROFILES_BINDINGS)
    ),
    ScreenKeys(
        "Merge outlets (m in Profiles)",
        "tui.screens.merge_prompt",
        "MergePrompt",
        tuple(MERGE_PROMPT_BINDINGS),
    ),
    ScreenKeys(
        "Profile editor (p)",
        "tui.screens.profile_editor",
        "ProfileEditor",
        tuple(PROFILE_EDITOR_BINDINGS),
    ),
    ScreenKeys("Stories (S)", "tui.screens.stories", "StoriesScreen", tuple(STORIES_BINDINGS)),
    ScreenKeys("Notes (T)", "tui.screens.notes_view", "NotesScreen", tuple(NOTES_BINDINGS)),
    ScreenKeys("Import (i)", "tui.screens.import_screen", "ImportScreen", tuple(IMPORT_BINDINGS)),
    ScreenKeys("Feeds (F)", "tui.screens.feeds_view", "FeedsScreen", tuple(FEEDS_BINDINGS)),
    ScreenKeys("Tag prompt (t)", "tui.screens.tag_prompt", "TagPrompt", tuple(TAG_PROMPT_BINDINGS)),
    ScreenKeys(
        "Note editor (a)", "tui.screens.note_editor", "NoteEditor", tuple(NOTE_EDITOR_BINDINGS)
    ),
    ScreenKeys(
        "Export dialog (e)",
        "tui.screens.export_dialog",
        "ExportDialog",
        tuple(EXPORT_DIALOG_BINDINGS),
    ),
    ScreenKeys("Questions", "tui.screens.confirm", "ConfirmScreen", tuple(CONFIRM_BINDINGS)),
    ScreenKeys(
        "Versions (V)", "tui.screens.versions_view", "VersionsScreen", tuple(VERSIONS_BINDINGS)
    ),
    ScreenKeys(
        "Story title (f2 in Stories)",
        "tui.screens.title_prompt",
        "TitlePrompt",
        tuple(TITLE_PROMPT_BINDINGS),
    ),
    ScreenKeys("Help (?)", "tui.screens.help", "HelpScreen", tuple(HELP_BINDINGS)),
)
"""Every screen besides the main one that has bindings of its own, in the help's order."""


def binding_ids(
    groups: tuple[list[Binding], ...] = (
        PANE_BINDINGS,
        MAIN_BINDINGS,
        ANNOTATION_BINDINGS,
        APP_BINDINGS,
    ),
) -> set[str]:
    """The ids of the main screen's bindings (or of `groups`)."""
    return {binding.id for group in groups for binding in group if binding.id}


SCREEN_BINDING_IDS: frozenset[str] = frozenset(
    binding.id
    for screen in VIEW_SCREENS
    for binding in screen.bindings
    if binding.id and binding.id not in binding_ids()
)
"""Ids of the other screens' bindings, besides the shared `cursor.*` ones."""


# --- palette commands that do what a key does -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyCommand:
    """A command-palette entry that runs a main-screen binding's action."""

    title: str
    """Namespaced, so the palette reads like a menu: 'view: coverage matrix'."""
    binding: Binding
    help: str
    """The line under the title: the binding's tooltip unless the palette words it otherwise."""


def _command(title: str, binding_id: str, help_text: str | None = None) -> KeyCommand:
    found = [b for _, group in MAIN_SCREEN_GROUPS for b in group if b.id == binding_id]
    if len(found) != 1:
        raise KeyError(f"no main-screen binding has id {binding_id!r}")
    return KeyCommand(title, found[0], help_text or found[0].tooltip)


KEY_COMMANDS: tuple[KeyCommand, ...] = (
    _command("view: side by side", "view.side_by_side"),
    _command("view: coverage matrix", "view.matrix"),
    _command("view: drift list", "view.drift", "Names, numbers, dates and quotes that differ"),
    _command("view: stories", "view.stories", "Pick another story of the library"),
    _command("view: feeds", "view.feeds", "Followed feeds: refresh one or all"),
    _command("view: coverage", "view.coverage"),
    _command("view: outlet profiles", "view.profiles"),
    _command("profile: edit the selected outlet's", "profile.edit"),
    _command("sources: fold or unfold the wire family", "sources.fold_family"),
    _command("import: files", "view.import", "Import a file or a folder of articles"),
    _command("story: move this article to another story", "article.move"),
    _command("article: versions", "article.versions"),
    _command("toggle: removed lines", "toggle.removed"),
    _command(
        "toggle: only what this outlet adds",
        "toggle.additions",
        "Hide or show the shared sentences",
    ),
    _command("help: keys and panes", "app.help", "The help page"),
    _command(
        "note: in $EDITOR",
        "annotate.note_in_editor",
        "Write the focused item's note in your $EDITOR",
    ),
    _command("view: notes", "view.notes", "Every tag and note of the library"),
    _command("copy: sentence", "copy.sentence"),
    _command("open: article in the browser", "article.open_url"),
    _command("sort: outlets by publication time", "sources.sort_published"),
    _command("review: mark the article reviewed", "review.article"),
)
"""Palette entries for the main screen's keys, in the order the palette offers them."""


def key_command(binding_id: str) -> KeyCommand:
    """The palette entry of the binding `binding_id`."""
    return next(command for command in KEY_COMMANDS if command.binding.id == binding_id)
