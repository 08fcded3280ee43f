"""Joining clusters that state one fact in other words, and naming wire families.

Sentences are real ones from the development set (tests/fixtures/truth) and the bundled story.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.align_data import make_article, seed_articles
from tui.core.align.engine import align_story
from tui.core.align.facts import is_headline
from tui.core.align.families import family_evidence
from tui.core.models import Article, StoryAlignment
from tui.core.text.stems import stem

DEV_SET = Path(__file__).resolve().parent / "fixtures" / "truth"
PC, TRT = "seed002", "seed003"


def _cluster_of(alignment: StoryAlignment, article_id: str, start: str) -> int:
    (found,) = [i for i in alignment.sentences[article_id] if i.text.startswith(start)]
    return found.cluster


def _story(split: str, name: str) -> list[Article]:
    folder = DEV_SET / split / name
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [
        make_article(file.removesuffix(".txt"), entry["outlet"], raw=(folder / file).read_text())
        for file, entry in sorted(manifest["files"].items())
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("agreed", "agreement"),
        ("houses", "homes"),
        ("injured", "injuries"),
        ("killed", "deaths"),
        ("earthquake", "quake"),
        ("attacks", "strikes"),
    ],
)
def test_stems_fold_inflections_and_news_synonyms(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("missile", "minister"), ("houses", "hours"), ("us", "use")])
def test_stems_keep_different_words_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Taiwan’s ruling Lai Ching-te wins presidential election", True),
        ("Commercial US spaceship Odysseus lands on moon, transmitting signal", True),
        ("What Was Agreed", False),  # a subhead names a section, not the story's fact
        ("Lai received over 5.58 million votes out of approximately 14 million ballots.", False),
        ('"The American military-style training was very tough," Koizumi wrote on X.', False),
    ],
)
def test_headlines_are_lines_of_several_words_without_a_full_stop(
    text: str, headline: bool
) -> None:
    assert is_headline(text) is headline


def test_headlines_of_one_story_join_in_other_words() -> None:
    articles = [
        make_article(
            "ana",
            "Anadolu",
            [
                "Taiwan’s ruling Lai Ching-te wins presidential election",
                "Lai received over 5.58 million votes out of approximately 14 million ballots.",
            ],
        ),
        make_article(
            "tn",
            "Taiwan News",
            [
                "Lai Ching-te elected Taiwan president, DPP wins third term",
                "Hou Yu-ih of the KMT received 4.67 million votes.",
            ],
        ),
    ]
    alignment = align_story(articles)
    assert _cluster_of(alignment, "ana", "Taiwan’s ruling") == _cluster_of(alignment, "tn", "Lai")


def test_a_headline_does_not_join_a_lede() -> None:
    articles = [
        make_article("a", "Allsides", ["Odysseus Lander Marks First US Moon Landing Since 1972"]),
        make_article(
            "b",
            "Hindustan Times",
            [
                "Odysseus became the first US spacecraft to land on the moon since 1972, "
                "Intuitive Machines said on Thursday."
            ],
        ),
    ]
    alignment = align_story(articles)
    assert _cluster_of(alignment, "a", "Odysseus") != _cluster_of(alignment, "b", "Odysseus")


def test_a_headline_does_not_join_a_lede_that_says_it_at_length() -> None:
    """ohtani-dodgers-2023 (held-out): the wording overlaps well past the bar for a match, yet
    the lede states more than the headline (when, who announced it)."""
    articles = [
        make_article(
            "cbs",
            "CBS News",
            [
                "Shohei Ohtani agrees to record-breaking $700 million, 10-year contract with "
                "Los Angeles Dodgers"
            ],
        ),
        make_article(
            "jiji",
            "Jiji",
            [
                "Los Angeles, Dec. 9 (Jiji Press)--Japanese two-way baseball star Shohei Ohtani "
                "has agreed to a 10-year, 700-million-dollar contract with the Los Angeles "
                "Dodgers, his agent announced Saturday."
            ],
        ),
    ]
    alignment = align_story(articles)
    assert _cluster_of(alignment, "cbs", "Shohei") != _cluster_of(alignment, "jiji", "Los")


def test_every_title_of_a_story_joins_one_cluster() -> None:
    """nepal-jajarkot-quake-2023: four outlets' headlines share few words beyond 'Nepal' and
    'earthquake', and give different tolls, yet each names the story's main fact."""
    heads = [
        ("obs", "157 killed in earthquake in Nepal"),
        ("ws", "Nepal is hit by 6.4 magnitude earthquake, killing at least 37 people"),
        (
            "cn",
            "Tragedy Strikes Nepal: Earthquake Claims 92 Lives in Jajarkot and 36 in Rukum West",
        ),
        ("pf", "Jajarkot Earthquake Disaster: Death Toll Climbs to 133"),
    ]
    body = "Rescuers searched the rubble of collapsed houses in the hills on Saturday."
    articles = [make_article(key, key, [head, body]) for key, head in heads]
    alignment = align_story(articles)
    assert len({_cluster_of(alignment, key, head[:8]) for key, head in heads}) == 1


def test_facts_stated_apart_by_several_outlets_stay_apart() -> None:
    """The bundled story: the AFP copies state the lede and 'They agreed to further advance ...'
    as two sentences, so an aggregator bullet fusing both does not join them."""
    alignment = align_story(seed_articles())
    lede = _cluster_of(alignment, PC, "Tokyo and Washington agreed Friday")
    assert _cluster_of(alignment, PC, "They agreed to further advance") != lede
    assert _cluster_of(alignment, TRT, "They agreed to further advance") != lede


def test_repeats_are_listed_with_the_cluster_and_share_its_counterparts() -> None:
    alignment = align_story(seed_articles())
    repeated = [c for c in alignment.clusters if c.repeats]
    assert repeated, "the aggregator page repeats facts other outlets state once"
    for cluster in repeated:
        owners = {m.article_id for m in cluster.members}
        for ref in cluster.repeats:
            assert ref.article_id in owners
            info = alignment.sentences[ref.article_id][ref.index]
            assert info.cluster == cluster.id and info.status == "reworded"


def test_the_bundled_story_has_one_afp_family_with_its_evidence() -> None:
    alignment = align_story(seed_articles())
    (family,) = alignment.families
    assert alignment.origin == family.origin
    assert {PC, TRT} <= set(family.members)
    assert family.near_verbatim >= 10
    assert family_evidence(family).endswith("near-verbatim in 1 other outlet")


@pytest.mark.parametrize(
    ("split", "name"),
    [("dev", "yunnan-ludian-quake-2014"), ("dev", "odysseus-moon-landing-2024")],
)
def test_a_story_of_independent_reports_has_no_origin(split: str, name: str) -> None:
    alignment = align_story(_story(split, name))
    assert alignment.families == ()
    assert alignment.origin is None


QUOTES = [
    "\u201cWe strongly condemn this blatant aggression against our sovereignty and our "
    "airspace,\u201d",
    "\u201cOur air defences intercepted the missiles and nobody was hurt at the base,\u201d",
    "\u201cWe call on all parties to return to the negotiating table without delay,\u201d",
]


def _quoting(key: str, framing: str) -> Article:
    own = {
        "a": "Qatar said on Monday it had kept the right to respond to the strike.",
        "b": "Officials in Doha spent the evening in meetings with the emir's advisers.",
    }
    return make_article(
        key, key.upper(), [f"{quote} {framing}" for quote in QUOTES] + [own.get(key, own["a"])]
    )


def test_reports_quoting_one_statement_are_no_family() -> None:
    """al-udeid-strike-2025: outlets print the ministry's words verbatim, each framing them in
    its own words; copies of one text keep the framing too."""
    independent = align_story(
        [_quoting("a", "the ministry said."), _quoting("b", "said Al-Ansari.")]
    )
    assert independent.families == ()
    copies = align_story([_quoting("a", "the ministry said."), _quoting("c", "the ministry said.")])
    assert len(copies.families) == 1
