"""Word diffs: normalised comparison, original words kept, and the edit script replays exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.core.drift.wordiff import apply, change_blocks, changed_stretches, word_diff, word_key


def test_equal_sentences_are_one_equal_step() -> None:
    diff = word_diff("Tokyo and Washington agreed Friday", "Tokyo and Washington agreed Friday")
    assert [op.tag for op in diff.ops] == ["equal"]
    assert diff.changed() == ()


def test_light_edit_is_an_insertion() -> None:
    diff = word_diff("Tokyo and Washington agreed Friday", "Tokyo and Washington agreed on Friday")
    assert [(op.tag, diff.b_words[op.b0 : op.b1]) for op in diff.changed()] == [("insert", ("on",))]


def test_case_punctuation_and_spelling_count_equal_but_originals_are_kept() -> None:
    diff = word_diff("the Department of Defence.", "The department of defense")
    assert diff.changed() == ()
    assert diff.a_words[-1] == "Defence."
    assert diff.b_words[-1] == "defense"
    # Only the real spelling variant is reported, not case or punctuation.
    assert [(diff.a_words[i], diff.b_words[j]) for i, j in diff.variants()] == [
        ("Defence.", "defense")
    ]


def test_change_blocks_merge_adjacent_steps() -> None:
    diff = word_diff(
        "the alliance remains absolutely unwavering, the statement said",
        "the alliance remains strong. the statement said",
    )
    blocks = change_blocks(diff)
    assert len(blocks) == 1
    a0, a1, b0, b1 = blocks[0]
    assert diff.a_words[a0:a1] == ("absolutely", "unwavering,")
    assert diff.b_words[b0:b1] == ("strong.",)


def test_punctuation_only_words_compare_as_themselves() -> None:
    assert word_key("—") == word_key("-")
    assert word_key("—") != word_key("and")


WORDS = st.sampled_from(
    [
        "Tokyo",
        "and",
        "Washington",
        "agreed",
        "Friday",
        "on",
        "to",
        "boost",
        "defence",
        "defense",
        "Defence,",
        "joint",
        "production",
        "—",
        "missiles.",
        "Koizumi",
        "Kiyozumi",
    ]
)


@given(st.lists(WORDS, max_size=25), st.lists(WORDS, max_size=25))
def test_replaying_the_ops_on_a_gives_b(a: list[str], b: list[str]) -> None:
    diff = word_diff(" ".join(a), " ".join(b))
    replayed = apply(diff.ops, diff.a_words, diff.b_words)
    assert [word_key(w) for w in replayed] == [word_key(w) for w in diff.b_words]
    # The steps tile both sentences without gaps.
    assert diff.ops == () or (diff.ops[0].a0, diff.ops[0].b0) == (0, 0)
    for before, after in zip(diff.ops, diff.ops[1:], strict=False):
        assert (before.a1, before.b1) == (after.a0, after.b0)


PLAIN = st.sampled_from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])


@given(st.lists(PLAIN, max_size=30), st.lists(PLAIN, max_size=30))
def test_replay_is_exact_when_words_have_no_variants(a: list[str], b: list[str]) -> None:
    diff = word_diff(" ".join(a), " ".join(b))
    assert apply(diff.ops, diff.a_words, diff.b_words) == b


@given(st.lists(WORDS, max_size=25), st.lists(WORDS, max_size=25))
def test_changed_stretches_are_the_change_blocks_of_the_diff(a: list[str], b: list[str]) -> None:
    assert changed_stretches(a, b) == change_blocks(word_diff(" ".join(a), " ".join(b)))
