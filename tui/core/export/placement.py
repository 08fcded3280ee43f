"""Where each annotation of a story stands now: the data every export format is made from.

An annotation keeps the sentence it was made on (article id and index) and its exact quote. By
export time the story may have been re-imported: a sentence now under a new article id is found
again by its quote within the same outlet; one that is gone keeps its quote and says so. `gather`
does this once and hands the result, a `StoryExport`, to whichever renderer the format needs
(`core.export.writer` for JSON and CSV, `core.export.markdown`, `core.export.html`); it lives apart from them
so the renderers depend on this data, not on the module that picks among them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from tui.core.coverage.story import StoryCoverage, story_coverage
from tui.core.models import Article, Drift, SentenceInfo, SentenceRef, Story, StoryAlignment
from tui.core.notes.annotations import Annotations
from tui.core.notes.review import Decision, ReviewState, confirmed_only, drift_key
from tui.core.notes.types import Annotation
from tui.core.reader.story import OpenedStory
from tui.core.text.safe_text import display_lines, display_text


@dataclass(frozen=True, slots=True)
class PlacedAnnotation:
    """An annotation and where its sentence stands in the story now."""

    annotation: Annotation
    ref: SentenceRef | None
    """The sentence now carrying the quote; None for story/article targets or when it is gone."""
    info: SentenceInfo | None
    """What alignment says about that sentence."""
    present: bool
    """False when the annotated article or sentence is no longer in the library."""

    @property
    def status(self) -> str:
        """shared / reworded / unique for sentences; story, article, or gone otherwise."""
        if not self.present:
            return "gone"
        if self.info is not None:
            return self.info.status
        return self.annotation.target.kind

    @property
    def also_in(self) -> tuple[str, ...]:
        return self.info.outlets if self.info else ()


@dataclass(frozen=True)
class StoryExport:
    """Everything an exporter needs, gathered once."""

    story: Story
    articles: list[Article]
    alignment: StoryAlignment
    items: list[PlacedAnnotation]
    tag: str | None
    coverage: StoryCoverage | None = None
    """Who covered the story (`core.coverage`), from the user's outlet profiles when given."""
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    """The reader's judgement of each drift, by `core.notes.review.drift_key`."""
    all_drifts: bool = False
    """Report every drift (marked confirmed, dismissed or not reviewed), not only the confirmed."""

    def reported_drifts(self) -> tuple[list[Drift], int]:
        """The drifts a memo reports (the confirmed ones, or all with `all_drifts`) and how many
        it leaves out."""
        drifts = list(self.alignment.drift)
        if self.all_drifts:
            return drifts, 0
        kept = confirmed_only(drifts, self.decisions)
        return kept, len(drifts) - len(kept)

    def decision_of(self, drift: Drift) -> str:
        """'confirmed', 'dismissed' or 'not reviewed'."""
        return self.decisions.get(drift_key(drift), "not reviewed")

    def outlet_of(self, article_id: str) -> str:
        return self.alignment.outlets.get(article_id, article_id)

    def coverage_in_context(self) -> StoryCoverage:
        """The story's coverage: as gathered, else with every outlet unrated."""
        return self.coverage or story_coverage(self.articles, self.alignment)

    def source_of(self, placed: PlacedAnnotation) -> Article | None:
        """The article an annotation's quote stands in now (its URL and date cite it); None
        for a story annotation or one whose article is gone."""
        article_id = placed.ref.article_id if placed.ref else placed.annotation.target.article_id
        if not placed.present or article_id is None:
            return None
        return next((article for article in self.articles if article.id == article_id), None)


def _fold(text: str) -> str:
    return " ".join(text.split())


def place(
    item: Annotation, articles: Sequence[Article], alignment: StoryAlignment
) -> PlacedAnnotation:
    """Find an annotation's sentence in the story as it is now (see the module docstring)."""
    target = item.target
    by_id = {article.id: article for article in articles}
    if target.kind == "story":
        return PlacedAnnotation(item, None, None, True)
    if target.kind == "article":
        return PlacedAnnotation(item, None, None, target.article_id in by_id)
    quote = _fold(item.quote)
    article = by_id.get(target.article_id or "")
    index = target.sentence_index if target.sentence_index is not None else -1
    ref: SentenceRef | None = None
    if article is not None and 0 <= index < len(article.sentences):
        ref = SentenceRef(article.id, index)
        if _fold(article.sentences[index].text) != quote:
            ref = None  # re-imported with other words at this place: look for the quote instead
    if ref is None:
        outlet = (item.outlet or "").casefold()
        ref = next(
            (
                SentenceRef(other.id, sentence.index)
                for other in articles
                if other.outlet.casefold() == outlet
                for sentence in other.sentences
                if _fold(sentence.text) == quote
            ),
            None,
        )
    if ref is None:
        return PlacedAnnotation(item, None, None, False)
    infos = alignment.sentences.get(ref.article_id, ())
    info = infos[ref.index] if ref.index < len(infos) else None
    return PlacedAnnotation(item, ref, info, True)


def for_export(annotation: Annotation) -> Annotation:
    """The annotation with every text the user typed or a page held made inert for a file or
    a terminal: escape sequences, control, bidi and zero-width characters out (`display_text`;
    a note keeps its line breaks). Each format then escapes for itself (Markdown, CSV, HTML)."""
    return replace(
        annotation,
        quote=display_text(annotation.quote),
        outlet=display_text(annotation.outlet) if annotation.outlet is not None else None,
        story_title=display_text(annotation.story_title),
        tags=tuple(display_text(tag) for tag in annotation.tags),
        notes=tuple(
            replace(
                note,
                text=display_lines(note.text),
                quote=display_text(note.quote),
                outlet=display_text(note.outlet) if note.outlet is not None else None,
                story_title=display_text(note.story_title),
            )
            for note in annotation.notes
        ),
    )


def gather(
    opened: OpenedStory,
    annotations: Annotations,
    *,
    tag: str | None = None,
    coverage: StoryCoverage | None = None,
    all_drifts: bool = False,
) -> StoryExport:
    """Place the annotations of an opened story (`core.reader`) in it as it stands now, their
    text made safe to leave crosswire (`for_export`), with the reader's drift decisions
    (`core.notes.review`, from the same library)."""
    story, articles, alignment = opened
    # Placed first, on the quote as stored, then made safe: the quote finds its sentence.
    items = [
        replace(placed, annotation=for_export(placed.annotation))
        for placed in (
            place(item, articles, alignment)
            for item in annotations.items(story_id=story.id, tag=tag)
        )
    ]
    decisions = ReviewState(annotations.home).decisions(story.id)
    return StoryExport(story, articles, alignment, items, tag, coverage, decisions, all_drifts)
