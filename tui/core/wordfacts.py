"""What drift knows about single words, and a cheap test of whether two versions can differ.

Every word of every version is looked at many times over (one version meets many others), so
the facts about a display word (its letters, canonical form, capital, and whether it is a
number, a year, a weekday, a month or a spelling twin) are computed once and cached. The same
facts drive `could_differ`, which spares the full comparison (`core.variants.differences`) for
most copy-desk edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from tui.core.normalize import SPELLING, STOPWORDS, canonical_word, fold

WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists stay readable as wrapped text."""
    return text.split()


MONTHS = frozenset(
    _wordlist(
        """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
    )
)
NUMBER_WORDS = frozenset(
    _wordlist(
        """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million billion trillion dozen dozens half
    """
    )
)
UNITS = frozenset(
    _wordlist(
        """
    percent % yen dollars dollar euros euro pounds yuan won rupees km kilometres
    kilometers miles metres meters tonnes tons troops soldiers people years days hours
    barrels
    """
    )
)
PUNCTUATION = "\"'()[],.;:!?"
_NOT_NAMES = WEEKDAYS | MONTHS | STOPWORDS
_TWINNED = frozenset(SPELLING) | frozenset(SPELLING.values())
"""Words with a British/American twin: the only ones spelling drift looks at."""


@lru_cache(maxsize=65536)
def surface(word: str) -> str:
    """A display word's letters: folded, lower case, possessive and punctuation dropped."""
    folded = fold(word).casefold()
    if folded.endswith("'s"):
        folded = folded[:-2]
    return "".join(ch for ch in folded if ch.isalnum())


def _shown(word: str) -> str:
    """A display word without surrounding punctuation or possessive."""
    stripped = word.strip(PUNCTUATION)
    return stripped[:-2] if stripped.endswith("'s") else stripped


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")


def _is_number(key: str) -> bool:
    if key.isalpha():
        return key in NUMBER_WORDS
    return any(ch.isdigit() for ch in key)


NAME, NUMBER, YEAR, WEEKDAY, MONTH, TWIN = 1, 2, 4, 8, 16, 32
"""Bits of a word's flags: a name candidate when capitalised, a number (not a year), a year,
a weekday, a month, a word with a British/American twin (or non-ASCII letters)."""


@lru_cache(maxsize=65536)
def word_facts(word: str) -> tuple[str, str, str, bool, int]:
    """(shown, surface, canonical, capitalised, flags) of one display word."""
    shown = _shown(word)
    letters = surface(word)
    canon = canonical_word(word)
    flags = 0
    if canon and canon not in _NOT_NAMES:
        flags |= NAME
    if _is_year(letters):
        flags |= YEAR
    elif _is_number(letters):
        flags |= NUMBER
    if letters in WEEKDAYS:
        flags |= WEEKDAY
    if letters in MONTHS:
        flags |= MONTH
    if letters in _TWINNED or not letters.isascii():
        flags |= TWIN
    return shown, letters, canon, bool(shown) and shown[0].isupper(), flags


_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb\u2033')
_DIGIT = re.compile(r"\d")
_SIDED = WEEKDAY | MONTH | YEAR | TWIN
_CAPITAL_NAME = 64


def _telling_bits(words: Iterable[str]) -> int:
    """What the words could vary on, as flag bits: a name, a weekday, a month, a year, a twin."""
    bits = 0
    for word in words:
        _, _, _, capital, flags = word_facts(word)
        bits |= flags & _SIDED
        if capital and flags & NAME:
            bits |= _CAPITAL_NAME
    return bits


@lru_cache(maxsize=4096)
def _comparable(text: str) -> tuple[bool, frozenset[str]]:
    """(whether the text has a quotation or a number, its display words) for `could_differ`."""
    words = frozenset(fold(text).split())
    always = (
        not _QUOTE_MARKS.isdisjoint(text)
        or _DIGIT.search(text) is not None
        or not NUMBER_WORDS.isdisjoint(map(surface, words))
    )
    return always, words


def could_differ(text_x: str, text_y: str) -> bool:
    """False only when `differences` is sure to find nothing: a cheap test on the words the two
    texts do not share, so most copy-desk edits (a word swapped, dropped or replaced by a
    common word) skip the full comparison.

    Quotations and numbers (whose runs depend on word order) always get the full comparison.
    Names and dates differ only when both texts have a word of that sort the other lacks. Any
    differing spelling twin gets the full comparison, since a text holding both 'Defence' and
    'defense' shows the last one, which then depends on order and on which copy was cut.
    """
    always_x, words_x = _comparable(text_x)
    always_y, words_y = _comparable(text_y)
    if always_x or always_y:
        return True
    if words_x == words_y:
        return bool(_telling_bits(words_x) & TWIN)
    only_x, only_y = _telling_bits(words_x - words_y), _telling_bits(words_y - words_x)
    return bool(only_x & only_y or (only_x | only_y) & TWIN)


def clear_caches() -> None:
    """Forget cached words and texts (benchmarks time cold runs)."""
    surface.cache_clear()
    word_facts.cache_clear()
    _comparable.cache_clear()
