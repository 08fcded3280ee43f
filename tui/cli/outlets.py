"""`crosswire outlets`: the user's outlet profiles (lean, country, type, ...) from the shell.

`list`, `show`, `set`, `remove`, `merge`, and `import`/`export` of the CSV file colleagues share
(`core.profiles.csv_file`). The app edits the same profiles (`core.profiles.book`). A value that
makes no sense, or a bad file, is one line on stderr naming the problem (and the file's line).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import open_library, printable

if TYPE_CHECKING:
    from tui.core.profiles.book import ProfileBook
    from tui.core.profiles.types import OutletProfile
    from tui.core.store.library import Library

SETTABLE = ("lean", "country", "language", "owner", "type", "domains", "aliases")
"""Fields `outlets set` takes as options (`--lean`, ...); `--name` renames."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `outlets` command and its subcommands."""
    from tui.core.profiles.types import LEANS, OUTLET_TYPES

    outlets = subparsers.add_parser(
        "outlets",
        help="outlet profiles: lean, country, type, owner, domains (yours; crosswire ships none)",
        description=(
            "Profiles of the outlets you read: display name, other names, web domains, country, "
            "language, owner, type and political lean. Every field is optional and yours: "
            "crosswire ships no ratings. Share them with colleagues as a CSV file (export/import)."
        ),
    )
    commands = outlets.add_subparsers(dest="outlets_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="every profile, and outlets without one")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=run_list)

    show = commands.add_parser("show", help="one outlet's profile")
    show.add_argument("name", metavar="NAME", help="the outlet's name or one of its other names")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.set_defaults(func=run_show)

    setter = commands.add_parser(
        "set",
        help="create or change a profile ('' clears a field)",
        description="Create or change an outlet's profile. An empty value ('') clears a field.",
    )
    setter.add_argument("name", metavar="NAME", help="the outlet (created if it has no profile)")
    setter.add_argument("--name", dest="rename", metavar="NEW", help="rename (old name kept)")
    setter.add_argument("--lean", metavar="LEAN", help=f"{', '.join(LEANS)}, or -3..3")
    setter.add_argument("--type", metavar="TYPE", help=", ".join(OUTLET_TYPES))
    setter.add_argument("--country", metavar="TEXT")
    setter.add_argument("--language", metavar="TEXT")
    setter.add_argument("--owner", metavar="TEXT")
    setter.add_argument("--domains", metavar="D;D", help="web domains, ';'-separated")
    setter.add_argument("--aliases", metavar="N;N", help="other names, ';'-separated")
    setter.set_defaults(func=run_set)

    remove = commands.add_parser("remove", help="delete an outlet's profile")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=run_remove)

    merge = commands.add_parser(
        "merge",
        help="make other names one outlet: OTHER... become names of KEEP's profile",
        description=(
            "One outlet imported under several names ('AFP', 'Agence France-Presse'): OTHER "
            "names become other names of KEEP, fields KEEP lacks are taken from their profiles, "
            "and their profiles go."
        ),
    )
    merge.add_argument("keep", metavar="KEEP")
    merge.add_argument("others", metavar="OTHER", nargs="+")
    merge.set_defaults(func=run_merge)

    importer = commands.add_parser(
        "import", help="add profiles from a CSV file (known outlets are updated)"
    )
    importer.add_argument("file", metavar="FILE")
    importer.set_defaults(func=run_import)

    exporter = commands.add_parser("export", help="write every profile as a CSV file")
    exporter.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="file to write (default: '-', stdout)"
    )
    exporter.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    exporter.set_defaults(func=run_export)
    for command in commands.choices.values():  # `crosswire outlets list --library DIR` too
        command.add_argument(
            "--library", metavar="DIR", type=Path, default=argparse.SUPPRESS,
            help="library folder (default: $CROSSWIRE_HOME, else your user data folder)",
        )  # fmt: skip


def _book(args: argparse.Namespace) -> tuple[Library, ProfileBook]:
    from tui.core.profiles.book import ProfileBook

    library = open_library(args.library_home, first_run_story=False)
    return library, ProfileBook(library.home)


def _fail(message: str) -> int:
    print(f"crosswire: {printable(message)}", file=sys.stderr)
    return 1


def _doc(profile: OutletProfile) -> dict[str, object]:
    from tui.core.profiles.book import profile_to_doc

    return profile_to_doc(profile)


def _print_profile(profile: OutletProfile) -> None:
    from tui.core.profiles.types import FIELD_NAMES, field_text

    for field in FIELD_NAMES:
        print(f"{field:>9}: {printable(field_text(profile, field)) or '-'}")


def library_outlets(library: Library) -> list[tuple[str, str | None]]:
    """Every (outlet, url) the library's articles were imported under, first seen first."""
    seen: dict[str, tuple[str, str | None]] = {}
    for story in library.stories():
        for entry in library.article_entries(story.id):
            seen.setdefault(printable(entry.outlet).casefold(), (entry.outlet, entry.url))
    return list(seen.values())


def run_list(args: argparse.Namespace) -> int:
    """Print every profile; then the library's outlets that have none."""
    from tui.core.profiles.types import LEAN_LABELS

    library, book = _book(args)
    profiles = book.profiles()
    index = book.index()
    without = sorted(
        {printable(name) for name, url in library_outlets(library)
         if index.for_article(name, url) is None},
        key=str.casefold,
    )  # fmt: skip
    if args.json:
        document = {"profiles": [_doc(p) for p in profiles], "without_profile": without}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_edge=False, pad_edge=False)
    for column in ("outlet", "lean", "country", "type", "language", "owner", "domains"):
        table.add_column(column)
    for profile in profiles:
        names = Text(printable(profile.name), style="bold")
        if profile.aliases:
            names.append(" (" + ", ".join(map(printable, profile.aliases)) + ")", style="dim")
        table.add_row(
            names,
            LEAN_LABELS[profile.lean] if profile.lean else Text("unrated", style="dim"),
            Text(printable(profile.country) or "-"),
            profile.type or "-",
            Text(printable(profile.language) or "-"),
            Text(printable(profile.owner) or "-"),
            Text(", ".join(profile.domains) or "-"),
        )
    console = Console(highlight=False)
    if profiles:
        console.print(table)
    else:
        print(f"no outlet profiles in {printable(str(library.home))}")
    if without:
        console.print(Text(f"No profile: {', '.join(without)}", style="dim"))
    return 0


def run_show(args: argparse.Namespace) -> int:
    _, book = _book(args)
    profile = book.get(args.name)
    if profile is None:
        return _fail(f"no profile named {args.name!r} (crosswire outlets set NAME ...)")
    if args.json:
        sys.stdout.write(json.dumps(_doc(profile), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_profile(profile)
    return 0


def run_set(args: argparse.Namespace) -> int:
    from tui.core.profiles.types import ProfileError

    values = {field: getattr(args, field) for field in SETTABLE if getattr(args, field) is not None}
    if args.rename is not None:
        values["name"] = args.rename
    _, book = _book(args)
    try:
        profile = book.set_fields(args.name, values)
    except ProfileError as exc:
        return _fail(str(exc))
    _print_profile(profile)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from tui.core.profiles.types import ProfileError

    _, book = _book(args)
    try:
        removed = book.remove(args.name)
    except ProfileError as exc:
        return _fail(str(exc))
    print(f"removed the profile of {printable(removed.name)}")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from tui.core.profiles.types import ProfileError

    _, book = _book(args)
    try:
        for other in args.others:
            profile = book.merge(args.keep, other)
    except ProfileError as exc:
        return _fail(str(exc))
    _print_profile(profile)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import a CSV file; nothing is imported when any row is bad (the line is named)."""
    from tui.core.profiles.csv_file import ProfileFileError, read_profile_file
    from tui.core.profiles.types import ProfileError

    _, book = _book(args)
    try:
        incoming = read_profile_file(Path(args.file))
        added, updated = book.import_profiles(incoming)
    except (ProfileFileError, ProfileError) as exc:
        return _fail(str(exc))
    print(f"{printable(args.file)}: {added} added, {updated} updated")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from tui.core.export.writer import ExportError, write_export
    from tui.core.profiles.csv_file import profiles_to_csv

    _, book = _book(args)
    content = profiles_to_csv(book.profiles())
    if args.output == "-":
        sys.stdout.write(content)
        return 0
    try:
        written = write_export(content, args.output, force=args.force)
    except ExportError as exc:
        return _fail(str(exc))
    print(f"wrote {len(book.profiles())} profiles to {printable(str(written))}", file=sys.stderr)
    return 0
