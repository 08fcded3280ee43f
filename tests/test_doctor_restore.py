"""`crosswire doctor` on what a stopped restore or a stopped migration backup left: each named in
one line, and `--repair` tidies them without losing a library (the one a restore swapped out is
kept beside, dated)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunCli
from tui.core.store.backup import STAGING_MARK


def test_doctor_names_and_repair_tidies_what_a_stopped_restore_left(
    run_cli: RunCli, library_home: Path
) -> None:
    assert run_cli("tag", "japan", "kept").returncode == 0
    assert run_cli("doctor").returncode == 0
    parent = library_home.parent
    unpacking = parent / ".library.restore-aaaa"
    unpacking.mkdir()
    (unpacking / STAGING_MARK).touch()
    (unpacking / "library.json").write_text("{half")
    swapped_out = parent / ".library.restore-bbbb"
    swapped_out.mkdir()
    (swapped_out / "library.json").write_text('{"_meta": {"1": {"schema": 1}}, "stories": {}}')
    (library_home / STAGING_MARK).touch()
    (library_home / "backups").mkdir()
    (library_home / "backups" / ".schema-0-x.tar.gz.abc.tmp").write_bytes(b"cut")

    checked = run_cli("doctor")
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert any(str(unpacking) in line and "stopped" in line for line in lines)
    assert any(str(swapped_out) in line and "replaced" in line for line in lines)
    assert any(STAGING_MARK in line for line in lines)
    assert any(".schema-0-x.tar.gz.abc.tmp" in line for line in lines)

    repaired = run_cli("doctor", "--repair")
    assert not unpacking.exists() and not swapped_out.exists()
    assert not (library_home / STAGING_MARK).exists()
    (kept,) = parent.glob("library.before-restore-*")
    assert (kept / "library.json").read_text().startswith('{"_meta"')
    assert str(kept) in repaired.stdout
    notes = run_cli("notes", "--json")
    assert "kept" in notes.stdout
