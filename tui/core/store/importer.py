"""Importing scraped text files into stories of the library.

Who chooses the story: `story=` (the `--story` flag) puts everything into one story, adding to an
existing one when it names it exactly (`core.store.story_lookup`); a folder's manifest naming a
story puts that folder there. Otherwise, when the caller passes a `chooser` (the CLI and the app
pass `core.stories.chooser.EvidenceChooser`), each article goes to the story the chooser picks for
it, an existing one or a new one, and the chooser's reason is kept with it. Without a chooser a
folder of `.txt` files is one story (a folder holding only subfolders of them gives one story per
subfolder) and loose files named together form one story. Each file is read, cleaned and given
an outlet, and each story gets one write with all its new articles. A bad file costs one line in
`ImportReport.problems`, never the rest of the batch.

A folder may hold a `manifest.json` naming its story and each file's outlet and URL
(`core.ingest.import_groups`, which sorts the inputs into stories).

Names (story title, outlet, URL) from a manifest, a flag, a folder or file name are cleaned like
article text (`core.text.safe_text`): escape sequences and control characters never reach the store.
See `_write_story` for when a file is skipped, replaces an article, or is added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

from rapidfuzz import fuzz

from tui.core.ingest.import_groups import (
    UNTITLED_STORY,
    FileGroup,
    folder_manifest,
    group_paths,
)
from tui.core.ingest.outlets import detect_outlet
from tui.core.ingest.page_source import PageSource, UnreadableSource
from tui.core.ingest.prepare import Prepared, prepare, prepare_all
from tui.core.ingest.story_clean import clean_story
from tui.core.models import Article, CleanResult, Story
from tui.core.store.library import Library, LibraryError, article_id_for, now_iso
from tui.core.store.story_lookup import AmbiguousStory
from tui.core.store.versions import keep_versions
from tui.core.text.published import parse_published
from tui.core.text.safe_text import safe_name
from tui.core.text.textio import UnreadableFile

NEW_STORY_TITLE_CHARS = 90
NEAR_COPY = 95.0
"""Texts of one outlet this alike (rapidfuzz ratio, 0-100) are versions of one article."""
STORY_MATCH_CUTOFF = 90.0
"""A `story=` title this close to one existing story's title adds to that story (0-100); one
that close to several stops the import with their list."""
_TITLE_FROM_SENTENCE_CHARS = 120

Progress = Callable[[int, int, str], None]
"""Called after each file: (files done, files in all, file name)."""


class StoryChooser(Protocol):
    """Picks the story of each article imported without a named story (`core.stories`)."""

    def choose(self, library: Library, article: Article) -> tuple[str | None, str]:
        """(the id of the story to join, or None for a new one; one line saying why)."""
        ...

    def placed(self, article: Article) -> None:
        """`article` was written into `article.story_id`: later choices see it."""
        ...


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """One article written to the library, with the counts a user wants to see."""

    article: Article
    kept_sentences: int
    removed_lines: int
    action: Literal["added", "replaced"] = "added"
    """`replaced`: the story held this file, or the same outlet's file of the same name from
    another folder, with different text; the new text took that article's place and id."""
    replaced_source: str | None = None
    """For `replaced`: where the article it replaced was imported from."""
    outlet_articles: int = 0
    """How many other articles of the story (after this import) carry the same outlet name."""
    grouping: str | None = None
    """Why the article went to its story, when a chooser picked it ('joined "...": ...')."""


@dataclass(slots=True)
class ImportReport:
    """What an import did: articles written, files skipped as already there, and problems."""

    imported: list[ImportedArticle] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """One line per file left out because the story already holds its text from its outlet."""
    skipped_in: dict[str, int] = field(default_factory=dict)
    """Story id -> how many files of this import it already held (the `skipped` lines)."""
    problems: list[str] = field(default_factory=list)
    """One line per input that could not be imported: 'PATH: reason'."""
    notes: list[str] = field(default_factory=list)
    """One line per input imported with a caveat: 'PATH: what' (bytes that were not UTF-8)."""
    story_ids: list[str] = field(default_factory=list)
    inputs: int = 0
    """How many files and pages the import was given (folders counted by their files)."""
    not_reached: int = 0
    """Inputs left unread because the import was interrupted (Ctrl-C)."""
    interrupted: bool = False
    """True when Ctrl-C stopped the import: what was read by then was still written."""


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One file read, cleaned and named, waiting to learn which story it joins."""

    path: Path
    raw: str
    cleaned: CleanResult
    outlet: str
    url: str | None
    title: str
    source: str = ""
    """What the article records as its source: the resolved path, or a URL / 'FILE:LINE'."""
    label: str = ""
    """How messages name the input (the path as given, a URL)."""
    date: str | None = None
    """The date the input's metadata gives, before any the text states."""
    author: str | None = None
    note: str | None = None
    """Something the user should know about how it was read (bytes that were not UTF-8)."""

    @property
    def where(self) -> str:
        return self.label or str(self.path)

    def to_article(self, story_id: str) -> Article:
        source = self.source or str(self.path.resolve())
        return Article(
            id=article_id_for(story_id, source),
            story_id=story_id,
            outlet=self.outlet,
            title=self.title,
            source=source,
            url=self.url,
            date=self.date or self.cleaned.date,
            imported_at=now_iso(),
            raw=self.raw,
            text=self.cleaned.text,
            sentences=self.cleaned.sentences,
            removed=self.cleaned.removed,
            author=self.author,
        )


def _parse(
    item: Path | PageSource,
    *,
    outlet: str | None,
    manifest: dict[str, Any],
    url: str | None = None,
    date: str | None = None,
    prepared: Prepared | UnreadableFile | None = None,
) -> _Parsed:
    """Read, clean and name one file or page (`core.ingest.page_source`: text files, saved and
    fetched pages, JSON Lines records); raises UnreadableFile for one that cannot be used.
    `url` and `date` (`import --url/--date`), when given, win over the manifest's and the
    page's own. `prepared`: the input already read and cleaned (`core.ingest.prepare`)."""
    if isinstance(prepared, UnreadableFile):
        raise prepared
    read, cleaned = prepared or prepare(item)
    raw = read.raw
    if not cleaned.sentences:
        raise UnreadableSource(read.label, "no article text left after cleaning")
    path = Path(read.name)
    files = manifest.get("files")
    entry = files.get(path.name) if isinstance(files, dict) else None
    entry = entry if isinstance(entry, dict) else {}
    if url is None:
        url = safe_name(entry["url"]) if isinstance(entry.get("url"), str) else read.url
    if date is None and isinstance(entry.get("date"), str):
        try:
            date = parse_published(entry["date"])
        except ValueError as exc:
            raise UnreadableFile(read.label, f"manifest.json: {exc}") from None
    manifest_outlet = entry.get("outlet") if isinstance(entry.get("outlet"), str) else None
    name = detect_outlet(
        raw,
        filename=path.name,
        url=url,
        manifest_outlet=manifest_outlet or read.outlet or read.site_name,
        override=outlet,
    )
    title = (
        read.title
        or cleaned.title
        or cleaned.sentences[0].text[:_TITLE_FROM_SENTENCE_CHARS]
        or safe_name(path.stem)
        or UNTITLED_STORY
    )
    # A URL of only control characters is no URL.
    return _Parsed(
        item if isinstance(item, Path) else path, raw, cleaned, name, url or None, title,
        source=read.source, label=read.label, date=date or read.date, author=read.author,
        note=read.note,
    )  # fmt: skip


def _story_title(group: FileGroup, parsed: Sequence[_Parsed]) -> str:
    """The manifest's story, else the title most of the articles carry (first on a tie)."""
    if group.manifest_title:
        return group.manifest_title
    titles = Counter(p.cleaned.title for p in parsed if p.cleaned.title)
    if titles:
        return titles.most_common(1)[0][0]
    return group.fallback_title


def _target_story(library: Library, title: str, *, fuzzy: bool) -> Story:
    """The story to add to: the one existing story this title names, else a new one.
    AmbiguousStory (listing them) when it names several: the import stops before writing."""
    try:
        if fuzzy:
            return library.find_story(title, score_cutoff=STORY_MATCH_CUTOFF)
        wanted = safe_name(title).casefold()
        # safe_name: a title stored by a crosswire that did not clean names still matches.
        return next(s for s in library.stories() if safe_name(s.title).casefold() == wanted)
    except AmbiguousStory:
        raise
    except (LibraryError, StopIteration):
        return library.create_story(title)


def _outlet_key(article: Article) -> str:
    """Outlet names compare as shown: case aside, and escapes a library made before names were
    cleaned left out, so that library's articles are still found again."""
    return safe_name(article.outlet).casefold()


class _StoryIndex:
    """A story's articles looked up the two ways `_write_story` needs, kept current as it goes."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.by_id: dict[str, Article] = {}
        self._by_text: dict[tuple[str, str], Article] = {}
        self._by_page: dict[tuple[str, str], Article] = {}
        self._by_url: dict[tuple[str, str], Article] = {}
        for article in articles:
            self.put(article)

    def same_text(self, article: Article) -> Article | None:
        """The article with this exact raw text under this outlet name, if any."""
        return self._by_text.get((_outlet_key(article), article.raw))

    def same_page(self, article: Article) -> Article | None:
        """The article of this outlet imported from a file of the same name, if any."""
        return self._by_page.get((_outlet_key(article), Path(article.source).name))

    def same_url(self, article: Article) -> Article | None:
        """The article of this outlet with the same (canonical) URL, if any."""
        return self._by_url.get((_outlet_key(article), article.url)) if article.url else None

    def near_copy(self, article: Article) -> Article | None:
        """The article of this outlet whose text is nearly the same (a page edited after it was
        published), if any: `NEAR_COPY` or more on rapidfuzz's ratio of the kept texts."""
        outlet = _outlet_key(article)
        for held in self.by_id.values():
            if _outlet_key(held) == outlet and fuzz.ratio(
                held.text, article.text, score_cutoff=NEAR_COPY
            ):
                return held
        return None

    def put(self, article: Article) -> None:
        """Hold `article`, in place of the one with its id if there is one."""
        old = self.by_id.pop(article.id, None)
        if old is not None:
            for index, key in (
                (self._by_text, (_outlet_key(old), old.raw)),
                (self._by_page, (_outlet_key(old), Path(old.source).name)),
                (self._by_url, (_outlet_key(old), old.url or "")),
            ):
                if index.get(key) is old:
                    del index[key]
        self.by_id[article.id] = article
        self._by_text.setdefault((_outlet_key(article), article.raw), article)
        self._by_page.setdefault((_outlet_key(article), Path(article.source).name), article)
        if article.url:
            self._by_url.setdefault((_outlet_key(article), article.url), article)


def _write_story(
    library: Library, story: Story, parsed: Sequence[_Parsed], report: ImportReport
) -> None:
    """Write the story's new and changed articles in one write.

    A file is the *same article again*, and skipped, when the story already holds its exact raw
    text under the same outlet name (as shown, case aside), whichever file or folder it came from:
    importing a folder twice, or a copy of it, adds nothing. Byte-identical text under two
    outlet names is two articles: outlets that ran the wire verbatim are what crosswire is for.

    Otherwise a file *replaces* an article (same id, same place in the story) when it is the very
    file that article came from (same resolved path: its text or outlet changed), or when it has
    the same file name and the same outlet: an edited copy of that outlet's page kept in another
    folder; or the same outlet's page at the same canonical URL; or the same outlet's text with
    only small changes (`NEAR_COPY`). The text it replaces is kept as an earlier version of the
    article (`core.store.versions`). Of two such files in one import the later wins and the
    earlier gets a `skipped` line. Anything else is added, even under an outlet name the story
    already holds (`ImportedArticle.outlet_articles` says so, for the faces to mention).
    """
    existing = {a.id: a for a in library.articles(story.id)}
    held = _StoryIndex(existing.values())
    batch: dict[str, ImportedArticle] = {}
    superseded_versions: list[Article] = []
    for item in parsed:
        article = item.to_article(story.id)
        twin = held.same_text(article)
        if twin is not None:
            where = f"story {safe_name(story.title)!r} as {safe_name(twin.outlet)} ({twin.id})"
            report.skipped.append(f"{item.where}: skipped, already in {where}")
            report.skipped_in[story.id] = report.skipped_in.get(story.id, 0) + 1
            continue
        earlier = (
            held.by_id.get(article.id)
            or held.same_page(article)
            or held.same_url(article)
            or held.near_copy(article)
        )
        replaced_source = None
        if earlier is not None:
            article = article._replace(id=earlier.id)
            superseded = batch.pop(earlier.id, None)  # the same page twice in this import
            if superseded is not None:
                report.skipped.append(
                    f"{superseded.article.source}: left out, {item.where} (same outlet and file "
                    "name) comes later in this import"
                )
                replaced_source = superseded.replaced_source
            elif earlier.id in existing:
                replaced_source = earlier.source
                superseded_versions.append(existing[earlier.id])
        held.put(article)
        batch[article.id] = ImportedArticle(
            article,
            len(article.sentences),
            len(article.removed),
            "replaced" if article.id in existing else "added",
            replaced_source=replaced_source,
        )
    outlets = Counter(_outlet_key(a) for a in held.by_id.values())
    for article_id, entry in batch.items():
        batch[article_id] = replace(entry, outlet_articles=outlets[_outlet_key(entry.article)] - 1)
    keep_versions(library, superseded_versions)  # before the new texts replace them
    library.add_articles(story.id, [entry.article for entry in batch.values()])
    report.imported.extend(batch.values())
    if story.id not in report.story_ids:
        report.story_ids.append(story.id)


def _new_story_title(title: str) -> str:
    """A new story's title from its first article's: cut at a word, `NEW_STORY_TITLE_CHARS` at
    most (a title made from a first sentence can run long)."""
    if len(title) <= NEW_STORY_TITLE_CHARS:
        return title
    cut = title[:NEW_STORY_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-\u2013\u2014 ") + "\u2026"


def _write_chosen(
    library: Library, item: _Parsed, chooser: StoryChooser, report: ImportReport
) -> None:
    """Write one article into the story `chooser` picks for it (a new story titled after it)."""
    with library.import_transaction():
        story_id, why = chooser.choose(library, item.to_article(""))
        target = (
            library.get_story(story_id)
            if story_id
            else library.create_story(_new_story_title(item.title))
        )
        sources = {item.source or str(item.path.resolve())}
        held = [a.text for a in library.articles(target.id) if a.source not in sources]
        (cleaned,) = clean_story([item.cleaned], context=held)
        before = len(report.imported)
        _write_story(library, target, [replace(item, cleaned=cleaned)], report)
        for at in range(before, len(report.imported)):
            report.imported[at] = replace(report.imported[at], grouping=why)
            chooser.placed(report.imported[at].article)


def import_paths(
    library: Library,
    paths: Sequence[Path],
    *,
    story: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    pages: Sequence[PageSource] = (),
    chooser: StoryChooser | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import files and folders of scraped text; see the module docstring for how they group.

    `story` names the story for everything (an existing story's id or title adds to it);
    `outlet` overrides outlet detection for every file. `pages` are articles with no file of
    their own (fetched pages, JSON Lines records): they form one story, like loose files, unless
    a `chooser` is given. `chooser` picks each article's story when neither `story` nor a
    manifest names one.
    `url` and `date` (a publication time, `core.text.published`) are one page's address and
    publication time (`import --url/--date`, for a single file).
    """
    # A caller's own report holds what was done even when the import is interrupted (Ctrl-C):
    # each story's writes are one transaction, so what it lists landed and nothing else did.
    report = report if report is not None else ImportReport()
    if story is not None:
        story = safe_name(story)
        if not story:
            raise LibraryError("the story name is empty once control characters are removed")
    if date is not None:
        try:
            date = parse_published(date)
        except ValueError as exc:
            raise LibraryError(f"--date: {exc}") from None
    url = safe_name(url) or None
    manifests: dict[Path, dict[str, Any]] = {}
    groups = group_paths(paths, report, manifests)
    if (url or date) and sum(len(group.files) for group in groups) + len(pages) > 1:
        raise LibraryError("--url and --date describe one page: import a single file with them")
    if pages:
        groups.append(FileGroup(files=[], fallback_title=UNTITLED_STORY, pages=list(pages)))
    if story is not None:
        groups = [
            FileGroup(
                files=[f for g in groups for f in g.files],
                fallback_title=story,
                pages=[p for g in groups for p in g.pages],
            )
        ]
    total = report.inputs = sum(len(group.files) + len(group.pages) for group in groups)
    done = 0
    for group in groups:
        if report.interrupted:
            break
        parsed: list[_Parsed] = []
        items: list[Path | PageSource] = [*group.files, *group.pages]
        ready = prepare_all(items)  # many saved pages: read on every core
        for path in items:
            if report.interrupted:
                break
            try:
                prepared = next(ready)
                manifest = (
                    folder_manifest(path.parent, report, manifests)
                    if isinstance(path, Path)
                    else {}
                )
                parsed.append(
                    _parse(
                        path, outlet=outlet, manifest=manifest, url=url, date=date,
                        prepared=prepared,
                    )  # fmt: skip
                )
                if parsed[-1].note:
                    report.notes.append(parsed[-1].note)
            except UnreadableFile as exc:
                report.problems.append(str(exc))
            except KeyboardInterrupt:
                # Ctrl-C: stop reading; what was read is still written below, in one step per
                # story, so nothing half-written remains and the finished part is kept.
                report.interrupted = True
                continue
            done += 1
            if progress is not None:
                progress(done, total, path.name)
        if not parsed:
            continue
        if story is None and group.manifest_title is None and chooser is not None:
            for item in parsed:
                _write_chosen(library, item, chooser, report)
            continue
        # Parsing ran unlocked; choosing or creating the story and writing it is one locked step,
        # so two imports of the same folder at once still make one story.
        with library.import_transaction():
            if story is not None:
                target = _target_story(library, story, fuzzy=True)
            else:
                target = _target_story(library, _story_title(group, parsed), fuzzy=False)
            # Lines about other stories show against the story's other articles: this import's
            # and those already held (but not an earlier copy of a file imported again).
            sources = {item.source or str(item.path.resolve()) for item in parsed}
            held = [a.text for a in library.articles(target.id) if a.source not in sources]
            cleaned = clean_story([item.cleaned for item in parsed], context=held)
            parsed = [replace(item, cleaned=c) for item, c in zip(parsed, cleaned, strict=True)]
            _write_story(library, target, parsed, report)
    report.not_reached = total - done
    return report
