"""Drift: what changes as a sentence passes between outlets.

Inside one cluster (sentences that say the same thing) two versions may disagree on a name, a
number, a date, a quantity, a quotation or a spelling (`core.drift.differences`). Each difference
is reported once per cluster and pair of variant keys (so '$3m' and '3 million dollars' are one
variant), with the outlets and sentences on each side. Across clusters, `core.drift.event_dates`
adds the same event told with different days, and `core.drift.tolls` the tolls that differ
between the articles' openings.

Work is per distinct text, not per member: wire copy repeats sentences verbatim, so a cluster of
500 outlets often holds a few dozen versions. Each version's fact signature
(`core.drift.variants.signature`) is read once per text, and two versions whose signatures are equal
are not compared at all: most copy-desk edits (a word swapped, dropped or replaced) leave every
name, number, date, quote and spelling as it was. Which versions carry a variant is looked up
in each version's signature (numbers and dates by key) or words (the rest), only in clusters
that have drift, and remembered per cluster, since one variant recurs in many pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import itemgetter

from tui.core.drift.differences import KEYED_KINDS, differences, keyed_differences
from tui.core.drift.event_dates import OutletNames, find_event_date_drift
from tui.core.drift.slots import figures
from tui.core.drift.tolls import find_toll_drift
from tui.core.drift.variants import KIND_ORDER, Signature, digest, joined_texts, joined_words
from tui.core.models import Cluster, Drift, DriftKind, SentenceRef

__all__ = ["ALL_PAIRS_LIMIT", "differences", "find_drift"]

ALL_PAIRS_LIMIT = 8
"""Clusters with up to this many distinct versions compare every pair of versions; larger ones
compare each version with the first (the likely origin's)."""


_SIGNATURE = itemgetter(0)
_WEEKDAYS, _MONTHS, _YEARS = 2, 3, 4
"""Where a `variants.Signature` keeps the keys of weekdays, months and years."""
"""`Digest.signature`, read at C speed."""


class _Carriers:
    """Which members of one cluster carry a variant; answers are remembered,
    since one variant recurs across many pairs (the origin's side of a 500-outlet cluster is the
    same for every misspelling).

    Numbers and dates are carried by key ('$3m' and '3 million dollars' both carry 'usd
    3000000'; numbers by the keys of `core.drift.slots.figures`); names, quotes and spellings
    by their words, in order (case, punctuation aside)."""

    def __init__(
        self,
        members: Sequence[SentenceRef],
        member_texts: Sequence[str],
        signatures: Sequence[Signature],
    ) -> None:
        """`signatures` are those of the distinct texts, in member order (first occurrence)."""
        self._members = members
        groups: dict[str, list[int]] = {}
        for position, text in enumerate(member_texts):
            groups.setdefault(text, []).append(position)
        self.versions = list(groups)
        """Distinct texts in member order (first occurrence)."""
        self._positions = list(groups.values())
        """Each version's members, by position."""
        self._signatures = signatures
        self._known: dict[tuple[str, str], frozenset[int]] = {}
        self._joined: list[str] | None = None
        self._figure_keys: list[set[str]] | None = None

    def side(self, kind: DriftKind, key: str, phrase: str) -> frozenset[int]:
        """Positions (in member order) of the members that carry the variant."""
        if kind not in KEYED_KINDS:
            return self._side_by_words(joined_words(phrase))
        known = (kind, key)
        if known not in self._known:
            # Plain membership tests, slot by slot: a closure or generator per version costs
            # more than the tests themselves.
            if kind == "date":
                hits = [
                    n
                    for n, keys in enumerate(self._signatures)
                    if key in keys[_WEEKDAYS] or key in keys[_MONTHS] or key in keys[_YEARS]
                ]
            else:
                if self._figure_keys is None:
                    self._figure_keys = [{f.key for f in figures(v)} for v in self.versions]
                hits = [n for n, keys in enumerate(self._figure_keys) if key in keys]
            self._known[known] = self._members_of(hits)
        return self._known[known]

    def _side_by_words(self, needle: str) -> frozenset[int]:
        """Members whose words hold the needle's, in order. The versions' joined words are read
        once per cluster, in one join: a cluster of 40 versions is asked about a dozen
        variants."""
        known = ("words", needle)
        if known not in self._known:
            if self._joined is None:
                self._joined = joined_texts(self.versions)
            self._known[known] = (
                self._members_of([n for n, joined in enumerate(self._joined) if needle in joined])
                if needle.strip()
                else frozenset()
            )
        return self._known[known]

    def _members_of(self, versions: list[int]) -> frozenset[int]:
        """Positions of the members of some versions (by index into `versions`)."""
        return frozenset(chain.from_iterable(map(self._positions.__getitem__, versions)))

    def refs(self, positions: frozenset[int]) -> tuple[SentenceRef, ...]:
        return tuple(map(self._members.__getitem__, sorted(positions)))


def _cluster_drift(
    cluster: Cluster, texts: Mapping[SentenceRef, str], outlets_of: OutletNames
) -> list[Drift]:
    """Drift inside one cluster: one per pair of variant keys, each side the members carrying
    its variant. A member carrying both (a sentence that writes 'Defence' and 'defense') takes
    neither side, so no outlet is ever on both; a drift left with an empty side is dropped.

    Most clusters have no drift at all, so which members carry what is only worked out once a
    pair of versions differs."""
    member_texts = list(map(texts.__getitem__, cluster.members))
    versions = list(dict.fromkeys(member_texts))  # distinct texts in member order
    if len(versions) < 2:
        return []
    signatures = list(map(_SIGNATURE, map(digest, versions)))
    if len(versions) <= ALL_PAIRS_LIMIT:
        pairs = [(x, y) for x in range(len(versions)) for y in range(x + 1, len(versions))]
    else:
        pairs = [(0, y) for y in range(1, len(versions))]
    seen: set[tuple[str, ...]] = set()
    found: list[Drift] = []
    carriers: _Carriers | None = None
    for x, y in pairs:
        if signatures[x] == signatures[y]:  # the same facts: nothing can differ
            continue
        for kind, a, b, key_a, key_b in keyed_differences(versions[x], versions[y]):
            if carriers is None:
                carriers = _Carriers(cluster.members, member_texts, signatures)
            seen_key = (kind, *sorted((key_a, key_b)))
            if seen_key in seen:
                continue
            seen.add(seen_key)
            side_a, side_b = carriers.side(kind, key_a, a), carriers.side(kind, key_b, b)
            both = side_a & side_b
            side_a, side_b = side_a - both, side_b - both
            if not side_a or not side_b:
                continue
            refs_a, refs_b = carriers.refs(side_a), carriers.refs(side_b)
            found.append(
                Drift(
                    cluster=cluster.id,
                    kind=kind,
                    a=a,
                    b=b,
                    outlets_a=outlets_of(refs_a),
                    outlets_b=outlets_of(refs_b),
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
    and tolls that differ across clusters (`core.drift.event_dates`, `core.drift.tolls`);
    sorted by cluster, kind, variants."""
    result: list[Drift] = []
    outlets_of = OutletNames(outlets)
    for cluster in clusters:
        result.extend(_cluster_drift(cluster, texts, outlets_of))
    result.extend(find_event_date_drift(clusters, texts, outlets, known=result))
    result.extend(find_toll_drift(clusters, texts, outlets, known=result))
    result.sort(key=lambda d: (d.cluster, KIND_ORDER[d.kind], d.a.casefold(), d.b.casefold()))
    return tuple(result)
