"""How long a tag or note write takes in a 10,000-article library, against a naive design.

Builds a library of 10,000 synthetic articles (~5 KB of text each, ~18 KB stored with raw text
and sentence spans; four stories, written in bulk through
`Library.add_articles`) plus 1,000 existing annotations, then times single tag and note writes
through `core.notes.annotations` (own small file, lock, atomic replace, fsync). The baseline is the same
note write through TinyDB's default JSONStorage with the notes in the same file as the article
bodies, the design crosswire avoids. Prints medians, p95 and the ratio; the goal is < 10 ms.

    PYTHONPATH=. python bench/bench_annotations.py [--articles 10000] [--writes 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB

from tui.core.models import Article, Sentence
from tui.core.notes.annotations import Annotations, Target
from tui.core.store.library import Library

WORDS = [
    "missile",
    "defence",
    "minister",
    "agreement",
    "talks",
    "production",
    "Tokyo",
    "Washington",
    "official",
    "said",
    "cooperation",
    "supply",
    "chain",
    "drills",
    "alliance",
    "pledged",
    "critical",
    "minerals",
    "Friday",
    "deal",
    "joint",
]


def synthetic_article(rng: random.Random, story_id: str, number: int) -> Article:
    """An article of ~40 sentences (~5 KB), like a scraped news page after cleaning."""
    texts = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 22))).capitalize() + "."
        for _ in range(40)
    ]
    text = "\n".join(texts)
    sentences, offset = [], 0
    for index, sentence in enumerate(texts):
        sentences.append(Sentence(index, sentence, offset, offset + len(sentence), index))
        offset += len(sentence) + 1
    return Article(
        id=f"{story_id}-{number:05d}", story_id=story_id, outlet=f"Outlet {number % 97}",
        title=texts[0], source=f"page-{number}.txt", url=None, date=None,
        imported_at="2026-01-01T00:00:00+00:00", raw=text, text=text,
        sentences=tuple(sentences), removed=(),
    )  # fmt: skip


def build_library(home: Path, articles: int, stories: int, rng: random.Random) -> list[Article]:
    library = Library(home)
    made: list[Article] = []
    for s in range(stories):
        story = library.create_story(f"Synthetic story {s}")
        batch = [synthetic_article(rng, story.id, n) for n in range(articles // stories)]
        library.add_articles(story.id, batch)
        made += batch
    return made


def timed(action: Callable[[int], object], count: int) -> list[float]:
    """Milliseconds per call of action(i) for i in range(count)."""
    times = []
    for i in range(count):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
    print(f"{name:<44} n={len(times):>4}  median {median:8.2f} ms  p95 {p95:8.2f} ms")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=4)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--existing", type=int, default=1_000, help="annotations made beforehand")
    parser.add_argument("--naive-writes", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "library"
        start = time.perf_counter()
        articles = build_library(home, args.articles, args.stories, rng)
        size = sum(p.stat().st_size for p in home.rglob("*.json")) / 1e6
        print(f"library: {len(articles):,} articles, {size:.0f} MB, built in "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip

        notes = Annotations(home)

        def target(i: int) -> tuple[Target, Article, int]:
            article = articles[(i * 7919) % len(articles)]
            index = i % len(article.sentences)
            return Target.sentence(article.story_id, article.id, index), article, index

        def tag(i: int) -> None:
            t, article, index = target(i)
            notes.add_tags(t, [rng.choice(WORDS)], quote=article.sentences[index].text,
                           outlet=article.outlet, story_title="Synthetic story")  # fmt: skip

        def note(i: int) -> None:
            t, article, index = target(i + 50_000)
            notes.add_note(t, f"Note {i}: check this figure against the wire copy.",
                           quote=article.sentences[index].text, outlet=article.outlet,
                           story_title="Synthetic story")  # fmt: skip

        timed(lambda i: tag(i + 100_000), args.existing)
        print(f"annotations.json with {len(notes.items()):,} annotations: "
              f"{notes.path.stat().st_size / 1e3:.0f} KB")  # fmt: skip
        ours_tag = summary("tag write (annotations.json, fsync)", timed(tag, args.writes))
        ours_note = summary("note write (annotations.json, fsync)", timed(note, args.writes))

        naive_path = Path(folder) / "naive.json"
        db = TinyDB(naive_path)  # default JSONStorage: rewrites the whole file, no fsync
        bodies = [
            {"id": a.id, "raw": a.raw, "text": a.text, "sentences": [s.text for s in a.sentences]}
            for a in articles
        ]
        db.table("articles").insert_multiple(bodies)
        print(f"naive store: {naive_path.stat().st_size / 1e6:.0f} MB, notes beside article bodies")
        naive_table = db.table("notes")

        def naive_note(i: int) -> None:
            t, article, index = target(i)
            naive_table.insert({"article": t.article_id, "index": index, "text": f"Note {i}",
                                "quote": article.sentences[index].text})  # fmt: skip

        naive = summary(
            "note write (TinyDB JSONStorage, same file)", timed(naive_note, args.naive_writes)
        )
        db.close()
        print(f"ratio naive/ours (note write medians): {naive / ours_note:,.0f}x; "
              f"tag {ours_tag:.2f} ms, note {ours_note:.2f} ms vs goal 10 ms")  # fmt: skip


if __name__ == "__main__":
    main()
