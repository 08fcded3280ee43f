"""Word-level shortcuts must agree with the general rules they skip."""

from __future__ import annotations

import unicodedata

from align_data import SEEDS, make_article
from hypothesis import given
from hypothesis import strategies as st

from tui.core.align.engine import align_story
from tui.core.text.normalize import _DASH_TABLE, _QUOTES, _fold_unicode, fold, words
from tui.core.text.quantities import SINGULAR_UNITS, UNITS
from tui.core.drift.variants import digest
from tui.core.text.wordfacts import (
    MONTH,
    NUMBER,
    WordFacts,
    _number_run,
    month_dates,
    number_runs,
    surface,
    word_facts,
)

FOLDED = "".join(map(chr, _QUOTES | _DASH_TABLE))
"""Every character fold replaces."""
ALPHABET = st.sampled_from(list("aAzZ09 .-'\"()é\u0301\u2026\ufb01") + list(FOLDED))


@given(st.text(ALPHABET, max_size=30))
def test_fold_replaces_what_the_translate_tables_map(text: str) -> None:
    """`str.replace` per folded character equals NFKC and the two translate tables."""
    expected = unicodedata.normalize("NFKC", text).translate(_QUOTES).translate(_DASH_TABLE)
    assert _fold_unicode(text) == expected


@given(st.text(ALPHABET, min_size=1, max_size=12).map(lambda t: t.replace(" ", "") or "x"))
def test_word_facts_matching_words_are_normalize_words(word: str) -> None:
    """Plain ASCII words skip `normalize.words`; every word must still get what it returns."""
    assert word_facts(word)[5] == tuple(words(word))
    folded = fold(word).casefold()
    folded = folded[:-2] if folded.endswith("'s") else folded
    assert surface(word) == "".join(ch for ch in folded if ch.isalnum())


def test_word_facts_on_every_seed_word() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for word in set(path.read_text(encoding="utf-8").split()):
            assert word_facts(word)[5] == tuple(words(word)), word


def _wordlist(text: str) -> list[str]:
    return text.split()


def _number_runs_scanning_every_word(
    facts: list[WordFacts], display: list[str], days: set[int]
) -> tuple[tuple[str, str, str], ...]:
    """`number_runs` as it was: every word looked at, not only those around flagged ones."""
    numbers = []
    run: list[int] = []
    for n in range(len(facts) + 1):
        if n < len(facts) and facts[n][4] & NUMBER and n not in days:
            run.append(n)
            continue
        follower = facts[n][1] if n < len(facts) else ""
        if run:
            numbers.append(_number_run(run, follower, n, facts, display))
            run = []
            if follower in UNITS:
                continue
        if follower in ("a", "an") and n + 1 < len(facts) and facts[n + 1][1] in SINGULAR_UNITS:
            run = [n]
    return tuple(numbers)


NUMBER_WORDS_DRAWN = st.sampled_from(
    _wordlist(
        """
    a an the 3 12 1,000 $3m 5% two twenty million week year day people on Friday May 17 in
    yen tonnes, last and 2026 (14) missiles
    """
    )
)


@given(st.lists(NUMBER_WORDS_DRAWN, max_size=14))
def test_number_runs_look_only_around_flagged_words(display: list[str]) -> None:
    facts = [word_facts(word) for word in display]
    days: set[int] = set()
    month_dates(facts, days)
    assert number_runs(facts, display, days) == _number_runs_scanning_every_word(
        facts, display, days
    )


def test_number_runs_and_month_dates_on_every_seed_sentence() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            display = fold(line).split()
            facts = [word_facts(word) for word in display]
            days: set[int] = set()
            months = month_dates(facts, days)
            expected_months = [
                n for n, f in enumerate(facts) if f[4] & MONTH
            ]  # one entry per month word, in order
            assert len(months) == len(expected_months)
            assert number_runs(facts, display, days) == _number_runs_scanning_every_word(
                facts, display, days
            )


def test_a_day_written_with_a_sign_does_not_break_dates() -> None:
    """'5% May' once raised ValueError (int('5%')): the day is keyed by its digits."""
    display = _wordlist("Prices rose 5% May, then fell 7% in April")
    facts = [word_facts(word) for word in display]
    assert month_dates(facts, set()) == (("5% May", "may 5"), ("April", "apr"))
    assert digest("Prices rose 5% May, then fell 7% in April.").months == (
        ("5% May", "may 5"),
        ("April", "apr"),
    )


def test_a_story_with_a_signed_day_aligns_and_reports_the_date_drift() -> None:
    articles = [
        make_article("a", "Outlet A", ["Exports rose 5% May, then fell 7% in April, data showed."]),
        make_article(
            "b", "Outlet B", ["Exports rose 5% June, then fell 7% in April, data showed."]
        ),
    ]
    drift = align_story(articles).drift
    assert [(d.kind, d.a, d.b) for d in drift if d.kind == "date"] == [
        ("date", "5% May", "5% June")
    ]
