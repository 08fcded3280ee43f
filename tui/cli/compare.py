"""`crosswire compare`: how the outlets of one story tell it, printed or as JSON.

The readable form shows the likely origin, each outlet's mix of copied, reworded and own sentences,
the drift list and a coverage matrix. Article text goes into rich `Text` objects as plain strings
with styles by span, never into markup, since scraped text can contain anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import open_library, printable, resolve_story_id
from tui.core.text.wording import plural

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console, Group

    from tui.core.coverage.story import StoryCoverage
    from tui.core.models import Article, SentenceRef, StoryAlignment

STATUS_MARK = {"shared": ("■", "green"), "reworded": ("▣", "yellow"), "unique": ("□", "cyan")}
"""How the coverage matrix draws each status: a mark and a colour, plus '·' for absent."""
MATRIX_TEXT_WIDTH = 60


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `compare` subcommand."""
    parser = subparsers.add_parser(
        "compare",
        help="compare how the outlets of a story tell it",
        description=(
            "Align a story's articles sentence by sentence: likely origin, what each outlet "
            "copied, reworded or added, where names, numbers, dates and quotes drift, and which "
            "outlet carries which sentence. STORY is an id or (part of) a title; without it, the "
            "story last open in the app, or the only story."
        ),
    )
    parser.add_argument("story", nargs="?", metavar="STORY", help="story id or title")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.add_argument(
        "--blindspot-share", metavar="SHARE", type=float, default=None,
        help="share of rated outlets on one side that flags a blindspot (default: the config's "
        "blindspot_share, else 0.8)",
    )  # fmt: skip
    parser.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    """Print the comparison; 1 when the story has no articles."""

    library = open_library(args.library_home)
    from tui.core.reader.story import StoryReader
    from tui.interpreter import collection_paused

    reader = StoryReader(library)
    story = library.get_story(resolve_story_id(library, args.story))
    if not library.articles(story.id):
        title = printable(story.title)
        print(f"crosswire: story {title!r} has no articles to compare", file=sys.stderr)
        return 1
    from tui.cli.spinner import DelayedSpinner

    count = plural(len(library.articles(story.id)), "article")
    with collection_paused(), DelayedSpinner(f"aligning {count}"):
        story, articles, alignment = reader.open(story.id)
    from tui.core.coverage.story import story_coverage
    from tui.core.profiles.book import ProfileBook

    share = blindspot_share(library.home, args.blindspot_share)
    coverage = story_coverage(
        articles, alignment, ProfileBook(library.home).index(), blindspot_share=share
    )
    if args.json:
        from tui.core.export.compare_doc import write_compare_json

        write_compare_json(sys.stdout.buffer, story, articles, alignment, coverage=coverage)
        sys.stdout.flush()
        return 0
    from rich.console import Console

    console = Console(highlight=False)
    print_comparison(console, story.title, articles, alignment)
    print_coverage(console, coverage)
    return 0


def blindspot_share(home: Path, given: float | None) -> float:
    """The blindspot threshold: the option, else the config file's, else the default; a value
    outside (0.5, 1] is a LibraryError (one line)."""
    from tui.core.coverage.spread import BLINDSPOT_SHARE
    from tui.core.store.config import ConfigError, load_config
    from tui.core.store.library import LibraryError

    if given is None:
        try:
            given = load_config(home).blindspot_share
        except ConfigError as exc:
            raise LibraryError(str(exc)) from None
    share = BLINDSPOT_SHARE if given is None else given
    if not 0.5 < share <= 1:
        raise LibraryError(f"blindspot share must be above 0.5 and at most 1, not {share}")
    return share


def print_coverage(console: Console, coverage: StoryCoverage) -> None:
    """Who covered the story (by lean, country, type), the blindspot, and the timeline."""
    from rich.text import Text

    spread = coverage.spread
    console.print(Text("Coverage", style="bold"))
    for title, counts in (
        ("by lean", spread.by_lean),
        ("by country", spread.by_country),
        ("by type", spread.by_type),
    ):
        line = Text(f"  {title}: ")
        line.append(", ".join(f"{printable(c.label)} {c.count}" for c in counts if c.count))
        console.print(line)
    if spread.blindspot is not None:
        console.print(Text(f"  Blindspot: {spread.blindspot.evidence}", style="bold yellow"))
    console.print(Text("Timeline", style="bold"))
    for entry in coverage.timeline.entries:
        line = Text(f"  {printable(entry.recorded) or 'unknown':<25} ")
        line.append(printable(entry.outlet), style="bold" if entry.first else "")
        line.append(f"  {entry.after_first}", style="dim")
        console.print(line)


def print_comparison(
    console: Console, title: str, articles: list[Article], alignment: StoryAlignment
) -> None:
    """The readable comparison: overview, outlet shares, drift, coverage matrix."""
    from rich.table import Table
    from rich.text import Text

    from tui.core.align.families import family_evidence

    console.print(Text(printable(title), style="bold"))
    origin = printable(alignment.outlets.get(alignment.origin or "", ""))
    line = Text(
        f"{plural(len(articles), 'article')}, {plural(len(alignment.clusters), 'cluster')}. "
    )
    line.append("Likely origin: ")
    line.append(origin or "none: independent reports, no common copy", style="bold")
    console.print(line)
    for family in alignment.families:
        outlets = ", ".join(printable(alignment.outlets[m]) for m in family.members)
        family_line = Text("Wire family: ")
        family_line.append(outlets)
        family_line.append(f" (origin {printable(alignment.outlets[family.origin])}: ")
        family_line.append(f"{family_evidence(family)})")
        console.print(family_line)

    shares = Table(title="Outlets", title_justify="left", show_edge=False)
    for column in ("outlet", "sentences", "shared", "reworded", "unique", "wire", "own"):
        shares.add_column(column, justify="left" if column == "outlet" else "right")
    for share in alignment.shares:
        shares.add_row(
            Text(printable(share.outlet)),
            str(share.sentences),
            str(share.shared),
            str(share.reworded),
            str(share.unique),
            f"{share.wire_share:.0%}",
            f"{share.unique_share:.0%}",
        )
    console.print(shares)

    console.print(_drift(alignment))
    console.print(_matrix(alignment, width=console.width))


def _sentence(alignment: StoryAlignment, refs: Sequence[SentenceRef]) -> str:
    """The first sentence carrying one side of a drift, quoted, as the reader would check it."""
    for ref in refs:
        infos = alignment.sentences.get(ref.article_id, ())
        if 0 <= ref.index < len(infos):
            return f"“{printable(infos[ref.index].text)}”"
    return ""


def _drift(alignment: StoryAlignment) -> Group:
    """Drift as a table, louder kinds first; spelling variants (the quiet kind) summed up below
    it, one line per pair of spellings with the clusters they occur in."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from tui.core.drift.variants import KIND_ORDER  # the app's drift list uses this order too

    loud = [d for d in alignment.drift if d.kind != "spelling"]
    quiet: dict[tuple[str, str], list[int]] = {}
    for drift in alignment.drift:
        if drift.kind == "spelling":
            pair = tuple(sorted((drift.a.casefold(), drift.b.casefold())))
            quiet.setdefault((pair[0], pair[1]), []).append(drift.cluster)
    parts: list[Table | Text] = []
    if not loud and not quiet:
        parts.append(Text("Drift: none found", style="dim"))
    if loud:
        table = Table(title="Drift", title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("one version", style="bold", ratio=2)
        table.add_column("carried by", ratio=2)
        table.add_column("other version", style="bold", ratio=2)
        table.add_column("carried by", ratio=2)
        for drift in sorted(loud, key=lambda d: (KIND_ORDER[d.kind], d.cluster)):
            kind = Text(drift.kind, style="magenta")
            if drift.scope == "story":
                kind.append(" *", style="bold magenta")
            table.add_row(
                str(drift.cluster),
                kind,
                Text(printable(drift.a)),
                Text(", ".join(map(printable, drift.outlets_a))),
                Text(printable(drift.b)),
                Text(", ".join(map(printable, drift.outlets_b))),
            )
            # Both statements side by side, so the reader judges the drift at a glance.
            table.add_row(
                "",
                "",
                Text(_sentence(alignment, drift.refs_a), style="dim"),
                "",
                Text(_sentence(alignment, drift.refs_b), style="dim"),
                "",
                end_section=True,
            )
        parts.append(table)
        if any(d.scope == "story" for d in loud):
            parts.append(
                Text(
                    "* across sentences: one event dated, or one toll counted, differently "
                    "in different sentences (# is the cluster of the other version)",
                    style="dim",
                )
            )
    if quiet:
        line = Text("Spelling variants: ", style="dim")
        for n, ((a, b), clusters) in enumerate(sorted(quiet.items())):
            line.append(("; " if n else "") + f"{printable(a)} / {printable(b)} ", style="dim")
            line.append(f"(# {', '.join(str(c) for c in sorted(set(clusters)))})", style="dim")
        parts.append(line)
    return Group(*parts)


def _matrix(alignment: StoryAlignment, *, width: int) -> Group:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from tui.core.align.overview import coverage_matrix

    table = Table(
        title="Coverage (■ shared ▣ reworded □ only here · absent)",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("#", justify="right", min_width=2, no_wrap=True)
    room = width - 10 - 5 * len(alignment.article_ids)  # what the number and mark columns leave
    table.add_column("sentence", width=max(12, min(MATRIX_TEXT_WIDTH, room)), no_wrap=True)
    for n in range(1, len(alignment.article_ids) + 1):
        table.add_column(str(n), justify="center", min_width=2, no_wrap=True)
    for row in coverage_matrix(alignment):
        cells = []
        for status in row.cells:
            mark, style = STATUS_MARK[status] if status else ("·", "dim")
            cells.append(Text(mark, style=style))
        table.add_row(str(row.cluster), Text(printable(row.text), overflow="ellipsis"), *cells)
    legend = Text("Columns: ", style="dim")
    for n, article_id in enumerate(alignment.article_ids, start=1):
        legend.append(f"{n} ", style="bold")
        legend.append(printable(alignment.outlets[article_id]))
        legend.append("  ")
    return Group(table, legend)
