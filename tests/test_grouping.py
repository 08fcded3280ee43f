"""Grouping imported articles into stories: the evidence, the decision, and the real pile."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import grouping_pile
from tests.conftest import REPO_ROOT
from tui.core.ingest.clean import clean_text
from tui.core.models import Article
from tui.core.stories.evidence import article_evidence
from tui.core.stories.grouping import place, time_conflict
from tui.core.stories.index import EvidenceIndex
from tui.core.text.textio import read_text_file

GROUPING = REPO_ROOT / "tests" / "fixtures" / "grouping"


def _article(path: Path, article_id: str | None = None) -> Article:
    cleaned = clean_text(read_text_file(path))
    return Article(
        article_id or str(path), "", path.stem, cleaned.title or "", str(path), None,
        cleaned.date, "", "", cleaned.text, cleaned.sentences, cleaned.removed,
    )  # fmt: skip


def _group(split: str, seed: int) -> grouping_pile.PileScore:
    index, truth, found, fresh = EvidenceIndex(), {}, {}, itertools.count()
    for item in grouping_pile.articles(split, seed=seed):
        evidence = article_evidence(_article(item.path))
        story = place(evidence, index).story_id or f"new{next(fresh)}"
        index.add(str(item.path), story, evidence)
        truth[str(item.path)], found[str(item.path)] = item.event, story
    return grouping_pile.score(truth, found)


def test_the_pile_is_what_it_claims() -> None:
    events = grouping_pile.events("all")
    assert len(events) >= 20
    assert len(grouping_pile.articles("all")) >= 100
    assert len(grouping_pile.same_kind_pairs()) >= 6
    for event in events:
        assert (REPO_ROOT / "tests" / "fixtures" / event / "manifest.json").is_file()


@pytest.fixture(scope="module")
def pile_scores() -> list[grouping_pile.PileScore]:
    return [_group("all", seed) for seed in range(3)]


def test_pile_pairwise_f1(pile_scores: list[grouping_pile.PileScore]) -> None:
    """Measured in three import orders (bench/bench_grouping.py prints the same per split).
    Below the 0.90 aimed at: events naming no day that share their vocabulary (the Fed's
    meetings, a fight and its rematch, two elections) still join; see bench/README.md."""
    mean = sum(s.f1 for s in pile_scores) / len(pile_scores)
    assert mean >= 0.84, [round(s.f1, 3) for s in pile_scores]
    assert min(s.precision for s in pile_scores) >= 0.75


@pytest.mark.parametrize(
    "pair",
    [
        ("grouping/hualien-quake-2018", "grouping/hualien-quake-2024"),
        ("grouping/noto-quake-2023", "grouping/noto-quake-2024"),
        ("truth/dev/nepal-jajarkot-quake-2023", "truth/dev/yunnan-ludian-quake-2014"),
    ],
)
def test_quakes_in_one_place_stay_apart(
    pile_scores: list[grouping_pile.PileScore], pair: tuple[str, str]
) -> None:
    for score in pile_scores:
        assert tuple(sorted(pair)) not in score.merged_events


def test_a_report_of_the_same_event_joins_its_story() -> None:
    index = EvidenceIndex()
    folder = GROUPING / "usyk-fury-2024-05"
    first, second, *_ = sorted(folder.glob("*.txt"))
    index.add("a", "story-1", article_evidence(_article(first)))
    decision = place(article_evidence(_article(second)), index)
    assert decision.story_id == "story-1"
    assert decision.score > 0


def test_named_days_that_differ_keep_two_events_apart() -> None:
    """The Noto quake of 5 May 2023 and that of 1 January 2024 share the place, the agency,
    the prime minister and the vocabulary; the days they name differ."""
    index = EvidenceIndex()
    for n, path in enumerate(sorted((GROUPING / "noto-quake-2024").glob("*.txt"))):
        index.add(f"a{n}", "noto-2024", article_evidence(_article(path)))
    may = article_evidence(_article(GROUPING / "noto-quake-2023" / "02_climate_news_db_com.txt"))
    reason = time_conflict(may, index, "noto-2024")
    assert reason is not None and "may 5" in reason
    decision = place(may, index)
    assert decision.story_id is None


def test_unrelated_articles_start_new_stories() -> None:
    index = EvidenceIndex()
    index.add(
        "a", "fed", article_evidence(_article(GROUPING / "fed-hike-2018-03" / "01_upi_com.txt"))
    )
    quake = article_evidence(_article(GROUPING / "hualien-quake-2018" / "02_scmp_com.txt"))
    assert place(quake, index).story_id is None


def test_the_index_forgets_and_moves_articles() -> None:
    index = EvidenceIndex()
    path = GROUPING / "usyk-fury-2024-05" / "01_fightnews_com.txt"
    evidence = article_evidence(_article(path))
    index.add("a", "s1", evidence)
    index.move(["a"], "s2")
    assert index.story_of["a"] == "s2" and "s1" not in index.articles_of
    index.remove("a")
    assert len(index) == 0 and not index.nearest(evidence)


def _run(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "--library", str(home), *map(str, args)],
        capture_output=True, text=True, cwd=REPO_ROOT, timeout=120,
    )  # fmt: skip


def test_cli_import_groups_and_says_why(tmp_path: Path) -> None:
    """Two folders of two quakes in Hualien, without manifests: two stories, each article's
    line saying whether it joined (and on what evidence) or started a story."""
    for event in ("hualien-quake-2018", "usyk-fury-2024-05"):
        shutil.copytree(GROUPING / event, tmp_path / event)
        (tmp_path / event / "manifest.json").unlink()
    home = tmp_path / "library"
    done = _run(
        "import", tmp_path / "hualien-quake-2018", tmp_path / "usyk-fury-2024-05", home=home
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("new story") == 2, done.stdout
    assert done.stdout.count('joined "') == 8, done.stdout
    stories = _run("stories", "--json", home=home)
    import json

    counts = sorted(s["articles"] for s in json.loads(stories.stdout)["stories"])
    assert counts == [5, 5]
    again = _run("import", tmp_path / "usyk-fury-2024-05", home=home)
    assert again.returncode == 0 and "5 already there" in again.stdout


def test_the_evidence_of_held_articles_is_read_from_its_cache(tmp_path: Path) -> None:
    """A second import reads every story's evidence from cache/evidence/ without opening the
    story's articles (their bodies file is moved away to prove it); an article imported again
    changed is computed afresh."""
    from tui.core.store.importer import import_paths
    from tui.core.store.library import Library
    from tui.core.stories.evidence_cache import load_index

    library = Library(tmp_path / "library")
    (story_id,) = import_paths(library, [GROUPING / "usyk-fury-2024-05"]).story_ids
    first = load_index(library)
    assert (library.home / "cache" / "evidence" / f"{story_id}.json").is_file()
    bodies = library.home / "articles" / f"{story_id}.json"
    bodies.rename(tmp_path / "bodies.json")
    again = load_index(Library(library.home))
    assert again.evidence == first.evidence
    (tmp_path / "bodies.json").rename(bodies)
    (library.home / "cache" / "evidence" / f"{story_id}.json").write_bytes(b"\x00not json")
    assert load_index(Library(library.home)).evidence == first.evidence
