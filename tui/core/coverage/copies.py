"""Wire families as the reader lists them: each family's outlets together, the copy closest to
the source first, with how much each copy changed the text it shares with that source.

A copy's sentences are counted against the family's origin: the same (the origin has a sentence
that reads the same once case, spacing and punctuation are set aside), edited (the origin states
it in other words or with changes), added (no sentence of the origin states it); and the
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


def family_changes(alignment: StoryAlignment, family: Family) -> tuple[CopyChange, ...]:
    """How each member of `family` differs from its origin, the origin first.

    Read in one pass over the origin's sentences and their counterparts (the best sentence of
    each other article stating the same fact), so a 500-outlet family costs the origin's
    sentences times its members, not every member's sentences times every member.
    """
    origin = family.origin
    origin_sentences = alignment.sentences.get(origin, ())
    members = [m for m in family.members if m != origin]
    wanted = set(members)
    best: dict[str, dict[int, float]] = {m: {} for m in members}
    carried: dict[str, int] = dict.fromkeys(members, 0)
    for info in origin_sentences:
        for counterpart in info.counterparts:
            if counterpart.article_id in wanted:
                scores = best[counterpart.article_id]
                scores[counterpart.index] = max(
                    scores.get(counterpart.index, 0.0), counterpart.score
                )
                carried[counterpart.article_id] += 1
    changes = [
        CopyChange(origin, alignment.outlets.get(origin, "?"), True, len(origin_sentences), 0, 0, 0)
    ]
    for member in members:
        scores = best[member]
        same = sum(1 for score in scores.values() if score >= SAME_SCORE)
        changes.append(
            CopyChange(
                member,
                alignment.outlets.get(member, "?"),
                False,
                same,
                len(scores) - same,
                len(alignment.sentences.get(member, ())) - len(scores),
                len(origin_sentences) - carried[member],
            )
        )
    return tuple(changes)


def family_copies(alignment: StoryAlignment) -> tuple[FamilyCopies, ...]:
    """Every wire family of the story, largest first, with each copy's changes."""
    # Imported here: the aligner's modules (and rapidfuzz) load only when something is aligned,
    # not when the app opens a story whose alignment was kept on disk.
    from tui.core.align.families import family_evidence

    return tuple(
        FamilyCopies(
            family,
            family_changes(alignment, family),
            family_evidence(family),
        )
        for family in alignment.families
    )
