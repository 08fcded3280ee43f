"""Big stories: output size, peak memory and time of `compare --json`, the HTML report, the cache.

Run: PYTHONPATH=. python bench/bench_big.py [--sizes 500,2000]

For synthetic stories of many outlets (bench/synth.py, ~30 sentences each) stored in a library in a
temporary folder, it runs the real CLI as a separate process under `/usr/bin/time -v`:
`compare --json` twice (the first aligns and files the alignment in the cache, the second reads
it back), then `export --format html`, and prints per run the bytes written, the process's peak
resident memory, and wall time, with the size of the cache entry. The baseline in the same run is
the same CLI printing `stories --json` on that library (start-up and reading the store alone), so
what the comparison itself costs is the difference.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from synth import make_story  # noqa: E402

from tui.core.store.library import Library  # noqa: E402


def build_library(home: Path, outlets: int) -> str:
    """A library holding one synthetic story of `outlets` articles; its id."""
    library = Library(home)
    story = library.create_story(f"Bench: {outlets} outlets")
    articles = [a._replace(story_id=story.id) for a in make_story(outlets)]
    library.add_articles(story.id, articles)
    return story.id


def run_cli(args: list[str], out: Path) -> tuple[int, float, float]:
    """Run crosswire with `args`, stdout into `out`: (bytes written, peak RSS MB, wall s)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = ["/usr/bin/time", "-v", sys.executable, "-m", "tui", *args]
    start = time.perf_counter()
    with out.open("wb") as sink:
        done = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE, env=env, check=False)
    wall = time.perf_counter() - start
    report = done.stderr.decode(errors="replace")
    if done.returncode != 0:
        raise SystemExit(f"crosswire {' '.join(args)} failed:\n{report[-2000:]}")
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))  # type: ignore[union-attr]
    written = out.stat().st_size
    return written, peak_kb / 1024, wall


def cache_bytes(home: Path) -> int:
    folder = home / "cache" / "alignments"
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file()) if folder.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000")
    options = parser.parse_args()
    print(f"{'outlets':>7}  {'run':<34} {'output':>12} {'peak RSS':>10} {'wall':>8}")
    for size in [int(s) for s in options.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "library"
            story_id = build_library(home, size)
            lib = ["--library", str(home)]
            runs = [
                ("stories --json (baseline)", ["stories", "--json"], "stories.json"),
                ("compare --json, aligning", ["compare", story_id, "--json"], "a.json"),
                ("compare --json, from the cache", ["compare", story_id, "--json"], "b.json"),
                (
                    "export --format html",
                    ["export", story_id, "--format", "html", "-o", "-"],
                    "r.html",
                ),
            ]
            for label, args, name in runs:
                written, peak, wall = run_cli([*args, *lib], Path(tmp) / name)
                print(
                    f"{size:>7}  {label:<34} {written / 1e6:>9.2f} MB {peak:>7.0f} MB"
                    f" {wall:>6.1f} s"
                )
            print(f"{size:>7}  {'cache entry':<34} {cache_bytes(home) / 1e6:>9.2f} MB")


if __name__ == "__main__":
    main()
