"""Diff: how every other outlet tells the focused sentence, and what this article leaves out.

Only the focused sentence is diffed: a cursor move costs one word diff per counterpart (tens of
microseconds each), and the rows of recently visited sentences are kept, so going back is free.
"""

from __future__ import annotations

from collections import OrderedDict

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static

from tui.core.models import (
    Counterpart,
    Drift,
    MissingItem,
    SentenceInfo,
    SentenceRef,
    StoryAlignment,
)
from tui.messages import JumpToSentence
from tui.widgets import STATUS_MARK_STYLE, STATUS_STYLE, Option, PaneList, safe_text

INSERT_STYLE = "$text-success bold"
"""Words the counterpart has and the focused sentence does not."""
DELETE_STYLE = "$text-error strike"
"""Words of the focused sentence the counterpart drops."""
REPLACE_STYLE = "$text-warning bold"
"""The counterpart's words standing where the focused sentence has other words."""
DRIFT_STYLE = "$text-warning"
_CACHE_SIZE = 64

_Rows = tuple[list[Option], dict[str, SentenceRef]]


def inline_diff(a: str, b: str) -> Content:
    """Sentence b read against a: b's words, with a's dropped words struck in place and b's new or
    changed words coloured. Built from plain strings, styled by span (article text is data)."""
    from tui.core.wordiff import word_diff

    diff = word_diff(a, b)
    parts: list[tuple[str, str]] = []
    for op in diff.ops:
        if op.tag == "equal":
            parts.append((" ".join(diff.b_words[op.b0 : op.b1]), ""))
            continue
        if op.tag in ("delete", "replace"):
            parts.append((" ".join(diff.a_words[op.a0 : op.a1]), DELETE_STYLE))
        if op.tag in ("insert", "replace"):
            style = INSERT_STYLE if op.tag == "insert" else REPLACE_STYLE
            parts.append((" ".join(diff.b_words[op.b0 : op.b1]), style))
    pieces: list[str | tuple[str, str]] = []
    for text, style in parts:
        if pieces:
            pieces.append(" ")
        pieces.append((safe_text(text), style))
    return Content.assemble(*pieces)


def drift_line(drift: Drift) -> Content:
    """'⚠ number: "12" (AFP, TRT) vs "13" (Kyodo)'."""
    return Content.assemble(
        (f"⚠ {drift.kind}: ", f"{DRIFT_STYLE} bold"),
        (f"“{safe_text(drift.a)}”", "bold"),
        (f" ({safe_text(', '.join(drift.outlets_a))}) vs ", "$text-muted"),
        (f"“{safe_text(drift.b)}”", "bold"),
        (f" ({safe_text(', '.join(drift.outlets_b))})", "$text-muted"),
    )


class DiffView(Vertical):
    """Counterparts of the focused sentence, its drift, then the sentences this outlet lacks."""

    BORDER_TITLE = "Diff"
    HELP = """\
### Diff
Every other outlet's version of the focused sentence. Against it, **green** words are
added, **struck red** words dropped, **yellow** words changed. ⚠ lines call out drift:
a name, number, date, quantity or quote that differs. Below: sentences other outlets
carry that this article is missing. `enter` on a counterpart opens that outlet at that
sentence; on a missing sentence, jumps to it. `]`/`[` step through the missing ones.
"""

    alignment: var[StoryAlignment | None] = var(None)
    cursor: var[SentenceRef | None] = var(None)

    class CounterpartChosen(Message):
        """The reader chose another outlet's version of the sentence: show it there."""

        def __init__(self, ref: SentenceRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[int, SentenceRef | None] | None = None
        self._rows_cache: OrderedDict[tuple[int, SentenceRef], _Rows] = OrderedDict()
        self._targets: dict[str, SentenceRef] = {}
        self._infos: dict[SentenceRef, SentenceInfo] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="diff-header", markup=False)
        yield PaneList(id="diff-rows")

    @property
    def diff_list(self) -> PaneList:
        return self.query_one("#diff-rows", PaneList)

    def watch_alignment(self, alignment: StoryAlignment | None) -> None:
        self._rows_cache.clear()
        self._infos = {}
        if alignment is not None:
            self._infos = {
                info.ref: info for infos in alignment.sentences.values() for info in infos
            }
        self._refresh_rows()

    def watch_cursor(self) -> None:
        self._refresh_rows()

    def step_missing(self, direction: int) -> bool:
        """Highlight the next (1) or previous (-1) missing sentence, wrapping; False if none."""
        rows = self.diff_list
        missing = [i for i, option in enumerate(rows.options) if (option.id or "").startswith("m")]
        if not missing:
            return False
        here = rows.highlighted if rows.highlighted is not None else -1
        if direction > 0:
            rows.highlighted = next((i for i in missing if i > here), missing[0])
        else:
            rows.highlighted = next((i for i in reversed(missing) if i < here), missing[-1])
        return True

    def _refresh_rows(self) -> None:
        alignment, cursor = self.alignment, self.cursor
        key = (id(alignment), cursor)
        if key == self._shown:
            return
        self._shown = key
        header = self.query_one("#diff-header", Static)
        info = self._infos.get(cursor) if cursor is not None else None
        if alignment is None or cursor is None or info is None:
            header.update(Content.styled("No sentence focused", "$text-muted"))
            self.diff_list.set_options([])
            return
        header.update(self._header(info))
        cache_key = (id(alignment), cursor)
        cached = self._rows_cache.get(cache_key)
        if cached is None:
            cached = self._rows(alignment, info)
            self._rows_cache[cache_key] = cached
            if len(self._rows_cache) > _CACHE_SIZE:
                self._rows_cache.popitem(last=False)
        self._rows_cache.move_to_end(cache_key)
        rows, self._targets = cached
        self.diff_list.set_options(_with_dividers(rows))

    def _header(self, info: SentenceInfo) -> Content:
        outlets = len(info.outlets)
        carried = f"carried by {outlets} other outlet{'s' if outlets != 1 else ''}"
        return Content.assemble(
            ("■ ", STATUS_MARK_STYLE[info.status]),
            (f"{info.status}", "bold"),
            (f" · {carried}\n", "$text-muted"),
            (safe_text(info.text), STATUS_STYLE[info.status]),
        )

    def _rows(self, alignment: StoryAlignment, info: SentenceInfo) -> _Rows:
        """The rows for one focused sentence, and where each selectable row leads."""
        targets: dict[str, SentenceRef] = {}
        rows: list[Option] = []
        first_outlet: dict[str, str] = {info.text: "this outlet"}
        for number, counterpart in enumerate(info.counterparts):
            option_id = f"c{number}"
            ref = SentenceRef(counterpart.article_id, counterpart.index)
            targets[option_id] = ref
            other = self._infos.get(ref)
            text = other.text if other is not None else ""
            if text in first_outlet:
                # Wire copies repeat one text many times: one line each, no repeated diff.
                rows.append(_same_row(counterpart, first_outlet[text], option_id))
                continue
            first_outlet[text] = counterpart.outlet
            rows.append(self._counterpart_row(info, counterpart, option_id))
        carriers = {counterpart.article_id for counterpart in info.counterparts}
        absent = [
            alignment.outlets.get(aid, aid)
            for aid in alignment.article_ids
            if aid != info.ref.article_id and aid not in carriers
        ]
        if absent:
            rows.append(_note(f"not in: {', '.join(absent)}"))
        rows.extend(
            _note_content(drift_line(drift))
            for drift in alignment.drift
            if drift.cluster == info.cluster
        )
        missing = alignment.missing.get(info.ref.article_id, ())
        rows.append(
            _heading(
                f"Missing here: {len(missing)} sentence{'s' if len(missing) != 1 else ''}"
                " other outlets carry"
            )
        )
        for number, item in enumerate(missing):
            targets[f"m{number}"] = item.example
            rows.append(self._missing_row(item, f"m{number}"))
        return rows, targets

    def _counterpart_row(
        self, info: SentenceInfo, counterpart: Counterpart, option_id: str
    ) -> Option:
        ref = SentenceRef(counterpart.article_id, counterpart.index)
        other = self._infos.get(ref)
        status = other.status if other is not None else info.status
        title = Content.assemble(
            (safe_text(counterpart.outlet), "bold"),
            (f"  {counterpart.score:.0f}% alike · {status}", "$text-muted"),
        )
        text = other.text if other is not None else ""
        return Option(Content("\n").join([title, inline_diff(info.text, text)]), id=option_id)

    def _missing_row(self, item: MissingItem, option_id: str) -> Option:
        outlets = ", ".join(item.outlets)
        return Option(
            Content.assemble(
                (safe_text(item.text), STATUS_STYLE["unique"]),
                (f"\nin: {safe_text(outlets)}", "$text-muted"),
            ),
            id=option_id,
        )

    def target_of(self, option_id: str | None) -> SentenceRef | None:
        """The sentence a row leads to: a counterpart's or a missing sentence's example."""
        return self._targets.get(option_id or "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        ref = self.target_of(option_id)
        if ref is None:
            return
        if option_id.startswith("c"):
            self.post_message(self.CounterpartChosen(ref))
        else:
            self.post_message(JumpToSentence(ref))


def _same_row(counterpart: Counterpart, same_as: str, option_id: str) -> Option:
    """A counterpart whose words equal an earlier row's (or the focused sentence's)."""
    return Option(
        Content.assemble(
            (safe_text(counterpart.outlet), "bold"),
            (
                f"  {counterpart.score:.0f}% alike · same words as {safe_text(same_as)}",
                "$text-muted",
            ),
        ),
        id=option_id,
    )


def _note(text: str) -> Option:
    return _note_content(Content.styled(safe_text(text), "$text-muted italic"))


def _note_content(content: Content) -> Option:
    return Option(content, disabled=True)


def _heading(text: str) -> Option:
    return Option(Content.styled(f"── {text}", "bold $text-primary"), disabled=True)


def _with_dividers(rows: list[Option]) -> list[Option | None]:
    """A rule after each counterpart and missing sentence, so multi-line rows stay apart."""
    spaced: list[Option | None] = []
    for row in rows:
        spaced.append(row)
        prompt = row.prompt
        if not row.disabled and isinstance(prompt, Content) and "\n" in prompt.plain:
            spaced.append(None)
    return spaced
