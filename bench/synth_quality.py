"""How well an alignment of a synthetic story clusters, against where its sentences came from.

Each synthetic sentence perturbs one pool sentence (bench/synth.py); filler sentences come from
none and are left out (they are word soup from a 35-word vocabulary, share most of their words,
and some cluster with each other, which says nothing about the story's clusters).
- Precision: of the pairs of story sentences from two outlets that share a cluster, the share that
  say the same thing: that come from one statement, i.e. from pool sentences the seeds' own
  alignment puts in one cluster (the seeds carry the AFP lede in several outlets' words).
- Recall: of the pairs of copies of one pool sentence in two outlets, the share that share a
  cluster. An outlet takes each pool sentence at most once, so a perfect clustering scores 1.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from synth import SEEDS, make_article, story_pool

from tui.core.align.engine import align_story
from tui.core.ingest.clean import clean_text
from tui.core.models import StoryAlignment


@cache
def statement_of_pool() -> tuple[int, ...]:
    """Pool index -> statement id (the seeds' cluster of that pool sentence)."""
    articles = [
        make_article(path.stem, path.stem, [s.text for s in clean_text(path.read_text()).sentences])
        for path in sorted(SEEDS.glob("*.txt"))
    ]
    alignment = align_story(articles)
    cluster_of = {
        info.text: info.cluster for infos in alignment.sentences.values() for info in infos
    }
    return tuple(cluster_of[text] for text in story_pool())


def _pairs(counts: Counter[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def _cross_pairs(items: list[tuple[str, int]]) -> int:
    """Pairs of items with one key from two different articles."""
    return _pairs(Counter(key for _, key in items)) - _pairs(Counter(items))


def pair_quality(
    alignment: StoryAlignment, origins: dict[tuple[str, int], int | None]
) -> tuple[float, float]:
    """(precision, recall) of the clusters' cross-outlet pairs; `origins` from
    `synth.make_story_with_truth`."""
    statement = statement_of_pool()
    right = formed = found = 0
    for cluster in alignment.clusters:
        # Members and repeats (an article's further sentences of the fact): pairs across outlets.
        placed = [
            (m.article_id, o)
            for m in cluster.members + cluster.repeats
            if (o := origins[(m.article_id, m.index)]) is not None
        ]
        right += _cross_pairs([(a, statement[o]) for a, o in placed])
        found += _cross_pairs(placed)
        formed += _cross_pairs([(a, 0) for a, _ in placed])
    copies = _pairs(Counter(o for o in origins.values() if o is not None))
    return (right / formed if formed else 1.0), (found / copies if copies else 1.0)
