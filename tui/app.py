"""The crosswire app: a thin shell around the main screen.

It holds the library, the story reader (which aligns each story once) and the settings, applies
the theme and the user's keymap, and offers the command palette; the screens do the reading. The
store and the alignment engine are imported only when first needed, so the first frame comes as
soon as Textual can draw it.
"""

from __future__ import annotations

import sys
import weakref
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input, TextArea

from tui.commands import AnnotationCommands, OutletCommands, StoryCommands, ThemeCommands
from tui.core.reader.story import StoryReader
from tui.core.store.storage import LibraryError
from tui.core.text.safe_text import display_lines, display_text
from tui.interpreter import collection_held_until_frame
from tui.keys.registry import ANNOTATION_BINDINGS, APP_BINDINGS, KEY_COMMANDS
from tui.messages import ImportFinished
from tui.screens.main import MainScreen
from tui.widgets.palette import palette_variables

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from tui.core.store.config import Config
    from tui.core.store.library import Library

THEME_STATE_KEY = "theme"


class CrosswireApp(App[None]):
    """Read one news story as many outlets tell it."""

    CSS_PATH = "app.tcss"
    TITLE = "crosswire"
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)
    COMMANDS = App.COMMANDS | {OutletCommands, StoryCommands, ThemeCommands, AnnotationCommands}

    def __init__(
        self, library: Library, *, story_id: str | None = None, config: Config | None = None
    ) -> None:
        super().__init__()
        from tui.core.store.config import Config

        self.library = library
        self.config = config or Config()
        self.start_story_id = story_id
        self.reader = StoryReader(library)
        self._key_targets: weakref.WeakKeyDictionary[events.Key, object] = (
            weakref.WeakKeyDictionary()
        )
        """The widget each key was handed to: a key that comes back unhandled after the focus
        moved into a text box is typed there (see `_on_key`)."""
        """Every story the app shows is opened and aligned through it, once per session."""

    def get_css_variables(self) -> dict[str, str]:
        """Textual's theme variables plus crosswire's sentence tints, made legible per theme."""
        variables = super().get_css_variables()
        ansi = self.ansi_theme if self.native_ansi_color else None
        return variables | palette_variables(variables, ansi=ansi)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._key_targets[event] = self.focused
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key its widget did not handle: run the binding it names, unless a key ahead of it
        in the same burst moved the focus into a text box ('/' opens the search box, `a` a note
        editor). Keys queue on the widget focused when they arrive, so a fast typist's or a
        paste's next keys would otherwise run as commands (`i` import, `t` tag); they belong
        to the box, as if typed there."""
        handed_to = self._key_targets.pop(event, None)
        focused = self.focused
        if (
            handed_to is not None
            and focused is not handed_to
            and isinstance(focused, (Input, TextArea))
        ):
            event.prevent_default()  # Textual then skips App's own handler (the bindings)
            # The box's own keys (enter submits) are bindings, which a posted key never reaches:
            # their action is queued on the box behind the keys typed before it, so enter in
            # '/japan⏎' submits 'japan'. Any other key is typed.
            bindings = focused._bindings.key_to_bindings.get(event.key, ())
            if bindings:
                focused.call_later(self.run_action, bindings[0].action, focused)
            else:
                focused.post_message(events.Key(event.key, event.character))
        # Otherwise Textual goes on to App's handler, which runs the binding.

    def run(self, **options: Any) -> None:
        """Textual's run, with the cyclic collector held until the main screen's first frame
        (`tui.interpreter`): start-up allocates a few hundred thousand objects that the collector
        would otherwise walk again and again before anything is on screen."""
        with collection_held_until_frame():
            return super().run(**options)

    def get_default_screen(self) -> Screen[None]:
        """The main screen, built with the breakpoint class of the terminal's width already set:
        Textual sets it on the first resize, after mounting, and a class added then restyles
        every widget of the screen once more."""
        screen = MainScreen(self.reader, self.config, story_id=self.start_story_id)
        width = self.size.width
        breakpoints = screen._get_breakpoint_classes(width, MainScreen.HORIZONTAL_BREAKPOINTS)
        screen.add_class(*breakpoints, update=False)  # styled when it mounts
        return screen

    @property
    def main_screen(self) -> MainScreen:
        """The main screen, always at the bottom of the stack."""
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice, from any screen, through safe text: notices quote files, keys, names
        and paths, and none of their escape or control characters may reach the terminal."""
        super().notify(
            display_lines(message),
            title=display_text(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_mount(self) -> None:
        if self.library.migration is not None:
            from tui.core.text.safe_text import display_text

            self.notify(display_text(self.library.migration.summary()), markup=False, timeout=15)
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._apply_keymap()

    def _restore_theme(self) -> None:
        chosen = self.library.get_state(THEME_STATE_KEY) or self.config.theme
        if isinstance(chosen, str) and chosen in self.available_themes:
            self.theme = chosen
        elif chosen:
            self.notify(f"Unknown theme {chosen!r}; using {self.theme}.", markup=False)

    def _remember_theme(self, theme: Theme) -> None:
        if self.library.get_state(THEME_STATE_KEY) != theme.name:
            try:
                self.library.set_state(THEME_STATE_KEY, theme.name)
            except LibraryError as error:  # a read-only library: the theme holds this session
                self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)

    def _apply_keymap(self) -> None:
        keymap = self.config.keymap
        if not keymap:
            return
        from tui.keys.keymap import check_keymap

        checked = check_keymap(keymap)
        for problem in checked.problems:
            self.notify(f"config.toml: {problem}", severity="warning", markup=False)
        self.set_keymap(checked.keymap)

    def on_import_finished(self, event: ImportFinished) -> None:
        """An import from the import screen filled a story: align it afresh and show it on the
        main screen, behind the import screen, which stays open for another import."""
        if event.story_id is not None:
            self.reader.forget(event.story_id)
            self.main_screen.open_story(event.story_id)

    def action_back_or_quit(self) -> None:
        """q: close the view on top, or quit from the main screen."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()

    # --- command palette ----------------------------------------------------------------------

    def save_screenshot_for_user(self) -> Path | None:
        """Save an SVG of the screen in the user's downloads folder, else (no such folder) in
        the library folder, and say where; a folder that cannot be written is said too."""
        import platformdirs

        downloads = Path(platformdirs.user_downloads_dir())
        folder = downloads if downloads.is_dir() else self.library.home
        try:
            saved = Path(self.save_screenshot(path=str(folder)))
        except OSError as error:
            self.notify(f"Screenshot not saved: {folder}: {error.strerror}", severity="error")
            return None
        self.notify(f"Screenshot saved to {saved}", markup=False)
        return saved

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action, titled 'namespace: action' so the palette reads like a menu: the main
        screen's keys (`tui.keys.registry.KEY_COMMANDS`; tags, notes and exports are offered by
        `AnnotationCommands`), then the app's own."""
        main = self.main_screen
        for command in KEY_COMMANDS:
            if command.binding not in ANNOTATION_BINDINGS:
                run = partial(main.run_action, command.binding.action)
                yield SystemCommand(command.title, command.help, run)
        yield SystemCommand("theme: choose", "Pick a colour theme", self.action_change_theme)
        yield SystemCommand(
            "app: keys panel", "Keys of the focused pane, docked", self.action_show_help_panel
        )
        yield SystemCommand(
            "app: screenshot",
            "Save an SVG screenshot",
            lambda: self.set_timer(0.1, self.save_screenshot_for_user),
        )
        yield SystemCommand("app: quit", "Quit crosswire", self.action_quit)


def run_app(library_home: Path, story_query: str | None) -> int:
    """Open the library and the story (`story_query`, else the last read), run the app.

    Returns the exit code: 0, or 2 with one line on stderr when the library or config is unusable
    or no story matches.
    """
    from tui.core.store.config import ConfigError, load_config
    from tui.core.store.library import Library, LibraryError
    from tui.core.store.seeds import ensure_bundled_story

    try:
        library = Library(library_home)
        config = load_config(library_home)
        if library.is_empty():
            ensure_bundled_story(library)
        story_id = _story_to_open(library, story_query)
    except (LibraryError, ConfigError) as error:
        print(f"crosswire: {display_text(str(error))}", file=sys.stderr)
        return 2
    app = CrosswireApp(library, story_id=story_id, config=config)
    app.run()
    return app.return_code or 0


def _story_to_open(library: Library, story_query: str | None) -> str | None:
    if story_query:
        return library.find_story(story_query).id
    last = library.last_story_id()
    if last is not None:
        return last
    stories = library.stories()
    return stories[-1].id if stories else None
