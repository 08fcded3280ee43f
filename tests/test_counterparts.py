"""Counterparts scored per cluster and built on first read must equal the eager, per-member way.

The reference below is the straightforward algorithm alignment used before scores were shared per
cluster: for each member, a dict of other article -> (score, sentence index), filled reference by
reference with each reference's later members best first, summed in that order, ranked by score
then article position. The shared rows must give the same counterparts, ties and order included,
the same best score, and the very same float sums (the likely origin is ranked on them).
"""

from __future__ import annotations

import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio

from tui.core.align.counterparts import (
    FULL_PAIRS_LIMIT,
    REFERENCE_MEMBERS,
    ArticleTable,
    ClusterScores,
    Counterparts,
    MemberCounterparts,
    score_cluster,
)
from tui.core.models import Counterpart
from tui.core.align.overview import _counterpart_scores, _coverage, _likely_origin

Member = tuple[int, int]


def eager_found(members: list[Member], keys: dict[Member, str]) -> dict[Member, dict[int, tuple]]:
    """Per member: other article rank -> (score, sentence index), in the order first found."""
    full = len(members) <= FULL_PAIRS_LIMIT
    references = members if full else members[:REFERENCE_MEMBERS]
    found: dict[Member, dict[int, tuple]] = {member: {} for member in members}
    for n, (rank, index) in enumerate(references):
        later = members[n + 1 :]
        values = [ratio(keys[(rank, index)], keys[member]) for member in later]
        for at in sorted(range(len(later)), key=values.__getitem__, reverse=True):
            found[later[at]][rank] = (values[at], index)
            found[(rank, index)][later[at][0]] = (values[at], later[at][1])
    return found


def eager_counterparts(found: dict[int, tuple], table: ArticleTable) -> tuple[Counterpart, ...]:
    ranked = sorted(found.items(), key=lambda f: (-f[1][0], table.position[f[0]]))
    return tuple(
        Counterpart(table.ids[rank], table.outlets[rank], index, score)
        for rank, (score, index) in ranked
    )


def check_cluster(members: list[Member], keys: dict[Member, str], articles: int) -> None:
    position = list(range(articles))
    random.Random(len(members)).shuffle(position)
    table = ArticleTable(
        tuple(f"a{r}" for r in range(articles)),
        tuple(f"Outlet {r % 7}" for r in range(articles)),
        tuple(position),
    )
    scored = score_cluster(members, keys)
    cluster = ClusterScores(
        tuple(r for r, _ in members), tuple(i for _, i in members), scored.rows, table
    )
    for n, found in enumerate(eager_found(members, keys).values()):
        lazy = Counterparts(MemberCounterparts(cluster, n))
        assert lazy == eager_counterparts(found, table)
        assert scored.best[n] == max(score for score, _ in found.values())
        exact = sum(score for score, _ in found.values())
        assert scored.total[n] == pytest.approx(exact, rel=1e-12)
        # The very same float: the same additions in the same order.
        assert scored.exact_total(n) == exact


WORDS = ["alpha", "beta", "gamma", "delta", "wire", "copy", "desk"]


@given(
    size=st.integers(min_value=2, max_value=FULL_PAIRS_LIMIT + 12),
    seed=st.integers(min_value=0, max_value=10_000),
)
@settings(max_examples=60, deadline=None)
def test_shared_rows_give_what_the_eager_way_gives(size: int, seed: int) -> None:
    """Random clusters, small and past FULL_PAIRS_LIMIT, from few words: many verbatim copies,
    many equal scores between different keys (ties broken by article position)."""
    rng = random.Random(seed)
    articles = size + rng.randrange(4)
    ranks = rng.sample(range(articles), size)
    members = [(rank, rng.randrange(5)) for rank in ranks]
    keys = {m: " ".join(sorted(rng.sample(WORDS, rng.randrange(1, 4)))) for m in members}
    check_cluster(members, keys, articles)


def test_ties_follow_article_position() -> None:
    """Three keys one edit from the key of member 0 score alike: their order is article order."""
    keys = {(0, 0): "abc", (1, 3): "abd", (2, 1): "abe", (3, 2): "abf", (4, 0): "abc"}
    members = list(keys)
    check_cluster(members, keys, 5)
    scored = score_cluster(members, keys)
    table = ArticleTable(("w", "x", "y", "z", "v"), ("W", "X", "Y", "Z", "V"), (4, 2, 0, 1, 3))
    cluster = ClusterScores((0, 1, 2, 3, 4), (0, 3, 1, 2, 0), scored.rows, table)
    first = tuple(MemberCounterparts(cluster, 0)())
    assert [c.article_id for c in first] == ["v", "y", "z", "x"]
    assert first[0].score == 100.0 and len({c.score for c in first[1:]}) == 1


def test_counterpart_scores_equal_fuzz_ratio_of_each_pair() -> None:
    """Scores are computed once per distinct pair of keys in a cluster and shared by members
    with equal keys (verbatim copies): each must be the pair's own fuzz.ratio, and each member
    must see every other member of a small cluster once."""
    keys = {(0, 0): "a b c", (1, 0): "a b c", (2, 0): "a b d", (3, 0): "x y z", (4, 0): "a b c"}
    members = list(keys)
    (scored,) = _counterpart_scores([members], keys)
    assert scored is not None
    for n, member in enumerate(members):
        for m, other in enumerate(members):
            assert scored.rows[n][m] == ratio(keys[member], keys[other])
    table = ArticleTable(tuple("abcde"), tuple("ABCDE"), (0, 1, 2, 3, 4))
    cluster = ClusterScores((0, 1, 2, 3, 4), (0, 0, 0, 0, 0), scored.rows, table)
    for n in range(len(members)):
        made = MemberCounterparts(cluster, n)()
        assert sorted(c.article_id for c in made) == sorted(set("abcde") - {"abcde"[n]})


def test_a_cluster_of_two_sentences_of_one_article_is_refused() -> None:
    keys = {(0, 0): "a", (0, 1): "a", (1, 0): "b"}
    with pytest.raises(ValueError, match="two sentences of one article"):
        _counterpart_scores([list(keys)], keys)


def test_unbuilt_counterparts_pickle_as_their_scores_and_build_equal() -> None:
    keys = {(r, 0): "a b c" if r % 2 else "a b d" for r in range(FULL_PAIRS_LIMIT + 3)}
    members = list(keys)
    scored = score_cluster(members, keys)
    table = ArticleTable(
        tuple(f"a{r}" for r in range(len(members))),
        tuple(f"O{r}" for r in range(len(members))),
        tuple(range(len(members))),
    )
    cluster = ClusterScores(tuple(range(len(members))), (0,) * len(members), scored.rows, table)
    lazy = [Counterparts(MemberCounterparts(cluster, n)) for n in range(len(members))]
    again = pickle.loads(pickle.dumps(lazy))
    assert all(c._items is None for c in again + lazy)
    assert [tuple(c) for c in again] == [tuple(c) for c in lazy]
    # Past the reference members, a member's counterparts are the references.
    assert len(lazy[-1]) == REFERENCE_MEMBERS and len(lazy[0]) == len(members) - 1


@given(seed=st.integers(min_value=0, max_value=10_000))
@settings(max_examples=40, deadline=None)
def test_the_likely_origin_is_the_one_exact_sums_rank_first(seed: int) -> None:
    """Coverage is summed in the cheapest order; the origin must still be the article that
    exact sums, rounded to 6 places, rank first, ties to the first article. Stories made of
    few words hold many verbatim copies, so many articles tie at the top."""
    rng = random.Random(seed)
    articles = rng.randrange(2, 9)
    clusters: list[list[Member]] = []
    keys: dict[Member, str] = {}
    for index in range(rng.randrange(1, 12)):
        ranks = sorted(rng.sample(range(articles), rng.randrange(1, articles + 1)))
        words = rng.sample(WORDS, 3)
        members = [(rank, index) for rank in ranks]
        for member in members:
            keys[member] = " ".join(sorted(words[: rng.choice((3, 3, 2))]))
        clusters.append(members)
    coverage = [0.0] * articles
    for members in clusters:
        for (rank, _), found in eager_found(members, keys).items():
            coverage[rank] += sum(score for score, _ in found.values()) / 100.0
    ranking = sorted(range(articles), key=lambda rank: (-round(coverage[rank], 6), rank))
    expected = ranking[0] if coverage[ranking[0]] > 0 else None
    scored = _counterpart_scores(clusters, keys)
    assert _likely_origin(_coverage([None] * articles, clusters, scored), clusters, scored) == (
        expected
    )
