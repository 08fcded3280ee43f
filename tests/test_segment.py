"""Sentence splitting: newline first, then syntok; spans always index the raw text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.segment import display_text, line_spans, sentences_for_lines, split_sentences


def _texts(raw: str) -> list[str]:
    return [raw[start:end] for start, end in split_sentences(raw)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The U.S. and Japan agreed. Then they left.",
            ["The U.S. and Japan agreed.", "Then they left."],
        ),
        (
            "Koizumi, Hegseth Agree on Japan-U.S. Military Drills, Missile Production",
            ["Koizumi, Hegseth Agree on Japan-U.S. Military Drills, Missile Production"],
        ),
        (
            "Talks were held on Jan. 15 in Washington. More followed.",
            ["Talks were held on Jan. 15 in Washington.", "More followed."],
        ),
        ("J. R. R. Tolkien wrote it. Fine.", ["J. R. R. Tolkien wrote it.", "Fine."]),
        (
            '"The American military-style training was very tough," Koizumi wrote on X.',
            ['"The American military-style training was very tough," Koizumi wrote on X.'],
        ),
        (
            '"The training was very tough. But I did my best to labour through it." He smiled.',
            [
                '"The training was very tough.',
                'But I did my best to labour through it."',
                "He smiled.",
            ],
        ),
        ("P.Serra--PC", ["P.Serra--PC"]),
        (
            "Dr. Smith met Mr. Jones at No. 1 Downing St. on Monday. Rates rose 3.5% in May.",
            ["Dr. Smith met Mr. Jones at No. 1 Downing St. on Monday.", "Rates rose 3.5% in May."],
        ),
        ("He said... nothing. Why? Because.", ["He said... nothing.", "Why?", "Because."]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        (
            "TOKYA, Jan 16: Japan and the US have agreed. The deal followed a meeting.",
            ["TOKYA, Jan 16: Japan and the US have agreed.", "The deal followed a meeting."],
        ),
    ],
)
def test_tricky_sentences(raw: str, expected: list[str]) -> None:
    assert _texts(raw) == expected


def test_headlines_without_full_stop_do_not_glue_onto_the_next_line() -> None:
    raw = (
        "Japan and US agree on drills\nTokyo and Washington agreed on Friday.\n\nWhat Was Agreed\n"
    )
    assert _texts(raw) == [
        "Japan and US agree on drills",
        "Tokyo and Washington agreed on Friday.",
        "What Was Agreed",
    ]


def test_leading_bullet_is_layout_not_sentence() -> None:
    raw = "- On Friday, Tokyo agreed. Washington too.\n\u2022 Second point here.\n-\n"
    assert _texts(raw) == ["On Friday, Tokyo agreed.", "Washington too.", "Second point here.", "-"]


def test_escape_sequences_never_reach_sentence_text() -> None:
    raw = (
        "\x1b[31mRed alert.\x1b[0m Calm now.\n"
        "\x1b]8;;http://x\x07Link\x1b]8;;\x07 text. Bell\x07 here.\n"
    )
    sentences = sentences_for_lines(raw, [0, 1], {})
    assert [s.text for s in sentences] == ["Red alert.", "Calm now.", "Link text.", "Bell here."]
    assert raw[sentences[0].start : sentences[0].end] == "Red alert."


def test_rich_markup_is_plain_text() -> None:
    raw = "He typed [bold red]x[/] into the form. Nothing happened."
    assert _texts(raw) == ["He typed [bold red]x[/] into the form.", "Nothing happened."]


def test_sentences_for_lines_numbers_kinds_and_lines() -> None:
    raw = "Title Here\n\nFirst one. Second one.\nSub Head\nLast one.\n"
    sentences = sentences_for_lines(raw, [0, 2, 3, 4, 99], {0: "title", 3: "heading"})
    assert [(s.index, s.text, s.line, s.kind) for s in sentences] == [
        (0, "Title Here", 0, "title"),
        (1, "First one.", 2, "body"),
        (2, "Second one.", 2, "body"),
        (3, "Sub Head", 3, "heading"),
        (4, "Last one.", 4, "body"),
    ]


def test_display_text_folds_whitespace_and_drops_controls() -> None:
    assert display_text("  a\tb\u200b \x00c\x1b[2Jd  ") == "a b cd"
    assert display_text("storm \x1b[31mgrew\x1b[0m, they said") == "storm grew, they said"


def test_a_huge_single_line_is_split_completely() -> None:
    sentence = "The U.S. envoy met Dr. Smith on Jan. 15 and said it was fine. "
    raw = sentence * 4000  # ~250 KB on one line; bench figures for 1 MB are in the report
    spans = split_sentences(raw)
    assert len(spans) == 4000
    assert raw[spans[-1][0] : spans[-1][1]] == sentence.strip()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_spans_are_ordered_in_one_line_and_match_display_text(raw: str) -> None:
    lines = line_spans(raw)
    previous_end = 0
    for start, end in split_sentences(raw):
        assert previous_end <= start < end <= len(raw)
        assert "\n" not in raw[start:end]
        assert any(a <= start and end <= b for a, b in lines)
        assert display_text(raw[start:end]) or raw[start:end].strip()
        previous_end = end
    numbered = sentences_for_lines(raw, range(len(lines)), {})
    for sentence in numbered:
        assert sentence.text == display_text(raw[sentence.start : sentence.end])
        assert "\x1b" not in sentence.text
