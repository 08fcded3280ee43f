"""`crosswire help [COMMAND]`, and the examples under each command's `--help`.

Registered last (see `COMMAND_MODULES`), so it can give every command registered before it an
epilog of worked examples: `crosswire import --help` and `crosswire help import` print the same.
"""

from __future__ import annotations

import argparse
import sys

EXAMPLES: dict[str, str] = {
    "": """\
examples:
  crosswire                                 open the app on the story you read last
  crosswire import ~/scrapes/quake/         a folder of .txt or saved .html pages
  crosswire stories                         what the library holds
  crosswire compare quake --json | jq .drift
  crosswire export quake -f md -o memo.md   the memo, with the drift you confirmed
  crosswire help import                     one command's options and examples
  source <(crosswire completion bash)       TAB completes commands, stories, outlets""",
    "import": """\
examples:
  crosswire import ~/scrapes/quake/
  crosswire import page.txt --outlet "TRT World" --url https://www.trtworld.com/a/1 \\
      --date 2026-01-16T09:30+03:00
  crosswire import a.html b.html --story "Taiwan quake\"""",
    "export": """\
examples:
  crosswire export quake -o memo.md           confirmed drift only
  crosswire export quake --all-drifts -o -    every drift, with its review, to stdout
  crosswire export quake -f html -o report.html
  crosswire export quake -f csv --tag check -o quotes.csv""",
    "tag": """\
examples:
  crosswire tag quake --article "TRT World" --sentence 4 check
  crosswire tag quake --article "TRT World" --sentence 4 check --remove""",
    "note": """\
examples:
  crosswire note quake --article Reuters --sentence 2 "Toll differs from AP's"
  echo "Asked the desk" | crosswire note quake -""",
    "compare": """\
examples:
  crosswire compare quake
  crosswire compare quake --json | jq '.drift[] | {kind, a, b}'""",
    "notes": """\
examples:
  crosswire notes --tag check
  crosswire notes --story quake --outlet Reuters --json""",
    "stories": """\
examples:
  crosswire stories
  crosswire stories --json | jq -r '.[].title'""",
    "open": """\
examples:
  crosswire open                  the story you read last
  crosswire open quake            a story by words of its title, or by id""",
    "feeds": """\
examples:
  crosswire feeds add https://www.theguardian.com/world/rss
  crosswire feeds import subscriptions.opml
  crosswire feeds refresh         import the new items of every feed""",
    "outlets": """\
examples:
  crosswire outlets set "TRT World" --type national --country Turkey
  crosswire outlets merge AFP "Agence France-Presse"
  crosswire outlets export -o outlets.csv""",
    "story": """\
examples:
  crosswire story rename quake "Taiwan hotel collapses after quake"
  crosswire story merge quake "hualien earthquake"
  crosswire story delete quake Reuters --yes     one article of the story""",
    "versions": """\
examples:
  crosswire versions quake Reuters             the latest change
  crosswire versions quake Reuters --older 1   from the first version to the latest""",
    "backup": """\
examples:
  crosswire backup
  crosswire backup -o ~/backups/crosswire.tar.gz --force""",
    "restore": """\
examples:
  crosswire restore crosswire-backup-2026-01-16.tar.gz --check
  crosswire restore crosswire-backup-2026-01-16.tar.gz --force""",
    "doctor": """\
examples:
  crosswire doctor
  crosswire doctor --repair""",
    "search": """\
examples:
  crosswire search Koizumi Hegseth           sentences naming both, best first
  crosswire search '"defense minister"' --story quake
  crosswire search missil* --json | jq '.[] | {outlet, sentence, text}'""",
}
"""Worked examples per command ('' for crosswire itself); STORY may be words of a title."""


class ExamplesFormatter(argparse.HelpFormatter):
    """Wraps the description to the terminal as argparse does, and prints examples as written."""

    def _format_text(self, text: str) -> str:
        if text.startswith("examples:"):
            return text + "\n\n"
        return super()._format_text(text)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `help`, and the examples to the commands registered before it."""
    for name, command in subparsers.choices.items():
        if name in EXAMPLES:
            command.epilog = EXAMPLES[name]
            command.formatter_class = ExamplesFormatter
    helper = subparsers.add_parser(
        "help",
        help="show the help of crosswire or of one command, with examples",
        description="Show the help of crosswire, or of COMMAND, with examples.",
        epilog="examples:\n  crosswire help\n  crosswire help export",
        formatter_class=ExamplesFormatter,
    )
    helper.add_argument("topic", nargs="?", metavar="COMMAND", help="a command's name")
    helper.set_defaults(func=run_help)


def run_help(args: argparse.Namespace) -> int:
    """Print the help asked for; exit 2 with the list of commands for an unknown one."""
    from tui.cli.main import build_parser

    parser = build_parser()
    if args.topic is None:
        parser.epilog = EXAMPLES[""]
        parser.formatter_class = ExamplesFormatter
        sys.stdout.write(parser.format_help())
        return 0
    commands = next(
        action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    command = commands.get(args.topic)
    if command is None:
        known = ", ".join(sorted(name for name in commands if not name.startswith("_")))
        print(f"crosswire: no command {args.topic!r}; commands are {known}", file=sys.stderr)
        return 2
    sys.stdout.write(command.format_help())
    return 0
