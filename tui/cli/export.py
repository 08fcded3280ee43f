"""`crosswire export`: a story with its tags and notes as Markdown, JSON, CSV or an HTML report.

Writes to a file named after the story in the current folder unless `-o` says otherwise (`-o -`
is stdout), and never overwrites a file without `--force`. Problems are one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import open_library, printable, resolve_story_id

"""The library state key under which the app remembers the story last open."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="export a story with its notes and tags (md, json, csv, html)",
        description=(
            "Export a story: a Markdown memo, JSON for scripts, CSV of annotated sentences, or a "
            "self-contained HTML comparison report. STORY is an id or (part of) a title; without "
            "it, the story last open in the app, or the only story."
        ),
    )
    parser.add_argument("story", nargs="?", metavar="STORY", help="story id or title")
    parser.add_argument(
        "--format", "-f", dest="fmt", choices=("md", "json", "csv", "html"), default="md",
        help="output format (default: md)",
    )  # fmt: skip
    parser.add_argument("--tag", metavar="TAG", help="only annotations carrying this tag")
    parser.add_argument(
        "-o", "--output", metavar="FILE",
        help="file to write; '-' for stdout (default: the story title, in this folder)",
    )  # fmt: skip
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--all-drifts",
        action="store_true",
        help="the Markdown memo lists every drift with its review, not only the confirmed ones",
    )
    parser.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Export; 0 on success, 1 when the file cannot be written (one line on stderr)."""
    from tui.core.export.writer import ExportError, default_export_name, export_chunks, write_export
    from tui.core.notes.annotations import Annotations

    library = open_library(args.library_home)
    story_id = resolve_story_id(library, args.story)
    annotations = Annotations(library.home)
    if args.tag and not annotations.items(story_id=story_id, tag=args.tag):
        print(
            f"crosswire: note: no annotation in this story is tagged {args.tag!r}", file=sys.stderr
        )
    from tui.cli.spinner import DelayedSpinner
    from tui.core.reader.story import StoryReader
    from tui.interpreter import collection_paused

    with collection_paused(), DelayedSpinner("reading and aligning the story"):
        opened = StoryReader(library).open(story_id)
    from tui.cli.compare import blindspot_share
    from tui.core.profiles.book import ProfileBook

    content = export_chunks(
        opened,
        annotations,
        fmt=args.fmt,
        tag=args.tag,
        profiles=ProfileBook(library.home).index(),
        blindspot_share=blindspot_share(library.home, None),
        all_drifts=args.all_drifts,
    )
    if args.output == "-":
        for piece in content:  # written as made: a big story's report is never held whole
            sys.stdout.write(piece)
        sys.stdout.flush()
        return 0
    if args.output:
        path = Path(args.output).expanduser()
    else:
        path = Path.cwd() / default_export_name(
            library.get_story(story_id).title, args.fmt, tag=args.tag
        )
    try:
        written = write_export(content, path, force=args.force)
    except ExportError as exc:
        print(f"crosswire: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(f"wrote {printable(str(written))}", file=sys.stderr)
    return 0
