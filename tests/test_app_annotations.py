"""Tags, notes, the Notes view, exports and quoting, driven key by key on a real library in tmp.

Every write is checked by reading `annotations.json` again with a fresh `Annotations`, the way a
second process (or the next run) would see it.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.message import Message
from textual.widgets import Input, OptionList, Select, Static, TextArea

from tests.app_data import (
    hostile_library,
    messages_of,
    ready_main_screen,
    running_main,
    seeded_library,
)
from tui.app import CrosswireApp
from tui.core.models import SentenceRef
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library
from tui.messages import AnnotationsChanged, OpenAnnotation
from tui.screens.confirm import ConfirmScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.main import MainScreen
from tui.screens.matrix import CoverageMatrixScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.notes_view import NotesScreen
from tui.screens.side_by_side import SideBySideScreen
from tui.screens.tag_prompt import TagPrompt
from tui.widgets import PaneList
from tui.widgets.annotation_marks import NOTE_MARK, TAG_MARK


def _on_disk(library: Library) -> Annotations:
    """A fresh reader of the annotations file, as the next run would open it."""
    return Annotations(library.home)


def _notes_shown(app: CrosswireApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def _sentence_mark(main: MainScreen, index: int) -> str:
    """The annotation mark drawn beside a sentence in Article ('' when none)."""
    prompt = main.query_one("#sentences", PaneList).get_option(f"s{index}").prompt
    note = getattr(prompt, "note", None)  # a GutterRow draws the mark apart from the text
    if note is not None:
        return str(note.plain).strip()
    text = str(getattr(prompt, "plain", prompt))
    return text[0] if text[:1] in (TAG_MARK, NOTE_MARK) else ""


def _outlet_row(main: MainScreen, article_id: str) -> str:
    option = main.query_one("#outlets", PaneList).get_option(article_id)
    return str(option.prompt.plain) if hasattr(option.prompt, "plain") else str(option.prompt)


async def test_t_tags_the_focused_sentence_it_is_stored_and_marked_everywhere(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    messages: list[Message] = []
    async with running_main(library, story_id, messages=messages) as (app, pilot, main):
        article = library.articles(story_id)[0]
        await pilot.press("l", "j")
        assert main.cursor == SentenceRef(article.id, 1)
        assert _sentence_mark(main, 1) == ""
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagPrompt)
        await pilot.press(*"wire copy, Japan", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        target = Target.sentence(story_id, article.id, 1)
        assert _on_disk(library).tags_for(target) == ("wire copy", "Japan")
        assert _on_disk(library).get(target).quote == article.sentences[1].text  # type: ignore[union-attr]
        assert [m.story_id for m in messages_of(messages, AnnotationsChanged)] == [story_id]
        assert _sentence_mark(main, 1) == TAG_MARK
        assert _sentence_mark(main, 0) == ""
        assert f"{TAG_MARK}1" in _outlet_row(main, article.id), "Sources counts tags with #"

        await pilot.press("s")
        await pilot.pause()
        side = app.screen
        assert isinstance(side, SideBySideScreen)
        options = side.query_one("#pair-rows", OptionList).options
        marked = [
            i
            for i, row in enumerate(side.rows)
            if row.left is not None and row.left.ref == SentenceRef(article.id, 1)
        ]
        assert marked and options[marked[0]].prompt.left.plain.startswith(TAG_MARK)  # type: ignore[union-attr]
        await pilot.press("q")
        await pilot.press("m")
        await pilot.pause()
        matrix = app.screen
        assert isinstance(matrix, CoverageMatrixScreen)
        table = matrix.query_one("#matrix-table")
        cells = [
            str(table.get_row_at(i)[2])  # type: ignore[attr-defined]
            for i, row in enumerate(matrix.shown)
            if SentenceRef(article.id, 1) in row.refs
        ]
        assert cells and cells[0].startswith(TAG_MARK)


async def test_tags_complete_from_the_library_and_can_be_removed_two_ways(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    article = library.articles(story_id)[0]
    target = Target.sentence(story_id, article.id, 0)
    store = Annotations(library.home)
    store.add_tags(
        target, ["Japan", "wire copy"], quote="q", outlet=article.outlet, story_title="t"
    )
    store.add_tags(Target.story(story_id), ["wire copy"], quote="t", outlet=None, story_title="t")
    async with running_main(library, story_id) as (app, pilot, main):
        assert _sentence_mark(main, 0) == TAG_MARK, "marks are read at story load"
        await pilot.press("l", "t")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TagPrompt)
        shown = prompt.query_one("#tag-list", OptionList)
        assert [shown.get_option_at_index(i).id for i in range(shown.option_count)] == [
            "Japan",
            "wire copy",
        ]
        tag_input = prompt.query_one("#tag-input", Input)
        await pilot.press(*"-japan, WIR")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("right")
        assert tag_input.value == "-japan, WIRe copy", "completes the last tag from the library"
        await pilot.press("enter")
        await pilot.pause()
        assert _on_disk(library).tags_for(target) == ("wire copy",), "-japan removed it"

        await pilot.press("t")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TagPrompt)
        await pilot.press("tab")
        assert prompt.focused is prompt.query_one("#tag-list")
        await pilot.press("delete")
        await pilot.pause()
        assert _on_disk(library).tags_for(target) == ()
        assert prompt.tags == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert _sentence_mark(main, 0) == "", "the mark goes with the last tag"


async def test_t_in_sources_tags_the_article_and_the_palette_tags_the_story(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("j")
        article_id = main.cursor.article_id  # type: ignore[union-attr]
        await pilot.press("t", *"origin", "enter")
        await pilot.pause()
        assert _on_disk(library).tags_for(Target.article(story_id, article_id)) == ("origin",)

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tag: story")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TagPrompt)
        await pilot.press(*"defence", "enter")
        await pilot.pause()
        assert _on_disk(library).tags_for(Target.story(story_id)) == ("defence",)


async def test_a_writes_a_note_ctrl_s_saves_and_escape_asks_before_discarding(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        article = library.articles(story_id)[0]
        await pilot.press("l", "j", "j", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press(*"AFP says [bold]Tuesday[/]", "enter", *"check")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        target = Target.sentence(story_id, article.id, 2)
        notes = _on_disk(library).notes_for(target)
        assert [n.text for n in notes] == ["AFP says [bold]Tuesday[/]\ncheck"]
        assert _sentence_mark(main, 2) == NOTE_MARK

        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one("#note-list", OptionList).display, "the item's notes are listed"
        assert editor.text == "", "a starts a new note"
        await pilot.press(*"second thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is editor and editor.text == "second thought"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(_on_disk(library).notes_for(target)) == 1


async def test_a_failed_note_write_keeps_the_editor_open_with_the_text(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        await pilot.press(" ", "ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        assert "empty" in str(editor.query_one("#note-error", Static).render())

        (library.home / "annotations.json").write_text("{ torn", encoding="utf-8")
        editor.query_one("#note-text", TextArea).load_text("a note worth keeping")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor, "the editor stays open"
        assert editor.text == "a note worth keeping"
        assert "Not saved" in str(editor.query_one("#note-error", Static).render())


async def test_A_edits_the_note_in_EDITOR_and_falls_back_when_unset(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = seeded
    script = tmp_path / "fake-editor"
    script.write_text(
        '#!/bin/sh\nprintf "%s\\n" "written in the editor" "second line" >> "$1"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    async with running_main(library, story_id) as (app, pilot, main):
        article = library.articles(story_id)[0]
        await pilot.press("l", "A")
        await pilot.pause()
        target = Target.sentence(story_id, article.id, 0)
        assert [n.text for n in _on_disk(library).notes_for(target)] == [
            "written in the editor\nsecond line"
        ]
        assert _sentence_mark(main, 0) == NOTE_MARK
        await pilot.press("A")
        await pilot.pause()
        notes = _on_disk(library).notes_for(target)
        assert len(notes) == 1, "A edits the latest note rather than adding one"
        assert notes[0].text.count("written in the editor") == 2

        monkeypatch.delenv("EDITOR")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert any("Neither $VISUAL nor $EDITOR is set" in text for text in _notes_shown(app))


async def test_A_keeps_the_text_when_the_editor_fails(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = seeded
    script = tmp_path / "failing-editor"
    script.write_text('#!/bin/sh\necho "half a thought" > "$1"\nexit 3\n', encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l", "A")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text.strip() == "half a thought"
        assert editor.dirty, "closing would ask before dropping it"
        assert _on_disk(library).items() == []


async def test_notes_view_filters_and_enter_opens_the_sentence_in_its_story(
    tmp_path: Path,
) -> None:
    home = tmp_path / "library"
    library, seeded_story = seeded_library(home)
    _, hostile_story = hostile_library(home, tmp_path / "hostile")
    store = Annotations(home)
    seed_article = library.articles(seeded_story.id)[1]
    store.add_tags(
        Target.sentence(seeded_story.id, seed_article.id, 3),
        ["numbers"],
        quote=seed_article.sentences[3].text,
        outlet=seed_article.outlet,
        story_title=seeded_story.title,
    )
    hostile_article = library.articles(hostile_story.id)[1]
    hostile_target = Target.sentence(hostile_story.id, hostile_article.id, 2)
    store.add_note(
        hostile_target,
        "[bold]markup-looking[/] note about Geneva",
        quote=hostile_article.sentences[2].text,
        outlet=hostile_article.outlet,
        story_title=hostile_story.title,
    )
    store.add_tags(
        hostile_target,
        ["numbers"],
        quote=hostile_article.sentences[2].text,
        outlet=hostile_article.outlet,
        story_title=hostile_story.title,
    )
    messages: list[Message] = []
    app = CrosswireApp(library, story_id=seeded_story.id)
    async with app.run_test(size=(120, 36), message_hook=messages.append) as pilot:
        main = await ready_main_screen(app, pilot)
        await pilot.press("T")
        await pilot.pause()
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        assert len(notes.shown) == 2
        rows = notes.query_one("#notes-list", OptionList)
        assert "[bold]markup-looking[/]" in str(rows.get_option("0").prompt.plain)  # type: ignore[union-attr]

        await pilot.press(*"tag:numbers story:hostile")  # the filter has the focus
        await pilot.pause()
        assert [item.target for item in notes.shown] == [hostile_target]
        await pilot.press("ctrl+a", "ctrl+k", *f'outlet:"{seed_article.outlet}"')
        await pilot.pause()
        assert [item.outlet for item in notes.shown] == [seed_article.outlet]
        await pilot.press("ctrl+a", "ctrl+k", *"note abot geneva")
        await pilot.pause()
        assert [item.target for item in notes.shown] == [hostile_target], "fuzzy search"

        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [m.target for m in messages_of(messages, OpenAnnotation)] == [hostile_target]
        assert isinstance(app.screen, MainScreen)
        assert main.story is not None and main.story.id == hostile_story.id
        assert main.cursor == hostile_target.ref
        assert _sentence_mark(main, 2) == NOTE_MARK


def tag_the_first_sentence(library: Library, story_id: str, tag: str) -> None:
    """Tag the first sentence of the story's first article, as the app would."""
    article = library.articles(story_id)[0]
    Annotations(library.home).add_tags(
        Target.sentence(story_id, article.id, 0),
        [tag],
        quote=article.sentences[0].text,
        outlet=article.outlet,
        story_title=library.get_story(story_id).title,
    )


async def test_e_exports_overwrites_only_after_yes_and_names_a_bad_folder(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, story_id = seeded
    tag_the_first_sentence(library, story_id, "lede")
    out = tmp_path / "home"
    (out / "Documents").mkdir(parents=True)
    out = out / "Documents"
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)  # started from a source checkout: exports must not land here
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one("#export-path", Input)
        assert Path(path_input.value).parent == out, "the documents folder, not the cwd"
        assert path_input.value.endswith(".md")
        dialog.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        assert path_input.value.endswith(".json"), "the suggested name follows the format"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = Path(path_input.value)
        assert isinstance(app.screen, MainScreen)
        assert '"lede"' in written.read_text(encoding="utf-8")
        assert any(str(written) in text for text in _notes_shown(app))

        written.write_text("old", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog and written.read_text(encoding="utf-8") == "old"
        await pilot.press("ctrl+s", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert written.read_text(encoding="utf-8").startswith("{")

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path", Input).value = str(tmp_path / "missing" / "x.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = str(dialog.query_one("#export-error", Static).render())
        assert error == f"{tmp_path / 'missing'}: no such folder"
        assert not (tmp_path / "missing").exists()


async def test_export_format_follows_the_file_name_and_is_remembered(
    seeded: tuple[Library, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'japan.html' exports HTML (never Markdown into an .html file), a typed name takes the
    extension of the format chosen after it, a space typed in the path box does not erase it
    (nothing is selected on focus, and the dialog opens on the format), and the next export
    starts with the format used last."""
    library, story_id = seeded
    tag_the_first_sentence(library, story_id, "lede")
    monkeypatch.setenv("HOME", str(tmp_path))
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert isinstance(app.focused, Select), "the dialog opens on the format"
        path_input = dialog.query_one("#export-path", Input)
        path_input.focus()
        await pilot.pause()
        await pilot.press("space")
        assert path_input.value.endswith(".md "), "a space is typed, the path is kept"
        path_input.value = str(tmp_path / "japan.html")
        await pilot.pause()
        assert dialog.fmt == "html"
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert path_input.value == str(tmp_path / "japan.csv")
        path_input.value = str(tmp_path / "japan.html")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "japan.html").read_text(encoding="utf-8").lstrip().startswith("<!")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.fmt == "html", "the last format is remembered"
        assert dialog.query_one("#export-path", Input).value.endswith(".html")


async def test_y_copies_the_sentence_as_a_citation(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await pilot.press("j", "l", "j", "y")
        await pilot.pause()
        article = library.articles(story_id)[1]
        assert main.cursor is not None and main.cursor.article_id == article.id
        title = library.get_story(story_id).title
        sentence = article.sentences[main.cursor.index].text
        expected = f"“{sentence}” — {article.outlet}, {article.url} (story: “{title}”)"
        assert app.clipboard == expected


async def test_annotating_hostile_text_shows_it_as_data(tmp_path: Path) -> None:
    library, story = hostile_library(tmp_path / "library", tmp_path / "src")
    app = CrosswireApp(library, story_id=story.id)
    async with app.run_test(size=(120, 36)) as pilot:
        main = await ready_main_screen(app, pilot)
        await pilot.press("j")
        article = library.articles(story.id)[1]
        assert main.cursor is not None and main.cursor.article_id == article.id
        index = next(i for i, s in enumerate(article.sentences) if "[bold]nothing" in s.text)
        article_id = article.id
        await pilot.press("l", "g", *(["j"] * index), "t")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TagPrompt)
        assert "[bold]nothing[/]" in str(prompt.query_one("#tag-quote", Static).render())
        await pilot.press(*"[red]x[/]", "enter")
        await pilot.pause()
        target = Target.sentence(story.id, article_id, index)
        assert _on_disk(library).tags_for(target) == ("[red]x[/]",)
        await pilot.press("y")
        assert "[bold]nothing[/]" in app.clipboard


def test_annotation_keys_have_ids_tooltips_and_do_not_clash() -> None:
    from tui.keys.registry import ANNOTATION_BINDINGS, APP_BINDINGS, MAIN_BINDINGS, binding_ids

    ids = {b.id for b in ANNOTATION_BINDINGS}
    assert ids <= binding_ids()
    assert all(b.tooltip and b.description for b in ANNOTATION_BINDINGS)
    taken = {key for b in [*MAIN_BINDINGS, *APP_BINDINGS] for key in b.key.split(",")}
    ours = [key for b in ANNOTATION_BINDINGS for key in b.key.split(",")]
    assert not taken & set(ours) and len(ours) == len(set(ours))
