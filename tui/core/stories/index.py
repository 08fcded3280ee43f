"""An inverted index of evidence over every article of the library, to find a new article's story
without comparing it with every story.

Each feature (`core.stories.evidence`) lists the articles carrying it. A new article looks up only
its rarest features, so the work per article depends on how rare its evidence is, not on how
many articles the library holds; the few articles found are then scored in full.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.stories.evidence import KIND_WEIGHT, Evidence

__all__ = ["EvidenceIndex", "Match"]

SEARCHED_FEATURES = 48
"""A new article looks for candidates through this many of its rarest features."""
CANDIDATES = 24
"""Articles scored in full per new article (those sharing the most rare evidence with it)."""


@dataclass(frozen=True, slots=True)
class Match:
    """One held article and how close a new article's evidence is to it."""

    article_id: str
    story_id: str
    score: float
    """Cosine of the two articles' evidence, each feature weighted by rarity and kind (0-1)."""
    shared: frozenset[str]
    """The features both carry."""


class EvidenceIndex:
    """Every held article's evidence, the story it is in, and who carries each feature."""

    def __init__(self) -> None:
        self.evidence: dict[str, Evidence] = {}
        self.story_of: dict[str, str] = {}
        self.articles_of: dict[str, set[str]] = defaultdict(set)
        self._postings: dict[str, list[str]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self.evidence)

    def add(self, article_id: str, story_id: str, evidence: Evidence) -> None:
        """Hold an article (in place of an earlier version of it)."""
        if article_id in self.evidence:
            self.remove(article_id)
        self.evidence[article_id] = evidence
        self.story_of[article_id] = story_id
        self.articles_of[story_id].add(article_id)
        for feature in evidence.features:
            self._postings[feature].append(article_id)

    def remove(self, article_id: str) -> None:
        """Forget an article (deleted, or about to be replaced)."""
        evidence = self.evidence.pop(article_id, None)
        if evidence is None:
            return
        story_id = self.story_of.pop(article_id)
        self.articles_of[story_id].discard(article_id)
        if not self.articles_of[story_id]:
            del self.articles_of[story_id]
        for feature in evidence.features:
            posting = self._postings[feature]
            posting.remove(article_id)
            if not posting:
                del self._postings[feature]

    def move(self, article_ids: Iterable[str], story_id: str) -> None:
        """Record that these articles now belong to `story_id`."""
        for article_id in article_ids:
            evidence = self.evidence.get(article_id)
            if evidence is not None:
                old = self.story_of[article_id]
                self.articles_of[old].discard(article_id)
                if not self.articles_of[old]:
                    del self.articles_of[old]
                self.story_of[article_id] = story_id
                self.articles_of[story_id].add(article_id)

    def weight(self, feature: str) -> float:
        """A feature's weight: its rarity among held articles (idf) times its kind's weight."""
        total = len(self.evidence)
        held = len(self._postings.get(feature, ()))
        return (math.log((total + 2) / (held + 1)) + 1.0) * KIND_WEIGHT[feature[0]]

    def _norm(self, features: Iterable[str]) -> float:
        weight = self.weight
        return math.sqrt(sum([weight(f) ** 2 for f in features])) or 1.0

    def nearest(self, evidence: Evidence) -> list[Match]:
        """The held articles closest to `evidence`, best first (at most CANDIDATES)."""
        postings = self._postings
        rare = heapq.nsmallest(
            SEARCHED_FEATURES,
            (f for f in evidence.features if f in postings),
            key=lambda f: (len(postings[f]), f),
        )
        overlap: dict[str, float] = defaultdict(float)
        for feature in rare:
            gain = self.weight(feature) ** 2
            for article_id in postings[feature]:
                overlap[article_id] += gain
        chosen = heapq.nlargest(CANDIDATES, overlap.items(), key=lambda item: (item[1], item[0]))
        norm = self._norm(evidence.features)
        matches = []
        for article_id, _ in chosen:
            held = self.evidence[article_id]
            shared = evidence.features & held.features
            dot = sum([self.weight(f) ** 2 for f in shared])
            score = dot / (norm * self._norm(held.features))
            matches.append(Match(article_id, self.story_of[article_id], score, shared))
        matches.sort(key=lambda m: (-m.score, m.article_id))
        return matches
