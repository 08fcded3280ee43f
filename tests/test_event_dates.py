"""Event dates across clusters: one event told with different days in different sentences."""

from __future__ import annotations

import pytest
from align_data import make_article, seed_articles

from tui.core.align.engine import align_story
from tui.core.drift.event_dates import (
    _DAY_HINT,
    Mention,
    OutletNames,
    _day_at,
    _event_of,
    _names,
    mentions_in,
    outlet_names,
)
from tui.core.models import Drift, SentenceRef, StoryAlignment
from tui.core.text.readings import reading
from tui.core.text.wordfacts import DAYISH


@pytest.fixture(scope="module")
def seeds() -> StoryAlignment:
    return align_story(seed_articles())


def story_dates(alignment: StoryAlignment) -> list[Drift]:
    return [d for d in alignment.drift if d.scope == "story"]


def text_of(alignment: StoryAlignment, article_id: str, index: int) -> str:
    return alignment.sentences[article_id][index].text


def test_ground_news_alone_says_thursday(seeds: StoryAlignment) -> None:
    (drift,) = story_dates(seeds)
    assert (drift.kind, drift.a, drift.b) == ("date", "Friday", "Thursday")
    assert drift.outlets_b == ("Ground News",)
    assert drift.outlets_a == (
        "CRBC News",
        "Ground News",
        "Portugal Colonial",
        "SadaNews",
        "TRT World",
    )
    (thursday,) = drift.refs_b
    assert text_of(seeds, thursday.article_id, thursday.index).startswith(
        "WASHINGTON — Defense Minister Shinjiro Koizumi and his U.S. counterpart Pete Hegseth "
        "agreed Thursday"
    )
    assert seeds.sentences[thursday.article_id][thursday.index].cluster == drift.cluster
    friday_texts = [text_of(seeds, r.article_id, r.index) for r in drift.refs_a]
    assert all("Friday" in t and "Thursday" not in t for t in friday_texts)
    assert any(t.startswith("The agreement came on Friday") for t in friday_texts)
    friday_clusters = {seeds.sentences[r.article_id][r.index].cluster for r in drift.refs_a}
    assert drift.cluster not in friday_clusters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Koizumi and Hegseth agreed Thursday to strengthen the alliance.",
            [("agree", "Thursday")],
        ),
        ("Tokyo and Washington agreed on Friday to boost production.", [("agree", "Friday")]),
        ("The agreement came on Friday after Koizumi met Hegseth.", [("agree", "Friday")]),
        ("On Friday, Tokyo and Washington agreed to boost production.", [("agree", "Friday")]),
        ("- On Friday, Tokyo and Washington agreed to boost production.", [("agree", "Friday")]),
        ("Friday's meeting in Washington set the tone.", [("meet", "Friday")]),
        ("The accord was signed on Jan. 16 in Tokyo.", [("sign", "January 16")]),
        ("The ministers met on 16 January in Tokyo.", [("meet", "January 16")]),
        # not an event dated: a statement, a bare month, a weekday far from any event word
        ("Koizumi said Thursday that the alliance is firm.", []),
        ("The council met in November to approve the budget.", []),
        ("Markets in Tokyo closed higher on Friday as the yen weakened.", []),
    ],
)
def test_mentions_in_one_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.lemma, m.day) for m in mentions_in(text)] == expected


def align_texts(*articles: list[str]) -> StoryAlignment:
    return align_story(
        [make_article(f"a{n}", f"Outlet {chr(65 + n)}", texts) for n, texts in enumerate(articles)]
    )


def test_one_event_dated_two_ways_in_different_sentences() -> None:
    thursday = "Defense Minister Koizumi and Pete Hegseth agreed Thursday to expand missile output."
    friday = "Their agreement came on Friday after Koizumi and Hegseth held talks at the Pentagon."
    result = align_texts([thursday], [friday], [friday])
    (drift,) = story_dates(result)
    assert (drift.a, drift.b) == ("Friday", "Thursday")
    assert (drift.outlets_a, drift.outlets_b) == (("Outlet B", "Outlet C"), ("Outlet A",))
    assert [r.article_id for r in drift.refs_b] == ["a0"]
    assert len(result.clusters) == 2  # the two statements really are different sentences


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two meetings: the same minister, but different counterparts and places
        (
            "Defense Minister Koizumi met on Thursday with Pete Hegseth in Washington to discuss "
            "missiles.",
            "On the way home, his delegation met on Friday with Chinese Premier Li Qiang and "
            "Minister Koizumi in Beijing.",
        ),
        # bare months date different events
        (
            "The plan was approved in November by Koizumi and Hegseth.",
            "Officials said the budget shrank in December despite appeals from Koizumi and "
            "Hegseth.",
        ),
        # different events of the same people: a meeting, then an agreement
        (
            "The ministers Koizumi and Hegseth met Thursday in Washington for the first time.",
            "In a second step, Koizumi and Hegseth agreed Friday to expand joint missile "
            "production.",
        ),
        # statements are made on many days
        (
            "The ministers Koizumi and Hegseth said Thursday the alliance was strong.",
            "Production would double by 2027, Koizumi and Hegseth said Friday in a statement.",
        ),
    ],
)
def test_different_events_are_not_drift(first: str, second: str) -> None:
    result = align_texts([first], [second])
    assert len(result.clusters) == 2
    assert story_dates(result) == []


def test_the_negatives_above_date_an_event_in_both_sentences() -> None:
    """So that the guards (names, lemma), not a missed attachment, keep them apart."""
    assert [m.day for m in mentions_in("Defense Minister Koizumi met on Thursday with Li.")] == [
        "Thursday"
    ]
    assert [m.lemma for m in mentions_in("The ministers Koizumi and Hegseth met Thursday.")] == [
        "meet"
    ]


def test_one_article_may_date_two_events() -> None:
    """Same lemma and names, different clusters: only the other-article rule keeps it out."""
    result = align_texts(
        [
            "Defense Minister Koizumi and Pete Hegseth met Thursday in Washington.",
            "Defense Minister Koizumi and Pete Hegseth met on Friday at the Pentagon.",
        ]
    )
    assert story_dates(result) == []


def test_weekday_drift_inside_one_cluster_is_reported_once() -> None:
    friday = (
        "Defense ministers Koizumi and Hegseth agreed Friday to expand joint missile production."
    )
    result = align_texts([friday], [friday], [friday.replace("Friday", "Thursday")])
    assert [(d.scope, d.a, d.b) for d in result.drift] == [("cluster", "Friday", "Thursday")]


def test_outlet_names_ranked_once_sort_like_outlet_names() -> None:
    outlets = {
        "a": "bbc",
        "b": "BBC",
        "c": "Al Jazeera",
        "d": "al-Monitor",
        "e": "Zeit",
        "f": "BBC",
    }
    ranked = OutletNames(outlets)
    for ids in (["a", "b", "c", "d", "e", "f"], ["f", "e", "a"], ["d"], []):
        refs = [SentenceRef(article_id, 0) for article_id in ids]
        assert ranked(refs) == outlet_names(refs, outlets)
    everyone = [SentenceRef(article_id, 1) for article_id in outlets]
    assert ranked(everyone) == ("Al Jazeera", "al-Monitor", "BBC", "bbc", "Zeit")


def _mentions_word_by_word(text: str) -> list[Mention]:
    """`mentions_in` the slow way: the hint pattern scans every text, every word's flags are
    tested for a day."""
    if _DAY_HINT.search(text.lower()) is None:
        return []
    facts = [f for f in reading(text).facts if f[1]]
    tokens = [f[1] for f in facts]
    found = []
    for n in range(len(facts)):
        if not facts[n][4] & DAYISH:
            continue
        day = _day_at(tokens, n)
        lemma = None if day is None else _event_of(tokens, day[1], day[2])
        if day is not None and lemma is not None:
            found.append(Mention(lemma, day[0], _names(facts)))
    return found


def test_mentions_in_equals_the_word_by_word_reading() -> None:
    texts = [s.text for a in seed_articles() for s in a.sentences] + [
        "Koizumi and Hegseth met Friday and agreed on Friday, Jan. 16, to meet again Monday.",
        "On Friday, Tokyo and Washington agreed; the talks came on Friday's meeting Friday.",
        "Officials in Ja-nuary 16 agreed Thurs-day; TOKYO and WASHINGTON AGREED FRIDAY.",
        "Tōkyō and Washington agreed on Thursday, Jan. 16, officials said.",
        "The may meeting: Koizumi and Hegseth may agree on 3 May, or Sunday.",
    ]
    found = [mentions_in(text) for text in texts]
    assert found == [_mentions_word_by_word(text) for text in texts]
    assert sum(map(len, found)) > 10  # the texts do date events
