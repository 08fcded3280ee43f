"""Alignment never fails on odd text: scraped sentences mix numbers, signs, dates and quotes."""

from __future__ import annotations

from align_data import make_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.align.engine import align_story


def _wordlist(text: str) -> list[str]:
    return text.split()


TRICKY_WORDS = _wordlist(
    """
    May may March 5% 5%, (17) 17, 31st #3 $3m £2bn 1,000 -4 +7 3.5 2026 1999 Friday friday's
    Jan. U.S. united States "quote" "remains 'a' an a week weeks one twelve million half
    Koizumi Koizumi's KOIZUMI Défense defence Defense — – ... ? !! [Reuters] (AP) 12:30 p.m.
    am 10am the of and Tokyo, Washington. agreed on agreement
    """
)
TRICKY_PAIRS = ["5% May", "#3 March", "Jan. 5%", "May 17,", "17 May", "a week", "(14) missiles"]
"""Neighbours that dates and numbers read together."""
SENTENCES = st.lists(st.sampled_from(TRICKY_WORDS + TRICKY_PAIRS), min_size=1, max_size=14).map(
    " ".join
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(SENTENCES, min_size=1, max_size=5), min_size=1, max_size=4))
def test_any_mix_of_numbers_dates_and_names_aligns(outlets: list[list[str]]) -> None:
    articles = [
        make_article(f"a{n}", f"Outlet {n % 3}", sentences) for n, sentences in enumerate(outlets)
    ]
    alignment = align_story(articles)
    placed = sum(len(infos) for infos in alignment.sentences.values())
    assert placed == sum(len(sentences) for sentences in outlets)
    for drift in alignment.drift:
        assert drift.outlets_a and drift.outlets_b
