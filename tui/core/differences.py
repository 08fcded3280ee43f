"""What differs between two versions of one sentence: names, numbers, dates, quotes, spellings.

Each difference is found as a pair of variants, each with the phrase an outlet printed ('$3m',
'January 5') and the key it is compared by (the value '$3m' states, the date 'jan 5'): two
phrases with one key are one variant written two ways, never drift. Drift (`core.drift`) groups
and dedupes by key and finds which versions carry a variant by key for numbers and dates, by
phrase for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.models import DriftKind
from tui.core.normalize import STOPWORDS
from tui.core.variants import Version, version
from tui.core.wordfacts import PUNCTUATION, surface
from tui.core.wordiff import change_blocks, word_diff

NAME_SIMILARITY = 55.0
"""Two differing names are variants of one another from this fuzz.ratio on."""
QUOTE_SIMILARITY = 50.0
_DEMONYM_ENDINGS = frozenset(("ese", "ian", "an", "ish", "i", "n", "ans", "ns", "ians"))
KEYED_KINDS = frozenset(("number", "quantity", "date"))
"""Kinds whose carriers are found by fact key; the others by phrase."""


class Difference(NamedTuple):
    """One difference: x's variant and y's, as printed and as compared."""

    kind: DriftKind
    a: str
    b: str
    key_a: str
    key_b: str


def _plain(kind: DriftKind, a: str, b: str) -> Difference:
    """A difference whose variants are compared as words, case aside."""
    return Difference(kind, a, b, a.casefold(), b.casefold())


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


def _names(x: Version, y: Version) -> Iterable[Difference]:
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
        yield _plain("name", only_x[i], only_y[j])


def _numbers(x: Version, y: Version) -> Iterable[Difference]:
    keys_x = {key for _, _, key in x.numbers}
    keys_y = {key for _, _, key in y.numbers}
    only_x = [number for number in x.numbers if number[2] not in keys_y]
    only_y = [number for number in y.numbers if number[2] not in keys_x]
    for (kind_x, a, key_a), (kind_y, b, key_b) in zip(only_x, only_y, strict=False):
        kind: DriftKind = "quantity" if "quantity" in (kind_x, kind_y) else "number"
        yield Difference(kind, a, b, key_a, key_b)


def _agreeing(key: str) -> tuple[str, ...]:
    """Keys a date agrees with: itself, and a month with or without a day ('jan 16' / 'jan')."""
    return (key, key.partition(" ")[0]) if " " in key else (key,)


def _dates(x: Version, y: Version) -> Iterable[Difference]:
    for in_x, in_y in ((x.weekdays, y.weekdays), (x.months, y.months)):
        keys_x = {k for _, key in in_x for k in _agreeing(key)}
        keys_y = {k for _, key in in_y for k in _agreeing(key)}
        only_x = [(shown, key) for shown, key in in_x if key not in keys_y]
        only_y = [(shown, key) for shown, key in in_y if key not in keys_x]
        if only_x and only_y:
            yield Difference("date", only_x[0][0], only_y[0][0], only_x[0][1], only_y[0][1])
    if x.years - y.years and y.years - x.years:
        year_x, year_y = min(x.years - y.years), min(y.years - x.years)
        yield Difference("date", year_x, year_y, year_x, year_y)


def _quotes(x: Version, y: Version) -> Iterable[Difference]:
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
            yield _plain("quote", _clean(context + a_part), _clean(context + b_part))


def _clean(parts: Sequence[str]) -> str:
    return " ".join(parts).strip(PUNCTUATION + " ")


def _spelling(x: Version, y: Version) -> Iterable[Difference]:
    for key in sorted(x.spellings.keys() & y.spellings.keys()):
        a, b = x.spellings[key], y.spellings[key]
        if surface(a) != surface(b):
            yield Difference("spelling", a, b, surface(a), surface(b))


def keyed_differences(text_x: str, text_y: str) -> list[Difference]:
    """Every drift between two versions of one sentence, with the keys of both variants."""
    x, y = version(text_x), version(text_y)
    if x.signature == y.signature:
        return []
    sx, sy = x.signature, y.signature
    # A kind whose fact keys are equal on both sides yields nothing, so is not compared: equal
    # name keys leave no name run, equal number / date keys no unmatched number or date, equal
    # spelling keys ('key surface') no differing spelling. Quotes are always compared: a quote
    # may pair with a different one of the other side that contains its words.
    sources: list[Iterable[Difference]] = []
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
    found: list[Difference] = []
    for source in sources:
        found.extend(d for d in source if d.a and d.b and d.key_a != d.key_b)
    return found


def differences(text_x: str, text_y: str) -> list[tuple[DriftKind, str, str]]:
    """Every drift between two versions of one sentence: (kind, x's variant, y's variant)."""
    return [(d.kind, d.a, d.b) for d in keyed_differences(text_x, text_y)]
