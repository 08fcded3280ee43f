"""Align one synthetic story RUNS times, cold, for an outside counter of the work it takes.

Run: PYTHONPATH=. python bench/align_runs.py OUTLETS RUNS

Wall time on a shared machine swings by a third within the hour; the number of instructions
does not. With valgrind's callgrind the instructions of one alignment are the difference between
two runs and one (imports and building the story cancel out):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/align_runs.py 51 2
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python bench/align_runs.py 51 1

(set PYTHONHASHSEED=0 for both, and compile the bytecode first: `python -m compileall tui bench`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parent.parent)]

from bench_align import clear_caches  # noqa: E402
from synth import align_as_the_faces_do, make_story  # noqa: E402


def main() -> None:
    outlets, runs = int(sys.argv[1]), int(sys.argv[2])
    articles = make_story(outlets)
    for _ in range(runs):
        clear_caches()
        align_as_the_faces_do(articles)


if __name__ == "__main__":
    main()
