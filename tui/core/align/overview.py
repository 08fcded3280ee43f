"""From clusters to what a reader asks: who carries what, who is the origin, what is missing.

`core.align.engine` decides which sentences belong together; this module turns those clusters
into the StoryAlignment the CLI and the app show: statuses and counterparts per sentence, the
likely origin, cluster ids in story order, then drift (`core.drift.detect`) and the per-article
views of `core.align.coverage` (missing content, pair and outlet shares; the coverage matrix is
re-exported here). Every ordering has a deterministic tie-break, so equal input gives equal
output.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations, repeat
from operator import attrgetter, itemgetter

from tui.core.align.counterparts import (
    ArticleTable,
    ClusterScores,
    Counterparts,
    MemberCounterparts,
    ScoredCluster,
    score_cluster,
)
from tui.core.align.coverage import (
    PAIRS_LIMIT,
    CoverageRow,
    coverage_matrix,
    missing_items,
    outlet_share,
    pair_shares,
)
from tui.core.align.families import find_families
from tui.core.drift.detect import find_drift
from tui.core.models import (
    Article,
    Cluster,
    Family,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)

__all__ = ["PAIRS_LIMIT", "CoverageRow", "assemble", "coverage_matrix"]

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""
_RANK = itemgetter(0)
_INDEX = itemgetter(1)
_TEXT = attrgetter("text")

CLOSE = 1e-5
"""Coverage this close to the best is ranked on exact sums: ten rounding steps of the ranking,
far beyond the few ulps by which sums added in different orders differ."""
_new = tuple.__new__
"""Builds the NamedTuple records made per sentence from their fields in order, skipping the
Python-level `__new__` that takes keywords (tests check the result equals the constructor's)."""


def _counterpart_scores(
    clusters: Sequence[Sequence[Member]], keys: Mapping[Member, str]
) -> list[ScoredCluster | None]:
    """Per cluster: its members' scores (`core.align.counterparts.score_cluster`); None for a
    cluster of one. Align puts at most one sentence of an article in a cluster, and every figure
    read from the scores relies on it, so a cluster that breaks the rule is refused."""
    scored: list[ScoredCluster | None] = []
    for members in clusters:
        if len(set(map(_RANK, members))) != len(members):
            raise ValueError(f"assemble: a cluster holds two sentences of one article: {members}")
        scored.append(score_cluster(members, keys) if len(members) > 1 else None)
    return scored


def _coverage(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    scored: Sequence[ScoredCluster | None],
) -> list[float]:
    """Per article: how much of the others' text it matches, each counterpart weighted by score.

    Weighting by score makes the wire copy, which others carry near-verbatim, outrank a rewrite
    that touches as many clusters with looser matches.
    """
    coverage = [0.0] * len(ordered)
    for members, found in zip(clusters, scored, strict=True):
        if found is not None:
            for (rank, _), total in zip(members, found.total, strict=True):
                coverage[rank] += total / 100.0
    return coverage


def _likely_origin(
    coverage: Sequence[float],
    clusters: Sequence[Sequence[Member]],
    scored: Sequence[ScoredCluster | None],
) -> int | None:
    """The article with the highest coverage rounded to 6 places (copies of one text tie,
    whatever the float noise), the first in canonical order among equals; None if no article
    shares anything.

    `coverage` is added up in the cheapest order, which may differ from the exact sums in the
    last bits, and so cross a rounding step: articles within CLOSE of the best are compared on
    exact sums (`ScoredCluster.exact_total`), so the origin is always the one they give.
    """
    if not coverage:
        return None
    top = max(coverage)
    close = [rank for rank, value in enumerate(coverage) if value >= top - CLOSE]
    if len(close) == 1:
        # Alone at the top whatever the rounding; non-negative scores sum to 0 in any order
        # only if all are 0.
        return close[0] if top > 0 else None
    exact = dict.fromkeys(close, 0.0)
    for members, found in zip(clusters, scored, strict=True):
        if found is not None:
            for n, (rank, _) in enumerate(members):
                if rank in exact:
                    exact[rank] += found.exact_total(n) / 100.0
    origin = min(close, key=lambda rank: (-round(exact[rank], 6), rank))
    return origin if exact[origin] > 0 else None


def _story_order(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    reference: int,
    article_order: Sequence[int],
    secondary: Mapping[Member, int],
) -> list[int]:
    """Cluster positions in story order: the reference article's order, others slotted in.

    A cluster the reference article lacks goes right after the reference cluster that precedes it
    in the first article (in `article_order`) carrying it; ties follow that article's order.
    """
    cluster_of: dict[Member, int] = {m: cid for cid, ms in enumerate(clusters) for m in ms}
    cluster_of.update(secondary)
    position: dict[int, int] = {}
    for sentence in ordered[reference].sentences:  # a fact's place is where it is first stated
        position.setdefault(cluster_of[(reference, sentence.index)], sentence.index)
    rank_of_article = {rank: n for n, rank in enumerate(article_order)}
    keys: dict[int, tuple[int, int, int, int]] = {}
    for cid, members in enumerate(clusters):
        if cid in position:
            keys[cid] = (position[cid], 0, 0, 0)
            continue
        # The reference article is not among the members: the first in article order is the
        # lowest rank (the origin, ranked first, is the reference whenever there is one).
        rank, index = min(members)
        anchor = -1
        for earlier in range(index - 1, -1, -1):
            earlier_cluster = cluster_of.get((rank, earlier))
            if earlier_cluster is not None and earlier_cluster in position:
                anchor = position[earlier_cluster]
                break
        keys[cid] = (anchor, 1, rank_of_article[rank], index)
    return sorted(range(len(clusters)), key=keys.__getitem__)


def _others(outlets: tuple[str, ...], own: Sequence[str]) -> list[tuple[str, ...]]:
    """Per member of a cluster carried by `outlets`: the others, its own outlet `own` left out
    (kept when two articles of that outlet carry the cluster)."""
    at = dict(zip(outlets, range(len(outlets)), strict=True))
    # Each outlet left out in turn, built in C: combinations of all but one drop the last first.
    without = list(combinations(outlets, len(outlets) - 1))
    without.reverse()
    if len(outlets) == len(own):  # one article per outlet, the usual case
        return list(map(without.__getitem__, map(at.__getitem__, own)))
    twice = Counter(own)
    return [outlets if twice[o] > 1 else without[at[o]] for o in own]


def assemble(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    keys: Mapping[Member, str],
    *,
    shared_score: float,
    secondary: Mapping[Member, int] | None = None,
) -> StoryAlignment:
    """Build the StoryAlignment of articles in canonical order from their clusters.

    `secondary` maps an article's further sentences of a fact to the cluster holding the
    article's member of it (`core.align.facts`): they take that member's counterparts, as
    'reworded', and the cluster's id; members alone make the figures and the drift.
    """
    secondary = secondary or {}
    scored = _counterpart_scores(clusters, keys)
    coverage = _coverage(ordered, clusters, scored)
    families = find_families(ordered, clusters, scored, coverage, shared_score=shared_score)
    origin = _likely_origin(coverage, clusters, scored) if families else None
    if origin is not None and origin not in families[0][1]:
        origin = families[0][0]
    article_order = list(range(len(ordered)))
    if origin is not None:
        article_order.remove(origin)
        article_order.insert(0, origin)
    reference = origin if origin is not None else 0
    story = _story_order(ordered, clusters, reference, article_order, secondary) if ordered else []
    position_of = {rank: n for n, rank in enumerate(article_order)}
    members_of = [[(rank, s.index) for s in a.sentences] for rank, a in enumerate(ordered)]
    text_of: dict[Member, str] = {}
    refs: dict[Member, SentenceRef] = {}
    for article, sentence_members in zip(ordered, members_of, strict=True):  # C-level passes
        text_of.update(zip(sentence_members, map(_TEXT, article.sentences), strict=True))
        ref_fields = zip(repeat(article.id), map(_INDEX, sentence_members), strict=False)
        refs.update(zip(sentence_members, map(_new, repeat(SentenceRef), ref_fields), strict=True))
    outlet_of = [a.outlet for a in ordered]
    table = ArticleTable(
        tuple(a.id for a in ordered),
        tuple(outlet_of),
        tuple(position_of[rank] for rank in range(len(ordered))),
    )
    # Outlets are listed casefolded-alphabetically: sort the names once, then each cluster's
    # outlets are the sorted numbers of its articles' outlets.
    names = sorted(set(outlet_of), key=lambda o: (o.casefold(), o))
    number_of = {o: n for n, o in enumerate(names)}
    outlet_number = [number_of[o] for o in outlet_of]

    built: list[Cluster] = []
    carriers: list[set[int]] = []
    info_of: dict[Member, SentenceInfo] = {}
    for cid, old in enumerate(story):
        members = clusters[old]
        found = scored[old]
        if found is None:  # a sentence no other article carries
            (member,) = members
            ref, text = refs[member], text_of[member]
            carriers.append({member[0]})
            built.append(_new(Cluster, (cid, (ref,), text, (outlet_of[member[0]],), ())))
            info_of[member] = _new(SentenceInfo, (ref, text, "unique", cid, (), ()))
            continue
        ranks = list(map(_RANK, members))
        carriers.append(set(ranks))
        own = list(map(outlet_of.__getitem__, ranks))
        outlets = tuple(map(names.__getitem__, sorted(set(map(outlet_number.__getitem__, ranks)))))
        # Members in article order, origin first: one sentence per article, so rank decides.
        listed = sorted(members)
        if origin in carriers[cid]:
            listed.insert(0, listed.pop(bisect_left(listed, (origin,))))
        built.append(
            _new(
                Cluster,
                (cid, tuple(map(refs.__getitem__, listed)), text_of[listed[0]], outlets, ()),
            )
        )
        scores = _new(ClusterScores, (tuple(ranks), tuple(map(_INDEX, members)), found.rows, table))
        statuses = ["shared" if best >= shared_score else "reworded" for best in found.best]
        lazy = map(Counterparts, map(MemberCounterparts, repeat(scores), range(len(members))))
        # SentenceInfo fields in order, one C-level pass over the cluster's members.
        fields = zip(
            map(refs.__getitem__, members),
            map(text_of.__getitem__, members),
            statuses,
            repeat(cid),
            _others(outlets, own),
            lazy,
            strict=False,
        )
        info_of.update(zip(members, map(_new, repeat(SentenceInfo), fields), strict=True))

    new_id = {old: cid for cid, old in enumerate(story)}
    repeats: dict[int, list[SentenceRef]] = {}
    for member, old in sorted(secondary.items()):
        (sibling,) = [m for m in clusters[old] if m[0] == member[0]]
        kept = info_of[sibling]
        cid = new_id[old]
        info_of[member] = kept._replace(
            ref=refs[member], text=text_of[member], status="reworded", cluster=cid
        )
        repeats.setdefault(cid, []).append(refs[member])
    for cid, listed_repeats in repeats.items():
        built[cid] = built[cid]._replace(repeats=tuple(listed_repeats))
    sentences = {
        article.id: tuple(map(info_of.__getitem__, sentence_members))
        for article, sentence_members in zip(ordered, members_of, strict=True)
    }
    missing = missing_items(ordered, built, carriers)
    drift = find_drift(
        built,
        dict(zip(refs.values(), text_of.values(), strict=True)),
        dict(zip(table.ids, outlet_of, strict=True)),
    )
    pairs, limited = pair_shares(ordered, carriers, article_order, origin)
    shares = tuple(outlet_share(ordered[r], sentences[ordered[r].id]) for r in article_order)
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
        families=tuple(
            Family(
                ordered[family_origin].id,
                tuple(ordered[r].id for r in ranks),
                carried,
                len(ordered[family_origin].sentences),
            )
            for family_origin, ranks, carried in families
        ),
    )
