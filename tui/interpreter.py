"""Tuning of the Python interpreter for crosswire's faces: when the cyclic collector runs.

The core never touches `gc`; the app and the CLI wrap their heavy steps in these context managers.
An alignment builds hundreds of thousands of small tuples, dicts and lists that hold no reference
cycles (reference counting frees them), and each generational collection would walk every live
one of them again; start-up allocates a few hundred thousand objects that live as long as the app.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collection_paused", "file_survivors_as_old"]


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic collector for one heavy step, and file what survives it as old.

    Paused, the step's objects would all still be young when the collector resumes, and its next
    young collection would walk them once more; `freeze` then `unfreeze` moves every tracked
    object into the oldest generation without walking anything, which is where a result that
    outlives the step belongs.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        file_survivors_as_old()
        if was_enabled:
            gc.enable()


def file_survivors_as_old() -> None:
    """Move every object alive now into the oldest generation, without a collection."""
    gc.freeze()
    gc.unfreeze()
