"""Which files form which story: folders, loose files and the manifests that name them.

A folder of `.txt` files is one story; a folder holding only subfolders of them gives one story per
subfolder; loose files named together form one story. A folder may hold a `manifest.json` naming
its story and each file's outlet and URL:
`{"story": "...", "files": {"name.txt": {"outlet": "...", "url": "..."}}}`. A broken manifest or
an unreadable folder is one problem line, never the end of the import (`core.store.importer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import orjson

from tui.core.ingest.jsonl import is_jsonl_name, read_jsonl_file
from tui.core.ingest.page_source import PageSource, is_article_file
from tui.core.text.safe_text import safe_name

MANIFEST_NAME = "manifest.json"
UNTITLED_STORY = "Untitled story"
"""The title of a story whose every possible name cleaned away to nothing."""


class ProblemLog(Protocol):
    """Where grouping reports what it could not use (`ImportReport` is one)."""

    problems: list[str]


@dataclass(slots=True)
class FileGroup:
    """Files bound for one story, and how to name it when nobody says."""

    files: list[Path]
    fallback_title: str
    manifest_title: str | None = None
    pages: list[PageSource] = field(default_factory=list)
    """Articles with no file of their own (fetched pages, JSON Lines records)."""


def folder_manifest(
    folder: Path, report: ProblemLog, cache: dict[Path, dict[str, Any]]
) -> dict[str, Any]:
    """The folder's manifest.json, or {} (a broken manifest is a problem line, not a failure)."""
    if folder in cache:
        return cache[folder]
    path = folder / MANIFEST_NAME
    manifest: dict[str, Any] = {}
    if path.is_file():
        try:
            data = orjson.loads(path.read_bytes())
        except OSError as exc:
            report.problems.append(f"{path}: ignored, cannot be read ({exc.strerror})")
        except ValueError as exc:
            report.problems.append(f"{path}: ignored, not valid JSON ({exc})")
        else:
            if isinstance(data, dict):
                manifest = data
            else:
                report.problems.append(f"{path}: ignored, expected an object with 'files'")
    cache[folder] = manifest
    return manifest


def _txt_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and is_article_file(p))


def group_paths(
    paths: Sequence[Path], report: ProblemLog, manifests: dict[Path, dict[str, Any]]
) -> list[FileGroup]:
    """Sort the inputs into stories: one per folder, one for all loose files."""
    groups: list[FileGroup] = []
    loose: list[Path] = []
    records: list[PageSource] = []
    for path in map(Path, paths):
        if not path.exists():
            report.problems.append(f"{path}: no such file or folder")
        elif path.is_dir():
            try:
                folders = (
                    [path] if _txt_files(path) else sorted(p for p in path.iterdir() if p.is_dir())
                )
                found = [folder for folder in folders if _txt_files(folder)]
            except OSError as exc:
                report.problems.append(f"{path}: folder cannot be read ({exc.strerror})")
                continue
            if not found:
                report.problems.append(f"{path}: no .txt or .html files in this folder")
            for folder in found:
                title = folder_manifest(folder, report, manifests).get("story")
                groups.append(
                    FileGroup(
                        files=_txt_files(folder),
                        fallback_title=safe_name(folder.resolve().name) or UNTITLED_STORY,
                        manifest_title=safe_name(title) if isinstance(title, str) else None,
                    )
                )
        elif is_jsonl_name(path.name):
            in_file, problems = read_jsonl_file(path)
            records.extend(in_file)
            report.problems.extend(problems)
        else:
            loose.append(path)
    if records:  # JSON Lines records are loose articles, as loose files are
        groups.append(FileGroup(files=[], fallback_title=UNTITLED_STORY, pages=records))
    if loose:
        groups.append(
            FileGroup(files=loose, fallback_title=safe_name(loose[0].stem) or UNTITLED_STORY)
        )
    return groups
