"""Versions of one sentence, and what differs between two of them (`differences`).

Two versions of one sentence (the same cluster) may disagree on a name ('Shinjiro Koizumi' /
'Shingo Kiyozumi'), a number, a date or weekday ('Thursday' / 'Friday'), a quantity, the words
inside a quotation ('remains absolutely unwavering' / 'remains strong'), or only on spelling
('Defence' / 'Defense', the quiet kind). Everything compared is computed once per distinct text
(`version`), since wire copy repeats sentences verbatim across outlets, and two versions whose
fact signatures are equal are known to have no differences without comparing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, reduce
from operator import itemgetter, or_
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.models import DriftKind
from tui.core.normalize import STOPWORDS, fold
from tui.core.wordfacts import (
    CAPITAL_NAME,
    ENDS_RUN,
    MONTH,
    NUMBER,
    PUNCTUATION,
    STARTS_RUN,
    TWIN,
    WEEKDAY,
    YEAR,
    month_dates,
    number_runs,
    surface,
    word_facts,
)
from tui.core.wordfacts import clear_caches as clear_word_caches
from tui.core.wordiff import change_blocks, word_diff

NAME_SIMILARITY = 55.0
"""Two differing names are variants of one another from this fuzz.ratio on."""
QUOTE_SIMILARITY = 50.0
_DEMONYM_ENDINGS = frozenset(("ese", "ian", "an", "ish", "i", "n", "ans", "ns", "ians"))
_QUOTED = re.compile(r'"([^"]{3,})"')
KIND_ORDER: dict[DriftKind, int] = {
    "name": 0,
    "number": 1,
    "date": 2,
    "quantity": 3,
    "quote": 4,
    "spelling": 5,
}
Found = tuple[DriftKind, str, str]


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
_SURFACE, _CANONICAL, _CAPITAL, _FLAGS = itemgetter(1), itemgetter(2), itemgetter(3), itemgetter(4)
"""Fields of `wordfacts.word_facts`, read at C speed."""


@lru_cache(maxsize=8192)
def version(text: str) -> Version:
    """The drift-relevant facts of one sentence text (cached: copies repeat verbatim).

    One pass over cached per-word facts and their flag bits; each rarer field is only built
    when the combined bits say the sentence has any (most sentences have no number, date or
    spelling twin).
    """
    folded = fold(text)
    display = folded.split()
    if not display:
        return _EMPTY
    facts = list(map(word_facts, display))
    present = reduce(or_, map(_FLAGS, facts))
    n_words = len(display)
    capitals: tuple[tuple[int, str, str, bool], ...] = ()
    # Headlines capitalise nearly every word: no names there.
    if present & CAPITAL_NAME and sum(map(_CAPITAL, facts)) <= 0.6 * n_words:
        capitals = tuple(
            [
                (n, f[2], f[0], bool(f[4] & STARTS_RUN or facts[n - 1][4] & ENDS_RUN))
                for n, f in enumerate(facts)
                if f[4] & CAPITAL_NAME and n
            ]
        )
    days: set[int] = set()
    months = month_dates(facts, days) if present & MONTH else ()
    numbers = number_runs(facts, display, days) if present & NUMBER else ()
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
    return Version(
        joined=f" {' '.join(filter(None, map(_SURFACE, facts)))} ",
        keys=tuple(map(_CANONICAL, facts)),
        capitals=capitals,
        numbers=numbers,
        weekdays=weekdays,
        months=months,
        years=years,
        quotes=quotes,
        spellings=spellings,
        signature=signature,
    )


_EMPTY = Version("  ", (), (), (), (), (), frozenset(), (), {}, (frozenset(),) * 7)


def joined_words(text: str) -> str:
    """`Version.joined` without the rest of the version: ' tokyo and washington agreed '."""
    return f" {' '.join(filter(None, map(surface, fold(text).split())))} "


def clear_caches() -> None:
    """Forget cached words and versions (benchmarks time cold runs)."""
    clear_word_caches()
    version.cache_clear()


def _name_runs(version: Version, other: Version) -> list[str]:
    """Runs of capitalised words the other version lacks (compared by canonical word, so
    'Defence' / 'Defense' is left to spelling drift rather than read as two names)."""
    runs: list[list[str]] = []
    previous = -2
    for position, key, shown, starts_run in version.capitals:
        if key in other.keys:
            continue
        if position == previous + 1 and runs and not starts_run:
            runs[-1].append(shown)
        else:
            runs.append([shown])
        previous = position
    return [" ".join(run) for run in runs]


def _demonym(a: str, b: str) -> bool:
    """'Japan' / 'Japanese', 'China' / 'Chinese': related words, not a misspelled name."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    if " " in long:
        return False
    for cut in (0, 1):
        stem = short[: len(short) - cut]
        if len(stem) >= 3 and long.startswith(stem) and long[len(stem) :] in _DEMONYM_ENDINGS:
            return True
    return False


def _names(x: Version, y: Version) -> Iterable[Found]:
    only_x, only_y = _name_runs(x, y), _name_runs(y, x)
    scored = sorted(
        (
            (fuzz.ratio(a.casefold(), b.casefold()), i, j)
            for i, a in enumerate(only_x)
            for j, b in enumerate(only_y)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_x: set[int] = set()
    used_y: set[int] = set()
    for score, i, j in scored:
        if score < NAME_SIMILARITY or i in used_x or j in used_y:
            continue
        if _demonym(only_x[i], only_y[j]):
            continue
        used_x.add(i)
        used_y.add(j)
        yield ("name", only_x[i], only_y[j])


def _numbers(x: Version, y: Version) -> Iterable[Found]:
    keys_x = {key for _, _, key in x.numbers}
    keys_y = {key for _, _, key in y.numbers}
    only_x = [(kind, phrase) for kind, phrase, key in x.numbers if key not in keys_y]
    only_y = [(kind, phrase) for kind, phrase, key in y.numbers if key not in keys_x]
    for (kind_x, a), (kind_y, b) in zip(only_x, only_y, strict=False):
        yield ("quantity" if "quantity" in (kind_x, kind_y) else "number", a, b)


def _agreeing(key: str) -> tuple[str, ...]:
    """Keys a date agrees with: itself, and a month with or without a day ('jan 16' / 'jan')."""
    return (key, key.partition(" ")[0]) if " " in key else (key,)


def _dates(x: Version, y: Version) -> Iterable[Found]:
    for in_x, in_y in ((x.weekdays, y.weekdays), (x.months, y.months)):
        keys_x = {k for _, key in in_x for k in _agreeing(key)}
        keys_y = {k for _, key in in_y for k in _agreeing(key)}
        only_x = [shown for shown, key in in_x if key not in keys_y]
        only_y = [shown for shown, key in in_y if key not in keys_x]
        if only_x and only_y:
            yield ("date", only_x[0], only_y[0])
    if x.years - y.years and y.years - x.years:
        yield ("date", min(x.years - y.years), min(y.years - x.years))


def _quotes(x: Version, y: Version) -> Iterable[Found]:
    for qx in x.quotes:
        best = max(y.quotes, key=lambda qy: fuzz.token_set_ratio(qx, qy), default=None)
        if best is None or fuzz.token_set_ratio(qx, best) < QUOTE_SIMILARITY:
            continue
        diff = word_diff(qx, best)
        for a0, a1, b0, b1 in change_blocks(diff):
            a_part = list(diff.a_words[a0:a1])
            b_part = list(diff.b_words[b0:b1])
            if not a_part or not b_part:
                continue
            if all(surface(w) in STOPWORDS for w in a_part + b_part):
                continue
            context = [diff.a_words[a0 - 1]] if a0 > 0 and b0 > 0 else []
            yield ("quote", _clean(context + a_part), _clean(context + b_part))


def _clean(parts: Sequence[str]) -> str:
    return " ".join(parts).strip(PUNCTUATION + " ")


def _spelling(x: Version, y: Version) -> Iterable[Found]:
    for key in sorted(x.spellings.keys() & y.spellings.keys()):
        a, b = x.spellings[key], y.spellings[key]
        if surface(a) != surface(b):
            yield ("spelling", a, b)


def differences(text_x: str, text_y: str) -> list[Found]:
    """Every drift between two versions of one sentence: (kind, x's variant, y's variant)."""
    x, y = version(text_x), version(text_y)
    if x.signature == y.signature:
        return []
    sx, sy = x.signature, y.signature
    # A kind whose fact keys are equal on both sides yields nothing, so is not compared: equal
    # name keys leave no name run, equal number / date keys no unmatched number or date, equal
    # spelling keys ('key surface') no differing spelling. Quotes are always compared: a quote
    # may pair with a different one of the other side that contains its words.
    sources: list[Iterable[Found]] = []
    if sx[0] != sy[0]:
        sources.append(_names(x, y))
    if sx[1] != sy[1]:
        sources.append(_numbers(x, y))
    if sx[2:5] != sy[2:5]:
        sources.append(_dates(x, y))
    if x.quotes:
        sources.append(_quotes(x, y))
    if sx[6] != sy[6]:
        sources.append(_spelling(x, y))
    found: list[Found] = []
    for source in sources:
        found.extend(item for item in source if item[1] and item[2] and item[1] != item[2])
    return found
