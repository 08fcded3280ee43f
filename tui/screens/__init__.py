"""The app's screens: the main three-pane screen (`main`) with its collaborators (`annotator`,
`pane_search`, `prepare_ahead`), and the views and dialogs it opens over itself.

The views are built in one place (`views`) and imported only when first opened; a view the reader
leaves by choosing something hands the choice back through Textual's `push_screen` callback
(`choice`). Screens get their keys from `tui.keys.registry`.
"""
