"""Benchmark `align_story` against a straightforward all-pairs difflib alignment.

Run: PYTHONPATH=. python bench/bench_align.py [--sizes 5,51,500] [--runs 5]

For synthetic stories of 5, 51 and 500 outlets (~30 sentences each, bench/synth.py) it prints the
median wall and CPU time of several align_story runs, peak traced memory of one run, the growth
exponent between sizes (1 = linear, 2 = quadratic), and the time of the baseline: every
cross-article sentence pair scored with difflib.SequenceMatcher.ratio, sampled and extrapolated
when there are too many pairs.
"""

from __future__ import annotations

import argparse
import difflib
import math
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from synth import align_as_the_faces_do, make_story_with_truth  # noqa: E402
from synth_quality import pair_quality  # noqa: E402

from tui.core.drift import variants  # noqa: E402
from tui.core.models import Article  # noqa: E402
from tui.core.text import normalize  # noqa: E402

BASELINE_SAMPLE = 4000
"""Pairs timed for the baseline when a story has more cross-article pairs than this."""


def clear_caches() -> None:
    """Empty the word-level caches so every timed run starts cold, like a first alignment."""
    normalize.canonical_word.cache_clear()
    normalize._fold_unicode.cache_clear()
    variants.clear_caches()


def median_time(articles: list[Article], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` cold alignments.

    CPU time is what the alignment itself costs (it runs on one thread); on a shared machine the
    wall time adds whatever other processes took from it, so the two are printed side by side.
    """
    walls, cpus = [], []
    for _ in range(runs):
        clear_caches()
        wall, cpu = time.perf_counter(), time.process_time()
        alignment = align_as_the_faces_do(articles)  # kept until timed: freeing it is not computing it
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        del alignment
    return statistics.median(walls), statistics.median(cpus)


def peak_memory(articles: list[Article]) -> float:
    clear_caches()
    tracemalloc.start()
    align_as_the_faces_do(articles)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def baseline_time(articles: list[Article]) -> tuple[float, int, bool]:
    """All-pairs difflib over cross-article sentence pairs: (seconds, pairs, extrapolated)."""
    sentences = [(n, s.text.lower()) for n, a in enumerate(articles) for s in a.sentences]
    total = len(sentences) * (len(sentences) - 1) // 2
    total -= sum(len(a.sentences) * (len(a.sentences) - 1) // 2 for a in articles)
    rng = random.Random(1)
    if total <= BASELINE_SAMPLE:
        pairs = [
            (x, y) for i, x in enumerate(sentences) for y in sentences[i + 1 :] if x[0] != y[0]
        ]
    else:
        pairs = []
        while len(pairs) < BASELINE_SAMPLE:
            x, y = rng.choice(sentences), rng.choice(sentences)
            if x[0] != y[0]:
                pairs.append((x, y))
    start = time.perf_counter()
    for (_, a), (_, b) in pairs:
        difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    elapsed = time.perf_counter() - start
    return elapsed / len(pairs) * total, total, len(pairs) < total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,51,500")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print(
        f"{'outlets':>7} {'sentences':>9} {'align median':>13} {'cpu median':>11} {'peak MB':>8} "
        f"{'difflib all-pairs':>18} {'ratio':>8}  {'pairs P / R':>13}"
    )
    previous: tuple[int, float] | None = None
    exponents = []
    for size in sizes:
        articles, origins = make_story_with_truth(size)
        count = sum(len(a.sentences) for a in articles)
        precision, recall = pair_quality(align_as_the_faces_do(articles), origins)  # also warms imports
        runs = options.runs if size <= 100 else max(3, options.runs // 2)
        elapsed, cpu = median_time(articles, runs)
        peak = peak_memory(articles)
        base, pairs, extrapolated = baseline_time(articles)
        note = "~" if extrapolated else " "
        print(
            f"{size:>7} {count:>9} {elapsed * 1000:>10.1f} ms {cpu * 1000:>8.1f} ms {peak:>8.1f} "
            f"{note}{base:>14.2f} s  {base / elapsed:>7.0f}x  {precision:>6.3f} / {recall:.3f}"
        )
        if previous is not None:
            exponent = math.log(elapsed / previous[1]) / math.log(count / previous[0])
            exponents.append((previous[0], count, exponent))
        previous = (count, elapsed)
    for low, high, exponent in exponents:
        print(f"growth {low} -> {high} sentences: time ~ n^{exponent:.2f}")
    print(
        "(~ = baseline extrapolated from a sample of "
        f"{BASELINE_SAMPLE} pairs; baseline scores pairs only, no clustering)\n"
        "(pairs P / R: precision and recall of cross-outlet sentence pairs in one cluster against "
        "where each synthetic sentence came from, bench/synth_quality.py)"
    )


if __name__ == "__main__":
    main()
