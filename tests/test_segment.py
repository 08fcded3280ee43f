"""Sentence splitting: newline first, then syntok; spans always index the raw text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from syntok import segmenter
from syntok.tokenizer import Tokenizer

from tui.core.ingest import segment
from tui.core.ingest.segment import (
    CHUNK_CHARS,
    MAX_OPEN_BRACKETS,
    display_text,
    line_spans,
    sentences_for_lines,
    split_sentences,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # syntok reads 'a.m.', 'p.m.' and Roman numerals as abbreviations and splits after them
        # only before a word such as 'The'
        (
            "The first blast came at 9 a.m. Two more followed before noon.",
            ["The first blast came at 9 a.m.", "Two more followed before noon."],
        ),
        (
            "Shots were heard at 3:36 p.m. Police arrived within minutes.",
            ["Shots were heard at 3:36 p.m.", "Police arrived within minutes."],
        ),
        (
            "The quake struck at 4:30 P.M. Rescuers came at dawn.",
            ["The quake struck at 4:30 P.M.", "Rescuers came at dawn."],
        ),
        (
            'It started at 9 a.m. "We ran," he said.',
            ["It started at 9 a.m.", '"We ran," he said.'],
        ),
        (
            "The guests were received by King Charles III. Two more arrived later.",
            ["The guests were received by King Charles III.", "Two more arrived later."],
        ),
        (
            "It was the worst since World War II. Many fled.",
            ["It was the worst since World War II.", "Many fled."],
        ),
        # ... but not where the next word carries the sentence on (a weekday, a month, a time
        # zone, '... time'), nor after a lone capital, which may be an initial
        # (yunnan-ludian-quake-2014/01_latimes.txt, odysseus-moon-landing-2024/00_allsides.txt)
        (
            "The quake struck at 4:30 p.m. Sunday. The U.S. Geological Survey reported it.",
            ["The quake struck at 4:30 p.m. Sunday.", "The U.S. Geological Survey reported it."],
        ),
        (
            "They landed around 6:23 p.m. ET on Thursday.",
            ["They landed around 6:23 p.m. ET on Thursday."],
        ),
        (
            "They met at 10 p.m. Beijing time on Sunday.",
            ["They met at 10 p.m. Beijing time on Sunday."],
        ),
        (
            "The talks open at 9 a.m. Jan. 15 in Geneva.",
            ["The talks open at 9 a.m. Jan. 15 in Geneva."],
        ),
        ("Section I. Next part follows.", ["Section I. Next part follows."]),
        (
            "The U.S. and Japan agreed. Then they left.",
            ["The U.S. and Japan agreed.", "Then they left."],
        ),
    ],
)
def test_sentences_end_after_a_time_or_a_roman_numeral(raw: str, expected: list[str]) -> None:
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


# --- hostile input: syntok sees bounded pieces, and the shortcuts change nothing ---------------


def _syntok_alone(line: str) -> list[tuple[int, int]]:
    """Plain syntok on one whole line (no controls, no bullet), spans trimmed: the reference."""
    spans = []
    for tokens in segmenter.segment(Tokenizer(replace_not_contraction=False).tokenize(line)):
        if not tokens:
            continue
        start, end = tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)
        text = line[start:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            spans.append((start + lead, start + lead + len(text.strip())))
    return spans


def _assert_covers_every_character(line: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(line)
        assert line[start:end] == line[start:end].strip()
        previous_end = end
    assert "".join(line[a:b] for a, b in spans).replace(" ", "") == line.replace(" ", "")


def _record_syntok_input(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    tokenize = segment._TOKENIZER.tokenize

    def recording(text: str, *args: int) -> object:
        seen.append(text)
        return tokenize(text, *args)

    monkeypatch.setattr(segment._TOKENIZER, "tokenize", recording)
    return seen


_TRICKY_WORDS = (
    "The", "U.S.", "said.", "said", "Dr.", "Smith", "approx.", "etc.", "Jan.", "15", "(AFP)",
    "(see", "it)", '"Yes."', "He", "he", "wow!", "really?", "no.", "No.", "1.5%", "e.g.", "Inc.",
    "corp.", "St.", "'quote'", "\u201cHi.\u201d", "and", "--", "P.Serra--PC", ";", "it;", "...",
    "now...", "Then", "(", ")", "[a]", "Mr.", "vs.", "Wow!!!", "ok?!", "end.)", "i.e.",
    "\u2026", "x\u2026", "Japan-U.S.", "ministry.", "Ministry.", "alliance.'\"",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY_WORDS), min_size=1, max_size=40))
def test_shortcuts_split_exactly_as_syntok_alone(words: list[str]) -> None:
    line = " ".join(words)
    assert split_sentences(line) == _syntok_alone(line)


def test_seed_prose_as_one_long_line_splits_as_syntok_alone() -> None:
    prose = [
        line.strip()
        for page in sorted(SEEDS.glob("*.txt"))
        for line in page.read_text(encoding="utf-8").split("\n")
        if len(line.split()) >= 12 and line.rstrip("\"'\u201d\u2019")[-1:] in ".!?"
    ]
    line = " ".join(prose)
    assert len(line) > 5 * CHUNK_CHARS
    assert split_sentences(line) == _syntok_alone(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials (who declined to be named) said the U.S. plan was fine. " * 5_000,
        "( " * 150_000,
        "(" * 300_000,
        "( a [ b { c " * 30_000,
        "a.b " * 75_000,
        ". " * 150_000,
        "x" * 300_000,
    ],
    ids=["prose-with-brackets", "bracket-run", "brackets-no-space", "mixed-brackets",
         "dotted", "dots", "no-space"],
)  # fmt: skip
def test_syntok_only_sees_bounded_pieces_without_bracket_runs(
    monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    seen = _record_syntok_input(monkeypatch)
    spans = split_sentences(line)
    assert all(len(piece) <= CHUNK_CHARS for piece in seen)
    assert all(piece.count("(") <= MAX_OPEN_BRACKETS for piece in seen)
    _assert_covers_every_character(line, spans)


def test_long_line_with_brackets_still_splits_at_every_sentence() -> None:
    sentence = "Officials (who declined to be named) said the U.S. plan was fine."
    line = " ".join([sentence] * 5_000)  # ~330 KB: no cut may fall inside the brackets
    assert [line[a:b] for a, b in split_sentences(line)] == [sentence] * 5_000


def test_past_the_budget_pieces_stay_whole_but_spans_stay_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(segment, "SYNTOK_BUDGET_CHARS", 100)
    seen = _record_syntok_input(monkeypatch)
    line = "He met Dr. Smith. Then he left. " * 10
    texts = [line[a:b] for a, b in split_sentences(line)]
    assert sum(map(len, seen)) <= 100
    assert texts[:2] == ["He met Dr. Smith.", "Then he left."]
    assert texts[-1] == "He met Dr. Smith. Then he left."
    _assert_covers_every_character(line, split_sentences(line))
