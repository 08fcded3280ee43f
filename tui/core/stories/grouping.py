"""Which story an imported article belongs to: the decision, with the evidence for it.

A new article joins the story of the held article whose evidence is closest to its own
(`core.stories.index`), when they are close enough, or when they share sentences near-verbatim
(copies of one wire text), and only when nothing says they are two events: an article placing
its event in another year than every article of that story, or dated more than
`MAX_DAYS_APART` days from all of them, starts a story of its own. Otherwise it starts a new
story. Every decision carries what a reader needs to judge it: how many sentences the two share,
and the rare specifics (figures, dates, names) they have in common, or why they were kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from rapidfuzz import fuzz, process

from tui.core.align.similarity import SHARED_SCORE
from tui.core.stories.evidence import Evidence
from tui.core.stories.index import EvidenceIndex, Match

__all__ = ["JOIN_SCORE", "COPY_SCORE", "Decision", "place"]

JOIN_SCORE = 0.18
"""Evidence cosine (`index.Match.score`) from which an article joins the nearest story."""
COPY_SCORE = 0.12
"""A lower bar for an article sharing `COPY_SENTENCES` sentences near-verbatim with the story."""
COPY_SENTENCES = 2
MAX_DAYS_APART = 60
"""Two dated articles further apart than this report different events."""
SENTENCE_MIN_WORDS = 5
"""Shorter lines ('Share', a photo credit) are not counted as shared sentences."""
STORIES_TRIED = 3
"""How many of the nearest stories are weighed before starting a new one."""
SHOWN_SPECIFICS = 4


@dataclass(frozen=True, slots=True)
class Decision:
    """Where grouping puts one article, and why."""

    story_id: str | None
    """The story it joins; None when it starts a new story."""
    score: float
    """Evidence cosine with the nearest held article of that story (or of the nearest story)."""
    shared_sentences: int
    """Of the article's sentences, how many that story carries near-verbatim."""
    sentences: int
    specifics: tuple[str, ...]
    """The rarest figures, dates and names the article shares with that story, as shown."""
    nearest_story: str | None = None
    """For a new story: the closest story it was not put in, if any came close."""
    apart_because: str | None = None
    """For a new story next to a close one: what says they are different events."""


def _days(iso: str) -> int | None:
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def time_conflict(evidence: Evidence, index: EvidenceIndex, story_id: str) -> str | None:
    """Why the article's event cannot be the story's, from years and dates; None when it can.

    Days: the article names days of the month and the story names others, none of the
    article's; or both are dated and the article is more than MAX_DAYS_APART days from every
    dated article of the story. (Years named are no such evidence: reports recall past events
    and forecast later ones.)
    """
    held = [index.evidence[a] for a in index.articles_of.get(story_id, ())]
    mine = {f for f in evidence.features if f[0] == "d"}
    theirs = {f for e in held for f in e.features if f[0] == "d"}
    if mine and theirs and not mine & theirs:
        return f"it names {_listed(mine)}, the story {_listed(theirs)}"
    day = _days(evidence.date) if evidence.date else None
    dated = [d for d in (_days(e.date) for e in held if e.date) if d is not None]
    if day is not None and dated and min(abs(day - d) for d in dated) > MAX_DAYS_APART:
        return f"dated {evidence.date}, over {MAX_DAYS_APART} days from every article of the story"
    return None


def _listed(features: set[str]) -> str:
    shown = sorted(f[2:] for f in features)
    return ", ".join(shown[:3]) + (" ..." if len(shown) > 3 else "")


def shared_sentences(evidence: Evidence, others: list[Evidence]) -> int:
    """How many of the article's sentences one of `others` carries near-verbatim."""
    keys = [k for e in others for k in e.sentence_keys if k.count(" ") + 1 >= SENTENCE_MIN_WORDS]
    if not keys:
        return 0
    count = 0
    for key in evidence.sentence_keys:
        if key.count(" ") + 1 < SENTENCE_MIN_WORDS:
            continue
        if process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=SHARED_SCORE):
            count += 1
    return count


def _specifics(shared: frozenset[str], index: EvidenceIndex) -> tuple[str, ...]:
    """The rarest shared figures, dates and names, as words a reader recognises."""
    ranked = sorted((f for f in shared if f[0] in "#dn"), key=lambda f: (-index.weight(f), f))
    return tuple(f[2:] for f in ranked[:SHOWN_SPECIFICS])


def place(evidence: Evidence, index: EvidenceIndex) -> Decision:
    """Decide the story of one article against the articles `index` holds (it is not added)."""
    counted = sum(1 for k in evidence.sentence_keys if k.count(" ") + 1 >= SENTENCE_MIN_WORDS)
    best: dict[str, list[Match]] = {}
    for match in index.nearest(evidence):
        best.setdefault(match.story_id, []).append(match)
    nearest: tuple[str, float, str] | None = None
    for story_id, matches in list(best.items())[:STORIES_TRIED]:
        top = matches[0]
        copies = shared_sentences(evidence, [index.evidence[m.article_id] for m in matches[:3]])
        close = top.score >= JOIN_SCORE or (copies >= COPY_SENTENCES and top.score >= COPY_SCORE)
        if not close:
            continue
        conflict = time_conflict(evidence, index, story_id)
        if conflict is None:
            return Decision(story_id, top.score, copies, counted, _specifics(top.shared, index))
        if nearest is None:
            nearest = (story_id, top.score, conflict)
    if nearest is not None:
        story_id, score, conflict = nearest
        return Decision(None, score, 0, counted, (), story_id, conflict)
    score = next(iter(best.values()))[0].score if best else 0.0
    return Decision(None, score, 0, counted, ())
