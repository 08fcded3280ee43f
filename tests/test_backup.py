"""`crosswire backup` and `crosswire restore` on real libraries in tmp folders.

A backup holds every data file (not caches, locks or temp files) with a manifest of sizes and
checksums; a restore goes into an empty library, or replaces one only with --force (keeping it
beside); a hostile or damaged archive is refused in one line before anything in the library
changes, and nothing is ever written outside it.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from tests.conftest import RunCli
from tui.cli.main import main
from tui.core.store import backup as backup_module
from tui.core.store.backup import read_backup, restore_backup, write_backup
from tui.core.store.library import SCHEMA_VERSION, LibraryError
from tui.core.store.library_files import scan_library


def _files(home: Path) -> dict[str, bytes]:
    """Every regular file under `home` by relative path, with its bytes."""
    return {
        p.relative_to(home).as_posix(): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def full_library(run_cli: RunCli, library_home: Path) -> Path:
    """A library made by the real CLI (bundled story, a tag, a note) plus files other parts of
    crosswire may add, a cache entry, a lock and a temp file a killed writer left."""
    assert run_cli("tag", "japan", "checked").returncode == 0
    assert run_cli("note", "japan", "Read the AFP copy first.").returncode == 0
    (library_home / "feeds.json").write_text('{"feeds": {}}')
    (library_home / "profiles").mkdir()
    (library_home / "profiles" / "trt.json").write_text('{"profiles": {}}')
    (library_home / "config.toml").write_text('[settings]\ntheme = "nord"\n')
    (library_home / "cache" / "alignments").mkdir(parents=True)
    (library_home / "cache" / "alignments" / "entry.json").write_text("{}")
    (library_home / ".library.json.abc.tmp").write_text("half")
    (library_home / "annotations.json.lock").write_text("")
    return library_home


DATA = {
    "annotations.json",
    "config.toml",
    "feeds.json",
    "library.json",
    "profiles/trt.json",
    "state.json",
}


def test_backup_holds_every_data_file_with_sizes_and_checksums(
    full_library: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    archive = tmp_path / "out" / "b.tar.gz"
    result = run_cli("backup", "-o", archive)
    assert result.returncode == 0, result.stderr
    assert "backed up 7 files" in result.stdout
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    stored = {item["path"] for item in manifest["files"]}
    assert stored >= DATA
    assert {p for p in stored if p.startswith("articles/")} and len(stored) == len(DATA) + 1
    assert names == {"manifest.json"} | {f"library/{p}" for p in stored}
    assert manifest["schema"] == SCHEMA_VERSION and manifest["crosswire"]
    originals = _files(full_library)
    for item in manifest["files"]:
        data = originals[item["path"]]
        assert item["size"] == len(data)
        assert item["sha256"] == hashlib.sha256(data).hexdigest()


def test_restore_into_an_empty_library_gives_back_the_same_library(
    full_library: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    archive = tmp_path / "b.tar.gz"
    assert run_cli("backup", "-o", archive).returncode == 0
    target = tmp_path / "elsewhere" / "lib"
    result = run_cli("restore", archive, "--library", target)
    assert result.returncode == 0, result.stderr
    assert "restored 7 files" in result.stdout
    data_files = scan_library(full_library).data
    expected = {p: d for p, d in _files(full_library).items() if p in data_files}
    assert set(expected) > DATA
    restored = _files(target)
    assert restored == expected
    before = run_cli("stories", "--json")
    after = run_cli("stories", "--json", "--library", target)
    assert json.loads(after.stdout)["stories"] == json.loads(before.stdout)["stories"]
    notes = run_cli("notes", "--json", "--library", target)
    assert "Read the AFP copy first." in notes.stdout
    assert not list(target.parent.glob(".lib.restore-*"))


def test_restore_refuses_a_library_with_data_and_force_keeps_it_beside(
    full_library: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    archive = tmp_path / "b.tar.gz"
    assert run_cli("backup", "-o", archive).returncode == 0
    assert run_cli("tag", "japan", "after-backup").returncode == 0
    before = _files(full_library)

    refused = run_cli("restore", archive)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert _files(full_library) == before

    forced = run_cli("restore", archive, "--force")
    assert forced.returncode == 0, forced.stderr
    kept = [p for p in full_library.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and str(kept[0]) in forced.stdout
    assert _files(kept[0]) == before  # nothing of the replaced library is lost
    assert b"after-backup" not in (full_library / "annotations.json").read_bytes()


def test_restore_into_a_folder_holding_only_cache_needs_no_force(
    full_library: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "b.tar.gz"
    write_backup(full_library, archive, crosswire_version="test")
    target = tmp_path / "fresh"
    (target / "cache" / "alignments").mkdir(parents=True)
    (target / "articles").mkdir()
    (target / "library.json.lock").write_text("")
    result = restore_backup(archive, target, newest_schema=SCHEMA_VERSION)
    assert result.kept_aside is None
    assert (target / "library.json").is_file()
    assert not [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]


def test_restore_without_the_one_step_swap_still_keeps_the_old_library(
    full_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the filesystem cannot swap two folders in one step, two renames do it."""
    archive = tmp_path / "b.tar.gz"
    write_backup(full_library, archive, crosswire_version="test")
    before = _files(full_library)
    monkeypatch.setattr(backup_module, "_exchange", lambda a, b: False)
    result = restore_backup(archive, full_library, newest_schema=SCHEMA_VERSION, force=True)
    assert result.kept_aside is not None and _files(result.kept_aside) == before


def test_backup_refuses_to_write_into_the_library_or_over_a_file(
    full_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inside = full_library / "b.tar.gz"
    assert main(["--library", str(full_library), "backup", "-o", str(inside)]) == 2
    assert "inside the library folder" in capsys.readouterr().err
    assert not inside.exists()
    existing = tmp_path / "there.tar.gz"
    existing.write_bytes(b"mine")
    assert main(["--library", str(full_library), "backup", "-o", str(existing)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert existing.read_bytes() == b"mine"
    assert main(["--library", str(full_library), "backup", "-o", str(existing), "--force"]) == 0
    assert read_backup(existing).files


def test_restore_check_verifies_without_writing(
    full_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "b.tar.gz"
    write_backup(full_library, archive, crosswire_version="test")
    target = tmp_path / "untouched"
    assert main(["--library", str(target), "restore", str(archive), "--check"]) == 0
    assert "every checksum matches" in capsys.readouterr().out
    assert not target.exists()


# --- hostile and damaged archives -----------------------------------------------------------


def _member(
    name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE
) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
        info.linkname = "/etc/passwd"
    return info, data


def _manifest(files: dict[str, bytes], **overrides: object) -> bytes:
    doc = {
        "kind": "crosswire-backup",
        "format": 1,
        "crosswire": "test",
        "schema": SCHEMA_VERSION,
        "created_at": "2026-01-01T00:00:00+00:00",
        "files": [
            {"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for p, d in files.items()
        ],
    }
    doc.update(overrides)
    return json.dumps(doc).encode()


def _write_tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return path


GOOD = {"library.json": b'{"_meta": {"1": {"schema": 1}}, "stories": {}}'}


def _hostile_cases(tmp: Path) -> dict[str, list[tuple[tarfile.TarInfo, bytes]]]:
    good = [_member("library/library.json", GOOD["library.json"])]
    escape_target = tmp / "escaped.txt"
    return {
        "absolute path": [
            *good,
            _member(str(escape_target), b"x"),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "dot-dot": [
            *good,
            _member("library/../../escaped.txt", b"x"),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "symlink": [
            *good,
            _member("library/articles/a.json", kind=tarfile.SYMTYPE),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "hard link": [
            *good,
            _member("library/articles/a.json", kind=tarfile.LNKTYPE),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "folder member": [
            *good,
            _member("library/articles", kind=tarfile.DIRTYPE),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "device": [
            *good,
            _member("library/dev", kind=tarfile.CHRTYPE),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "file outside the manifest": [
            *good,
            _member("library/extra.json", b"{}"),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "stray top-level file": [
            *good,
            _member("evil.sh", b"rm -rf ~"),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "manifest file missing": [
            *good,
            _member("manifest.json", _manifest({**GOOD, "state.json": b"{}"})),
        ],
        "checksum mismatch": [
            _member(
                "library/library.json",
                b'{"stories": {"1": "x"}}'[:46].ljust(len(GOOD["library.json"]), b" "),
            ),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "size mismatch": [
            _member("library/library.json", GOOD["library.json"] + b" "),
            _member("manifest.json", _manifest(GOOD)),
        ],
        "no manifest": good,
        "manifest not JSON": [*good, _member("manifest.json", b"{not json")],
        "manifest of another kind": [
            *good,
            _member("manifest.json", _manifest(GOOD, kind="something-else")),
        ],
        "manifest with unsafe path": [
            _member("library/a/../library.json", GOOD["library.json"]),
            _member("manifest.json", _manifest({"a/../library.json": GOOD["library.json"]})),
        ],
        "control characters in a name": [
            _member("library/\x1b]0;pwned\x07.json", b"{}"),
            _member("manifest.json", _manifest({"\x1b]0;pwned\x07.json": b"{}"})),
        ],
        "newer schema": [
            *good,
            _member("manifest.json", _manifest(GOOD, schema=SCHEMA_VERSION + 1)),
        ],
        "duplicate member": [*good, *good, _member("manifest.json", _manifest(GOOD))],
    }


CASES = sorted(_hostile_cases(Path("/tmp")))


@pytest.mark.parametrize("case", CASES)
def test_hostile_archive_is_refused_in_one_line_and_changes_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _write_tar(tmp_path / "hostile.tar.gz", _hostile_cases(tmp_path)[case])
    target = tmp_path / "libs" / "lib"
    status = main(["--library", str(target), "restore", str(archive)])
    err = capsys.readouterr().err
    assert status == 2, err
    assert err.count("\n") == 1 and "nothing restored" in err, err
    assert "\x1b" not in err and "\x07" not in err
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if p.is_dir()]  # no staging folder left
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


@pytest.mark.parametrize("case", ["dot-dot", "checksum mismatch", "symlink"])
def test_hostile_archive_with_force_leaves_the_library_as_it_was(
    case: str, full_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _write_tar(tmp_path / "hostile.tar.gz", _hostile_cases(tmp_path)[case])
    before = _files(full_library)
    assert main(["--library", str(full_library), "restore", str(archive), "--force"]) == 2
    assert _files(full_library) == before
    assert not [p for p in full_library.parent.iterdir() if "restore-" in p.name]


@pytest.mark.parametrize(
    "content",
    [b"", b"plain text, not an archive", b"\x1f\x8b\x08\x00garbage"],
    ids=["empty", "text", "bad gzip"],
)
def test_unreadable_archive_is_one_line(
    content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "x.tar.gz"
    archive.write_bytes(content)
    assert main(["--library", str(tmp_path / "lib"), "restore", str(archive)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cut_short_archive_is_refused(full_library: Path, tmp_path: Path) -> None:
    archive = tmp_path / "b.tar.gz"
    write_backup(full_library, archive, crosswire_version="test")
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(LibraryError, match="nothing restored"):
        restore_backup(archive, tmp_path / "lib", newest_schema=SCHEMA_VERSION)
    assert not (tmp_path / "lib").exists()


def test_symlinks_in_the_library_are_left_out_and_named(
    full_library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("not crosswire's")
    (full_library / "link.json").symlink_to(outside)
    archive = tmp_path / "b.tar.gz"
    assert main(["--library", str(full_library), "backup", "-o", str(archive)]) == 0
    assert "left out link.json" in capsys.readouterr().err
    assert "link.json" not in {item.path for item in read_backup(archive).files}


def test_what_a_killed_restore_left_is_found_and_tidied_without_losing_a_library(
    full_library: Path, tmp_path: Path
) -> None:
    """The states a restore killed half-way leaves (see test_backup_kills for real kills): an
    unpacking folder (marked), a library swapped out but not yet renamed (unmarked), the mark
    inside the library."""
    from tui.core.store.backup import STAGING_MARK, restore_leftovers, tidy_restore_leftovers

    before = _files(full_library)
    unpacking = tmp_path / ".library.restore-aaaa"
    (unpacking / "articles").mkdir(parents=True)
    (unpacking / STAGING_MARK).touch()
    (unpacking / "library.json").write_text("{half")
    swapped_out = tmp_path / ".library.restore-bbbb"
    swapped_out.mkdir()
    (swapped_out / "library.json").write_text('{"_meta": {"1": {"schema": 1}}, "stories": {}}')
    (full_library / STAGING_MARK).touch()

    found = restore_leftovers(full_library)
    assert found == [unpacking, swapped_out, full_library / STAGING_MARK]
    lines = tidy_restore_leftovers(full_library)
    assert len(lines) == 3
    assert not unpacking.exists() and not swapped_out.exists()
    (kept,) = tmp_path.glob("library.before-restore-*")
    assert (kept / "library.json").read_text().startswith('{"_meta"')
    assert str(kept) in lines[-1]
    assert _files(full_library) == before
    assert restore_leftovers(full_library) == []
    assert tidy_restore_leftovers(full_library) == []
