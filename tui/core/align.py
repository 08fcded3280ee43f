"""Sentence alignment: which sentences of a story's articles say the same thing.

Every sentence of every article lands in exactly one cluster; a cluster holds at most one sentence
per article. Two sentences match when `fuzz.ratio` on their sorted normalised words (token-sort
score) reaches MATCH_SCORE, or reaches BAND_SCORE with enough shared rare words (EVIDENCE): on the
labelled seed pairs (tests/fixtures/pairs.json) no unrelated pair scores 60 or more, while the
50-60 band holds true rewrites among many same-topic strangers.

Articles are processed one by one in a canonical order (likeliest wire copy first, then id), so
the result never depends on the order they are given in. Each article's sentences are matched
against the clusters built so far: candidates come from an inverted index of rare words (common
words and words spread over many clusters are skipped), each candidate is scored against a few
exemplar members, and the best-scoring proposals win, one sentence per cluster. Work per
sentence is bounded by the index, so cost grows roughly linearly with the number of sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne

from tui.core.models import Article, StoryAlignment
from tui.core.normalize import STOPWORDS, words
from tui.core.overview import CoverageRow, assemble, coverage_matrix

__all__ = [
    "CoverageRow",
    "SimilarityModel",
    "align_story",
    "canonical_order",
    "cluster_sentences",
    "coverage_matrix",
]

MATCH_SCORE = 60.0
"""Token-sort score at which two sentences match on score alone."""
BAND_SCORE = 50.0
"""Lowest token-sort score at which a match is possible, given evidence."""
EVIDENCE = 20.0
"""Idf-weighted cosine (0-100) of content words a match in the 50-60 band needs."""
SHARED_SCORE = 85.0
"""Score from which a counterpart counts as near-verbatim copy ('shared' rather than 'reworded')."""
MAX_EXEMPLARS = 6
"""Members of a cluster that new sentences are scored against (distinct versions, first come)."""
EXEMPLAR_NOVELTY = 95.0
"""A new member becomes an exemplar only if it scores below this against the cluster."""
POSTING_CAP = 48
"""A word indexed under more clusters than this tells nothing about any of them: skip it."""
CANDIDATES = 8
"""Clusters scored per sentence, the ones sharing the most rare-word weight."""
ALWAYS_INDEXED = 4
"""A sentence's rarest words are indexed even when common, so headlines made only of common
words ('Japan and US agree to expand cooperation') still find each other."""


@dataclass(slots=True)
class Features:
    """One sentence prepared for matching."""

    key: str
    """Normalised words, sorted and joined."""
    weights: dict[str, float]
    """Content word -> idf weight."""
    norm: float
    rarest: frozenset[str] = frozenset()
    """The ALWAYS_INDEXED content words with the highest idf."""


class SimilarityModel:
    """Scores sentence pairs of one story; idf comes from the story's own sentences."""

    def __init__(self, sentence_words: Sequence[Sequence[str]]) -> None:
        self.document_frequency: Counter[str] = Counter()
        for ws in sentence_words:
            self.document_frequency.update(set(ws))
        self.total = len(sentence_words)
        self._idf = {w: self.idf(w) for w in self.document_frequency}

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> SimilarityModel:
        return cls([words(t) for t in texts])

    def idf(self, word: str) -> float:
        return math.log((self.total + 1) / (self.document_frequency.get(word, 0) + 1)) + 1.0

    def features_of_words(self, sentence_words: Sequence[str]) -> Features:
        known = self._idf
        weights = {
            w: known[w] if w in known else self.idf(w) for w in sentence_words if w not in STOPWORDS
        }
        norm = math.sqrt(sum(v * v for v in weights.values()))
        rarest = sorted(weights, key=lambda w: (-weights[w], w))[:ALWAYS_INDEXED]
        return Features(" ".join(sorted(sentence_words)), weights, norm, frozenset(rarest))

    def features(self, text: str) -> Features:
        return self.features_of_words(words(text))

    @staticmethod
    def evidence(a: Features, b: Features) -> float:
        """Idf-weighted cosine of the two sentences' content words, 0-100."""
        if not a.norm or not b.norm:
            return 0.0
        small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
        shared = sum(v * v for w, v in small.weights.items() if w in large.weights)
        return 100.0 * shared / (a.norm * b.norm)

    @staticmethod
    def accepts(score: float, evidence: float) -> bool:
        """The match rule, measured on the labelled seed pairs."""
        return score >= MATCH_SCORE or (score >= BAND_SCORE and evidence >= EVIDENCE)

    def matches(self, a: str, b: str) -> bool:
        fa, fb = self.features(a), self.features(b)
        return self.accepts(fuzz.ratio(fa.key, fb.key), self.evidence(fa, fb))


@dataclass(slots=True)
class _Cluster:
    members: list[tuple[int, int]] = field(default_factory=list)
    """(article rank, sentence index), in the order they joined."""
    exemplars: list[Features] = field(default_factory=list)
    exemplar_keys: list[str] = field(default_factory=list)


class _ClusterIndex:
    """Clusters built so far, with an inverted index of their exemplars' rare words."""

    def __init__(self, common: frozenset[str]) -> None:
        self.clusters: list[_Cluster] = []
        self.exact: dict[str, int] = {}
        """Exemplar key -> first cluster holding it: verbatim copies skip the search."""
        self._postings: dict[str, list[int] | None] = {}
        self._common = common

    def add_exemplar(self, cluster_id: int, features: Features) -> None:
        self.clusters[cluster_id].exemplars.append(features)
        self.clusters[cluster_id].exemplar_keys.append(features.key)
        self.exact.setdefault(features.key, cluster_id)
        for word in features.weights:
            if word in self._common and word not in features.rarest:
                continue
            posting = self._postings.get(word, [])
            if posting is None:
                continue
            if not posting or posting[-1] != cluster_id:
                if len(posting) >= POSTING_CAP:
                    self._postings[word] = None
                    continue
                posting.append(cluster_id)
            self._postings[word] = posting

    def candidates(self, features: Features) -> list[int]:
        weight: dict[int, float] = {}
        for word, idf in features.weights.items():
            if word in self._common and word not in features.rarest:
                continue
            posting = self._postings.get(word)
            if posting:
                for cluster_id in posting:
                    weight[cluster_id] = weight.get(cluster_id, 0.0) + idf
        ranked = sorted([(-total, cluster_id) for cluster_id, total in weight.items()])
        return [cluster_id for _, cluster_id in ranked[:CANDIDATES]]

    def best_exemplar(self, cluster_id: int, features: Features) -> tuple[float, Features] | None:
        cluster = self.clusters[cluster_id]
        best = extractOne(
            features.key, cluster.exemplar_keys, scorer=ratio, score_cutoff=BAND_SCORE
        )
        if best is None:
            return None
        return best[1], cluster.exemplars[best[2]]

    def new_cluster(self, rank: int, index: int, features: Features) -> None:
        self.clusters.append(_Cluster())
        cluster_id = len(self.clusters) - 1
        self.join(cluster_id, rank, index)
        self.add_exemplar(cluster_id, features)

    def join(self, cluster_id: int, rank: int, index: int) -> None:
        self.clusters[cluster_id].members.append((rank, index))


def canonical_order(
    articles: Sequence[Article], sentence_words: Mapping[str, Sequence[Sequence[str]]]
) -> list[Article]:
    """The order alignment processes articles in: likeliest wire copy first, then by id.

    An article scores the number of other articles using each of its distinct content words:
    verbatim wire copy uses exactly the words every outlet shares, a rewrite its own. Clusters
    then grow around the wire text rather than around whichever article came first.
    """
    vocabulary = {
        article.id: {w for ws in sentence_words[article.id] for w in ws if w not in STOPWORDS}
        for article in articles
    }
    spread: Counter[str] = Counter()
    for distinct in vocabulary.values():
        spread.update(distinct)
    score = {a_id: sum(spread[w] - 1 for w in distinct) for a_id, distinct in vocabulary.items()}
    return sorted(articles, key=lambda a: (-score[a.id], a.id))


def cluster_sentences(
    ordered: Sequence[Article],
    model: SimilarityModel,
    sentence_words: Mapping[str, Sequence[Sequence[str]]],
) -> tuple[list[list[tuple[int, int]]], dict[tuple[int, int], Features]]:
    """Group the sentences of `ordered` articles into clusters of (article rank, index)."""
    common_limit = 2 * len(ordered) + 2
    common = frozenset(w for w, n in model.document_frequency.items() if n > common_limit)
    index = _ClusterIndex(common)
    features: dict[tuple[int, int], Features] = {}
    for rank, article in enumerate(ordered):
        prepared = [
            (s.index, model.features_of_words(ws))
            for s, ws in zip(article.sentences, sentence_words[article.id], strict=True)
        ]
        proposals: list[tuple[float, int, int, Features]] = []
        for sentence_index, feats in prepared:
            features[(rank, sentence_index)] = feats
            if feats.key in index.exact:
                proposals.append((100.0, sentence_index, index.exact[feats.key], feats))
                continue
            for cluster_id in index.candidates(feats):
                best = index.best_exemplar(cluster_id, feats)
                if best is None:
                    continue
                score, exemplar = best
                if score >= MATCH_SCORE or model.accepts(score, model.evidence(feats, exemplar)):
                    proposals.append((score, sentence_index, cluster_id, feats))
                if score >= EXEMPLAR_NOVELTY:
                    break  # a near-verbatim copy: no other cluster will do better
        proposals.sort(key=lambda p: (-p[0], p[1], p[2]))
        placed: set[int] = set()
        taken: set[int] = set()
        for score, sentence_index, cluster_id, feats in proposals:
            if sentence_index in placed or cluster_id in taken:
                continue
            placed.add(sentence_index)
            taken.add(cluster_id)
            index.join(cluster_id, rank, sentence_index)
            # Only members matched on score alone recruit further members: a band match (score
            # plus shared words) is too loose a link to chain from.
            if len(index.clusters[cluster_id].exemplars) < MAX_EXEMPLARS and (
                MATCH_SCORE <= score < EXEMPLAR_NOVELTY
            ):
                index.add_exemplar(cluster_id, feats)
        for sentence_index, feats in prepared:
            if sentence_index not in placed:
                index.new_cluster(rank, sentence_index, feats)
    return [c.members for c in index.clusters], features


def align_story(articles: Sequence[Article]) -> StoryAlignment:
    """Align a story's articles: clusters, statuses, missing content, drift, shares, origin.

    Deterministic and independent of the order of `articles`.
    """
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ValueError("align_story: two articles share one id")
    seen: dict[str, list[str]] = {}  # wire copy repeats sentences verbatim across outlets
    sentence_words = {
        a.id: [
            seen[s.text] if s.text in seen else seen.setdefault(s.text, words(s.text))
            for s in a.sentences
        ]
        for a in articles
    }
    ordered = canonical_order(articles, sentence_words)
    model = SimilarityModel([ws for a in ordered for ws in sentence_words[a.id]])
    clusters, features = cluster_sentences(ordered, model, sentence_words)
    keys = {ref: feats.key for ref, feats in features.items()}
    return assemble(ordered, clusters, keys, shared_score=SHARED_SCORE)
