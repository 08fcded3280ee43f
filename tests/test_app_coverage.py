"""Coverage in the app: wire families in Sources (shown together, folded and unfolded), the
profile editor from Sources, the Profiles view and the Coverage view, driven by keys on the real
bundled story in a real library."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from tests.app_data import running_main
from tui.core.profiles.book import ProfileBook
from tui.core.store.library import Library
from tui.screens.coverage_view import CoverageScreen
from tui.screens.profile_editor import ProfileEditor
from tui.screens.profiles_view import ProfilesScreen
from tui.widgets.source_list import SourceList


def _outlets(main) -> list[str]:  # type: ignore[no-untyped-def]
    sources = main.query_one(SourceList)
    return [main.articles[option.id].outlet for option in sources.outlet_list.options]


def _row_text(main, outlet: str) -> str:  # type: ignore[no-untyped-def]
    sources = main.query_one(SourceList)
    for option in sources.outlet_list.options:
        if main.articles[option.id].outlet == outlet:
            return str(option.prompt)
    raise AssertionError(f"no row for {outlet}")


async def test_a_wire_family_is_listed_together_and_folds_to_one_row(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        # Imported order: Ground News, CRBC News, Portugal Colonial, TRT World, SadaNews. The AFP
        # family (TRT World closest to the source, Portugal Colonial its copy) stands together.
        assert _outlets(main) == [
            "Ground News",
            "CRBC News",
            "TRT World",
            "Portugal Colonial",
            "SadaNews",
        ]
        assert "wire family origin" in _row_text(main, "TRT World")
        assert "└ copy, 35% changed" in _row_text(main, "Portugal Colonial")
        await pilot.press("j", "j", "j")  # on the copy
        assert main.articles[main.cursor.article_id].outlet == "Portugal Colonial"
        await pilot.press("z")
        await pilot.pause()
        assert _outlets(main) == ["Ground News", "CRBC News", "TRT World", "SadaNews"]
        assert "▸ +1 copy folded (z)" in _row_text(main, "TRT World")
        assert main.articles[main.cursor.article_id].outlet == "TRT World"  # the fold's row
        await pilot.press("j")
        assert main.articles[main.cursor.article_id].outlet == "SadaNews"
        await pilot.press("k", "z")
        await pilot.pause()
        assert len(_outlets(main)) == 5  # unfolded
        await pilot.press("g", "z")  # Ground News is in no family: nothing folds, it says so
        await pilot.pause()
        assert len(_outlets(main)) == 5
        assert any("no wire family" in n.message for n in app._notifications)


async def test_going_to_a_folded_copy_unfolds_its_family(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (_app, pilot, main):
        copy = next(a.id for a in main.articles.values() if a.outlet == "Portugal Colonial")
        await pilot.press("j", "j", "z")
        await pilot.pause()
        assert len(_outlets(main)) == 4
        main.select_outlet(copy)  # as a jump from the Diff or a note does
        await pilot.pause()
        assert len(_outlets(main)) == 5
        assert main.cursor.article_id == copy


async def test_p_edits_the_selected_outlets_profile_and_sources_counts_it(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("j", "p")  # CRBC News
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ProfileEditor)
        assert editor.query_one("#profile-name", Input).value == "CRBC News"
        await pilot.press(*"sideways", "enter")
        await pilot.pause()
        assert "Not saved: lean 'sideways'" in str(
            editor.query_one("#profile-error", Static).render()
        )
        editor.query_one("#profile-lean", Input).value = "lean-left"
        editor.query_one("#profile-country", Input).value = "Canada"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is main
        assert ProfileBook(library.home).get("CRBC News").lean == "lean-left"  # type: ignore[union-attr]
        header = str(main.query_one("#story-header", Static).render())
        assert "1/5 rated: 1L" in header
        await pilot.press("p", "escape")  # escape closes without saving
        await pilot.pause()
        assert app.screen is main


async def test_the_profiles_view_lists_the_storys_outlets_and_edits_one(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    book = ProfileBook(library.home)
    book.set_fields("TRT", {"domains": "trtworld.com", "lean": "center"})
    book.set_fields("Elsewhere Daily", {"lean": "far-right"})  # in the library, not the story
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("P")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, ProfilesScreen)
        listed = [(outlet, p.lean if p else None) for outlet, p in view.rows]
        assert listed == [
            ("Ground News", None),
            ("CRBC News", None),
            ("Portugal Colonial", None),
            ("TRT", "center"),  # TRT World's page is on trtworld.com
            ("SadaNews", None),
            ("Elsewhere Daily", "far-right"),
        ]
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfileEditor)
        app.screen.query_one("#profile-lean", Input).value = "right"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is view and view.rows[2][1].lean == "right"  # type: ignore[union-attr]
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is main
        assert "2/5 rated: 1C 1R" in str(main.query_one("#story-header", Static).render())


async def test_the_coverage_view_shows_the_spread_and_the_timeline_and_opens_an_article(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    book = ProfileBook(library.home)
    for outlet, lean in (
        ("CRBC News", "left"),
        ("SadaNews", "lean-left"),
        ("Ground News", "far-left"),
    ):
        book.set_fields(outlet, {"lean": lean})
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("c")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, CoverageScreen)
        spread = str(view.query_one("#coverage-spread", Static).render())
        assert "5 outlets, 3 rated, 2 unrated" in spread
        assert "Blindspot: covered mostly from the left" in spread
        assert "3 of 3 rated outlets (100%) are left of center" in spread
        families = str(view.query_one("#coverage-families", Static).render())
        assert "Portugal Colonial  35% changed: 11 same, 4 edited, 2 dropped" in families
        table = view.query_one("#coverage-timeline", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert rows[0][:3] == ["2026-01-16", "first", "TRT World"]
        assert [row[:2] for row in rows[1:]] == [["unknown", "unknown"]] * 4
        await pilot.press("j", "enter")  # the first undated article
        await pilot.pause()
        assert app.screen is main
        assert main.articles[main.cursor.article_id].outlet == rows[1][2]


async def test_a_corrupt_profile_file_is_said_once_and_the_story_still_opens(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    (Path(library.home) / "profiles.json").write_text("{broken", encoding="utf-8")
    async with running_main(library, story_id) as (app, pilot, main):
        assert main.alignment is not None
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)  # every outlet unrated, honestly
        messages = [n.message for n in app._notifications if "profiles.json" in n.message]
        assert len(messages) == 1 and "not valid JSON" in messages[0]


async def test_merging_two_outlet_names_from_the_profiles_view(
    seeded: tuple[Library, str],
) -> None:
    from tui.screens.merge_prompt import MergePrompt

    library, story_id = seeded
    ProfileBook(library.home).set_fields("TRT World", {"lean": "center", "country": "Turkey"})
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("P")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, ProfilesScreen)
        await pilot.press("j", "j", "m")  # Portugal Colonial: say it is TRT World's copy desk
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, MergePrompt) and prompt.outlet == "Portugal Colonial"
        await pilot.press(*"Portugal Colonial", "enter")
        await pilot.pause()
        error = str(prompt.query_one("#merge-error", Static).render())
        assert "Not merged: merging an outlet into itself" in error
        prompt.query_one("#merge-into", Input).value = "trt world"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is view
        merged = ProfileBook(library.home).get("Portugal Colonial")
        assert merged is not None and merged.name == "TRT World"
        assert merged.aliases == ("Portugal Colonial",) and merged.lean == "center"
        assert [outlet for outlet, _ in view.rows] == [
            "Ground News",
            "CRBC News",
            "TRT World",  # both names, one profile, one row
            "SadaNews",
        ]
        await pilot.press("q")
        await pilot.pause()
        header = str(main.query_one("#story-header", Static).render())
        assert "1/4 rated: 1C" in header  # four outlets now: two names were one
