"""Every article's evidence, kept on disk so an import does not read the whole library again.

Grouping needs the evidence of every held article (`core.stories.index`). Computing it means
reading every story's bodies and every sentence: seconds at 10,000 articles. The evidence of a
story's articles is therefore kept in `cache/evidence/<story id>.json`, one entry per article
keyed by its id and the time it was imported (a changed article is imported again, so it gets a
new time); a story whose entries all match is read from there without opening its bodies. Like
the alignment cache it is a convenience, never a source of truth: an entry that cannot be read
is computed again, and the folder is safe to delete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from tui.core.store.library import Library
from tui.core.stories.evidence import Evidence, article_evidence
from tui.core.stories.index import EvidenceIndex

__all__ = ["load_index"]

_VERSION = 1


def _folder(library: Library) -> Path:
    return library.home / "cache" / "evidence"


def _to_doc(stamp: str, evidence: Evidence) -> list[Any]:
    return [stamp, sorted(evidence.features), evidence.year, evidence.date, evidence.sentence_keys]


def _from_doc(doc: list[Any]) -> tuple[str, Evidence]:
    stamp, features, year, date, keys = doc
    return str(stamp), Evidence(frozenset(features), year, date, tuple(keys))


def _read(path: Path) -> dict[str, tuple[str, Evidence]]:
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != _VERSION:
            return {}
        return {article_id: _from_doc(doc) for article_id, doc in data["articles"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # missing, cut short or from elsewhere: computed again


def _write(path: Path, entries: dict[str, tuple[str, Evidence]]) -> None:
    """Write one story's entries in one rename (a reader sees the old file or the new)."""
    payload = orjson.dumps(
        {
            "version": _VERSION,
            "articles": {aid: _to_doc(stamp, ev) for aid, (stamp, ev) in entries.items()},
        }
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(temp, path)
    except OSError:
        return  # a cache that cannot be written only costs time next import


def load_index(library: Library) -> EvidenceIndex:
    """The evidence of every article the library holds, from the cache where it is current."""
    index = EvidenceIndex()
    folder = _folder(library)
    for story in library.stories():
        entries = library.article_entries(story.id)
        path = folder / f"{story.id}.json"
        cached = _read(path)
        current = {
            e.id: cached[e.id] for e in entries if cached.get(e.id, ("",))[0] == e.imported_at
        }
        if len(current) < len(entries):
            for article in library.articles(story.id):
                if article.id not in current:
                    current[article.id] = (article.imported_at, article_evidence(article))
            _write(path, current)
        for entry in entries:
            index.add(entry.id, story.id, current[entry.id][1])
    return index
