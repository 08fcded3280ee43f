"""`crosswire feeds add|list|remove|refresh|import`: follow RSS and Atom feeds.

Followed feeds live in the library (`core.store.feeds`); a refresh imports the new items'
articles as `crosswire import` would (`core.fetch.feeds`), with the same output. Problems go to
stderr, one line each.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import new_fetcher, open_library, printable
from tui.core.store.library import LibraryError

if TYPE_CHECKING:
    from tui.core.store.feeds import FeedList


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `feeds` and its subcommands."""
    feeds = subparsers.add_parser(
        "feeds",
        help="follow RSS and Atom feeds and import their new articles",
        description="Follow feeds; `refresh` imports the articles of items not seen before.",
    )
    commands = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    add = commands.add_parser("add", help="follow feeds (each is fetched once to check it)")
    add.add_argument("urls", nargs="+", metavar="URL")
    add.set_defaults(func=run_add)
    listing = commands.add_parser("list", help="followed feeds with their last refresh")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.set_defaults(func=run_list)
    remove = commands.add_parser("remove", help="stop following a feed")
    remove.add_argument("feed", metavar="ID|URL")
    remove.set_defaults(func=run_remove)
    refresh = commands.add_parser("refresh", help="import new items of all (or some) feeds")
    refresh.add_argument("feeds", nargs="*", metavar="ID|URL")
    refresh.set_defaults(func=run_refresh)
    opml = commands.add_parser("import", help="follow every feed of an OPML file")
    opml.add_argument("file", type=Path, metavar="FILE.opml")
    opml.set_defaults(func=run_import_opml)


def _feed_list(args: argparse.Namespace) -> FeedList:
    from tui.core.store.feeds import FeedList

    open_library(args.library_home, first_run_story=False)  # the folder, checked and made
    return FeedList(args.library_home)


def run_add(args: argparse.Namespace) -> int:
    """Fetch each URL, and follow the ones that are feeds."""
    from tui.core.fetch.feeds import FEED_TYPES, read_feed
    from tui.core.fetch.http import FetchFailure

    feed_list = _feed_list(args)
    followed_now = 0
    with new_fetcher() as fetcher:
        for url, outcome in zip(
            args.urls, fetcher.fetch_all(args.urls, accept=FEED_TYPES), strict=True
        ):
            if isinstance(outcome, FetchFailure):
                print(printable(str(outcome)), file=sys.stderr)
                continue
            feed = read_feed(outcome.body, url)
            if isinstance(feed, str):
                print(printable(feed), file=sys.stderr)
                continue
            followed, new = feed_list.add(url, feed.title)
            followed_now += 1
            state = "following" if new else "already following"
            print(f"{state} {printable(followed.title or '(untitled)')} ({followed.id}) "
                  f"{printable(url)}")  # fmt: skip
    return 0 if followed_now else 1


def run_list(args: argparse.Namespace) -> int:
    """Followed feeds: id, title, URL, last refresh and how it went."""
    feeds = _feed_list(args).feeds()
    if args.json:
        document = [
            {
                "id": f.id, "url": f.url, "title": f.title, "added_at": f.added_at,
                "last_refresh": f.last_refresh, "last_result": f.last_result,
                "items_taken": len(f.seen),
            }
            for f in feeds
        ]  # fmt: skip
        sys.stdout.write(json.dumps({"feeds": document}, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not feeds:
        print("no feeds followed (crosswire feeds add URL)")
        return 0
    for f in feeds:
        when = f.last_refresh or "never refreshed"
        result = f" ({printable(f.last_result)})" if f.last_result else ""
        print(f"{f.id}  {printable(f.title or '(untitled)')}  {printable(f.url)}  {when}{result}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    removed = _feed_list(args).remove(args.feed)
    print(f"stopped following {printable(removed.title or removed.url)} ({removed.id})")
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    """Refresh the named feeds (default all), import their new items, record the refresh."""
    from tui.cli.library import print_import_report
    from tui.core.fetch.feeds import record_refresh, refresh_feeds
    from tui.core.store.importer import import_paths
    from tui.core.stories.chooser import EvidenceChooser

    feed_list = _feed_list(args)
    feeds = [feed_list.find(q) for q in args.feeds] if args.feeds else feed_list.feeds()
    if not feeds:
        raise LibraryError("no feeds followed; add one first (crosswire feeds add URL)")
    library = open_library(args.library_home, first_run_story=False)
    with new_fetcher() as fetcher:
        refreshed = refresh_feeds(feeds, fetcher)
    report = import_paths(library, [], pages=refreshed.pages, chooser=EvidenceChooser())
    record_refresh(feed_list, refreshed)
    for update in refreshed.updates:
        title = update.title or update.feed.title or update.feed.url
        print(f"{printable(title)} ({update.feed.id}): {printable(update.result)}")
    report.problems[:0] = refreshed.problems
    print_import_report(library, report)
    failed = all(u.result not in ("not modified",) and not u.taken for u in refreshed.updates)
    return 1 if failed and refreshed.problems else 0


def run_import_opml(args: argparse.Namespace) -> int:
    """Follow every feed an OPML file lists (a feed reader's export)."""
    from tui.core.ingest.feed import FeedError, parse_opml

    feed_list = _feed_list(args)
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise LibraryError(f"{args.file}: cannot be read ({exc.strerror})") from None
    try:
        refs = parse_opml(data)
    except FeedError as exc:
        raise LibraryError(f"{args.file}: {exc}") from None
    added = sum(feed_list.add(ref.url, ref.title)[1] for ref in refs)
    print(f"following {added} new feed{'s' if added != 1 else ''} of {len(refs)} in "
          f"{printable(str(args.file))}")  # fmt: skip
    return 0 if refs else 1
