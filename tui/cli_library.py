"""`crosswire import` and `crosswire stories`: fill the library and see what it holds.

Human output goes through rich with article text as plain `Text` (never markup); problems go to
stderr as plain lines, one per problem, so they can be grepped. `stories --json` never loads rich.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from tui.core.library import Library


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `import` and `stories` subcommands."""
    importer = subparsers.add_parser(
        "import",
        help="import scraped .txt files or folders into the library",
        description=(
            "Import scraped pages. A folder of .txt files is one story; loose files named together "
            "form one story. A manifest.json in a folder may name the story and each file's outlet."
        ),
    )
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importer.add_argument(
        "--story",
        metavar="TITLE",
        help="put everything in this story (an existing story's id or title adds to it)",
    )
    importer.add_argument("--outlet", metavar="NAME", help="outlet name for every imported file")
    importer.set_defaults(func=run_import)

    stories = subparsers.add_parser("stories", help="list the stories in the library")
    stories.add_argument("--json", action="store_true", help="print JSON for scripts")
    stories.set_defaults(func=run_stories)


def run_import(args: argparse.Namespace) -> int:
    """Import, print one line per article, problems on stderr; 1 when nothing could be used."""
    from rich.console import Console
    from rich.text import Text

    from tui.core.importer import import_paths

    library = Library(args.library_home)
    report = import_paths(library, args.paths, story=args.story, outlet=args.outlet)
    console = Console(soft_wrap=True, highlight=False)
    for item in report.imported:
        line = Text.assemble(
            (item.article.outlet, "bold"),
            f"  {item.kept_sentences} sentences kept, {item.removed_lines} lines removed",
            ("  (replaced)" if item.action == "replaced" else "", "yellow"),
            ("  " + item.article.title, "dim"),
        )
        console.print(line)
    for skipped in report.skipped:
        console.print(Text(skipped, style="dim"))
    for story_id in report.story_ids:
        story = library.get_story(story_id)
        count = sum(1 for item in report.imported if item.article.story_id == story_id)
        console.print(
            Text.assemble(
                f"{count} new article(s) in story ",
                (story.title, "bold"),
                f" ({story.id}, {len(story.article_ids)} in all)",
            )
        )
    for problem in report.problems:
        print(problem, file=sys.stderr)
    return 0 if report.imported or report.skipped else 1


def _stories_document(library: Library) -> dict[str, Any]:
    stories = []
    for story in library.stories():
        entries = library.article_entries(story.id)
        stories.append(
            {
                "id": story.id,
                "title": story.title,
                "created_at": story.created_at,
                "articles": len(entries),
                "outlets": [entry.outlet for entry in entries],
            }
        )
    return {"library": str(library.home), "stories": stories}


def run_stories(args: argparse.Namespace) -> int:
    """List stories with their article counts; a first run adds the bundled example story."""
    from tui.cli_common import open_library

    library = open_library(args.library_home)
    document = _stories_document(library)
    if args.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Titles and outlets come from scraped pages: pass them as Text so rich never reads markup.
    table = Table(title=Text(f"Stories in {library.home}"), title_justify="left")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("articles", justify="right")
    table.add_column("outlets", overflow="fold")
    for story in document["stories"]:
        table.add_row(
            Text(story["id"]),
            Text(story["title"]),
            Text(str(story["articles"])),
            Text(", ".join(story["outlets"])),
        )
    Console().print(table)
    return 0
