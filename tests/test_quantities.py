"""Numbers as values: one amount written many ways is one variant, a different amount is drift."""

from __future__ import annotations

import pytest
from align_data import make_article, seed_articles

from tui.core.align.engine import align_story
from tui.core.drift.detect import differences
from tui.core.text.quantities import value_key
from tui.core.text.wordfacts import NUMBER_VALUES


def key(phrase: str) -> str | None:
    return value_key(phrase.split(), NUMBER_VALUES)


@pytest.mark.parametrize(
    "same",
    [
        ["$3 million", "$3m", "3 million dollars", "US$3 million", "$3,000,000", "3m dollars"],
        ["45%", "45 percent", "45 pct"],
        ["1,200", "1200"],
        ["six weeks", "6 weeks"],
        ["a week", "1 week", "one week"],
        ["9:40 p.m.", "21:40", "9:40pm", "9:40 pm"],
        ["1.5 billion", "1.5bn", "1,500 million"],
        ["twenty five", "25"],
        ["two hundred thousand", "200,000"],
        ["€2m", "2 million euros"],
    ],
)
def test_one_value_written_many_ways_has_one_key(same: list[str]) -> None:
    keys = {key(phrase) for phrase in same}
    assert len(keys) == 1 and None not in keys, {phrase: key(phrase) for phrase in same}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("$3 million", "$30 million"),
        ("$3m", "€3m"),
        ("45%", "54%"),
        ("45%", "45"),
        ("a week", "two weeks"),
        ("9:40", "21:40"),
        ("3 million", "3 billion"),
        ("6 weeks", "6 months"),
    ],
)
def test_different_values_have_different_keys(a: str, b: str) -> None:
    assert key(a) is not None and key(b) is not None and key(a) != key(b)


@pytest.mark.parametrize("unsure", ["1990s", "3-2", "6 7", "F-35", "25:99", "13:00 pm"])
def test_runs_it_cannot_read_as_one_value_get_none(unsure: str) -> None:
    assert key(unsure) is None


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("Repairs cost $3 million, he said.", "Repairs cost $3m, he said.", []),
        ("Repairs cost 3 million dollars, he said.", "Repairs cost $3m, he said.", []),
        (
            "Repairs cost $30 million, he said.",
            "Repairs cost $3m, he said.",
            [("quantity", "$30 million", "$3m")],
        ),
        ("Some 45% of jobs depend on it.", "Some 45 percent of jobs depend on it.", []),
        ("The ferry left at 9:40 p.m. on Friday.", "The ferry left at 21:40 on Friday.", []),
        (
            "It will reopen within a week.",
            "It will reopen within two weeks.",
            [("quantity", "a week", "two weeks")],
        ),
        # A count of weeks is a quantity whether it is written with digits or words.
        ("It takes 1 week.", "It takes 2 weeks.", [("quantity", "1 week", "2 weeks")]),
    ],
)
def test_differences_compare_values_not_spellings(
    x: str, y: str, expected: list[tuple[str, str, str]]
) -> None:
    assert differences(x, y) == expected


HARBOUR = [
    (
        "wire",
        "The harbour will close on January 5 for repairs costing $3 million, port director "
        "Tomasz Nowak said on Monday.",
    ),
    (
        "paper",
        "The harbour will close on January 6 for repairs costing 3 million dollars, port director "
        "Tomasz Nowak said on Monday.",
    ),
    (
        "site",
        "The harbour will close on Jan. 5 for repairs costing $3m, port director Tomas Nowak "
        "said on Monday.",
    ),
    (
        "radio",
        "The harbour will close on January 5 for repairs costing $30 million, port director "
        "Tomasz Nowak said on Tuesday.",
    ),
]


def test_one_drift_per_pair_of_values_with_every_writer_on_its_side() -> None:
    result = align_story([make_article(name, name.title(), [text]) for name, text in HARBOUR])
    rows = {(d.kind, d.a, d.b): (d.outlets_a, d.outlets_b) for d in result.drift}
    assert rows == {
        ("name", "Tomasz", "Tomas"): (("Paper", "Radio", "Wire"), ("Site",)),
        ("quantity", "$3 million", "$30 million"): (("Paper", "Site", "Wire"), ("Radio",)),
        ("date", "January 5", "January 6"): (("Radio", "Site", "Wire"), ("Paper",)),
        ("date", "Monday", "Tuesday"): (("Paper", "Site", "Wire"), ("Radio",)),
    }


def test_no_sentence_is_ever_on_both_sides() -> None:
    """A sentence that writes both variants ('Japanese Defence Minister ... U.S. defense
    official' in the seeds) takes neither side of that drift."""
    for articles in (seed_articles(), [make_article(n, n, [t]) for n, t in HARBOUR]):
        for drift in align_story(articles).drift:
            assert not set(drift.refs_a) & set(drift.refs_b), drift
            assert drift.refs_a and drift.refs_b
