"""The Notes view's filter line: `tag:x outlet:"TRT World" story:tariff free words`.

Parsing and matching live here, apart from the screen, so the filter can be tested without a
terminal and the CLI could offer the same syntax. `tag:` compares whole tags without regard to
case (as `Annotation.has_tag` does); `outlet:` and `story:` match any part of the outlet name or
story title (or the story id); the remaining words are searched fuzzily with
`Annotations.search` over notes, quotes and tags.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from tui.core.notes.annotations import Annotation, Annotations

FILTER_KEYS = ("tag", "outlet", "story")


@dataclass(frozen=True, slots=True)
class NoteFilter:
    """What the filter line asks for; empty fields match everything."""

    tags: tuple[str, ...] = ()
    """Every one of these tags must be on the annotation."""
    outlet: str = ""
    story: str = ""
    words: str = ""
    """Free text, searched fuzzily."""

    @property
    def is_empty(self) -> bool:
        return not (self.tags or self.outlet or self.story or self.words)


def _split(text: str) -> list[str]:
    """Words of the filter line; quotes group words, an unbalanced quote is taken literally."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def parse_filter(text: str) -> NoteFilter:
    """Read a filter line. `key:value` for tag/outlet/story (quote values with spaces, or write
    `outlet:"TRT World"`); a repeated outlet or story keeps the last; other words are free text."""
    tags: list[str] = []
    fields = {"outlet": "", "story": ""}
    words: list[str] = []
    for token in _split(text):
        key, colon, value = token.partition(":")
        key = key.casefold()
        if colon and key in FILTER_KEYS and value.strip():
            if key == "tag":
                tags.append(" ".join(value.split()))
            else:
                fields[key] = value.strip()
        else:
            words.append(token)
    return NoteFilter(tuple(tags), fields["outlet"], fields["story"], " ".join(words))


def _matches(item: Annotation, wanted: NoteFilter) -> bool:
    if not all(item.has_tag(tag) for tag in wanted.tags):
        return False
    if wanted.outlet and wanted.outlet.casefold() not in (item.outlet or "").casefold():
        return False
    story = wanted.story.casefold()
    return not story or story in item.story_title.casefold() or story == item.target.story_id


def filter_annotations(annotations: Annotations, wanted: NoteFilter) -> list[Annotation]:
    """Annotations matching the filter: best search hit first when there are free words,
    otherwise most recently changed first."""
    if wanted.words:
        found = [hit.annotation for hit in annotations.search(wanted.words, limit=10_000)]
    else:
        # Two writes can share a millisecond: the later-stored one still counts as more recent.
        stored = list(enumerate(annotations.items()))
        stored.sort(key=lambda pair: (pair[1].updated_at, pair[0]), reverse=True)
        found = [item for _, item in stored]
    return [item for item in found if _matches(item, wanted)]
