"""Save SVG screenshots of crosswire's key views, for the README: `python scripts/screenshots.py`.

Each view is shot on a fresh app over a temporary library holding the bundled story (what a first
run of `crosswire` opens), at 120x36, once the alignment worker has filled the panes and the keys
that open the view have been handled. The pictures are the app's own `save_screenshot` output, so
they show exactly what the snapshot tests check (tests/test_snapshots.py), minus the test harness.

Run from the repository root with the project importable (`PYTHONPATH=.` or an installed
checkout); `--out` picks another folder than `screenshots/`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from textual.pilot import Pilot  # noqa: E402

from tui.app import CrosswireApp  # noqa: E402
from tui.core.profiles.book import ProfileBook  # noqa: E402
from tui.core.store.config import Config  # noqa: E402
from tui.core.store.library import Library, LibraryError  # noqa: E402
from tui.core.store.seeds import ensure_bundled_story  # noqa: E402

SIZE = (120, 36)


@dataclass(frozen=True)
class View:
    """One screenshot: the file it goes to, the keys that open it, the theme it is shown in."""

    filename: str
    keys: tuple[str, ...] = ()
    """Keys pressed on the main screen once the story is shown."""
    theme: str | None = None
    """A Textual theme name, set through the config as a user would; None for the default."""
    profiles: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    """Outlet profiles typed into the library first: (outlet, ((field, value), ...))."""


EXAMPLE_PROFILES: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Ground News", (("type", "aggregator"), ("country", "US"), ("lean", "center"))),
    ("CRBC News", (("type", "national"), ("country", "China"), ("lean", "left"))),
    ("SadaNews", (("type", "local"), ("country", "Palestine"), ("lean", "lean-left"))),
    ("TRT World", (("type", "national"), ("country", "Turkey"), ("lean", "far-left"))),
)
"""Example values typed for the picture of the Coverage view, as the snapshot test types them;
not ratings of these outlets (crosswire ships none)."""


VIEWS: tuple[View, ...] = (
    View("main.svg"),
    View("removed.svg", ("r", "j", "j")),  # TRT World: its page has the most cut lines
    View("side_by_side.svg", ("s",)),
    View("matrix.svg", ("m",)),
    View("drift.svg", ("d",)),
    View("help.svg", ("question_mark",)),
    View("light.svg", theme="textual-light"),
    View("coverage.svg", ("c",), profiles=EXAMPLE_PROFILES),
)


class ScreenshotError(Exception):
    """A view could not be shot; str() is one line naming the view and the reason."""


async def shoot(view: View, *, out_dir: Path) -> Path:
    """Open `view` on a fresh library with the bundled story and save its SVG into `out_dir`.

    A fresh library per view, because the app remembers the theme and the last story in the
    library: one view's theme must not leak into the next picture.
    """
    with tempfile.TemporaryDirectory(prefix="crosswire-shots-") as home:
        library = Library(Path(home) / "library")
        story = ensure_bundled_story(library)
        if story is None:
            raise ScreenshotError(f"{view.filename}: the bundled story was not imported")
        book = ProfileBook(library.home)
        for outlet, values in view.profiles:
            book.set_fields(outlet, dict(values))
        app = CrosswireApp(library, story_id=story.id, config=Config(theme=view.theme))
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            if app.main_screen.alignment is None:
                # The app reports a failed load as a notification; there is no public getter.
                reasons = "; ".join(n.message for n in app._notifications) or "no reason shown"
                raise ScreenshotError(f"{view.filename}: the story did not load ({reasons})")
            for key in view.keys:
                await pilot.press(key)
                await _settle(pilot)
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            return Path(app.save_screenshot(filename=view.filename, path=str(out_dir)))


async def _settle(pilot: Pilot[None]) -> None:
    """Let pending messages, workers and the refresh they cause run to the end."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def shoot_all(out_dir: Path) -> list[Path]:
    """Every view of VIEWS, saved into `out_dir` (created if missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [await shoot(view, out_dir=out_dir) for view in VIEWS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "screenshots", help="folder for the SVG files"
    )
    args = parser.parse_args(argv)
    try:
        saved = asyncio.run(shoot_all(args.out))
    except (ScreenshotError, LibraryError, OSError) as error:
        print(f"screenshots: {error}", file=sys.stderr)
        return 2
    for path in saved:
        print(path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
