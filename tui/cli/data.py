"""`crosswire backup`, `crosswire restore`: keep the library safe.

Each command prints what it did in a line or two; a problem is one line on stderr (through
`main`'s LibraryError handling) and nothing half done. None of them opens the library the usual
way, so none adds the bundled story to an empty folder or changes a damaged file.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from tui.cli.common import printable
from tui.core.text.wording import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `backup` and `restore` subcommands."""
    backup = subparsers.add_parser(
        "backup",
        help="write the whole library into one archive with a manifest and checksums",
        description=(
            "Write every file of the library (stories, articles, notes, state, config and any "
            "other store file; not the cache, which is rebuilt) into one .tar.gz archive with a "
            "manifest of sizes and sha256 checksums."
        ),
    )
    backup.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="archive to write (default: crosswire-backup-DATE.tar.gz in the current folder)",
    )
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="restore a backup into an empty library (--force replaces one, keeping it beside)",
        description=(
            "Check every file of a backup against its manifest and checksum, then put it in "
            "place of the library in one step. A library that holds data is replaced only with "
            "--force, and is then kept beside it under a dated name."
        ),
    )
    restore.add_argument("archive", type=Path, metavar="FILE")
    restore.add_argument(
        "--force", action="store_true", help="replace a library that holds data (kept beside)"
    )
    restore.add_argument(
        "--check", action="store_true", help="only check the backup; change nothing"
    )
    restore.set_defaults(func=run_restore)


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def run_backup(args: argparse.Namespace) -> int:
    """Back the library up; the archive appears only once complete."""
    from tui import __version__
    from tui.core.store.backup import write_backup

    archive: Path = args.output or Path(
        f"crosswire-backup-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.tar.gz"
    )
    result = write_backup(
        args.library_home, archive, crosswire_version=__version__, force=args.force
    )
    for skipped in result.skipped:
        print(f"crosswire: left out {printable(skipped)}: a link, not a file", file=sys.stderr)
    manifest = result.manifest
    print(
        f"backed up {plural(len(manifest.files), 'file')} ({_size(manifest.total_size)}) of "
        f"{printable(str(args.library_home))} to {printable(str(result.archive))}"
    )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore a backup (or only check it, with --check)."""
    from tui.core.store.backup import read_backup, restore_backup
    from tui.core.store.library import SCHEMA_VERSION

    archive: Path = args.archive
    if args.check:
        manifest = read_backup(archive)
        print(
            f"{printable(str(archive))}: {plural(len(manifest.files), 'file')} "
            f"({_size(manifest.total_size)}), every checksum matches; taken "
            f"{printable(manifest.created_at)} by crosswire {printable(manifest.crosswire)}"
        )
        return 0
    result = restore_backup(
        archive, args.library_home, newest_schema=SCHEMA_VERSION, force=args.force
    )
    manifest = result.manifest
    print(
        f"restored {plural(len(manifest.files), 'file')} ({_size(manifest.total_size)}, taken "
        f"{printable(manifest.created_at)}) into {printable(str(args.library_home))}"
    )
    if result.kept_aside is not None:
        print(f"the library it replaced is kept at {printable(str(result.kept_aside))}")
    return 0
