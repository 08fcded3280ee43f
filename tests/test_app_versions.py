"""V shows the selected article's versions and the words changed to the latest one."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from tests.app_data import running_main
from tests.conftest import REPO_ROOT
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.screens.versions_view import VersionsScreen

FIGHT = REPO_ROOT / "tests" / "fixtures" / "grouping" / "usyk-fury-2024-05"


async def test_V_shows_the_versions_and_what_changed(tmp_path: Path) -> None:
    folder = tmp_path / "fight"
    shutil.copytree(FIGHT, folder)
    library = Library(tmp_path / "library")
    (story_id,) = import_paths(library, [folder]).story_ids
    reuters = folder / "00_dailymail_co_uk_reuters.txt"
    reuters.write_text(
        reuters.read_text(encoding="utf-8").replace("razor-thin", "[bold]narrow[/bold]"),
        encoding="utf-8",
    )
    import_paths(library, [folder])
    async with running_main(library, story_id) as (app, pilot, main):
        article = next(a for a in main.articles.values() if a.outlet.startswith("dailymail"))
        main.select_outlet(article.id)
        await pilot.pause()
        await pilot.press("V")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VersionsScreen)
        shown = str(screen.query_one("#versions-body", Static).render())
        assert "2 versions" in shown
        assert "razor-thin" in shown and "[bold]narrow[/bold]" in shown
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is main
        other = next(a for a in main.articles.values() if a.id != article.id)
        main.select_outlet(other.id)
        await pilot.pause()
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        assert "1 version" in str(app.screen.query_one("#versions-body", Static).render())
