"""A sentence's counterparts, built when first read.

A 500-outlet story has about 185,000 counterpart entries, and a reader looks at the counterparts
of one focused sentence at a time; the CLI document does not use them at all. So alignment keeps
each sentence's scores and builds its Counterpart tuple on first access. The collection is
immutable and behaves like the tuple it stands for: same length, items, slices, equality
(with tuples too), hash and repr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import overload

from tui.core.models import Counterpart

__all__ = ["ArticleTable", "Counterparts", "RankedCounterparts"]


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
        scores it would be built from (`RankedCounterparts`): an alignment filed on disk
        (`core.alignment_cache`) stays as light as the one in memory."""
        make = self._make
        if self._items is None and isinstance(make, RankedCounterparts):
            return Counterparts, (make,)
        return tuple, (self.items,)


@dataclass(frozen=True, slots=True)
class ArticleTable:
    """What a counterpart names of an article, by rank in the alignment's canonical order; one
    table serves every sentence of a story (and is pickled once with it)."""

    ids: tuple[str, ...]
    outlets: tuple[str, ...]
    position: tuple[int, ...]
    """Where each article stands in the story's article order (origin first): breaks ties."""


@dataclass(frozen=True, slots=True)
class RankedCounterparts:
    """Builds one sentence's counterparts from its scores: article rank -> (score, sentence
    index), best score first, ties in article order."""

    found: Mapping[int, tuple[float, int]]
    table: ArticleTable

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return RankedCounterparts, (self.found, self.table)  # smaller than a slots state

    def __call__(self) -> tuple[Counterpart, ...]:
        found, table = self.found, self.table
        ranked = (
            found.items()
            if len(found) < 2
            else sorted(found.items(), key=lambda f: (-f[1][0], table.position[f[0]]))
        )
        return tuple(
            Counterpart(table.ids[rank], table.outlets[rank], index, score)
            for rank, (score, index) in ranked
        )
