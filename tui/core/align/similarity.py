"""The match rule: when two sentences of a story say the same thing.

Two sentences match when `fuzz.ratio` on their sorted normalised words (token-sort score) reaches
MATCH_SCORE, or reaches BAND_SCORE with enough shared rare words (EVIDENCE): on the labelled seed
pairs (tests/fixtures/pairs.json) no unrelated pair scores 60 or more, while the 50-60 band holds
true rewrites among many same-topic strangers. Rarity (idf) comes from the story's own sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from rapidfuzz import fuzz

from tui.core.text.normalize import STOPWORDS, words

__all__ = ["BAND_SCORE", "EVIDENCE", "MATCH_SCORE", "SHARED_SCORE", "Features", "SimilarityModel"]

MATCH_SCORE = 60.0
"""Token-sort score at which two sentences match on score alone."""
BAND_SCORE = 50.0
"""Lowest token-sort score at which a match is possible, given evidence."""
SHARED_SCORE = 85.0
"""Score from which a counterpart counts as near-verbatim copy ('shared' rather than 'reworded');
here with the other thresholds, so the app reads it without importing the alignment engine."""
EVIDENCE = 20.0
"""Idf-weighted cosine (0-100) of content words a match in the 50-60 band needs."""
_IDF = itemgetter(1)
ALWAYS_INDEXED = 4
"""A sentence's rarest words are indexed even when common, so headlines made only of common
words ('Japan and US agree to expand cooperation') still find each other."""


@dataclass(slots=True)
class Features:
    """One sentence prepared for matching."""

    key: str
    """Normalised words, sorted and joined."""
    weights: dict[str, float]
    """Content word -> idf weight."""
    norm: float
    indexed: tuple[tuple[str, float], ...] = ()
    headline: bool = False
    """A headline or deck (`core.align.facts.is_headline`), set by the aligner."""
    """(word, idf) of the content words the cluster index files it under, rarest first: every
    word that is not common in the story, plus its rarest words up to ALWAYS_INDEXED even when
    common."""


class SimilarityModel:
    """Scores sentence pairs of one story; idf comes from the story's own sentences.

    Words in more than `common_above` sentences are common: too widespread to find candidate
    clusters with (they still count in scores).
    """

    def __init__(
        self, sentence_words: Sequence[Sequence[str]], *, common_above: int | None = None
    ) -> None:
        self.document_frequency: Counter[str] = Counter()
        self.document_frequency.update(chain.from_iterable(map(set, sentence_words)))
        self.total = len(sentence_words)
        self._idf = {w: self.idf(w) for w in self.document_frequency}
        self.common = frozenset(
            ()
            if common_above is None
            else (w for w, n in self.document_frequency.items() if n > common_above)
        )

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> SimilarityModel:
        return cls([words(t) for t in texts])

    def idf(self, word: str) -> float:
        return math.log((self.total + 1) / (self.document_frequency.get(word, 0) + 1)) + 1.0

    def features_of_words(self, sentence_words: Sequence[str]) -> Features:
        known, common = self._idf, self.common
        try:  # the story's own sentences: every word already has its idf
            weights = {w: known[w] for w in sentence_words if w not in STOPWORDS}
        except KeyError:
            weights = {w: known.get(w) or self.idf(w) for w in sentence_words if w not in STOPWORDS}
        norm = math.hypot(*weights.values())
        # Common words have lower idf than every other word, so a sentence's rarest words are
        # its uncommon ones first: only a sentence with few of those indexes common words.
        indexed = [(w, v) for w, v in weights.items() if w not in common]
        if len(indexed) < min(ALWAYS_INDEXED, len(weights)):
            rest = sorted((-v, w) for w, v in weights.items() if w in common)
            indexed += [(w, -v) for v, w in rest[: ALWAYS_INDEXED - len(indexed)]]
        # Rarest first (ties in sentence order): the cluster index walks a sentence's rarest
        # words whatever their postings, and only short postings after them.
        indexed.sort(key=_IDF, reverse=True)
        return Features(" ".join(sorted(sentence_words)), weights, norm, tuple(indexed))

    def features(self, text: str) -> Features:
        return self.features_of_words(words(text))

    @staticmethod
    def evidence(a: Features, b: Features) -> float:
        """Idf-weighted cosine of the two sentences' content words, 0-100."""
        if not a.norm or not b.norm:
            return 0.0
        small, large = (a, b) if len(a.weights) <= len(b.weights) else (b, a)
        # A list, not a generator: resuming a generator per word costs more than the product.
        shared = sum([v * v for w, v in small.weights.items() if w in large.weights])
        return 100.0 * shared / (a.norm * b.norm)

    @staticmethod
    def accepts(score: float, evidence: float) -> bool:
        """The match rule, measured on the labelled seed pairs."""
        return score >= MATCH_SCORE or (score >= BAND_SCORE and evidence >= EVIDENCE)

    def matches(self, a: str, b: str) -> bool:
        fa, fb = self.features(a), self.features(b)
        return self.accepts(fuzz.ratio(fa.key, fb.key), self.evidence(fa, fb))
