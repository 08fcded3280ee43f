"""The bundled example story, so a first run opens on something real instead of an empty screen.

The five seed pages ship inside the package: the wheel maps the repository's `seeds/` folder to
`tui/_seeds` (pyproject force-include); a source or editable checkout reads `<repo>/seeds`. Their
`manifest.json` names the story and each file's outlet and URL.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.models import Story
from tui.core.store.library import Library, LibraryError

_SEEDED_STATE_KEY = "bundled_story_imported"
"""Set once the seeds were imported, so a user who removes every story is not given them again."""


def bundled_seeds_dir() -> Path:
    """The folder holding the bundled seed pages and their manifest."""
    from tui.core.ingest.import_groups import MANIFEST_NAME

    package = Path(__file__).resolve().parents[2]
    for candidate in (package / "_seeds", package.parent / "seeds"):
        if (candidate / MANIFEST_NAME).is_file():
            return candidate
    raise LibraryError(f"{package}: the bundled example story is missing; reinstall crosswire")


def ensure_bundled_story(library: Library) -> Story | None:
    """Import the bundled story into an empty library on its first run; None when not needed.

    Asked first without the lock, so opening a library that holds stories never takes it (a
    read-only folder opens; a read never waits for a writer). A first run then imports under the
    library lock, asking again, so two first runs at once import it only once. The importer
    (cleaning, syntok: ~60 ms) loads only when the seeds are imported, not on every start.
    """
    if not _first_run(library):
        return None
    from tui.core.store.importer import import_paths

    with library.exclusive():
        if not _first_run(library):
            return None
        report = import_paths(library, [bundled_seeds_dir()])
        if not report.story_ids:
            raise LibraryError(
                "the bundled example story could not be imported: " + "; ".join(report.problems)
            )
        library.set_state(_SEEDED_STATE_KEY, True)
        return library.get_story(report.story_ids[0])


def _first_run(library: Library) -> bool:
    """An empty library that was never given the bundled story."""
    return library.is_empty() and not library.get_state(_SEEDED_STATE_KEY, False)
