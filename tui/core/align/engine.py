"""Sentence alignment: which sentences of a story's articles say the same thing.

Every sentence of every article lands in exactly one cluster; a cluster holds at most one sentence
per article. Whether two sentences match is `core.align.similarity`'s rule.

Articles are processed one by one in a canonical order (likeliest wire copy first, then id), so
the result never depends on the order they are given in. Each article's sentences are matched
against the clusters built so far: candidates come from an inverted index of rare words (common
words and words spread over many clusters are skipped), and each candidate is scored against a
few exemplar members (`core.align.cluster_index`). Then every (sentence, cluster) edge of the
article is taken greedily by descending score, one sentence per cluster (`_assign`), so the result
does not depend on the order of sentences either. Work per sentence is bounded by the index, so
cost grows roughly linearly with the number of sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain

from rapidfuzz.fuzz import ratio

from tui.core.align.cluster_index import ClusterIndex
from tui.core.align.facts import is_headline, join_facts
from tui.core.align.overview import CoverageRow, assemble, coverage_matrix
from tui.core.align.similarity import (
    BAND_SCORE,
    MATCH_SCORE,
    SHARED_SCORE,
    Features,
    SimilarityModel,
)
from tui.core.models import Article, StoryAlignment
from tui.core.text.normalize import STOPWORDS
from tui.core.text.readings import matching_words

__all__ = [
    "BAND_SCORE",
    "MATCH_SCORE",
    "SHARED_SCORE",
    "CoverageRow",
    "Features",
    "SimilarityModel",
    "align_story",
    "canonical_order",
    "cluster_sentences",
    "coverage_matrix",
]

MAX_EXEMPLARS = 4
"""Members of a cluster that new sentences are scored against (distinct versions, first come):
enough versions to recognise a copy desk's edits, few enough to keep scoring cheap
(bench/README.md)."""
EXEMPLAR_NOVELTY = 95.0
"""A new member becomes an exemplar only if it scores below this against the cluster."""
AMBIGUOUS_MARGIN = 3.0
HEADLINE_AS_TEXT = 75.0
"""A headline joins a body sentence only when the body restates it closely (a deck): a lede
states more than its headline, and titles are aligned with titles."""
"""A band match must beat the sentence's next-best cluster by this many points: a sentence
summing up several statements scores about the same against each, and belongs to none."""


def canonical_order(
    articles: Sequence[Article], sentence_words: Mapping[str, Sequence[Sequence[str]]]
) -> list[Article]:
    """The order alignment processes articles in: likeliest wire copy first, then by content.

    An article scores the number of other articles using each of its distinct content words:
    verbatim wire copy uses exactly the words every outlet shares, a rewrite its own. Clusters
    then grow around the wire text rather than around whichever article came first.
    """
    vocabulary = {
        article.id: set(chain.from_iterable(sentence_words[article.id])) - STOPWORDS
        for article in articles
    }
    spread: Counter[str] = Counter()
    for distinct in vocabulary.values():
        spread.update(distinct)
    score = {
        a_id: sum(map(spread.__getitem__, distinct)) - len(distinct)
        for a_id, distinct in vocabulary.items()
    }
    # Ties are broken by what the articles say and who says it, never by their ids: ids are
    # made at import, and one story must align the same in every library.
    return sorted(articles, key=lambda a: (-score[a.id], a.outlet, a.title, a.text, a.id))


def _edges(
    index: ClusterIndex, model: SimilarityModel, features: Features
) -> list[tuple[float, int]]:
    """(score, cluster) of every cluster the sentence may join, by the match rule.

    A sentence whose best match is in the band, with a second cluster nearly as good, joins
    neither: shared words back a band match only when they point at one statement, and a
    sentence close to two usually sums both up (a summary bullet).
    """
    if features.key in index.exact:
        return [(100.0, index.exact[features.key])]
    candidates = index.candidates(features)
    # The cluster sharing the most rare words first: a near-verbatim copy of it (most of what
    # wire stories are made of) will do no better elsewhere, which spares scoring the rest.
    scored = index.best_exemplars(candidates[:1], features)
    if not scored or scored[0][0] < EXEMPLAR_NOVELTY:
        scored += index.best_exemplars(candidates[1:], features)
    found = [
        (score, cluster_id)
        for score, cluster_id, exemplar in scored
        if (
            score >= MATCH_SCORE
            and (features.headline == exemplar.headline or score >= HEADLINE_AS_TEXT)
        )
        or (
            features.headline == exemplar.headline
            and model.accepts(score, model.evidence(features, exemplar))
        )
    ]
    if len(found) > 1:
        found.sort(key=lambda edge: (-edge[0], edge[1]))
        if found[0][0] < MATCH_SCORE and found[1][0] > found[0][0] - AMBIGUOUS_MARGIN:
            return []
    return found


def _assign(
    index: ClusterIndex,
    prepared: Sequence[tuple[int, Features]],
    edges: Sequence[list[tuple[float, int]]],
) -> dict[int, tuple[int, float, bool]]:
    """Sentence index -> (cluster, score, displaced) for one article's sentences.

    All (sentence, cluster) edges are taken greedily by descending score, one sentence per
    cluster, so when two sentences of the article want one cluster the better match wins,
    whatever their order. A sentence whose better clusters went to its siblings is displaced:
    it may still join a cluster, but only if it matches that cluster's founder on score alone
    (a band match, or a match through another member, is too loose a link for a sentence that
    belongs elsewhere; a summary that merges two statements would otherwise drift into the
    cluster of one of them).
    """
    ranked = sorted(
        [
            (-score, at, cluster_id)
            for at, sentence_edges in enumerate(edges)
            for score, cluster_id in sentence_edges
        ]
    )
    # The best (score, cluster) edge holds the best score: one C-level max per sentence.
    best = {at: max(sentence_edges)[0] for at, sentence_edges in enumerate(edges) if sentence_edges}
    placed: dict[int, tuple[int, float, bool]] = {}
    taken: set[int] = set()
    for negative, at, cluster_id in ranked:
        score = -negative
        if at in placed or cluster_id in taken:
            continue
        displaced = score < best[at]
        if displaced and ratio(prepared[at][1].key, index.founder_key(cluster_id)) < MATCH_SCORE:
            continue
        placed[at] = (cluster_id, score, displaced)
        taken.add(cluster_id)
    return {prepared[at][0]: found for at, found in placed.items()}


def _features(model: SimilarityModel, text: str, sentence_words: Sequence[str]) -> Features:
    """A sentence prepared for matching, marked when it is a headline: a band match (a score
    that needs shared rare words to back it) never joins a headline to a body sentence, which
    states more than the headline does."""
    features = model.features_of_words(sentence_words)
    features.headline = is_headline(text)
    return features


def cluster_sentences(
    ordered: Sequence[Article],
    model: SimilarityModel,
    sentence_words: Mapping[str, Sequence[Sequence[str]]],
) -> tuple[list[list[tuple[int, int]]], dict[tuple[int, int], str]]:
    """Group the sentences of `ordered` articles into clusters of (article rank, index).

    Also returns each sentence's matching key (sorted normalised words).
    """
    index = ClusterIndex()
    keys: dict[tuple[int, int], str] = {}
    known: dict[str, Features] = {}  # per distinct text: wire copy repeats sentences verbatim
    for rank, article in enumerate(ordered):
        prepared = [
            (
                s.index,
                known[s.text]
                if s.text in known
                else known.setdefault(s.text, _features(model, s.text, ws)),
            )
            for s, ws in zip(article.sentences, sentence_words[article.id], strict=True)
        ]
        edges = [_edges(index, model, feats) for _, feats in prepared]
        placed = _assign(index, prepared, edges)
        for sentence_index, feats in prepared:
            keys[(rank, sentence_index)] = feats.key
            if sentence_index not in placed:
                index.new_cluster(rank, sentence_index, feats)
                continue
            cluster_id, score, displaced = placed[sentence_index]
            index.join(cluster_id, rank, sentence_index)
            # Only members matched on score alone, in their own best cluster, recruit further
            # members: a band match or a displaced sentence is too loose a link to chain from.
            if (
                not displaced
                and MATCH_SCORE <= score < EXEMPLAR_NOVELTY
                and len(index.clusters[cluster_id].exemplars) < MAX_EXEMPLARS
            ):
                index.add_exemplar(cluster_id, feats)
    return [c.members for c in index.clusters], keys


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
            seen[s.text] if s.text in seen else seen.setdefault(s.text, matching_words(s.text))
            for s in a.sentences
        ]
        for a in articles
    }
    ordered = canonical_order(articles, sentence_words)
    model = SimilarityModel(
        [ws for a in ordered for ws in sentence_words[a.id]], common_above=2 * len(ordered) + 2
    )
    copies, keys = cluster_sentences(ordered, model, sentence_words)
    clusters, secondary = join_facts(ordered, copies, sentence_words)
    return assemble(ordered, clusters, keys, shared_score=SHARED_SCORE, secondary=secondary)
