"""Typing narrows (Stories, palette, Notes), and the import and export dialogs start sensibly.

Stories and palette entries must match every typed word ('jap' finds the Japan story only);
the Notes view filters as soon as one types; the import screen offers no path and no half-full
bar before anything ran; the export dialog never suggests the current directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, ProgressBar, Static

from tests.app_data import running_main, seeded_library
from tests.test_screens_views import Harness
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.core.store.story_lookup import title_score
from tui.screens.export_dialog import default_export_folder
from tui.screens.import_screen import ImportScreen
from tui.screens.notes_view import NotesScreen
from tui.screens.stories import StoriesScreen, filter_stories

PANDA = [
    "Red panda Kiri escaped from Lindenfeld Zoo on Tuesday, the zoo director said.",
    "She was found two days later in a garden near the zoo, tired but unhurt.",
]


def _two_stories(home: Path, folder: Path) -> tuple[Library, str, str]:
    """The bundled Japan story and a two-outlet red panda story."""
    library, japan = seeded_library(home)
    folder.mkdir()
    for name in ("wire", "paper"):
        (folder / f"{name}.txt").write_text(
            "Red panda escapes from Lindenfeld Zoo\n\n" + "\n".join(PANDA) + "\n", encoding="utf-8"
        )
    report = import_paths(library, [folder], story="Red panda escapes from Lindenfeld Zoo")
    assert report.story_ids, report.problems
    return library, japan.id, report.story_ids[0]


@pytest.mark.parametrize(
    ("query", "title", "matches"),
    [
        ("jap", "Japan, U.S. agree to boost missile output", True),
        ("jap", "Red panda escapes from Lindenfeld Zoo", False),
        ("panda", "Japan, U.S. agree to boost missile output", False),
        ("pnada", "Red panda escapes from Lindenfeld Zoo", True),
        ("red zoo", "Red panda escapes from Lindenfeld Zoo", True),
        ("red japan", "Red panda escapes from Lindenfeld Zoo", False),
        ("nord", "story: Japan and the U.S. agree on joint production of missiles", False),
        ("nord", "theme: nord", True),
    ],
)
def test_every_typed_word_must_match_a_word(query: str, title: str, matches: bool) -> None:
    assert (title_score(query, title) > 0) is matches


def test_filter_stories_narrows_as_one_types_and_takes_an_id_prefix(tmp_path: Path) -> None:
    library, japan, panda = _two_stories(tmp_path / "library", tmp_path / "panda")
    stories = library.stories()
    assert [s.id for s in filter_stories(stories, "jap")] == [japan]
    assert [s.id for s in filter_stories(stories, "panda")] == [panda]
    assert [s.id for s in filter_stories(stories, panda[:5])] == [panda]


async def test_stories_screen_status_counts_in_the_right_number(tmp_path: Path) -> None:
    library, _japan, panda = _two_stories(tmp_path / "library", tmp_path / "panda")
    app = Harness(lambda: StoriesScreen(library))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"panda")
        await pilot.pause()
        assert [s.id for s in screen.shown] == [panda]
        status = str(screen.query_one("#stories-status", Static).render())
        assert status == "1 of 2 stories matches"


async def test_palette_does_not_offer_a_story_for_letters_scattered_in_its_title(
    tmp_path: Path,
) -> None:
    library, japan, _panda = _two_stories(tmp_path / "library", tmp_path / "panda")
    async with running_main(library, japan) as (app, pilot, _main):
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"nord")
        await app.screen.workers.wait_for_complete()
        await pilot.pause(0.3)
        options = app.screen.query_one(OptionList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("theme: nord" in title for title in titles), titles
        assert not any("story:" in title for title in titles), titles


async def test_notes_view_filters_as_soon_as_one_types(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    store = Annotations(library.home)
    for index, tag in enumerate(["lede", "numbers"]):
        article = library.articles(story_id)[index]
        store.add_tags(
            Target.sentence(story_id, article.id, 0),
            [tag],
            quote=article.sentences[0].text,
            outlet=article.outlet,
            story_title="story",
        )
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("T")
        await pilot.pause()
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        await pilot.press(*"tag:lede")
        await pilot.pause()
        assert notes.query_one("#notes-filter", Input).value == "tag:lede"
        assert [item.tags for item in notes.shown] == [("lede",)]
        status = str(notes.query_one("#notes-status", Static).render())
        assert status == "1 annotation matches the filter (of 2)"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen), "escape closes, as in Stories"


async def test_import_screen_starts_empty_without_a_bar_and_says_what_enter_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "README.txt").write_text("Not an article at all.\n", encoding="utf-8")
    monkeypatch.chdir(checkout)
    library = Library(tmp_path / "library")
    app = Harness(lambda: ImportScreen(library))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        path_input = screen.query_one("#import-path", Input)
        assert path_input.value == "" and path_input.placeholder
        assert not screen.query_one(ProgressBar).display, "no bar before anything ran"
        await pilot.press("enter")
        await pilot.pause()
        status = str(screen.query_one("#import-status", Static).render())
        assert "Type the path of a file or folder first" in status
        assert not screen.running and screen.result_lines == []
    assert library.is_empty(), "nothing from the current directory was imported"


def test_exports_go_to_documents_else_home_never_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_export_folder() == home
    (home / "Documents").mkdir()
    assert default_export_folder() == home / "Documents"
