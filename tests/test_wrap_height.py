"""`tui.widgets.wrap_height` counts wrapped lines exactly as Textual's Content does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from tui.widgets.wrap_height import wrapped_height

RULES: dict[str, object] = {}
WORDS = st.text(alphabet=st.sampled_from("abcdefghij XYZ.,'-"), min_size=0, max_size=30)


def _textual(text: str, width: int) -> int:
    return Content(text).get_height(RULES, width)  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDS, max_size=12), st.integers(min_value=1, max_value=60))
def test_ascii_text_wraps_as_textual_wraps_it(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    assert wrapped_height(text, width) == _textual(text, width)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.integers(min_value=1, max_value=40))
def test_any_text_wraps_as_textual_wraps_it(text: str, width: int) -> None:
    counted = wrapped_height(text, width)
    if counted is None:  # a tab or a control character: left to Textual's own measure
        assert any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in text)
    else:
        assert counted == _textual(text, width)


def test_examples() -> None:
    assert wrapped_height("", 10) == 1
    assert wrapped_height("short", 10) == 1
    assert wrapped_height("one two three four", 9) == 3  # one two / three / four
    assert wrapped_height("x" * 25, 10) == 3  # folded
    assert wrapped_height("0\r0000000000000000000", 2) is None  # Textual measures it
    for text, width in [("a\nb c d e f g", 3), ("  lead  spaces   here ", 5), ("é café, naïve", 4)]:
        assert wrapped_height(text, width) == _textual(text, width)
