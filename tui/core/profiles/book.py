"""The library's outlet profiles, in their own small file `profiles.json`.

Kept apart from the stories and the notes so that editing a profile rewrites a few kilobytes.
Every change is one locked, atomic write (`core.store.storage.AtomicJSONStorage.transaction`):
re-read under the lock, changed, written to a temp file, fsynced, renamed. A corrupt file is
reported in one line and never written over.

Names are unique without regard to case across every profile's name and aliases, so an article's
outlet belongs to one profile at most.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.profiles.lookup import ProfileIndex
from tui.core.profiles.types import (
    FIELD_NAMES,
    OutletProfile,
    ProfileError,
    check_field,
    clean_name,
    filled_from,
    name_key,
)
from tui.core.store.storage import AtomicJSONStorage, LibraryError, Tables, next_document_id

__all__ = ["PROFILES_FILE", "ProfileBook", "profile_from_doc", "profile_to_doc"]

PROFILES_FILE = "profiles.json"
SCHEMA = 1
"""Bumped when the document shape changes in a way an older crosswire would misread."""
_TABLE, _META = "profiles", "_meta"


def profile_to_doc(profile: OutletProfile) -> dict[str, Any]:
    """A profile as stored: every field, lists as lists."""
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name in FIELD_NAMES
        for value in (getattr(profile, name),)
    }


def profile_from_doc(doc: dict[str, Any]) -> OutletProfile:
    """A stored document -> profile, every value checked as if typed (a hand-edited file)."""
    values: dict[str, Any] = {}
    for name in FIELD_NAMES:
        raw = doc.get(name)
        if isinstance(raw, list):
            raw = "; ".join(str(item) for item in raw)
        if raw is not None and not isinstance(raw, str):
            raise ProfileError(f"{name} must be text")
        values[name] = check_field(name, raw)
    return OutletProfile(**values)


class ProfileBook:
    """The outlet profiles of one library folder; several processes may use it at once.

    Reading and writing raise `LibraryError` (one line naming the file) when the file is corrupt
    or cannot be written; a change that makes no sense (a clashing name, an unknown field) raises
    `ProfileError`.
    """

    def __init__(self, home: Path | str) -> None:
        self.home = Path(home)
        self._storage = AtomicJSONStorage(self.home / PROFILES_FILE)
        self.profiles()  # a corrupt file is reported now, not in the middle of an edit

    @property
    def path(self) -> Path:
        return self._storage.path

    # --- reading --------------------------------------------------------------------------

    def profiles(self) -> list[OutletProfile]:
        """Every profile, by name (case aside)."""
        return self._decode(self._storage.read() or {})

    def index(self) -> ProfileIndex:
        """Every profile, ready to be looked up by outlet name or URL."""
        return ProfileIndex(self.profiles())

    def get(self, name: str) -> OutletProfile | None:
        """The profile with this name or alias (case aside), if any."""
        return self.index().by_name(name)

    def _decode(self, tables: Tables) -> list[OutletProfile]:
        schema = tables.get(_META, {}).get("1", {}).get("schema", SCHEMA)
        if not isinstance(schema, int) or schema > SCHEMA:
            raise LibraryError(
                f"{self.path}: written by a newer crosswire (schema {schema!r}, this version "
                f"reads {SCHEMA}); left untouched"
            )
        found = []
        for doc_id, doc in tables.get(_TABLE, {}).items():
            try:
                found.append(profile_from_doc(doc))
            except (ProfileError, AttributeError) as exc:
                raise LibraryError(
                    f"{self.path}: profile {doc_id} is malformed ({exc}); left untouched"
                ) from exc
        return sorted(found, key=lambda p: name_key(p.name))

    # --- writing --------------------------------------------------------------------------

    def _change(
        self, change: Callable[[list[OutletProfile]], list[OutletProfile]]
    ) -> list[OutletProfile]:
        """Apply `change` to every profile in one locked, atomic write; returns the result."""
        with self._storage.transaction() as tables:
            result = change(self._decode(tables))
            _check_unique(result)
            table: dict[str, Any] = {}
            for profile in sorted(result, key=lambda p: name_key(p.name)):
                table[next_document_id(table)] = profile_to_doc(profile)
            tables[_TABLE] = table
            tables.setdefault(_META, {"1": {"schema": SCHEMA}})
        return result

    def set_fields(self, name: str, values: dict[str, str | None]) -> OutletProfile:
        """Create the profile `name` or change its fields (text as typed; '' clears a field).

        `name` may be an alias: the profile it belongs to changes. Renaming through `values`
        ('name') keeps the old name as an alias, so articles imported under it still match.
        """
        key = name_key(clean_name(name))
        checked = {field: check_field(field, text) for field, text in values.items()}
        changed: list[OutletProfile] = []

        def change(profiles: list[OutletProfile]) -> list[OutletProfile]:
            owner = next((p for p in profiles if key in map(name_key, p.names())), None)
            rest = [p for p in profiles if p is not owner]
            profile = owner or OutletProfile(name=clean_name(name))
            new_name = checked.get("name")
            updated = replace(profile, **checked)  # type: ignore[arg-type]
            if isinstance(new_name, str) and name_key(new_name) != name_key(profile.name):
                kept = [a for a in updated.aliases if name_key(a) != name_key(new_name)]
                updated = replace(updated, aliases=tuple(dict.fromkeys([*kept, profile.name])))
            changed.append(updated)
            return [*rest, updated]

        self._change(change)
        return changed[0]

    def remove(self, name: str) -> OutletProfile:
        """Delete the profile with this name or alias; ProfileError when there is none."""
        key = name_key(name)
        removed: list[OutletProfile] = []

        def change(profiles: list[OutletProfile]) -> list[OutletProfile]:
            owner = next((p for p in profiles if key in map(name_key, p.names())), None)
            if owner is None:
                raise ProfileError(f"no profile named {clean_name(name)!r}")
            removed.append(owner)
            return [p for p in profiles if p is not owner]

        self._change(change)
        return removed[0]

    def merge(self, keep: str, other: str) -> OutletProfile:
        """Make `other` (an outlet name, with its profile if it has one) part of `keep`'s profile.

        `other` and its aliases become aliases of `keep`; fields `keep` lacks are taken from
        `other`'s profile, domains are united, and `other`'s profile goes. `keep` is created
        when it has no profile yet, so two names imported for one outlet become one profile.
        """
        keep_key, other_key = name_key(clean_name(keep)), name_key(clean_name(other))
        if keep_key == other_key:
            raise ProfileError("merging an outlet into itself")
        merged: list[OutletProfile] = []

        def change(profiles: list[OutletProfile]) -> list[OutletProfile]:
            def owner_of(key: str) -> OutletProfile | None:
                return next((p for p in profiles if key in map(name_key, p.names())), None)

            kept = owner_of(keep_key) or OutletProfile(name=clean_name(keep))
            gone = owner_of(other_key) or OutletProfile(name=clean_name(other))
            if gone is kept:
                raise ProfileError(f"{clean_name(other)!r} is already a name of {kept.name!r}")
            result = filled_from(kept, gone)
            merged.append(result)
            return [p for p in profiles if p is not kept and p is not gone] + [result]

        self._change(change)
        return merged[0]

    def import_profiles(self, incoming: Iterable[OutletProfile]) -> tuple[int, int]:
        """Add profiles from a shared file: a profile whose name (or an alias) is known updates
        that profile with the file's non-empty values; others are added. Returns (added,
        updated)."""
        counts = [0, 0]
        wanted = list(incoming)

        def change(profiles: list[OutletProfile]) -> list[OutletProfile]:
            result = list(profiles)
            for new in wanted:
                keys = set(map(name_key, new.names()))
                position = next(
                    (n for n, p in enumerate(result) if keys & set(map(name_key, p.names()))),
                    None,
                )
                if position is None:
                    result.append(new)
                    counts[0] += 1
                else:
                    result[position] = _updated_by(result[position], new)
                    counts[1] += 1
            return result

        self._change(change)
        return counts[0], counts[1]


def _updated_by(current: OutletProfile, new: OutletProfile) -> OutletProfile:
    """`current` with every value `new` has; its name kept, names and domains united."""
    updated = filled_from(new, current)
    seen = {name_key(current.name)}
    aliases = []
    for name in (*current.aliases, *new.names()):  # the spelling the user had stays
        if name_key(name) not in seen:
            seen.add(name_key(name))
            aliases.append(name)
    return replace(updated, name=current.name, aliases=tuple(aliases))


def _check_unique(profiles: list[OutletProfile]) -> None:
    """No name or alias may belong to two profiles."""
    seen: dict[str, str] = {}
    for profile in profiles:
        for name in profile.names():
            key = name_key(name)
            if key in seen and seen[key] != profile.name:
                raise ProfileError(
                    f"{name!r} is already a name of {seen[key]!r} (merge them instead)"
                )
            seen[key] = profile.name
