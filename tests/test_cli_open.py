"""`crosswire open [STORY]` and plain `crosswire`: which story the app opens, and clean failures."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli
from tui.app import _story_to_open
from tui.core.store.library import Library
from tui.core.store.seeds import ensure_bundled_story


def test_open_unknown_story_is_one_line_and_exit_2(run_cli: RunCli) -> None:
    result = run_cli("open", "weather in paris")
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("crosswire: no story matches 'weather in paris'")
    )
    assert "Traceback" not in result.stderr


def test_open_corrupt_library_is_one_line(run_cli: RunCli, library_home: Path) -> None:
    library_home.mkdir()
    (library_home / "library.json").write_text("{not json", encoding="utf-8")
    result = run_cli("open")
    assert result.returncode == 2
    assert "library.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert (library_home / "library.json").read_text(encoding="utf-8") == "{not json"


def test_story_to_open_prefers_query_then_last_read(library_home: Path) -> None:
    library = Library(library_home)
    bundled = ensure_bundled_story(library)
    assert bundled is not None
    other = library.create_story("Flooding in Valencia")
    assert _story_to_open(library, "missiles drills") == bundled.id
    assert _story_to_open(library, other.id) == other.id
    library.set_state("last_story", bundled.id)
    assert _story_to_open(library, None) == bundled.id
    library.set_state("last_story", "gone-story")
    assert _story_to_open(library, None) == other.id
