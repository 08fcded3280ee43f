"""A sentence's counterparts: scored per cluster when aligning, built per sentence when first read.

Alignment needs two figures per sentence, the best score against the other members of its
cluster (its status) and their sum (the likely origin), but a reader looks at the counterparts of
one focused sentence at a time, and the CLI document does not use them at all. A 500-outlet story
has about 185,000 counterpart entries. So `score_cluster` scores each cluster's distinct keys once,
keeps the scores as rows shared by the members, and hands out the two figures; each sentence's
Counterpart tuple is built from those rows on first access (`MemberCounterparts`). The collection
is immutable and behaves like the tuple it stands for: same length, items, slices, equality (with
tuples too), hash and repr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, overload

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract

from tui.core.models import Counterpart

__all__ = [
    "FULL_PAIRS_LIMIT",
    "REFERENCE_MEMBERS",
    "ArticleTable",
    "ClusterScores",
    "Counterparts",
    "MemberCounterparts",
    "ScoredCluster",
    "score_cluster",
]

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""

FULL_PAIRS_LIMIT = 24
"""Clusters up to this size score every member against every other; larger ones against their
first members only, so a 500-outlet cluster costs 500 x 6 scores rather than 500 x 500."""
REFERENCE_MEMBERS = 6
_SCORE = itemgetter(1)
_OFFSET = itemgetter(2)
"""The score and the position in the choices of one `extract` result, read at C speed."""
_SECOND_LAST = itemgetter(-2)


class Counterparts(Sequence[Counterpart]):
    """An immutable sequence of Counterpart, computed once by `make` on first use."""

    __slots__ = ("_items", "_make")

    def __init__(self, make: Callable[[], tuple[Counterpart, ...]]) -> None:
        self._make: Callable[[], tuple[Counterpart, ...]] | None = make
        self._items: tuple[Counterpart, ...] | None = None

    @property
    def items(self) -> tuple[Counterpart, ...]:
        """The counterparts as a plain tuple (computed now if not yet)."""
        items = self._items
        if items is None:
            make = self._make
            # Two threads may both compute: the result is the same, the last one is kept.
            items = make() if make is not None else ()
            self._items, self._make = items, None
        return items

    def __len__(self) -> int:
        return len(self.items)

    @overload
    def __getitem__(self, index: int) -> Counterpart: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Counterpart, ...]: ...

    def __getitem__(self, index: int | slice) -> Counterpart | tuple[Counterpart, ...]:
        return self.items[index]

    def __iter__(self) -> Iterator[Counterpart]:
        return iter(self.items)

    def __contains__(self, value: object) -> bool:
        return value in self.items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Counterparts):
            return self.items == other.items
        if isinstance(other, tuple):
            return self.items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.items)

    def __repr__(self) -> str:
        return repr(self.items)

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        """Pickles (and copies) as the plain tuple it stands for, or, not built yet, as the
        scores it would be built from (`MemberCounterparts`): an alignment filed on disk
        (`core.reader.cache`) stays as light as the one in memory."""
        make = self._make
        if self._items is None and isinstance(make, MemberCounterparts):
            return Counterparts, (make,)
        return tuple, (self.items,)


@dataclass(frozen=True, slots=True)
class ArticleTable:
    """What a counterpart names of an article, by rank in the alignment's canonical order; one
    table serves every sentence of a story (and is written to the cache once with it)."""

    ids: tuple[str, ...]
    outlets: tuple[str, ...]
    position: tuple[int, ...]
    """Where each article stands in the story's article order (origin first): breaks ties."""


class ClusterScores(NamedTuple):
    """One cluster's members and their fuzz.ratio scores, shared by its members' counterparts.

    Member n's counterparts are every member scored against it: the references before it (the
    first `len(rows)` members), and, when n is a reference itself, every member after it. A
    cluster holds one sentence per article, so each is its best counterpart in that article."""

    ranks: tuple[int, ...]
    indexes: tuple[int, ...]
    rows: tuple[tuple[float, ...], ...]
    """rows[n]: reference n's score against every member, in member order. Members with equal
    keys share one row; ratio is symmetric, so rows[n][m] is also m's score against n."""
    table: ArticleTable


class MemberCounterparts:
    """Builds member `at`'s counterparts from its cluster's scores: best score first, ties in
    article order. One is made per sentence: a plain slotted class, whose `__init__` costs a
    third of a frozen dataclass's."""

    __slots__ = ("at", "scores")

    def __init__(self, scores: ClusterScores, at: int) -> None:
        self.scores = scores
        self.at = at

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return MemberCounterparts, (self.scores, self.at)

    def __call__(self) -> tuple[Counterpart, ...]:
        scores, at = self.scores, self.at
        rows, ranks, table = scores.rows, scores.ranks, scores.table
        position = list(map(table.position.__getitem__, ranks))
        # (-score, article position, member): sorted as they come, best first, ties in order.
        found = [(-rows[n][at], position[n], n) for n in range(min(at, len(rows)))]
        if at < len(rows):
            row = rows[at]
            found += [(-row[n], position[n], n) for n in range(at + 1, len(row))]
        found.sort()
        indexes, ids, outlets = scores.indexes, table.ids, table.outlets
        return tuple(
            Counterpart(ids[ranks[n]], outlets[ranks[n]], indexes[n], -negative)
            for negative, _, n in found
        )


class ScoredCluster(NamedTuple):
    """What `score_cluster` finds in one cluster of at least two members."""

    rows: tuple[tuple[float, ...], ...]
    """As in ClusterScores."""
    best: list[float]
    """Per member: the best score among its counterparts (its status)."""
    total: list[float]
    """Per member: the sum of its counterparts' scores (coverage, the likely origin), added in
    whatever order is cheapest; `exact_total` adds them in one fixed order."""

    def exact_total(self, at: int) -> float:
        """Member `at`'s sum, its scores added in the order it finds its counterparts: the
        references before it, then, for a reference, its own row after it, best first.

        The likely origin is ranked on coverage rounded to 6 places, and sums of the same
        scores in different orders can differ in their last bits: articles that come that
        close are compared on these, the very floats alignment has always added up."""
        rows = self.rows
        if at < len(rows):
            row = rows[at]
            return sum(sorted(row[at + 1 :], reverse=True), sum(row[:at]))
        return sum([row[at] for row in rows])


def score_cluster(members: Sequence[Member], keys: Mapping[Member, str]) -> ScoredCluster:
    """Score one cluster of at least two members, one sentence per article.

    Wire copy repeats sentences verbatim, and copy-desk edits often leave the sorted words as
    they were: a 51-outlet story's clusters hold ~9,400 member pairs but ~5,000 distinct key
    pairs, so each pair of distinct keys is scored once (ratio is symmetric), and members with
    equal keys share one row, and one best score and one total.
    """
    size = len(members)
    references = size if size <= FULL_PAIRS_LIMIT else REFERENCE_MEMBERS
    member_keys = list(map(keys.__getitem__, members))
    distinct = list(dict.fromkeys(member_keys))  # the references' keys come first
    column = {key: n for n, key in enumerate(distinct)}
    columns = list(map(column.__getitem__, member_keys))
    scored = len(distinct) if references == size else len(set(member_keys[:references]))
    key_rows: list[list[float]] = []
    for n in range(scored):
        found = extract(distinct[n], distinct[n + 1 :], scorer=ratio, limit=None)
        found.sort(key=_OFFSET)
        # Earlier keys scored this one already; a key against itself scores 100, as fuzz.ratio
        # scores any string against itself.
        key_rows.append([*map(itemgetter(n), key_rows), 100.0, *map(_SCORE, found)])
    shared = list(map(itemgetter(*columns), key_rows))  # size >= 2: itemgetter gives tuples
    rows = tuple(shared[c] for c in columns[:references])

    # A reference's counterparts are all the other members: its row, but for its own score,
    # 100, which tops the row. So the best of the others is the row's second best (100 again
    # for a verbatim twin), and their sum the row's less 100.
    second_best = list(map(_SECOND_LAST, map(sorted, shared)))
    best = list(map(second_best.__getitem__, columns[:references]))
    sums = [row_sum - 100.0 for row_sum in map(sum, shared)]
    total = list(map(sums.__getitem__, columns[:references]))
    if references < size:
        # Past the references, a member's counterparts are the references, in order.
        against = list(zip(*(row[references:] for row in rows), strict=True))
        best += map(max, against)
        total += map(sum, against)
    return ScoredCluster(rows, best, total)
