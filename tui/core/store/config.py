"""The user's config file: `<library home>/config.toml`, read once at start-up.

Everything in it is optional; a missing file means the defaults. Example:

    [keymap]                 # binding id = "keys" (comma-separated), see `crosswire` help (?)
    "cursor.down" = "j,down"
    "view.matrix" = "M"

    [settings]
    theme = "nord"           # used until a theme is picked in the app (then the library remembers)
    show_removed = false     # start with the lines cleaning removed shown in place
    only_additions = false   # start showing only what each outlet adds
    blindspot_share = 0.8    # share of rated outlets on one side of the lean scale: a blindspot

A file that is not valid TOML, or holds a value of the wrong type, is reported in one line naming
the file and the problem; the app never starts on a half-read config.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_NAME = "config.toml"

_SETTING_TYPES: dict[str, type] = {
    "theme": str,
    "show_removed": bool,
    "only_additions": bool,
    "blindspot_share": float,
}


class ConfigError(Exception):
    """The config file cannot be used; str() is one line: 'FILE: problem'."""


@dataclass(frozen=True, slots=True)
class Config:
    """What the config file asks for."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, applied with `App.set_keymap`."""
    theme: str | None = None
    """A Textual theme name to start with when the user has not picked one in the app."""
    show_removed: bool = False
    """Start with the removed lines shown in place."""
    only_additions: bool = False
    """Start with shared sentences hidden."""
    blindspot_share: float | None = None
    """Share of rated outlets on one side of the lean scale that flags a blindspot; None: the
    default (`core.coverage.spread.BLINDSPOT_SHARE`)."""


def config_path(home: Path) -> Path:
    """Where the config file of the library at `home` lives."""
    return Path(home) / CONFIG_NAME


def load_config(home: Path) -> Config:
    """Read `<home>/config.toml`; defaults when it does not exist; ConfigError when it is bad."""
    path = config_path(home)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read ({error.strerror or error})") from None
    import tomllib  # here: most starts have no config file, and the parser costs ~3 ms to import

    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    return _config_from(path, document)


def _config_from(path: Path, document: dict[str, Any]) -> Config:
    unknown = sorted(set(document) - {"keymap", "settings"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown table(s) {', '.join(unknown)}; use [keymap], [settings]"
        )
    keymap = _table(path, document, "keymap")
    for binding_id, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(
                f'{path}: [keymap] {binding_id} must be a string of keys like "j,down"'
            )
    settings = _table(path, document, "settings")
    for name, value in settings.items():
        wanted = _SETTING_TYPES.get(name)
        if wanted is None:
            known = ", ".join(sorted(_SETTING_TYPES))
            raise ConfigError(f"{path}: [settings] {name} is not a setting (known: {known})")
        if wanted is float and isinstance(value, int) and not isinstance(value, bool):
            value = settings[name] = float(value)
        if not isinstance(value, wanted):
            raise ConfigError(f"{path}: [settings] {name} must be a {wanted.__name__}")
        if isinstance(value, float) and name == "blindspot_share" and not 0.5 < value <= 1:
            raise ConfigError(f"{path}: [settings] blindspot_share must be above 0.5, at most 1")
    return Config(
        keymap={str(k): str(v).replace(" ", "") for k, v in keymap.items()},
        theme=settings.get("theme"),
        show_removed=settings.get("show_removed", False),
        only_additions=settings.get("only_additions", False),
        blindspot_share=settings.get("blindspot_share"),
    )


def _table(path: Path, document: dict[str, Any], name: str) -> dict[str, Any]:
    table = document.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {name} must be a table ([{name}])")
    return table
