"""Drift: what changes as a sentence passes between outlets.

Inside one cluster (sentences that say the same thing) two versions may disagree on a name, a
number, a date, a quantity, a quotation or a spelling (`core.variants.differences`). Each
difference is reported once per cluster and pair of variants, with the outlets and sentences on
each side. Across clusters, `core.event_dates` adds the same event told with different days.

Work is per distinct text, not per member: wire copy repeats sentences verbatim, so a cluster of
500 outlets often holds a few dozen versions. Each version's facts (`core.variants.version`) are
built once per text, and two versions whose fact signatures are equal are not compared at all:
most copy-desk edits (a word swapped, dropped or replaced) leave every name, number, date, quote
and spelling as it was. Which versions carry a variant is looked up through each version's joined
words and remembered per cluster, since one variant recurs in many pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tui.core.event_dates import find_event_date_drift, outlet_names
from tui.core.models import Cluster, Drift, SentenceRef
from tui.core.variants import KIND_ORDER, differences, joined_words, version

__all__ = ["ALL_PAIRS_LIMIT", "differences", "find_drift"]

ALL_PAIRS_LIMIT = 8
"""Clusters with up to this many distinct versions compare every pair of versions; larger ones
compare each version with the first (the likely origin's)."""


class _Carriers:
    """Which members of one cluster contain a phrase, by contiguous words (case, punctuation
    ignored), and their outlets; answers are remembered, since one variant recurs across many
    pairs (the origin's side of a 500-outlet cluster is the same for every misspelling)."""

    def __init__(
        self,
        members: Sequence[SentenceRef],
        texts: Mapping[SentenceRef, str],
        outlets: Mapping[str, str],
    ) -> None:
        self._members = members
        self._outlets = outlets
        self._groups: dict[str, list[int]] = {}
        for position, member in enumerate(members):
            self._groups.setdefault(texts[member], []).append(position)
        self.versions = list(self._groups)
        """Distinct texts in member order (first occurrence)."""
        self._joined: list[str] | None = None
        self._known: dict[str, tuple[tuple[SentenceRef, ...], tuple[str, ...]]] = {}

    def side(self, phrase: str) -> tuple[tuple[SentenceRef, ...], tuple[str, ...]]:
        """(members whose text contains the phrase, their outlets)."""
        if phrase not in self._known:
            needle = joined_words(phrase)
            if self._joined is None:
                self._joined = [version(text).joined for text in self.versions]
            positions = sorted(
                position
                for text, joined in zip(self.versions, self._joined, strict=True)
                if needle.strip() and needle in joined
                for position in self._groups[text]
            )
            refs = tuple(self._members[p] for p in positions)
            self._known[phrase] = (refs, outlet_names(refs, self._outlets))
        return self._known[phrase]


def _cluster_drift(
    cluster: Cluster, texts: Mapping[SentenceRef, str], outlets: Mapping[str, str]
) -> list[Drift]:
    carriers = _Carriers(cluster.members, texts, outlets)
    versions = carriers.versions
    if len(versions) < 2:
        return []
    signatures = [version(text).signature for text in versions]
    if len(versions) <= ALL_PAIRS_LIMIT:
        pairs = [(x, y) for x in range(len(versions)) for y in range(x + 1, len(versions))]
    else:
        pairs = [(0, y) for y in range(1, len(versions))]
    seen: set[tuple[str, ...]] = set()
    found: list[Drift] = []
    for x, y in pairs:
        if signatures[x] == signatures[y]:  # the same facts: nothing can differ
            continue
        for kind, a, b in differences(versions[x], versions[y]):
            key = (kind, *sorted((a.casefold(), b.casefold())))
            if key in seen:
                continue
            seen.add(key)
            (refs_a, outlets_a), (refs_b, outlets_b) = carriers.side(a), carriers.side(b)
            found.append(
                Drift(
                    cluster=cluster.id,
                    kind=kind,
                    a=a,
                    b=b,
                    outlets_a=outlets_a,
                    outlets_b=outlets_b,
                    refs_a=refs_a,
                    refs_b=refs_b,
                )
            )
    return found


def find_drift(
    clusters: Sequence[Cluster],
    texts: Mapping[SentenceRef, str],
    outlets: Mapping[str, str],
) -> tuple[Drift, ...]:
    """Drift in every cluster, deduplicated per (cluster, kind, variants), plus event dates
    that differ across clusters (`core.event_dates`); sorted by cluster, kind, variants."""
    result: list[Drift] = []
    for cluster in clusters:
        result.extend(_cluster_drift(cluster, texts, outlets))
    result.extend(find_event_date_drift(clusters, texts, outlets, known=result))
    result.sort(key=lambda d: (d.cluster, KIND_ORDER[d.kind], d.a.casefold(), d.b.casefold()))
    return tuple(result)
