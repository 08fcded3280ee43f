"""Valid JSON of the wrong shape in a store file is refused on read, in one line naming the file
and the field, by every command and by the app; `import` never adds to such a file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO_ROOT
from tui.cli.main import main as cli_main
from tui.core.store.library import Library, LibraryError
from tui.core.store.schema import ShapeError

Doc = dict[str, Any]


def _first_story(doc: Doc) -> Doc:
    story: Doc = next(iter(doc["stories"].values()))
    return story


def _first_body(doc: Doc) -> Doc:
    body: Doc = next(iter(doc["bodies"].values()))
    return body


# (file, change, words the message must hold)
CASES: list[tuple[str, Callable[[Doc], object], str]] = [
    ("library.json", lambda d: _first_story(d).pop("title"), "has no 'title'"),
    ("library.json", lambda d: _first_story(d).update(title=42), "'title' is a whole number"),
    ("library.json", lambda d: _first_story(d).update(articles="none"), "'articles' is text"),
    (
        "library.json",
        lambda d: _first_story(d)["articles"][1].update(url=["x"]),
        "article 1: 'url' is a list",
    ),
    ("library.json", lambda d: d["stories"].update({"9": "a story"}), "story 9: is text"),
    ("library.json", lambda d: d.update(stories=[1, 2]), "table 'stories'"),
    ("body", lambda d: _first_body(d).update(sentences="Some text."), "'sentences' is text"),
    (
        "body",
        lambda d: _first_body(d)["sentences"][2].__setitem__(0, "2"),
        "sentence 2: value 0 is text",
    ),
    ("body", lambda d: _first_body(d)["removed"].append([1, 2]), "is not a list of 3 values"),
    ("body", lambda d: _first_body(d).update(raw=None), "'raw' is null"),
    ("state.json", lambda d: d.update(state={"1": "dark"}), "state 1: is text"),
]
IDS = [
    "no-title",
    "title-number",
    "articles-string",
    "url-list",
    "story-string",
    "stories-list",
    "sentences-string",
    "sentence-index-string",
    "removed-short",
    "raw-null",
    "state-string",
]


def _damage(library: Library, story_id: str, name: str, change: Callable[[Doc], object]) -> Path:
    if name == "state.json":
        library.set_state("theme", "nord")
    path = library.home / ("articles" / Path(f"{story_id}.json") if name == "body" else Path(name))
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "change", "words"), CASES, ids=IDS)
def test_a_wrongly_shaped_file_is_one_line_naming_file_and_field(
    seeded: tuple[Library, str],
    name: str,
    change: Callable[[Doc], object],
    words: str,
    capsys: pytest.CaptureFixture[str],
    seed_paths: list[Path],
    tmp_path: Path,
) -> None:
    library, story_id = seeded
    path = _damage(library, story_id, name, change)
    damaged = path.read_bytes()
    home = str(library.home)
    for command in (["stories"], ["compare", story_id], ["export", story_id, "--format", "md"]):
        status = cli_main(
            ["--library", home, *command, *(["-o", "-"] if "export" in command else [])]
        )
        out, err = capsys.readouterr()
        if name == "body" and command == ["stories"]:
            assert status == 0, "listing stories does not open the bodies"
            continue
        assert status == 2, (command, out, err)
        (line,) = err.strip().splitlines()
        assert str(path) in line and words in line, line
        assert "doctor --repair" in line
    loose = tmp_path / "new.txt"
    loose.write_text(seed_paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    status = cli_main(["--library", home, "import", str(loose), "--story", story_id])
    capsys.readouterr()
    if name != "body" or status == 2:
        assert path.read_bytes() == damaged, "import never writes into a damaged file"


def test_a_library_of_the_right_shape_reads_as_before(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    again = Library(library.home)
    assert again.articles(story_id) == library.articles(story_id)


def test_import_into_a_story_whose_bodies_file_is_damaged_changes_neither_file(
    seeded: tuple[Library, str], seed_paths: list[Path], tmp_path: Path
) -> None:
    library, story_id = seeded
    body = _damage(library, story_id, "body", lambda d: _first_body(d).update(sentences="x"))
    index = library.home / "library.json"
    before = (body.read_bytes(), index.read_bytes())
    loose = tmp_path / "another.txt"
    loose.write_text(seed_paths[1].read_text(encoding="utf-8") + "\nOne more line.\n")
    with pytest.raises(ShapeError):
        from tui.core.store.importer import import_paths

        report = import_paths(Library(library.home), [loose], story=story_id)
        raise LibraryError("; ".join(report.problems))
    assert (body.read_bytes(), index.read_bytes()) == before


def test_a_real_process_says_it_in_one_line_without_a_traceback(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    path = _damage(library, story_id, "body", lambda d: _first_body(d).update(sentences="x"))
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(library.home), "compare", "--json"],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert str(path) in line and "'sentences' is text" in line


async def test_the_app_shows_the_line_instead_of_staying_on_aligning(
    seeded: tuple[Library, str],
) -> None:
    from tui.app import CrosswireApp

    library, story_id = seeded
    path = _damage(library, story_id, "body", lambda d: _first_body(d).update(sentences="x"))
    app = CrosswireApp(Library(library.home), story_id=story_id)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app._notifications:
                break
        messages = [str(n.message) for n in app._notifications]
        (line,) = [m for m in messages if str(path) in m]
        assert "'sentences' is text" in line and "doctor --repair" in line
        assert line.startswith("Cannot open the story: /"), "the line itself, not an exception name"
        assert not app.screen.query_one("#panes").loading
