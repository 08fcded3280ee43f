"""The `crosswire` command: a small dispatcher over command modules.

Each module in `COMMAND_MODULES` exposes `register(subparsers)`, which adds its subcommands and
sets `func(args) -> int` on each. Command modules stay cheap to import (rich, textual and the
heavier core modules are imported inside the command functions), so `crosswire stories --json`
starts fast. With no command, crosswire opens the app.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.core.store.library import LibraryError, default_home

COMMAND_MODULES: tuple[str, ...] = (
    "tui.cli.library",
    "tui.cli.export",
    "tui.cli.notes",
    "tui.cli.compare",
    "tui.cli.open",
    "tui.cli.feeds",
    "tui.cli.outlets",
    "tui.cli.stories",
    "tui.cli.data",
    "tui.cli.upkeep",
    "tui.cli.search",
    "tui.cli.help",
    "tui.cli.completion",
)
"""Modules that add subcommands; a new command is one more name here."""


LIBRARY_HELP = "library folder (default: $CROSSWIRE_HOME, else your user data folder)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command module's subcommands registered."""
    parser = argparse.ArgumentParser(
        prog="crosswire",
        description="Read one news story as many outlets tell it. With no command, open the app.",
        epilog="crosswire help [COMMAND] shows crosswire's or a command's help with examples.",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        type=Path,
        help=LIBRARY_HELP,
    )
    parser.add_argument("--version", action="version", version=f"crosswire {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    for command in subparsers.choices.values():
        # Also after the command (`crosswire stories --library DIR`); SUPPRESS keeps a value
        # given before the command when none comes after it.
        command.add_argument(
            "--library", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=LIBRARY_HELP
        )
    return parser


def _open_app(args: argparse.Namespace) -> int:
    from tui.app import run_app  # textual loads only when the app is what was asked for

    return run_app(args.library_home, None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run crosswire with `argv` (default: the process arguments); returns the exit status.

    A library problem is one line on stderr and exit status 2, never a traceback.
    """
    args = build_parser().parse_args(argv)
    args.library_home = (args.library or default_home()).expanduser()
    try:
        if args.command is None:
            return _open_app(args)
        status: int = args.func(args)
        return status
    except LibraryError as exc:
        from tui.cli.common import printable

        print(f"crosswire: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
