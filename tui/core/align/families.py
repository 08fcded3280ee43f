"""Wire families: outlets that run one text, and the copy closest to its source.

Two articles are of one family when they share several sentences near-verbatim (a counterpart
score of `SHARED_SCORE` or more), quotations aside: copies of one wire story do, while
independent reports of one event share facts but seldom wording, and quote the same statements
word for word. A family's origin is its member
that covers most of what the others carry. A story may have several families (an AFP copy and a
Reuters copy) or none (independent reports): then crosswire names no origin at all, rather than
starring whichever article happens to overlap most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from tui.core.align.counterparts import ScoredCluster
from tui.core.models import Article, Family
from tui.core.text.wording import plural

__all__ = ["FAMILY_SENTENCES", "FAMILY_SHARE", "family_evidence", "find_families"]

Member = tuple[int, int]
"""(article rank in canonical order, sentence index)."""

FAMILY_SENTENCES = 3
"""Near-verbatim sentences two articles must share to be copies of one text."""
FAMILY_SHARE = 0.2
"""...and the share of the shorter article's sentences they must make up."""
MOSTLY_COPIED = 0.5
"""A short article sharing this share of its sentences near-verbatim (two at least) is a copy
however few sentences that makes."""
QUOTED_SHARE = 0.5
"""A sentence this much inside quotation marks is someone's words, which independent reports
print verbatim too: it is no evidence of copying."""
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'"[^"]+"|\u201c[^\u201c\u201d]+\u201d')


@lru_cache(maxsize=8192)
def mostly_quoted(text: str) -> bool:
    """Whether most of a sentence is a quotation ('"We will respond," the ministry said.')."""
    if '"' not in text and "\u201c" not in text:
        return False  # most sentences quote no one: spare them the search
    inside = sum(len(found) for found in _QUOTED.findall(text))
    return inside >= QUOTED_SHARE * len(text)


def _copy_evidence(one: str, other: str) -> bool:
    """Whether two near-verbatim sentences show copying: a quotation counts only when the words
    around it are the same too (a copy desk keeps the attribution; two reporters quoting one
    statement frame it each in their own words)."""
    if one == other or not (mostly_quoted(one) or mostly_quoted(other)):
        return True
    return _framing(one) == _framing(other)


def _framing(text: str) -> str:
    return " ".join(_WORD.findall(_QUOTED.sub(" ", text).casefold()))


def find_families(
    ordered: Sequence[Article],
    clusters: Sequence[Sequence[Member]],
    scored: Sequence[ScoredCluster | None],
    coverage: Sequence[float],
    *,
    shared_score: float,
) -> list[tuple[int, list[int], int]]:
    """Families as (origin rank, member ranks closest to the origin first, the origin's
    sentences that some other member carries near-verbatim), largest family first."""
    together: Counter[tuple[int, int]] = Counter()
    links: list[tuple[Member, Member]] = []
    for members, found in zip(clusters, scored, strict=True):
        if found is None:
            continue
        for n, row in enumerate(found.rows):
            for m in range(n + 1, len(row)):
                if row[m] >= shared_score:
                    one, other = members[n], members[m]
                    if not _copy_evidence(
                        ordered[one[0]].sentences[one[1]].text,
                        ordered[other[0]].sentences[other[1]].text,
                    ):
                        continue
                    together[(min(one[0], other[0]), max(one[0], other[0]))] += 1
                    links.append((one, other))
    parent = list(range(len(ordered)))

    def root(rank: int) -> int:
        while parent[rank] != rank:
            parent[rank] = parent[parent[rank]]
            rank = parent[rank]
        return rank

    closeness: Counter[tuple[int, int]] = Counter()
    for (a, b), count in sorted(together.items()):
        shorter = min(len(ordered[a].sentences), len(ordered[b].sentences)) or 1
        share = count / shorter
        if (count >= FAMILY_SENTENCES and share >= FAMILY_SHARE) or (
            count >= 2 and share >= MOSTLY_COPIED
        ):
            parent[root(b)] = root(a)
            closeness[(a, b)] = closeness[(b, a)] = count
    groups: dict[int, list[int]] = {}
    for rank in range(len(ordered)):
        groups.setdefault(root(rank), []).append(rank)
    families = []
    for ranks in groups.values():
        if len(ranks) < 2:
            continue
        origin = min(ranks, key=lambda r: (-round(coverage[r], 6), r))
        rest = sorted(
            (r for r in ranks if r != origin), key=lambda r: (-closeness[(origin, r)], r)
        )
        family = set(ranks)
        carried = {
            mine[1]
            for one, other in links
            for mine, theirs in ((one, other), (other, one))
            if mine[0] == origin and theirs[0] in family
        }
        families.append((origin, [origin, *rest], len(carried)))
    families.sort(key=lambda f: (-len(f[1]), f[0]))
    return families


def family_evidence(family: Family) -> str:
    """What backs a family's origin, in words: '14 of 17 sentences near-verbatim in 2 other
    outlets'."""
    return (
        f"{family.near_verbatim} of {plural(family.sentences, 'sentence')} near-verbatim "
        f"in {plural(len(family.members) - 1, 'other outlet')}"
    )
