"""`crosswire story rename|move|merge|split|delete`: change the stories of the library; and
`crosswire versions`: an article's earlier versions, compared word by word.

Stories are named as every command names them (`Library.find_story`: id, id prefix, or words of
one title, never a guess); articles by id or by outlet name within their story. Deleting asks for
`--yes`. Each command prints one line saying what changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.cli.common import open_library, printable
from tui.core.models import Article, Story
from tui.core.store.library import Library, LibraryError
from tui.core.text.wording import plural

LIBRARY_HELP = "library folder (default: $CROSSWIRE_HOME, else your user data folder)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `story` command and its verbs."""
    story = subparsers.add_parser(
        "story",
        help="rename, merge, split or delete stories, move articles between them",
        description="Change stories. Tags and notes follow the articles they are on.",
    )
    verbs = story.add_subparsers(dest="verb", metavar="VERB", required=True)
    rename = verbs.add_parser("rename", help="give a story a new title")
    rename.add_argument("story", metavar="STORY")
    rename.add_argument("title", metavar="TITLE")
    rename.set_defaults(func=run_rename)

    move = verbs.add_parser("move", help="move articles of a story to another story")
    move.add_argument("story", metavar="STORY", help="the story the articles are in")
    move.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id or outlet")
    move.add_argument("--to", required=True, metavar="STORY", help="the story to move them to")
    move.set_defaults(func=run_move)

    merge = verbs.add_parser("merge", help="move every article of other stories into one")
    merge.add_argument("story", metavar="STORY", help="the story to keep")
    merge.add_argument("others", nargs="+", metavar="OTHER", help="stories merged into it")
    merge.set_defaults(func=run_merge)

    split = verbs.add_parser("split", help="move some articles of a story into a new story")
    split.add_argument("story", metavar="STORY")
    split.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id or outlet")
    split.add_argument("--title", metavar="TITLE", help="the new story's title (default: the "
                       "first article's title)")  # fmt: skip
    split.set_defaults(func=run_split)

    delete = verbs.add_parser("delete", help="delete a story, or some of its articles")
    delete.add_argument("story", metavar="STORY")
    delete.add_argument("articles", nargs="*", metavar="ARTICLE", help="only these articles")
    delete.add_argument("--yes", action="store_true", help="really delete (required)")
    delete.set_defaults(func=run_delete)
    versions = subparsers.add_parser(
        "versions",
        help="an article's earlier versions and what changed between two of them",
        description=(
            "List the versions of one article (earlier texts kept when a changed copy was "
            "imported) and show, word by word, what changed from one to another: by default "
            "from the one before the latest to the latest."
        ),
    )
    versions.add_argument("story", metavar="STORY")
    versions.add_argument("article", metavar="ARTICLE", help="article id or outlet")
    versions.add_argument("--older", type=int, metavar="N", help="compare from version N")
    versions.add_argument("--newer", type=int, metavar="N", help="compare to version N")
    versions.set_defaults(func=run_versions)
    for verb in verbs.choices.values():
        # `crosswire story rename X Y --library DIR`: as after any command (see `cli.main`).
        verb.add_argument(
            "--library", metavar="DIR", type=Path, default=argparse.SUPPRESS, help=LIBRARY_HELP
        )


def find_articles(library: Library, story: Story, wanted: Sequence[str]) -> list[Article]:
    """The articles of `story` named by id or outlet (as shown, case aside); one each."""
    articles = library.articles(story.id)
    found: list[Article] = []
    for name in wanted:
        key = printable(name).casefold()
        matching = [a for a in articles if a.id == name] or [
            a for a in articles if printable(a.outlet).casefold() == key
        ]
        if len(matching) != 1:
            problem = "no article" if not matching else f"{len(matching)} articles"
            raise LibraryError(
                f"{problem} matching {printable(name)!r} in story {printable(story.title)!r}"
                + ("; name it by id (crosswire compare --json lists them)" if matching else "")
            )
        if matching[0] not in found:
            found.append(matching[0])
    return found


def _say(text: str) -> None:
    print(printable(text))


def run_rename(args: argparse.Namespace) -> int:
    from tui.core.stories.manage import rename_story

    library = open_library(args.library_home, first_run_story=False)
    story = library.find_story(args.story)
    renamed = rename_story(library, story.id, args.title)
    _say(f"renamed story {story.id}: {story.title!r} -> {renamed.title!r}")
    return 0


def run_move(args: argparse.Namespace) -> int:
    from tui.core.stories.manage import move_articles

    library = open_library(args.library_home, first_run_story=False)
    story = library.find_story(args.story)
    target = library.find_story(args.to)
    if target.id == story.id:
        raise LibraryError("the articles are already in that story")
    articles = find_articles(library, story, args.articles)
    moved = move_articles(library, [a.id for a in articles], story.id, target.id)
    outlets = ", ".join(a.outlet for a in articles)
    _say(f"moved {plural(len(articles), 'article')} ({outlets}) to story {moved.title!r} "
         f"({moved.id}, {len(moved.article_ids)} in all)")  # fmt: skip
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from tui.core.stories.manage import merge_stories

    library = open_library(args.library_home, first_run_story=False)
    story = library.find_story(args.story)
    others = [library.find_story(name) for name in args.others]
    merged = merge_stories(library, story.id, list(dict.fromkeys(o.id for o in others)))
    titles = "; ".join(repr(o.title) for o in others)
    _say(f"merged {titles} into {merged.title!r} ({merged.id}, "
         f"{plural(len(merged.article_ids), 'article')})")  # fmt: skip
    return 0


def run_split(args: argparse.Namespace) -> int:
    from tui.core.stories.manage import split_story

    library = open_library(args.library_home, first_run_story=False)
    story = library.find_story(args.story)
    articles = find_articles(library, story, args.articles)
    title = args.title or articles[0].title or articles[0].outlet
    new = split_story(library, story.id, [a.id for a in articles], title)
    _say(f"split {plural(len(articles), 'article')} off {story.title!r} into new story "
         f"{new.title!r} ({new.id})")  # fmt: skip
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from tui.core.stories.manage import delete_articles, delete_story

    library = open_library(args.library_home, first_run_story=False)
    story = library.find_story(args.story)
    articles = find_articles(library, story, args.articles) if args.articles else []
    what = (
        f"{plural(len(articles), 'article')} ({', '.join(a.outlet for a in articles)}) of story "
        f"{story.title!r}"
        if articles
        else f"story {story.title!r} ({story.id}) and its "
        f"{plural(len(story.article_ids), 'article')}"
    )
    if not args.yes:
        print(printable(f"crosswire: would delete {what}; add --yes to delete"), file=sys.stderr)
        return 1
    if articles:
        delete_articles(library, story.id, [a.id for a in articles])
    else:
        delete_story(library, story.id)
    _say(f"deleted {what}; their tags and notes are kept")
    return 0


def run_versions(args: argparse.Namespace) -> int:
    """List an article's versions and show what changed between two of them."""
    from rich.console import Console
    from rich.text import Text

    from tui.core.store.versions import versions_of
    from tui.core.stories.version_changes import text_changes

    library = open_library(args.library_home)
    story = library.find_story(args.story)
    (article,) = find_articles(library, story, [args.article])
    texts = [(v.imported_at, v.title, v.text) for v in versions_of(library, article.id)]
    texts.append((article.imported_at, article.title, article.text))
    console = Console(soft_wrap=True, highlight=False)
    for number, (when, title, text) in enumerate(texts, 1):
        latest = "  (shown)" if number == len(texts) else ""
        console.print(Text.assemble(
            f"{number}  {when}  ", (printable(title), "bold"),
            f"  {plural(len(text.split()), 'word')}{latest}",
        ))  # fmt: skip
    if len(texts) == 1:
        console.print(Text("one version only: nothing to compare", style="dim"))
        return 0
    first = args.older or len(texts) - 1
    second = args.newer or len(texts)
    if not (1 <= first <= len(texts) and 1 <= second <= len(texts)) or first == second:
        raise LibraryError(f"versions are numbered 1 to {len(texts)}; give two different ones")
    changes = text_changes(texts[first - 1][2], texts[second - 1][2])
    console.print(Text(f"\nversion {first} -> {second}: {plural(len(changes), 'change')}"))
    for change in changes:
        line = Text("… " + printable(change.before) + " ")
        if change.removed:
            line.append("[-" + printable(change.removed) + "-]", style="red strike")
        if change.added:
            line.append("{+" + printable(change.added) + "+}", style="green")
        line.append(" " + printable(change.after) + " …")
        console.print(line)
    return 0
