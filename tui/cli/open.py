"""`crosswire open [STORY]`: the app, opened on a story named by id or (part of) its title."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `open` command."""
    parser = subparsers.add_parser(
        "open",
        help="open the app on a story",
        description=(
            "Open the app on STORY (an id or part of a title). Without STORY, the story last "
            "read; on first run, the bundled example story."
        ),
    )
    parser.add_argument("story", nargs="?", metavar="STORY", help="story id or title")
    parser.set_defaults(func=run_open)


def run_open(args: argparse.Namespace) -> int:
    """Run the app; textual is imported only now, so other commands start fast."""
    from tui.app import run_app

    return run_app(args.library_home, args.story)
