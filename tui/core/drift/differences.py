"""What differs between two versions of one sentence: names, numbers, dates, quotes, spellings.

Each difference is found as a pair of variants, each with the phrase an outlet printed ('$3m',
'January 5') and the key it is compared by (the value '$3m' states, the date 'jan 5'): two
phrases with one key are one variant written two ways, never drift. Drift (`core.drift.detect`) groups
and dedupes by key and finds which versions carry a variant by key for numbers and dates, by
phrase for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.drift.variants import Digest, Wording, digest, wording
from tui.core.drift.wordiff import changed_stretches, split_words
from tui.core.models import DriftKind
from tui.core.text.normalize import STOPWORDS
from tui.core.text.wordfacts import PUNCTUATION, surface

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


def _name_runs(version: Wording, other: Wording) -> list[str]:
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


def _names(x: Wording, y: Wording) -> Iterable[Difference]:
    only_x, only_y = _name_runs(x, y), _name_runs(y, x)
    if not only_x or not only_y:
        return
    folded_y = [b.casefold() for b in only_y]
    # Best pairs first, ties in order; pairs below the cutoff score 0 and are left out.
    scored = sorted(
        [
            (-score, i, j)
            for i, a in enumerate(only_x)
            for j, score in enumerate(
                fuzz.ratio(a.casefold(), b, score_cutoff=NAME_SIMILARITY) for b in folded_y
            )
            if score
        ]
    )
    used_x: set[int] = set()
    used_y: set[int] = set()
    for _, i, j in scored:
        if i in used_x or j in used_y:
            continue
        if _demonym(only_x[i], only_y[j]):
            continue
        used_x.add(i)
        used_y.add(j)
        yield _plain("name", only_x[i], only_y[j])


def _numbers(x: Digest, y: Digest) -> Iterable[Difference]:
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


def _dates(x: Digest, y: Digest) -> Iterable[Difference]:
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


def _quotes(x: Digest, y: Digest) -> Iterable[Difference]:
    for qx in x.quotes:
        # The first of y's quotes that shares most words with qx (as `max` picks).
        scores = [fuzz.token_set_ratio(qx, qy) for qy in y.quotes]
        if not scores or max(scores) < QUOTE_SIMILARITY:
            continue
        a_words, b_words = split_words(qx), split_words(y.quotes[scores.index(max(scores))])
        for a0, a1, b0, b1 in changed_stretches(a_words, b_words):
            a_part = a_words[a0:a1]
            b_part = b_words[b0:b1]
            if not a_part or not b_part:
                continue
            if all(surface(w) in STOPWORDS for w in a_part + b_part):
                continue
            context = [a_words[a0 - 1]] if a0 > 0 and b0 > 0 else []
            yield _plain("quote", _clean(context + a_part), _clean(context + b_part))


def _clean(parts: Sequence[str]) -> str:
    return " ".join(parts).strip(PUNCTUATION + " ")


def _spelling(x: Digest, y: Digest) -> Iterable[Difference]:
    for key in sorted(x.spellings.keys() & y.spellings.keys()):
        a, b = x.spellings[key], y.spellings[key]
        if surface(a) != surface(b):
            yield Difference("spelling", a, b, surface(a), surface(b))


def keyed_differences(text_x: str, text_y: str) -> list[Difference]:
    """Every drift between two versions of one sentence, with the keys of both variants."""
    x, y = digest(text_x), digest(text_y)
    sx, sy = x.signature, y.signature
    if sx == sy:
        return []
    # A kind whose fact keys are equal on both sides yields nothing, so is not compared: equal
    # name keys leave no name run, equal number / date keys no unmatched number or date, equal
    # spelling keys ('key surface') no differing spelling. Names pair a run of one side with a
    # run of the other, so a side whose name keys all occur in the other's has none to pair
    # (the common edit: a name dropped or added), and the wording is not even read. Quotes are
    # compared unless both sides quote one and the same thing: a quote may pair with a
    # different one of the other side that contains its words.
    found: list[Difference] = []
    if sx[0] != sy[0] and not (sx[0] <= sy[0] or sy[0] <= sx[0]):
        found += _names(wording(text_x), wording(text_y))
    if sx[1] != sy[1]:
        found += _numbers(x, y)
    if sx[2:5] != sy[2:5]:
        found += _dates(x, y)
    if x.quotes and y.quotes and (sx[5] != sy[5] or len(sy[5]) > 1):
        found += _quotes(x, y)
    if sx[6] != sy[6]:
        found += _spelling(x, y)
    return [d for d in found if d.a and d.b and d.key_a != d.key_b] if found else found


def differences(text_x: str, text_y: str) -> list[tuple[DriftKind, str, str]]:
    """Every drift between two versions of one sentence: (kind, x's variant, y's variant)."""
    return [(d.kind, d.a, d.b) for d in keyed_differences(text_x, text_y)]
