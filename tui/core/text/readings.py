"""One reading of each distinct sentence text, shared by matching, drift and event dates.

Matching (`core.align.engine`) needs a sentence's normalised words, drift (`core.drift.variants`) the facts of
its display words, event dates (`core.drift.event_dates`) its day words and names. Each used to fold and
split the same text and look at every word on its own; wire copy repeats sentences verbatim and
a story's sentences share most of their words (a 51-outlet story: 1,251 distinct texts, 28,720
words, 887 distinct ones). So a text is folded and split once here, each distinct display word is
read once (`core.text.wordfacts.word_facts`), and the three take what they need off those facts.
"""

from __future__ import annotations

from functools import lru_cache, reduce
from itertools import chain
from operator import itemgetter, or_
from typing import NamedTuple

from tui.core.text.normalize import fold, words
from tui.core.text.wordfacts import UNITED, WordFacts, word_facts

__all__ = ["Reading", "clear_caches", "matching_words", "reading"]

WORDS_KEPT = 65536
"""Display words whose facts are kept between texts (a 500-outlet story has ~2,000)."""
_FLAGS, _WORDS = itemgetter(4), itemgetter(5)
"""Fields of `wordfacts.word_facts`, read at C speed."""


class Reading(NamedTuple):
    """A text folded and split into display words, with the cached facts of each."""

    folded: str
    """`normalize.fold` of the text: typography folded, case kept."""
    display: list[str]
    """The folded text split on whitespace."""
    facts: list[WordFacts]
    """`word_facts` of each display word."""
    flags: list[int]
    """The flag bits of each display word."""
    present: int
    """Every flag bit any display word has."""


class _WordTable(dict[str, WordFacts]):
    """Display word -> `word_facts`: a plain dict lookup, looped in C by `map`, is about twice
    as fast as a call through `lru_cache` (a story has ~30 display words per distinct one)."""

    def __missing__(self, word: str) -> WordFacts:
        if len(self) >= WORDS_KEPT:  # a long session reads many stories: stay bounded
            self.clear()
        facts = self[word] = word_facts(word)
        return facts


_WORDS_READ = _WordTable()
_new_tuple = tuple.__new__


@lru_cache(maxsize=16384)
def reading(text: str) -> Reading:
    """The reading of one text (cached: matching, drift and event dates each ask for it)."""
    folded = fold(text)
    display = folded.split()
    facts = list(map(_WORDS_READ.__getitem__, display))
    flags = list(map(_FLAGS, facts))
    # tuple.__new__ in field order: a NamedTuple's own __new__ is Python code.
    return _new_tuple(Reading, (folded, display, facts, flags, reduce(or_, flags, 0)))


def matching_words(text: str) -> list[str]:
    """`normalize.words(text)`, joined from each display word's own matching words.

    Equal by construction: the text's display words are its folded text split on whitespace, and
    every rule of `normalize.words` (dotted abbreviations, hyphens, case, possessives, the word
    pattern) stays inside one run of non-space characters. The one that does not, 'united
    states' -> 'us', is flagged per word, and such a text takes `normalize.words` itself.
    """
    found = reading(text)
    if found.present & UNITED:
        return words(text)
    return list(chain.from_iterable(map(_WORDS, found.facts)))


def clear_caches() -> None:
    """Forget cached readings (benchmarks time cold runs)."""
    reading.cache_clear()
    _WORDS_READ.clear()
