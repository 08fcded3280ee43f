"""Keys: every binding of the app declared once (`registry`), and the check of a user's keymap
(`keymap`).

The screens take their BINDINGS from the registry; the help's key tables, the command palette's key
commands and the keymap check read the same lists. This package imports only `textual.binding`,
so checking a keymap at start-up loads no screen.
"""
