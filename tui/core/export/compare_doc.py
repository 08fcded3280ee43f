"""The comparison of a story as one plain JSON-ready document (`crosswire compare --json`).

Scripts read this rather than StoryAlignment, so its shape is a promise: keys in a fixed order,
plain values only, and a "schema" number that changes when the shape does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.core.align.families import family_evidence
from tui.core.coverage.story import StoryCoverage, story_coverage
from tui.core.export.coverage_doc import coverage_document, timeline_document
from tui.core.models import Article, Story, StoryAlignment

SCHEMA = 3
"""2: clusters list repeats (`"repeat": true`), and `families` names the wire families.
3: `coverage` (outlets by lean, country and type; the blindspot) and `timeline`."""


def compare_document(
    story: Story,
    articles: Sequence[Article],
    alignment: StoryAlignment,
    *,
    coverage: StoryCoverage | None = None,
) -> dict[str, Any]:
    """Everything alignment found about a story, articles in alignment order (origin first),
    and its `coverage` (from the user's outlet profiles; every outlet unrated without them)."""
    if coverage is None:
        coverage = story_coverage(articles, alignment)
    by_id = {article.id: article for article in articles}
    outlet_of = alignment.outlets
    article_docs = []
    for article_id in alignment.article_ids:
        article = by_id[article_id]
        article_docs.append(
            {
                "id": article.id,
                "outlet": article.outlet,
                "source": article.source,
                "title": article.title,
                "origin": article.id == alignment.origin,
                "sentences": [
                    {
                        "index": info.ref.index,
                        "text": info.text,
                        "status": info.status,
                        "cluster": info.cluster,
                        "outlets": list(info.outlets),
                    }
                    for info in alignment.sentences[article_id]
                ],
                "missing": [
                    {"cluster": item.cluster, "text": item.text, "outlets": list(item.outlets)}
                    for item in alignment.missing[article_id]
                ],
                "removed": [
                    {"line": line.line, "text": line.text, "reason": line.reason}
                    for line in article.removed
                ],
            }
        )
    return {
        "schema": SCHEMA,
        "story": {
            "id": story.id,
            "title": story.title,
            "created_at": story.created_at,
            "origin": alignment.origin,
            "origin_outlet": outlet_of.get(alignment.origin) if alignment.origin else None,
        },
        "outlets": [
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
        ],
        "articles": article_docs,
        "clusters": [
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
        ],
        "drift": [
            {
                "cluster": drift.cluster,
                "kind": drift.kind,
                "scope": drift.scope,
                "a": drift.a,
                "b": drift.b,
                "outlets_a": list(drift.outlets_a),
                "outlets_b": list(drift.outlets_b),
                "refs_a": [{"article": r.article_id, "sentence": r.index} for r in drift.refs_a],
                "refs_b": [{"article": r.article_id, "sentence": r.index} for r in drift.refs_b],
            }
            for drift in alignment.drift
        ],
        "pairs": [
            {"a": pair.a, "b": pair.b, "shared": pair.shared, "share": round(pair.share, 4)}
            for pair in alignment.pairs
        ],
        "families": [
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
        ],
        "coverage": coverage_document(coverage.spread),
        "timeline": timeline_document(coverage.timeline),
    }
