"""The main screen's panes, each mounted alone in a small harness app with its messages recorded.

The alignment is built by hand so each test knows exactly which rows, statuses and targets to
expect: two outlets, A (4 sentences, one removed line) and B (3 sentences).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.core.align.engine import SHARED_SCORE
from tui.core.models import (
    Article,
    Counterpart,
    Drift,
    MissingItem,
    OutletShare,
    RemovedLine,
    Sentence,
    SentenceInfo,
    SentenceRef,
    Status,
    Story,
    StoryAlignment,
)
from tui.messages import JumpToSentence
from tui.widgets import PaneList, safe_text, status_bar
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_lines import alike_percent, counterpart_text, drift_callouts, pair_label
from tui.widgets.diff_settle import DIFF_SETTLE_S, REST_S
from tui.widgets.diff_view import DiffView
from tui.widgets.gutter import GutterRow
from tui.widgets.palette import ONLY_HERE, REWORDED, SHARED, STATUS_STYLE
from tui.widgets.source_list import ORIGIN_MARK, SourceList

A_TEXTS = [
    "Ministers agreed on a new missile deal on Friday.",
    "The deal covers 12 air-to-air missiles [bold]and[/] drills.",
    "Only outlet A reports the \x1b[31mweather\x1b[0m.",
    "Talks resume in March.",
]
B_TEXTS = [
    "Ministers agreed on a missile deal on Friday.",
    "The deal covers 13 air-to-air missiles and drills.",
    "Talks resume in March.",
]


def _article(
    article_id: str, outlet: str, texts: list[str], removed: tuple[RemovedLine, ...]
) -> Article:
    # Raw lines: a removed line (if any) sits at raw line 1, between the first two sentences.
    lines = [texts[0]] + [line.text for line in removed] + texts[1:]
    raw = "\n".join(lines)
    sentences = []
    for index, text in enumerate(texts):
        line = lines.index(text)
        start = raw.index(text)
        sentences.append(Sentence(index, text, start, start + len(text), line))
    return Article(
        article_id,
        "story",
        outlet,
        texts[0],
        f"{article_id}.txt",
        None,
        "2026-01-16" if article_id == "a" else None,
        "2026-01-16T00:00:00+00:00",
        raw,
        "\n".join(texts),
        tuple(sentences),
        removed,
    )


ARTICLE_A = _article(
    "a", "Outlet A", A_TEXTS, (RemovedLine(1, "Read more: [link=x]ads[/link]", "read more"),)
)
ARTICLE_B = _article("b", "Outlet B", B_TEXTS, ())
ARTICLES = {"a": ARTICLE_A, "b": ARTICLE_B}


def _info(
    aid: str, index: int, status: Status, cluster: int, other: tuple[str, int] | None
) -> SentenceInfo:
    texts = A_TEXTS if aid == "a" else B_TEXTS
    counterparts = ()
    outlets: tuple[str, ...] = ()
    if other is not None:
        outlet = "Outlet A" if other[0] == "a" else "Outlet B"
        counterparts = (Counterpart(other[0], outlet, other[1], 90.0),)
        outlets = (outlet,)
    return SentenceInfo(
        SentenceRef(aid, index), texts[index], status, cluster, outlets, counterparts
    )


ALIGNMENT = StoryAlignment(
    article_ids=("a", "b"),
    outlets={"a": "Outlet A", "b": "Outlet B"},
    sentences={
        "a": (
            _info("a", 0, "reworded", 0, ("b", 0)),
            _info("a", 1, "reworded", 1, ("b", 1)),
            _info("a", 2, "unique", 2, None),
            _info("a", 3, "shared", 3, ("b", 2)),
        ),
        "b": (
            _info("b", 0, "reworded", 0, ("a", 0)),
            _info("b", 1, "reworded", 1, ("a", 1)),
            _info("b", 2, "shared", 3, ("a", 3)),
        ),
    },
    clusters=(),
    missing={"a": (), "b": (MissingItem(2, A_TEXTS[2], ("Outlet A",), SentenceRef("a", 2)),)},
    drift=(),
    pairs=(),
    shares=(
        OutletShare("a", "Outlet A", 4, 1, 2, 1, 0.75, 0.25),
        OutletShare("b", "Outlet B", 3, 1, 2, 0, 1.0, 0.0),
    ),
    origin="a",
)


class Harness(App[None]):
    """Mounts one pane and nothing else."""

    def __init__(self, pane: Widget) -> None:
        super().__init__()
        self.pane = pane

    def compose(self) -> ComposeResult:
        yield self.pane


def _set(pane: Widget, **values: Any) -> None:
    for name, value in values.items():
        setattr(pane, name, value)


def _lines(pane_list: PaneList) -> list[str]:
    """The text of every rendered line of a list (what the terminal would show)."""
    return [pane_list.render_line(y).text for y in range(pane_list.size.height)]


def _of(messages: list[Message], kind: type[Message]) -> list[Any]:
    """Messages of one kind, each once (the hook sees one again at every node it bubbles to)."""
    unique = {id(message): message for message in messages if isinstance(message, kind)}
    return list(unique.values())


async def test_source_list_rows_and_selection() -> None:
    messages: list[Message] = []
    pane = SourceList()
    async with Harness(pane).run_test(size=(60, 30), message_hook=messages.append) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        await pilot.pause()
        outlets = pane.outlet_list
        assert [option.id for option in outlets.options] == ["a", "b"]
        assert outlets.highlighted == 0
        text = "\n".join(_lines(outlets))
        assert f"{ORIGIN_MARK} Outlet A  2026-01-16" in text
        assert "Outlet B" in text and "3 " in text
        assert not _of(messages, SourceList.OutletSelected), "setting the cursor must not echo"
        outlets.focus()
        await pilot.press("j")
        await pilot.pause()
        assert [m.article_id for m in _of(messages, SourceList.OutletSelected)] == ["b"]
        await pilot.press("enter")
        await pilot.pause()
        assert [m.article_id for m in _of(messages, SourceList.OutletOpened)] == ["b"]
        pane.cursor = SentenceRef("a", 2)
        await pilot.pause()
        assert outlets.highlighted == 0


async def test_source_list_header_has_story_figures() -> None:
    pane = SourceList()
    async with Harness(pane).run_test(size=(60, 30)) as pilot:
        story = Story("s1", "Missile [b]deal[/b]", "2026-01-16T00:00:00+00:00", ("a", "b"))
        _set(pane, story=story, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        await pilot.pause()
        header = str(pane.query_one("#story-header").render())
        assert header.startswith("Missile [b]deal[/b]\n")
        assert "2 outlets · 7 sentences" in header
        assert "1 unique" in header


async def test_article_view_moves_and_reports_focus() -> None:
    messages: list[Message] = []
    pane = ArticleView()
    async with Harness(pane).run_test(size=(70, 30), message_hook=messages.append) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        await pilot.pause()
        sentences = pane.sentence_list
        assert [option.id for option in sentences.options] == ["s0", "s1", "s2", "s3"]
        sentences.focus()
        await pilot.press("j", "j")
        await pilot.pause()
        refs = [m.ref for m in _of(messages, ArticleView.SentenceFocused)]
        assert refs[0] == SentenceRef("a", 1)
        pane.cursor = SentenceRef("a", 3)
        await pilot.pause()
        assert sentences.highlighted == 3
        await pilot.press("enter")
        await pilot.pause()
        assert [m.ref for m in _of(messages, ArticleView.SentenceOpened)] == [SentenceRef("a", 3)]


async def test_article_view_tints_each_sentence_by_status() -> None:
    pane = ArticleView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        await pilot.pause()
        prompts = [option.prompt for option in pane.sentence_list.options]
        assert all(isinstance(prompt, GutterRow) for prompt in prompts)
        bars = [prompt.bar_style for prompt in prompts]
        assert bars == [REWORDED, REWORDED, ONLY_HERE, SHARED]
        assert len(set(bars)) == 3, "shared, reworded and unique each have their own colour"
        tints = [str(prompt.body.spans[0].style) for prompt in prompts]
        assert tints[2] == STATUS_STYLE["unique"] and tints[3] == STATUS_STYLE["shared"]
        first_line = _lines(pane.sentence_list)[0]
        assert first_line.lstrip().startswith("▍") and "Ministers agreed" in first_line


async def test_article_view_toggles_removed_lines_and_shared_sentences() -> None:
    pane = ArticleView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        pane.show_removed = True
        await pilot.pause()
        options = pane.sentence_list.options
        assert [option.id for option in options] == ["s0", None, "s1", "s2", "s3"]
        assert options[1].disabled
        assert "Read more: [link=x]ads[/link]" in options[1].prompt.plain
        pane.show_removed = False
        pane.only_additions = True
        await pilot.pause()
        assert [option.id for option in pane.sentence_list.options] == ["s0", "s1", "s2"]


async def test_hiding_shared_sentences_of_an_all_shared_outlet_says_why_the_pane_is_empty() -> None:
    from dataclasses import replace

    all_shared = replace(
        ALIGNMENT,
        sentences={
            **ALIGNMENT.sentences,
            "b": tuple(info._replace(status="shared") for info in ALIGNMENT.sentences["b"]),
        },
    )
    pane = ArticleView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        _set(pane, articles=ARTICLES, alignment=all_shared, cursor=SentenceRef("b", 0))
        pane.only_additions = True
        await pilot.pause()
        (row,) = pane.sentence_list.options
        assert row.disabled and "Every sentence of Outlet B is carried" in row.prompt.plain
        assert "Press u to show them again" in row.prompt.plain


async def test_article_view_shows_markup_and_escapes_literally() -> None:
    pane = ArticleView()
    async with Harness(pane).run_test(size=(100, 30)) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        pane.show_removed = True
        await pilot.pause()
        text = "\n".join(_lines(pane.sentence_list))
        assert "missiles [bold]and[/] drills." in text
        assert "the ␛[31mweather␛[0m." in text
        assert "[link=x]ads[/link]" in text
        assert "\x1b" not in text


async def test_diff_view_lists_counterparts_with_word_changes() -> None:
    messages: list[Message] = []
    pane = DiffView()
    async with Harness(pane).run_test(size=(70, 30), message_hook=messages.append) as pilot:
        _set(pane, alignment=ALIGNMENT, cursor=SentenceRef("b", 1))
        await pilot.pause()
        rows = pane.diff_list
        ids = [option.id for option in rows.options]
        assert ids[0] == "c0" and "m0" in ids
        counterpart = rows.options[0].prompt
        assert counterpart.plain.startswith("Outlet A  90% alike · near-verbatim")
        assert "13 12" in counterpart.plain, "dropped '13' struck, then A's '12'"
        rows.focus()
        rows.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert [m.ref for m in _of(messages, DiffView.CounterpartChosen)] == [SentenceRef("a", 1)]
        assert pane.step_missing(1)
        await pilot.press("enter")
        await pilot.pause()
        assert [m.ref for m in _of(messages, JumpToSentence)] == [SentenceRef("a", 2)]


def _scored(alignment: StoryAlignment, ref: SentenceRef, score: float) -> StoryAlignment:
    """`alignment` with the pair score of `ref`'s first counterpart set to `score`."""
    sentences = dict(alignment.sentences)
    infos = list(sentences[ref.article_id])
    info = infos[ref.index]
    infos[ref.index] = info._replace(counterparts=(info.counterparts[0]._replace(score=score),))
    sentences[ref.article_id] = tuple(infos)
    return replace(alignment, sentences=sentences)


async def test_diff_view_shows_100_percent_only_for_the_same_words() -> None:
    """99.6 alike is a changed word: it reads 99%, never a rounded-up 100%."""
    pane = DiffView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        changed = _scored(ALIGNMENT, SentenceRef("b", 0), 99.6)
        _set(
            pane, alignment=_scored(changed, SentenceRef("b", 2), 100.0), cursor=SentenceRef("b", 0)
        )
        await pilot.pause()
        assert pane.diff_list.options[0].prompt.plain.startswith("Outlet A  99% alike")
        pane.cursor = SentenceRef("b", 2)  # 'Talks resume in March.' in both
        await pilot.pause()
        assert pane.diff_list.options[0].prompt.plain.startswith("Outlet A  100% alike")
    assert alike_percent(99.99, identical=False) == 99
    assert alike_percent(76.8, identical=False) == 76
    assert alike_percent(100.0, identical=False) == 99, "same words after normalising only"


async def test_diff_view_follows_the_cursor_and_says_what_is_missing() -> None:
    pane = DiffView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        _set(pane, alignment=ALIGNMENT, cursor=SentenceRef("a", 2))
        await pilot.pause()
        plain = [option.prompt.plain for option in pane.diff_list.options]
        assert plain[0] == "not in: Outlet B"
        header = str(pane.query_one("#diff-header", Static).render())
        assert "unique · only this outlet" in header
        assert plain[1].startswith("── Nothing missing: this outlet carries all")
        assert not any("Missing here: 0" in line for line in plain)
        assert not pane.step_missing(1)
        pane.cursor = SentenceRef("a", 0)
        await pilot.pause()
        assert pane.diff_list.options[0].prompt.plain.startswith("Outlet B")


async def test_diff_view_shows_a_move_after_a_rest_at_once_and_a_burst_when_it_rests() -> None:
    """A move after the cursor rested (a single key) updates the Diff at once, another outlet
    too; a move hard on the last one (a held key) only schedules it, and each further move pushes
    it back. Reading the rows, the settle timer, or focus entering the pane brings it up to date."""
    pane = DiffView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        pane.screen.set_focus(None)  # the harness focuses the rows, the one focusable widget
        await pilot.pause()
        _set(pane, alignment=ALIGNMENT, cursor=SentenceRef("a", 2))
        rows = pane.query_one("#diff-rows", PaneList)
        await pilot.pause(REST_S * 2)
        pane.cursor = SentenceRef("b", 1)
        assert not pane.pending and rows.options[0].id == "c0", "after a rest: another outlet, now"
        shown = list(rows.options)
        pane.cursor = SentenceRef("a", 2)
        assert pane.pending and list(rows.options) == shown, "hard on the last move: not yet"
        assert pane.diff_list.options[0].prompt.plain == "not in: Outlet B", "reading: now"
        assert not pane.pending
        pane.cursor = SentenceRef("b", 1)
        pane.cursor = SentenceRef("a", 2)
        assert pane.pending, "a burst of moves waits"
        await pilot.pause(DIFF_SETTLE_S * 4)
        assert not pane.pending, "the timer shows it once the cursor rests"
        assert rows.options[0].prompt.plain == "not in: Outlet B"
        pane.cursor = SentenceRef("b", 1)
        pane.cursor = SentenceRef("a", 2)
        assert pane.pending
        rows.focus()
        await pilot.pause()
        assert not pane.pending, "focus entering the pane shows the cursor's sentence"
        assert rows.options[0].prompt.plain == "not in: Outlet B"
        pane.cursor = SentenceRef("b", 1)
        pane.cursor = SentenceRef("a", 2)
        assert not pane.pending, "while the Diff has the focus it follows every move at once"


def test_a_pair_is_labelled_by_its_own_score_not_by_either_sentence_status() -> None:
    assert pair_label(SHARED_SCORE) == "near-verbatim"
    assert pair_label(100.0) == "near-verbatim"
    assert pair_label(SHARED_SCORE - 0.5) == "reworded"


def test_counterpart_text_is_inline_for_copies_and_own_words_for_rewrites() -> None:
    content = counterpart_text("covers 12 [bold]missiles", "covers 13 [bold]missiles", score=95)
    assert content.plain == "covers 12 13 [bold]missiles"
    styled = {
        content.plain[span.start : span.end].strip(): str(span.style) for span in content.spans
    }
    assert styled["12"] == f"{ONLY_HERE} strike"
    assert styled["13"] == f"{REWORDED} bold"
    focused = "The deal covers 12 missiles, officials said on Friday."
    rewrite = "Officials on Friday said that twelve missiles are part of the agreement."
    reworded = counterpart_text(focused, rewrite, score=60)
    assert reworded.plain == rewrite, "a rewrite reads as its own words, nothing struck in"
    styled = {reworded.plain[span.start : span.end]: str(span.style) for span in reworded.spans}
    assert "strike" not in " ".join(styled.values())
    at = rewrite.index("twelve")
    assert any(span.start <= at < span.end for span in reworded.spans), "new words highlighted"
    at = rewrite.index("missiles")
    assert not any(span.start <= at < span.end for span in reworded.spans), "shared words plain"


def test_drift_callouts_name_what_differs_between_the_two_sentences() -> None:
    here, there, elsewhere = SentenceRef("a", 1), SentenceRef("b", 1), SentenceRef("c", 0)
    drifts = [
        Drift(1, "number", "12", "13", ("Outlet A",), ("Outlet B",), (here,), (there,)),
        Drift(1, "name", "Hegseth", "Hegsith", ("Outlet A",), ("Outlet C",), (here,), (elsewhere,)),
    ]
    callout = drift_callouts(drifts, there, here)
    assert callout.plain == "⚠ number 13 → 12", "this outlet's value first, theirs after the arrow"
    assert drift_callouts(drifts, here, there).plain == "⚠ number 12 → 13"
    assert drift_callouts(drifts, there, elsewhere).plain == ""


async def test_pane_list_search_marks_and_cycles_matches() -> None:
    pane = ArticleView()
    async with Harness(pane).run_test(size=(70, 30)) as pilot:
        _set(pane, articles=ARTICLES, alignment=ALIGNMENT, cursor=SentenceRef("a", 0))
        await pilot.pause()
        rows = pane.sentence_list
        assert rows.search("DEAL") == 2
        assert rows.match_indexes == [0, 1]
        assert any(str(span.style) == "bold reverse" for span in rows.options[1].prompt.spans)
        rows.highlighted = 1
        assert rows.step_match(1) and rows.highlighted == 0, "wraps to the first match"
        assert rows.step_match(-1) and rows.highlighted == 1
        rows.clear_search()
        assert not any(str(span.style) == "bold reverse" for span in rows.options[1].prompt.spans)


def test_status_bar_is_fixed_width_and_keeps_unique_visible() -> None:
    assert len(status_bar(10, 5, 5).plain) == 12
    assert len(status_bar(0, 0, 0).plain) == 12
    bar = status_bar(100, 0, 1)
    assert len(bar.plain) == 12
    assert str(bar.spans[-1].style) == ONLY_HERE


def test_safe_text_makes_control_characters_visible() -> None:
    assert safe_text("a\x1b[1mb\x07") == "a␛[1mb␇"
    assert safe_text("[bold]x[/]") == "[bold]x[/]"
