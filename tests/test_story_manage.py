"""Story management: rename, move, merge, split and delete, with tags and notes following their
articles, in the core and through the CLI, and a move killed half-way leaving one state."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tui.core.notes.annotations import Annotations, Target, context_for
from tui.core.store.importer import import_paths
from tui.core.store.library import Library, LibraryError
from tui.core.stories.manage import (
    delete_articles,
    delete_story,
    merge_stories,
    move_articles,
    rename_story,
    split_story,
)

GROUPING = REPO_ROOT / "tests" / "fixtures" / "grouping"


@pytest.fixture()
def library(tmp_path: Path) -> Library:
    library = Library(tmp_path / "library")
    for event in ("hualien-quake-2018", "usyk-fury-2024-05"):
        import_paths(library, [GROUPING / event])
    return library


def _stories(library: Library) -> dict[str, list[str]]:
    return {s.title: sorted(library.get_story(s.id).article_ids) for s in library.stories()}


def _quake_and_fight(library: Library) -> tuple[str, str]:
    quake, fight = (s.id for s in library.stories())
    return quake, fight


def _annotate(library: Library, target: Target, tag: str) -> None:
    context = context_for(library, target)
    Annotations(library.home).add_tags(
        target,
        [tag],
        quote=context.quote,
        outlet=context.outlet,
        story_title=context.story_title,
    )


def test_rename(library: Library) -> None:
    quake, _ = _quake_and_fight(library)
    renamed = rename_story(library, quake, "Hualien \x1b[31mquake\x1b[0m 2018")
    assert renamed.title == "Hualien quake 2018"
    assert library.get_story(quake).title == "Hualien quake 2018"
    with pytest.raises(LibraryError):
        rename_story(library, quake, "\x1b[0m")


def test_move_keeps_the_article_and_its_tags_and_notes(library: Library) -> None:
    quake, fight = _quake_and_fight(library)
    article = library.articles(quake)[0]
    _annotate(library, Target.article(quake, article.id), "moved-article")
    _annotate(library, Target.sentence(quake, article.id, 1), "moved-sentence")
    _annotate(library, Target.article(quake, library.articles(quake)[1].id), "stays")
    before = len(library.get_story(fight).article_ids)
    move_articles(library, [article.id], quake, fight)
    assert article.id not in library.get_story(quake).article_ids
    assert library.get_story(fight).article_ids[-1] == article.id
    assert len(library.get_story(fight).article_ids) == before + 1
    moved = next(a for a in library.articles(fight) if a.id == article.id)
    assert moved.raw == article.raw and moved.sentences == article.sentences
    annotations = Annotations(library.home)
    assert annotations.tags_for(Target.article(fight, article.id)) == ("moved-article",)
    assert annotations.tags_for(Target.sentence(fight, article.id, 1)) == ("moved-sentence",)
    assert [i.target.story_id for i in annotations.items(tag="stays")] == [quake]
    assert not annotations.items(story_id=quake, tag="moved-article")


def test_merge_moves_everything_and_combines_story_tags(library: Library) -> None:
    quake, fight = _quake_and_fight(library)
    _annotate(library, Target.story(quake), "quake")
    _annotate(library, Target.story(fight), "fight")
    every = set(library.get_story(quake).article_ids) | set(library.get_story(fight).article_ids)
    merged = merge_stories(library, quake, [fight])
    assert [s.id for s in library.stories()] == [quake]
    assert set(merged.article_ids) == every
    assert len(library.articles(quake)) == len(every)
    assert Annotations(library.home).tags_for(Target.story(quake)) == ("quake", "fight")
    assert not (library.home / "articles" / f"{fight}.json").exists()


def test_split_makes_a_new_story_and_refuses_to_empty_one(library: Library) -> None:
    quake, _ = _quake_and_fight(library)
    ids = library.get_story(quake).article_ids
    new = split_story(library, quake, ids[:2], "Marshal Hotel")
    assert new.title == "Marshal Hotel" and new.article_ids == ids[:2]
    assert library.get_story(quake).article_ids == ids[2:]
    with pytest.raises(LibraryError, match="at least one"):
        split_story(library, quake, ids[2:], "all of it")


def test_delete_articles_and_stories_keep_their_notes(library: Library) -> None:
    quake, fight = _quake_and_fight(library)
    article = library.articles(fight)[0]
    _annotate(library, Target.article(fight, article.id), "kept")
    delete_articles(library, fight, [article.id])
    assert article.id not in library.get_story(fight).article_ids
    with pytest.raises(LibraryError):
        delete_articles(library, fight, [article.id])
    delete_story(library, quake)
    assert [s.id for s in library.stories()] == [fight]
    assert Annotations(library.home).items(tag="kept")


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args, "--library", str(home)],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
    )  # fmt: skip


def test_cli_story_verbs(library: Library) -> None:
    home = library.home
    quake, fight = _quake_and_fight(library)
    done = _run(home, "story", "rename", quake, "Hualien 2018")
    assert done.returncode == 0 and "Hualien 2018" in done.stdout, done.stderr
    done = _run(home, "story", "move", "Hualien 2018", "scmp.com", "--to", fight)
    assert done.returncode == 0 and "moved 1 article" in done.stdout, done.stderr
    done = _run(home, "story", "split", fight, "scmp.com", "--title", "SCMP")
    assert done.returncode == 0 and "SCMP" in done.stdout, done.stderr
    done = _run(home, "story", "merge", "Hualien 2018", "SCMP")
    assert done.returncode == 0, done.stderr
    refused = _run(home, "story", "delete", fight)
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert len(library.stories()) == 2
    done = _run(home, "story", "delete", fight, "--yes")
    assert done.returncode == 0, done.stderr
    listed = json.loads(_run(home, "stories", "--json").stdout)["stories"]
    assert [(s["title"], s["articles"]) for s in listed] == [("Hualien 2018", 5)]
    unknown = _run(home, "story", "move", "Hualien 2018", "nobody", "--to", "Hualien 2018")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_a_move_killed_half_way_leaves_one_state(tmp_path: Path, library: Library) -> None:
    """Kill a process looping moves back and forth at random moments: every time the library
    holds each article exactly once, and every listed article has its body."""
    quake, fight = _quake_and_fight(library)
    every = set(library.get_story(quake).article_ids) | set(library.get_story(fight).article_ids)
    script = (
        "import sys\n"
        "from tui.core.store.library import Library\n"
        "from tui.core.stories.manage import move_articles\n"
        "lib = Library(sys.argv[1]); a, b = sys.argv[2], sys.argv[3]\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    ids = lib.get_story(a).article_ids[:2]\n"
        "    if ids: move_articles(lib, ids, a, b)\n"
        "    a, b = b, a\n"
    )
    for delay in (0.05, 0.11, 0.17, 0.23):
        process = subprocess.Popen(
            [sys.executable, "-c", script, str(library.home), quake, fight],
            cwd=REPO_ROOT, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
            stdout=subprocess.PIPE,
        )  # fmt: skip
        assert process.stdout is not None and process.stdout.readline() == b"ready\n"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        fresh = Library(library.home)
        held = [i for s in fresh.stories() for i in fresh.get_story(s.id).article_ids]
        assert sorted(held) == sorted(every)
        for story in fresh.stories():
            assert len(fresh.articles(story.id)) == len(story.article_ids)
