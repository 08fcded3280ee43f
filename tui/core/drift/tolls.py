"""Tolls that differ across a story: '157 killed' in one outlet's lede, '133 dead' in another's.

A disaster or an attack is reported while the count still moves, and outlets that ran the story
at different hours give different tolls, each in its own words ('Death Toll Climbs to 133' /
'killing at least 37 people'), so the sentences seldom land in one cluster and per-cluster drift
(`core.drift.detect`) never compares them. Yet the toll is the figure a reader most wants to
check. Here each article's toll is read from its opening (headline, deck and first sentences):
the largest count of the dead (and, apart, of the injured) that a sentence there states. Two
articles whose tolls do not agree (`core.drift.slots.agree`: 'more than 380' and '381' are one
toll) give one Drift of scope 'story' per pair of tolls, with the sentences each comes from.

A sentence recalling an earlier event ('in 1974 a quake killed more than 1,400') is left out:
its toll is another event's. A plain count is a toll only when it counts people ('All 72 People
Aboard ... Killed', not 'killing 450 people in 10 African countries'). Each toll is shown in its
most precise form ('398', not 'nearly 400').
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from tui.core.drift.event_dates import OutletNames
from tui.core.drift.slots import Figure, agree, figures
from tui.core.models import Cluster, Drift, SentenceRef
from tui.core.text.stems import stem

OPENING_SENTENCES = 4
"""An article's opening: its headline, a deck and the first sentences of its lede."""
ROLES = ("deaths", "injured")
"""The counts compared: the dead and the injured."""
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_EARLIER_EVENT = re.compile(r"\b(?:in|since|of)\s+(?:19|20)\d\d\b", re.IGNORECASE)


def _stems(words: str) -> frozenset[str]:
    """The stems of whitespace-separated words: word lists stay readable as text."""
    return frozenset(stem(word) for word in words.split())


_PEOPLE = _stems(
    "people person persons passengers civilians children residents workers soldiers villagers "
    "victims others"
)
"""What a plain count in a sentence about deaths must count to be a toll ('72 People')."""
_TOLL_WORDS = _stems(
    "killed dead deaths died lives fatalities perished toll bodies injured wounded"
)
"""Words right after a count that say it is a toll ('157 killed', '157 lives')."""


def _counts_people(figure: Figure) -> bool:
    """Whether the words after a count leave it counting people: nothing ('rose to 381'), a
    toll word ('157 killed') or people ('128 people'), not other things ('10 African
    countries')."""
    return not figure.head or bool(figure.head & _PEOPLE) or figure.head <= _TOLL_WORDS


class _Toll:
    """The figures of one toll value, with the articles and sentences stating it."""

    __slots__ = ("articles", "figure", "refs", "shown")

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.shown = figure
        self.articles: set[str] = set()
        self.refs: list[SentenceRef] = []

    def add(self, article_id: str, figure: Figure, ref: SentenceRef) -> None:
        self.articles.add(article_id)
        self.refs.append(ref)
        if (figure.step, bool(figure.hedge)) < (self.shown.step, bool(self.shown.hedge)):
            self.shown = figure


def _counts(text: str, role: str) -> list[Figure]:
    """The figures of `role` a sentence states: named so ('157 killed'), or, in a sentence
    speaking of nothing else, a plain count ('All 72 People Aboard ... Killed')."""
    found = []
    for figure in figures(text):
        if figure.value is None or figure.measure != "" or not _counts_people(figure):
            continue
        if figure.role == role or (
            not figure.role and figure.context_roles == {role} and figure.head & _PEOPLE
        ):
            found.append(figure)
    return found


def _value_pair(a: str, b: str) -> frozenset[str]:
    """The two numbers two phrases state, as digits ('at least 128 people', '157' -> 128,
    157): a pair of tolls a cluster's drift already shows in other words."""
    return frozenset(_first_number(phrase) for phrase in (a, b))


def _first_number(phrase: str) -> str:
    found = _NUMBER.search(phrase)
    return found.group().replace(",", "") if found else phrase.casefold()


def find_toll_drift(
    clusters: Sequence[Cluster],
    texts: Mapping[SentenceRef, str],
    outlets: Mapping[str, str],
    *,
    known: Sequence[Drift] = (),
) -> list[Drift]:
    """One Drift per pair of tolls that disagree between articles' openings.

    `known` drift wins: a pair of numbers already reported (in any cluster, in any words) is
    not repeated.
    """
    cluster_of: dict[SentenceRef, int] = {}
    for cluster in clusters:
        for ref in (*cluster.members, *cluster.repeats):
            cluster_of[ref] = cluster.id
    opening = sorted(
        (ref for ref in cluster_of if ref.index < OPENING_SENTENCES),
        key=lambda ref: (ref.article_id, ref.index),
    )
    reported = {_value_pair(d.a, d.b) for d in known if d.kind in ("number", "quantity")}
    outlets_of = OutletNames(outlets)
    found: list[Drift] = []
    for role in ROLES:
        largest: dict[str, tuple[Figure, SentenceRef]] = {}
        for ref in opening:
            text = texts[ref]
            if _EARLIER_EVENT.search(text):
                continue
            for figure in _counts(text, role):
                best = largest.get(ref.article_id)
                assert figure.value is not None
                if best is None or figure.value > (best[0].value or 0):
                    largest[ref.article_id] = (figure, ref)
        tolls: list[_Toll] = []
        # Smallest toll first, ties by how it is written and who wrote it: never by article
        # id (ids are made at import; one story must read the same in every library).
        def by_content(item: tuple[str, tuple[Figure, SentenceRef]]) -> tuple[object, ...]:
            article_id, (figure, ref) = item
            return (figure.value, figure.phrase, outlets[article_id], texts[ref])

        for article_id, (figure, ref) in sorted(largest.items(), key=by_content):
            toll = next((t for t in tolls if agree(t.figure, figure)), None)
            if toll is None:
                toll = _Toll(figure)
                tolls.append(toll)
            toll.add(article_id, figure, ref)
        if len(tolls) < 2:
            continue
        # The toll most outlets give first; ties by value, so the order is the texts' own.
        tolls.sort(key=lambda t: (-len(outlets_of(t.refs)), t.figure.value))
        for n, major in enumerate(tolls):
            for minor in tolls[n + 1 :]:
                a, b = major.shown.phrase, minor.shown.phrase
                if _value_pair(a, b) in reported:
                    continue  # the same two tolls, already shown inside a cluster
                quantity = major.shown.quantity or minor.shown.quantity
                found.append(
                    Drift(
                        cluster=cluster_of[minor.refs[0]],
                        kind="quantity" if quantity else "number",
                        a=a,
                        b=b,
                        outlets_a=outlets_of(major.refs),
                        outlets_b=outlets_of(minor.refs),
                        refs_a=tuple(major.refs),
                        refs_b=tuple(minor.refs),
                        scope="story",
                    )
                )
    return found
