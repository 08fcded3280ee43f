"""Coverage matrix (`m`) on big stories: the table of every cell against the lazily drawn grid.

Run: PYTHONPATH=. python bench/bench_matrix.py [--sizes 51,500,2000] [--table-up-to 500]

For synthetic stories (bench/synth.py, ~30 sentences an outlet) aligned beforehand, the app runs
headless under a Pilot at 120x36 (as bench_keys.py drives it). Per story and per way of drawing:
`m` to the first painted frame of the matrix and to settled, then single `j` and `l` presses to
settled (median and p95), then `q`. "table" is the DataTable screen (`tui.screens.matrix`), forced
by raising the size limit; "lazy" the grid (`tui.screens.matrix_large`). The table is skipped
beyond --table-up-to outlets (2,000 outlets take it most of a minute and gigabytes).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_keys import FrameClock, _send, _settled  # noqa: E402
from bench.synth import make_story  # noqa: E402
from tui.app import CrosswireApp  # noqa: E402
from tui.core.reader.story import StoryReader  # noqa: E402
from tui.core.store.config import Config  # noqa: E402
from tui.core.store.library import Library  # noqa: E402
from tui.screens import matrix_large  # noqa: E402

SIZE = (120, 36)
PRESSES = 15


async def measure(library: Library, story_id: str, *, lazy: bool) -> dict[str, list[float]]:
    matrix_large.LARGE_CELLS = 0 if lazy else 10**12
    app = CrosswireApp(library, story_id=story_id, config=Config())
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await _settled(app)
        clock = FrameClock(app, lambda: (type(app.screen).__name__, None))
        start = time.perf_counter()
        _send(app, "m")
        await _settled(app)
        end = time.perf_counter()
        name = type(app.screen).__name__
        first = clock.first(start, lambda shown: shown[0] == name) or end
        results["m: first frame"] = [(first - start) * 1000]
        results["m: settled"] = [(end - start) * 1000]
        for key in ("j", "l"):
            times = []
            for _ in range(PRESSES):
                await asyncio.sleep(0.05)
                await _settled(app)
                began = time.perf_counter()
                _send(app, key)
                await _settled(app)
                times.append((time.perf_counter() - began) * 1000)
            results[f"{key}: settled"] = times
        _send(app, "q")
        await _settled(app)
    return results


def _line(label: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"    {label:<16} median {statistics.median(ordered):9.1f} ms   p95 {p95:9.1f} ms"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="51,500,2000")
    parser.add_argument("--table-up-to", type=int, default=500)
    options = parser.parse_args()
    for size in [int(s) for s in options.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            library = Library(Path(tmp) / "library")
            story = library.create_story(f"Bench: {size} outlets")
            articles = [a._replace(story_id=story.id) for a in make_story(size)]
            library.add_articles(story.id, articles)
            alignment = StoryReader(library).open(story.id).alignment  # files it in the cache
            cells = len(alignment.clusters) * len(alignment.article_ids)
            print(f"{size} outlets x {len(alignment.clusters)} clusters ({cells:,} cells):")
            modes = [("lazy", True)] + ([("table", False)] if size <= options.table_up_to else [])
            figures: dict[str, dict[str, list[float]]] = {}
            for label, lazy in modes:
                figures[label] = await measure(library, story.id, lazy=lazy)
                print(f"  {label}:")
                for what, values in figures[label].items():
                    print(_line(what, values))
            if "table" in figures:
                table, lazy_figures = figures["table"], figures["lazy"]
                ratio = statistics.median(table["m: settled"]) / statistics.median(
                    lazy_figures["m: settled"]
                )
                print(f"  m to settled, table / lazy: {ratio:.1f}x")


if __name__ == "__main__":
    asyncio.run(main())
