"""Versions of one sentence: the facts drift compares, computed once per distinct text.

Two versions of one sentence (the same cluster) may disagree on a name ('Shinjiro Koizumi' /
'Shingo Kiyozumi'), a number, a date or weekday ('Thursday' / 'Friday'), a quantity, the words
inside a quotation ('remains absolutely unwavering' / 'remains strong'), or only on spelling
('Defence' / 'Defense', the quiet kind). `version` reads those facts off a text once, since wire
copy repeats sentences verbatim across outlets; two versions whose fact signatures are equal are
known to have no differences without comparing them. The comparing is `core.differences`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from tui.core.models import DriftKind
from tui.core.normalize import fold
from tui.core.readings import clear_caches as clear_reading_caches
from tui.core.readings import reading
from tui.core.wordfacts import (
    CAPITAL_NAME,
    ENDS_RUN,
    MONTH,
    NUMBER,
    ONE_OF,
    STARTS_RUN,
    TWIN,
    WEEKDAY,
    YEAR,
    month_dates,
    number_runs,
    surface,
)
from tui.core.wordfacts import clear_caches as clear_word_caches

_QUOTED = re.compile(r'"([^"]{3,})"')
KIND_ORDER: dict[DriftKind, int] = {
    "name": 0,
    "number": 1,
    "date": 2,
    "quantity": 3,
    "quote": 4,
    "spelling": 5,
}


class Version(NamedTuple):
    """Everything drift compares about one sentence, computed once per text (a NamedTuple:
    one is built per distinct sentence, and tuples are the cheapest to build)."""

    joined: str
    """Surface words joined by single spaces, with a space at each end: a phrase occurs in this
    sentence exactly when its own `joined` is a substring of this one."""
    keys: tuple[str, ...]
    """Canonical words, in order (a tuple: cheaper to build than a set, and only ever asked
    about the few capitalised words of another version)."""
    capitals: tuple[tuple[int, str, str, bool], ...]
    """(position, canonical key, shown, starts a run) of capitalised words after the first; none
    in headlines. A word starts a new run of names after "Italy's" or 'Tokyo,' even when the
    two are adjacent."""
    numbers: tuple[tuple[DriftKind, str, str], ...]
    """(number or quantity, phrase, key) of number runs; number words are keyed as digits."""
    weekdays: tuple[tuple[str, str], ...]
    months: tuple[tuple[str, str], ...]
    """(shown, key) of months, with the day beside them: ('May 17', 'may 17'), ('March', 'mar')."""
    years: frozenset[str]
    quotes: tuple[str, ...]
    spellings: dict[str, str]
    """Canonical word -> shown word, for words with a British/American twin."""
    signature: tuple[frozenset[str], ...]
    """The keys of every fact above: two versions with equal signatures have no differences,
    which spares the comparison for most pairs of wire copies."""


_NONE: frozenset[str] = frozenset()
_new_tuple = tuple.__new__
_SURFACE, _CANONICAL, _CAPITAL = itemgetter(1), itemgetter(2), itemgetter(3)
"""Fields of `wordfacts.word_facts`, read at C speed."""


@lru_cache(maxsize=8192)
def version(text: str) -> Version:
    """The drift-relevant facts of one sentence text (cached: copies repeat verbatim).

    Read off the text's cached per-word facts (`core.readings`) and their flag bits; each rarer
    field is only built when the combined bits say the sentence has any (most sentences have no
    number, date or spelling twin), and from the few words whose bits say they count.
    """
    folded, display, facts, flags, present = reading(text)
    if not display:
        return _EMPTY
    n_words = len(display)
    capitals: tuple[tuple[int, str, str, bool], ...] = ()
    # Headlines capitalise nearly every word: no names there.
    if present & CAPITAL_NAME and sum(map(_CAPITAL, facts)) <= 0.6 * n_words:
        # A plain comprehension: a method wrapper called per word (`compress` over
        # `CAPITAL_NAME.__and__`) or a helper called per capital costs more than the tests.
        capitals = tuple(
            [
                (
                    n,
                    facts[n][2],
                    facts[n][0],
                    bool(flags[n] & STARTS_RUN or flags[n - 1] & ENDS_RUN),  # starts a run
                )
                for n in range(1, n_words)
                if flags[n] & CAPITAL_NAME
            ]
        )
    days: set[int] = set()
    months = month_dates(facts, days) if present & MONTH else ()
    numbers = number_runs(facts, display, days) if present & (NUMBER | ONE_OF) else ()
    spellings = {f[2]: f[0] for f in facts if f[4] & TWIN} if present & TWIN else {}
    weekdays = tuple((f[0], f[1]) for f in facts if f[4] & WEEKDAY) if present & WEEKDAY else ()
    years = frozenset([f[1] for f in facts if f[4] & YEAR]) if present & YEAR else _NONE
    quotes = tuple(_QUOTED.findall(folded)) if '"' in folded else ()
    signature = (
        frozenset([capital[1] for capital in capitals]) if capitals else _NONE,
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
        Version,
        (
            f" {' '.join(filter(None, map(_SURFACE, facts)))} ",  # joined
            tuple(map(_CANONICAL, facts)),  # keys
            capitals,
            numbers,
            weekdays,
            months,
            years,
            quotes,
            spellings,
            signature,
        ),
    )


_EMPTY = Version("  ", (), (), (), (), (), frozenset(), (), {}, (frozenset(),) * 7)


def joined_words(text: str) -> str:
    """`Version.joined` without the rest of the version: ' tokyo and washington agreed '."""
    return f" {' '.join(filter(None, map(surface, fold(text).split())))} "


def clear_caches() -> None:
    """Forget cached words and versions (benchmarks time cold runs)."""
    clear_word_caches()
    clear_reading_caches()
    version.cache_clear()
