"""Per-article views of a finished alignment: missing content, pair shares, outlet shares, and
the coverage matrix (clusters down, articles across) that the CLI, exports and app draw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import and_, attrgetter, contains, not_

from tui.core.models import (
    Article,
    Cluster,
    MissingItem,
    OutletShare,
    PairShare,
    SentenceInfo,
    SentenceRef,
    Status,
    StoryAlignment,
)

_new = tuple.__new__
"""Builds NamedTuple records from their fields in order, skipping the Python-level `__new__`."""
_STATUS = attrgetter("status")
PAIRS_LIMIT = 64
"""Stories up to this many articles get every article pair; larger ones pairs with the origin."""


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One row of the coverage matrix: a cluster and each article's status in it (None: absent)."""

    cluster: int
    text: str
    cells: tuple[Status | None, ...]
    """Aligned with StoryAlignment.article_ids."""


def missing_items(
    ordered: Sequence[Article],
    built: Sequence[Cluster],
    carriers: Sequence[set[int]],
) -> dict[str, tuple[MissingItem, ...]]:
    """Per article: clusters that others agree on and it lacks, most widely carried first.

    'Others agree' means at least two other articles carry it (one, in a two-article story), so
    a sentence only one other outlet has is that outlet's addition, not a gap in everyone else.
    """
    needed = 1 if len(ordered) <= 2 else 2
    # Members are sorted origin first, so a cluster's first member is the origin's when it has one.
    candidates = sorted(
        (cluster for cluster in built if len(carriers[cluster.id]) >= needed),
        key=lambda cluster: (-len(carriers[cluster.id]), cluster.id),
    )
    items = [_new(MissingItem, (c.id, c.text, c.outlets, c.members[0])) for c in candidates]
    carried = [carriers[c.id] for c in candidates]
    # Per article, at C speed: the items whose carriers lack it.
    return {
        article.id: tuple(compress(items, map(not_, map(contains, carried, repeat(rank)))))
        for rank, article in enumerate(ordered)
    }


def pair_shares(
    ordered: Sequence[Article],
    carriers: Sequence[set[int]],
    article_order: Sequence[int],
    origin: int | None,
) -> tuple[tuple[PairShare, ...], bool]:
    """Share of a's sentences whose cluster b carries, for ordered article pairs.

    Every pair up to PAIRS_LIMIT articles; beyond that only pairs with the origin (both ways), which
    keeps the cost linear. The flag says whether pairs were limited. A cluster holds one sentence
    per article, so a's sentences carried by b are the clusters holding both.
    """
    clusters_of: list[list[int]] = [[] for _ in ordered]
    for cid, ranks in enumerate(carriers):
        for rank in ranks:
            clusters_of[rank].append(cid)
    limited = len(ordered) > PAIRS_LIMIT
    # Pairs grouped by their first article, in the order they are listed.
    groups: list[tuple[int, Sequence[int]]]
    if not limited:
        order = list(article_order)
        groups = [(a, order[:n] + order[n + 1 :]) for n, a in enumerate(order)]
    elif origin is None:
        groups = []
    else:
        others = [r for r in article_order if r != origin]
        groups = [(origin, others)] + [(r, (origin,)) for r in others]
    # Each article's clusters as the bits of one int: an AND and a bit count per pair, where
    # a set intersection would build a set (2,550 pairs in a 51-outlet story). The per-pair
    # steps run in C (map, zip), and each PairShare is built by tuple.__new__ from its fields
    # in order (a NamedTuple's own __new__ is Python code taking keywords).
    cluster_bits = [sum(1 << cid for cid in ids) for ids in clusters_of]
    ids = [article.id for article in ordered]
    pairs: list[PairShare] = []
    for a, bs in groups:
        size = len(ordered[a].sentences)
        both = map(and_, repeat(cluster_bits[a]), map(cluster_bits.__getitem__, bs))
        shared = list(map(int.bit_count, both))
        shares = [count / size for count in shared] if size else [0.0] * len(shared)
        fields = zip(repeat(ids[a]), map(ids.__getitem__, bs), shared, shares, strict=False)
        pairs += map(_new, repeat(PairShare), fields)
    return tuple(pairs), limited


def outlet_share(article: Article, infos: Sequence[SentenceInfo]) -> OutletShare:
    """Status counts; wire share is the near-verbatim (shared) part, unique share the rest alone."""
    counts = Counter(map(_STATUS, infos))
    size = len(infos)
    return OutletShare(
        article_id=article.id,
        outlet=article.outlet,
        sentences=size,
        shared=counts["shared"],
        reworded=counts["reworded"],
        unique=counts["unique"],
        wire_share=counts["shared"] / size if size else 0.0,
        unique_share=counts["unique"] / size if size else 0.0,
    )


def coverage_matrix(alignment: StoryAlignment) -> list[CoverageRow]:
    """Clusters (story order) x articles (alignment.article_ids): each article's status or None."""
    column = {article_id: n for n, article_id in enumerate(alignment.article_ids)}
    status_of: dict[SentenceRef, Status] = {
        info.ref: info.status for infos in alignment.sentences.values() for info in infos
    }
    rows: list[CoverageRow] = []
    for cluster in alignment.clusters:
        cells: list[Status | None] = [None] * len(column)
        for member in cluster.members:
            cells[column[member.article_id]] = status_of[member]
        rows.append(CoverageRow(cluster.id, cluster.text, tuple(cells)))
    return rows
