"""Synthetic stories for the alignment benchmark: many outlets retelling the seed story.

Each outlet takes most of a pool of story sentences (the cleaned seed sentences), perturbs them the
way copy desks and translators do (words swapped, dropped or replaced, names misspelled, sentences
reordered) and adds a few unrelated filler sentences of its own. Seeded, so runs are comparable.
"""

from __future__ import annotations

import random
from pathlib import Path

from tui.core.ingest.clean import clean_text
from tui.core.models import Article, Sentence, StoryAlignment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists stay readable as wrapped text."""
    return text.split()


FILLER_WORDS = _wordlist(
    """
    council report market league season festival weather budget court election village
    river museum concert harvest railway bridge school hospital tourism storm coach
    striker vote farmers prices traffic theatre parliament union strike ceremony award
    summit exhibition
    """
)


def story_pool() -> list[str]:
    """Distinct cleaned sentences of the seeds with at least six words."""
    seen: set[str] = set()
    pool: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for sentence in clean_text(path.read_text(encoding="utf-8")).sentences:
            if len(sentence.text.split()) >= 6 and sentence.text not in seen:
                seen.add(sentence.text)
                pool.append(sentence.text)
    return pool


def _misspell(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + rng.choice("aeiouln") + word[i + 1 :]


def perturb(sentence: str, rng: random.Random) -> str:
    """One copy-desk edit or a few: swap, drop, replace or misspell words."""
    words = sentence.split()
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        edit = rng.random()
        i = rng.randrange(len(words))
        if edit < 0.3 and len(words) > 2:
            j = min(i + 1, len(words) - 1)
            words[i], words[j] = words[j], words[i]
        elif edit < 0.5 and len(words) > 6:
            del words[i]
        elif edit < 0.75:
            words[i] = rng.choice(FILLER_WORDS)
        else:
            words[i] = _misspell(words[i], rng)
    return " ".join(words)


def filler(rng: random.Random) -> str:
    """An unrelated sentence: random filler vocabulary with a capitalised start."""
    words = [rng.choice(FILLER_WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def make_article(article_id: str, outlet: str, texts: list[str]) -> Article:
    sentences = []
    offset = 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(n, text, offset, offset + len(text), n))
        offset += len(text) + 1
    raw = "\n".join(texts)
    return Article(
        article_id,
        "bench",
        outlet,
        texts[0],
        f"{article_id}.txt",
        None,
        None,
        "2026-01-16T00:00:00+00:00",
        raw,
        raw,
        tuple(sentences),
        (),
    )


def make_story(outlets: int, *, sentences: int = 30, seed: int = 0) -> list[Article]:
    """`outlets` articles of about `sentences` sentences each (about 1 in 6 filler)."""
    return make_story_with_truth(outlets, sentences=sentences, seed=seed)[0]


def make_story_with_truth(
    outlets: int, *, sentences: int = 30, seed: int = 0
) -> tuple[list[Article], dict[tuple[str, int], int | None]]:
    """`make_story`, plus where each sentence came from: (article id, sentence index) -> the
    pool sentence it perturbs, or None for filler. Two sentences with one origin say the same
    thing, which lets the benchmark check that a faster alignment still clusters correctly."""
    rng = random.Random(seed)
    pool = story_pool()
    articles = []
    truth: dict[tuple[str, int], int | None] = {}
    for n in range(outlets):
        story_count = min(len(pool), sentences - sentences // 6)
        picked = sorted(rng.sample(range(len(pool)), story_count))
        texts = [perturb(pool[i], rng) for i in picked]
        origins: list[int | None] = list(picked)
        for _ in range(sentences - len(texts)):
            at = rng.randrange(len(texts) + 1)
            texts.insert(at, filler(rng))
            origins.insert(at, None)
        if len(texts) > 3 and rng.random() < 0.5:
            i = rng.randrange(len(texts) - 1)
            texts[i], texts[i + 1] = texts[i + 1], texts[i]
            origins[i], origins[i + 1] = origins[i + 1], origins[i]
        article_id = f"a{n:04d}"
        articles.append(make_article(article_id, f"Outlet {n:04d}", texts))
        truth.update({(article_id, k): origin for k, origin in enumerate(origins)})
    return articles, truth


def align_as_the_faces_do(articles: list[Article]) -> StoryAlignment:
    """One alignment as the app and the CLI run it: with the cyclic collector paused
    (`tui.interpreter`), so the benches time what a user waits for."""
    from tui.core.align.engine import align_story
    from tui.interpreter import collection_paused

    with collection_paused():
        return align_story(articles)
