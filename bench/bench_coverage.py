"""Benchmark a story's coverage in context (spread, blindspot, timeline, wire copies) against the
alignment it is computed from.

Run: PYTHONPATH=. python bench/bench_coverage.py [--sizes 5,51,500] [--runs 5]

For synthetic stories (bench/synth.py) with one outlet profile per outlet (a domain and a lean
each, matched by URL) and every other article dated, it prints the median time of
`story_coverage`, the median time of aligning the same story in the same run, and their ratio:
the coverage is computed each time a story opens and after each profile edit, so it must stay a
small fraction of what opening costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from synth import align_as_the_faces_do, make_story_with_truth  # noqa: E402

from tui.core.coverage.story import story_coverage  # noqa: E402
from tui.core.profiles.lookup import ProfileIndex  # noqa: E402
from tui.core.profiles.types import LEANS, OutletProfile  # noqa: E402


def _median(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,51,500")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"{'outlets':>8} {'coverage ms':>12} {'align ms':>10} {'ratio':>8}")
    for size in (int(n) for n in args.sizes.split(",")):
        articles = list(make_story_with_truth(size)[0])
        articles = [
            a._replace(
                url=f"https://www.outlet{n}.example/story",
                date=f"2026-01-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00" if n % 2 else None,
            )
            for n, a in enumerate(articles)
        ]
        profiles = ProfileIndex(
            OutletProfile(f"Profile {n}", domains=(f"outlet{n}.example",), lean=LEANS[n % 7])
            for n in range(size)
        )
        alignment = align_as_the_faces_do(articles)
        align_s = _median(args.runs, partial(align_as_the_faces_do, articles))
        coverage_s = _median(args.runs, partial(story_coverage, articles, alignment, profiles))
        print(
            f"{size:>8} {coverage_s * 1000:>12.2f} {align_s * 1000:>10.1f} "
            f"{coverage_s / align_s:>8.3f}"
        )


if __name__ == "__main__":
    main()
