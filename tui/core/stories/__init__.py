"""Stories as the user sees them: which story an imported article belongs to, and changing stories.

Grouping reads the evidence alignment compares (rare words reduced to one form, names, numbers,
dates, near-verbatim sentences) to put an article with the story of the same event, and keeps
different events apart even when they are of one kind in one place. Story management moves,
merges, splits, renames and deletes stories in the library, keeping tags and notes with their
articles.

May import `align`, `store`, `ingest`, `drift`, `notes`, `text` and `models`.
"""
