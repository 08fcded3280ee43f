"""Coverage in context: who covered a story (the spread by lean, country and type, and the
blindspot rule), when each outlet published it (the timeline), and how much each copy of a wire
text changed (families as the reader shows them).

Everything here is read from the user's outlet profiles and the articles' own dates; nothing
is guessed: an outlet without a lean is counted as unrated, an article without a date is shown
as unknown.

May import `tui.core.profiles`, `tui.core.align`, `tui.core.text` and `tui.core.models`.
"""
