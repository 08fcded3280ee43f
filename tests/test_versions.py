"""Importing a changed copy of an article: one article with versions, never a second article;
and comparing its versions word by word (`crosswire versions`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tui.core.store.importer import import_paths
from tui.core.store.library import Library
from tui.core.store.versions import versions_of
from tui.core.stories.version_changes import text_changes

FIGHT = REPO_ROOT / "tests" / "fixtures" / "grouping" / "usyk-fury-2024-05"
REUTERS = "00_dailymail_co_uk_reuters.txt"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "fight"
    shutil.copytree(FIGHT, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_changed_file_becomes_a_new_version(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    library = Library(tmp_path / "library")
    (story_id,) = import_paths(library, [folder]).story_ids
    before = {a.outlet: a for a in library.articles(story_id)}
    _edit(folder / REUTERS, "razor-thin split decision", "narrow split decision")
    report = import_paths(library, [folder])
    assert [i.action for i in report.imported] == ["replaced"]
    after = {a.outlet: a for a in library.articles(story_id)}
    assert after.keys() == before.keys()
    article = after["dailymail.co.uk (Reuters)"]
    assert "narrow split decision" in article.text
    (earlier,) = versions_of(library, article.id)
    assert earlier.text == before["dailymail.co.uk (Reuters)"].text
    assert "razor-thin" in earlier.raw


def test_the_same_url_or_near_identical_text_of_an_outlet_is_one_article(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    library = Library(tmp_path / "library")
    (story_id,) = import_paths(library, [folder]).story_ids
    count = len(library.get_story(story_id).article_ids)
    # The same page saved again under another name, edited: same outlet, same URL.
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(folder / REUTERS, again / "reuters-later.txt")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["files"][REUTERS]
    (again / "manifest.json").write_text(
        json.dumps({"story": manifest["story"], "files": {"reuters-later.txt": entry}}),
        encoding="utf-8",
    )
    _edit(again / "reuters-later.txt", "thrilling contest", "thrilling fight")
    report = import_paths(library, [again])
    assert [i.action for i in report.imported] == ["replaced"]
    # Near-identical text from the same outlet, no URL, another file name: a version too.
    third = tmp_path / "third"
    third.mkdir()
    shutil.copy(again / "reuters-later.txt", third / "copy.txt")
    _edit(third / "copy.txt", "Sunday morning", "Sunday")
    report = import_paths(
        library, [third / "copy.txt"], story=story_id, outlet="dailymail.co.uk (Reuters)"
    )
    assert [i.action for i in report.imported] == ["replaced"]
    assert len(library.get_story(story_id).article_ids) == count
    article = next(a for a in library.articles(story_id) if a.outlet.startswith("dailymail"))
    assert len(versions_of(library, article.id)) == 2
    # The very same text once more: skipped, no version added.
    report = import_paths(
        library, [third / "copy.txt"], story=story_id, outlet="dailymail.co.uk (Reuters)"
    )
    assert not report.imported and report.skipped
    assert len(versions_of(library, article.id)) == 2


def test_text_changes_show_each_stretch_with_context() -> None:
    old = "Usyk scored a razor-thin split decision over Tyson Fury in a thrilling contest."
    new = "Usyk scored a narrow split decision over Tyson Fury in a thrilling fight."
    changes = text_changes(old, new, context=3)
    assert [(c.removed, c.added) for c in changes] == [
        ("razor-thin", "narrow"),
        ("contest.", "fight."),
    ]
    assert changes[0].before == "Usyk scored a" and changes[0].after == "split decision over"
    assert text_changes(old, old) == []


def test_cli_versions_lists_them_and_shows_the_words_changed(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    home = tmp_path / "library"

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *map(str, args), "--library", str(home)],
            capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
        )  # fmt: skip

    assert run("import", folder).returncode == 0
    _edit(folder / REUTERS, "razor-thin split decision", "narrow split decision")
    imported = run("import", folder)
    assert "earlier text kept" in imported.stdout, imported.stdout
    shown = run("versions", "usyk", "dailymail.co.uk (Reuters)")
    assert shown.returncode == 0, shown.stderr
    assert "[-razor-thin-]{+narrow+}" in shown.stdout
    assert "version 1 -> 2: 1 change" in shown.stdout
    bad = run("versions", "usyk", "dailymail.co.uk (Reuters)", "--older", "7")
    assert bad.returncode == 2 and "numbered 1 to 2" in bad.stderr
