"""Importing scraped text files into stories of the library.

A folder of `.txt` files is one story (a folder holding only subfolders of them gives one story per
subfolder); loose files named together form one story; `story=` puts everything into one story,
adding to an existing one when it names it. Each file is read, cleaned and given an outlet, and
each story gets one write with all its new articles. A bad file costs one line in
`ImportReport.problems`, never the rest of the batch.

A folder may hold a `manifest.json` naming its story and each file's outlet and URL:
`{"story": "...", "files": {"name.txt": {"outlet": "...", "url": "..."}}}`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import orjson

from tui.core.clean import clean_text
from tui.core.library import Library, LibraryError, article_id_for, now_iso
from tui.core.models import Article, CleanResult, Story
from tui.core.outlets import detect_outlet
from tui.core.textio import UnreadableFile, read_text_file

MANIFEST_NAME = "manifest.json"
STORY_MATCH_CUTOFF = 90.0
"""A `story=` title this close to an existing story's title adds to that story (0-100)."""
_TITLE_FROM_SENTENCE_CHARS = 120

Progress = Callable[[int, int, str], None]
"""Called after each file: (files done, files in all, file name)."""


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """One article written to the library, with the counts a user wants to see."""

    article: Article
    kept_sentences: int
    removed_lines: int
    action: Literal["added", "replaced"] = "added"
    """`replaced`: the same file was in the story before with different text."""


@dataclass(slots=True)
class ImportReport:
    """What an import did: articles written, files skipped as already there, and problems."""

    imported: list[ImportedArticle] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line per file left out because the story already holds the same text."""
    problems: list[str] = field(default_factory=list)
    """One line per input that could not be imported: 'PATH: reason'."""
    story_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    """Files bound for one story, and how to name it when nobody says."""

    files: list[Path]
    fallback_title: str
    manifest_title: str | None = None


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One file read, cleaned and named, waiting to learn which story it joins."""

    path: Path
    raw: str
    cleaned: CleanResult
    outlet: str
    url: str | None
    title: str

    def to_article(self, story_id: str) -> Article:
        source = str(self.path.resolve())
        return Article(
            id=article_id_for(story_id, source),
            story_id=story_id,
            outlet=self.outlet,
            title=self.title,
            source=source,
            url=self.url,
            date=self.cleaned.date,
            imported_at=now_iso(),
            raw=self.raw,
            text=self.cleaned.text,
            sentences=self.cleaned.sentences,
            removed=self.cleaned.removed,
        )


def _manifest(
    folder: Path, report: ImportReport, cache: dict[Path, dict[str, Any]]
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
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")


def _groups(
    paths: Sequence[Path], report: ImportReport, manifests: dict[Path, dict[str, Any]]
) -> list[_Group]:
    """Sort the inputs into stories: one per folder, one for all loose files."""
    groups: list[_Group] = []
    loose: list[Path] = []
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
                report.problems.append(f"{path}: no .txt files in this folder")
            for folder in found:
                title = _manifest(folder, report, manifests).get("story")
                groups.append(
                    _Group(
                        files=_txt_files(folder),
                        fallback_title=folder.resolve().name,
                        manifest_title=title if isinstance(title, str) and title.strip() else None,
                    )
                )
        else:
            loose.append(path)
    if loose:
        groups.append(_Group(files=loose, fallback_title=loose[0].stem))
    return groups


def _parse(path: Path, *, outlet: str | None, manifest: dict[str, Any]) -> _Parsed:
    """Read, clean and name one file; raises UnreadableFile for a file that cannot be used."""
    raw = read_text_file(path)
    cleaned = clean_text(raw)
    if not cleaned.sentences:
        raise UnreadableFile(path, "no article text left after cleaning")
    files = manifest.get("files")
    entry = files.get(path.name) if isinstance(files, dict) else None
    entry = entry if isinstance(entry, dict) else {}
    url = entry.get("url") if isinstance(entry.get("url"), str) else None
    manifest_outlet = entry.get("outlet") if isinstance(entry.get("outlet"), str) else None
    name = detect_outlet(
        raw, filename=path.name, url=url, manifest_outlet=manifest_outlet, override=outlet
    )
    title = cleaned.title or cleaned.sentences[0].text[:_TITLE_FROM_SENTENCE_CHARS] or path.stem
    return _Parsed(path, raw, cleaned, name, url, title)


def _story_title(group: _Group, parsed: Sequence[_Parsed]) -> str:
    """The manifest's story, else the title most of the articles carry (first on a tie)."""
    if group.manifest_title:
        return group.manifest_title
    titles = Counter(p.cleaned.title for p in parsed if p.cleaned.title)
    if titles:
        return titles.most_common(1)[0][0]
    return group.fallback_title


def _target_story(library: Library, title: str, *, fuzzy: bool) -> Story:
    """The story to add to: an existing one this title names, else a new one."""
    try:
        if fuzzy:
            return library.find_story(title, score_cutoff=STORY_MATCH_CUTOFF)
        wanted = title.casefold().strip()
        return next(s for s in library.stories() if s.title.casefold() == wanted)
    except (LibraryError, StopIteration):
        return library.create_story(title)


def _write_story(
    library: Library, story: Story, parsed: Sequence[_Parsed], report: ImportReport
) -> None:
    """Add the story's new and changed articles in one write; skip text it already holds."""
    existing = {a.id: a for a in library.articles(story.id)}
    by_text = {a.raw: a for a in existing.values()}
    batch: dict[str, ImportedArticle] = {}
    for item in parsed:
        article = item.to_article(story.id)
        twin = by_text.get(article.raw)
        if twin is not None:
            where = f"story {story.title!r} as {twin.outlet} ({twin.id})"
            report.skipped.append(f"{item.path}: skipped, already in {where}")
            continue
        action: Literal["added", "replaced"] = "replaced" if article.id in existing else "added"
        batch[article.id] = ImportedArticle(
            article, len(article.sentences), len(article.removed), action
        )
        by_text[article.raw] = article
    library.add_articles(story.id, [entry.article for entry in batch.values()])
    report.imported.extend(batch.values())
    if story.id not in report.story_ids:
        report.story_ids.append(story.id)


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    story: str | None = None,
    outlet: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders of scraped text; see the module docstring for how they group.

    `story` names the story for everything (an existing story's id or title adds to it);
    `outlet` overrides outlet detection for every file.
    """
    report = ImportReport()
    manifests: dict[Path, dict[str, Any]] = {}
    groups = _groups(paths, report, manifests)
    if story is not None:
        groups = [_Group(files=[f for g in groups for f in g.files], fallback_title=story)]
    total = sum(len(group.files) for group in groups)
    done = 0
    for group in groups:
        parsed: list[_Parsed] = []
        for path in group.files:
            try:
                manifest = _manifest(path.parent, report, manifests)
                parsed.append(_parse(path, outlet=outlet, manifest=manifest))
            except UnreadableFile as exc:
                report.problems.append(str(exc))
            done += 1
            if progress is not None:
                progress(done, total, path.name)
        if not parsed:
            continue
        # Parsing ran unlocked; choosing or creating the story and writing it is one locked step,
        # so two imports of the same folder at once still make one story.
        with library.exclusive():
            if story is not None:
                target = _target_story(library, story, fuzzy=True)
            else:
                target = _target_story(library, _story_title(group, parsed), fuzzy=False)
            _write_story(library, target, parsed, report)
    return report
