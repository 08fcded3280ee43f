"""Review state: articles marked reviewed, drifts confirmed or dismissed (kept by what they say,
so a dismissed drift stays dismissed when the story is aligned again), what is left per story,
and memos that report confirmed drift only unless asked. Real store files in a tmp folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.app_data import SEEDS_DIR, running_main
from tests.conftest import RunCli
from tests.test_key_bursts import burst
from tui.core.models import Drift
from tui.core.notes.review import REVIEW_FILE, ReviewState, confirmed_only, drift_key
from tui.core.reader.story import StoryReader
from tui.core.store.importer import import_paths
from tui.core.store.library import Library, LibraryError
from tui.screens.drift_list import DriftListScreen
from tui.screens.stories import StoriesScreen
from tui.widgets.source_list import SourceList


def _drift(a: str, b: str, *, cluster: int = 3, kind: str = "date") -> Drift:
    return Drift(cluster, kind, a, b, ("X",), ("Y",))  # type: ignore[arg-type]


def test_a_drift_is_named_by_what_it_says_not_where_it_stands() -> None:
    assert drift_key(_drift("Thursday", "Friday")) == drift_key(_drift("friday", " Thursday "))
    assert drift_key(_drift("Thursday", "Friday", cluster=9)) == "date|friday|thursday"
    assert drift_key(_drift("500", "600", kind="number")) != drift_key(_drift("500", "600"))


def test_marks_and_decisions_round_trip_and_undo(tmp_path: Path) -> None:
    state = ReviewState(tmp_path)
    thursday, quote = _drift("Thursday", "Friday"), _drift("a", "b", kind="quote")
    state.set_reviewed("s1", "art1")
    state.set_reviewed("s1", "art2")
    state.set_reviewed("s1", "art2", False)
    state.decide("s1", thursday, "dismissed")
    state.decide("s1", quote, "confirmed")
    again = ReviewState(tmp_path)  # as another process reads it
    assert again.reviewed_articles("s1") == {"art1"}
    assert again.decisions("s1") == {
        drift_key(thursday): "dismissed",
        drift_key(quote): "confirmed",
    }
    assert confirmed_only([thursday, quote], again.decisions("s1")) == [quote]
    left = again.left("s1", ["art1", "art2", "art3"], [thursday, quote, _drift("1", "2")])
    assert (left.articles, left.drifts, left.articles_total, left.drifts_total) == (2, 1, 3, 3)
    again.decide("s1", thursday, None)
    assert ReviewState(tmp_path).decisions("s1") == {drift_key(quote): "confirmed"}
    assert again.reviewed_articles("other story") == frozenset()
    assert again.left("s1", ["art1"], None).drifts is None


def test_a_file_from_a_newer_crosswire_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / REVIEW_FILE
    path.write_text(json.dumps({"meta": {"1": {"schema": 99}}, "stories": {}}), encoding="utf-8")
    before = path.read_bytes()
    state = ReviewState(tmp_path)
    with pytest.raises(LibraryError, match="written by a newer crosswire"):
        state.set_reviewed("s", "a")
    with pytest.raises(LibraryError, match="newer crosswire"):
        state.decisions("s")
    assert path.read_bytes() == before


def test_a_dismissed_drift_stays_dismissed_when_the_story_is_aligned_again(
    tmp_path: Path,
) -> None:
    library = Library(tmp_path / "library")
    story_id = import_paths(library, [SEEDS_DIR]).story_ids[0]
    first = StoryReader(library).open(story_id).alignment
    dismissed = next(d for d in first.drift if d.kind != "spelling")
    state = ReviewState(library.home)
    state.decide(story_id, dismissed, "dismissed")
    # Another outlet joins the story: the story is aligned afresh, clusters are renumbered.
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(SEEDS_DIR / "003_d7bb37f40b9910b9.txt", extra / "copy.txt")
    import_paths(library, [extra / "copy.txt"], story=story_id, outlet="Copy Desk")
    second = StoryReader(library).open(story_id).alignment
    assert second.article_ids != first.article_ids
    same = [d for d in second.drift if drift_key(d) == drift_key(dismissed)]
    assert same, "the drift is still found after the new alignment"
    decisions = state.decisions(story_id)
    assert all(decisions.get(drift_key(d)) == "dismissed" for d in same)
    left = state.left(story_id, second.article_ids, second.drift)
    assert left.drifts == len({drift_key(d) for d in second.drift}) - 1


async def test_R_marks_the_article_reviewed_and_the_header_counts_what_is_left(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        sources = main.query_one(SourceList)
        assert sources.review is not None and sources.review.articles == 5
        await burst(app, pilot, "R", "j", "R")
        first, second = [o.id for o in sources.outlet_list.options if o.id][:2]
        assert ReviewState(library.home).reviewed_articles(story_id) == {first, second}
        assert sources.review.articles == 3
        assert sources.border_subtitle.startswith("left: 3 outlets · ")
        rows = [str(o.prompt) for o in sources.outlet_list.options if o.id]
        assert "✓" in rows[0].splitlines()[0] and "✓" not in rows[2].splitlines()[0]
        await burst(app, pilot, "R")
        assert ReviewState(library.home).reviewed_articles(story_id) == {first}


async def test_the_drift_list_confirms_and_dismisses_and_sources_recount(
    seeded: tuple[Library, str],
) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        drifts_total = main.query_one(SourceList).review.drifts_total  # type: ignore[union-attr]
        await pilot.press("d")
        await pilot.pause()
        await burst(app, pilot, "c", "x")
        screen = app.screen
        assert isinstance(screen, DriftListScreen)
        first, second = screen.shown[0].first, screen.shown[1].first
        assert ReviewState(library.home).decisions(story_id) == {
            drift_key(first): "confirmed",
            drift_key(second): "dismissed",
        }
        assert str(screen.query_one("#drift-table").get_row_at(0)[-1]) == "✓"
        await burst(app, pilot, "k", "x")  # x on a dismissed drift: undecided again
        assert drift_key(second) not in ReviewState(library.home).decisions(story_id)
        await burst(app, pilot, "q")
        assert app.screen is main
        review = main.query_one(SourceList).review
        assert review is not None and review.drifts == (drifts_total or 0) - 1


async def test_the_stories_list_says_what_is_left_to_review(seeded: tuple[Library, str]) -> None:
    library, story_id = seeded
    async with running_main(library, story_id) as (app, pilot, main):
        await burst(app, pilot, "R")
        await burst(app, pilot, "S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        line = str(screen.query_one("#stories-list").get_option_at_index(0).prompt)
        drifts = {drift_key(d) for d in main.alignment.drift} if main.alignment else set()
        assert len(drifts) > 1
        assert f"to review: 4 of 5 outlets, {len(drifts)} drifts" in line


def _drift_lines(memo: str) -> list[str]:
    """The list items of the memo's drift section."""
    section = memo.split("\n## Drift", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- **")]


def test_memo_reports_confirmed_drift_unless_all_drifts(
    run_cli: RunCli, seeded: tuple[Library, str]
) -> None:
    library, story_id = seeded
    drift = StoryReader(library).open(story_id).alignment.drift[0]
    ReviewState(library.home).decide(story_id, drift, "confirmed")
    home = ["--library", str(library.home)]
    memo = run_cli(*home, "export", story_id, "-o", "-").stdout
    assert "## Drift (confirmed)" in memo
    drift_lines = _drift_lines(memo)
    assert len(drift_lines) == 1 and drift.a in drift_lines[0]
    assert "more drifts are not confirmed" in memo and "--all-drifts" in memo
    every = run_cli(*home, "export", story_id, "--all-drifts", "-o", "-").stdout
    lines = _drift_lines(every)
    assert len(lines) > 1 and lines[0].endswith("(confirmed)")
    assert all(line.endswith(("(confirmed)", "(not reviewed)")) for line in lines)
    document = json.loads(run_cli(*home, "export", story_id, "-f", "json", "-o", "-").stdout)
    assert document["drift_review"][0] == "confirmed"
    assert len(document["drift_review"]) == len(document["compare"]["drift"])
