"""The comparison of a story as one plain JSON-ready document (`crosswire compare --json`).

Scripts read this rather than StoryAlignment, so its shape is a promise: keys in a fixed order,
plain values only, and a "schema" number that changes when the shape does.

A big story must not make a document that grows with outlets squared (`core.export.bounds`):
an article's missing content (most widely carried first) and the lists inside a per-sentence,
per-missing-item or per-drift record keep their first LIST_LIMIT entries, and a longer one is
followed by `<key>_count` (its full length) and `<key>_cut` (true). The complete membership
stays in `clusters[].members`, one entry per sentence. Lists within the limit are written
exactly as before, so a small story gives the same bytes. `write_compare_json` writes the
document piece by piece as it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

import orjson

from tui.core.align.families import family_evidence
from tui.core.coverage.story import StoryCoverage, story_coverage
from tui.core.export.bounds import LIST_LIMIT
from tui.core.export.coverage_doc import coverage_document, timeline_document
from tui.core.models import Article, MissingItem, SentenceRef, Story, StoryAlignment

__all__ = ["LIST_LIMIT", "SCHEMA", "compare_document", "write_compare_json"]

SCHEMA = 3
"""2: clusters list repeats (`"repeat": true`), and `families` names the wire families.
3: `coverage` (outlets by lean, country and type; the blindspot) and `timeline`."""


def _put_list(
    doc: dict[str, Any],
    key: str,
    values: Sequence[Any],
    entry: Callable[[Any], Any] | None = None,
) -> None:
    """`doc[key]` = the values (each made an `entry` when given), cut to LIST_LIMIT with the
    full count and a cut flag after it."""
    kept = values if len(values) <= LIST_LIMIT else values[:LIST_LIMIT]
    doc[key] = list(kept) if entry is None else list(map(entry, kept))
    if len(values) > LIST_LIMIT:
        doc[f"{key}_count"] = len(values)
        doc[f"{key}_cut"] = True


def _ref(ref: SentenceRef) -> dict[str, Any]:
    return {"article": ref.article_id, "sentence": ref.index}


def _article_docs(
    articles: Sequence[Article], alignment: StoryAlignment
) -> Iterator[dict[str, Any]]:
    """One entry per article in alignment order, each made when it is asked for."""
    by_id = {article.id: article for article in articles}
    for article_id in alignment.article_ids:
        article = by_id[article_id]
        sentences = []
        for info in alignment.sentences[article_id]:
            sentence: dict[str, Any] = {
                "index": info.ref.index,
                "text": info.text,
                "status": info.status,
                "cluster": info.cluster,
            }
            _put_list(sentence, "outlets", info.outlets)
            sentences.append(sentence)
        doc: dict[str, Any] = {
            "id": article.id,
            "outlet": article.outlet,
            "source": article.source,
            "title": article.title,
            "origin": article.id == alignment.origin,
            "sentences": sentences,
        }
        _put_list(doc, "missing", alignment.missing[article_id], _missing_entry)
        doc["removed"] = [
            {"line": line.line, "text": line.text, "reason": line.reason}
            for line in article.removed
        ]
        yield doc


def _missing_entry(item: MissingItem) -> dict[str, Any]:
    entry: dict[str, Any] = {"cluster": item.cluster, "text": item.text}
    _put_list(entry, "outlets", item.outlets)
    return entry


def _drift_docs(alignment: StoryAlignment) -> Iterator[dict[str, Any]]:
    for drift in alignment.drift:
        doc: dict[str, Any] = {
            "cluster": drift.cluster,
            "kind": drift.kind,
            "scope": drift.scope,
            "a": drift.a,
            "b": drift.b,
        }
        _put_list(doc, "outlets_a", drift.outlets_a)
        _put_list(doc, "outlets_b", drift.outlets_b)
        _put_list(doc, "refs_a", drift.refs_a, _ref)
        _put_list(doc, "refs_b", drift.refs_b, _ref)
        yield doc


def _parts(
    story: Story,
    articles: Sequence[Article],
    alignment: StoryAlignment,
    coverage: StoryCoverage | None,
) -> list[tuple[str, Callable[[], Any]]]:
    """The document's keys in order, each with what makes its value: a value, or an iterator
    of list entries made one at a time."""
    outlet_of = alignment.outlets
    if coverage is None:
        coverage = story_coverage(articles, alignment)
    spread, timeline = coverage.spread, coverage.timeline
    return [
        ("schema", lambda: SCHEMA),
        (
            "story",
            lambda: {
                "id": story.id,
                "title": story.title,
                "created_at": story.created_at,
                "origin": alignment.origin,
                "origin_outlet": outlet_of.get(alignment.origin) if alignment.origin else None,
            },
        ),
        (
            "outlets",
            lambda: (
                {
                    "article": share.article_id,
                    "outlet": share.outlet,
                    "sentences": share.sentences,
                    "shared": share.shared,
                    "reworded": share.reworded,
                    "unique": share.unique,
                    "wire_share": round(share.wire_share, 4),
                    "unique_share": round(share.unique_share, 4),
                }
                for share in alignment.shares
            ),
        ),
        ("articles", lambda: _article_docs(articles, alignment)),
        (
            "clusters",
            lambda: (
                {
                    "id": cluster.id,
                    "text": cluster.text,
                    "outlets": list(cluster.outlets),
                    "members": [
                        {"article": m.article_id, "sentence": m.index} for m in cluster.members
                    ]
                    + [
                        {"article": m.article_id, "sentence": m.index, "repeat": True}
                        for m in cluster.repeats
                    ],
                }
                for cluster in alignment.clusters
            ),
        ),
        ("drift", lambda: _drift_docs(alignment)),
        (
            "pairs",
            lambda: (
                {"a": pair.a, "b": pair.b, "shared": pair.shared, "share": round(pair.share, 4)}
                for pair in alignment.pairs
            ),
        ),
        (
            "families",
            lambda: (
                {
                    "origin": family.origin,
                    "origin_outlet": outlet_of[family.origin],
                    "members": list(family.members),
                    "outlets": [outlet_of[m] for m in family.members],
                    "near_verbatim": family.near_verbatim,
                    "sentences": family.sentences,
                    "evidence": family_evidence(family),
                }
                for family in alignment.families
            ),
        ),
        ("coverage", lambda: coverage_document(spread)),
        ("timeline", lambda: timeline_document(timeline)),
    ]


def compare_document(
    story: Story,
    articles: Sequence[Article],
    alignment: StoryAlignment,
    *,
    coverage: StoryCoverage | None = None,
) -> dict[str, Any]:
    """Everything alignment found about a story, articles in alignment order (origin first),
    and its `coverage` (from the user's outlet profiles; every outlet unrated without them)."""
    document: dict[str, Any] = {}
    for key, make in _parts(story, articles, alignment, coverage):
        value = make()
        document[key] = value if isinstance(value, dict | int) else list(value)
    return document


_INDENT = orjson.OPT_INDENT_2


def _indented(value: Any, depth: int) -> bytes:
    """`value` as orjson writes it with 2-space indents at `depth` levels in (JSON strings hold
    no raw newline, so every line break is layout)."""
    return orjson.dumps(value, option=_INDENT).replace(b"\n", b"\n" + b"  " * depth)


def write_compare_json(
    sink: BinaryIO,
    story: Story,
    articles: Sequence[Article],
    alignment: StoryAlignment,
    *,
    coverage: StoryCoverage | None = None,
) -> None:
    """Write `compare_document` as indented JSON, byte for byte what orjson writes of the whole
    document, but one list entry at a time: memory holds one article's entry, not the document."""
    sink.write(b"{")
    for n, (key, make) in enumerate(_parts(story, articles, alignment, coverage)):
        sink.write((b"," if n else b"") + b"\n  " + orjson.dumps(key) + b": ")
        value = make()
        if isinstance(value, dict | int):
            sink.write(_indented(value, 1))
            continue
        _write_list(sink, value)
    sink.write(b"\n}\n")


def _write_list(sink: BinaryIO, entries: Iterable[Any]) -> None:
    first = True
    for entry in entries:
        sink.write((b"[\n    " if first else b",\n    ") + _indented(entry, 2))
        first = False
    sink.write(b"[]" if first else b"\n  ]")
