"""Outlet profiles as a CSV file a user can share with colleagues and open in any spreadsheet.

One header row naming the columns (any order, any case; `name` required), then one outlet per
row. List cells (`aliases`, `domains`) hold items separated by ';'. Empty cells are unknown
values; blank lines are skipped. Written with the columns in `FIELD_NAMES` order.

A cell a spreadsheet would run as a formula (starting with '=', '+', '-', '@') is written with a
leading apostrophe, which reading takes off again, so a hostile outlet name never runs in a
colleague's spreadsheet and the file still reads back to the same profiles.

A file that cannot be used raises `ProfileFileError`: one line naming the file, the line and
the problem. Nothing is imported from a file with any bad row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.core.profiles.types import (
    FIELD_NAMES,
    OutletProfile,
    ProfileError,
    check_field,
    field_text,
    name_key,
)

MAX_FILE_BYTES = 10_000_000
"""A profile file larger than this is refused rather than read into memory."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ProfileFileError(Exception):
    """A profile file that cannot be used; str() is 'FILE:LINE: problem' (or 'FILE: problem')."""


def _defused(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def _undefused(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def profiles_to_csv(profiles: Iterable[OutletProfile]) -> str:
    """The profiles as CSV text, header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELD_NAMES)
    for profile in profiles:
        writer.writerow([_defused(field_text(profile, name)) for name in FIELD_NAMES])
    return out.getvalue()


def read_profile_file(path: Path) -> list[OutletProfile]:
    """The profiles in a CSV file; ProfileFileError naming the line when any row is bad."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ProfileFileError(f"{path}: {size:,} bytes, more than a profile file holds")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProfileFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ProfileFileError(f"{path}: is a folder, not a profile file") from None
    except OSError as exc:
        raise ProfileFileError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ProfileFileError(f"{path}:{line}: not UTF-8 text") from None
    return parse_profiles(text, source=str(path))


def parse_profiles(text: str, *, source: str) -> list[OutletProfile]:
    """The profiles in CSV `text`; errors name `source` and the line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: Sequence[str] | None = None
    profiles: list[OutletProfile] = []
    first_line: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ProfileFileError(f"{source}:{reader.line_num}: {_csv_problem(exc)}") from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = _header(row, source=source, line=line)
            continue
        if len(row) > len(header):
            raise ProfileFileError(
                f"{source}:{line}: {len(row)} cells, but the header names {len(header)} columns"
            )
        values = {name: _undefused(cell) for name, cell in zip(header, row, strict=False)}
        try:
            profile = OutletProfile(
                **{name: check_field(name, value) for name, value in values.items()}  # type: ignore[arg-type]
            )
        except ProfileError as exc:
            raise ProfileFileError(f"{source}:{line}: {exc}") from None
        for name in profile.names():
            earlier = first_line.setdefault(name_key(name), line)
            if earlier != line:
                raise ProfileFileError(f"{source}:{line}: {name!r} already named on line {earlier}")
        profiles.append(profile)
    if header is None:
        raise ProfileFileError(f"{source}: empty; expected a header row such as 'name,lean,...'")
    return profiles


def _header(row: Sequence[str], *, source: str, line: int) -> list[str]:
    columns = [cell.strip().casefold() for cell in row]
    unknown = [c for c in columns if c not in FIELD_NAMES]
    if unknown:
        shown = ", ".join(repr(c[:40]) for c in unknown[:3])
        raise ProfileFileError(
            f"{source}:{line}: unknown column(s) {shown}; columns are {', '.join(FIELD_NAMES)}"
        )
    if "name" not in columns:
        raise ProfileFileError(f"{source}:{line}: the header needs a 'name' column")
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ProfileFileError(f"{source}:{line}: column(s) {', '.join(twice)} named twice")
    return columns


def _csv_problem(exc: csv.Error) -> str:
    message = str(exc)
    if "NUL" in message:
        return "holds a NUL byte (not a text file?)"
    if "field larger" in message:
        return "a cell longer than a profile file allows"
    return f"not valid CSV ({message})"
