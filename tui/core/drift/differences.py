"""What differs between two versions of one sentence: names, numbers, dates, quotes, spellings.

Each difference is found as a pair of variants, each with the phrase an outlet printed ('$3m',
'January 5') and the key it is compared by (the value '$3m' states, the date 'jan 5'): two
phrases with one key are one variant written two ways, never drift. Figures and weekdays pair
only when they fill one slot of the statement (`core.drift.slots`), quotes only when they are
one quote changed in one place (`core.drift.quotes`), names only when they stand in one place
and are not one name written two ways (`core.drift.names`). Drift (`core.drift.detect`)
groups and dedupes by key and finds which versions carry a variant by key for numbers and
dates, by phrase for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz

from tui.core.drift.names import SIMILARITY, one_name
from tui.core.drift.quotes import quote_changes
from tui.core.drift.slots import agree, days, figures, one_statement, same_slot
from tui.core.drift.variants import Digest, Wording, digest, wording
from tui.core.models import DriftKind
from tui.core.text.normalize import STOPWORDS, fold
from tui.core.text.wordfacts import surface

NAME_SIMILARITY = SIMILARITY
"""Two differing names are variants of one another from this fuzz.ratio on."""
NAME_REACH = 3
"""Content words either side of a name that say where in the statement it stands..."""
NAME_CONTEXT = 2
"""...of which two names must share this many to stand in one place,"""
NAME_DRIFT_PLACE = 0.5
"""...and stand at most this share of their sentences apart."""
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


def _name_runs(version: Wording, other: Wording) -> list[tuple[str, int, int]]:
    """Runs of capitalised words the other version lacks (compared by canonical word, so
    'Defence' / 'Defense' is left to spelling drift rather than read as two names), with the
    positions of their first and last words."""
    runs: list[tuple[list[str], int, int]] = []
    previous = -2
    for position, key, shown, starts_run in version.capitals:
        if key in other.keys:
            continue
        if position == previous + 1 and runs and not starts_run:
            runs[-1][0].append(shown)
            runs[-1] = (runs[-1][0], runs[-1][1], position)
        else:
            runs.append(([shown], position, position))
        previous = position
    return [(" ".join(run), first, last) for run, first, last in runs]


def _around(version: Wording, first: int, last: int) -> set[str]:
    """The NAME_REACH content words either side of a run: what the name stands among."""
    keys = version.keys
    before = [k for k in keys[:first] if k and k not in STOPWORDS][-NAME_REACH:]
    after = [k for k in keys[last + 1 :] if k and k not in STOPWORDS][:NAME_REACH]
    return set(before + after)


def _placed_alike(x: Wording, a: tuple[str, int, int], y: Wording, b: tuple[str, int, int]) -> bool:
    """Two runs stand in one place of the statement: NAME_CONTEXT content words around them in
    common, and about as far into their sentences ('North Korean leader Kim Jong Un signed
    ...' / '... his host Kim Jong Un on Ukraine' share words around, not a place)."""
    if len(_around(x, a[1], a[2]) & _around(y, b[1], b[2])) < NAME_CONTEXT:
        return False
    where_a = a[1] / max(1, len(x.keys))
    where_b = b[1] / max(1, len(y.keys))
    return abs(where_a - where_b) <= NAME_DRIFT_PLACE


def _names(x: Wording, y: Wording) -> Iterable[Difference]:
    """Names that differ in one place of the statement: a run of x and a run of y alike
    enough (`NAME_SIMILARITY`) with a content word around them in common, that are not one
    name written two ways (`core.drift.names.one_name`)."""
    only_x, only_y = _name_runs(x, y), _name_runs(y, x)
    if not only_x or not only_y:
        return
    folded_y = [b.casefold() for b, _, _ in only_y]
    # Best pairs first, ties in order; pairs below the cutoff score 0 and are left out.
    scored = sorted(
        [
            (-score, i, j)
            for i, (a, _, _) in enumerate(only_x)
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
        a, b = only_x[i][0], only_y[j][0]
        if one_name(a, b) or not _placed_alike(x, only_x[i], y, only_y[j]):
            continue
        used_x.add(i)
        used_y.add(j)
        yield _plain("name", a, b)


def _numbers(text_x: str, text_y: str) -> Iterable[Difference]:
    """Figures of the two versions that fill one slot (`core.drift.slots.same_slot`) and
    state different values (`core.drift.slots.agree`). Figures written alike on both sides are
    set aside first; the rest pair best slot first, then in the order they stand, each figure
    once: a figure that finds no partner counting the same thing is no drift."""
    fx, fy = figures(text_x), figures(text_y)
    keys_x = {f.key for f in fx}
    keys_y = {f.key for f in fy}
    only_x = [f for f in fx if f.key not in keys_y]
    only_y = [f for f in fy if f.key not in keys_x]
    if not only_x or not only_y:
        return
    measures = [f.measure for f in fx] + [f.measure for f in fy]
    crowded = {m for m in measures if measures.count(m) > 2}
    scored = sorted(
        (-score, abs(i * len(only_y) - j * len(only_x)), i, j)
        for i, a in enumerate(only_x)
        for j, b in enumerate(only_y)
        if (score := same_slot(a, b, crowded=a.measure in crowded))
    )
    # Figures that agree pair first ('nearly 9,000 people' / 'approximately 9,000 deaths'), so
    # a figure the other version also states is not taken for another's changed value.
    used_x: set[int] = set()
    used_y: set[int] = set()
    for _, _, i, j in scored:
        if i not in used_x and j not in used_y and agree(only_x[i], only_y[j]):
            used_x.add(i)
            used_y.add(j)
    for _, _, i, j in scored:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        a, b = only_x[i], only_y[j]
        kind: DriftKind = "quantity" if a.quantity or b.quantity else "number"
        yield Difference(kind, a.phrase, b.phrase, a.key, b.key)


def _agreeing(key: str) -> tuple[str, ...]:
    """Keys a date agrees with: itself, and a month with or without a day ('jan 16' / 'jan')."""
    return (key, key.partition(" ")[0]) if " " in key else (key,)


def _weekdays(text_x: str, text_y: str) -> Iterable[Difference]:
    """Weekdays that date one thing: the words around them in common, and both dating an
    event or both a statement ('agreed Thursday' / 'agreed Friday', not 'killed on Wednesday'
    / 'officials said on Thursday')."""
    dx, dy = days(text_x), days(text_y)
    keys_x = {d.key for d in dx}
    keys_y = {d.key for d in dy}
    for a in dx:
        if a.key in keys_y:
            continue
        for b in dy:
            if b.key not in keys_x and a.spoken == b.spoken and a.anchors & b.anchors:
                yield Difference("date", a.shown, b.shown, a.key, b.key)
                return


def _dates(x: Digest, y: Digest, text_x: str, text_y: str) -> Iterable[Difference]:
    if x.weekdays and y.weekdays:
        yield from _weekdays(text_x, text_y)
    keys_x = {k for _, key in x.months for k in _agreeing(key)}
    keys_y = {k for _, key in y.months for k in _agreeing(key)}
    only_x = [(shown, key) for shown, key in x.months if key not in keys_y]
    only_y = [(shown, key) for shown, key in y.months if key not in keys_x]
    if only_x and only_y:
        yield Difference("date", only_x[0][0], only_y[0][0], only_x[0][1], only_y[0][1])
    if x.years - y.years and y.years - x.years:
        year_x, year_y = min(x.years - y.years), min(y.years - x.years)
        yield Difference("date", year_x, year_y, year_x, year_y)


def _quotes(x: Digest, y: Digest, text_x: str = "", text_y: str = "") -> Iterable[Difference]:
    for a, b in quote_changes(x.quotes, y.quotes, fold(text_x), fold(text_y)):
        yield _plain("quote", a, b)


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
        found += _numbers(text_x, text_y)
    if sx[2:5] != sy[2:5]:
        found += _dates(x, y, text_x, text_y)
    if x.quotes and y.quotes and (sx[5] != sy[5] or len(sy[5]) > 1):
        found += _quotes(x, y, text_x, text_y)
    if sx[6] != sy[6]:
        found += _spelling(x, y)
    # Versions of a cluster that share almost no words are not one statement (a cluster can
    # hold a sentence joined on one rare word): nothing they differ in is drift.
    if not found or not one_statement(text_x, text_y):
        return []
    return [d for d in found if d.a and d.b and d.key_a != d.key_b]


def differences(text_x: str, text_y: str) -> list[tuple[DriftKind, str, str]]:
    """Every drift between two versions of one sentence: (kind, x's variant, y's variant)."""
    return [(d.kind, d.a, d.b) for d in keyed_differences(text_x, text_y)]
