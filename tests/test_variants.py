"""Version facts read in two steps (digest, then wording) equal the facts read eagerly, word by
word, and the comparisons they let drift skip would have found nothing."""

from __future__ import annotations

import re
from itertools import permutations

import pytest
from align_data import seed_articles

from tui.core.align.engine import align_story
from tui.core.drift.differences import (
    Difference,
    _dates,
    _names,
    _numbers,
    _quotes,
    _spelling,
    keyed_differences,
)
from tui.core.drift.variants import (
    digest,
    joined_text,
    joined_texts,
    joined_words,
    signature,
    wording,
)
from tui.core.text.normalize import fold
from tui.core.text.wordfacts import (
    CAPITAL_NAME,
    ENDS_RUN,
    STARTS_RUN,
    TWIN,
    WEEKDAY,
    YEAR,
    month_dates,
    number_runs,
    surface,
    word_facts,
)

EDGE_TEXTS = [
    "",
    "Defence Ministry Says Japan And United States Agree On Joint Missile Production",
    "The Defence ministry said the defense budget would grow, Defence officials said.",
    'Koizumi said the alliance "remains absolutely unwavering" and "strong" on Friday, May 17.',
    "ROME, May 17 (Reuters) - Floods killed at least 12 people in Italy's Emilia-Romagna region.",
    "Tokyo approved a record nine trillion yen budget in December 2025 for a week.",
    "Tōkyō and Washington agreed on Thursday, Jan. 16, officials said.",
]


def _eager(text: str) -> dict[str, object]:
    """Every fact of one text, read word by word in one go (the way versions were once built)."""
    display = fold(text).split()
    facts = [word_facts(word) for word in display]
    flags = [f[4] for f in facts]
    named = any(flag & CAPITAL_NAME for flag in flags)
    headline = named and sum(f[3] for f in facts) > 0.6 * len(facts)
    capitals = [
        (n, facts[n][2], facts[n][0], bool(flags[n] & STARTS_RUN or flags[n - 1] & ENDS_RUN))
        for n in range(1, len(facts))
        if flags[n] & CAPITAL_NAME and not headline
    ]
    days: set[int] = set()
    months = month_dates(facts, days)
    numbers = number_runs(facts, display, days)
    weekdays = tuple((f[0], f[1]) for f in facts if f[4] & WEEKDAY)
    years = frozenset(f[1] for f in facts if f[4] & YEAR)
    quotes = tuple(re.findall(r'"([^"]{3,})"', fold(text)))
    spellings = {f[2]: f[0] for f in facts if f[4] & TWIN}
    return {
        "signature": (
            frozenset(key for _, key, _, _ in capitals),
            frozenset(key for _, _, key in numbers),
            frozenset(key for _, key in weekdays),
            frozenset(key for _, key in months),
            years,
            frozenset(quotes),
            frozenset(f"{key} {surface(shown)}" for key, shown in spellings.items()),
        ),
        "numbers": numbers,
        "weekdays": weekdays,
        "months": months,
        "years": years,
        "quotes": quotes,
        "spellings": spellings,
        "headline": headline,
        "keys": tuple(f[2] for f in facts),
        "capitals": tuple(capitals),
        "joined": " " + " ".join(f[1] for f in facts if f[1]) + " ",
    }


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    return list(dict.fromkeys(s.text for a in seed_articles() for s in a.sentences))


@pytest.fixture(scope="module")
def cluster_versions() -> list[list[str]]:
    """Distinct texts of each cluster of the seed story that has more than one."""
    articles = seed_articles()
    texts = {(a.id, s.index): s.text for a in articles for s in a.sentences}
    alignment = align_story(articles)
    found = []
    for cluster in alignment.clusters:
        versions = list(dict.fromkeys(texts[(m.article_id, m.index)] for m in cluster.members))
        if len(versions) > 1:
            found.append(versions)
    assert len(found) > 5
    return found


def test_digest_and_wording_equal_the_eager_facts(seed_texts: list[str]) -> None:
    for text in seed_texts + EDGE_TEXTS:
        eager = _eager(text)
        found = digest(text)
        assert found._asdict() == {field: eager[field] for field in found._fields}, text
        assert signature(text) == eager["signature"]
        assert wording(text) == (eager["keys"], eager["capitals"]), text
        assert joined_text(text) == eager["joined"]


def test_edge_texts_hold_the_facts_they_were_written_for() -> None:
    headline, twice, quoted, dateline, money, accents = (digest(t) for t in EDGE_TEXTS[1:])
    assert headline.headline and not headline.signature[0]
    assert twice.spellings == {"defense": "Defence"}  # the last of one key wins
    assert quoted.quotes == ("remains absolutely unwavering", "strong")
    assert ("May 17", "may 17") in quoted.months and ("May 17", "may 17") in dateline.months
    assert [kind for kind, _, _ in money.numbers] == ["quantity", "quantity"]
    assert accents.spellings  # non-ASCII letters count as a possible spelling variant
    assert joined_words("Tokyo, and WASHINGTON's") == " tokyo and washington "


def _every_comparison(text_x: str, text_y: str) -> list[Difference]:
    """keyed_differences without any of its shortcuts: every kind compared, always."""
    x, y = digest(text_x), digest(text_y)
    found = [
        *_names(wording(text_x), wording(text_y)),
        *_numbers(text_x, text_y),
        *_dates(x, y, text_x, text_y),
        *_quotes(x, y, text_x, text_y),
        *_spelling(x, y),
    ]
    return [d for d in found if d.a and d.b and d.key_a != d.key_b]


SHORTCUT_PAIRS = [
    # A name dropped: nothing to pair it with.
    ("Koizumi met Hegseth and Marles in Tokyo.", "Koizumi met Hegseth in Tokyo."),
    # A name changed: runs on both sides.
    ("Koizumi met Hegseth in Tokyo.", "Kiyozumi met Hegseth in Tokyo."),
    # One same quote on both sides, or a second quote holding the other's words.
    ('He said "we stand firm" today.', 'He said "we stand firm" on Friday.'),
    ('He said "we stand firm" today.', 'He said "we stand firm" and "we stand very firm".'),
    ('He said "we stand firm" today.', "He said nothing today."),
    # The same two quotes in another order (and another day): each may pair with the other's
    # first.
    (
        'They said "firm we stand" and "stand we firm" on Monday.',
        'They said "stand we firm" and "firm we stand" on Tuesday.',
    ),
    ("Officials may 12 times review it.", "Officials may 14 times review it."),
    ("The defence budget grew.", "The defense budget grew in 2025."),
]


def test_shortcuts_skip_only_comparisons_that_find_nothing(
    cluster_versions: list[list[str]],
) -> None:
    pairs = [pair for versions in cluster_versions for pair in permutations(versions[:10], 2)]
    pairs += SHORTCUT_PAIRS + [(y, x) for x, y in SHORTCUT_PAIRS]
    differing = 0
    for x, y in pairs:
        found = keyed_differences(x, y)
        assert found == _every_comparison(x, y), (x, y)
        differing += bool(found)
    assert differing > 10  # the pairs do differ, so the comparison is not vacuous


def test_joined_texts_in_one_join_equal_joined_text_each(seed_texts: list[str]) -> None:
    texts = [*EDGE_TEXTS[1:], *seed_texts, "Koizumi -- said", "Rome,\tMay 17"]
    assert joined_texts(texts) == [joined_text(text) for text in texts]
    # A text without words holds no phrase either way ('  ' alone, ' ' in a batch).
    assert joined_texts(["Tokyo", "", "-- ,", "Rome"]) == [" tokyo ", " ", " ", " rome "]
    assert joined_texts([]) == []
