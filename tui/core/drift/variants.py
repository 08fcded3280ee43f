"""Versions of one sentence: the facts drift compares, computed once per distinct text.

Two versions of one sentence (the same cluster) may disagree on a name ('Shinjiro Koizumi' /
'Shingo Kiyozumi'), a number, a date or weekday ('Thursday' / 'Friday'), a quantity, the words
inside a quotation ('remains absolutely unwavering' / 'remains strong'), or only on spelling
('Defence' / 'Defense', the quiet kind). Facts are read off a text once, since wire copy repeats
sentences verbatim across outlets, and in two steps. Every version needs its `digest`: the fact
`signature` (two versions with equal signatures have no differences, so most pairs are never
compared) and the numbers, dates, quotes and spellings it is built from. Only a version whose
names differ both ways from another's needs its `wording`, the runs of words those names are
printed in (a 51-outlet story: about 1,160 digests, 200 wordings). The comparing is
`core.drift.differences`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from tui.core.drift.quotes import clear_caches as clear_quote_caches
from tui.core.drift.slots import clear_caches as clear_slot_caches
from tui.core.drift.wordiff import clear_caches as clear_diff_caches
from tui.core.models import DriftKind
from tui.core.text.normalize import fold
from tui.core.text.readings import clear_caches as clear_reading_caches
from tui.core.text.readings import reading
from tui.core.text.wordfacts import (
    CAPITAL_NAME,
    ENDS_RUN,
    MONTH,
    NUMBER,
    ONE_OF,
    STARTS_RUN,
    TWIN,
    WEEKDAY,
    YEAR,
    WordFacts,
    month_dates,
    number_runs,
    surface,
)
from tui.core.text.wordfacts import clear_caches as clear_word_caches

_QUOTED = re.compile(r'"([^"]{3,})"')
KIND_ORDER: dict[DriftKind, int] = {
    "name": 0,
    "number": 1,
    "date": 2,
    "quantity": 3,
    "quote": 4,
    "spelling": 5,
}

Signature = tuple[frozenset[str], ...]
"""The keys of a version's names, numbers (and quantities), weekdays, months, years, quotes and
spellings ('key surface'), in that order: two versions with equal signatures have no
differences, which spares the comparison for most pairs of wire copies."""


class Digest(NamedTuple):
    """What every version needs before any comparison: its signature, and the facts it is built
    from that comparisons read as they are (kept, so they are not read twice)."""

    signature: Signature
    numbers: tuple[tuple[DriftKind, str, str], ...]
    """(number or quantity, phrase, key) of number runs; number words are keyed as digits."""
    weekdays: tuple[tuple[str, str], ...]
    months: tuple[tuple[str, str], ...]
    """(shown, key) of months, with the day beside them: ('May 17', 'may 17'), ('March', 'mar')."""
    years: frozenset[str]
    quotes: tuple[str, ...]
    spellings: dict[str, str]
    """Canonical word -> shown word, for words with a British/American twin."""
    headline: bool
    """Capitalised nearly word for word, like a headline: no names there."""


class Wording(NamedTuple):
    """How a version words its names: only read for the few pairs of versions whose names
    differ both ways (a name dropped or added leaves nothing to pair)."""

    keys: tuple[str, ...]
    """Canonical words, in order (a tuple: cheaper to build than a set, and only ever asked
    about the few capitalised words of another version)."""
    capitals: tuple[tuple[int, str, str, bool], ...]
    """(position, canonical key, shown, starts a run) of capitalised words after the first; none
    in headlines. A word starts a new run of names after "Italy's" or 'Tokyo,' even when the
    two are adjacent."""


_NONE: frozenset[str] = frozenset()
_new_tuple = tuple.__new__
_SURFACE, _CANONICAL, _CAPITAL = itemgetter(1), itemgetter(2), itemgetter(3)
"""Fields of `wordfacts.word_facts`, read at C speed."""


@lru_cache(maxsize=8192)
def digest(text: str) -> Digest:
    """The signature of one sentence text and the rarer facts behind it (cached: copies repeat
    verbatim). Each rarer fact is only read when the text's combined flag bits say it has any
    (most sentences have no number, date or spelling twin)."""
    folded, display, facts, flags, present = reading(text)
    if not display:
        return _EMPTY_DIGEST
    names = _NONE
    headline = False
    if present & CAPITAL_NAME:
        # Only capitalised words can be names: pick them out at C speed, then test the few.
        capitals = list(compress(facts, map(_CAPITAL, facts)))
        # Headlines capitalise nearly every word: no names there.
        headline = len(capitals) > 0.6 * len(display)
        if not headline:
            found = [f[2] for f in capitals if f[4] & CAPITAL_NAME]
            if flags[0] & CAPITAL_NAME:  # names are looked for after the first word
                del found[0]
            names = frozenset(found)
    days: set[int] = set()
    months = month_dates(facts, days) if present & MONTH else ()
    numbers = number_runs(facts, display, days) if present & (NUMBER | ONE_OF) else ()
    weekdays = tuple([(f[0], f[1]) for f in facts if f[4] & WEEKDAY]) if present & WEEKDAY else ()
    years = frozenset([f[1] for f in facts if f[4] & YEAR]) if present & YEAR else _NONE
    quotes = tuple(_QUOTED.findall(folded)) if '"' in folded else ()
    spellings = {f[2]: f[0] for f in facts if f[4] & TWIN} if present & TWIN else {}
    signature = (
        names,
        frozenset([number[2] for number in numbers]) if numbers else _NONE,
        frozenset([weekday[1] for weekday in weekdays]) if weekdays else _NONE,
        frozenset([month[1] for month in months]) if months else _NONE,
        years,
        frozenset(quotes) if quotes else _NONE,
        frozenset([f"{key} {surface(shown)}" for key, shown in spellings.items()])
        if spellings
        else _NONE,
    )
    # tuple.__new__ in field order: a NamedTuple's own __new__ is Python code taking keywords.
    return _new_tuple(
        Digest, (signature, numbers, weekdays, months, years, quotes, spellings, headline)
    )


def signature(text: str) -> Signature:
    """The fact signature of one sentence text (`Digest.signature`)."""
    return digest(text).signature


@lru_cache(maxsize=8192)
def wording(text: str) -> Wording:
    """How one sentence text words its names (cached), for comparing them with another
    version's."""
    _, display, facts, flags, present = reading(text)
    capitals: tuple[tuple[int, str, str, bool], ...] = ()
    if present & CAPITAL_NAME and not digest(text).headline:
        # Only capitalised words are tested, picked out at C speed (`compress` over the
        # capitalised field; a method wrapper per word, `CAPITAL_NAME.__and__`, costs more than
        # the tests, and so does a helper called per capital).
        capitals = tuple(
            [
                (
                    n,
                    facts[n][2],
                    facts[n][0],
                    bool(flags[n] & STARTS_RUN or flags[n - 1] & ENDS_RUN),  # starts a run
                )
                for n in compress(range(1, len(display)), map(_CAPITAL, facts[1:]))
                if flags[n] & CAPITAL_NAME
            ]
        )
    return Wording(tuple(map(_CANONICAL, facts)), capitals)


_EMPTY_DIGEST = Digest((_NONE,) * 7, (), (), (), _NONE, (), {}, False)


def joined_text(text: str) -> str:
    """A sentence's surface words joined by single spaces, with a space at each end: a phrase
    occurs in the sentence exactly when its `joined_words` is a substring of this."""
    return f" {' '.join(filter(None, map(_SURFACE, reading(text).facts)))} "


_BREAK: list[WordFacts] = [("", "\n", "", False, 0, ())]
"""A word whose letters are a line break: no phrase's `joined_words` holds one."""


def joined_texts(texts: Sequence[str]) -> list[str]:
    """`joined_text` of each of many sentences, from one join and one split: a call per text
    costs more than its join (drift joins every version of a cluster that has drift). A text
    with no words gives ' ', which holds no phrase's `joined_words` either."""
    facts: list[WordFacts] = []
    for text in texts:
        facts += reading(text).facts
        facts += _BREAK
    return f" {' '.join(filter(None, map(_SURFACE, facts)))}".split("\n")[:-1]


def joined_words(text: str) -> str:
    """`joined_text` of a phrase, without reading it as a sentence: ' tokyo and washington '."""
    return f" {' '.join(filter(None, map(surface, fold(text).split())))} "


def clear_caches() -> None:
    """Forget cached words, digests and wordings (benchmarks time cold runs)."""
    clear_word_caches()
    clear_reading_caches()
    clear_diff_caches()
    clear_slot_caches()
    clear_quote_caches()
    digest.cache_clear()
    wording.cache_clear()
