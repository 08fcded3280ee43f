"""Schema migrations: an older library moves forward when opened, after a backup of it; a newer
one is refused in one line and left byte for byte as it was.

Each step has a test that writes a library in the old shape, opens it the way a user does (the
real CLI in a subprocess) and checks the result. The mechanism itself is tested with a next step
defined here, as the next real step will be written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tests.conftest import REPO_ROOT, RunCli
from tui.core.store.backup import read_backup
from tui.core.store.library import SCHEMA_VERSION, Library
from tui.core.store.migrations import STEPS, MigrationStep, library_schema, migrate_on_open
from tui.core.store.storage import AtomicJSONStorage, LibraryError


def _files(home: Path) -> dict[str, bytes]:
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def _schema_0_library(run_cli: RunCli, home: Path) -> bytes:
    """A library in the shape of schema 0: stories, bodies and notes, no version marker."""
    assert run_cli("tag", "japan", "keep-me").returncode == 0
    index = home / "library.json"
    tables = orjson.loads(index.read_bytes())
    del tables["_meta"]
    old = orjson.dumps(tables)
    index.write_bytes(old)
    assert library_schema(home) == 0
    return old


def test_every_version_below_the_current_one_has_a_step() -> None:
    assert sorted(STEPS) == list(range(SCHEMA_VERSION))
    assert all(step.source == version for version, step in STEPS.items())


def test_schema_0_library_gets_its_marker_on_first_open_after_a_backup(
    run_cli: RunCli, library_home: Path
) -> None:
    old_index = _schema_0_library(run_cli, library_home)
    before = _files(library_home)

    opened = run_cli("stories", "--json")
    assert opened.returncode == 0, opened.stderr
    assert "moved from schema 0 to 1" in opened.stderr
    assert opened.stderr.count("\n") == 1
    assert "Japan and US agree" in opened.stdout

    index = orjson.loads((library_home / "library.json").read_bytes())
    assert index["_meta"] == {"1": {"schema": 1}}
    assert index["stories"] == orjson.loads(old_index)["stories"]
    (archive,) = (library_home / "backups").glob("schema-0-*.tar.gz")
    assert str(archive) in opened.stderr
    manifest = read_backup(archive)
    assert manifest.schema is None  # the library as it was: no marker
    assert {item.path for item in manifest.files} == set(before) - {
        p for p in before if p.endswith(".lock")
    }
    notes = run_cli("notes", "--json")
    assert "keep-me" in notes.stdout and "schema" not in notes.stderr  # once only


def test_a_library_newer_than_this_crosswire_is_refused_and_left_as_it_was(
    run_cli: RunCli, library_home: Path
) -> None:
    assert run_cli("tag", "japan", "keep-me").returncode == 0
    index = library_home / "library.json"
    tables = orjson.loads(index.read_bytes())
    tables["_meta"]["1"]["schema"] = SCHEMA_VERSION + 1
    tables["stories"]["1"]["future_field"] = {"kept": True}
    index.write_bytes(orjson.dumps(tables))
    before = _files(library_home)

    for args in (("stories",), ("tag", "japan", "more"), ("import", str(REPO_ROOT / "seeds"))):
        refused = run_cli(*args)
        assert refused.returncode == 2, refused.stdout
        assert refused.stderr.count("\n") == 1, refused.stderr
        assert "newer crosswire" in refused.stderr and "upgrade" in refused.stderr
        assert _files(library_home) == before
    assert not (library_home / "backups").exists()


def _rename_outlet_field(home: Path, index: AtomicJSONStorage) -> None:
    """A next step as one would write it: rename a field in every article entry, then record 2."""
    with index.transaction() as tables:
        for story in tables["stories"].values():
            for entry in story["articles"]:
                if "outlet" in entry:
                    entry["publisher"] = entry.pop("outlet")
        tables["_meta"] = {"1": {"schema": 2}}


def test_steps_run_in_order_from_the_librarys_version(run_cli: RunCli, library_home: Path) -> None:
    _schema_0_library(run_cli, library_home)
    steps = {**STEPS, 1: MigrationStep(1, "renamed outlet to publisher", _rename_outlet_field)}
    done = migrate_on_open(library_home, steps=steps, target=2)
    assert done is not None and (done.source, done.target) == (0, 2)
    assert done.steps == ("recorded the schema version", "renamed outlet to publisher")
    tables = orjson.loads((library_home / "library.json").read_bytes())
    entry = tables["stories"]["1"]["articles"][0]
    assert "publisher" in entry and "outlet" not in entry
    assert migrate_on_open(library_home, steps=steps, target=2) is None  # nothing more to do
    assert len(list((library_home / "backups").iterdir())) == 1


def test_a_step_cut_off_leaves_a_library_the_next_open_moves_again(
    run_cli: RunCli, library_home: Path
) -> None:
    _schema_0_library(run_cli, library_home)

    def dies_half_way(home: Path, index: AtomicJSONStorage) -> None:
        raise OSError(28, "No space left on device")

    steps = {**STEPS, 1: MigrationStep(1, "renamed outlet to publisher", dies_half_way)}
    with pytest.raises(OSError):
        migrate_on_open(library_home, steps=steps, target=2)
    assert library_schema(library_home) == 1  # the first step landed whole, the second not at all
    steps[1] = MigrationStep(1, "renamed outlet to publisher", _rename_outlet_field)
    done = migrate_on_open(library_home, steps=steps, target=2)
    assert done is not None and done.source == 1
    assert library_schema(library_home) == 2


def test_a_step_that_does_not_record_its_version_is_reported(
    run_cli: RunCli, library_home: Path
) -> None:
    _schema_0_library(run_cli, library_home)
    steps = {**STEPS, 1: MigrationStep(1, "does nothing", lambda home, index: None)}
    with pytest.raises(LibraryError, match="did not finish; the library as it was is in"):
        migrate_on_open(library_home, steps=steps, target=2)


def test_two_processes_opening_an_old_library_at_once_migrate_it_once(
    run_cli: RunCli, library_home: Path
) -> None:
    _schema_0_library(run_cli, library_home)
    script = (
        "import sys; from tui.core.store.library import Library; "
        "lib = Library(sys.argv[1]); print(len(lib.stories()), lib.migration is not None)"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(library_home)],
            cwd=REPO_ROOT,
            env={"PYTHONPATH": str(REPO_ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), outputs
    results = sorted(out.split() for out, _ in outputs)
    assert [r[0] for r in results] == ["1", "1", "1"]
    assert [r[1] for r in results].count("True") == 1
    assert len(list((library_home / "backups").iterdir())) == 1
    assert Library(library_home).migration is None


@pytest.mark.parametrize(
    ("content", "version"),
    [
        (b'{"_meta":{"1":{"schema":1}},"stories":{}}', 1),
        (b'{"stories": {}, "_meta": {"1": {"schema": 3}}}', 3),  # marker not first: parsed
        (b'{"stories": {}}', 0),
        (b'{"_meta":{"1":{"schema":"1"}},"stories":{}}', None),
        (b'{"_meta":{"1":{"schema":1}},"stories":{', 1),  # damage is for the open to report
        (b"[]", None),
        (b"\xff\xfe", None),
    ],
)
def test_the_version_is_read_from_the_marker_wherever_it_stands(
    tmp_path: Path, content: bytes, version: int | None
) -> None:
    (tmp_path / "library.json").write_bytes(content)
    assert library_schema(tmp_path) == version
