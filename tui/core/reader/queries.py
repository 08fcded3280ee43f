"""Questions the faces ask of an aligned story: a sentence's version in another outlet, the next
sentence with some status, the sentences of a cluster.

Kept here, beside the reader, so that the app's screens, the CLI and the exports answer them the
same way instead of each walking the alignment on its own.
"""

from __future__ import annotations

from tui.core.models import SentenceInfo, SentenceRef, Status, StoryAlignment

__all__ = ["counterpart_in", "first_counterpart_outlet", "next_with_status", "sentence_info"]


def sentence_info(alignment: StoryAlignment, ref: SentenceRef) -> SentenceInfo | None:
    """What alignment says of one sentence, or None when `ref` is not in the alignment."""
    infos = alignment.sentences.get(ref.article_id, ())
    return infos[ref.index] if 0 <= ref.index < len(infos) else None


def counterpart_in(alignment: StoryAlignment, ref: SentenceRef, article_id: str) -> int | None:
    """The index of `ref`'s best counterpart in the article `article_id`, or None."""
    info = sentence_info(alignment, ref)
    if info is None:
        return None
    return next((c.index for c in info.counterparts if c.article_id == article_id), None)


def first_counterpart_outlet(alignment: StoryAlignment, ref: SentenceRef) -> str | None:
    """The article holding `ref`'s best counterpart in another article, or None."""
    info = sentence_info(alignment, ref)
    if info is None:
        return None
    return next((c.article_id for c in info.counterparts if c.article_id != ref.article_id), None)


def next_with_status(
    alignment: StoryAlignment, ref: SentenceRef, status: Status, *, direction: int
) -> int | None:
    """The index of the next sentence after `ref` (before it when `direction` < 0) in the same
    article whose status is `status`, or None."""
    infos = alignment.sentences.get(ref.article_id, ())
    order = range(ref.index + 1, len(infos)) if direction > 0 else range(ref.index - 1, -1, -1)
    return next((index for index in order if infos[index].status == status), None)
