"""Benchmark `clean_text` (cleaning plus sentence splitting) on the seeds and on hostile input.

Run: PYTHONPATH=. python bench/bench_clean.py [--runs 5] [--big-runs 3]

For each seed page, a 1 MB single line of real prose, a 1 MB bracket run ('( ( ( ...'), 10 MB of
real prose lines, and the worst shapes a 10 MB import may hold (one 10 MB line, 10 MB of brackets,
the most lines `read_text_file` accepts), it prints the median wall time of `clean_text`, and of a
baseline measured in the same run on the same text: a plain regex sentence splitter (split after
'.', '!' or '?', which is what syntok is there to do better). The ratio says what cleaning and
careful splitting cost over the cheapest possible split. Prose comes from the seeds' own lines.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.ingest.clean import clean_text  # noqa: E402
from tui.core.text.textio import DEFAULT_MAX_LINES, read_text_file  # noqa: E402

MB = 1_000_000
_PLAIN_SENTENCE = re.compile(r"[^\n.!?]+[.!?]*")


def plain_regex_split(raw: str) -> list[tuple[int, int]]:
    """The baseline: every run of text up to and including its '.', '!' or '?'."""
    return [match.span() for match in _PLAIN_SENTENCE.finditer(raw)]


def median_seconds(function: Callable[[str], object], text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def repeat_to(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def inputs() -> list[tuple[str, str, bool]]:
    """(name, text, big) for every measured input."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    pages = [(path.stem, read_text_file(path)) for path in seeds]
    prose = [
        line.strip()
        for _, page in pages
        for line in page.split("\n")
        if len(line.split()) >= 12 and line.rstrip("\"'\u201d\u2019")[-1:] in ".!?"
    ]
    cases = [(f"seed {name}", page, False) for name, page in pages]
    cases += [
        ("1 MB single line (prose)", repeat_to(" ".join(prose) + " ", MB), True),
        ("1 MB brackets '( ( ('", repeat_to("( ", MB), True),
        ("10 MB prose lines", repeat_to("\n".join(prose) + "\n", 10 * MB), True),
        ("10 MB single line (prose)", repeat_to(" ".join(prose) + " ", 10 * MB), True),
        ("10 MB brackets '( ( ('", repeat_to("( ", 10 * MB), True),
        (f"{DEFAULT_MAX_LINES:,} one-word lines", "word\n" * (DEFAULT_MAX_LINES - 1), True),
    ]
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per seed page (median)")
    parser.add_argument("--big-runs", type=int, default=3, help="runs per large input (median)")
    options = parser.parse_args()
    print(f"{'input':34} {'size':>9} {'clean_text':>11} {'regex split':>12} {'ratio':>7}")
    for name, text, big in inputs():
        runs = options.big_runs if big else options.runs
        ours = median_seconds(clean_text, text, runs)
        baseline = median_seconds(plain_regex_split, text, runs)
        size = f"{len(text) / MB:.2f} MB" if big else f"{len(text) / 1000:.1f} KB"
        print(
            f"{name:34} {size:>9} {ours * 1000:9.1f}ms {baseline * 1000:10.1f}ms"
            f" {ours / baseline:6.0f}x",
            flush=True,
        )


if __name__ == "__main__":
    main()
