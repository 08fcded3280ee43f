"""Alignment on the seeds: labelled-pair precision/recall, clusters, statuses, properties."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from align_data import make_article, seed_articles
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.align import cluster_index
from tui.core.align import engine as align
from tui.core.align.engine import SimilarityModel, align_story
from tui.core.models import Article, SentenceInfo, StoryAlignment

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

PC, TRT, CRBC, SADA, GROUND = "seed002", "seed003", "seed001", "seed004", "seed000"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    return seed_articles()


@pytest.fixture(scope="module")
def alignment(seeds: list[Article]) -> StoryAlignment:
    return align_story(seeds)


def info(alignment: StoryAlignment, article_id: str, start: str) -> SentenceInfo:
    """The sentence of an article that starts with `start`."""
    found = [i for i in alignment.sentences[article_id] if i.text.startswith(start)]
    assert len(found) == 1, (article_id, start, found)
    return found[0]


def labelled_pairs() -> list[dict[str, object]]:
    pairs: list[dict[str, object]] = json.loads(
        (FIXTURES / "pairs.json").read_text(encoding="utf-8")
    )["pairs"]
    return pairs


def precision_recall(predicted: list[bool], truth: list[bool]) -> tuple[float, float]:
    hits = sum(p and t for p, t in zip(predicted, truth, strict=True))
    return hits / max(1, sum(predicted)), hits / max(1, sum(truth))


def test_match_rule_on_labelled_pairs(
    seeds: list[Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """The measurement the thresholds come from; printed so `pytest -s` shows it."""
    model = SimilarityModel.from_texts([s.text for a in seeds for s in a.sentences])
    pairs = labelled_pairs()
    truth = [bool(p["same"]) for p in pairs]
    scored = []
    for pair in pairs:
        fa, fb = model.features(str(pair["a"])), model.features(str(pair["b"]))
        scored.append((align.ratio(fa.key, fb.key), model.evidence(fa, fb)))
    rule = [model.accepts(score, evidence) for score, evidence in scored]
    score_only = [score >= align.MATCH_SCORE for score, _ in scored]
    p_rule, r_rule = precision_recall(rule, truth)
    p_score, r_score = precision_recall(score_only, truth)
    with capsys.disabled():
        print(f"\n{sum(truth)} true / {len(truth) - sum(truth)} false labelled pairs")
        print(
            f"score >= {align.MATCH_SCORE:.0f} alone:  precision {p_score:.3f} recall {r_score:.3f}"
        )
        print(f"with the evidence band: precision {p_rule:.3f} recall {r_rule:.3f}")
    assert p_score == 1.0  # no unrelated pair reaches the plain threshold
    assert p_rule >= 0.95 and r_rule >= 0.95
    assert r_rule > r_score + 0.1  # the band earns its keep


def achievable(pairs: list[dict[str, object]]) -> list[dict[str, object]]:
    """Labelled pairs a one-sentence-per-article clustering can get right.

    A cluster takes one sentence per article, so a pair is left out when an article says the
    unit in two sentences (Ground News quotes the lede three times; CRBC splits one AFP sentence
    in two) or when one sentence merges two units.
    """
    labels = json.loads((FIXTURES / "pairs.json").read_text(encoding="utf-8"))["sentences"]
    per_article_unit = Counter(
        (label["article"], unit) for label in labels for unit in label["units"]
    )
    clear = {
        label["text"]
        for label in labels
        if len(label["units"]) == 1 and per_article_unit[(label["article"], label["units"][0])] == 1
    }
    return [p for p in pairs if not p["same"] or (p["a"] in clear and p["b"] in clear)]


def test_clusters_agree_with_labelled_pairs(
    alignment: StoryAlignment, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pairwise precision/recall of the clustering itself, for labelled pairs found in the seeds."""
    cluster_of: dict[str, set[int]] = {}
    for infos in alignment.sentences.values():
        for item in infos:
            cluster_of.setdefault(item.text, set()).add(item.cluster)
    found = [p for p in labelled_pairs() if p["a"] in cluster_of and p["b"] in cluster_of]
    results = {}
    for name, pairs in (("all", found), ("achievable", achievable(found))):
        truth = [bool(p["same"]) for p in pairs]
        together = [bool(cluster_of[str(p["a"])] & cluster_of[str(p["b"])]) for p in pairs]
        results[name] = precision_recall(together, truth)
        with capsys.disabled():
            print(
                f"\nclusters vs {sum(truth)} true / {len(truth) - sum(truth)} false labelled "
                f"pairs ({name}): precision {results[name][0]:.3f} recall {results[name][1]:.3f}"
            )
    assert results["all"][0] >= 0.97
    assert results["achievable"][1] >= 0.95


@pytest.mark.parametrize(
    ("a", "start_a", "b", "start_b"),
    [
        # verbatim wire copy
        (PC, "Their meeting was preceded", TRT, "Their meeting was preceded"),
        # light edit: 'agreed Friday' / 'have agreed'
        (PC, "Tokyo and Washington agreed Friday", TRT, "Tokyo and Washington have agreed"),
        # rewrites
        (PC, "Tokyo and Washington agreed Friday", CRBC, "Tokyo and Washington agreed on Friday"),
        (PC, "Their meeting was preceded", CRBC, "The ministers also began the day"),
        (PC, "Tokyo has also been steadily", CRBC, "Tokyo has been steadily"),
        # translated copy with misspelled names
        (PC, "The agreement came after", SADA, "This agreement comes after"),
        (PC, "Japan is embroiled", SADA, "Relations between Tokyo and Beijing"),
        (PC, "Okinawa, home to", SADA, "Okinawa, which hosts"),
        # CRBC merges two wire sentences; the drills quote is the closer match (69 vs 57)
        (PC, "The allies also agreed", CRBC, "They committed to advance joint production"),
        (PC, "They agreed to further advance", SADA, "They agreed to continue developing"),
        # a bullet summing up three statements joins its main clause's fact (the gold puts it
        # with the budget, soft-linked to the other two)
        (GROUND, "Amid rising tensions with China", PC, "Tokyo has also been steadily"),
        # headlines of one story join each other, in other words too
        (GROUND, "Koizumi, Hegseth Agree to Increase", SADA, "Tokyo and Washington Agree to"),
        (CRBC, "Japan and U.S. Deepen Missile", TRT, "Japan and US expand cooperation"),
        # an aggregator repeating the lede in other outlets' words: two sentences, one fact
        (GROUND, "Tokyo and Washington agreed on Friday", PC, "Tokyo and Washington agreed Friday"),
        (GROUND, "Tokyo and Washington agreed Friday", PC, "Tokyo and Washington agreed Friday"),
    ],
)
def test_same_content_shares_a_cluster(
    alignment: StoryAlignment, a: str, start_a: str, b: str, start_b: str
) -> None:
    assert info(alignment, a, start_a).cluster == info(alignment, b, start_b).cluster


@pytest.mark.parametrize(
    ("a", "start_a", "b", "start_b"),
    [
        # many words in common, different statements
        (PC, "Tokyo and Washington agreed Friday", SADA, "Okinawa, which hosts"),
        (PC, "Tokyo and Washington agreed Friday", PC, "They agreed to further advance"),
        (PC, "Tokyo has also been steadily", CRBC, "Tokyo and Washington agreed on Friday"),
        (PC, "The agreement came after", GROUND, "WASHINGTON — Defense Minister"),
        (CRBC, "Officials said the steps", PC, "The allies also agreed"),
        # summaries that lost the lede cluster to their article's own lede copy must not fall
        # into a neighbouring statement's cluster on a band match or through a merged member
        (GROUND, "On Friday, Tokyo and Washington", PC, "The allies also agreed"),
        (GROUND, "On Friday, Tokyo and Washington", PC, "Tokyo and Washington agreed Friday"),
        (CRBC, "Japan and the United States have agreed", PC, "They agreed to further advance"),
        (CRBC, "Japan and the United States have agreed", PC, "The allies also agreed"),
        # a bullet summing up three statements stays out of the secondary ones
        (GROUND, "Amid rising tensions with China", PC, "Japan is embroiled"),
    ],
)
def test_unrelated_sentences_stay_apart(
    alignment: StoryAlignment, a: str, start_a: str, b: str, start_b: str
) -> None:
    assert info(alignment, a, start_a).cluster != info(alignment, b, start_b).cluster


def test_a_displaced_summary_joins_only_on_a_plain_match(alignment: StoryAlignment) -> None:
    """Ground News quotes the lede four times; one copy takes the lede cluster. The bullet
    'On Friday, Tokyo and Washington agreed to boost joint production of air-to-air missiles...'
    may then stay alone, or join the joint-production cluster, whose founder it matches on
    score alone; never the drills cluster it reaches only through CRBC's merged sentence."""
    bullet = info(alignment, GROUND, "On Friday, Tokyo and Washington")
    joint = info(alignment, PC, "They agreed to further advance")
    assert bullet.status == "unique" or bullet.cluster == joint.cluster
    assert info(alignment, GROUND, "Tokyo and Washington agreed Friday").cluster == (
        info(alignment, PC, "Tokyo and Washington agreed Friday").cluster
    )


def partition_by_text(result: StoryAlignment) -> set[frozenset[tuple[str, str]]]:
    texts = {
        (i.ref.article_id, i.ref.index): i.text
        for infos in result.sentences.values()
        for i in infos
    }
    return {
        frozenset((m.article_id, texts[(m.article_id, m.index)]) for m in c.members + c.repeats)
        for c in result.clusters
    }


def test_sentence_order_inside_an_article_does_not_matter(
    seeds: list[Article], alignment: StoryAlignment
) -> None:
    """When sentences of one article compete for a cluster the better match wins, wherever
    they stand: reversing every article's sentences gives the same clusters."""
    reversed_articles = [
        make_article(a.id, a.outlet, [s.text for s in reversed(a.sentences)]) for a in seeds
    ]
    assert partition_by_text(align_story(reversed_articles)) == partition_by_text(alignment)


def assert_partition(articles: list[Article], alignment: StoryAlignment) -> None:
    """Every sentence in exactly one cluster (as a member or a repeat); at most one member per
    article in a cluster, its other sentences of the fact being repeats of its own article's."""
    memberships = Counter(
        (m.article_id, m.index) for c in alignment.clusters for m in c.members + c.repeats
    )
    expected = {(a.id, s.index) for a in articles for s in a.sentences}
    assert set(memberships) == expected
    assert all(count == 1 for count in memberships.values())
    for cluster in alignment.clusters:
        owners = [m.article_id for m in cluster.members]
        assert len(owners) == len(set(owners))
        assert {r.article_id for r in cluster.repeats} <= set(owners)
    assert [c.id for c in alignment.clusters] == list(range(len(alignment.clusters)))
    for article in articles:
        infos = alignment.sentences[article.id]
        assert [i.ref.index for i in infos] == [s.index for s in article.sentences]


def test_seed_alignment_is_a_partition(seeds: list[Article], alignment: StoryAlignment) -> None:
    assert_partition(seeds, alignment)


def test_origin_is_an_afp_copy(alignment: StoryAlignment) -> None:
    assert alignment.origin in (PC, TRT)
    assert alignment.article_ids[0] == alignment.origin


def test_statuses_outlets_and_counterparts(alignment: StoryAlignment) -> None:
    copied = info(alignment, PC, "Their meeting was preceded")
    assert copied.status == "shared"
    assert copied.outlets == ("CRBC News", "TRT World")
    assert [c.outlet for c in copied.counterparts] == ["TRT World", "CRBC News"]
    assert copied.counterparts[0].score == 100.0
    assert copied.counterparts[1].score < align.SHARED_SCORE
    assert info(alignment, CRBC, "The ministers also began the day").status == "reworded"
    assert info(alignment, SADA, "This agreement comes after").status == "reworded"
    own = info(alignment, CRBC, "Officials said the steps")
    assert (own.status, own.outlets, own.counterparts) == ("unique", (), ())


def test_sadanews_misses_the_end_of_the_wire_story(alignment: StoryAlignment) -> None:
    missing = alignment.missing[SADA]
    texts = [item.text for item in missing]
    for start in (
        "Tokyo has also been steadily",
        "At the top of his meeting",
        "Their meeting was preceded",
        '"The American military-style training',
        '"But I did my best',
    ):
        assert any(t.startswith(start) for t in texts), start
    counts = [len(item.outlets) for item in missing]
    assert counts == sorted(counts, reverse=True)
    for first, second in zip(missing, missing[1:], strict=False):
        if len(first.outlets) == len(second.outlets):
            assert first.cluster < second.cluster
    assert all("SadaNews" not in item.outlets for item in missing)


def test_clusters_follow_the_origin_story_order(alignment: StoryAlignment) -> None:
    origin = alignment.origin
    assert origin is not None
    positions = [
        next(m.index for m in c.members if m.article_id == origin)
        for c in alignment.clusters
        if any(m.article_id == origin for m in c.members)
    ]
    assert positions == sorted(positions)


def test_duplicate_ids_are_refused(seeds: list[Article]) -> None:
    with pytest.raises(ValueError, match="share one id"):
        align_story([seeds[0], seeds[0]])


def test_empty_and_single_article_stories() -> None:
    empty = align_story([])
    assert (empty.clusters, empty.origin, empty.article_ids) == ((), None, ())
    alone = make_article("one", "Solo", ["First sentence here.", "Second one here."])
    single = align_story([alone])
    assert single.origin is None
    assert [i.status for i in single.sentences["one"]] == ["unique", "unique"]
    assert single.missing == {"one": ()}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_article_order_does_not_matter(
    seeds: list[Article], alignment: StoryAlignment, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(seeds))
    assert align_story(shuffled) == alignment


POOL = [s.text for a in seed_articles() for s in a.sentences][:60] + [
    "Markets closed higher on Friday.",
    "The weather stays mild.",
    "Markets closed higher Friday.",
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(POOL), max_size=8), min_size=1, max_size=5), st.data())
def test_any_story_is_partitioned_the_same_way_in_any_order(
    texts: list[list[str]], data: st.DataObject
) -> None:
    articles = [make_article(f"a{n}", f"Outlet {n % 3}", t) for n, t in enumerate(texts)]
    result = align_story(articles)
    assert_partition(articles, result)
    assert align_story(data.draw(st.permutations(articles))) == result


def test_scoring_work_grows_much_slower_than_all_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocking: clusters scored per sentence stay bounded as outlets multiply."""
    from synth import make_story

    calls = Counter[str]()
    original = cluster_index.ClusterIndex.best_exemplars

    def counted(self: cluster_index.ClusterIndex, cluster_ids, features):  # type: ignore[no-untyped-def]
        calls["n"] += len(cluster_ids)
        return original(self, cluster_ids, features)

    monkeypatch.setattr(cluster_index.ClusterIndex, "best_exemplars", counted)
    work = {}
    for outlets in (10, 40):
        calls.clear()
        align_story(make_story(outlets))
        work[outlets] = calls["n"]
    # 4x the sentences: all pairs would be 16x the work; blocking keeps it near 4x.
    assert work[40] < 6 * work[10]
