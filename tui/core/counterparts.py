"""A sentence's counterparts, built when first read.

A 500-outlet story has about 185,000 counterpart entries, and a reader looks at the counterparts
of one focused sentence at a time; the CLI document does not use them at all. So alignment keeps
each sentence's scores and builds its Counterpart tuple on first access. The collection is
immutable and behaves like the tuple it stands for: same length, items, slices, equality
(with tuples too), hash and repr.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from tui.core.models import Counterpart

__all__ = ["Counterparts"]


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
        """Pickles (and copies) as the plain tuple it stands for."""
        return tuple, (self.items,)
