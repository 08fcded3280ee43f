"""Outlet profiles: who an outlet is (display name, other names, domains, country, language,
owner, type, political lean), kept by the user in the library and shared as a CSV file.

crosswire ships no profiles and no ratings of its own: every field is the user's (or a file a
colleague shared), and every field is optional.

May import `tui.core.store`, `tui.core.text` and `tui.core.models`.
"""
