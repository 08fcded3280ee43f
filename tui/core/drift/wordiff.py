"""Word-level differences between two versions of one sentence.

Words are compared by their normalised form (`core.text.normalize.canonical_word`), so 'Defence' and
'defense,' count as the same word while the original spellings stay available for display and for
drift detection. The edit script comes from `rapidfuzz.distance.Levenshtein.opcodes` run on word
ids, about 20x faster than difflib on sentence-sized inputs (FIELD-NOTES).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from rapidfuzz.distance import Levenshtein

from tui.core.text.normalize import canonical_word, fold

OpTag = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class WordOp:
    """One step of the edit script: a_words[a0:a1] becomes b_words[b0:b1]."""

    tag: OpTag
    a0: int
    a1: int
    b0: int
    b1: int


@dataclass(frozen=True, slots=True)
class WordDiff:
    """Two sentences as word lists and the edit script from the first to the second."""

    a_words: tuple[str, ...]
    b_words: tuple[str, ...]
    ops: tuple[WordOp, ...]

    def changed(self) -> tuple[WordOp, ...]:
        """The steps that are not 'equal'."""
        return tuple(op for op in self.ops if op.tag != "equal")

    def variants(self) -> tuple[tuple[int, int], ...]:
        """(a index, b index) of words matched as equal whose letters differ beyond case.

        These are the quiet spelling differences: 'defence' / 'defense', 'Takaichi's' is not one.
        """
        found: list[tuple[int, int]] = []
        for op in self.ops:
            if op.tag != "equal":
                continue
            for offset in range(op.a1 - op.a0):
                a_word = self.a_words[op.a0 + offset]
                b_word = self.b_words[op.b0 + offset]
                if _letters(a_word) != _letters(b_word):
                    found.append((op.a0 + offset, op.b0 + offset))
        return tuple(found)


def _letters(word: str) -> str:
    return "".join(ch for ch in fold(word).casefold() if ch.isalnum())


def split_words(text: str) -> list[str]:
    """Display words: whitespace-separated, punctuation kept attached."""
    return text.split()


def word_key(word: str) -> str:
    """What a display word is compared by; pure punctuation compares as itself."""
    return canonical_word(word) or fold(word)


class _KeyTable(dict[str, str]):
    """Display word -> `word_key`: a dict lookup looped in C by `map` instead of two Python
    calls per word (drift diffs the quotes of every pair of versions that quote differently)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 65536:  # a long session reads many stories: stay bounded
            self.clear()
        key = self[word] = word_key(word)
        return key


_KEYS = _KeyTable()


def _word_ids(a_words: Sequence[str], b_words: Sequence[str]) -> tuple[list[int], list[int]]:
    """Both word lists as ids, one id per distinct `word_key`."""
    ids: dict[str, int] = {}
    a_ids = [ids.setdefault(key, len(ids)) for key in map(_KEYS.__getitem__, a_words)]
    b_ids = [ids.setdefault(key, len(ids)) for key in map(_KEYS.__getitem__, b_words)]
    return a_ids, b_ids


def word_diff(a: str, b: str) -> WordDiff:
    """Diff two sentences word by word, treating case and spelling variants as equal."""
    a_words = split_words(a)
    b_words = split_words(b)
    a_ids, b_ids = _word_ids(a_words, b_words)
    ops = tuple(
        WordOp(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)  # type: ignore[arg-type]
        for op in Levenshtein.opcodes(a_ids, b_ids)
    )
    return WordDiff(tuple(a_words), tuple(b_words), ops)


def apply(ops: Sequence[WordOp], a_words: Sequence[str], b_words: Sequence[str]) -> list[str]:
    """Replay the edit script on a_words: the result matches b_words word for word by key.

    'equal' steps copy a's words (so spelling variants keep a's spelling); all other steps take b's.
    """
    result: list[str] = []
    for op in ops:
        if op.tag == "equal":
            result.extend(a_words[op.a0 : op.a1])
        elif op.tag in ("replace", "insert"):
            result.extend(b_words[op.b0 : op.b1])
    return result


def change_blocks(diff: WordDiff) -> list[tuple[int, int, int, int]]:
    """Runs of consecutive non-equal steps merged: (a0, a1, b0, b1) for each changed stretch."""
    return _merged((op.tag, op.a0, op.a1, op.b0, op.b1) for op in diff.ops)


def changed_stretches(
    a_words: Sequence[str], b_words: Sequence[str]
) -> list[tuple[int, int, int, int]]:
    """`change_blocks` of the diff of two word lists, without building the `WordDiff`: drift
    only wants the changed stretches, and a frozen dataclass per step costs more than the
    diff itself."""
    a_ids, b_ids = _word_ids(a_words, b_words)
    if a_ids == b_ids:
        return []
    # `as_list` gives difflib-style (tag, a0, a1, b0, b1) tuples; the stubs say `Opcode`.
    steps = cast(
        "list[tuple[str, int, int, int, int]]", Levenshtein.opcodes(a_ids, b_ids).as_list()
    )
    return _merged(steps)


def _merged(steps: Iterable[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Runs of consecutive non-equal (tag, a0, a1, b0, b1) steps merged into one."""
    blocks: list[tuple[int, int, int, int]] = []
    for tag, a0, a1, b0, b1 in steps:
        if tag == "equal":
            continue
        if blocks and blocks[-1][1] == a0 and blocks[-1][3] == b0:
            blocks[-1] = (blocks[-1][0], a1, blocks[-1][2], b1)
        else:
            blocks.append((a0, a1, b0, b1))
    return blocks


def clear_caches() -> None:
    """Forget cached word keys (benchmarks time cold runs)."""
    _KEYS.clear()
