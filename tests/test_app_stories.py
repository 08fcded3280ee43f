"""Changing stories in the app: rename and delete in the Stories view (delete asks first), and
x moving the selected outlet's article to another story, its tags going with it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.app_data import running_main, seeded_library
from tests.test_screens_views import Harness
from tui.core.notes.annotations import Annotations, Target, context_for
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.screens.confirm import ConfirmScreen
from tui.screens.stories import MoveArticleScreen, StoriesScreen
from tui.screens.title_prompt import TitlePrompt

PANDA = [
    "Red panda Kiri escaped from Lindenfeld Zoo on Tuesday, the zoo director said.",
    "She was found two days later in a garden near the zoo, tired but unhurt.",
]


def _two_stories(tmp_path: Path) -> tuple[Library, str, str]:
    library, japan = seeded_library(tmp_path / "library")
    folder = tmp_path / "panda"
    folder.mkdir()
    for name in ("wire", "paper"):
        (folder / f"{name}.txt").write_text(
            "Red panda escapes from Lindenfeld Zoo\n\n" + "\n".join(PANDA) + "\n", encoding="utf-8"
        )
    report = import_paths(library, [folder], story="Red panda escapes from Lindenfeld Zoo")
    return library, japan.id, report.story_ids[0]


async def test_stories_view_renames_and_deletes_after_asking(tmp_path: Path) -> None:
    library, japan, panda = _two_stories(tmp_path)
    app = Harness(lambda: StoriesScreen(library))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*"panda")
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TitlePrompt)
        app.screen.query_one(Input).value = "Kiri the [bold]red panda[/bold]"
        await pilot.press("enter")
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert library.get_story(panda).title == "Kiri the [bold]red panda[/bold]"
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Kiri the [bold]red panda[/bold]" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert [s.id for s in library.stories()] == [japan, panda]
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert [s.id for s in library.stories()] == [japan]
        assert [s.id for s in screen.all_stories] == [japan]


async def test_x_moves_the_selected_article_and_its_tags(tmp_path: Path) -> None:
    library, japan, panda = _two_stories(tmp_path)
    first = library.articles(japan)[0]
    target = Target.article(japan, first.id)
    context = context_for(library, target)
    Annotations(library.home).add_tags(
        target, ["wire"], quote=context.quote, outlet=context.outlet,
        story_title=context.story_title,
    )  # fmt: skip
    async with running_main(library, japan) as (app, pilot, main):
        assert main.cursor is not None and main.cursor.article_id == first.id
        await pilot.press("x")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, MoveArticleScreen)
        await view.workers.wait_for_complete()
        await pilot.pause()
        assert [s.id for s in view.shown] == [panda], "the story it is in is not offered"
        await pilot.press("enter")
        await view.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert app.screen is main
        assert first.id in library.get_story(panda).article_ids
        assert first.id not in library.get_story(japan).article_ids
        assert first.id not in main.articles and len(main.articles) == 4
        tags = Annotations(library.home).tags_for(Target.article(panda, first.id))
        assert tags == ("wire",)
