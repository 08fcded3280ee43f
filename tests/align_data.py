"""Articles built from the bundled seeds, for alignment tests.

Seed sentences come from `core.ingest.clean.clean_text`, so the tests see what users see. Synthetic
articles can also be made from ready sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.core.ingest.clean import clean_text
from tui.core.models import Article, RemovedLine, Sentence

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SEED_OUTLETS: dict[str, str] = {
    "000_436ac72399c15299.txt": "Ground News",
    "001_9fd815b9ea2c61de.txt": "CRBC News",
    "002_a2a8c4a79b6799b3.txt": "Portugal Colonial",
    "003_d7bb37f40b9910b9.txt": "TRT World",
    "004_5b5dc9eb8f601fe5.txt": "SadaNews",
}
"""Seed file -> outlet, as identified in shared/seeds/SOURCES.md."""


def seed_id(filename: str) -> str:
    """A short stable article id for a seed file: 'seed000'."""
    return "seed" + filename[:3]


def make_article(
    article_id: str, outlet: str, texts: Sequence[str] | None = None, *, raw: str | None = None
) -> Article:
    """An Article from ready sentences (`texts`) or from raw text split like the seeds."""
    if texts is not None:
        raw_text = "\n".join(texts)
        sentences: list[Sentence] = []
        offset = 0
        for line_no, text in enumerate(texts):
            sentences.append(Sentence(line_no, text, offset, offset + len(text), line_no))
            offset += len(text) + 1
        sentence_tuple = tuple(sentences)
        removed: tuple[RemovedLine, ...] = ()
    else:
        raw_text = raw or ""
        cleaned = clean_text(raw_text)
        sentence_tuple = cleaned.sentences
        removed = cleaned.removed
    return Article(
        id=article_id,
        story_id="story",
        outlet=outlet,
        title=sentence_tuple[0].text if sentence_tuple else "",
        source=f"{article_id}.txt",
        url=None,
        date=None,
        imported_at="2026-01-16T00:00:00+00:00",
        raw=raw_text,
        text="\n".join(s.text for s in sentence_tuple),
        sentences=sentence_tuple,
        removed=removed,
    )


def seed_articles() -> list[Article]:
    """The five seeds as Articles, in file order."""
    return [
        make_article(seed_id(name), outlet, raw=(SEEDS / name).read_text(encoding="utf-8"))
        for name, outlet in SEED_OUTLETS.items()
    ]
