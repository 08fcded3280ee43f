"""What an article says that could tell its event from another: the evidence grouping weighs.

Two reports of one event share rare words, names and, above all, specifics: figures (a magnitude,
a death toll, a score, a rate range), dates and years. Two events of one kind in one place share
the place and the vocabulary but not the specifics. Each piece of evidence is one string feature,
its kind in its prefix (`w:` a content word reduced to one form by `core.text.stems`, `n:` a
capitalised name, `#:` a number as a value, `d:` a month and day, `y:` a year), so one inverted
index (`core.stories.index`) holds them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import Article
from tui.core.text.normalize import STOPWORDS, sorted_key
from tui.core.text.stems import stem
from tui.core.text.wordfacts import (
    CAPITAL_NAME,
    NUMBER,
    YEAR,
    month_dates,
    number_runs,
    word_facts,
)

__all__ = ["Evidence", "KIND_WEIGHT", "article_evidence", "feature_kind"]

KIND_WEIGHT = {"w": 1.0, "n": 1.3, "#": 1.6, "d": 1.6, "y": 1.0}
"""How much each kind of evidence counts beside a plain word of the same rarity: specifics are
what tell two events of one kind apart."""
_MIN_NUMBER_CHARS = 2
"""Numbers shorter than this ('2', '9') are everywhere; they stay out of the evidence."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One article's evidence, computed once when it is imported."""

    features: frozenset[str]
    """Every piece of evidence, each once (see the module docstring for the prefixes)."""
    year: int | None
    """The year the article places its event in: its date's, else the latest year it names."""
    date: str | None
    """The article's own date (ISO), when it states one."""
    sentence_keys: tuple[str, ...]
    """Each sentence's normalised words, sorted: what counting shared sentences compares."""


def feature_kind(feature: str) -> str:
    """The kind letter of a feature ('w', 'n', '#', 'd' or 'y')."""
    return feature[0]


def _sentence_features(text: str, found: set[str], years: list[int]) -> None:
    display = text.split()
    facts = [word_facts(word) for word in display]
    days: set[int] = set()
    for _, key in month_dates(facts, days):
        if " " in key:  # a month with its day: a date; a month alone says little
            found.add("d:" + key)
    for kind, _, key in number_runs(facts, display, days):
        if len(key) >= _MIN_NUMBER_CHARS or kind == "quantity":
            found.add("#:" + key)
    for position, (_, letters, canon, _, flags, matching) in enumerate(facts):
        if flags & YEAR:
            years.append(int(letters))
            found.add("y:" + letters)
            continue
        if flags & NUMBER:
            continue
        if flags & CAPITAL_NAME and position > 0 and len(canon) > 2:
            found.add("n:" + canon)
        for word in matching:
            if word not in STOPWORDS and len(word) > 2 and not word.isdigit():
                found.add("w:" + stem(word))


def _most_named(years: list[int]) -> int | None:
    """The year named most often (the latest of equals): a report names its own event's year
    more than the past events it recalls."""
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda y: (counts[y], y))


def article_evidence(article: Article) -> Evidence:
    """The evidence of one cleaned article (its kept sentences; removed lines say nothing)."""
    found: set[str] = set()
    years: list[int] = []
    for sentence in article.sentences:
        _sentence_features(sentence.text, found, years)
    date = article.date if article.date and len(article.date) >= 10 else None
    year = int(date[:4]) if date and date[:4].isdigit() else _most_named(years)
    keys: Sequence[str] = [sorted_key(s.text) for s in article.sentences]
    return Evidence(frozenset(found), year, date, tuple(keys))
