"""The whole app on a real library in tmp_path, driven key by key with the Pilot.

Each test asserts on the messages the app recorded and on what the screen holds afterwards.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.message import Message
from textual.widgets import Input, Markdown

from tests.app_data import hostile_library, messages_of, ready_main_screen, running_main
from tui.app import CrosswireApp, run_app
from tui.core.models import SentenceRef
from tui.core.store.config import Config, ConfigError, load_config
from tui.core.store.library import Library
from tui.messages import JumpToSentence, OpenView, ToggleSetting
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets import PaneList
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.source_list import SourceList


def _diff_now(main: MainScreen) -> DiffView:
    """The Diff, showing the cursor's sentence: it follows the cursor a moment late on purpose
    (see tui/widgets/diff_view.py), so a test reading it right after a key asks for it now."""
    diff = main.query_one(DiffView)
    diff.flush()
    assert not diff.pending
    return diff


def _focused_id(app: CrosswireApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_opening_a_story_aligns_it_off_thread_and_fills_the_panes(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        assert main.query_one("#panes").loading is False
        first = library.articles(story_id)[0]
        assert main.cursor == SentenceRef(first.id, 0)
        assert len(main.query_one("#outlets", PaneList).options) == 5
        assert len(main.query_one("#sentences", PaneList).options) == len(first.sentences)
        assert main.query_one("#diff-rows", PaneList).options
        assert library.get_state("last_story") == story_id
        assert app.reader.in_memory(story_id) is main.alignment
        # Not aligned before (in this session or on disk): aligned in a worker, with a loading note.
        app.reader.forget(story_id)
        shutil.rmtree(library.home / "cache")
        main.open_story(story_id)
        assert main.query_one("#panes").loading is True, "a visible loading state while aligning"
        await ready_main_screen(app, pilot)
        assert main.query_one("#panes").loading is False
        assert list((library.home / "cache" / "alignments").glob("*.json")), "filed on disk"
        # Aligned before: shown at once, in the frame that asked for it.
        shown = main.alignment
        main.open_story(story_id)
        assert main.query_one("#panes").loading is False
        assert main.alignment is shown


async def test_a_new_session_opens_the_story_aligned_in_an_earlier_one_without_aligning(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (_, _, main):
        first = main.alignment
    again = CrosswireApp(Library(library.home), story_id=story_id)
    async with again.run_test(size=(120, 36)) as pilot:
        main = again.main_screen
        assert main.alignment is not None, "on screen before any worker ran"
        assert not main.query_one("#panes").loading
        assert main.alignment == first
        await ready_main_screen(again, pilot)


async def test_j_k_g_G_in_sources_select_outlets_and_the_panes_follow(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        # Sources' order: wire families together (tests/test_app_coverage.py)
        ids = [option.id for option in main.query_one(SourceList).outlet_list.options]
        assert sorted(ids) == sorted(a.id for a in library.articles(story_id))
        assert _focused_id(app) == "outlets"
        await pilot.press("j")
        assert main.cursor is not None and main.cursor.article_id == ids[1], "moved at once"
        await pilot.pause()
        assert not messages_of(messages, SourceList.OutletSelected), "no late report follows"
        assert main.cursor.article_id == ids[1]
        assert main.query_one(ArticleView).cursor == main.cursor
        assert main.query_one(DiffView).cursor == main.cursor
        await pilot.press("G")
        await pilot.pause()
        assert main.cursor.article_id == ids[-1]
        await pilot.press("k")
        await pilot.pause()
        assert main.cursor.article_id == ids[-2]
        await pilot.press("g")
        await pilot.pause()
        assert main.cursor.article_id == ids[0]


async def test_pane_keys_h_l_tab_and_enter_move_focus(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l")
        assert _focused_id(app) == "sentences"
        await pilot.press("l")
        assert _focused_id(app) == "diff-rows"
        await pilot.press("l")
        assert _focused_id(app) == "diff-rows", "l stops at the rightmost pane"
        await pilot.press("h", "h")
        assert _focused_id(app) == "outlets"
        await pilot.press("h")
        assert _focused_id(app) == "outlets", "h stops at the leftmost pane"
        await pilot.press("shift+tab")
        assert _focused_id(app) == "diff-rows", "shift+tab cycles round"
        await pilot.press("tab")
        assert _focused_id(app) == "outlets", "tab cycles round"
        await pilot.press("shift+tab")
        assert _focused_id(app) == "diff-rows"
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert _focused_id(app) == "sentences", "enter on an outlet opens its article"
        await pilot.press("enter")
        await pilot.pause()
        assert _focused_id(app) == "diff-rows", "enter on a sentence follows it into the Diff"


async def test_first_l_lands_on_article_even_when_the_focus_was_lost(
    seeded: tuple[Library, str],
) -> None:
    """Pressed right at start-up, while the story loads, or after the focus went nowhere (a
    dismissed dialog, a click outside the panes), `l` still moves one pane right of Sources."""
    library, story_id = seeded
    app = CrosswireApp(library, story_id=story_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l")
        await ready_main_screen(app, pilot)
        assert _focused_id(app) == "sentences", "a key pressed during the load still counts"
        app.screen.set_focus(None)
        await pilot.press("l")
        assert _focused_id(app) == "sentences"
        app.screen.set_focus(None)
        app.main_screen.open_story(story_id)
        await ready_main_screen(app, pilot)
        assert _focused_id(app) == "outlets", "a shown story never leaves the screen unfocused"


async def test_sentence_moves_update_the_diff_and_half_pages_jump(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        article_id = main.cursor.article_id
        await pilot.press("l", "j", "j")
        await pilot.pause()
        assert main.cursor == SentenceRef(article_id, 2)
        header = str(_diff_now(main).query_one("#diff-header").render())
        assert main.alignment.sentences[article_id][2].text[:30] in header.replace("\n", " ")
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert main.cursor.index > 2
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert main.cursor.index < 4


async def test_choosing_a_counterpart_switches_outlet_at_that_sentence(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        info = next(
            i for infos in main.alignment.sentences.values() for i in infos if i.counterparts
        )
        main.jump_to(info.ref)
        await pilot.pause()
        await pilot.press("l")
        assert _focused_id(app) == "diff-rows"
        main.query_one("#diff-rows", PaneList).highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        chosen = messages_of(messages, DiffView.CounterpartChosen)
        target = info.counterparts[0]
        assert [m.ref for m in chosen] == [SentenceRef(target.article_id, target.index)]
        assert main.cursor == SentenceRef(target.article_id, target.index)
        assert main.query_one("#outlets", PaneList).highlighted_option.id == target.article_id
        assert _focused_id(app) == "sentences"


async def test_missing_sentences_jump_to_the_outlet_that_has_them(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        article_id = next(aid for aid, items in main.alignment.missing.items() if items)
        main.select_outlet(article_id)
        await pilot.pause()
        await pilot.press("l", "l", "right_square_bracket")
        await pilot.pause()
        rows = main.query_one("#diff-rows", PaneList)
        assert rows.highlighted_option.id == "m0"
        await pilot.press("enter")
        await pilot.pause()
        example = main.alignment.missing[article_id][0].example
        assert [m.ref for m in messages_of(messages, JumpToSentence)] == [example]
        assert main.cursor == example


async def test_brackets_jump_between_unique_sentences(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        article_id, infos = next(
            (aid, infos)
            for aid, infos in main.alignment.sentences.items()
            if sum(i.status == "unique" for i in infos) >= 2
        )
        uniques = [i.ref.index for i in infos if i.status == "unique"]
        main.jump_to(SentenceRef(article_id, 0))
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert main.cursor.index == next(i for i in uniques if i > 0)
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert main.cursor.index == next(i for i in uniques if i > 0)


async def test_search_highlights_matches_and_n_N_cycle(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        search = main.query_one("#search", Input)
        assert not search.display
        await pilot.press("l", "slash")
        assert search.display and _focused_id(app) == "search"
        await pilot.press(*"japan", "enter")
        await pilot.pause()
        assert not search.display and _focused_id(app) == "sentences"
        sentences = main.query_one("#sentences", PaneList)
        matches = sentences.match_indexes
        assert len(matches) >= 2
        assert sentences.highlighted == matches[0]
        await pilot.press("n")
        await pilot.pause()
        assert sentences.highlighted == matches[1]
        assert main.cursor.index == int(sentences.highlighted_option.id[1:])
        await pilot.press("N")
        assert sentences.highlighted == matches[0]
        await pilot.press("slash", "escape")
        assert not search.display and _focused_id(app) == "sentences"


async def test_r_and_u_toggle_removed_lines_and_shared_sentences(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        article = next(a for a in main.articles.values() if a.removed)
        main.select_outlet(article.id)
        await pilot.pause()
        sentences = main.query_one("#sentences", PaneList)
        before = len(sentences.options)
        await pilot.press("r")
        await pilot.pause()
        assert main.show_removed
        assert len(sentences.options) == before + len(article.removed)
        await pilot.press("r", "u")
        await pilot.pause()
        shared = sum(i.status == "shared" for i in main.alignment.sentences[article.id])
        assert len(sentences.options) == before - shared
        assert [m.setting for m in messages_of(messages, ToggleSetting)] == [
            "show_removed",
            "show_removed",
            "only_additions",
        ]


@pytest.mark.parametrize(
    ("key", "screen_name"),
    [
        ("s", "SideBySideScreen"),
        ("m", "CoverageMatrixScreen"),
        ("d", "DriftListScreen"),
        ("S", "StoriesScreen"),
        ("i", "ImportScreen"),
    ],
)
async def test_view_keys_open_their_screens_and_q_comes_back(
    seeded: tuple[Library, str], key: str, screen_name: str
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen_name
        assert messages_of(messages, OpenView)
        app.action_back_or_quit()
        await pilot.pause()
        assert app.screen is main


async def test_help_shows_the_focused_panes_help_and_the_keys(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.pane_help == ArticleView.HELP
        markdown = app.screen.query_one(Markdown).source
        assert "### Article" in markdown
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen.keys)
        assert "toggle.removed" in console.export_text(), "the key tables follow the help"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_q_quits_from_the_main_screen(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_offers_namespaced_commands(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        titles = [command.title for command in app.get_system_commands(main)]
        assert {"view: coverage matrix", "view: side by side", "toggle: removed lines"} <= set(
            titles
        )
        assert all(": " in title for title in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"outlet: trt")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        trt = next(a.id for a in main.articles.values() if a.outlet == "TRT World")
        assert app.screen is main and main.cursor.article_id == trt


async def test_keymap_from_config_rebinds_keys(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    config = Config(keymap={"view.matrix": "M", "nonsense.id": "x"})
    app = CrosswireApp(library, story_id=story_id, config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        main = await ready_main_screen(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is main
        await pilot.press("M")
        await pilot.pause()
        assert type(app.screen).__name__ == "CoverageMatrixScreen"


async def test_theme_choice_persists_across_runs(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        app.theme = "nord"
        await pilot.pause()
    assert library.get_state("theme") == "nord"
    again = CrosswireApp(Library(library.home), story_id=story_id, config=Config(theme="gruvbox"))
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_article_text_is_never_markup(tmp_path: Path) -> None:
    library, story = hostile_library(tmp_path / "library", tmp_path / "files")
    app = CrosswireApp(library, story_id=story.id)
    async with app.run_test(size=(160, 40)) as pilot:
        main = await ready_main_screen(app, pilot)
        hostile = next(a for a in main.articles.values() if "[bold]nothing[/]" in a.text)
        main.select_outlet(hostile.id)
        await pilot.pause()
        sentences = main.query_one("#sentences", PaneList)
        shown = "\n".join(sentences.render_line(y).text for y in range(sentences.size.height))
        assert "Officials said [bold]nothing[/] new" in shown
        assert "[link=https://example.com]the site[/link]" in shown
        # The importer drops escape sequences; whatever reaches the screen is plain text.
        assert "The minister said" in shown and "red alert" in shown
        assert "\x1b" not in shown
        title = str(main.query_one("#story-header").render())
        assert "Hostile text" in title


async def test_narrow_terminal_stacks_the_diff_under_the_article(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id, size=(80, 24)) as (app, pilot, main):
        assert main.has_class("-narrow")
        sources, article, diff = (
            main.query_one(f"#{n}").region for n in ("sources", "article", "diff")
        )
        for region in (sources, article, diff):
            assert region.width > 0 and region.height > 0
            assert region.right <= 80 and region.bottom <= 24
        assert diff.y >= article.bottom and diff.x == article.x
        assert sources.right <= article.x


def test_config_file_is_read_and_bad_files_are_one_line(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()
    (tmp_path / "config.toml").write_text(
        '[keymap]\n"view.matrix" = "M, ctrl+m"\n[settings]\ntheme = "nord"\nshow_removed = true\n'
    )
    config = load_config(tmp_path)
    assert config.keymap == {"view.matrix": "M,ctrl+m"}
    assert config.theme == "nord" and config.show_removed and not config.only_additions
    for text, problem in [
        ("[keymap\n", "not valid TOML"),
        ("[settings]\nshow_removed = 'yes'\n", "show_removed must be a bool"),
        ("[settings]\ncolour = 1\n", "colour is not a setting"),
        ("[keys]\n", "unknown table(s) keys"),
    ]:
        (tmp_path / "config.toml").write_text(text)
        with pytest.raises(ConfigError) as error:
            load_config(tmp_path)
        assert problem in str(error.value) and "\n" not in str(error.value)
        assert str(tmp_path / "config.toml") in str(error.value)


def test_run_app_reports_a_bad_library_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "library"
    home.mkdir()
    (home / "library.json").write_text("{not json")
    assert run_app(home, None) == 2
    err = capsys.readouterr().err
    assert err.startswith("crosswire: ") and err.count("\n") == 1


def test_run_app_reports_an_unknown_story_in_one_line(
    seeded: tuple[Library, str], capsys: pytest.CaptureFixture[str]
) -> None:
    library, _ = seeded
    assert run_app(library.home, "no such story about penguins") == 2
    assert "no story matches" in capsys.readouterr().err


async def test_a_shown_story_is_frozen_for_the_collector_until_another_opens(
    seeded: tuple[Library, str],
) -> None:
    """Full collections must not walk the open story's objects on every held key; opening a story
    lets the previous one be collected again."""
    import gc

    library, story_id = seeded
    gc.unfreeze()
    try:
        async with running_main(library, story_id) as (_app, pilot, main):
            await pilot.pause()
            assert gc.get_freeze_count() > 0
            main.open_story(story_id)
            assert gc.get_freeze_count() == 0
            await ready_main_screen(_app, pilot)
            await pilot.pause()
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_collector_waits_for_the_first_frame_and_runs_again_after_it(
    seeded: tuple[Library, str],
) -> None:
    """`CrosswireApp.run` (what `crosswire` runs) pauses the cyclic collector until the main
    screen's first frame is written, then resumes it; after the app it is on, as it was before."""
    import gc

    library, story_id = seeded
    app = CrosswireApp(library, story_id=story_id)
    collecting_at_frames: list[bool] = []
    collecting_when_ready: list[bool] = []
    write_frame = app._display

    def display(screen: object, renderable: object) -> None:
        write_frame(screen, renderable)  # type: ignore[arg-type]
        if renderable is not None:
            collecting_at_frames.append(gc.isenabled())

    async def look_then_quit(pilot: object) -> None:
        await ready_main_screen(app, pilot)  # type: ignore[arg-type]
        collecting_when_ready.append(gc.isenabled())
        app.exit()

    app._display = display  # type: ignore[method-assign]
    assert gc.isenabled()
    try:
        app.run(headless=True, size=(120, 36), auto_pilot=look_then_quit)
    finally:
        gc.enable()
        gc.unfreeze()
    assert collecting_at_frames[0] is False, "the first frame is written with the collector paused"
    assert collecting_when_ready == [True]
    assert gc.isenabled()


_MARKS_AT_START = """
import sys
from pathlib import Path
from tui.app import CrosswireApp
from tui.core.store.library import Library

library = Library(Path(sys.argv[1]))
app = CrosswireApp(library, story_id=sys.argv[2])

async def look(pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    marks = app.main_screen.annotation_marks.sentences
    loaded = "tui.core.notes.annotations" in sys.modules
    print("store loaded" if loaded else "store not loaded", len(marks))
    app.exit()

app.run(headless=True, size=(120, 36), auto_pilot=look)
"""


def test_the_annotation_store_is_loaded_at_start_only_when_the_library_has_annotations(
    seeded: tuple[Library, str],
) -> None:
    """A library without tags or notes opens its story without loading the annotation store
    (~6 ms of a start); once it has some, their marks show from the first frame. Real processes:
    what a module import costs can only be seen in a fresh interpreter."""
    import subprocess
    import sys

    from tui.core.notes.annotations import Annotations, Target

    library, story_id = seeded
    article = library.articles(story_id)[0]

    def start() -> str:
        done = subprocess.run(
            [sys.executable, "-c", _MARKS_AT_START, str(library.home), story_id],
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return done.stdout.strip()

    assert start() == "store not loaded 0"
    Annotations(library.home).add_tags(
        Target.sentence(story_id, article.id, 1),
        ["lede"],
        quote=article.sentences[1].text,
        outlet=article.outlet,
        story_title="t",
    )
    assert start() == "store loaded 1"


async def test_a_screenshot_goes_to_the_library_folder_when_there_is_no_downloads_folder(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    library, story_id = seeded
    monkeypatch.setattr(platformdirs, "user_downloads_dir", lambda: str(tmp_path / "missing"))
    async with running_main(library, story_id) as (app, pilot, _main):
        saved = app.save_screenshot_for_user()
        await pilot.pause()
        assert saved is not None and saved.parent == library.home and saved.is_file()
        assert saved.read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert not (tmp_path / "missing").exists()
