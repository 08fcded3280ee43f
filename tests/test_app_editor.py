"""`A` hands the note to the user's editor ($VISUAL, else $EDITOR) and always gets the terminal
back.

The editors here are real programs run by a real subprocess: a shell script that writes the file,
a script whose interpreter does not exist (exec fails after the terminal was handed over), and a
name that is no program at all. The headless test driver cannot hand over a terminal, so it is
made to pretend it can, recording each suspend and resume: a suspend without its resume is the
blank, frozen screen a user saw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.drivers.headless_driver import HeadlessDriver

from tests.app_data import running_main
from tui.app import CrosswireApp
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library
from tui.screens.external_editor import EditorCommand, editor_command
from tui.screens.note_editor import NoteEditor


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The test driver claims it can suspend; returns the log of 'suspend'/'resume' calls."""
    calls: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda _self: True))
    monkeypatch.setattr(
        HeadlessDriver, "suspend_application_mode", lambda _self: calls.append("suspend")
    )
    monkeypatch.setattr(
        HeadlessDriver, "resume_application_mode", lambda _self: calls.append("resume")
    )
    return calls


def _script(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    path.chmod(0o755)
    return path


def _notes_shown(app: CrosswireApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def _with_a_note(library: Library, story_id: str, text: str) -> Target:
    article = library.articles(story_id)[0]
    target = Target.sentence(story_id, article.id, 0)
    Annotations(library.home).add_note(
        target, text, quote=article.sentences[0].text, outlet=article.outlet, story_title="story"
    )
    return target


async def test_an_editor_that_is_no_program_falls_back_to_the_app_with_the_note(
    seeded: tuple[Library, str], monkeypatch: pytest.MonkeyPatch, terminal: list[str]
) -> None:
    library, story_id = seeded
    _with_a_note(library, story_id, "a note written earlier")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "crosswire-no-such-editor --wait")
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l", "A")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor), "the in-app editor takes over"
        assert editor.text == "a note written earlier", "the existing note is loaded, not lost"
        assert any("crosswire-no-such-editor" in line for line in _notes_shown(app))
    assert terminal.count("suspend") == terminal.count("resume")


async def test_an_editor_that_fails_to_start_gives_the_terminal_back(
    seeded: tuple[Library, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    terminal: list[str],
) -> None:
    """The program exists but exec fails (its interpreter is missing) once the app is suspended:
    the app resumes before it says so."""
    library, story_id = seeded
    target = _with_a_note(library, story_id, "kept through the failure")
    broken = _script(tmp_path, "broken-editor", "#!/nonexistent/interpreter\n")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(broken))
    async with running_main(library, story_id) as (app, pilot, _main):
        await pilot.press("l", "A")
        await pilot.pause()
        assert terminal == ["suspend", "resume"], "the terminal is handed back"
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text == "kept through the failure"
        assert any("Cannot run $EDITOR" in line for line in _notes_shown(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor), "the app still takes keys"
    assert [n.text for n in Annotations(library.home).notes_for(target)] == [
        "kept through the failure"
    ]


async def test_VISUAL_is_used_before_EDITOR(
    seeded: tuple[Library, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    terminal: list[str],
) -> None:
    library, story_id = seeded
    visual = _script(tmp_path, "visual-editor", '#!/bin/sh\necho "from VISUAL" > "$1"\n')
    monkeypatch.setenv("VISUAL", str(visual))
    monkeypatch.setenv("EDITOR", "crosswire-no-such-editor")
    async with running_main(library, story_id) as (app, pilot, _main):
        article = library.articles(story_id)[0]
        await pilot.press("l", "A")
        await pilot.pause()
        assert "Note saved." in _notes_shown(app)
    target = Target.sentence(story_id, article.id, 0)
    assert [n.text for n in Annotations(library.home).notes_for(target)] == ["from VISUAL"]
    assert terminal == ["suspend", "resume"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"VISUAL": "sh -c", "EDITOR": "vi", "PATH": "/bin:/usr/bin"}, ("VISUAL", ("sh", "-c"))),
        ({"VISUAL": "  ", "EDITOR": "sh", "PATH": "/bin:/usr/bin"}, ("EDITOR", ("sh",))),
    ],
)
def test_editor_command_reads_VISUAL_then_EDITOR(
    environ: dict[str, str], expected: tuple[str, tuple[str, ...]]
) -> None:
    assert editor_command(environ) == EditorCommand(*expected)


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({}, "Neither $VISUAL nor $EDITOR is set"),
        ({"EDITOR": "no-such-program-xyz", "PATH": "/bin"}, "'no-such-program-xyz'"),
        ({"EDITOR": 'vi "unclosed', "PATH": "/bin"}, "cannot be read"),
    ],
)
def test_editor_command_says_why_there_is_none(environ: dict[str, str], says: str) -> None:
    problem = editor_command(environ)
    assert isinstance(problem, str) and says in problem
