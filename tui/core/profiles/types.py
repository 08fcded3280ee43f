"""One outlet's profile, the scales its fields take, and how a typed value becomes a field.

Every field but the name is optional. A value a user types or a file brings passes through
`check_field`, which either returns the stored form or raises `ProfileError` with a short reason
(the caller adds the file and line, or the command). Names are cleaned like every other name
crosswire shows (`core.text.safe_text`), so a profile can never put an escape sequence on screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Literal, get_args

from tui.core.text.safe_text import display_text

Lean = Literal["far-left", "left", "lean-left", "center", "lean-right", "right", "far-right"]
"""A political lean on a 7-step scale, far left to far right."""
LEANS: tuple[Lean, ...] = get_args(Lean)
LEAN_LABELS: dict[Lean, str] = {
    "far-left": "Far left",
    "left": "Left",
    "lean-left": "Lean left",
    "center": "Center",
    "lean-right": "Lean right",
    "right": "Right",
    "far-right": "Far right",
}
"""How each step reads in a heading or a bar's legend."""
LEFT_SIDE: frozenset[Lean] = frozenset({"far-left", "left", "lean-left"})
RIGHT_SIDE: frozenset[Lean] = frozenset({"lean-right", "right", "far-right"})

OutletType = Literal["wire", "national", "local", "aggregator", "blog"]
"""What kind of outlet it is."""
OUTLET_TYPES: tuple[OutletType, ...] = get_args(OutletType)

TEXT_FIELDS = ("country", "language", "owner")
"""Free-text fields (a country may be 'US' or 'United States': the user's choice)."""
LIST_FIELDS = ("aliases", "domains")
FIELD_NAMES = ("name", "aliases", "domains", "country", "language", "owner", "type", "lean")
"""Every field in the order a profile is shown and written."""
MAX_TEXT = 200
"""Longest value kept in a text field: a name, not an essay."""

_LEAN_SPELLINGS: dict[str, Lean] = {
    **{lean: lean for lean in LEANS},
    **{str(n - 3): lean for n, lean in enumerate(LEANS)},
    "centre": "center",
    "centre-left": "lean-left",
    "centre-right": "lean-right",
    "center-left": "lean-left",
    "center-right": "lean-right",
}
"""What a typed lean may be: a step's name, a number -3..3, or a common spelling of one."""
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


class ProfileError(ValueError):
    """A profile value or file that cannot be used; str() says why in a few words."""


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """Who an outlet is, as the user describes it."""

    name: str
    """The display name; articles whose outlet is this name (or an alias) belong to it."""
    aliases: tuple[str, ...] = ()
    """Other names the outlet was imported under ('AFP', 'Agence France-Presse')."""
    domains: tuple[str, ...] = ()
    """Web domains whose pages are this outlet's ('afp.com' also covers 'www.afp.com')."""
    country: str | None = None
    language: str | None = None
    owner: str | None = None
    type: OutletType | None = None
    lean: Lean | None = None

    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    def is_empty(self) -> bool:
        """True when nothing but the name is known."""
        return not any(getattr(self, f.name) for f in fields(self) if f.name != "name")


def name_key(name: str) -> str:
    """How two outlet names are compared: as shown, without regard to case."""
    return display_text(name).casefold()


def clean_name(value: str) -> str:
    """An outlet name as kept: shown form, at most `MAX_TEXT` characters; never empty."""
    name = display_text(value)
    if not name:
        raise ProfileError("an outlet needs a name")
    if len(name) > MAX_TEXT:
        raise ProfileError(f"name longer than {MAX_TEXT} characters")
    return name


def parse_lean(value: str) -> Lean:
    """A typed lean ('lean-left', 'Lean left', '-1', 'centre') as a step of the scale."""
    shown = display_text(value).casefold()
    key = (
        shown.removeprefix("+")
        if shown.lstrip("+-").isdigit()
        else "-".join(shown.replace("_", " ").replace("-", " ").split())
    )
    if key in _LEAN_SPELLINGS:
        return _LEAN_SPELLINGS[key]
    raise ProfileError(f"lean {display_text(value)!r} is not one of {', '.join(LEANS)} (or -3..3)")


def parse_type(value: str) -> OutletType:
    key = display_text(value).casefold()
    for kind in OUTLET_TYPES:
        if key == kind:
            return kind
    raise ProfileError(f"type {display_text(value)!r} is not one of {', '.join(OUTLET_TYPES)}")


def parse_domain(value: str) -> str:
    """'https://www.AFP.com/en/x' -> 'afp.com': the host, lower case, without 'www.'."""
    host = display_text(value).casefold()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", host).split("/")[0].split("?")[0]
    host = host.rsplit("@", 1)[-1].split(":")[0].removeprefix("www.").rstrip(".")
    if not _DOMAIN.match(host):
        raise ProfileError(f"domain {display_text(value)!r} is not a web domain like 'afp.com'")
    return host


def split_list(value: str, *, commas: bool = False) -> list[str]:
    """A list field as typed or written in a cell: items separated by ';' (and ',' when
    `commas`: domains never hold one, names may)."""
    return [item.strip() for item in re.split(r"[;,]" if commas else ";", value) if item.strip()]


def check_field(field_name: str, value: str | None) -> object:
    """The stored form of `value` for `field_name`; None (or ()) when empty, which clears it."""
    if field_name not in FIELD_NAMES:
        raise ProfileError(f"no field {field_name!r}; fields are {', '.join(FIELD_NAMES)}")
    text = value if value is not None else ""
    if field_name == "name":
        return clean_name(text)
    if field_name in LIST_FIELDS:
        items = split_list(text, commas=field_name == "domains")
        checked = [parse_domain(i) if field_name == "domains" else clean_name(i) for i in items]
        return tuple(dict.fromkeys(checked))
    shown = display_text(text)
    if not shown:
        return None
    if field_name == "lean":
        return parse_lean(shown)
    if field_name == "type":
        return parse_type(shown)
    if len(shown) > MAX_TEXT:
        raise ProfileError(f"{field_name} longer than {MAX_TEXT} characters")
    return shown


def with_field(profile: OutletProfile, field_name: str, value: str | None) -> OutletProfile:
    """`profile` with one field set from typed text (empty text clears it)."""
    return replace(profile, **{field_name: check_field(field_name, value)})  # type: ignore[arg-type]


def filled_from(profile: OutletProfile, other: OutletProfile) -> OutletProfile:
    """`profile` with its empty fields taken from `other`, domains and aliases united (what a
    merge of two outlets keeps: the first one's values win where both have one)."""
    changes: dict[str, object] = {}
    for name in (*TEXT_FIELDS, "type", "lean"):
        if getattr(profile, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    changes["domains"] = tuple(dict.fromkeys((*profile.domains, *other.domains)))
    mine = {name_key(n) for n in profile.names()}
    extra = [n for n in other.names() if name_key(n) not in mine]
    changes["aliases"] = tuple(dict.fromkeys((*profile.aliases, *extra)))
    return replace(profile, **changes)  # type: ignore[arg-type]


def field_text(profile: OutletProfile, field_name: str) -> str:
    """A field as the user types it (lists joined with '; '), '' when empty."""
    value = getattr(profile, field_name)
    if isinstance(value, tuple):
        return "; ".join(value)
    return value or ""
