"""The cluster index's candidate search: rarest words first, crowded postings skipped after them."""

from __future__ import annotations

from tui.core.align.cluster_index import ALWAYS_WALKED, CANDIDATES, CROWDED_POSTING, ClusterIndex
from tui.core.align.similarity import Features, SimilarityModel


def _features(*indexed: tuple[str, float]) -> Features:
    words = [word for word, _ in indexed]
    return Features(" ".join(sorted(words)), dict(indexed), 1.0, tuple(indexed))


def _index_with(clusters: list[Features]) -> ClusterIndex:
    index = ClusterIndex()
    for n, features in enumerate(clusters):
        index.new_cluster(n, 0, features)
    return index


def test_indexed_words_come_rarest_first() -> None:
    sentences = [["alpha", "beta", "gamma"], ["beta", "gamma"], ["gamma"], ["gamma", "delta"]]
    model = SimilarityModel(sentences)
    indexed = model.features_of_words(["gamma", "beta", "alpha"]).indexed
    assert [word for word, _ in indexed] == ["alpha", "beta", "gamma"]
    assert [idf for _, idf in indexed] == sorted((idf for _, idf in indexed), reverse=True)


def test_a_crowded_word_is_skipped_once_the_rarest_words_are_walked() -> None:
    # Cluster 0 shares the sentence's rare words; clusters 1.. share only the crowded word,
    # filed under more than CROWDED_POSTING clusters.
    rare = [(f"rare{n}", 9.0 - n) for n in range(ALWAYS_WALKED)]
    crowded = ("crowded", 2.0)
    clusters = [_features(*rare)] + [_features(crowded) for _ in range(CROWDED_POSTING + 1)]
    index = _index_with(clusters)
    assert index.candidates(_features(*rare, crowded)) == [0]


def test_a_crowded_word_is_walked_when_the_sentence_has_few_rare_words() -> None:
    rare = [(f"rare{n}", 9.0 - n) for n in range(ALWAYS_WALKED - 1)]
    crowded = ("crowded", 2.0)
    clusters = [_features(*rare)] + [_features(crowded) for _ in range(CROWDED_POSTING + 1)]
    index = _index_with(clusters)
    found = index.candidates(_features(*rare, crowded))
    assert found[0] == 0  # the most weight
    assert found[1:] == list(range(1, CANDIDATES))  # equal weights: lower ids first


def test_a_short_posting_is_walked_after_the_rarest_words() -> None:
    rare = [(f"rare{n}", 9.0 - n) for n in range(ALWAYS_WALKED)]
    late = ("late", 1.5)
    clusters = [_features(*rare), _features(late)]
    index = _index_with(clusters)
    assert index.candidates(_features(*rare, late)) == [0, 1]


def test_weights_are_reset_between_searches() -> None:
    words = [f"w{n}" for n in range(CANDIDATES + 1)]
    index = _index_with([_features((word, 1.0)) for word in words])
    last = words[-1]
    boosted = index.candidates(_features(*[(word, 5.0 if word == last else 1.0) for word in words]))
    assert boosted[0] == CANDIDATES
    # Equal weights now: the lowest ids, unless the last search's sums were left behind.
    assert index.candidates(_features(*[(word, 1.0) for word in words])) == list(range(CANDIDATES))
