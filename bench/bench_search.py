"""How fast `crosswire search` answers in a 10,000-article library, against a plain scan.

Builds a library of synthetic stories (`synth.py`: outlets retelling the seed story, with copy-desk
edits and filler; 20 stories of 500 articles, ~30 sentences each, written through
`Library.add_articles`), then times:

- building the FTS5 index from nothing (the first search: every story read and indexed);
- a search with the index up to date, over varied queries (one word, two words, a phrase, a
  prefix, a rare word, a word that is nowhere), the up-to-date check included;
- a search after one story gained an article (that story alone re-indexed);
- the baseline: the same queries as a case-folded substring scan over every sentence already
  in memory (what a search without an index does at best, the loading of the bodies aside).

    PYTHONPATH=. python bench/bench_search.py [--articles 10000] [--stories 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_article, make_story  # noqa: E402

from tui.core.search.index import INDEX_FILE, search_library  # noqa: E402
from tui.core.store.library import Library  # noqa: E402

QUERIES = [
    "Koizumi",
    "missile production",
    '"defense minister"',
    "cooperat*",
    "Hegseth Washington",
    "festival",
    "tourism harvest",
    "xylophone",
]
"""Varied queries: common and rare words, a phrase, a prefix, filler words, and no match."""


def build(home: Path, articles: int, stories: int) -> Library:
    library = Library(home)
    per_story = articles // stories
    for n in range(stories):
        story = library.create_story(f"Synthetic story {n:02d}")
        batch = [
            article._replace(id=f"s{n:02d}{article.id}", story_id=story.id)
            for article in make_story(per_story, sentences=30, seed=n)
        ]
        library.add_articles(story.id, batch)
    return library


def scan(sentences: list[str], query: str) -> int:
    words = [w.strip('"*').casefold() for w in query.split()]
    return sum(1 for s in sentences if all(w in s for w in words))


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5, help="times each query is run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        library = build(Path(folder) / "library", args.articles, args.stories)
        built = time.perf_counter() - started
        started = time.perf_counter()
        sentences = [
            s.text.casefold()
            for story in library.stories()
            for a in library.articles(story.id)
            for s in a.sentences
        ]
        loaded = time.perf_counter() - started
        print(
            f"library: {args.articles:,} articles in {args.stories} stories, "
            f"{len(sentences):,} sentences, written in {built:.1f} s"
        )
        print(f"reading every body (what any scan must do first) {loaded:8.2f} s")

        started = time.perf_counter()
        first = search_library(library, "Koizumi")
        index_build = time.perf_counter() - started
        assert first.note is None, first.note
        size = (library.home / INDEX_FILE).stat().st_size / 1e6
        print(f"index build (first search, from nothing)   {index_build:8.2f} s   ({size:.0f} MB)")

        indexed: list[float] = []
        scanned: list[float] = []
        for _ in range(args.runs):
            for query in QUERIES:
                started = time.perf_counter()
                search_library(library, query)
                indexed.append(time.perf_counter() - started)
                started = time.perf_counter()
                scan(sentences, query)
                scanned.append(time.perf_counter() - started)
        print(f"search, index up to date (median of {len(indexed)})  {median_ms(indexed):8.2f} ms")
        print(f"baseline: substring scan in memory (median) {median_ms(scanned):8.2f} ms")
        ratio = statistics.median(scanned) / statistics.median(indexed)
        print(f"ratio scan / search                        {ratio:8.1f}x")

        refreshed: list[float] = []
        story = library.stories()[0]
        for run in range(args.runs):
            extra = make_article(f"x{run:04d}", f"Late outlet {run}", ["Koizumi spoke late."])
            library.add_articles(story.id, [extra._replace(story_id=story.id)])
            started = time.perf_counter()
            search_library(library, "Koizumi")
            refreshed.append(time.perf_counter() - started)
        print(f"search after one story changed (median)    {median_ms(refreshed):8.2f} ms")


if __name__ == "__main__":
    main()
