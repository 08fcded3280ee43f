"""Overview: pair shares, outlet shares, origin, story order, missing items and coverage matrix."""

from __future__ import annotations

import pytest
from align_data import make_article, seed_articles

from tui.core.align.engine import align_story, coverage_matrix
from tui.core.models import (
    Cluster,
    MissingItem,
    PairShare,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)

WIRE = [
    "Tokyo and Washington agreed Friday to boost joint production of defence equipment.",
    "The agreement came after Koizumi met Pentagon chief Pete Hegseth in Washington.",
    "Okinawa hosts the vast majority of American military bases in Japan.",
    "Their meeting was preceded by a joint morning workout session at a military gym.",
]


@pytest.fixture(scope="module")
def seeds() -> StoryAlignment:
    return align_story(seed_articles())


def small_story() -> StoryAlignment:
    return align_story(
        [
            make_article("wire", "Wire", WIRE),
            make_article(
                "copy",
                "Copy",
                [WIRE[0], WIRE[1], "A sentence only the copy has, about trade talks."],
            ),
            make_article("brief", "Brief", [WIRE[2], WIRE[0]]),
        ]
    )


def test_pair_shares_count_sentences_the_other_carries() -> None:
    story = small_story()
    share = {(p.a, p.b): (p.shared, p.share) for p in story.pairs}
    assert share[("copy", "wire")] == (2, 2 / 3)
    assert share[("wire", "copy")] == (2, 2 / 4)
    assert share[("brief", "copy")] == (1, 1 / 2)
    assert len(story.pairs) == 3 * 2


def test_outlet_shares_and_origin() -> None:
    story = small_story()
    assert story.origin == "wire"
    assert story.article_ids[0] == "wire"
    shares = {s.article_id: s for s in story.shares}
    copy = shares["copy"]
    assert (copy.sentences, copy.shared, copy.reworded, copy.unique) == (3, 2, 0, 1)
    assert copy.wire_share == pytest.approx(2 / 3)
    assert copy.unique_share == pytest.approx(1 / 3)


def test_missing_needs_two_other_outlets_in_a_bigger_story() -> None:
    story = small_story()
    missing = {k: [m.text for m in v] for k, v in story.missing.items()}
    assert missing["brief"] == [WIRE[1]]  # WIRE[3]: only one other outlet has it
    assert missing["copy"] == [WIRE[2]]
    assert missing["wire"] == []  # the copy's own sentence is its addition, not a gap


def test_missing_in_a_two_article_story_is_what_the_other_has() -> None:
    story = align_story(
        [make_article("wire", "Wire", WIRE), make_article("brief", "Brief", WIRE[:2])]
    )
    assert [m.text for m in story.missing["brief"]] == WIRE[2:]
    assert story.missing["brief"][0].example.article_id == "wire"


def test_story_order_follows_the_origin_and_slots_others_in() -> None:
    story = small_story()
    texts = [c.text for c in story.clusters]
    assert texts[:4] == WIRE[:2] + ["A sentence only the copy has, about trade talks."] + WIRE[2:3]


def test_coverage_matrix_rows_and_cells(seeds: StoryAlignment) -> None:
    rows = coverage_matrix(seeds)
    assert [r.cluster for r in rows] == [c.id for c in seeds.clusters]
    column = {article_id: n for n, article_id in enumerate(seeds.article_ids)}
    for row, cluster in zip(rows, seeds.clusters, strict=True):
        carried = {m.article_id for m in cluster.members}
        for article_id, n in column.items():
            assert (row.cells[n] is not None) == (article_id in carried)
    origin_column = column[seeds.origin or ""]
    statuses = {row.cells[origin_column] for row in rows} - {None}
    assert statuses <= {"shared", "reworded", "unique"}


def test_large_stories_keep_pairs_with_the_origin_only() -> None:
    from tui.core.align import overview

    articles = [
        make_article(f"a{n:03d}", f"Outlet {n}", WIRE) for n in range(overview.PAIRS_LIMIT + 2)
    ]
    story = align_story(articles)
    assert story.extra["pairs_limited"] is True
    assert all(story.origin in (p.a, p.b) for p in story.pairs)
    assert len(story.pairs) == 2 * (len(articles) - 1)
    assert all(info.status == "shared" for infos in story.sentences.values() for info in infos)


def test_counterparts_are_built_on_first_read_and_act_like_a_tuple() -> None:
    """Counterparts are computed lazily, once, and compare, hash, slice, print and pickle as
    the tuple they stand for."""
    import pickle

    from tui.core.align.counterparts import Counterparts
    from tui.core.models import Counterpart

    calls = []
    items = (Counterpart("b", "B", 2, 91.0), Counterpart("c", "C", 0, 70.0))

    def make() -> tuple[Counterpart, ...]:
        calls.append(1)
        return items

    lazy = Counterparts(make)
    assert calls == []
    assert lazy == items and items == lazy and lazy == Counterparts(lambda: items)
    assert lazy != items[:1] and lazy != list(items)
    assert calls == [1]
    assert (len(lazy), lazy[0], lazy[-1], lazy[:1], list(lazy)) == (
        2,
        items[0],
        items[1],
        items[:1],
        list(items),
    )
    assert hash(lazy) == hash(items) and repr(lazy) == repr(items) and items[1] in lazy
    assert pickle.loads(pickle.dumps(lazy)) == items
    assert calls == [1]
    assert Counterparts(lambda: ()) == () and not Counterparts(lambda: ())


def test_every_sentence_has_its_counterparts(seeds: StoryAlignment) -> None:
    """Each counterpart names a sentence of another article in the same cluster, best first."""
    cluster_of = {
        (i.ref.article_id, i.ref.index): i.cluster
        for infos in seeds.sentences.values()
        for i in infos
    }
    for article_id, infos in seeds.sentences.items():
        for item in infos:
            found = list(item.counterparts)
            assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
            for counterpart in found:
                assert counterpart.article_id != article_id
                assert cluster_of[(counterpart.article_id, counterpart.index)] == item.cluster
            assert bool(found) == (item.status != "unique")


def test_records_are_the_named_tuples_their_constructors_make(seeds: StoryAlignment) -> None:
    """Sentence infos, refs, pair shares, clusters and missing items are built from their fields
    in order (tuple.__new__): each must equal, field by field, what its class's own constructor
    makes."""
    infos = [info for article_infos in seeds.sentences.values() for info in article_infos]
    for info in infos:
        assert type(info) is SentenceInfo and type(info.ref) is SentenceRef
        assert info == SentenceInfo(**info._asdict())
        assert info.ref == SentenceRef(**info.ref._asdict())
    for pair in seeds.pairs:
        assert type(pair) is PairShare and pair == PairShare(**pair._asdict())
    for cluster in seeds.clusters:
        assert type(cluster) is Cluster and cluster == Cluster(**cluster._asdict())
    items = [item for article_items in seeds.missing.values() for item in article_items]
    assert items
    for item in items:
        assert type(item) is MissingItem and item == MissingItem(**item._asdict())


def test_the_other_outlets_leave_out_the_own_one_unless_it_carries_the_cluster_twice() -> None:
    from tui.core.align.overview import _others

    outlets = ("A", "B", "C", "D")
    assert _others(outlets, ["C", "A", "D", "B"]) == [
        ("A", "B", "D"),
        ("B", "C", "D"),
        ("A", "B", "C"),
        ("A", "C", "D"),
    ]
    assert _others(("A", "B"), ["A", "B", "B"]) == [("B",), ("A", "B"), ("A", "B")]
    assert _others(("A",), ["A", "A"]) == [("A",), ("A",)]
