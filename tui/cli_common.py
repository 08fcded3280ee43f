"""What every CLI command does first: open the library, and on a first run add the example story."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.core.library import Library


def open_library(home: Path) -> Library:
    """Open (creating if needed) the library at `home`.

    An empty library that has never held the bundled story gets it, exactly as the app does on its
    first run, so `crosswire compare` or `crosswire export` work on a fresh machine. The note goes
    to stderr so JSON on stdout stays clean.
    """
    from tui.core.seeds import ensure_bundled_story

    library = Library(home)
    added = ensure_bundled_story(library)
    if added is not None:
        print(f"crosswire: first run, added the example story {added.title!r}", file=sys.stderr)
    return library
