"""Reading every whole record out of a store file that is not valid JSON any more.

A store file is one JSON object of tables of documents (`{"stories": {"1": {...}, ...}}`). When
it is cut short or has garbage in it, each document before the damage is still whole text, and
so usually is each after it: the salvager walks the tables document by document, and where one
cannot be read it skips to the next place that looks like the start of a document
(`,"<number>":{`) and goes on. Every document it returns parsed on its own; nothing is guessed.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["salvage_tables"]

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"\s*")
_NEXT_DOCUMENT = re.compile(r'[,{]\s*"\d{1,12}"\s*:\s*\{')
"""The start of a document: TinyDB's document ids are whole numbers written as strings."""


def salvage_tables(data: bytes) -> dict[str, dict[str, Any]]:
    """Every document that can be read whole, by table. Bad UTF-8 bytes become U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    tables: dict[str, dict[str, Any]] = {}
    at = _skip(text, 0)
    if not text.startswith("{", at):
        return tables
    at += 1
    while at < len(text):
        at = _skip(text, at)
        name, at = _string(text, at)
        if name is None:
            break
        at = _skip(text, at)
        if not text.startswith(":", at):
            break
        at = _skip(text, at + 1)
        if not text.startswith("{", at):
            break
        table = tables.setdefault(name, {})
        at = _read_table(text, at + 1, table)
        at = _skip(text, at)
        if text.startswith(",", at):
            at += 1
            continue
        break
    return tables


def _read_table(text: str, at: int, table: dict[str, Any]) -> int:
    """Documents from `at` (just inside the table's brace) to its closing brace; returns the
    position after it, or the end of the text when the table never closes."""
    while at < len(text):
        at = _skip(text, at)
        if text.startswith("}", at):
            return at + 1
        start = at
        key, at = _string(text, at)
        value: Any = None
        ok = key is not None
        if ok:
            at = _skip(text, at)
            ok = text.startswith(":", at)
        if ok:
            try:
                value, at = _DECODER.raw_decode(text, _skip(text, at + 1))
            except ValueError:
                ok = False
        if ok and isinstance(value, int | float):
            # A number cut short is still a number ('-10' cut to '-1'): trust one only when
            # what follows shows it ended.
            ok = text.startswith((",", "}"), _skip(text, at))
        if ok and key is not None:
            table[key] = value
            at = _skip(text, at)
            if text.startswith(",", at):
                at += 1
                continue
            if text.startswith("}", at):
                return at + 1
        # Damaged here: go on at the next thing that looks like a document of this table.
        found = _NEXT_DOCUMENT.search(text, start + 1)
        if found is None:
            return len(text)
        at = found.start() + 1
    return at


def _skip(text: str, at: int) -> int:
    found = _WHITESPACE.match(text, at)
    return found.end() if found else at


def _string(text: str, at: int) -> tuple[str | None, int]:
    if not text.startswith('"', at):
        return None, at
    try:
        value, end = _DECODER.raw_decode(text, at)
    except ValueError:
        return None, at
    return (value, end) if isinstance(value, str) else (None, at)
