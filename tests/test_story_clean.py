"""Lines about other stories go when the story's other articles show them to be off-topic.

The pages are cut from the development stories (tests/fixtures/truth/dev/<story>/): the AP page of
the Allen mall shooting carries a related-story card ('Texas' and a headline about a football
rivalry) between two paragraphs; the Business Today page of the moon landing has short subheads
that share few words with the other outlets, and they stay.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from tui.core.ingest.clean import clean_text
from tui.core.ingest.story_clean import clean_story
from tui.core.models import CleanResult

DEV = Path(__file__).resolve().parent / "fixtures" / "truth" / "dev"

AP = (
    "Police: 8 killed in Texas mall shooting, gunman also dead\n"
    "ALLEN, Texas (AP) \u2014 A gunman stepped out of a silver sedan and started shooting people "
    "at a Dallas-area outlet mall Saturday, killing eight people before he was fatally shot by a "
    "police officer who happened to be nearby on an unrelated call, authorities said.\n"
    "Texas\n"
    "Wake up the ghosts! Texas, Texas A&M rivalry that dates to 1894 is reborn\n"
    "Allen Fire Chief Jonathan Boyd said seven people including the shooter died at the scene. "
    "Nine victims were taken to area hospitals, but two had died.\n"
    "Three of the wounded were in critical condition in the evening, Boyd said, and four were "
    "stable.\n"
)
VOZ = (
    "At least nine dead in shooting at mall in Allen, Texas, just north of Dallas\n"
    "A gunman caused panic Saturday afternoon at the Allen Premium Outlets in the city of Allen, "
    "just north of Dallas. He opened fire at the mall, killing eight people before an officer "
    "shot him dead.\n"
    "Texas Governor Greg Abbot expressed his condolences to all the victims and their families "
    "in a statement reported by the media.\n"
)


def _removed(result: CleanResult) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in result.removed]


def test_a_related_headline_and_its_kicker_go_as_another_story() -> None:
    ap, voz = clean_story([clean_text(AP), clean_text(VOZ)])
    assert _removed(ap) == [
        ("Texas", "other story"),
        (
            "Wake up the ghosts! Texas, Texas A&M rivalry that dates to 1894 is reborn",
            "other story",
        ),
    ]
    assert _removed(voz) == []
    assert "Wake up" not in ap.text and "Allen Fire Chief" in ap.text


def test_alone_a_page_keeps_such_lines() -> None:
    """Without another article there is nothing to compare with (and clean_text alone keeps the
    card: it reads like a subhead)."""
    (ap,) = clean_story([clean_text(AP)])
    assert ap == clean_text(AP)


def test_text_already_in_the_story_counts_as_another_article() -> None:
    (ap,) = clean_story([clean_text(AP)], context=[VOZ])
    assert [reason for _, reason in _removed(ap)] == ["other story", "other story"]


def test_the_result_stays_consistent() -> None:
    ap = clean_story([clean_text(AP), clean_text(VOZ)])[0]
    lines = AP.split("\n")
    assert [s.index for s in ap.sentences] == list(range(len(ap.sentences)))
    assert {s.line for s in ap.sentences} == set(ap.kept_lines)
    assert not set(ap.kept_lines) & {r.line for r in ap.removed}
    assert ap.text.split("\n") == [lines[n] for n in ap.kept_lines]
    assert [r.line for r in ap.removed] == sorted(r.line for r in ap.removed)
    for sentence in ap.sentences:
        assert AP[sentence.start : sentence.end] == sentence.text


def test_the_verdicts_do_not_depend_on_the_order_of_the_articles() -> None:
    story = DEV / "odysseus-moon-landing-2024"
    pages = [clean_text(p.read_text(encoding="utf-8")) for p in sorted(story.glob("*.txt"))][:4]
    pages.append(clean_text(AP))  # an article of another story: its lines are judged too
    first = clean_story(pages)
    for order in itertools.permutations(range(len(pages))):
        again = clean_story([pages[i] for i in order])
        assert [again[order.index(i)] for i in range(len(pages))] == first


def test_the_story_s_own_headlines_subheads_and_cut_off_sentences_stay() -> None:
    """Every development story, cleaned page by page and then as a story: the pass removes only
    the AP card, never a line the gold keeps as an article sentence."""
    removed = []
    for story in sorted(DEV.iterdir()):
        pages = sorted(story.glob("*.txt"))
        results = clean_story([clean_text(p.read_text(encoding="utf-8")) for p in pages])
        removed += [
            (story.name, page.name, r.text)
            for page, result in zip(pages, results, strict=True)
            for r in result.removed
            if r.reason == "other story"
        ]
    assert removed == [
        ("allen-mall-shooting-2023", "00_apnews.txt", "Texas"),
        (
            "allen-mall-shooting-2023",
            "00_apnews.txt",
            "Wake up the ghosts! Texas, Texas A&M rivalry that dates to 1894 is reborn",
        ),
    ]


def test_the_title_and_the_last_line_are_never_judged() -> None:
    """The title names the article; a last line is as often a sentence cut off mid-word
    ('United Nations Secretary-General Ban Ki-m', yunnan-ludian-quake-2014/02_triblive.txt)."""
    off_topic = "Football club sacks manager after heavy defeat in cup semi-final"
    page = f"{off_topic}\n{VOZ.split(chr(10), 1)[1]}{off_topic}\n"
    result = clean_story([clean_text(page), clean_text(AP)])[0]
    assert result.title == off_topic
    assert _removed(result) == []
