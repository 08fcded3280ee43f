"""`crosswire export`, `tag`, `note` and `notes` through the real dispatcher and a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_export import TITLE, build_story_library

from tui.cli.main import main
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NAME = "Japan-US-missile-deal-etc.md"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A library with one annotated story; the current folder is an empty `out` folder."""
    library_home = tmp_path / "lib"
    build_story_library(library_home)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    return library_home


def run(home: Path, *args: str) -> int:
    return main(["--library", str(home), *args])


def test_export_writes_a_sanitised_default_name_in_the_current_folder(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(home, "export") == 0
    written = Path.cwd() / DEFAULT_NAME
    assert written.read_text(encoding="utf-8").startswith("# Japan/US missile deal")
    assert str(written) in capsys.readouterr().err
    assert [p.name for p in Path.cwd().iterdir()] == [DEFAULT_NAME]


def test_export_refuses_to_overwrite_without_force(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path.cwd() / "memo.md"
    target.write_text("mine")
    assert run(home, "export", "-o", "memo.md") == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "already exists; use --force" in err and "memo.md" in err
    assert target.read_text() == "mine"
    assert run(home, "export", "-o", "memo.md", "--force") == 0
    assert target.read_text(encoding="utf-8").startswith("# Japan/US")


def test_export_to_stdout(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "export", "Japan missile", "--format", "csv", "--tag", "drift", "-o", "-") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    assert len(rows) == 2 and rows[1][8] == "drift"
    assert list(Path.cwd().iterdir()) == []


@pytest.mark.parametrize("where", ["no/such/folder/x.html", "."])
def test_export_to_a_bad_place_is_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    assert run(home, "export", "--format", "html", "-o", where) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("crosswire: ") and "Traceback" not in err


def test_export_names_the_story_or_uses_the_remembered_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = Library(home)
    other = library.create_story("Another story entirely")
    assert run(home, "export", "-o", "-") == 2
    assert "2 stories" in capsys.readouterr().err
    assert run(home, "export", "nothing like it", "-o", "-") == 2
    assert "no story matches" in capsys.readouterr().err
    library.set_state("last_story", other.id)
    assert run(home, "export", "-o", "-") == 0
    assert capsys.readouterr().out.startswith("# Another story entirely")


def test_export_tag_with_no_match_says_so(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "export", "--tag", "nonesuch", "-o", "-") == 0
    captured = capsys.readouterr()
    assert "No annotations with this tag." in captured.out
    assert "no annotation in this story is tagged 'nonesuch'" in captured.err


def test_export_in_a_real_process(home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home), "export", "-f", "html", "-o", "-"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in done.stdout


def test_tag_note_and_notes_commands(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # --sentence takes the number the app shows: 4 is the sentence of index 3.
    assert run(home, "tag", TITLE, "--article", "rewrite times", "--sentence", "4", "Weather") == 0
    assert capsys.readouterr().out.strip() == "Weather"
    monkeypatch.setattr(sys, "stdin", io.StringIO("From *stdin*\n"))
    assert run(home, "note", TITLE, "--article", "rewrite", "--sentence", "4", "-") == 0
    note_id = capsys.readouterr().out.strip()
    story_id = Library(home).find_story(TITLE).id
    target = Target.sentence(story_id, "rewrite", 3)
    annotations = Annotations(home)
    assert annotations.tags_for(target) == ("Weather",)
    (note,) = annotations.notes_for(target)
    assert (note.id, note.text, note.quote, note.outlet) == (
        note_id,
        "From *stdin*",
        "Weather in Tokyo was mild.",
        "Rewrite Times",
    )
    assert run(home, "notes", "--outlet", "Rewrite Times", "--json") == 0
    document = json.loads(capsys.readouterr().out)
    assert [a["quote"] for a in document["annotations"]] == ["Weather in Tokyo was mild."]
    assert run(home, "notes", "--search", "stdin") == 0
    assert "From *stdin*" in capsys.readouterr().out
    assert (
        run(home, "tag", TITLE, "--article", "rewrite", "--sentence", "4", "--remove", "weather")
        == 0
    )
    assert Annotations(home).tags_for(target) == ()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", "nobody"], "no article matching 'nobody'"),
        (["--article", "copy", "--sentence", "99"], "has no sentence 99: it has "),
        (["--article", "copy", "--sentence", "0"], "sentences are numbered from 1, not 0"),
        (["--sentence", "1"], "--sentence needs --article"),
    ],
)
def test_tag_bad_targets_are_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(home, "tag", TITLE, *args, "x") == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_tag_refuses_bad_tag(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(home, "tag", TITLE, "   ") == 1
    assert "a tag cannot be empty" in capsys.readouterr().err


def test_export_json_to_a_file(home: Path) -> None:
    assert run(home, "export", "--format", "json", "-o", "story.json") == 0
    document = json.loads((Path.cwd() / "story.json").read_text(encoding="utf-8"))
    assert document["schema"] == 1 and document["compare"]["schema"] == 3
    assert {a["status"] for a in document["annotations"]} == {"shared", "unique", "story"}
