"""How long a backup, a check of one and a restore take, against copying the folder; and what the
schema check costs each time a library is opened, against the parse of library.json it sits beside.

Builds a library of synthetic articles (`bench_annotations.build_library`), then times, as medians
of a few runs: `write_backup` against `shutil.copytree` of the same folder (the plain copy a user
might make instead), `read_backup` (every checksum) and `restore_backup` into a new folder; and
`migrations.library_schema` (run on every open) against `AtomicJSONStorage.read` of the index
(which every open does anyway).

    PYTHONPATH=. python bench/bench_backup.py [--articles 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_annotations import build_library  # noqa: E402

from tui.core.store.backup import read_backup, restore_backup, write_backup  # noqa: E402
from tui.core.store.migrations import SCHEMA_VERSION, library_schema  # noqa: E402
from tui.core.store.storage import AtomicJSONStorage  # noqa: E402


def median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--stories", type=int, default=4)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        home = root / "library"
        build_library(home, args.articles, args.stories, random.Random(7))
        size = sum(p.stat().st_size for p in home.rglob("*") if p.is_file()) / 1e6
        print(f"library: {args.articles:,} articles, {size:.1f} MB")

        copy = median_ms(lambda i: shutil.copytree(home, root / f"copy{i}"), args.runs)
        backup = median_ms(
            lambda i: write_backup(home, root / f"b{i}.tar.gz", crosswire_version="bench"),
            args.runs,
        )
        archive = root / "b0.tar.gz"
        check = median_ms(lambda i: read_backup(archive), args.runs)
        restore = median_ms(
            lambda i: restore_backup(archive, root / f"r{i}", newest_schema=SCHEMA_VERSION),
            args.runs,
        )
        print(f"archive: {archive.stat().st_size / 1e6:.1f} MB")
        print(f"copytree (baseline)      {copy:9.1f} ms")
        print(f"backup                   {backup:9.1f} ms  {backup / copy:5.1f}x the copy")
        print(f"restore --check          {check:9.1f} ms  {check / copy:5.1f}x the copy")
        print(f"restore                  {restore:9.1f} ms  {restore / copy:5.1f}x the copy")

        index = home / "library.json"
        parse = median_ms(lambda i: AtomicJSONStorage(index).read(), args.runs * 20)
        schema = median_ms(lambda i: library_schema(home), args.runs * 20)
        print(f"library.json {index.stat().st_size / 1e3:.0f} KB")
        print(f"index parse (baseline)   {parse:9.2f} ms")
        print(f"schema check on open     {schema:9.2f} ms  {schema / parse:5.2f}x the parse")


if __name__ == "__main__":
    main()
