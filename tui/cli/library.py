"""`crosswire import` and `crosswire stories`: fill the library and see what it holds.

Human output goes through rich with article text as plain `Text` (never markup); problems go to
stderr as plain lines, one per problem, so they can be grepped. `stories --json` never loads rich.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.cli.common import new_fetcher, open_library, printable
from tui.core.store.library import Library
from tui.core.text.wording import plural

if TYPE_CHECKING:
    from rich.text import Text

    from tui.cli.progress import ImportProgress
    from tui.core.fetch.web_pages import Collected
    from tui.core.ingest.page_source import PageSource
    from tui.core.store.importer import ImportedArticle, ImportReport


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `import` and `stories` subcommands."""
    importer = subparsers.add_parser(
        "import",
        help="import scraped .txt files, saved web pages, URLs or folders into the library",
        description=(
            "Import scraped pages and saved web pages (.html, .htm, .html.gz), and http(s) URLs "
            "(fetched, their article extracted). Each article joins the story of the same event "
            "already in the library, or starts a new one, and the output says which and why; "
            "--story or a manifest.json naming a story puts files in that story. A manifest.json "
            "may also name each file's outlet and URL. .jsonl files and '-' (standard input) "
            'hold one article per line: {"url", "outlet", "title", "date", '
            '"text" or "html"}.'
        ),
    )
    importer.add_argument("paths", nargs="+", metavar="PATH|URL")
    importer.add_argument(
        "--story",
        metavar="TITLE",
        help="put everything in this story (an existing story's id or title adds to it)",
    )
    importer.add_argument("--outlet", metavar="NAME", help="outlet name for every imported file")
    importer.add_argument(
        "--url", metavar="URL", help="the page's address (one file only; a manifest may give it)"
    )
    importer.add_argument(
        "--date",
        metavar="WHEN",
        help="when the page was published: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+HH:MM] (one file only)",
    )
    importer.set_defaults(func=run_import)

    stories = subparsers.add_parser("stories", help="list the stories in the library")
    stories.add_argument("--json", action="store_true", help="print JSON for scripts")
    stories.set_defaults(func=run_stories)


def run_import(args: argparse.Namespace) -> int:
    """Import, print one line per article and per skipped file, problems on stderr.

    Exit 1 when no file could be used; files skipped because the story already holds them count
    as used (importing a folder again succeeds and changes nothing). A new library is not given
    the bundled example story: the user is bringing a story of their own.
    """
    from tui.cli.progress import ImportProgress
    from tui.core.fetch.web_pages import is_feed_file, is_url
    from tui.core.store.importer import ImportReport, import_paths
    from tui.core.stories.chooser import EvidenceChooser

    urls = [target for target in args.paths if is_url(target)]
    paths = [Path(t) for t in args.paths if not is_url(t) and t != STDIN]
    feed_files = [path for path in paths if is_feed_file(path) and path.is_file()]
    paths = [path for path in paths if path not in feed_files]
    library = open_library(args.library_home, first_run_story=False)
    with ImportProgress() as progress:
        collected = _fetch_pages(urls, feed_files, progress)
        if STDIN in args.paths and not collected.interrupted:
            from tui.core.ingest.jsonl import read_jsonl

            records, bad_lines = read_jsonl(sys.stdin.buffer, name="stdin", stable_place=False)
            collected.pages.extend(records)
            collected.problems.extend(bad_lines)
        # Filled as the import goes: after Ctrl-C it still says what landed (each story's writes
        # are one transaction, so what it lists is in the library and nothing else of this
        # import is). Ctrl-C while reading stops the reading and writes what was read.
        report = ImportReport(problems=list(collected.problems))
        try:
            import_paths(
                library,
                [] if collected.interrupted else paths,
                story=args.story,
                outlet=args.outlet,
                url=args.url,
                date=args.date,
                chooser=EvidenceChooser(),
                pages=collected.pages,
                progress=progress.read,
                report=report,
            )
        except KeyboardInterrupt:
            report.interrupted = True
    if collected.interrupted or report.interrupted:
        print_import_report(library, report)
        _print_not_imported(paths, collected.pages, report)
        return 130
    print_import_report(library, report)
    return 0 if report.imported or report.skipped else 1


def _print_not_imported(
    paths: list[Path], pages: list[PageSource], report: ImportReport
) -> None:
    """After Ctrl-C: what was imported, and every input the import did not get to (none of it
    was written)."""
    from tui.core.ingest.page_source import is_article_file

    done = {item.article.source for item in report.imported}
    said = " ".join([*report.skipped, *report.problems])
    files = [
        found
        for path in paths
        for found in (sorted(p for p in path.rglob("*") if is_article_file(p))
                      if path.is_dir() else [path])
    ]  # fmt: skip
    left = [f for f in files if str(f.resolve()) not in done and str(f) not in said]
    pages_left = [p for p in pages if p.source not in done and (p.label or p.source) not in said]
    what = plural(len(left), "file")
    if pages_left:
        what += f" and {plural(len(pages_left), 'page')}"
    print(
        f"crosswire: import interrupted; {what} not imported, "
        f"{plural(len(report.imported), 'article')} imported "
        "(import again to finish; files already there are skipped):",
        file=sys.stderr,
    )
    for path in left:
        print(f"  {printable(str(path))}", file=sys.stderr)
    for page in pages_left:
        print(f"  {printable(page.label or page.source)}", file=sys.stderr)


def print_import_report(library: Library, report: ImportReport) -> None:
    """One line per article and per skipped file, one per story; problems on stderr."""
    from rich.console import Console
    from rich.text import Text

    console = Console(soft_wrap=True, highlight=False)
    for item in report.imported:
        console.print(_imported_line(item))
    for skipped in report.skipped:
        console.print(Text(printable(skipped), style="dim"))
    for story_id in report.story_ids:
        story = library.get_story(story_id)
        actions = [item.action for item in report.imported if item.article.story_id == story_id]
        counts = [plural(actions.count("added"), "new article")]
        if "replaced" in actions:
            counts.append(f"{actions.count('replaced'):,} replaced")
        if report.skipped_in.get(story_id):
            counts.append(f"{report.skipped_in[story_id]:,} already there")
        console.print(
            Text.assemble(
                f"{', '.join(counts)} in story ",
                (printable(story.title), "bold"),
                f" ({story.id}, {len(story.article_ids):,} in all)",
            )
        )
    for problem in [*report.notes, *report.problems]:
        print(printable(problem), file=sys.stderr)


STDIN = "-"
"""The import argument that reads JSON Lines from standard input."""


def _fetch_pages(urls: list[str], feed_files: list[Path], progress: ImportProgress) -> Collected:
    """The articles behind the URLs (pages or feeds) and feed files (none: nothing fetched,
    httpx never imported)."""
    from tui.core.fetch.web_pages import Collected

    if not urls and not feed_files:
        return Collected()
    from tui.core.fetch.web_pages import collect

    progress.fetching(len(urls))
    with new_fetcher() as fetcher:
        return collect(urls, feed_files, fetcher, done=progress.fetched)


def _imported_line(item: ImportedArticle) -> Text:
    """'Outlet  9 sentences kept, 1 line removed  Title', and what happened if not a plain add."""
    from rich.text import Text

    line = Text.assemble(
        (printable(item.article.outlet), "bold"),
        f"  {plural(item.kept_sentences, 'sentence')} kept, "
        f"{plural(item.removed_lines, 'line')} removed",
        ("  " + printable(item.article.title), "dim"),
    )
    if item.action == "replaced":
        if item.replaced_source == item.article.source:
            note = "updated: this file was imported before"
        else:
            note = f"replaced this outlet's {Path(item.article.source).name} from " + printable(
                str(Path(item.replaced_source or "").parent)
            )
        line.append(f"  ({note}; earlier text kept: crosswire versions)", style="yellow")
    elif item.outlet_articles:
        line.append(
            f"  (the story now has {item.outlet_articles + 1} articles from this outlet)",
            style="yellow",
        )
    if item.grouping:
        line.append("\n  " + printable(item.grouping), style="cyan")
    return line


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
    library = open_library(args.library_home)
    document = _stories_document(library)
    if args.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Titles and outlets come from scraped pages: pass them as Text so rich never reads markup.
    table = Table(title=Text(f"Stories in {printable(str(library.home))}"), title_justify="left")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("articles", justify="right")
    table.add_column("outlets", overflow="fold")
    for story in document["stories"]:
        table.add_row(
            Text(story["id"]),
            Text(printable(story["title"])),
            Text(str(story["articles"])),
            Text(", ".join(printable(outlet) for outlet in story["outlets"])),
        )
    Console().print(table)
    return 0
