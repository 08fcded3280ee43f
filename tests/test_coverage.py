"""The spread of a story's coverage, the blindspot rule, the timeline and each wire copy's changes,
on stories whose spread and dates are known; and their place in `compare --json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from tui.core.coverage.copies import family_copies
from tui.core.coverage.spread import find_blindspot, story_spread
from tui.core.coverage.story import story_coverage
from tui.core.coverage.timeline import read_when, story_timeline
from tui.core.profiles.lookup import ProfileIndex
from tui.core.profiles.types import OutletProfile


class Art(NamedTuple):
    id: str
    outlet: str
    url: str | None = None
    date: str | None = None


PROFILES = ProfileIndex(
    [
        OutletProfile("Left Daily", country="US", type="national", lean="left"),
        OutletProfile("Lefter", country="US", type="blog", lean="far-left"),
        OutletProfile("Leaning", country="UK", type="national", lean="lean-left"),
        OutletProfile("Middle", aliases=("The Middle",), country="UK", type="wire", lean="center"),
        OutletProfile("Righty", domains=("righty.com",), country="US", type="local", lean="right"),
        OutletProfile("Unrated Times", country="FR"),
    ]
)


def test_counts_by_lean_country_and_type_count_outlets_once_and_show_unrated() -> None:
    articles = [
        Art("1", "Left Daily"),
        Art("2", "Left Daily"),  # the same outlet twice counts once
        Art("3", "The Middle"),  # an alias
        Art("4", "Who?", "https://www.righty.com/story"),  # by domain
        Art("5", "Unrated Times"),
        Art("6", "Nobody Knows"),
    ]
    spread = story_spread(articles, PROFILES)
    assert [(c.key, c.outlets) for c in spread.by_lean] == [
        ("far-left", ()),
        ("left", ("Left Daily",)),
        ("lean-left", ()),
        ("center", ("Middle",)),
        ("lean-right", ()),
        ("right", ("Righty",)),
        ("far-right", ()),
        ("unrated", ("Unrated Times", "Nobody Knows")),
    ]
    assert spread.rated == 3 and len(spread.outlets) == 5
    assert spread.outlets[0].article_ids == ("1", "2")
    assert [(c.key, c.count) for c in spread.by_country] == [
        ("US", 2),
        ("FR", 1),
        ("UK", 1),
        ("unknown", 1),
    ]
    assert [(c.key, c.count) for c in spread.by_type] == [
        ("wire", 1),
        ("national", 1),
        ("local", 1),
        ("unknown", 2),
    ]
    assert spread.blindspot is None


@pytest.mark.parametrize(
    ("leans", "threshold", "flagged"),
    [
        (["left", "left", "lean-left", "far-left", "right"], 0.8, ("left", 4, 5)),
        (["left", "left", "lean-left", "right", "right"], 0.8, None),  # 60%
        (["left", "left", "lean-left", "right", "right"], 0.6, ("left", 3, 5)),
        (["right", "far-right", None, None, None, None], 0.8, ("right", 2, 2)),  # unrated aside
        (["right", "center", "center", "center"], 0.8, None),  # center is on neither side
        (["left", "left", "left", "center"], 0.8, None),  # 75%: center counts as rated
        (["left", None, None], 0.8, None),  # one rated outlet says nothing about sides
        ([None, None], 0.8, None),
        ([], 0.8, None),
    ],
)
def test_the_blindspot_rule(
    leans: list[str | None], threshold: float, flagged: tuple[str, int, int] | None
) -> None:
    found = find_blindspot(leans, threshold=threshold)
    if flagged is None:
        assert found is None
    else:
        assert found is not None
        assert (found.side, found.count, found.rated) == flagged
        assert f"{flagged[1]} of {flagged[2]} rated outlets" in found.evidence


def test_a_story_covered_by_the_left_is_a_blindspot_for_the_spread() -> None:
    articles = [Art(str(n), name) for n, name in enumerate(["Left Daily", "Lefter", "Leaning"])]
    spread = story_spread([*articles, Art("9", "Nobody")], PROFILES)
    assert spread.blindspot is not None and spread.blindspot.side == "left"
    assert (
        spread.blindspot.evidence == "3 of 3 rated outlets (100%) are left of center; threshold 80%"
    )
    assert story_spread([*articles, Art("8", "Righty")], PROFILES).blindspot is None  # 75%
    assert (
        story_spread([*articles, Art("8", "Righty")], PROFILES, blindspot_share=0.75).blindspot
        is not None
    )


# --- the timeline ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("recorded", "known", "timed"),
    [
        ("2026-01-16", True, False),
        ("2026-01-16T09:30:00+02:00", True, True),
        ("2026-01-16T07:30:00Z", True, True),
        ("2026-01-16T07:30:00", True, False),  # no zone: ordered by its day only
        ("Fri, 16 Jan 2026 07:30:00 GMT", True, True),  # as feeds write it
        ("yesterday", False, False),
        ("2026-13-45", False, False),
        ("", False, False),
        (None, False, False),
    ],
)
def test_dates_read_as_what_they_say_and_no_more(
    recorded: str | None, known: bool, timed: bool
) -> None:
    when = read_when(recorded)
    assert (when is not None) == known
    assert (when is not None and when.moment is not None) == timed


def test_the_timeline_orders_by_time_and_lists_missing_dates_as_unknown() -> None:
    timeline = story_timeline(
        [
            Art("a", "Late", date="2026-01-18"),
            Art("b", "Undated"),
            Art("c", "Wire", date="2026-01-16T07:00:00Z"),
            Art("d", "Follower", date="2026-01-16T09:30:00+00:00"),
            Art("e", "Garbled", date="around noon"),
            Art("f", "Next day", date="2026-01-17T10:00:00Z"),
        ]
    )
    assert [(e.outlet, e.first, e.after_first) for e in timeline.entries] == [
        ("Wire", True, "first"),
        ("Follower", False, "+2 h 30 min"),
        ("Next day", False, "+27 h"),
        ("Late", False, "+2 days"),
        ("Undated", False, "unknown"),
        ("Garbled", False, "unknown"),
    ]
    assert timeline.entries[-1].recorded == "around noon"  # shown as written, never guessed
    assert timeline.unknown == 2
    assert timeline.summary() == (
        "First: Wire (2026-01-16T07:00:00Z); 3 articles followed; 2 with no date"
    )


def test_articles_of_one_day_without_times_are_first_together() -> None:
    timeline = story_timeline(
        [
            Art("a", "One", date="2026-01-16"),
            Art("b", "Two", date="2026-01-16T10:00:00Z"),
            Art("c", "Three", date="2026-01-19"),
        ]
    )
    assert [(e.outlet, e.first, e.after_first) for e in timeline.entries] == [
        ("Two", True, "first"),
        ("One", True, "first"),
        ("Three", False, "+3 days"),
    ]


def test_a_story_without_any_date_says_so() -> None:
    timeline = story_timeline([Art("a", "One"), Art("b", "Two")])
    assert timeline.first == () and timeline.unknown == 2
    assert timeline.summary() == "No article has a publication date (2 articles)"


# --- on the bundled story ------------------------------------------------------------------------


def test_wire_copies_on_the_bundled_story(seeded) -> None:  # type: ignore[no-untyped-def]
    from tui.core.reader.story import StoryReader

    library, story_id = seeded
    _, articles, alignment = StoryReader(library).open(story_id)
    (family,) = family_copies(alignment)
    outlets = [c.outlet for c in family.copies]
    assert outlets == ["TRT World", "Portugal Colonial"]  # the two AFP copies, origin first
    origin, copy = family.copies
    assert origin.summary() == "origin" and origin.changed == 0
    sentences = len(alignment.sentences[copy.article_id])
    assert copy.same + copy.edited + copy.added == sentences
    assert copy.same > copy.edited > 0 and copy.dropped > 0
    assert 0 < copy.changed < 0.5
    assert family.evidence.endswith("near-verbatim in 1 other outlet")

    coverage = story_coverage(articles, alignment)
    assert coverage.spread.rated == 0
    assert coverage.spread.by_lean[-1].count == 5  # all five unrated, shown as such
    assert [e.outlet for e in coverage.timeline.entries if e.when] == ["TRT World"]
    assert coverage.timeline.unknown == 4


def test_compare_json_has_coverage_and_timeline(run_cli, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("import", *seed_paths).returncode == 0
    for outlet, lean in (("TRT World", "lean-right"), ("SadaNews", "right"), ("CRBC", "left")):
        assert run_cli("outlets", "set", outlet, "--lean", lean, "--country", "X").returncode == 0
    assert run_cli("outlets", "set", "CRBC", "--domains", "crbcnews.com").returncode == 0
    doc = json.loads(run_cli("compare", "--json").stdout)
    coverage = doc["coverage"]
    assert list(coverage) == [
        "outlets",
        "rated",
        "by_lean",
        "by_country",
        "by_type",
        "threshold",
        "blindspot",
    ]
    by_lean = {item["lean"]: item["outlets"] for item in coverage["by_lean"]}
    assert by_lean["lean-right"] == ["TRT World"] and by_lean["right"] == ["SadaNews"]
    assert by_lean["left"] == ["CRBC"]  # found by its page's domain
    assert sorted(by_lean["unrated"]) == ["Ground News", "Portugal Colonial"]
    assert coverage["blindspot"] is None  # 2 of 3 rated on the right: 67%
    assert coverage["threshold"] == 0.8
    flagged = json.loads(run_cli("compare", "--json", "--blindspot-share", "0.6").stdout)
    assert flagged["coverage"]["blindspot"]["side"] == "right"
    timeline = doc["timeline"]
    assert timeline[0] == {
        "article": timeline[0]["article"],
        "outlet": "TRT World",
        "date": "2026-01-16",
        "known": True,
        "first": True,
        "after_first": "first",
    }
    assert [t["date"] for t in timeline[1:]] == [None] * 4
    assert {t["after_first"] for t in timeline[1:]} == {"unknown"}
    bad = run_cli("compare", "--blindspot-share", "0.4")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_no_blindspot_says_why_with_the_figures() -> None:
    articles = [Art("1", "Left Daily"), Art("2", "Righty"), Art("3", "Middle"), Art("4", "?")]
    assert story_spread(articles, PROFILES).no_blindspot_reason() == (
        "No blindspot: of 3 rated outlets, 1 left of center, 1 center, 1 right of it; "
        "neither side reaches 80%"
    )
    assert story_spread(articles[:1], PROFILES).no_blindspot_reason() == (
        "No blindspot can be judged: 1 rated outlet, fewer than 2"
    )
    assert story_spread([Art("9", "?")], PROFILES).no_blindspot_reason() == (
        "No blindspot can be judged: no outlet of this story has a lean"
    )


def test_families_are_listed_together_and_a_fold_hides_the_copies() -> None:
    from tui.core.coverage.copies import CopyChange, FamilyCopies
    from tui.core.models import Family
    from tui.widgets.family_rows import hidden_by_fold, source_rows

    def family(origin: str, *copies: str) -> FamilyCopies:
        members = (origin, *copies)
        changes = tuple(CopyChange(m, m, m == origin, 5, 1, 0, 0) for m in members)
        return FamilyCopies(Family(origin, members, 5, 6), changes, "")

    afp, reuters = family("b", "e", "a"), family("d", "f")
    order = ["a", "b", "c", "d", "e", "f", "g"]
    rows = source_rows(order, [afp, reuters], folded=set())
    assert [r.article_id for r in rows] == ["b", "e", "a", "c", "d", "f", "g"]
    assert [r.last_in_family for r in rows] == [False, False, True, False, False, True, False]
    folded = source_rows(order, [afp, reuters], folded={"b"})
    assert [(r.article_id, r.folded) for r in folded] == [
        ("b", 2), ("c", 0), ("d", 0), ("f", 0), ("g", 0),
    ]  # fmt: skip
    assert hidden_by_fold([afp, reuters], {"b"}) == {"e": "b", "a": "b"}
    # an outlet missing from the list (deleted since) leaves its family's other rows intact
    assert [r.article_id for r in source_rows(["a", "b", "c"], [afp], set())] == ["b", "a", "c"]
