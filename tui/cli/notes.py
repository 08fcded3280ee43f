"""`crosswire tag`, `crosswire note` and `crosswire notes`: annotate from the shell and list.

For scripts and quick edits; the app offers the same through `core.notes.annotations`. A target is a
story, `--article` (an article id or an outlet name of the story) or also `--sentence N`: the
number the app shows beside the sentence, 1 for the headline (JSON documents count `index` from
0, so N is their index + 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from tui.cli.common import open_library, printable
from tui.core.store.library import Library, LibraryError

if TYPE_CHECKING:
    from tui.core.notes.annotations import AnnotationContext, Target


def _add_target_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("story", metavar="STORY", help="story id or title")
    parser.add_argument("--article", metavar="ID|OUTLET", help="an article id or outlet name")
    parser.add_argument(
        "--sentence",
        metavar="N",
        type=int,
        help="the sentence's number as the app shows it, 1 for the first (needs --article)",
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `tag`, `note` and `notes` subcommands."""
    tag = subparsers.add_parser("tag", help="tag a story, an article or a sentence")
    _add_target_options(tag)
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("--remove", action="store_true", help="remove these tags instead")
    tag.set_defaults(func=run_tag)

    note = subparsers.add_parser("note", help="attach a note to a story, an article or a sentence")
    _add_target_options(note)
    note.add_argument("text", metavar="TEXT", help="the note (Markdown welcome); '-' reads stdin")
    note.set_defaults(func=run_note)

    notes = subparsers.add_parser("notes", help="list tags and notes")
    notes.add_argument("--story", metavar="STORY", help="only this story (id or title)")
    notes.add_argument("--tag", metavar="TAG", help="only annotations with this tag")
    notes.add_argument("--outlet", metavar="NAME", help="only this outlet's articles")
    notes.add_argument("--search", metavar="QUERY", help="fuzzy search in notes, quotes and tags")
    notes.add_argument("--json", action="store_true", help="print JSON for scripts")
    notes.set_defaults(func=run_notes)


def _target(library: Library, args: argparse.Namespace) -> tuple[Target, AnnotationContext]:
    """The Target and its context named by STORY / --article / --sentence."""
    from tui.core.notes.annotations import Target, context_for

    story = library.find_story(args.story)
    if args.article is None:
        if args.sentence is not None:
            raise LibraryError("--sentence needs --article")
        target = Target.story(story.id)
    else:
        articles = library.articles(story.id)
        wanted = printable(args.article).casefold()  # outlets compare as they are shown
        by_id = [a for a in articles if a.id == args.article]
        by_outlet = [a for a in articles if printable(a.outlet).casefold() == wanted]
        found = by_id or by_outlet
        if len(found) != 1:
            problem = "no article" if not found else f"{len(found)} articles"
            title = printable(story.title)
            raise LibraryError(f"{problem} matching {args.article!r} in story {title!r}")
        if args.sentence is None:
            target = Target.article(story.id, found[0].id)
        elif args.sentence < 1:
            raise LibraryError(f"sentences are numbered from 1, not {args.sentence}")
        elif args.sentence > len(found[0].sentences):
            article = found[0]
            raise LibraryError(
                f"article {article.id} ({printable(article.outlet)}) has no sentence "
                f"{args.sentence}: it has {len(article.sentences)}"
            )
        else:
            # The app shows index + 1 beside each sentence; the store keeps the index.
            target = Target.sentence(story.id, found[0].id, args.sentence - 1)
    return target, context_for(library, target)


def run_tag(args: argparse.Namespace) -> int:
    """Add (or with --remove, remove) tags; prints the target's tags afterwards."""
    from tui.core.notes.annotations import Annotations

    library = open_library(args.library_home)
    target, context = _target(library, args)
    annotations = Annotations(library.home)
    try:
        if args.remove:
            missing = [tag for tag in args.tags if not annotations.remove_tag(target, tag)]
            for tag in missing:
                print(f"crosswire: not tagged {printable(tag)!r}", file=sys.stderr)
        else:
            annotations.add_tags(
                target, args.tags, quote=context.quote, outlet=context.outlet,
                story_title=context.story_title,
            )  # fmt: skip
    except ValueError as exc:
        print(f"crosswire: {exc}", file=sys.stderr)
        return 1
    print(", ".join(map(printable, annotations.tags_for(target))) or "(no tags)")
    return 0


def run_note(args: argparse.Namespace) -> int:
    """Attach a note; prints its id."""
    from tui.core.notes.annotations import Annotations

    library = open_library(args.library_home)
    target, context = _target(library, args)
    text = sys.stdin.read() if args.text == "-" else args.text
    try:
        note = Annotations(library.home).add_note(
            target, text, quote=context.quote, outlet=context.outlet,
            story_title=context.story_title,
        )  # fmt: skip
    except ValueError as exc:
        print(f"crosswire: {exc}", file=sys.stderr)
        return 1
    print(note.id)
    return 0


def run_notes(args: argparse.Namespace) -> int:
    """List annotations matching the filters, as text or JSON."""
    from tui.core.notes.annotations import Annotations
    from tui.core.notes.types import annotation_to_doc

    library = open_library(args.library_home)
    story_id = library.find_story(args.story).id if args.story else None
    annotations = Annotations(library.home)
    items = annotations.items(story_id=story_id, tag=args.tag, outlet=args.outlet)
    if args.search:
        wanted = {item.target for item in items}
        hits = annotations.search(args.search, limit=sys.maxsize)
        items = [hit.annotation for hit in hits if hit.annotation.target in wanted]  # best first
    if args.json:
        document = {"annotations": [annotation_to_doc(item) for item in items]}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    for item in items:
        where = printable(item.story_title)
        if item.outlet:
            where += f" / {printable(item.outlet)}"
        print(f"[{item.target.kind}] {where}: \u201c{printable(item.quote)}\u201d")
        if item.tags:
            print("  tags: " + ", ".join(map(printable, item.tags)))
        for note in item.notes:
            text = printable(note.text, multiline=True)
            print(f"  note {note.id}: " + text.replace("\n", "\n    "))
    if not items:
        print("no annotations match", file=sys.stderr)
    return 0
