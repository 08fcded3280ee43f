"""What the CLI prints about names and counts, run as real processes against a real library.

Names (story titles, outlets, URLs, tags, notes) come from files, manifests and flags; none may
send an escape sequence or control character to the terminal, even from a library written before
the importer cleaned them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import orjson
import pytest

from tests.conftest import RunCli

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WIRE = (
    "Red panda escapes from Lindenfeld Zoo\n"
    "A red panda named Kiri escaped from Lindenfeld Zoo on Tuesday, the zoo said.\n"
    "Keepers found her two days later in a private garden near the zoo.\n"
)


def _assert_safe(*outputs: str) -> None:
    for output in outputs:
        assert not UNSAFE.search(output), repr(UNSAFE.findall(output))


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "s4"
    folder.mkdir()
    (folder / "upd.txt").write_text(WIRE, encoding="utf-8")
    (folder / "plain.txt").write_text(WIRE.replace("Tuesday", "Monday"), encoding="utf-8")
    manifest = {
        "story": "Manifest \u001b]0;PWNED\u0007 story [bold]x[/bold]",
        "files": {
            "upd.txt": {"outlet": "Evil \u001b[41mOutlet", "url": "http://e.example/\u001b[2J"},
            "plain.txt": {"outlet": "[blink]Plain[/blink]"},
        },
    }
    (folder / "manifest.json").write_bytes(orjson.dumps(manifest))
    return folder


def test_escapes_in_manifest_names_never_reach_the_terminal(
    run_cli: RunCli, tmp_path: Path
) -> None:
    folder = _hostile_folder(tmp_path)
    first = run_cli("import", folder)
    again = run_cli("import", folder)
    stories = run_cli("stories")
    compare = run_cli("compare", "Manifest story")
    for result in (first, again, stories, compare):
        assert result.returncode == 0, result.stderr
        _assert_safe(result.stdout, result.stderr)
    assert "Evil Outlet" in first.stdout and "[blink]Plain[/blink]" in first.stdout
    assert "Manifest story [bold]x[/bold]" in stories.stdout  # markup printed literally
    document = json.loads(run_cli("stories", "--json").stdout)
    (story,) = document["stories"]
    assert story["title"] == "Manifest story [bold]x[/bold]"
    assert sorted(story["outlets"]) == ["Evil Outlet", "[blink]Plain[/blink]"]


def test_escapes_in_flags_never_reach_the_terminal(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "f.txt"
    page.write_text(WIRE, encoding="utf-8")
    result = run_cli("import", page, "--outlet", "Esc\x1b[31mRed", "--story", "My\x1b[2J story")
    assert result.returncode == 0, result.stderr
    _assert_safe(result.stdout, result.stderr)
    assert result.stdout.startswith("EscRed  ")
    assert "in story My story (" in result.stdout


def test_a_library_written_before_names_were_cleaned_still_prints_safely(
    run_cli: RunCli, library_home: Path, tmp_path: Path
) -> None:
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    assert run_cli("import", page, "--outlet", "Wire", "--story", "Zoo").returncode == 0
    # What an older crosswire stored: the raw names, escapes and all.
    index_path = library_home / "library.json"
    index = orjson.loads(index_path.read_bytes())
    (doc,) = index["stories"].values()
    doc["title"] = "Zoo \x1b]0;PWNED\x07story\u202e"
    doc["articles"][0]["outlet"] = "Wire\x1b[41m"
    index_path.write_bytes(orjson.dumps(index))
    story_id = doc["id"]
    note = run_cli("note", story_id, "--article", "wire", "a note\x1b[2J\nsecond line")
    assert note.returncode == 0, note.stderr
    results = [
        run_cli("stories"),
        run_cli("compare", story_id),
        run_cli("notes"),
        run_cli("import", page, "--outlet", "Wire\x1b[41m", "--story", story_id),
        run_cli("tag", story_id, "--article", "nobody", "x"),  # an error naming the story
    ]
    for result in results:
        _assert_safe(result.stdout, result.stderr)
    assert "Zoo story" in results[0].stdout and "Wire" in results[1].stdout
    assert "a note\n    second line" in results[2].stdout
    assert "skipped, already in story 'Zoo story" in results[3].stdout
    assert results[4].returncode == 2 and "in story 'Zoo story" in results[4].stderr


def test_counts_take_the_right_number(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "short.txt"
    page.write_text("Officials said on Friday that the port would reopen.\nAdvertisement\n")
    result = run_cli("import", page, "--outlet", "Port Post")
    assert result.returncode == 0, result.stderr
    assert "Port Post  1 sentence kept, 1 line removed" in result.stdout
    assert "1 new article in story" in result.stdout
    compare = run_cli("compare")
    assert "1 article, 1 cluster." in compare.stdout


def test_verbatim_copies_from_different_outlets_are_all_imported(
    run_cli: RunCli, tmp_path: Path
) -> None:
    folder = tmp_path / "zoo"
    folder.mkdir()
    for name in ("one.txt", "two.txt", "three.txt"):
        (folder / name).write_text(WIRE, encoding="utf-8")
    result = run_cli("import", folder)
    assert result.returncode == 0, result.stderr
    assert "3 new articles in story" in result.stdout and "skipped" not in result.stdout
    again = run_cli("import", folder)
    assert again.returncode == 0  # everything already there: nothing to do is not a failure
    assert again.stdout.count("skipped, already in story") == 3
    assert "0 new articles, 3 already there in story" in again.stdout


def test_an_edited_copy_from_another_folder_says_it_replaced_the_outlets_article(
    run_cli: RunCli, tmp_path: Path
) -> None:
    first, second = tmp_path / "story", tmp_path / "story_b"
    for folder, day in ((first, "Tuesday"), (second, "Wednesday")):
        folder.mkdir()
        (folder / "daily_herald.txt").write_text(WIRE.replace("Tuesday", day), encoding="utf-8")
    (first / "city_news.txt").write_text(WIRE.replace("Kiri", "Kira"), encoding="utf-8")
    assert run_cli("import", first).returncode == 0
    result = run_cli("import", second / "daily_herald.txt", "--story", "panda")
    assert result.returncode == 0, result.stderr
    (line, summary) = result.stdout.splitlines()
    assert line.startswith("daily_herald  ")
    assert line.endswith(
        f"(replaced this outlet's daily_herald.txt from {first.resolve()}; earlier text kept: "
        "crosswire versions)"
    )
    assert summary.startswith("0 new articles, 1 replaced in story") and "2 in all" in summary
    outlets = json.loads(run_cli("stories", "--json").stdout)["stories"][0]["outlets"]
    assert sorted(outlets) == ["city_news", "daily_herald"]


@pytest.mark.parametrize("length", [4, 6, 8])
def test_compare_finds_a_story_by_the_start_of_its_id(
    run_cli: RunCli, tmp_path: Path, length: int
) -> None:
    page = tmp_path / "wire.txt"
    page.write_text(WIRE, encoding="utf-8")
    run_cli("import", page, "--story", "Zoo")
    story_id = json.loads(run_cli("stories", "--json").stdout)["stories"][0]["id"]
    result = run_cli("compare", story_id[:length])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Zoo\n")


def test_library_may_come_before_or_after_the_command(run_cli: RunCli, tmp_path: Path) -> None:
    """`--library DIR` names the library wherever it stands; after the command it wins."""
    other = tmp_path / "other"
    before = run_cli("--library", other, "stories", "--json")
    after = run_cli("stories", "--json", "--library", other)
    assert before.returncode == after.returncode == 0, (before.stderr, after.stderr)
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert (other / "library.json").is_file()
    both = run_cli("--library", tmp_path / "ignored", "stories", "--library", other)
    assert both.returncode == 0 and not (tmp_path / "ignored").exists()
