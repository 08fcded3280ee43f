"""Reading an alignment back from the disk cache: plain JSON data against the pickle it replaced.

Run: PYTHONPATH=. python bench/bench_cache.py [--sizes 5,51,500] [--runs 7]

The cache is read on the app's start path (a story aligned before opens from it). Entries are
JSON data (`tui/core/reader/alignment_codec.py`), which can never run code; the baseline is what
entries used to be, a pickle of the same alignment, measured in the same run on the same machine.
For the bundled story (5 outlets) and synthetic stories of 51 and 500 outlets (bench/synth.py),
it prints the median time to read an entry back (file read included, counterparts left unbuilt
on both sides), the entry sizes, and the ratio JSON / pickle.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from synth import align_as_the_faces_do, make_story  # noqa: E402

from tui.core.models import Article  # noqa: E402
from tui.core.reader.cache import AlignmentCache, story_key  # noqa: E402
from tui.core.store.library import Library  # noqa: E402
from tui.core.store.seeds import ensure_bundled_story  # noqa: E402


def bundled_story() -> list[Article]:
    """The bundled story's articles, imported into a fresh library the way a first run does."""
    library = Library(Path(tempfile.mkdtemp(prefix="crosswire-bench-")))
    story = ensure_bundled_story(library)
    assert story is not None
    return library.articles(story.id)


def read_pickle(path: Path) -> object:
    """How entries were read before: the file, unpickled."""
    return pickle.loads(path.read_bytes())  # noqa: S301 - the baseline, a file this run wrote


def median_ms(read: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        read()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="5,51,500", help="outlets per story; 5 is the bundled one"
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    print(f"{'outlets':>8} {'json ms':>9} {'pickle ms':>10} {'ratio':>6}", end="")
    print(f" {'json kB':>9} {'pickle kB':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        articles = bundled_story() if size == 5 else make_story(size)
        alignment = align_as_the_faces_do(articles)
        folder = Path(tempfile.mkdtemp(prefix="crosswire-bench-cache-"))
        cache = AlignmentCache(folder)
        key = story_key(articles)
        cache.put_by_key(key, alignment)
        entry = next(folder.glob("*.json"))
        old = folder / "old.pickle-entry"
        old.write_bytes(pickle.dumps(alignment, protocol=pickle.HIGHEST_PROTOCOL))
        assert cache.get_by_key(key) == alignment, "the entry reads back equal"
        json_ms = median_ms(partial(cache.get_by_key, key), args.runs)
        pickle_ms = median_ms(partial(read_pickle, old), args.runs)
        print(
            f"{size:>8} {json_ms:>9.1f} {pickle_ms:>10.1f} {json_ms / pickle_ms:>5.2f}x"
            f" {entry.stat().st_size / 1000:>9.0f} {old.stat().st_size / 1000:>10.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
