"""Exports of a story: the Markdown memo, JSON, CSV, the HTML report, and the
`compare --json` document.

May import `tui.core.reader`, `tui.core.notes`, `tui.core.align`, `tui.core.store`,
`tui.core.coverage`, `tui.core.profiles`, `tui.core.text` and `tui.core.models`.
"""
