"""Plain, typed values shared by every part of crosswire.

These immutable records are the contract between cleaning, the store, alignment, export and the
two faces (CLI and app). They hold data only; the functions that make and read them live in the
modules named in each docstring.

They are NamedTuples, not frozen dataclasses: an alignment builds one per sentence and per
counterpart, and reads them back from disk (`core.reader.cache`); a NamedTuple is built and
unpickled several times faster than a frozen dataclass and costs nothing to define at import.
Copy one with a change by `_replace`.
Only StoryAlignment, built once per story and holding a mutable `extra`, stays a dataclass.

No `from __future__ import annotations` here: NamedTuple would turn every string annotation into
a ForwardRef and compile it at import; every type named below is defined above its
use, so the annotations are evaluated as they are.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

SentenceKind = Literal["title", "heading", "body"]
"""What a kept line is: the article's headline, a subhead inside it, or running text."""

Status = Literal["shared", "reworded", "unique"]
"""How widely a sentence is carried: near-verbatim elsewhere, same content reworded, or alone."""

DriftKind = Literal["name", "number", "date", "quantity", "quote", "spelling"]
"""What differs between two outlets' versions of one sentence. `spelling` is the quiet kind."""

DriftScope = Literal["cluster", "story"]
"""Where a drift was found: inside one cluster, or across the story (event dates, tolls)."""


class Sentence(NamedTuple):
    """One sentence of an article, with where it stands in the raw scraped text (`core.ingest.segment`)."""

    index: int  # type: ignore[assignment]  # shadows tuple.index, never called on these
    """Position among the article's sentences, from 0."""
    text: str
    """The sentence as shown: whitespace folded, nothing else changed."""
    start: int
    """Character offset of its first character in the raw text."""
    end: int
    """Character offset just past its last character in the raw text."""
    line: int
    """0-based number of the raw line it starts on."""
    kind: SentenceKind = "body"


class RemovedLine(NamedTuple):
    """A raw line that cleaning took out, kept so the user can see it (`core.ingest.clean`)."""

    line: int
    """0-based raw line number."""
    text: str
    reason: str
    """A short label a reader understands: 'headline list', 'credit line', 'read time', ..."""


class CleanResult(NamedTuple):
    """What cleaning makes of one raw scraped text (`core.ingest.clean.clean_text`)."""

    text: str
    """The article text: kept lines joined by newlines."""
    title: str | None
    date: str | None
    """ISO date (YYYY-MM-DD) when the text states one."""
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedLine, ...]
    kept_lines: tuple[int, ...]
    """0-based raw line numbers of the kept lines, in order."""


class Story(NamedTuple):
    """A story: the articles of many outlets about one event (`core.store.library`)."""

    id: str
    title: str
    created_at: str
    """ISO timestamp, UTC."""
    article_ids: tuple[str, ...] = ()


class Article(NamedTuple):
    """One outlet's article as stored in the library (`core.store.library`, `core.store.importer`)."""

    id: str
    story_id: str
    outlet: str
    title: str
    source: str
    """The file name or URL it was imported from."""
    url: str | None
    date: str | None
    imported_at: str
    raw: str
    """The scraped text, verbatim."""
    text: str
    """The cleaned article text."""
    sentences: tuple[Sentence, ...]
    removed: tuple[RemovedLine, ...]
    author: str | None = None
    """The byline a web page's metadata gives, when it gives one."""


# --- alignment (core.align.engine and friends) -------------------------------------------------------


class SentenceRef(NamedTuple):
    """Names one sentence of one article in a story."""

    article_id: str
    index: int  # type: ignore[assignment]  # shadows tuple.index, never called on these


class Counterpart(NamedTuple):
    """The best match for a sentence in one other article."""

    article_id: str
    outlet: str
    index: int  # type: ignore[assignment]  # shadows tuple.index, never called on these
    score: float
    """Similarity, 0 to 100."""


class SentenceInfo(NamedTuple):
    """What alignment says about one sentence."""

    ref: SentenceRef
    text: str
    status: Status
    cluster: int
    outlets: tuple[str, ...]
    """The other outlets that carry this sentence's cluster (its own outlet excluded)."""
    counterparts: Sequence[Counterpart]
    """Best counterpart in each other article that carries the cluster, best score first.
    An immutable sequence equal to the tuple of its items: a tuple, or a
    `core.align.counterparts.Counterparts` that builds the tuple when first read."""


class Cluster(NamedTuple):
    """Sentences of different outlets that say the same thing. Ids follow story order."""

    id: int
    members: tuple[SentenceRef, ...]
    text: str
    """A representative sentence (the one from the likely origin when it has one)."""
    outlets: tuple[str, ...]
    repeats: tuple[SentenceRef, ...] = ()
    """Further sentences of the members' articles stating the same fact (a summary repeating
    its lede, a fact split in two): members are one per article, repeats come on top."""


class MissingItem(NamedTuple):
    """A cluster other outlets carry and an article does not."""

    cluster: int
    text: str
    outlets: tuple[str, ...]
    example: SentenceRef
    """Where to jump to read it."""


class Drift(NamedTuple):
    """A name, number, date, quantity, quote or spelling that differs inside one cluster."""

    cluster: int
    kind: DriftKind
    a: str
    b: str
    outlets_a: tuple[str, ...]
    outlets_b: tuple[str, ...]
    refs_a: tuple[SentenceRef, ...] = ()
    refs_b: tuple[SentenceRef, ...] = ()
    scope: DriftScope = "cluster"
    """'cluster': both sides are versions of one sentence, all in `cluster`. 'story': one event
    dated differently, or one toll counted differently, in different sentences
    (`core.drift.event_dates`, `core.drift.tolls`); `cluster` is the cluster of the
    first sentence on side b (the minority), and the refs may lie in any cluster."""


class PairShare(NamedTuple):
    """How much two articles share: the fraction of a's sentences whose cluster b carries."""

    a: str
    b: str
    shared: int
    share: float


class OutletShare(NamedTuple):
    """One article's mix of statuses and its share of copy shared with others."""

    article_id: str
    outlet: str
    sentences: int
    shared: int
    reworded: int
    unique: int
    wire_share: float
    unique_share: float


class Family(NamedTuple):
    """Articles that run one text (a wire story and its copies), closest to the source first."""

    origin: str
    """The article covering most of what the others carry: the copy closest to the source."""
    members: tuple[str, ...]
    """Article ids, the origin first, then by how many sentences each shares with it."""
    near_verbatim: int
    """The origin's sentences that other members carry near-verbatim: the evidence."""
    sentences: int
    """The origin's sentences in all."""


@dataclass(frozen=True)
class StoryAlignment:
    """Everything alignment computes for one story (`core.align.engine.align_story`)."""

    article_ids: tuple[str, ...]
    outlets: dict[str, str]
    """Article id -> outlet name."""
    sentences: dict[str, tuple[SentenceInfo, ...]]
    clusters: tuple[Cluster, ...]
    missing: dict[str, tuple[MissingItem, ...]]
    drift: tuple[Drift, ...]
    pairs: tuple[PairShare, ...]
    shares: tuple[OutletShare, ...]
    origin: str | None
    """The origin of the largest wire family (`families[0]`), or None when no two articles
    share a text: a story of independent reports has no origin."""
    extra: dict[str, object] = field(default_factory=dict)
    families: tuple[Family, ...] = ()
    """Wire families, largest first (`core.align.families`)."""
