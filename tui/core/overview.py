"""From clusters to what a reader asks: who carries what, who is the origin, what is missing.

`core.align` decides which sentences belong together; this module turns those clusters into the
StoryAlignment the CLI and the app show: statuses and counterparts per sentence, the likely origin,
cluster ids in story order, missing content per article, pair shares, outlet shares and the coverage
matrix. Every ordering here has a deterministic tie-break, so equal input gives equal output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from tui.core.drift import find_drift
from tui.core.models import (
    Article,
    Cluster,
    Counterpart,
    MissingItem,
    OutletShare,
    PairShare,
    SentenceInfo,
    SentenceRef,
    Status,
    StoryAlignment,
)

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""

FULL_PAIRS_LIMIT = 24
"""Clusters up to this size score every member against every other; larger ones against their
first members only, so a 500-outlet cluster costs 500 x 6 scores rather than 500 x 500."""
REFERENCE_MEMBERS = 6
PAIRS_LIMIT = 64
"""Stories up to this many articles get every article pair; larger ones pairs with the origin."""


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One row of the coverage matrix: a cluster and each article's status in it (None: absent)."""

    cluster: int
    text: str
    cells: tuple[Status | None, ...]
    """Aligned with StoryAlignment.article_ids."""


def _counterpart_scores(
    clusters: Sequence[Sequence[Member]], keys: Mapping[Member, str]
) -> dict[Member, dict[int, tuple[float, int]]]:
    """For each member: other article rank -> (score, sentence index) of its counterpart there."""
    found: dict[Member, dict[int, tuple[float, int]]] = {}
    cache: dict[tuple[str, str], float] = {}

    def score(a: str, b: str) -> float:
        pair = (a, b) if a <= b else (b, a)
        if pair not in cache:
            cache[pair] = 100.0 if a == b else float(fuzz.ratio(a, b))
        return cache[pair]

    for members in clusters:
        references = members if len(members) <= FULL_PAIRS_LIMIT else members[:REFERENCE_MEMBERS]
        for member in members:
            found[member] = {}
        for member in members:
            for other in references:
                if other[0] != member[0]:
                    value = score(keys[member], keys[other])
                    found[member][other[0]] = (value, other[1])
                    found[other].setdefault(member[0], (value, member[1]))
        if len(members) > FULL_PAIRS_LIMIT:
            # Verbatim copies beyond the reference members still count as near-verbatim.
            copies = Counter(keys[m] for m in members)
            for member in members:
                if copies[keys[member]] > 1 and not found[member]:
                    twin = next(m for m in members if m != member and keys[m] == keys[member])
                    found[member][twin[0]] = (100.0, twin[1])
    return found


def _coverage(
    ordered: Sequence[Article], found: Mapping[Member, Mapping[int, tuple[float, int]]]
) -> list[float]:
    """Per article: how much of the others' text it matches, each counterpart weighted by score.

    Weighting by score makes the wire copy, which others carry near-verbatim, outrank a rewrite
    that touches as many clusters with looser matches.
    """
    coverage = [0.0] * len(ordered)
    for (rank, _), counterparts in found.items():
        coverage[rank] += sum(score for score, _ in counterparts.values()) / 100.0
    return coverage


def _story_order(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    reference: int,
    article_order: Sequence[int],
) -> list[int]:
    """Cluster positions in story order: the reference article's order, others slotted in.

    A cluster the reference article lacks goes right after the reference cluster that precedes it
    in the first article (in `article_order`) carrying it; ties follow that article's order.
    """
    cluster_of: dict[Member, int] = {m: cid for cid, ms in enumerate(clusters) for m in ms}
    position: dict[int, int] = {}
    for sentence in ordered[reference].sentences:
        position[cluster_of[(reference, sentence.index)]] = sentence.index
    rank_of_article = {rank: n for n, rank in enumerate(article_order)}
    keys: dict[int, tuple[int, int, int, int]] = {}
    for cid, members in enumerate(clusters):
        if cid in position:
            keys[cid] = (position[cid], 0, 0, 0)
            continue
        rank, index = min(members, key=lambda m: (rank_of_article[m[0]], m[1]))
        anchor = -1
        for earlier in range(index - 1, -1, -1):
            earlier_cluster = cluster_of.get((rank, earlier))
            if earlier_cluster is not None and earlier_cluster in position:
                anchor = position[earlier_cluster]
                break
        keys[cid] = (anchor, 1, rank_of_article[rank], index)
    return sorted(range(len(clusters)), key=lambda cid: keys[cid])


def assemble(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    keys: Mapping[Member, str],
    *,
    shared_score: float,
) -> StoryAlignment:
    """Build the StoryAlignment of articles in canonical order from their clusters."""
    scores = _counterpart_scores(clusters, keys)
    coverage = _coverage(ordered, scores)
    ranking = sorted(range(len(ordered)), key=lambda rank: (-round(coverage[rank], 6), rank))
    origin = ranking[0] if ranking and coverage[ranking[0]] > 0 else None
    article_order = list(range(len(ordered)))
    if origin is not None:
        article_order.remove(origin)
        article_order.insert(0, origin)
    reference = origin if origin is not None else 0
    story = _story_order(ordered, clusters, reference, article_order) if ordered else []
    new_id = {old: new for new, old in enumerate(story)}
    position_of = {rank: n for n, rank in enumerate(article_order)}
    text_of = {(r, s.index): s.text for r, a in enumerate(ordered) for s in a.sentences}

    def ref(member: Member) -> SentenceRef:
        return SentenceRef(ordered[member[0]].id, member[1])

    def outlets_of(ranks: set[int]) -> tuple[str, ...]:
        return tuple(sorted({ordered[r].outlet for r in ranks}, key=lambda o: (o.casefold(), o)))

    built: list[Cluster] = []
    carriers: list[set[int]] = []
    outlet_counts: list[Counter[str]] = []
    for old in story:
        members = sorted(clusters[old], key=lambda m: (position_of[m[0]], m[1]))
        ranks = {rank for rank, _ in members}
        carriers.append(ranks)
        outlet_counts.append(Counter(ordered[r].outlet for r in ranks))
        built.append(
            Cluster(
                new_id[old], tuple(ref(m) for m in members), text_of[members[0]], outlets_of(ranks)
            )
        )

    cluster_of = {m: new_id[old] for old, ms in enumerate(clusters) for m in ms}
    sentences: dict[str, tuple[SentenceInfo, ...]] = {}
    for rank, article in enumerate(ordered):
        infos: list[SentenceInfo] = []
        for sentence in article.sentences:
            member = (rank, sentence.index)
            cid = cluster_of[member]
            best_first = sorted(scores[member].items(), key=lambda f: (-f[1][0], position_of[f[0]]))
            counterparts = tuple(
                Counterpart(ordered[r].id, ordered[r].outlet, idx, score)
                for r, (score, idx) in best_first
            )
            if len(carriers[cid]) < 2:
                status: Status = "unique"
            elif counterparts and counterparts[0].score >= shared_score:
                status = "shared"
            else:
                status = "reworded"
            own = article.outlet
            others = built[cid].outlets
            if outlet_counts[cid][own] == 1:
                others = tuple(o for o in others if o != own)
            infos.append(
                SentenceInfo(ref(member), sentence.text, status, cid, others, counterparts)
            )
        sentences[article.id] = tuple(infos)

    missing = _missing(ordered, built, carriers)
    drift = find_drift(
        built, {ref(m): t for m, t in text_of.items()}, {a.id: a.outlet for a in ordered}
    )
    pairs, limited = _pairs(ordered, carriers, article_order, origin)
    shares = tuple(_share(ordered[r], sentences[ordered[r].id]) for r in article_order)
    return StoryAlignment(
        article_ids=tuple(ordered[r].id for r in article_order),
        outlets={ordered[r].id: ordered[r].outlet for r in article_order},
        sentences={ordered[r].id: sentences[ordered[r].id] for r in article_order},
        clusters=tuple(built),
        missing=missing,
        drift=drift,
        pairs=pairs,
        shares=shares,
        origin=ordered[origin].id if origin is not None else None,
        extra={"pairs_limited": limited},
    )


def _missing(
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
    items = {c.id: MissingItem(c.id, c.text, c.outlets, c.members[0]) for c in candidates}
    return {
        article.id: tuple(items[c.id] for c in candidates if rank not in carriers[c.id])
        for rank, article in enumerate(ordered)
    }


def _pairs(
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
    wanted: list[tuple[int, int]]
    if not limited:
        wanted = [(a, b) for a in article_order for b in article_order if a != b]
    elif origin is None:
        wanted = []
    else:
        others = [r for r in article_order if r != origin]
        wanted = [(origin, r) for r in others] + [(r, origin) for r in others]
    pairs: list[PairShare] = []
    for a, b in wanted:
        shared = sum(1 for cid in clusters_of[a] if b in carriers[cid])
        size = len(ordered[a].sentences)
        pairs.append(
            PairShare(ordered[a].id, ordered[b].id, shared, shared / size if size else 0.0)
        )
    return tuple(pairs), limited


def _share(article: Article, infos: Sequence[SentenceInfo]) -> OutletShare:
    """Status counts; wire share is the near-verbatim (shared) part, unique share the rest alone."""
    counts = Counter(info.status for info in infos)
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
