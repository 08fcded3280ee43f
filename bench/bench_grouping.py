"""Grouping: time to place one article into a 10,000-article library, and F1 on the real pile.

The library is synthetic: 1,000 events of 10 articles each, every event a pool of sentences
made of a shared news vocabulary (Zipf-distributed, so common words are common), a few event
words, capitalised names and figures of its own; each article retells most of its event's pool
with copy-desk edits (`synth.perturb`). The index is built once; then new articles of held and of
new events are placed one by one and the time of each `place` (evidence extraction included) is
measured; the median is printed, with a brute-force baseline (scoring against every held article)
timed in the same run on a few articles.

The quality half groups the real pile (`tests/grouping_pile.py`: the development set's stories
and same-kind event pairs from news pages) in several import orders and prints pairwise F1 and
any pair of different events merged, for the tuning split (dev), the held-out split (test), and
all.

    PYTHONPATH=. python bench/bench_grouping.py [--articles 10000] [--orders 4]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_article, perturb  # noqa: E402

from tests import grouping_pile  # noqa: E402
from tui.core.ingest.clean import clean_text  # noqa: E402
from tui.core.models import Article  # noqa: E402
from tui.core.stories.evidence import article_evidence  # noqa: E402
from tui.core.stories.grouping import place  # noqa: E402
from tui.core.stories.index import EvidenceIndex  # noqa: E402
from tui.core.text.textio import read_text_file  # noqa: E402

SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mu",
    "ne",
    "sa",
    "lo",
    "vi",
    "de",
    "an",
    "or",
    "el",
    "um",
    "is",
    "ta",
    "ga",
    "po",
    "fe",
    "zi",
    "ro",
]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    return [_word(rng, rng.randint(2, 4)) for _ in range(size)]


def make_event(rng: random.Random, common: list[str], weights: list[float]) -> list[str]:
    """A pool of 14 sentences about one event: common words plus its own names and figures."""
    own = _vocabulary(rng, 12)
    names = [_word(rng, 3).capitalize() for _ in range(5)]
    figures = [str(rng.randint(10, 9999)) for _ in range(5)]
    pool = []
    for _ in range(14):
        words = rng.choices(common, weights, k=rng.randint(10, 18))
        words += rng.sample(own, 3) + [rng.choice(names), rng.choice(figures)]
        rng.shuffle(words)
        pool.append(" ".join(words).capitalize() + ".")
    return pool


def retell(rng: random.Random, pool: list[str], article_id: str) -> Article:
    texts = [perturb(s, rng) for s in rng.sample(pool, rng.randint(8, len(pool)))]
    return make_article(article_id, f"Outlet {article_id}", texts)


def time_placement(total: int) -> None:
    rng = random.Random(7)
    common = _vocabulary(rng, 3000)
    weights = [1.0 / (rank + 1) for rank in range(len(common))]
    events = [make_event(rng, common, weights) for _ in range(total // 10 + 50)]
    index = EvidenceIndex()
    started = time.perf_counter()
    for n in range(total):
        event = n // 10
        index.add(f"a{n}", f"s{event}", article_evidence(retell(rng, events[event], f"a{n}")))
    built = time.perf_counter() - started
    print(f"index of {len(index):,} articles ({total // 10:,} stories) built in {built:.1f} s")
    newcomers = [retell(rng, events[rng.randrange(len(events))], f"new{n}") for n in range(200)]
    timings = []
    for article in newcomers:
        start = time.perf_counter()
        place(article_evidence(article), index)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings) * 1000
    print(
        f"place one article: median {median:.1f} ms, p90 "
        f"{sorted(timings)[int(len(timings) * 0.9)] * 1000:.1f} ms over {len(timings)} articles"
    )
    brute = []
    for article in newcomers[:5]:
        evidence = article_evidence(article)
        start = time.perf_counter()
        for held in index.evidence.values():
            shared = evidence.features & held.features
            sum(index.weight(f) ** 2 for f in shared)
        brute.append(time.perf_counter() - start)
    baseline = statistics.median(brute) * 1000
    print(
        f"baseline, scoring against every held article: median {baseline:.1f} ms "
        f"(index {baseline / median:.0f}x faster)"
    )


def pile_quality(orders: int) -> None:
    for split in ("dev", "test", "all"):
        f1s, merged = [], set()
        for seed in range(orders):
            index, truth, found, fresh = EvidenceIndex(), {}, {}, itertools.count()
            for item in grouping_pile.articles(split, seed=seed):
                cleaned = clean_text(read_text_file(item.path))
                article = Article(
                    str(item.path), "", item.outlet, cleaned.title or "", str(item.path),
                    item.url, cleaned.date, "", "", cleaned.text, cleaned.sentences,
                    cleaned.removed,
                )  # fmt: skip
                evidence = article_evidence(article)
                story = place(evidence, index).story_id or f"new{next(fresh)}"
                index.add(article.id, story, evidence)
                truth[article.id], found[article.id] = item.event, story
            score = grouping_pile.score(truth, found)
            f1s.append(score.f1)
            merged.update(score.merged_events)
        events = len(grouping_pile.events(split))
        shown = ", ".join(f"{f:.3f}" for f in f1s)
        print(
            f"{split}: {events} events, pairwise F1 mean {statistics.mean(f1s):.3f} "
            f"(orders: {shown}); different events merged: "
            + ("; ".join(" + ".join(p.split("/")[-1] for p in pair) for pair in sorted(merged))
               or "none")
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=4)
    args = parser.parse_args()
    pile_quality(args.orders)
    time_placement(args.articles)


if __name__ == "__main__":
    main()
