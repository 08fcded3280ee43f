"""One very long article: import, alignment and the app's keys, against stories of normal articles.

Run: PYTHONPATH=. python bench/bench_big_article.py [--sentences 79000] [--runs 3] [--skip-keys]

The article is generated into a temporary folder (never committed): paragraphs of four sentences,
most of them copy-desk variants of the seed story's sentences (bench/synth.py), the rest filler,
about 8.5 MB for 79,000 sentences. It prints:

- import: `crosswire import FILE` as a separate process, wall time (median of --runs);
- alignment: `align_story` on a story of that one article plus four 30-sentence ones, against
  the baseline of a 51-outlet synthetic story with as many sentences in all (median of --runs,
  with the ratio; the target is at most 10x);
- keys: the app at 120x36 under a Pilot (as bench_keys.py drives it), the long article open in
  the Article pane: `G`, `g`, then single `j` and `k` presses, key to settled (median, p95).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from synth import (  # noqa: E402
    align_as_the_faces_do,
    filler,
    make_story,
    perturb,
    story_pool,
)

from tui.core.store.library import Library  # noqa: E402

WORDS_PER_SENTENCE = 18


def long_article_text(sentences: int, *, seed: int = 7) -> str:
    """Paragraphs of four sentences, seven in ten a variant of a seed sentence."""
    rng = random.Random(seed)
    pool = story_pool()
    lines = []
    made = 0
    while made < sentences:
        paragraph = []
        for _ in range(4):
            text = perturb(rng.choice(pool), rng) if rng.random() < 0.7 else filler(rng)
            words = text.split()
            if len(words) > WORDS_PER_SENTENCE:
                text = " ".join(words[:WORDS_PER_SENTENCE]).rstrip(".,;") + "."
            paragraph.append(text)
            made += 1
        lines.append(" ".join(paragraph))
    return "\n".join(lines) + "\n"


def run_import(path: Path, home: Path) -> float:
    """Seconds for `crosswire import` of one file into a fresh library."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tui", "--library", str(home), "import", str(path)]
    command += ["--story", "Long report", "--outlet", "Long Wire"]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return time.perf_counter() - start


def median_align(articles: list, runs: int) -> float:  # type: ignore[type-arg]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        align_as_the_faces_do(articles)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def time_keys(library: Library, story_id: str, article_id: str) -> dict[str, list[float]]:
    from bench.bench_keys import _send, _settled
    from tui.app import CrosswireApp
    from tui.core.store.config import Config

    app = CrosswireApp(library, story_id=story_id, config=Config())
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await _settled(app)
        outlets = app.main_screen.query_one("#outlets")
        order = [option.id for option in outlets.options]  # type: ignore[attr-defined]
        outlets.focus()
        for _ in range(order.index(article_id)):
            _send(app, "j")
            await _settled(app)
        await app.workers.wait_for_complete()
        await _settled(app)
        app.main_screen.query_one("#sentences").focus()
        await _settled(app)
        for key in ["G", "g", "G", "g", *["j"] * 10, *["k"] * 10]:
            await asyncio.sleep(0.05)
            await _settled(app)
            start = time.perf_counter()
            _send(app, key)
            await _settled(app)
            label = {"G": "G (bottom)", "g": "g (top)"}.get(key, "j/k")
            results.setdefault(label, []).append((time.perf_counter() - start) * 1000)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=79000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-keys", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long_report.txt"
        path.write_text(long_article_text(options.sentences), encoding="utf-8")
        size = path.stat().st_size
        imports = [run_import(path, Path(tmp) / f"import{n}") for n in range(options.runs)]
        print(f"article: {size / 1e6:.1f} MB, {options.sentences:,} sentences written")
        print(f"import: median {statistics.median(imports):.2f} s ({options.runs} runs)")

        library = Library(Path(tmp) / "import0")
        story = library.stories()[0]
        others = [a._replace(story_id=story.id) for a in make_story(4, seed=3)]
        library.add_articles(story.id, others)
        articles = library.articles(story.id)
        count = sum(len(a.sentences) for a in articles)
        long_id = max(articles, key=lambda a: len(a.sentences)).id
        per_outlet = max(1, count // 51)
        baseline = make_story(51, sentences=per_outlet)
        base_count = sum(len(a.sentences) for a in baseline)
        align_as_the_faces_do(baseline[:5])  # imports warmed
        base = median_align(baseline, options.runs)
        ours = median_align(articles, options.runs)
        print(
            f"alignment: long article + 4 ({count:,} sentences) median {ours:.2f} s; "
            f"51 outlets x {per_outlet} ({base_count:,} sentences) median {base:.2f} s; "
            f"ratio {ours / base:.1f}x (target <= 10x)"
        )
        if options.skip_keys:
            return
        from tui.core.reader.story import StoryReader

        StoryReader(library).open(story.id)  # aligned and filed, as a second session finds it
        results = asyncio.run(time_keys(library, story.id, long_id))
        for label, values in results.items():
            ordered = sorted(values)
            p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
            print(
                f"keys: {label:<11} median {statistics.median(ordered):8.1f} ms   "
                f"p95 {p95:8.1f} ms   (n={len(ordered)})"
            )


if __name__ == "__main__":
    main()
