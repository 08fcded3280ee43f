"""`SearchableList`: an OptionList with a search whose matches stay marked until it is cleared.

The base of `PaneList` (tui/widgets/pane_list.py), kept apart so that module holds only the work
done to keep up with keys. A search marks every row holding the query, case-insensitive, by
swapping in a marked copy of its prompt; the unmarked prompts are kept and put back when the
search is cleared or the rows are replaced (the owner re-applies the query to new rows).
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from tui.widgets.gutter import GutterRow

MATCH_STYLE = "bold reverse"
"""How a search match stands out on top of whatever tint the row has."""


class SearchableList(OptionList):
    """An OptionList whose rows can be searched; markup is off (rows are data)."""

    class Searched(Message):
        """A search was made or cleared: whoever shows the match count shows it afresh."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        self.search_query = ""
        """The active search; re-applied whenever the rows are replaced."""
        self._unmarked: dict[int, Content | GutterRow] = {}
        self._matches: list[int] = []
        super().__init__(id=id, classes=classes, markup=False)

    @property
    def match_indexes(self) -> list[int]:
        """Option indexes whose text holds the search query, top to bottom."""
        return list(self._matches)

    def search(self, query: str) -> int:
        """Highlight every row holding `query` (case-insensitive), go to the first match at or
        after the cursor, and return how many rows match. An empty query clears the search."""
        self.clear_search()
        self.search_query = query
        self.post_message(self.Searched())
        if not query:
            return 0
        self._mark_matches()
        self.step_match(0)
        return len(self._matches)

    def step_match(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) match, wrapping; 0 means 'this one or next'."""
        if not self._matches:
            return False
        here = self.highlighted if self.highlighted is not None else -1
        if direction >= 0:
            later = [i for i in self._matches if i > here or (direction == 0 and i == here)]
            self.highlighted = later[0] if later else self._matches[0]
        else:
            earlier = [i for i in self._matches if i < here]
            self.highlighted = earlier[-1] if earlier else self._matches[-1]
        return True

    def clear_search(self) -> None:
        """Drop the query and restore the rows as they were."""
        self._unmark()
        self.search_query = ""

    def _unmark(self) -> None:
        """Put the unmarked prompts back (callers may reuse their Option objects elsewhere)."""
        for index, prompt in self._unmarked.items():
            if index < len(self.options):
                self.replace_option_prompt_at_index(index, prompt)
        self._unmarked.clear()
        self._matches.clear()

    def _mark_matches(self) -> None:
        pattern = re.compile(re.escape(self.search_query), re.IGNORECASE)
        for index, option in enumerate(self.options):
            prompt = option.prompt
            if option.disabled or not isinstance(prompt, Content | GutterRow):
                continue
            if pattern.search(prompt.plain):
                self._unmarked[index] = prompt
                self._matches.append(index)
                marked: Content | GutterRow
                if isinstance(prompt, GutterRow):
                    marked = prompt.with_body(
                        prompt.body.highlight_regex(pattern, style=MATCH_STYLE)
                    )
                else:
                    marked = prompt.highlight_regex(pattern, style=MATCH_STYLE)
                self.replace_option_prompt_at_index(index, marked)
