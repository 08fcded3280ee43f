"""An alignment as plain JSON data, for the disk cache: reading an entry can never run code.

A library folder may be synced or shared, so nothing in it may be a program: a pickle is one (it
names functions to call while it loads). An entry is orjson of lists, numbers and strings, read
back into crosswire's own records by this module alone; anything of the wrong shape raises
`ValueError` and is a cache miss.

The document stays as light as the alignment in memory. Article ids and outlet names are written
once, in tables, and named by number. A sentence's outlets are the cluster's outlets less its own
(or all of them, when its outlet runs the fact twice), so they are written as a one-letter rule
rather than as a list per sentence: the entry grows with sentences, not outlets squared. Lazy
counterparts (`core.align.counterparts`) are written as the cluster scores they would be built
from, each score table once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain, combinations, repeat
from operator import getitem, lt
from typing import Any

import orjson

from tui.core.align.counterparts import (
    ArticleTable,
    ClusterScores,
    Counterparts,
    MemberCounterparts,
)
from tui.core.models import (
    Cluster,
    Counterpart,
    Drift,
    Family,
    MissingItem,
    OutletShare,
    PairShare,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)

__all__ = ["decode", "encode"]

_new = tuple.__new__

_STATUSES = ("shared", "reworded", "unique")
_KINDS = ("name", "number", "date", "quantity", "quote", "spelling")
_SCOPES = ("cluster", "story")
_WITHOUT_OWN = "w"
"""A sentence's outlets are its cluster's outlets without its own outlet."""
_ALL = "a"
"""A sentence's outlets are all of its cluster's outlets (its outlet carries the fact twice)."""


class _Tables:
    """Numbers for strings written many times (article ids, outlet names), in first-seen order."""

    def __init__(self, first: Iterable[str] = ()) -> None:
        self.numbers: dict[str, int] = {}
        for item in first:
            self.number(item)

    def number(self, item: str) -> int:
        found = self.numbers.get(item)
        if found is None:
            found = self.numbers[item] = len(self.numbers)
        return found

    def many(self, items: Iterable[str]) -> list[int]:
        return [self.number(item) for item in items]


def encode(alignment: StoryAlignment) -> bytes:
    """The alignment as JSON bytes (`decode` reads them back equal)."""
    ids = _Tables(alignment.article_ids)
    names = _Tables()
    article_tables: dict[int, int] = {}
    tables: list[list[Any]] = []
    score_numbers: dict[int, int] = {}
    scores: list[list[Any]] = []

    def refs(found: Sequence[SentenceRef]) -> list[int]:
        return [n for ref in found for n in (ids.number(ref.article_id), ref.index)]

    def table_number(table: ArticleTable) -> int:
        number = article_tables.get(id(table))
        if number is None:
            number = article_tables[id(table)] = len(tables)
            tables.append([ids.many(table.ids), names.many(table.outlets), list(table.position)])
        return number

    def score_number(found: ClusterScores) -> int:
        number = score_numbers.get(id(found))
        if number is None:
            number = score_numbers[id(found)] = len(scores)
            scores.append(
                [
                    table_number(found.table),
                    list(found.ranks),
                    list(found.indexes),
                    [list(row) for row in found.rows],
                ]
            )
        return number

    def counterparts(found: Sequence[Counterpart]) -> Any:
        # Asked first, and without len(): that would build what is still to be built.
        if isinstance(found, Counterparts) and found._items is None:
            make = found._make
            if isinstance(make, MemberCounterparts):
                return [score_number(make.scores), make.at]
        if not found:
            return None
        return {
            "c": [
                [ids.number(c.article_id), names.number(c.outlet), c.index, c.score] for c in found
            ]
        }

    cluster_outlets = {cluster.id: cluster.outlets for cluster in alignment.clusters}

    def outlets_rule(info: SentenceInfo) -> Any:
        carried = cluster_outlets.get(info.cluster)
        own = alignment.outlets.get(info.ref.article_id)
        if carried is not None and own in carried:
            if info.outlets == tuple(o for o in carried if o != own):
                return _WITHOUT_OWN
            if info.outlets == carried:
                return _ALL
        return names.many(info.outlets)

    clusters_by_id = {cluster.id: cluster for cluster in alignment.clusters}

    def missing_item(item: MissingItem) -> Any:
        # Most items are their cluster's representative, carriers and first member: its id says it.
        cluster = clusters_by_id.get(item.cluster)
        if cluster is not None and cluster.members and item == _standing_for(cluster):
            return item.cluster
        return [item.cluster, item.text, names.many(item.outlets), *refs((item.example,))]

    sentences = [
        [
            ids.number(article_id),
            [
                [
                    info.ref.index,
                    info.text,
                    _STATUSES.index(info.status),
                    info.cluster,
                    outlets_rule(info),
                    counterparts(info.counterparts),
                ]
                for info in infos
            ],
        ]
        for article_id, infos in alignment.sentences.items()
        if all(info.ref.article_id == article_id for info in infos) or _refuse("sentence refs")
    ]
    document = {
        "outlets": [
            [ids.number(article_id), names.number(outlet)]
            for article_id, outlet in alignment.outlets.items()
        ],
        "sentences": sentences,
        "clusters": [
            [c.id, refs(c.members), c.text, names.many(c.outlets), refs(c.repeats)]
            for c in alignment.clusters
        ],
        "missing": [
            [ids.number(article_id), [missing_item(m) for m in items]]
            for article_id, items in alignment.missing.items()
        ],
        "drift": [
            [
                d.cluster,
                _KINDS.index(d.kind),
                d.a,
                d.b,
                names.many(d.outlets_a),
                names.many(d.outlets_b),
                refs(d.refs_a),
                refs(d.refs_b),
                _SCOPES.index(d.scope),
            ]
            for d in alignment.drift
        ],
        "pairs": [[ids.number(p.a), ids.number(p.b), p.shared, p.share] for p in alignment.pairs],
        "shares": [
            [
                ids.number(s.article_id),
                names.number(s.outlet),
                s.sentences,
                s.shared,
                s.reworded,
                s.unique,
                s.wire_share,
                s.unique_share,
            ]
            for s in alignment.shares
        ],
        "origin": None if alignment.origin is None else ids.number(alignment.origin),
        "extra": alignment.extra,
        "families": [
            [ids.number(f.origin), ids.many(f.members), f.near_verbatim, f.sentences]
            for f in alignment.families
        ],
        "tables": tables,
        "scores": scores,
    }
    # Tables last in the code, first in the file: they were filled while the rest was written.
    head = {
        "ids": list(ids.numbers),
        "names": list(names.numbers),
        "articles": len(alignment.article_ids),
    }
    return orjson.dumps({**head, **document})


def _refuse(what: str) -> bool:
    raise ValueError(f"cannot file this alignment: {what}")


def _standing_for(cluster: Cluster) -> MissingItem:
    """The missing item alignment makes of a cluster (`core.align.coverage.missing_items`)."""
    return _new(MissingItem, (cluster.id, cluster.text, cluster.outlets, cluster.members[0]))


# --- reading -----------------------------------------------------------------------------------
#
# Reading is on the app's start path, so rows are checked and built column by column at C speed
# (`map`, `zip`, `set(map(type, ...))`) wherever the shape allows; values stay `Any` until checked.


class _Shape(ValueError):
    """An entry that is JSON but not an alignment."""


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise _Shape(what)


def _list(value: Any, what: str) -> list[Any]:
    _check(type(value) is list, what)
    found: list[Any] = value
    return found


def _rows(value: Any, width: int, what: str) -> list[tuple[Any, ...]]:
    """A list of rows of `width` values, as `width` columns (empty columns for no rows)."""
    rows = _list(value, what)
    _check(set(map(type, rows)) <= {list} and set(map(len, rows)) <= {width}, what)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in range(width)]
    return columns


def _only(values: Iterable[Any], kinds: set[type], what: str) -> None:
    """Every value is exactly one of `kinds`."""
    _check(set(map(type, values)) <= kinds, what)


def _below(values: Sequence[Any], bound: int, what: str) -> None:
    """Every value is a whole number in range(bound)."""
    _only(values, {int}, what)
    _check(not values or (min(values) >= 0 and max(values) < bound), what)


def _texts(values: Sequence[Any], what: str) -> None:
    _only(values, {str}, what)


def _numbers(values: Sequence[Any], what: str) -> None:
    _only(values, {int, float}, what)


def decode(data: bytes) -> StoryAlignment:
    """The alignment `encode` wrote; `ValueError` for anything else (no code is ever run)."""
    try:
        return _Reader(orjson.loads(data)).alignment()
    except (KeyError, IndexError, TypeError) as exc:
        raise _Shape(f"not an alignment ({type(exc).__name__})") from exc


class _Reader:
    """One entry being read: its tables, then each part built from them."""

    def __init__(self, document: Any) -> None:
        _check(type(document) is dict, "not an object")
        self.doc: dict[str, Any] = document
        ids, names = _list(document["ids"], "ids"), _list(document["names"], "names")
        _texts(ids, "ids")
        _texts(names, "names")
        self.ids: tuple[str, ...] = tuple(ids)
        self.names: tuple[str, ...] = tuple(names)

    def id_list(self, numbers: Any) -> tuple[str, ...]:
        found = _list(numbers, "article numbers")
        _below(found, len(self.ids), "article number")
        return tuple(map(self.ids.__getitem__, found))

    def name_list(self, numbers: Any) -> tuple[str, ...]:
        found = _list(numbers, "outlet numbers")
        _below(found, len(self.names), "outlet number")
        return tuple(map(self.names.__getitem__, found))

    def refs(self, flat: Any) -> tuple[SentenceRef, ...]:
        """The sentences named by [article, index, article, index, ...]: the very SentenceRef
        objects of the sentences themselves (one object per sentence, as alignment makes)."""
        found = _list(flat, "refs")
        _check(len(found) % 2 == 0, "refs come in pairs")
        by_article = self.by_article
        return tuple(map(getitem, map(by_article.__getitem__, found[0::2]), found[1::2]))

    def read_sentence_rows(self) -> None:
        """Each article's sentence rows as columns, and its sentences' refs (read first: every
        other part names sentences by them)."""
        self.by_article: dict[Any, dict[Any, SentenceRef]] = {}
        self.sentence_rows: list[tuple[str, tuple[SentenceRef, ...], list[tuple[Any, ...]]]] = []
        for article, rows in zip(*_rows(self.doc["sentences"], 2, "sentences"), strict=True):
            article_id = self.id_list([article])[0]
            columns = _rows(rows, 6, "sentence")
            index = columns[0]
            _only(index, {int}, "sentence index")
            refs = tuple(map(_new, repeat(SentenceRef), zip(repeat(article_id), index)))
            self.by_article[article] = dict(zip(index, refs, strict=True))
            self.sentence_rows.append((article_id, refs, columns))

    def alignment(self) -> StoryAlignment:
        doc = self.doc
        count = doc["articles"]
        _check(type(count) is int and 0 <= count <= len(self.ids), "articles")
        article_ids = self.ids[:count]
        article, outlet = _rows(doc["outlets"], 2, "outlets")
        outlets = dict(zip(self.id_list(list(article)), self.name_list(list(outlet)), strict=True))
        self.read_sentence_rows()
        clusters = self.clusters()
        scores = self.scores()
        origin = doc["origin"]
        extra = doc["extra"]
        _check(type(extra) is dict, "extra")
        _only(extra.values(), {bool, int, float, str, type(None)}, "extra")
        return StoryAlignment(
            article_ids=article_ids,
            outlets=outlets,
            sentences=self.sentences(outlets, clusters, scores),
            clusters=clusters,
            missing=self.missing(clusters),
            drift=self.drift(),
            pairs=self.pairs(),
            shares=self.shares(),
            origin=None if origin is None else self.id_list([origin])[0],
            extra=extra,
            families=self.families(),
        )

    def clusters(self) -> tuple[Cluster, ...]:
        cid, members, text, carried, repeats = _rows(self.doc["clusters"], 5, "clusters")
        _only(cid, {int}, "cluster id")
        _texts(text, "cluster text")
        fields = zip(
            cid,
            map(self.refs, members),
            text,
            map(self.name_list, carried),
            map(self.refs, repeats),
            strict=True,
        )
        return tuple(map(_new, repeat(Cluster), fields))

    def scores(self) -> list[ClusterScores]:
        table_rows = _rows(self.doc["tables"], 3, "tables")
        tables = [
            ArticleTable(self.id_list(ids), self.name_list(outlets), tuple(_list(position, "")))
            for ids, outlets, position in zip(*table_rows, strict=True)
        ]
        for table in tables:
            _only(table.position, {int}, "table positions")
        scores = []
        entries = _rows(self.doc["scores"], 4, "scores")
        for table_number, ranks, indexes, rows in zip(*entries, strict=True):
            _below([table_number], len(tables), "table number")
            table = tables[table_number]
            _below(_list(ranks, "ranks"), len(table.ids), "rank")
            _only(_list(indexes, "indexes"), {int}, "indexes")
            _check(len(ranks) == len(indexes), "ranks and indexes")
            score_rows = _list(rows, "score rows")
            _check(len(score_rows) <= len(ranks), "score rows")
            _check(set(map(type, score_rows)) <= {list}, "score row")
            _check(set(map(len, score_rows)) <= {len(ranks)}, "score row")
            _numbers(list(chain.from_iterable(score_rows)), "scores")
            fields = (tuple(ranks), tuple(indexes), tuple(map(tuple, score_rows)), table)
            scores.append(_new(ClusterScores, fields))
        return scores

    def sentences(
        self,
        outlets: dict[str, str],
        clusters: tuple[Cluster, ...],
        scores: list[ClusterScores],
    ) -> dict[str, tuple[SentenceInfo, ...]]:
        carried_by = {c.id: c.outlets for c in clusters}
        left_out: dict[int, dict[str, tuple[str, ...]]] = {}

        def without_own(cluster: int, own: str) -> tuple[str, ...]:
            # The engine's own way (`align.overview._others`): each outlet left out, in C.
            by_own = left_out.get(cluster)
            if by_own is None:
                carried = carried_by[cluster]
                left = list(combinations(carried, len(carried) - 1))
                left.reverse()
                by_own = left_out[cluster] = dict(zip(carried, left, strict=True))
            return by_own[own]

        def others(cluster: int, own: str, rule: Any) -> tuple[str, ...]:
            if rule == _WITHOUT_OWN:
                return without_own(cluster, own)
            if rule == _ALL:
                return carried_by[cluster]
            return self.name_list(rule)

        member_count = [len(found.ranks) for found in scores]

        def counterparts(value: Any) -> Sequence[Counterpart]:
            if type(value) is list:
                return next(iter(lazy_counterparts([value])))
            a, o, i, s = _rows(value["c"], 4, "counterparts")
            _only(i, {int}, "counterpart index")
            _numbers(s, "counterpart score")
            fields = zip(self.id_list(list(a)), self.name_list(list(o)), i, s, strict=True)
            return tuple(map(_new, repeat(Counterpart), fields))

        def all_counterparts(column: Sequence[Any]) -> Iterable[Sequence[Counterpart]]:
            # Mostly [scores, member] pairs, read in bulk; None for a sentence alone in its cluster.
            kinds = set(map(type, column))
            if kinds <= {list}:
                return lazy_counterparts(column)
            lazy = iter(lazy_counterparts([v for v in column if type(v) is list]))
            return [
                next(lazy) if type(v) is list else () if v is None else counterparts(v)
                for v in column
            ]

        def lazy_counterparts(column: Sequence[Any]) -> Iterable[Sequence[Counterpart]]:
            """Counterparts still to be built from cluster scores, one per [scores, member]."""
            at_scores, at = _rows(list(column), 2, "counterparts")
            _below(at_scores, len(scores), "score number")
            _only(at, {int}, "member")
            _check(min(at, default=0) >= 0, "member")
            _check(all(map(lt, at, map(member_count.__getitem__, at_scores))), "member")
            return map(
                Counterparts, map(MemberCounterparts, map(scores.__getitem__, at_scores), at)
            )

        sentences: dict[str, tuple[SentenceInfo, ...]] = {}
        for article_id, refs, columns in self.sentence_rows:
            own = outlets[article_id]
            _, text, status, cluster, rule, found = columns
            _texts(text, "sentence text")
            _below(status, len(_STATUSES), "status")
            _check(set(cluster) <= carried_by.keys(), "sentence cluster")
            fields = zip(
                refs,
                text,
                map(_STATUSES.__getitem__, status),
                cluster,
                map(others, cluster, repeat(own), rule),
                all_counterparts(found),
                strict=True,
            )
            sentences[article_id] = tuple(map(_new, repeat(SentenceInfo), fields))
        return sentences

    def missing(self, clusters: tuple[Cluster, ...]) -> dict[str, tuple[MissingItem, ...]]:
        standing = {c.id: _standing_for(c) for c in clusters if c.members}

        def item(value: Any) -> MissingItem:
            if type(value) is int:
                return standing[value]
            c, t, o, a, i = _list(value, "missing item")
            _only([c, i], {int}, "missing item")
            _texts([t], "missing text")
            return _new(MissingItem, (c, t, self.name_list(o), self.refs([a, i])[0]))

        article, items = _rows(self.doc["missing"], 2, "missing")
        return dict(
            zip(
                self.id_list(list(article)),
                (tuple(map(item, _list(listed, "missing items"))) for listed in items),
                strict=True,
            )
        )

    def drift(self) -> tuple[Drift, ...]:
        cluster, kind, a, b, outlets_a, outlets_b, refs_a, refs_b, scope = _rows(
            self.doc["drift"], 9, "drift"
        )
        _only(cluster, {int}, "drift cluster")
        _below(kind, len(_KINDS), "drift kind")
        _below(scope, len(_SCOPES), "drift scope")
        _texts(a + b, "drift values")
        fields = zip(
            cluster,
            map(_KINDS.__getitem__, kind),
            a,
            b,
            map(self.name_list, outlets_a),
            map(self.name_list, outlets_b),
            map(self.refs, refs_a),
            map(self.refs, refs_b),
            map(_SCOPES.__getitem__, scope),
            strict=True,
        )
        return tuple(map(_new, repeat(Drift), fields))

    def pairs(self) -> tuple[PairShare, ...]:
        a, b, shared, share = _rows(self.doc["pairs"], 4, "pairs")
        _only(shared, {int}, "pair count")
        _numbers(share, "pair share")
        fields = zip(self.id_list(list(a)), self.id_list(list(b)), shared, share, strict=True)
        return tuple(map(_new, repeat(PairShare), fields))

    def shares(self) -> tuple[OutletShare, ...]:
        article, outlet, *counts, wire, unique = _rows(self.doc["shares"], 8, "shares")
        for column in counts:
            _only(column, {int}, "share counts")
        _numbers(wire + unique, "shares")
        fields = zip(
            self.id_list(list(article)),
            self.name_list(list(outlet)),
            *counts,
            wire,
            unique,
            strict=True,
        )
        return tuple(map(_new, repeat(OutletShare), fields))

    def families(self) -> tuple[Family, ...]:
        origin, members, near_verbatim, sentences = _rows(self.doc["families"], 4, "families")
        _only(near_verbatim + sentences, {int}, "family counts")
        fields = zip(
            self.id_list(list(origin)),
            map(self.id_list, members),
            near_verbatim,
            sentences,
            strict=True,
        )
        return tuple(map(_new, repeat(Family), fields))
