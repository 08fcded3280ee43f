"""The clusters an alignment has built so far, and the index that finds candidates among them.

Each cluster keeps a few exemplars (distinct versions of what it says, the founder first); an
inverted index of the exemplars' rare words finds the clusters a new sentence may join, and one
C-level rapidfuzz call scores it against every exemplar of those candidates.
`core.align.engine` decides which cluster a sentence joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extract, extractOne

from tui.core.align.similarity import BAND_SCORE, Features

__all__ = [
    "ALWAYS_WALKED",
    "CANDIDATES",
    "CROWDED_POSTING",
    "POSTING_CAP",
    "ClusterIndex",
    "GrowingCluster",
]

POSTING_CAP = 48
"""A word indexed under more clusters than this tells nothing about any of them: skip it."""
ALWAYS_WALKED = 4
"""A sentence's rarest words whose postings `candidates` walks however many clusters they hold."""
CROWDED_POSTING = 8
"""After those, a word filed under more clusters than this is skipped: it spreads a little weight
over many clusters, which rarely changes the top candidates but was most of the search's work."""
CANDIDATES = 6
"""Clusters scored per sentence, the ones sharing the most rare-word weight (the search walks
rarest words first, so the true cluster is almost always among the first few)."""


@dataclass(slots=True)
class GrowingCluster:
    members: list[tuple[int, int]] = field(default_factory=list)
    """(article rank, sentence index), in the order they joined."""
    exemplars: list[Features] = field(default_factory=list)
    """The first is the founder: the sentence that defines what the cluster says."""
    exemplar_keys: list[str] = field(default_factory=list)
    exemplar_owners: list[tuple[int, Features]] = field(default_factory=list)
    """(cluster id, exemplar) per exemplar key: a scored key's cluster without a search."""


class ClusterIndex:
    """Clusters built so far, with an inverted index of their exemplars' rare words."""

    def __init__(self) -> None:
        self.clusters: list[GrowingCluster] = []
        self.exact: dict[str, int] = {}
        """Exemplar key -> first cluster holding it: verbatim copies skip the search."""
        self._postings: dict[str, list[int] | None] = {}
        self._weight: list[float] = []
        """Per cluster id, the rare-word weight `candidates` is summing; 0.0 between calls."""

    def add_exemplar(self, cluster_id: int, features: Features) -> None:
        cluster = self.clusters[cluster_id]
        cluster.exemplars.append(features)
        cluster.exemplar_keys.append(features.key)
        cluster.exemplar_owners.append((cluster_id, features))
        self.exact.setdefault(features.key, cluster_id)
        postings = self._postings
        for word, _ in features.indexed:
            posting = postings.get(word, [])
            if posting is None or (posting and posting[-1] == cluster_id):
                continue
            if len(posting) >= POSTING_CAP:
                postings[word] = None
            else:
                posting.append(cluster_id)
                postings[word] = posting

    def candidates(self, features: Features) -> list[int]:
        """Up to CANDIDATES clusters sharing the most rare-word weight with the sentence.

        The sentence's words are walked rarest first; after ALWAYS_WALKED of them, crowded
        postings are skipped. Weights are summed in a list indexed by cluster id (ids are
        dense), cheaper per posting entry than a dict. When few clusters are touched they come
        in the order they were first met (the rarest word's first); otherwise by weight, ties
        to the lower id.
        """
        weight = self._weight
        postings = self._postings
        walked: list[list[int]] = []
        for word, idf in features.indexed:
            posting = postings.get(word)
            if posting:
                if len(walked) >= ALWAYS_WALKED and len(posting) > CROWDED_POSTING:
                    continue
                walked.append(posting)
                for cluster_id in posting:
                    weight[cluster_id] += idf
        touched = list(dict.fromkeys(chain.from_iterable(walked)))
        if len(touched) <= CANDIDATES:
            found = touched
        else:
            found = sorted(touched)  # ids ascending, then a stable sort by weight, descending
            found.sort(key=weight.__getitem__, reverse=True)
            del found[CANDIDATES:]
        for cluster_id in touched:
            weight[cluster_id] = 0.0
        return found

    def best_exemplars(
        self, cluster_ids: Sequence[int], features: Features
    ) -> list[tuple[float, int, Features]]:
        """(score, cluster, exemplar) of each cluster's best exemplar scoring >= BAND_SCORE,
        ties to the earlier exemplar (as `extractOne` keeps the first best); one C-level call
        scores every exemplar of every cluster."""
        clusters = self.clusters
        if len(cluster_ids) == 1:  # the top candidate: only its best exemplar is wanted
            cluster = clusters[cluster_ids[0]]
            top = extractOne(
                features.key, cluster.exemplar_keys, scorer=ratio, score_cutoff=BAND_SCORE
            )
            return [] if top is None else [(top[1], cluster_ids[0], cluster.exemplars[top[2]])]
        keys: list[str] = []
        owners: list[tuple[int, Features]] = []
        for cluster_id in cluster_ids:
            keys += clusters[cluster_id].exemplar_keys
            owners += clusters[cluster_id].exemplar_owners
        best: dict[int, tuple[float, int, Features]] = {}
        for _, score, at in extract(
            features.key, keys, scorer=ratio, score_cutoff=BAND_SCORE, limit=None
        ):
            cluster_id, exemplar = owners[at]
            # Results come best first, ties in choice order: the first seen per cluster wins.
            if cluster_id not in best:
                best[cluster_id] = (score, cluster_id, exemplar)
        return list(best.values())

    def founder_key(self, cluster_id: int) -> str:
        return self.clusters[cluster_id].exemplar_keys[0]

    def new_cluster(self, rank: int, index: int, features: Features) -> None:
        self.clusters.append(GrowingCluster())
        self._weight.append(0.0)
        cluster_id = len(self.clusters) - 1
        self.join(cluster_id, rank, index)
        self.add_exemplar(cluster_id, features)

    def join(self, cluster_id: int, rank: int, index: int) -> None:
        self.clusters[cluster_id].members.append((rank, index))
