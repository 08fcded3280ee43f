"""Turning a scraped page into an article: cleaning off the page around it (page by page, then
against the story's other articles), splitting sentences, naming the outlet, and which files form
which story.

May import `tui.core.text` and `tui.core.models`.
"""
