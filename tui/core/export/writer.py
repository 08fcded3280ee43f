"""Exports of one story with its tags and notes: a Markdown memo, JSON, CSV and an HTML report.

The CLI (`crosswire export`) and the app call the same two functions: `export_chunks` makes the
text piece by piece (`export_story` is the whole of it) and `write_export` puts it on disk as it
comes, without ever overwriting a file by accident. Annotations are placed in the story as it
stands now by `core.export.placement`, which every format reads.

The JSON layout is versioned by `EXPORT_SCHEMA` and documented in `export_json_document`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from tui.core.coverage.spread import BLINDSPOT_SHARE
from tui.core.coverage.story import story_coverage
from tui.core.export.placement import StoryExport, gather
from tui.core.models import SentenceRef
from tui.core.notes.annotations import Annotations
from tui.core.notes.types import annotation_to_doc
from tui.core.profiles.lookup import ProfileIndex
from tui.core.reader.story import OpenedStory
from tui.core.text.filenames import safe_filename

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_SCHEMA",
    "FORMATS",
    "ExportError",
    "ExportFormat",
    "default_export_name",
    "export_chunks",
    "export_json_document",
    "export_story",
    "render_csv",
    "spreadsheet_safe",
    "write_export",
]

ExportFormat = Literal["md", "json", "csv", "html"]
FORMATS: tuple[ExportFormat, ...] = ("md", "json", "csv", "html")
EXPORT_SCHEMA = 1
"""Version of the JSON export layout; bumped on any change a script could trip over."""
CSV_COLUMNS = (
    "story", "kind", "outlet", "article_id", "sentence_index", "sentence",
    "status", "also_in", "tags", "notes", "url", "published",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportError(Exception):
    """An export that cannot be written, said in one line naming the file."""


def export_story(
    opened: OpenedStory,
    annotations: Annotations,
    *,
    fmt: ExportFormat,
    tag: str | None = None,
    profiles: ProfileIndex | None = None,
    blindspot_share: float = BLINDSPOT_SHARE,
    all_drifts: bool = False,
) -> str:
    """The story with its annotations as Markdown, JSON, CSV or a self-contained HTML page.

    `opened` comes from the story reader (`core.reader`), which aligns a story once for every
    face; `tag` keeps only annotations carrying that tag. `profiles` (the user's outlet
    profiles) give the coverage section its leans; without them every outlet is unrated.
    The Markdown memo reports the drifts the reader confirmed (`core.notes.review`), or every
    drift with `all_drifts`; the other formats give every drift with the reader's decision.
    """
    chunks = export_chunks(
        opened,
        annotations,
        fmt=fmt,
        tag=tag,
        profiles=profiles,
        blindspot_share=blindspot_share,
        all_drifts=all_drifts,
    )
    return "".join(chunks)


def export_chunks(
    opened: OpenedStory,
    annotations: Annotations,
    *,
    fmt: ExportFormat,
    tag: str | None = None,
    profiles: ProfileIndex | None = None,
    blindspot_share: float = BLINDSPOT_SHARE,
    all_drifts: bool = False,
) -> Iterator[str]:
    """`export_story` in pieces, made as they are read: the HTML report one article or matrix
    row at a time, JSON as the encoder goes, so a big story is never held whole as text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    coverage = story_coverage(
        opened.articles, opened.alignment, profiles, blindspot_share=blindspot_share
    )
    data = gather(opened, annotations, tag=tag, coverage=coverage, all_drifts=all_drifts)
    if fmt == "md":
        from tui.core.export.markdown import render_markdown

        yield render_markdown(data)
    elif fmt == "html":
        from tui.core.export.html import html_chunks

        yield from html_chunks(data)
    elif fmt == "csv":
        yield render_csv(data)
    else:
        encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
        yield from encoder.iterencode(export_json_document(data))
        yield "\n"


def export_json_document(data: StoryExport) -> dict[str, Any]:
    """The JSON export (schema 1), for scripts.

    - `schema`: 1; `kind`: "crosswire-story-export"; `tag`: the filter or null.
    - `story`: id, title, created_at.
    - `articles`: id, outlet, title, source, url, date, sentences (count), in import order.
    - `annotations`: as stored in annotations.json (target, quote, outlet, story_title, tags,
      notes [id, text, created_at, updated_at], updated_at) plus `located` ({article_id, index}
      of the sentence carrying the quote now, or null), `status` (shared, reworded, unique,
      story, article, or gone) and `also_in` (other outlets carrying it).
    - `compare`: `core.export.compare_doc.compare_document` for the story (the `crosswire compare
      --json` document: shares, clusters, drift, missing content).
    - `drift_review`: for each of `compare.drift`, in its order, the reader's decision:
      `confirmed`, `dismissed` or `not reviewed`.
    """
    from tui.core.export.compare_doc import compare_document

    annotations = []
    for placed in data.items:
        doc = annotation_to_doc(placed.annotation)
        ref = placed.ref
        doc["located"] = {"article_id": ref.article_id, "index": ref.index} if ref else None
        doc["status"] = placed.status
        doc["also_in"] = list(placed.also_in)
        annotations.append(doc)
    return {
        "schema": EXPORT_SCHEMA,
        "kind": "crosswire-story-export",
        "tag": data.tag,
        "story": {
            "id": data.story.id,
            "title": data.story.title,
            "created_at": data.story.created_at,
        },
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "date": a.date,
                "sentences": len(a.sentences),
            }  # fmt: skip
            for a in data.articles
        ],
        "annotations": annotations,
        "compare": compare_document(
            data.story, data.articles, data.alignment, coverage=data.coverage_in_context()
        ),
        "drift_review": [data.decision_of(drift) for drift in data.alignment.drift],
    }


def spreadsheet_safe(cell: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _index_cell(ref: SentenceRef | None, stored: int | None) -> str:
    if ref is not None:
        return str(ref.index)
    return "" if stored is None else str(stored)


def render_csv(data: StoryExport) -> str:
    """One row per annotation (sentence, article or story) with its status, tags and notes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for placed in data.items:
        item, target = placed.annotation, placed.annotation.target
        ref = placed.ref
        source = data.source_of(placed)
        row = [
            data.story.title,
            target.kind,
            item.outlet or "",
            ref.article_id if ref else (target.article_id or ""),
            _index_cell(ref, target.sentence_index),
            item.quote,
            placed.status,
            "; ".join(placed.also_in),
            "; ".join(item.tags),
            "\n\n".join(note.text for note in item.notes),
            (source.url or "") if source else "",
            (source.date or "") if source else "",
        ]  # fmt: skip
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return buffer.getvalue()


def default_export_name(story_title: str, fmt: ExportFormat, *, tag: str | None = None) -> str:
    """A safe file name for an export: the story title, plus the tag when filtered."""
    return safe_filename(f"{story_title} {tag}" if tag else story_title, fmt)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_export(content: str | Iterable[str], path: Path | str, *, force: bool) -> Path:
    """Write an export (the text, or its pieces as they are made: `export_chunks`) to `path`;
    refuse to overwrite unless `force`. ExportError in one line.

    The export is written whole to a temp file beside `path` first, so a write cut short (a
    full disk, Ctrl-C, an error making the pieces) leaves no partial export to block the
    retry. Without `force` the temp
    file is then hard-linked to `path`, which fails if a file appeared there meanwhile (never
    clobbered); with it, the temp file is renamed over the old one.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target}: is a folder; give a file name")
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    if not force and target.exists():
        raise ExportError(f"{target}: already exists; use --force to overwrite it")
    pieces = [content] if isinstance(content, str) else content
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name[:50]}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            _write_pieces(handle, pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())  # mkstemp makes 0600; exports are ordinary files
        if force:
            os.replace(temp_name, target)
        else:
            _link_without_clobbering(temp_name, target)
    except FileExistsError as exc:
        raise ExportError(f"{target}: already exists; use --force to overwrite it") from exc
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if temp_name is not None:
            Path(temp_name).unlink(missing_ok=True)
    return target


def _write_pieces(handle: Any, pieces: Iterable[str]) -> None:
    """Encode and write each piece as it comes, in writes of about a megabyte."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 20:
            handle.write("".join(batch).encode("utf-8"))
            batch, size = [], 0
    handle.write("".join(batch).encode("utf-8"))


def _link_without_clobbering(temp_name: str, target: Path) -> None:
    """Give the finished temp file the name `target`, failing if that name is taken.

    A hard link does it in one step; where the file system has none, the bytes are copied into
    an exclusively created file, which is removed again if the copy fails half-way."""
    try:
        os.link(temp_name, target)
        return
    except FileExistsError:
        raise
    except OSError:
        pass
    with open(temp_name, "rb") as source:
        data = source.read()
    try:
        with open(target, "xb") as handle:
            handle.write(data)
    except FileExistsError:
        raise
    except BaseException:
        target.unlink(missing_ok=True)
        raise
