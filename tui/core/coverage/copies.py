"""Wire families as the reader lists them: each family's outlets together, the copy closest to
the source first, with how much each copy changed the text it shares with that source.

A copy's sentences are counted against the family's origin: the same (its counterpart in the
origin reads the same once case, spacing and punctuation are set aside), edited (the origin
states it in other words or with changes), added (the origin does not have it); and the
origin's sentences the copy lacks are dropped. The numbers are the evidence for 'how much it
changed', so the reader can check each one in the diff.
"""

from __future__ import annotations

from typing import NamedTuple

from tui.core.models import Family, StoryAlignment

SAME_SCORE = 99.5
"""A counterpart scoring this or more reads the same (scores are 0-100 on normalised words)."""


class CopyChange(NamedTuple):
    """How one member of a family differs from the family's origin."""

    article_id: str
    outlet: str
    is_origin: bool
    same: int
    edited: int
    added: int
    dropped: int

    @property
    def changed(self) -> float:
        """The share of the sentences in either text that are not the same in both."""
        total = self.same + self.edited + self.added + self.dropped
        return (self.edited + self.added + self.dropped) / total if total else 0.0

    def summary(self) -> str:
        """'origin' or '12 same, 2 edited, 1 added, 3 dropped' (zeros left out)."""
        if self.is_origin:
            return "origin"
        parts = [
            f"{count} {word}"
            for count, word in (
                (self.same, "same"),
                (self.edited, "edited"),
                (self.added, "added"),
                (self.dropped, "dropped"),
            )
            if count
        ]
        return ", ".join(parts) or "empty"


class FamilyCopies(NamedTuple):
    """One wire family: its members closest to the source first, each with its changes."""

    family: Family
    copies: tuple[CopyChange, ...]
    evidence: str
    """Why these are copies of one text: '14 of 17 sentences near-verbatim in 2 other outlets'."""


def copy_change(alignment: StoryAlignment, origin: str, article_id: str) -> CopyChange:
    """How `article_id` differs from `origin`, sentence by sentence."""
    outlet = alignment.outlets.get(article_id, "?")
    if article_id == origin:
        count = len(alignment.sentences.get(origin, ()))
        return CopyChange(article_id, outlet, True, count, 0, 0, 0)
    same = edited = added = 0
    for info in alignment.sentences.get(article_id, ()):
        found = next((c for c in info.counterparts if c.article_id == origin), None)
        if found is None:
            added += 1
        elif found.score >= SAME_SCORE:
            same += 1
        else:
            edited += 1
    dropped = sum(
        1
        for info in alignment.sentences.get(origin, ())
        if not any(c.article_id == article_id for c in info.counterparts)
    )
    return CopyChange(article_id, outlet, False, same, edited, added, dropped)


def family_copies(alignment: StoryAlignment) -> tuple[FamilyCopies, ...]:
    """Every wire family of the story, largest first, with each copy's changes."""
    # Imported here: the aligner's modules (and rapidfuzz) load only when something is aligned,
    # not when the app opens a story whose alignment was kept on disk.
    from tui.core.align.families import family_evidence

    return tuple(
        FamilyCopies(
            family,
            tuple(copy_change(alignment, family.origin, member) for member in family.members),
            family_evidence(family),
        )
        for family in alignment.families
    )
