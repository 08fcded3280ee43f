"""Cleaning keeps the article whole and removes page junk, line by line, with a reason.

Each fixture in tests/fixtures/clean/ was written by reading its page: every non-blank raw line is
listed as kept (with its kind) or removed (with its reason). Two of the pages are invented, in
other outlets' layouts, so the rules are shown to be general rather than fitted to the seeds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.ingest.clean import REASONS, clean_text
from tui.core.ingest.clean_rules import line_reason
from tui.core.models import CleanResult
from tui.core.ingest.segment import display_text
from tui.core.text.textio import read_text_file

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "clean"
CASES = sorted(FIXTURES.glob("*.json"))


def _load(case: Path) -> tuple[dict[str, Any], str]:
    doc = json.loads(case.read_text(encoding="utf-8"))
    page = ROOT / "seeds" / doc["seed"]
    if not page.exists():
        page = FIXTURES / doc["seed"]
    return doc, read_text_file(page)


def _verdicts(result: CleanResult) -> dict[int, str]:
    kinds = {s.line: s.kind for s in result.sentences}
    verdicts = {n: f"keep {kinds[n]}" for n in result.kept_lines}
    verdicts.update({r.line: f"remove {r.reason}" for r in result.removed})
    return verdicts


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_line_is_kept_or_removed_as_read(case: Path) -> None:
    doc, raw = _load(case)
    lines = raw.split("\n")
    expected = {
        row["line"]: f"keep {row['keep']}" if "keep" in row else f"remove {row['remove']}"
        for row in doc["lines"]
    }
    for row in doc["lines"]:  # the fixture names the line it means
        assert lines[row["line"]].startswith(row["text"]), row
    got = _verdicts(clean_text(raw))
    diff = [
        f"line {n:3}: expected {expected.get(n, '(blank)'):26} got {got.get(n, '(nothing)'):26}"
        f" | {lines[n][:50]}"
        for n in sorted(set(expected) | set(got))
        if expected.get(n) != got.get(n)
    ]
    assert not diff, "\n" + "\n".join(diff)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_title_and_date_as_read(case: Path) -> None:
    doc, raw = _load(case)
    result = clean_text(raw)
    assert result.title == raw.split("\n")[doc["title_line"]].strip()
    assert result.date == doc["date"]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_result_is_consistent(case: Path) -> None:
    _, raw = _load(case)
    result = clean_text(raw)
    lines = raw.split("\n")
    filled = {n for n, text in enumerate(lines) if text.strip()}
    removed = {r.line for r in result.removed}
    assert set(result.kept_lines) | removed == filled, "every non-blank line is accounted for"
    assert not set(result.kept_lines) & removed
    assert list(result.kept_lines) == sorted(result.kept_lines)
    assert {r.reason for r in result.removed} <= set(REASONS)
    assert [s.index for s in result.sentences] == list(range(len(result.sentences)))
    assert {s.line for s in result.sentences} == set(result.kept_lines)
    for sentence in result.sentences:
        assert " ".join(raw[sentence.start : sentence.end].split()) == sentence.text
    assert result.text.split("\n") == [lines[n].strip() for n in result.kept_lines]


def test_seed_sentences_keep_quotes_and_abbreviations_whole() -> None:
    texts = [
        s.text
        for s in clean_text(read_text_file(ROOT / "seeds/003_d7bb37f40b9910b9.txt")).sentences
    ]
    assert '"The American military-style training was very tough," Koizumi wrote on X.' in texts
    assert "\u2018Hard-nosed realism\u2019" in texts
    crbc = clean_text(read_text_file(ROOT / "seeds/001_9fd815b9ea2c61de.txt"))
    quote = [s for s in crbc.sentences if s.line == 12]
    assert [s.text[:20] for s in quote] == ['"The American milita', "But I did my best to"]


def test_rich_markup_is_kept_verbatim_as_text() -> None:
    raw = (
        "Markup in a headline stays text\n"
        "A scraper may hand over [bold red]x[/] or [link=http://evil]click[/link] inside a "
        "sentence, and it must reach the reader exactly as written.\n"
    )
    result = clean_text(raw)
    assert "[bold red]x[/]" in result.sentences[1].text
    assert "[link=http://evil]click[/link]" in result.text


def test_terminal_escapes_are_stripped_from_text_but_spans_index_raw() -> None:
    raw = (
        "\x1b[1mStorm closes ports along the coast\x1b[0m\n"
        "Harbour authorities closed six ports on Monday as the storm \x1b[31mstrengthened\x1b[0m,"
        " officials said. \x1b]0;pwned\x07Ferries will stay in dock until Wednesday at least.\n"
    )
    result = clean_text(raw)
    assert result.title == "Storm closes ports along the coast"
    for sentence in result.sentences:
        assert "\x1b" not in sentence.text and "\x07" not in sentence.text
    assert [s.text for s in result.sentences[1:]] == [
        "Harbour authorities closed six ports on Monday as the storm strengthened, officials said.",
        "Ferries will stay in dock until Wednesday at least.",
    ]
    second = result.sentences[1]
    assert raw[second.start : second.end].startswith("Harbour")
    assert "\x1b[31m" in raw[second.start : second.end]


def test_headline_list_is_judged_by_relation_to_the_article_not_by_shape_alone() -> None:
    article = (
        "Council approves new tram line for the city centre\n"
        "The city council approved a new tram line on Tuesday that will link the station with "
        "the university and the hospital.\n"
        "Key stops\n"
        "Station square tram stop\n"
        "University campus tram stop\n"
        "Hospital tram stop near the council offices\n"
        "Construction of the tram line is due to start in spring and take three years to finish.\n"
    )
    kept = clean_text(article)
    assert not kept.removed, "a short list that belongs to the story stays"
    unrelated = article.replace(
        "Station square tram stop\nUniversity campus tram stop\n"
        "Hospital tram stop near the council offices\n",
        "Pop star announces farewell tour\nFootball club sacks manager after defeat\n"
        "Bakery wins national bread prize\n",
    )
    result = clean_text(unrelated)
    assert [r.reason for r in result.removed] == ["headline list"] * 4  # label and three items


def test_title_repeated_far_into_an_aggregator_page_stays() -> None:
    raw = read_text_file(ROOT / "seeds/000_436ac72399c15299.txt")
    result = clean_text(raw)
    assert [s.kind for s in result.sentences if s.line == 11] == ["heading"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("4 min read", "read time"),
        ("Updated 12 March 2025", "date line"),
        ("Source: Reuters", "credit line"),
        ("AFP/Getty Images", "credit line"),
        ("Subscribe now to continue reading", "paywall"),
        ("1,204 comments", "page widget"),
        ("Related: Port strike enters second week", "related link"),
        ("Read more: Port strike enters second week", "related link"),
        ("Follow us on Telegram for the latest updates", "promotion"),
    ],
)
def test_junk_lines_of_other_layouts(line: str, reason: str) -> None:
    raw = (
        "Port workers strike over automation plans\n"
        f"{line}\n"
        "Dock workers at the country's largest port walked out on Monday over plans to automate "
        "the container terminals, their union said.\n"
    )
    result = clean_text(raw)
    assert [(r.line, r.reason) for r in result.removed] == [(1, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Sources said the talks would resume after the holiday.",
        "The army plans an upgrade to its missile defence systems next year, the ministry said.",
        "Related talks in Geneva ended without agreement, diplomats said on Friday evening.",
        "By Friday, the two sides had agreed on a ceasefire along the border.",
    ],
)
def test_body_sentences_that_resemble_junk_stay(line: str) -> None:
    raw = (
        "Talks on border ceasefire end in Geneva\n"
        f"{line}\n"
        "Negotiators from both countries met for three days in Geneva under United Nations "
        "auspices, officials said.\n"
    )
    assert not clean_text(raw).removed


def test_empty_and_blank_text_give_an_empty_result() -> None:
    for raw in ("", "\n\n   \n"):
        result = clean_text(raw)
        assert (result.sentences, result.removed, result.kept_lines, result.title) == (
            (),
            (),
            (),
            None,
        )


_LINE = st.one_of(
    st.sampled_from(["-", "Share", "51 Articles", "SOURCE:AFP", "Explore", "2 min read", ""]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=80),
    st.from_regex(r"[A-Z][a-z]+( [a-z]+){2,12}\.", fullmatch=True),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(_LINE, max_size=25))
def test_any_page_is_fully_accounted_for(page: list[str]) -> None:
    raw = "\n".join(page)
    result = clean_text(raw)
    filled = {n for n, text in enumerate(raw.split("\n")) if display_text(text)}
    removed = {r.line for r in result.removed}
    assert set(result.kept_lines) | removed == filled
    assert not set(result.kept_lines) & removed
    for sentence in result.sentences:
        assert sentence.text == display_text(raw[sentence.start : sentence.end])
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in sentence.text)


def test_only_a_date_line_dates_the_article() -> None:
    raw = (
        "Court rules on port strike\n"
        "In a ruling on 12 March 2024, the court said the strike at the port was lawful and "
        "could continue.\n"
    )
    assert clean_text(raw).date is None
    assert clean_text(raw + "Published 14 March 2024\n").date == "2024-03-14"


def test_short_lines_stay_when_there_is_no_prose_to_judge_them_by() -> None:
    raw = "WORLD\nQuake hits island\nMany hurt\nRescue under way\n"
    result = clean_text(raw)
    assert [(r.line, r.reason) for r in result.removed] == [(0, "section label")]
    assert result.title == "Quake hits island"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # re.IGNORECASE lets '\u017f', '\u0131', '\u0130' and '\u212a' match s, i, i and k: the
        # substring gates in front of the costly patterns must let them through too.
        ("\u017fubscribe now to continue reading", "paywall"),
        ("To read this, upgrade to Prem\u0131um membership", "paywall"),
        ("To read this, UPGRADE TO PREM\u0130UM", "paywall"),
        (
            "P\u0131cture: crowds gather at the port as the strike enters its second week",
            "photo caption",
        ),
        ("Crowds at the port on Monday as the strike went on / REUTERS", "photo caption"),
        ("UPDATED 12 March 2025", "date line"),
        ("The port reopened on 12 March 2025 after a long strike by the dock workers.", None),
        ("Members of the union voted to strike again, and premium fares will rise.", None),
    ],
)
def test_cheap_gates_keep_the_verdicts_of_the_patterns(line: str, reason: str | None) -> None:
    assert line_reason(line)[0] == reason


def test_hostile_lines_do_not_disturb_the_article() -> None:
    article = (
        "Port workers strike over automation plans\n"
        "Dock workers at the country's largest port walked out on Monday over plans to automate "
        "the container terminals, their union said.\n"
    )
    sentence = "Officials (who declined to be named) said the U.S. plan was fine. "
    raw = article + "( " * 100_000 + "\n" + sentence * 3_000 + "\n" + "x" * 50_000 + "\n"
    result = clean_text(raw)
    assert result.title == "Port workers strike over automation plans"
    assert set(result.kept_lines) | {r.line for r in result.removed} == {0, 1, 2, 3, 4}
    texts = [s.text for s in result.sentences]
    assert texts[1].startswith("Dock workers") and texts[1].endswith("their union said.")
    assert texts.count(sentence.strip()) == 3_000
    for s in result.sentences:
        assert s.text == " ".join(raw[s.start : s.end].split())
