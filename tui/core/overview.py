"""From clusters to what a reader asks: who carries what, who is the origin, what is missing.

`core.align` decides which sentences belong together; this module turns those clusters into the
StoryAlignment the CLI and the app show: statuses and counterparts per sentence, the likely origin,
cluster ids in story order, then drift (`core.drift`) and the per-article views of `core.coverage`
(missing content, pair and outlet shares; the coverage matrix is re-exported here). Every ordering
has a deterministic tie-break, so equal input gives equal output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from operator import itemgetter

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract

from tui.core.counterparts import ArticleTable, Counterparts, RankedCounterparts
from tui.core.coverage import (
    PAIRS_LIMIT,
    CoverageRow,
    coverage_matrix,
    missing_items,
    outlet_share,
    pair_shares,
)
from tui.core.drift import find_drift
from tui.core.models import (
    Article,
    Cluster,
    SentenceInfo,
    SentenceRef,
    Status,
    StoryAlignment,
)

__all__ = ["PAIRS_LIMIT", "CoverageRow", "assemble", "coverage_matrix"]

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""

FULL_PAIRS_LIMIT = 24
"""Clusters up to this size score every member against every other; larger ones against their
first members only, so a 500-outlet cluster costs 500 x 6 scores rather than 500 x 500."""
REFERENCE_MEMBERS = 6
_SCORE = itemgetter(0)
"""The score of a (score, sentence index) counterpart, read at C speed."""
_new = tuple.__new__
"""Builds the NamedTuple records made per sentence from their fields in order, skipping the
Python-level `__new__` that takes keywords (tests check the result equals the constructor's)."""


def _counterpart_scores(
    clusters: Sequence[Sequence[Member]], keys: Mapping[Member, str]
) -> dict[Member, dict[int, tuple[float, int]]]:
    """For each member: other article rank -> (score, sentence index) of its counterpart there."""
    found: dict[Member, dict[int, tuple[float, int]]] = {}
    for members in clusters:
        references = members if len(members) <= FULL_PAIRS_LIMIT else members[:REFERENCE_MEMBERS]
        member_keys = [keys[m] for m in members]
        scores = _KeyScores()
        for member in members:
            found[member] = {}
        for n, reference in enumerate(references):
            own = found[reference]
            rank, index = reference
            later = members[n + 1 :]
            row = scores.row(keys[reference], member_keys[n + 1 :])
            values = list(map(row.__getitem__, member_keys[n + 1 :]))
            # Best first, ties in member order: the order one `extract` call over the later
            # members gave, in which `own` takes its entries (and later sums them).
            for at in sorted(range(len(later)), key=values.__getitem__, reverse=True):
                member = later[at]
                if member[0] != rank:
                    found[member][rank] = (values[at], index)
                    own[member[0]] = (values[at], member[1])
        if len(members) > FULL_PAIRS_LIMIT:
            # Verbatim copies beyond the reference members still count as near-verbatim.
            copies = Counter(member_keys)
            for member in members:
                if copies[keys[member]] > 1 and not found[member]:
                    twin = next(m for m in members if m != member and keys[m] == keys[member])
                    found[member][twin[0]] = (100.0, twin[1])
    return found


class _KeyScores:
    """fuzz.ratio between the distinct keys of one cluster, each pair scored once.

    Wire copy repeats sentences verbatim, and copy-desk edits often leave the sorted words as
    they were: a 51-outlet story's clusters hold ~9,400 member pairs but ~5,000 distinct key
    pairs. fuzz.ratio is symmetric, so a score serves both keys."""

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, float]] = {}

    def row(self, key: str, others: Sequence[str]) -> dict[str, float]:
        """Scores of `key` against every one of `others` (and maybe more)."""
        rows = self._rows
        row = rows.setdefault(key, {})
        missing = [other for other in dict.fromkeys(others) if other not in row]
        if missing:
            # One C-level call scores the key against every missing one.
            for other, value, _ in extract(key, missing, scorer=ratio, limit=None):
                row[other] = value
                rows.setdefault(other, {})[key] = value
        return row


def _coverage(
    ordered: Sequence[Article], found: Mapping[Member, Mapping[int, tuple[float, int]]]
) -> list[float]:
    """Per article: how much of the others' text it matches, each counterpart weighted by score.

    Weighting by score makes the wire copy, which others carry near-verbatim, outrank a rewrite
    that touches as many clusters with looser matches.
    """
    coverage = [0.0] * len(ordered)
    for (rank, _), counterparts in found.items():
        coverage[rank] += sum(map(_SCORE, counterparts.values())) / 100.0
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

    refs = {m: _new(SentenceRef, (ordered[m[0]].id, m[1])) for m in text_of}
    ref = refs.__getitem__

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

    table = ArticleTable(
        tuple(a.id for a in ordered),
        tuple(a.outlet for a in ordered),
        tuple(position_of[rank] for rank in range(len(ordered))),
    )

    cluster_of = {m: new_id[old] for old, ms in enumerate(clusters) for m in ms}
    outlet_at = [{o: n for n, o in enumerate(c.outlets)} for c in built]
    sentences: dict[str, tuple[SentenceInfo, ...]] = {}
    for rank, article in enumerate(ordered):
        infos: list[SentenceInfo] = []
        own = article.outlet
        for sentence in article.sentences:
            member = (rank, sentence.index)
            cid = cluster_of[member]
            found = scores[member]
            if len(carriers[cid]) < 2:
                status: Status = "unique"
            elif found and max(found.values())[0] >= shared_score:  # (score, index) pairs
                status = "shared"
            else:
                status = "reworded"
            others = built[cid].outlets
            if outlet_counts[cid][own] == 1:  # slicing: a 500-outlet cluster, 500 times over
                at = outlet_at[cid][own]
                others = others[:at] + others[at + 1 :]
            counterparts = Counterparts(RankedCounterparts(found, table)) if found else ()
            infos.append(
                _new(SentenceInfo, (ref(member), sentence.text, status, cid, others, counterparts))
            )
        sentences[article.id] = tuple(infos)

    missing = missing_items(ordered, built, carriers)
    drift = find_drift(
        built, {refs[m]: t for m, t in text_of.items()}, {a.id: a.outlet for a in ordered}
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
    )
