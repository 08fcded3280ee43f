"""The values `core.notes.annotations` hands out, and how they are written to `annotations.json`.

Kept apart from the store so exports, the CLI and the app can name these types without pulling in
file handling. Every stored annotation is one TinyDB-style document (see `core.store.storage`), so the
file stays readable with `TinyDB(path, storage=AtomicJSONStorage)`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from rapidfuzz import fuzz, utils

from tui.core.models import Article, SentenceRef, Story
from tui.core.store.library import now_iso as library_now_iso
from tui.core.store.storage import LibraryError

TargetKind = Literal["story", "article", "sentence"]
SearchField = Literal["note", "quote", "tag"]
MAX_TAG_LENGTH = 64
MAX_NOTE_LENGTH = 100_000
SCHEMA = 1
"""Version of the document layout in annotations.json; bumped on any incompatible change."""


@dataclass(frozen=True, slots=True, order=True)
class Target:
    """What an annotation is about: a whole story, one article, or one sentence of an article."""

    kind: TargetKind
    story_id: str
    article_id: str | None = None
    sentence_index: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("story", "article", "sentence"):
            raise ValueError(f"unknown target kind {self.kind!r}")
        if not self.story_id:
            raise ValueError("a target needs a story id")
        wants_article = self.kind != "story"
        if wants_article != (self.article_id is not None):
            verb = "needs" if wants_article else "takes no"
            raise ValueError(f"a {self.kind} target {verb} article id")
        wants_index = self.kind == "sentence"
        if wants_index != (self.sentence_index is not None):
            verb = "needs" if wants_index else "takes no"
            raise ValueError(f"a {self.kind} target {verb} sentence index")
        if self.sentence_index is not None and self.sentence_index < 0:
            raise ValueError("a sentence index is 0 or more")

    @classmethod
    def story(cls, story_id: str) -> Target:
        return cls("story", story_id)

    @classmethod
    def article(cls, story_id: str, article_id: str) -> Target:
        return cls("article", story_id, article_id)

    @classmethod
    def sentence(cls, story_id: str, article_id: str, index: int) -> Target:
        return cls("sentence", story_id, article_id, index)

    @property
    def ref(self) -> SentenceRef | None:
        """The sentence this target names; None for story and article targets."""
        if self.article_id is None or self.sentence_index is None:
            return None
        return SentenceRef(self.article_id, self.sentence_index)


@dataclass(frozen=True, slots=True)
class Note:
    """A note in plain text or Markdown, with a copy of what it annotates."""

    id: str
    target: Target
    text: str
    quote: str
    outlet: str | None
    story_title: str
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """Everything attached to one target: its tags, its notes and the text they are about."""

    target: Target
    quote: str
    """The sentence, the article headline, or the story title, as it read when annotated."""
    outlet: str | None
    """The article's outlet; None for a story."""
    story_title: str
    tags: tuple[str, ...]
    notes: tuple[Note, ...]
    updated_at: str

    def has_tag(self, tag: str) -> bool:
        """Whether the annotation carries `tag`, compared without regard to case."""
        wanted = " ".join(tag.split()).casefold()
        return any(existing.casefold() == wanted for existing in self.tags)


@dataclass(frozen=True, slots=True)
class AnnotationContext:
    """The words that make an annotation readable on its own (see `annotations.context_for`)."""

    quote: str
    outlet: str | None
    story_title: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One annotation found by `Annotations.search`, with its best field's score (0-100)."""

    annotation: Annotation
    score: float
    field: SearchField


def normalise_tag(tag: str) -> str:
    """Fold whitespace in a tag and check it; raises ValueError with a readable reason."""
    cleaned = " ".join(tag.split())
    if not cleaned:
        raise ValueError("a tag cannot be empty")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise ValueError(f"a tag is at most {MAX_TAG_LENGTH} characters: {cleaned[:20]!r}...")
    if not cleaned.isprintable():
        raise ValueError(f"a tag cannot hold control characters: {cleaned!r}")
    return cleaned


def check_note_text(text: str) -> str:
    """Strip a note's outer whitespace and check it; raises ValueError with a readable reason."""
    body = text.strip()
    if not body:
        raise ValueError("a note cannot be empty")
    if len(body) > MAX_NOTE_LENGTH:
        raise ValueError(f"a note is at most {MAX_NOTE_LENGTH:,} characters")
    return body


class StoryReader(Protocol):
    """The part of `core.store.library.Library` that `context_for` reads."""

    def get_story(self, story_id: str) -> Story: ...

    def articles(self, story_id: str) -> list[Article]: ...


def context_for(library: StoryReader, target: Target) -> AnnotationContext:
    """Read the quote, outlet and story title for `target` from the library.

    A sentence's quote is its text, an article's its headline, a story's its title. Raises
    LibraryError (one line) when the story, article or sentence is not in the library.
    """
    story = library.get_story(target.story_id)
    if target.kind == "story":
        return AnnotationContext(story.title, None, story.title)
    article = next((a for a in library.articles(story.id) if a.id == target.article_id), None)
    if article is None:
        raise LibraryError(f"story {story.id} has no article {target.article_id!r}")
    if target.kind == "article":
        return AnnotationContext(article.title or article.outlet, article.outlet, story.title)
    index = target.sentence_index if target.sentence_index is not None else -1
    if not 0 <= index < len(article.sentences):
        raise LibraryError(f"article {article.id} ({article.outlet}) has no sentence {index}")
    return AnnotationContext(article.sentences[index].text, article.outlet, story.title)


def best_match(item: Annotation, needle: str, *, score_cutoff: float) -> SearchHit | None:
    """Score how well `needle` (already `default_process`ed) matches an annotation's fields.

    partial_ratio finds a query inside a long note and still scores a typo or two high; a query
    longer than a field is compared with plain ratio, so a short tag does not match every long
    query that happens to contain it.
    """
    fields: list[tuple[SearchField, str]] = [("quote", item.quote)]
    fields += [("note", note.text) for note in item.notes]
    fields += [("tag", tag) for tag in item.tags]
    best: SearchHit | None = None
    for name, text in fields:
        haystack = utils.default_process(text)
        scorer = fuzz.partial_ratio if len(needle) <= len(haystack) else fuzz.ratio
        score = scorer(needle, haystack, score_cutoff=score_cutoff)
        if score and (best is None or score > best.score):
            best = SearchHit(item, score, name)
    return best


# --- making and changing annotations -----------------------------------------------------------


def now_iso() -> str:
    """The current UTC time, to the millisecond (notes made in one second keep their order)."""
    return library_now_iso(timespec="milliseconds")


def blank_annotation(target: Target, context: AnnotationContext) -> Annotation:
    """A new annotation with no tags or notes yet."""
    return Annotation(target, context.quote, context.outlet, context.story_title, (), (), now_iso())


def with_context(base: Annotation, context: AnnotationContext, **changes: Any) -> Annotation:
    """Apply changes and take the newest context, keeping old words where none are given now."""
    quote = context.quote or base.quote
    outlet = context.outlet if context.outlet is not None else base.outlet
    title = context.story_title or base.story_title
    notes = tuple(replace(n, quote=quote, outlet=outlet, story_title=title) for n in base.notes)
    fields: dict[str, Any] = {"notes": notes, **changes}
    return replace(
        base, quote=quote, outlet=outlet, story_title=title, updated_at=now_iso(), **fields
    )


def unless_empty(item: Annotation) -> Annotation | None:
    """An annotation with neither tags nor notes is removed rather than kept empty."""
    return item if item.tags or item.notes else None


# --- the stored form ---------------------------------------------------------------------------


def target_to_doc(target: Target) -> dict[str, Any]:
    return {
        "kind": target.kind,
        "story_id": target.story_id,
        "article_id": target.article_id,
        "sentence_index": target.sentence_index,
    }


def target_from_doc(doc: dict[str, Any]) -> Target:
    return Target(doc["kind"], doc["story_id"], doc.get("article_id"), doc.get("sentence_index"))


def annotation_to_doc(item: Annotation) -> dict[str, Any]:
    """The JSON document for one annotation (also the shape exports use)."""
    return {
        "target": target_to_doc(item.target),
        "quote": item.quote,
        "outlet": item.outlet,
        "story_title": item.story_title,
        "tags": list(item.tags),
        "notes": [
            {"id": n.id, "text": n.text, "created_at": n.created_at, "updated_at": n.updated_at}
            for n in item.notes
        ],
        "updated_at": item.updated_at,
    }


def annotation_from_doc(doc: dict[str, Any]) -> Annotation:
    """Read one stored document; raises KeyError/TypeError/ValueError when it is malformed."""
    target = target_from_doc(doc["target"])
    quote, outlet, title = str(doc["quote"]), doc.get("outlet"), str(doc["story_title"])
    notes = tuple(
        Note(
            str(n["id"]),
            target,
            str(n["text"]),
            quote,
            outlet,
            title,
            str(n["created_at"]),
            str(n["updated_at"]),
        )
        for n in doc.get("notes", ())
    )
    tags = tuple(str(tag) for tag in doc.get("tags", ()))
    return Annotation(target, quote, outlet, title, tags, notes, str(doc["updated_at"]))
