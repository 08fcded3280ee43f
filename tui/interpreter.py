"""Tuning of the Python interpreter for crosswire's faces: when the cyclic collector runs.

The core never touches `gc`; the CLI wraps its heavy steps in `collection_paused`, and the app
uses the rest: the collector is held from start-up until its first frame
(`collection_held_until_frame`), everything alive once a frame is drawn is frozen out of the
collector's reach (`freeze_after_frame`), and thawed when the story on screen is let go
(`thaw_for_next_story`).

Why: an alignment builds hundreds of thousands of small tuples, dicts and lists that hold no
reference cycles (reference counting frees them), and each generational collection would walk
every live one of them again; start-up allocates a few hundred thousand objects (imports, styles,
widgets, the story) that live as long as the app, and a story's objects live as long as it is
shown. Textual itself pauses the collector while a view scrolls, for the same reason.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "collection_held_until_frame",
    "collection_paused",
    "file_survivors_as_old",
    "freeze_after_frame",
    "thaw_for_next_story",
]


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


@contextmanager
def collection_held_until_frame() -> Iterator[None]:
    """Hold the cyclic collector from here until `freeze_after_frame` lets it run again (the app
    calls it once its first frame is drawn); whatever happens, it runs again on the way out."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def freeze_after_frame() -> None:
    """Once a frame is drawn, freeze every object alive (the app, its widgets, the story on
    screen) and let the collector run: full collections then no longer walk objects that live
    until the next story opens, which would pause held keys."""
    gc.freeze()
    gc.enable()


def thaw_for_next_story() -> None:
    """Another story is opening: the frozen objects of the one on screen may be collected once
    it is let go."""
    gc.unfreeze()
