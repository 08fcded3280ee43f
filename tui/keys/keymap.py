"""Checking a user's keymap before it is applied: ids that name nothing, and keys that clash.

A key bound twice on one screen does only one thing, silently, so a keymap entry that gives a
binding a key another binding of the same screen already has is refused: the binding keeps its
default keys and the user reads one line saying so. Only keys the entry adds count; a default
overlap the app ships with (q closes a view and quits the app) is not the user's doing.

Every screen's bindings come from `tui.keys.registry`, so the check imports no screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from textual.binding import Binding

from tui.keys.registry import (
    APP_BINDINGS,
    MAIN_SCREEN_GROUPS,
    SCREEN_BINDING_IDS,
    VIEW_SCREENS,
    binding_ids,
)

MAIN_SCREEN = "the main screen"


@dataclass(frozen=True)
class KeymapCheck:
    """What to apply of a user's keymap, and one line per problem found."""

    keymap: dict[str, str] = field(default_factory=dict)
    """The entries to hand to `App.set_keymap`: the user's, minus unknown and clashing ones."""
    problems: list[str] = field(default_factory=list)
    """One line each, for a warning toast (without the 'config.toml:' prefix)."""


def unknown_binding_ids(keymap: Mapping[str, str], *, known: Iterable[str] = ()) -> list[str]:
    """Ids in a user's keymap that name no binding (typos), sorted, so the app can say so.

    `known` adds ids beyond the main screen's and `SCREEN_BINDING_IDS`.
    """
    valid = binding_ids() | SCREEN_BINDING_IDS | set(known)
    return sorted(binding_id for binding_id in keymap if binding_id not in valid)


def check_keymap(keymap: Mapping[str, str]) -> KeymapCheck:
    """`keymap` without ids that name nothing and without entries that clash on a screen."""
    problems: list[str] = []
    unknown = unknown_binding_ids(keymap)
    if unknown:
        problems.append(f"no binding has id {', '.join(unknown)}")
    wanted = {key: value for key, value in keymap.items() if key not in unknown}
    screens = _screens()
    refused: dict[str, str] = {}
    # Dropping an entry restores its default keys, which may clash with another entry in turn.
    while True:
        clashes = _clashes(wanted, screens)
        if not clashes:
            break
        for binding_id, line in clashes.items():
            refused.setdefault(binding_id, line)
            del wanted[binding_id]
    problems.extend(refused[binding_id] for binding_id in sorted(refused))
    return KeymapCheck(wanted, problems)


def _screens() -> list[tuple[str, list[Binding]]]:
    """(name, bindings in force there) of every screen."""
    main = [binding for _, group in MAIN_SCREEN_GROUPS for binding in group]
    screens = [(MAIN_SCREEN, main)]
    for screen in VIEW_SCREENS:
        name = f"the {screen.title.split(' (')[0].lower()} screen"
        screens.append((name, [*screen.bindings, *APP_BINDINGS]))
    return screens


def _keys(keys: str) -> set[str]:
    return {key.strip() for key in keys.split(",") if key.strip()}


def _clashes(
    keymap: Mapping[str, str], screens: Sequence[tuple[str, list[Binding]]]
) -> dict[str, str]:
    """Entries that give a binding a key another binding of the same screen has: id -> line."""
    found: dict[str, str] = {}
    for screen, bindings in screens:
        in_force = [(b, _keys(keymap.get(b.id or "", b.key))) for b in bindings]
        for binding, keys in in_force:
            if binding.id is None or binding.id not in keymap or binding.id in found:
                continue
            for key in sorted(keys - _keys(binding.key)):
                other = next(
                    (o for o, o_keys in in_force if o.id != binding.id and key in o_keys), None
                )
                if other is not None:
                    found[binding.id] = (
                        f'"{binding.id}" = "{keymap[binding.id]}": {key} is already '
                        f"{other.id} on {screen}; {binding.id} keeps {binding.key}"
                    )
                    break
    return found
