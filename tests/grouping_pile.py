"""The pile of real articles grouping is measured on, and how it is scored.

Every folder of `tests/fixtures/truth/{dev,test}/` and `tests/fixtures/grouping/` is one event
(pages as found, with a manifest giving each page's outlet and URL); `tests/fixtures/grouping/
pile.json` says which events are tuned on (`dev`) and which are held out (`test`), and which
events are of one kind (two quakes in Hualien, the Fed's rate rises, one fight and its rematch).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PILE = FIXTURES / "grouping" / "pile.json"


@dataclass(frozen=True)
class PileArticle:
    event: str
    path: Path
    outlet: str
    url: str | None


def events(split: str) -> list[str]:
    """Event folders (relative to tests/fixtures) of a split: dev, test or all."""
    pile = json.loads(PILE.read_text(encoding="utf-8"))
    if split == "all":
        return sorted(set(pile["dev"]) | set(pile["test"]))
    return list(pile[split])


def same_kind_pairs() -> list[tuple[str, str]]:
    pile = json.loads(PILE.read_text(encoding="utf-8"))
    return [(a, b) for a, b in pile["same_kind"]]


def articles(split: str, *, seed: int = 0) -> list[PileArticle]:
    """The split's articles in a shuffled order (seeded): grouping must not need them sorted."""
    found = []
    for event in events(split):
        folder = FIXTURES / event
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        for name, entry in sorted(manifest["files"].items()):
            found.append(PileArticle(event, folder / name, entry["outlet"], entry.get("url")))
    random.Random(seed).shuffle(found)
    return found


def _pairs(groups: dict[str, list[str]]) -> Iterator[tuple[str, str]]:
    for members in groups.values():
        yield from combinations(sorted(members), 2)


@dataclass(frozen=True)
class PileScore:
    precision: float
    recall: float
    f1: float
    merged_events: list[tuple[str, str]]
    """Pairs of different events that ended up in one story."""


def score(truth: dict[str, str], found: dict[str, str]) -> PileScore:
    """Pairwise precision, recall and F1 of `found` (item -> story) against `truth`
    (item -> event)."""

    def grouped(labels: dict[str, str]) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for item, label in labels.items():
            groups.setdefault(label, []).append(item)
        return groups

    true_pairs = set(_pairs(grouped(truth)))
    found_pairs = set(_pairs(grouped(found)))
    hit = len(true_pairs & found_pairs)
    precision = hit / len(found_pairs) if found_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    merged = sorted(
        {tuple(sorted((truth[a], truth[b]))) for a, b in found_pairs if truth[a] != truth[b]}
    )
    return PileScore(precision, recall, f1, [(a, b) for a, b in merged])
