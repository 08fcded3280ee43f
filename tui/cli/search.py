"""`crosswire search QUERY`: find sentences across every story of the library.

Hits come from `core.search` (an SQLite FTS5 index beside the store, brought up to date before
each search), best first, printed grouped by story and then outlet; each line starts with the
sentence's number as the app shows it (`crosswire tag STORY --article OUTLET --sentence N` takes
it), and the matching words are wrapped in `**`. `--json` prints the hits, best first, with the
marks as character offsets.
"""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import open_library, printable

MARK = "**"
"""Put around each match in the text output: Markdown's bold, readable on a terminal and in a
pipe."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `search` command."""
    search = subparsers.add_parser(
        "search",
        help="find sentences across every story",
        description="Find sentences across the library: every word must appear, in any order "
        '(case and accents aside); "a phrase" in quotes must appear as written; word* matches '
        "every word it begins (missile* finds missiles). Best matches first.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="words to find")
    search.add_argument("--story", metavar="STORY", help="only this story (id or title)")
    search.add_argument(
        "--limit", metavar="N", type=int, default=50, help="at most N sentences (default: 50)"
    )
    search.add_argument("--json", action="store_true", help="print JSON for scripts")
    search.set_defaults(func=run_search)


def marked(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    """`text` made printable with each (start, end) span wrapped in `MARK`.

    The index keeps text already made safe (`display_text`), so `printable` leaves it as it is
    and the offsets hold; should it ever change the text, the text is printed without marks.
    """
    safe = printable(text)
    if safe != text:
        return safe
    pieces: list[str] = []
    at = 0
    for start, end in marks:
        pieces += [text[at:start], MARK, text[start:end], MARK]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def run_search(args: argparse.Namespace) -> int:
    """Print the sentences matching QUERY, grouped by story and outlet, or as JSON."""
    from tui.core.search.index import search_library

    library = open_library(args.library_home)
    story_id = library.find_story(args.story).id if args.story else None
    from tui.core.text.wording import plural

    def indexing(stories: int) -> None:
        told = plural(stories, "story", "stories")
        print(f"crosswire: indexing {told} for search", file=sys.stderr, flush=True)

    query = " ".join(args.query)
    results = search_library(library, query, story_id=story_id, limit=args.limit, indexing=indexing)
    if results.note:
        print(f"crosswire: {printable(results.note)}", file=sys.stderr, flush=True)
    if args.json:
        hits = [
            {
                "story": hit.story_id,
                "story_title": hit.story_title,
                "outlet": hit.outlet,
                "article": hit.article_id,
                "sentence": hit.number,
                "text": hit.text,
                "marks": [list(mark) for mark in hit.marks],
                "score": round(hit.score, 4),
            }
            for hit in results.hits
        ]
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not results.hits:
        print(f"no sentence matches {printable(' '.join(args.query))!r}")
        return 1
    groups: dict[tuple[str, str], list[str]] = {}
    titles: dict[str, str] = {}
    for hit in results.hits:
        titles[hit.story_id] = hit.story_title
        line = f"{hit.number:>5}  {marked(hit.text, hit.marks)}"
        groups.setdefault((hit.story_id, hit.outlet), []).append(line)
    shown_story = None
    for (story, outlet), lines in groups.items():
        if story != shown_story:
            if shown_story is not None:
                print()
            print(f"{printable(titles[story])} ({story})")
            shown_story = story
        print(f"  {printable(outlet)}")
        for line in lines:
            print(f"  {line}")
    return 0
