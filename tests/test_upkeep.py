"""`crosswire doctor`, run as a real process and in-process on real libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library
from tui.core.upkeep.doctor import check_library, repair_library
from tui.core.upkeep.salvage import salvage_tables


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT), "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _store_files(home: Path) -> dict[str, bytes]:
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock") and "cache" not in p.parts
    }


@pytest.fixture
def noted(seeded: tuple[Library, str]) -> tuple[Library, str]:
    library, story_id = seeded
    notes = Annotations(library.home)
    where = {"quote": "", "outlet": None, "story_title": "Japan"}
    notes.add_tags(Target.story(story_id), ["checked"], **where)  # type: ignore[arg-type]
    notes.add_note(Target.story(story_id), "Dates differ between outlets.", **where)  # type: ignore[arg-type]
    (library.home / "config.toml").write_text('[settings]\ntheme = "nord"\n', encoding="utf-8")
    return library, story_id


def test_doctor_finds_a_sound_library_sound(noted: tuple[Library, str]) -> None:
    library, _ = noted
    done = _run("--library", library.home, "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all sound" in done.stdout


def test_doctor_repair_salvages_a_truncated_index_and_keeps_the_damaged_copy(
    seeded: tuple[Library, str], seed_paths: list[Path]
) -> None:
    library, first = seeded
    second = library.create_story("Second story")
    from tui.core.store.importer import import_paths

    import_paths(library, seed_paths[:1], story=second.id)
    index = library.home / "library.json"
    whole = index.read_bytes()
    cut = whole[: whole.index(b'"2":{') + 40]  # the second story cut off half-way
    index.write_bytes(cut)
    refused = _run("--library", library.home, "stories")
    assert refused.returncode == 2 and "doctor --repair" in refused.stderr
    found = _run("--library", library.home, "doctor", "--json")
    assert found.returncode == 1
    problems = json.loads(found.stdout)["problems"]
    assert any(p["kind"] == "damaged" and p["path"] == str(index) for p in problems)
    repaired = _run("--library", library.home, "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    (copy,) = (library.home / "damaged").glob("library.json.*")
    assert copy.read_bytes() == cut
    stories = json.loads(_run("--library", library.home, "stories", "--json").stdout)["stories"]
    assert [(s["id"], s["articles"]) for s in stories] == [(first, 5)]
    # The second story's bodies had no story left: set aside, not lost.
    assert list((library.home / "damaged").glob(f"articles__{second.id}.json.*"))
    assert check_library(library.home).healthy


def test_doctor_repair_keeps_every_sound_record_of_a_wrongly_shaped_file(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    path = library.home / "articles" / f"{story_id}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    bad_key, bad = next(iter(doc["bodies"].items()))
    bad["sentences"] = "not a list"
    path.write_text(json.dumps(doc), encoding="utf-8")
    checkup = repair_library(library.home)
    assert any("kept 4 readable record(s), set aside 1" in line for line in checkup.repaired)
    assert any(f"no longer lists article {bad['id']}" in line for line in checkup.repaired)
    reopened = Library(library.home)
    assert len(reopened.articles(story_id)) == 4
    assert check_library(library.home).healthy


def test_doctor_reports_and_repair_removes_leftovers_and_unfinished_imports(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    home = library.home
    old = time.time() - 3600
    leftovers = [
        home / ".library.json.abc.tmp",
        home / ".write-test-xyz",
        home / "articles" / f".{story_id}.json.q.tmp",
    ]
    (home / "cache" / "alignments").mkdir(parents=True, exist_ok=True)
    leftovers.append(home / "cache" / "alignments" / "0123.pickle")
    for path in leftovers:
        path.write_bytes(b"partial")
        os.utime(path, (old, old))
    found = check_library(home)
    assert {f.path for f in found.findings if f.kind == "leftover"} == set(leftovers)
    repair_library(home)
    assert not any(path.exists() for path in leftovers)
    assert check_library(home).healthy


def test_salvage_reads_past_garbage_in_the_middle() -> None:
    tables = {"stories": {str(n): {"id": f"s{n}", "n": n} for n in range(1, 8)}}
    data = json.dumps(tables, separators=(",", ":")).encode()
    middle = data.index(b'"4":')
    damaged = data[:middle] + b"\xff\x00{{{garbage" + data[middle + 10 :]
    salvaged = salvage_tables(damaged)["stories"]
    assert set(salvaged) == {"1", "2", "3", "5", "6", "7"}
    assert salvaged["6"] == tables["stories"]["6"]


def test_doctor_checks_and_salvages_the_library_s_other_store_files(tmp_path: Path) -> None:
    """Outlet profiles and any other store file beside library.json: tables of documents."""
    home = tmp_path / "library"
    Library(home)
    other = home / "profiles.json"
    records = {str(n): {"outlet": f"Outlet {n}", "lean": "centre"} for n in range(1, 6)}
    whole = json.dumps({"profiles": records}, separators=(",", ":")).encode()
    other.write_bytes(whole[:-25])
    found = check_library(home)
    assert [(f.kind, f.path) for f in found.findings] == [("damaged", other)]
    repair_library(home)
    salvaged = json.loads(other.read_text(encoding="utf-8"))["profiles"]
    assert salvaged == {k: v for k, v in records.items() if k != "5"}
    assert check_library(home).healthy
