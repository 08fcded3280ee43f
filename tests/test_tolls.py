"""Tolls that differ between outlets' openings are drift across the story, on real sentences of
the development set (tests/fixtures/truth/dev): the same toll written two ways is not, nor a
toll of an earlier event, nor a count of something other than people."""

from __future__ import annotations

from tests.align_data import make_article
from tui.core.align.engine import align_story
from tui.core.models import Drift

BODY = "Rescuers searched the rubble of collapsed houses in the hills on Saturday."


def _story_drift(openings: dict[str, list[str]]) -> list[Drift]:
    articles = [make_article(key, key.title(), [*lines, BODY]) for key, lines in openings.items()]
    return [d for d in align_story(articles).drift if d.scope == "story"]


def test_tolls_of_two_outlets_headlines_differ() -> None:
    """nepal-jajarkot-quake-2023: two headlines in other words, two tolls."""
    drift = _story_drift(
        {
            "observer": ["157 killed in earthquake in Nepal"],
            "pardafas": ["Jajarkot Earthquake Disaster: Death Toll Climbs to 133"],
        }
    )
    assert [(d.kind, {d.a, d.b}) for d in drift] == [("number", {"157", "133"})]
    (found,) = drift
    assert {found.outlets_a, found.outlets_b} == {("Observer",), ("Pardafas",)}
    assert found.refs_a and found.refs_b


def test_one_toll_written_two_ways_is_no_drift() -> None:
    """yunnan-ludian-quake-2014: 'more than 380' and '381' are one count."""
    drift = _story_drift(
        {
            "triblive": [
                "BEIJING — A strong earthquake in southern China's Yunnan province toppled "
                "thousands of homes on Sunday, killing more than 380 people and injuring more "
                "than 1,800."
            ],
            "dw": [
                "Chinese officials announced overnight that the death toll for Sunday's "
                "earthquake had risen to 381 people."
            ],
        }
    )
    assert drift == []


def test_an_earlier_events_toll_and_a_count_of_countries_are_not_tolls() -> None:
    """yunnan-ludian-quake-2014 (the 1974 quake) and mpox-emergency-2024 (countries)."""
    drift = _story_drift(
        {
            "nation": [
                "This region of China is frequently struck by quakes, with one killing more "
                "than 1,400 in the same part of Yunnan in 1974.",
                "The quake killed at least 398 people.",
            ],
            "latimes": ["By late Monday, 398 people were reported dead."],
            "who": ["The outbreak has killed people in 10 African countries."],
        }
    )
    assert drift == []


def test_the_toll_is_the_largest_count_of_the_dead_in_the_opening() -> None:
    """nepal-jajarkot-quake-2023: a district's toll beside the total is not the toll."""
    drift = _story_drift(
        {
            "waradana": [
                "Officials said on Saturday that at least 128 people were killed and dozens "
                "injured in Nepal when a strong earthquake struck the Jajarkot area.",
                "The police spokesperson reported that 92 people were killed in Jajarkot and 36 "
                "in the neighboring Rukum West district.",
            ],
            "connectnepali": [
                "Kathmandu – The devastating earthquake that struck Nepal last night has left "
                "128 people dead, according to Prime Minister Pushpa Kamal Dahal."
            ],
        }
    )
    assert drift == []


def test_a_toll_pair_a_cluster_already_shows_is_not_repeated() -> None:
    """Two copies of one lede with two tolls: the cluster's drift says it, once."""
    articles = [
        make_article(
            key,
            key.title(),
            [
                f"Officials said on Saturday that at least {toll} people were killed and dozens "
                "injured in Nepal when a strong earthquake struck the Jajarkot area.",
                BODY,
            ],
        )
        for key, toll in (("waradana", 128), ("observer", 157))
    ]
    drift = [d for d in align_story(articles).drift if d.kind in ("number", "quantity")]
    assert len(drift) == 1
    assert drift[0].scope == "cluster"
