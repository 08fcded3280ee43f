"""What every CLI command shares: opening the library (first run included) and printing names.

Names in the library (story titles, outlets, URLs, tags, quotes, notes) came from files, flags and
manifests. The importer cleans them (`core.text.safe_text`), but a library written before it did may
still hold escape sequences, so every name a command prints goes through `printable` first:
a terminal must never receive a sequence that sets its title, clears it or reorders text.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.store.library import Library, LibraryError

if TYPE_CHECKING:
    from tui.core.fetch.http import Fetcher
from tui.core.text.safe_text import display_lines, display_text


def printable(text: str | None, *, multiline: bool = False) -> str:
    """`text` as it may be printed: escapes and control characters removed, spaces folded.

    With `multiline`, line breaks are kept (a note's paragraphs) and each line is cleaned. Markup
    such as '[bold]' stays as it is: commands print it literally (rich `Text`, plain `print`).
    """
    if not text:
        return ""
    return display_lines(text) if multiline else display_text(text)


def open_library(home: Path, *, first_run_story: bool = True) -> Library:
    """Open (creating if needed) the library at `home`.

    An empty library that has never held the bundled story gets it, exactly as the app does on its
    first run, so `crosswire compare` or `crosswire export` work on a fresh machine;
    `first_run_story=False` opens it as it is (`crosswire import`: the user brings a story). The
    note goes to stderr, flushed before the command prints anything, so JSON on stdout stays clean
    and the note reads first on a terminal.
    """
    from tui.core.store.seeds import ensure_bundled_story

    library = Library(home)
    if library.migration is not None:
        print(f"crosswire: {printable(library.migration.summary())}", file=sys.stderr, flush=True)
    if not first_run_story:
        return library
    added = ensure_bundled_story(library)
    if added is not None:
        sys.stdout.flush()
        print(f"crosswire: first run, added the example story {printable(added.title)!r}",
              file=sys.stderr, flush=True)  # fmt: skip
    return library


def resolve_story_id(library: Library, query: str | None) -> str:
    """The story a command means: named, else last open in the app, else the only one."""
    if query:
        return library.find_story(query).id
    remembered = library.last_story_id()
    if remembered is not None:
        return remembered
    stories = library.stories()
    if len(stories) == 1:
        return stories[0].id
    if not stories:
        raise LibraryError(f"no stories in {library.home}; import some first (crosswire import)")
    raise LibraryError(f"{len(stories)} stories in {library.home}; name one (crosswire stories)")


def new_fetcher() -> Fetcher:
    """The HTTP fetcher every command uses: default limits, a User-Agent with this version."""
    from tui import __version__
    from tui.core.fetch.http import Fetcher, FetchLimits, user_agent

    return Fetcher(FetchLimits(user_agent=user_agent(__version__)))
