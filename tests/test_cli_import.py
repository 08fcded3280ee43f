"""`crosswire import` and `crosswire stories`, run as real processes against a real library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, SEEDS_DIR, RunCli

SEED_TITLE = "Japan and US agree to expand cooperation on missiles, military drills"


def test_first_stories_run_adds_the_bundled_story(run_cli: RunCli, library_home: Path) -> None:
    first = run_cli("stories", "--json")
    assert first.returncode == 0, first.stderr
    document = json.loads(first.stdout)
    assert document["library"] == str(library_home)
    (story,) = document["stories"]
    assert set(story) == {"id", "title", "created_at", "articles", "outlets"}
    assert story["title"] == SEED_TITLE and story["articles"] == 5
    assert story["outlets"] == [
        "Ground News",
        "CRBC News",
        "Portugal Colonial",
        "TRT World",
        "SadaNews",
    ]
    assert "first run" in first.stderr

    second = run_cli("stories", "--json")
    assert json.loads(second.stdout)["stories"] == [story]
    assert second.stderr == ""


def test_stories_table_for_people(run_cli: RunCli) -> None:
    result = run_cli("stories")
    assert result.returncode == 0, result.stderr
    assert "Japan and US agree" in result.stdout and "SadaNews" in result.stdout


def test_import_prints_each_article_with_its_counts(run_cli: RunCli) -> None:
    result = run_cli("import", SEEDS_DIR)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    trt = next(line for line in lines if line.startswith("TRT World"))
    assert "sentences kept" in trt and "lines removed" in trt
    assert sum(1 for line in lines if "sentences kept" in line) == 5
    assert f"5 new articles in story {SEED_TITLE}" in result.stdout

    again = run_cli("import", SEEDS_DIR)
    assert again.returncode == 0  # files already there count as used
    assert again.stdout.count("skipped") == 5
    assert f"0 new articles, 5 already there in story {SEED_TITLE}" in again.stdout


def test_import_with_only_bad_paths_exits_1_with_one_line_each(
    run_cli: RunCli, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("import", tmp_path / "missing.txt", empty)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'missing.txt'}: no such file or folder",
        f"{empty}: empty file (0 bytes)",
    ]
    assert result.stdout == ""


def test_import_with_some_bad_paths_still_imports_the_rest(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(
        "import",
        tmp_path / "missing.txt",
        SEEDS_DIR / "003_d7bb37f40b9910b9.txt",
        "--story",
        "Mine",
        "--outlet",
        "Somebody",
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Somebody  ")
    assert result.stderr.strip() == f"{tmp_path / 'missing.txt'}: no such file or folder"


def test_library_option_overrides_crosswire_home(run_cli: RunCli, tmp_path: Path) -> None:
    other = tmp_path / "other-library"
    result = run_cli("--library", other, "import", SEEDS_DIR / "004_5b5dc9eb8f601fe5.txt")
    assert result.returncode == 0, result.stderr
    assert (other / "library.json").is_file()


def test_corrupt_library_is_one_line_and_exit_2(run_cli: RunCli, library_home: Path) -> None:
    library_home.mkdir()
    (library_home / "library.json").write_text('{"_meta": {"1": ')
    result = run_cli("stories", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("crosswire: ") and "library.json" in line and "not valid JSON" in line


def test_library_path_that_is_a_file_is_one_line_and_exit_2(
    run_cli: RunCli, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("--library", blocker, "stories")
    assert result.returncode == 2
    assert result.stderr.strip() == f"crosswire: {blocker}: is a file, not a library folder"


def test_stories_json_loads_neither_rich_nor_textual(library_home: Path) -> None:
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        "status = main(['stories', '--json'])\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'textual'})\n"
        "print(loaded, file=sys.stderr)\n"
        "raise SystemExit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "CROSSWIRE_HOME": str(library_home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "[]"


def test_story_names_one_story_exactly_or_makes_a_new_one(
    run_cli: RunCli, library_home: Path, tmp_path: Path
) -> None:
    """`--story synth510` is not `synth51` (a close title is another story), a title that names
    several stories lists them and imports nothing, and a title's own words add to it."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said the bridge will reopen in March.\n")
    (folder / "b.txt").write_text("The council voted to rebuild the old harbour wall.\n")
    assert run_cli("import", folder / "a.txt", "--story", "synth51").returncode == 0
    assert run_cli("import", folder / "b.txt", "--story", "synth510").returncode == 0
    stories = {s["title"]: s for s in json.loads(run_cli("stories", "--json").stdout)["stories"]}
    assert {"synth51", "synth510"} <= set(stories)
    assert run_cli("import", folder / "b.txt", "--story", "harbour news").returncode == 0
    assert run_cli("import", folder / "a.txt", "--story", "harbour news today").returncode == 0
    before = run_cli("stories", "--json").stdout
    refused = run_cli("import", folder / "b.txt", "--story", "harbour")
    assert refused.returncode != 0
    assert "matches 2 stories" in refused.stderr and "harbour news today" in refused.stderr
    assert run_cli("stories", "--json").stdout == before, "nothing imported"
    added = run_cli("import", folder / "a.txt", "--story", "synth510")
    assert added.returncode == 0
    after = {s["title"]: s for s in json.loads(run_cli("stories", "--json").stdout)["stories"]}
    assert after["synth510"]["articles"] == 2
