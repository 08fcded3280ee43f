"""Joining clusters that state one fact in other words.

`core.align.engine` groups copies: sentences close enough in wording to be one text edited by
different desks, one sentence per article per cluster. Outlets that rewrite the wire, or report on
their own, state the same facts in other words ('The accord followed talks in Washington between
...' / 'The agreement came after ... met ... in Washington'), and one article may state a fact
twice (a summary repeating its lede, an aggregator quoting several ledes). This pass joins such
clusters: two clusters join when their content words, reduced to one form (`core.text.stems`) and
weighted by how rare they are in the story, overlap enough; headlines join headlines at a lower
bar, since a story's headlines all name its main fact. Rare shared names and numbers carry most of
that weight, which is what makes two rewrites of one fact recognisable.

A joined cluster keeps one sentence per article as its member (the one from the largest copy
cluster); an article's other sentences in it are its repeats (`secondary`): they share the fact,
so they are neither unique nor missing, but drift and the coverage figures read only members.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from tui.core.models import Article
from tui.core.text.normalize import STOPWORDS
from tui.core.text.stems import stem

__all__ = ["FACT_JOIN", "TITLE_JOIN", "is_headline", "join_facts"]

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""

FACT_JOIN = 0.25
"""Weighted cosine of two clusters' stem profiles from which they state one fact."""
TITLE_JOIN = 0.10
"""The same for two clusters of headlines (every member an article's first sentence)."""
HEADLINE_WORDS = 5
"""Fewest words of a headline."""
_SENTENCE_ENDS = (".", "!", "?", '"', "\u201d", ":")
"""How a sentence (and so not a headline) may end."""
DISTINCT_IN = 3
"""Two clusters that this many articles each state in separate sentences are two facts."""
REPEAT_JOIN = 0.40
"""The bar for a join that brings no new outlet, only more sentences of the same articles."""
SEARCHED_STEMS = 8
"""A cluster looks for partners through its heaviest stems only: a join needs weight shared."""
RARE_POSTING = 40
"""A stem in more clusters than this finds no candidates (it still counts in the score)."""
LEAD_SENTENCES = 3
"""An article's headline and decks come within its first sentences."""


class _Profile:
    """A cluster's content: the mean of its members' unit stem vectors, and its articles.

    The dot product of two such means is the mean cosine over every pair of their members
    (average linkage), so a cluster that has grown loose scores lower, and joins stop chaining.
    """

    __slots__ = ("articles", "headline", "members", "vector")

    def __init__(self, members: list[Member], vector: dict[str, float], headline: bool) -> None:
        self.members = members
        self.articles = frozenset(rank for rank, _ in members)
        self.vector = vector
        self.headline = headline

    @classmethod
    def merged(cls, a: _Profile, b: _Profile) -> _Profile:
        na, nb = len(a.members), len(b.members)
        vector = {w: v * na for w, v in a.vector.items()}
        for w, v in b.vector.items():
            vector[w] = vector.get(w, 0.0) + v * nb
        total = na + nb
        return cls(
            a.members + b.members,
            {w: v / total for w, v in vector.items()},
            a.headline and b.headline,
        )


def _linkage(a: _Profile, b: _Profile) -> float:
    va, vb = a.vector, b.vector
    # fsum is exact whatever the order, so the set's order (which string hashing changes from
    # process to process) cannot reach the result.
    return math.fsum([va[w] * vb[w] for w in va.keys() & vb.keys()])


def is_headline(text: str) -> bool:
    """A headline or deck: a line of several words with no closing full stop (a subhead of a
    word or four names a section, not the story's main fact)."""
    stripped = text.rstrip()
    return len(stripped.split()) >= HEADLINE_WORDS and not stripped.endswith(_SENTENCE_ENDS)


def _content_stems(sentence_words: Sequence[str]) -> tuple[str, ...]:
    """A sentence's content stems, each once, in sentence order: never a set, whose order (and
    so the order floats are added in) would change with each process's string hashing."""
    return tuple(dict.fromkeys(stem(w) for w in sentence_words if w not in STOPWORDS))


def _join_titles(
    profiles: list[_Profile], alive: list[bool], is_title: Callable[[Member], bool]
) -> None:
    """Join every cluster made only of articles' titles and decks into one: a story is one event,
    and each outlet's headline names its main fact, in words too few and too varied for the
    stem overlap that joins body sentences."""
    titles = [at for at, profile in enumerate(profiles) if alive[at] and all(
        is_title(member) for member in profile.members)]
    if len(titles) < 2:
        return
    first = titles[0]
    for at in titles[1:]:
        profiles[first] = _Profile.merged(profiles[first], profiles[at])
        alive[at] = False


def join_facts(
    ordered: Sequence[Article],
    clusters: Sequence[list[Member]],
    sentence_words: Mapping[str, Sequence[Sequence[str]]],
) -> tuple[list[list[Member]], dict[Member, int]]:
    """Join copy clusters stating one fact; returns (clusters, secondary).

    Every cluster returned holds at most one sentence per article; `secondary` maps an article's
    further sentences of a joined fact to the index of the cluster holding its member.
    Deterministic: candidates and merges are ordered by score, then by cluster position.
    """
    # Per distinct text: wire copy repeats sentences verbatim across outlets.
    text_of: dict[Member, str] = {}
    read: dict[str, tuple[tuple[str, ...], bool]] = {}
    for rank, article in enumerate(ordered):
        for sentence, ws in zip(article.sentences, sentence_words[article.id], strict=True):
            text_of[(rank, sentence.index)] = text = sentence.text
            if text not in read:
                read[text] = (_content_stems(ws), is_headline(text))
    lead_titles = {
        (rank, s.index)
        for rank, article in enumerate(ordered)
        for s in article.sentences
        if s.kind == "title" or (s.index < LEAD_SENTENCES and is_headline(s.text))
    }
    frequency: Counter[str] = Counter()
    # Per distinct text, times its copies: the same counts, in the same order, at a fraction of
    # the updates when most of a story is wire copy.
    for member_text, copies in Counter(text_of.values()).items():
        for w in read[member_text][0]:
            frequency[w] += copies
    total = len(text_of)
    idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in frequency.items()}
    unit: dict[str, dict[str, float]] = {}
    for text, (stems, _) in read.items():
        norm = math.sqrt(sum([idf[w] ** 2 for w in stems])) or 1.0
        unit[text] = {w: idf[w] / norm for w in stems}
    profiles = []
    for members in clusters:
        mean: dict[str, float] = {}
        for member_text, copies in Counter(text_of[member] for member in members).items():
            for w, v in unit[member_text].items():
                mean[w] = mean.get(w, 0.0) + v * copies
        size = len(members)
        profiles.append(
            _Profile(
                list(members),
                {w: v / size for w, v in mean.items()},
                all(read[text_of[m]][1] for m in members),
            )
        )

    postings: dict[str, set[int]] = defaultdict(set)
    for at, profile in enumerate(profiles):
        for w in profile.vector:
            postings[w].add(at)
    heap: list[tuple[float, int, int, int, int]] = []
    """(-score, a, b, a's version, b's version): an entry scored before either cluster changed is
    stale and skipped (the pair was scored again, if still a candidate, when it changed)."""
    version = [0] * len(profiles)

    def push_pairs(at: int, *, after: int = -1) -> None:
        """Score `at` against every live cluster sharing a rare stem with it (those past
        `after` only: on the first pass each pair is met from its lower end)."""
        seen: set[int] = set()
        vector = profiles[at].vector
        for w in heapq.nlargest(SEARCHED_STEMS, vector, key=vector.__getitem__):
            posting = postings[w]
            if len(posting) <= RARE_POSTING:
                seen.update(posting)
        for other in sorted(seen):
            if other > after and other != at and alive[other]:
                _push(at, other)

    def _push(a: int, b: int) -> None:
        pa, pb = profiles[a], profiles[b]
        if pa.articles == pb.articles and len(pa.articles) == 1:
            return  # two sentences of one article: nothing another outlet says joins them
        if pa.headline != pb.headline:
            return  # headlines join headlines: a lede states more than its headline
        if len(pa.articles & pb.articles) >= DISTINCT_IN:
            return  # outlets that state both, apart: two facts
        bar = TITLE_JOIN if pa.headline else FACT_JOIN
        if pa.articles <= pb.articles or pb.articles <= pa.articles:
            bar = max(bar, REPEAT_JOIN)  # no new outlet: only a close restatement repeats a fact
        score = _linkage(pa, pb)
        if score >= bar:
            low, high = min(a, b), max(a, b)
            heapq.heappush(heap, (-score, low, high, version[low], version[high]))

    alive = [True] * len(profiles)
    for at in range(len(profiles)):
        push_pairs(at, after=at)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or (version[a], version[b]) != (version_a, version_b):
            continue
        merged = _Profile.merged(profiles[a], profiles[b])
        profiles[a] = merged
        version[a] += 1
        alive[b] = False
        for w in merged.vector:
            postings[w].add(a)
        push_pairs(a)

    _join_titles(profiles, alive, lambda member: member in lead_titles)
    size_of = {m: len(members) for members in clusters for m in members}
    joined: list[list[Member]] = []
    secondary: dict[Member, int] = {}
    for at, profile in enumerate(profiles):
        if not alive[at]:
            continue
        by_article: dict[int, list[Member]] = defaultdict(list)
        for member in profile.members:
            by_article[member[0]].append(member)
        primary = []
        for rank in sorted(by_article):
            ranked = sorted(by_article[rank], key=lambda m: (-size_of[m], m[1]))
            primary.append(ranked[0])
            for extra in ranked[1:]:
                secondary[extra] = len(joined)
        joined.append(primary)
    return joined, secondary
