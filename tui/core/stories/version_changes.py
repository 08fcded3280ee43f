"""What changed between two versions of one article, word by word, with a little context.

Versions are compared as the reader reads them (the kept text, not the raw page), with the word
diff the comparison uses (`core.drift.wordiff`: case and spelling variants count as equal), and
each changed stretch is shown between a few words of unchanged text on each side, as
`git diff --word-diff` does.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.drift.wordiff import word_diff

__all__ = ["TextChange", "text_changes"]

CONTEXT_WORDS = 6


@dataclass(frozen=True, slots=True)
class TextChange:
    """One changed stretch: the words around it, the words taken out and those put in."""

    before: str
    removed: str
    added: str
    after: str


def text_changes(old: str, new: str, *, context: int = CONTEXT_WORDS) -> list[TextChange]:
    """Every changed stretch from `old` to `new`, in reading order; [] when the words agree."""
    diff = word_diff(old, new)
    a, b = diff.a_words, diff.b_words
    changes: list[TextChange] = []
    ops = list(diff.ops)
    at = 0
    while at < len(ops):
        op = ops[at]
        if op.tag == "equal":
            at += 1
            continue
        a0, b0 = op.a0, op.b0
        a1, b1 = op.a1, op.b1
        # Join stretches parted by fewer equal words than the context shows.
        while (
            at + 2 < len(ops)
            and ops[at + 1].tag == "equal"
            and (ops[at + 1].a1 - ops[at + 1].a0 <= context)
        ):
            at += 2
            a1, b1 = ops[at].a1, ops[at].b1
        changes.append(
            TextChange(
                " ".join(a[max(0, a0 - context) : a0]),
                " ".join(a[a0:a1]),
                " ".join(b[b0:b1]),
                " ".join(a[a1 : a1 + context]),
            )
        )
        at += 1
    return changes
