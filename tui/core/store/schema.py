"""The shape of each store file, checked when it is read: valid JSON of the wrong shape is refused.

A file that parses but holds a story without a title, a title that is a number or sentences that
are a string would otherwise fail later, far from its cause (a traceback, an app stuck loading),
and a writer would add to it. `AtomicJSONStorage` runs a file's check on every version it parses,
before anyone reads or changes it, and the first problem found is one `LibraryError` line naming
the file, the document and the field. Fields crosswire does not read are allowed, so a newer
crosswire's additions do not stop an older one reading what it knows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.store.storage import REPAIR_HINT, LibraryError, Tables

__all__ = [
    "REPAIR_HINT",
    "ShapeError",
    "check_bodies",
    "check_index",
    "check_state",
    "describe",
]

Check = Callable[[Tables, Path], None]
"""A file's check: raises `ShapeError` (a LibraryError) at the first problem."""


class ShapeError(LibraryError):
    """A store file that is valid JSON but not of the shape crosswire writes."""


_KIND_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true/false",
    type(None): "null",
    list: "a list",
    dict: "an object",
}


def describe(value: object) -> str:
    """What a JSON value is, in words: 'a number', 'text', 'a list'."""
    return _KIND_NAMES.get(type(value), type(value).__name__)


def _label(value: object) -> str:
    """An id or name read from the file, as a message may quote it: as it is when plain, else
    as a Python literal (escapes and line breaks shown, never acted on), cut to 40 characters."""
    text = str(value)
    if text.isprintable() and text == text.strip() and 0 < len(text) <= 40:
        return text
    return repr(text[:40])


def _fail(path: Path, where: str, problem: str) -> ShapeError:
    return ShapeError(f"{path}: {where}: {problem}; left as it is ({REPAIR_HINT})")


def _table(tables: Tables, name: str, path: Path) -> dict[str, Any]:
    table = tables.get(name, {})
    if not isinstance(table, dict):
        raise _fail(path, f"table {name!r}", f"is {describe(table)}, expected documents")
    return table


def _document(doc: object, where: str, path: Path) -> dict[str, Any]:
    if not isinstance(doc, dict):
        raise _fail(path, where, f"is {describe(doc)}, expected an object")
    return doc


def _field(doc: dict[str, Any], name: str, kinds: tuple[type, ...], where: str, path: Path) -> Any:
    if name not in doc:
        raise _fail(path, where, f"has no {name!r}")
    value = doc[name]
    # bool is an int in Python, never in a store file.
    if type(value) not in kinds:
        wanted = " or ".join(_KIND_NAMES[k] for k in kinds)
        raise _fail(path, where, f"{name!r} is {describe(value)}, expected {wanted}")
    return value


_TEXT = (str,)
_TEXT_OR_NULL = (str, type(None))
_LIST = (list,)
ENTRY_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "story_id": _TEXT,
    "outlet": _TEXT,
    "title": _TEXT,
    "source": _TEXT,
    "url": _TEXT_OR_NULL,
    "date": _TEXT_OR_NULL,
    "imported_at": _TEXT,
}
"""An article's index entry in `library.json` (`core.store.records.INDEX_FIELDS`)."""


def check_index(tables: Tables, path: Path) -> None:
    """`library.json`: the schema version and the stories with their articles' index entries."""
    meta = _table(tables, "_meta", path)
    if meta:
        _field(_document(meta.get("1"), "_meta 1", path), "schema", (int,), "_meta 1", path)
    for doc_id, story in _table(tables, "stories", path).items():
        where = f"story {_label(doc_id)}"
        story = _document(story, where, path)
        story_id = _field(story, "id", _TEXT, where, path)
        where = f"story {_label(doc_id)} ({_label(story_id)})"
        _field(story, "title", _TEXT, where, path)
        _field(story, "created_at", _TEXT, where, path)
        for n, entry in enumerate(_field(story, "articles", _LIST, where, path)):
            at = f"{where} article {n}"
            entry = _document(entry, at, path)
            for name, kinds in ENTRY_FIELDS.items():
                _field(entry, name, kinds, at, path)


_SENTENCE_KINDS = (int, str, int, int, int, str)
_REMOVED_KINDS = (int, str, str)


def _rows(value: list[Any], kinds: tuple[type, ...], what: str, where: str, path: Path) -> None:
    """Each row a list of exactly these kinds (the usual case checked in one pass at C speed)."""
    width = len(kinds)
    if all(type(row) is list and len(row) == width for row in value) and all(
        tuple(map(type, row)) == kinds for row in value
    ):
        return
    for n, row in enumerate(value):
        if type(row) is not list or len(row) != width:
            raise _fail(path, f"{where} {what} {n}", f"is not a list of {width} values")
        for m, (item, kind) in enumerate(zip(row, kinds, strict=True)):
            if type(item) is not kind:
                raise _fail(
                    path,
                    f"{where} {what} {n}",
                    f"value {m} is {describe(item)}, expected {_KIND_NAMES[kind]}",
                )


def check_bodies(tables: Tables, path: Path) -> None:
    """`articles/<story id>.json`: each article's raw and cleaned text, sentences, removed lines."""
    for doc_id, body in _table(tables, "bodies", path).items():
        where = f"article {_label(doc_id)}"
        body = _document(body, where, path)
        article_id = _field(body, "id", _TEXT, where, path)
        where = f"article {_label(doc_id)} ({_label(article_id)})"
        _field(body, "raw", _TEXT, where, path)
        _field(body, "text", _TEXT, where, path)
        sentences = _field(body, "sentences", _LIST, where, path)
        _rows(sentences, _SENTENCE_KINDS, "sentence", where, path)
        _rows(
            _field(body, "removed", _LIST, where, path), _REMOVED_KINDS, "removed line", where, path
        )


def check_state(tables: Tables, path: Path) -> None:
    """`state.json`: one document of remembered settings."""
    state = _table(tables, "state", path)
    if state:
        _document(state.get("1"), "state 1", path)
