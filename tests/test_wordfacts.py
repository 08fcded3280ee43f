"""Word-level shortcuts must agree with the general rules they skip."""

from __future__ import annotations

import unicodedata

from align_data import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from tui.core.normalize import _DASH_TABLE, _QUOTES, _fold_unicode, fold, words
from tui.core.wordfacts import surface, word_facts

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
