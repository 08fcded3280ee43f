"""crosswire's one colour language, used by every view that shows sentences or word changes.

The same meaning has the same colour in the Article pane, the Diff, side by side and the matrix:
**shared** (carried near-verbatim by others) in the theme's success colour, **reworded** or a
changed word or fact in its warning colour, what is **only here** (this outlet, the left column)
in its secondary colour and what is **only there** (the other outlet, the right column, what this
outlet lacks) in its error colour. Styles are theme variables, so every theme works.

Every colour is a `crosswire-*` variable worked out per theme (`palette_variables`) from the
theme's own colours, so that text keeps a WCAG contrast of 4.5 on every background it can be
drawn on: the pane, the highlighted row (focused or not) and the faint status tints. Colours are
moved toward black or white only as far as that takes; tints and the highlight are as strong as
it allows. ANSI themes cannot blend colours (a tint there became a saturated fill under light grey
text): they get no tints, a highlight drawn in bold and underline, and for each meaning the first
of the terminal's colours that is legible (`tests/test_palette.py` checks every built-in theme).
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.color import Color as RichColor
from rich.color import ColorParseError as RichColorParseError
from rich.terminal_theme import TerminalTheme
from textual.color import Color, ColorParseError
from textual.content import Content

from tui.core.models import Status

MIN_CONTRAST = 4.5
"""WCAG AA contrast for body text, kept by every built-in theme (tests/test_palette.py)."""

SHARED = "$crosswire-shared"
REWORDED = "$crosswire-changed"
ONLY_HERE = "$crosswire-only-here"
ONLY_THERE = "$crosswire-only-there"

STATUS_MARK_STYLE: dict[Status, str] = {
    "shared": SHARED,
    "reworded": REWORDED,
    "unique": ONLY_HERE,
}
"""Colour of the status marks (gutter bars, legend, Sources bars, matrix marks)."""

_MEANINGS: dict[str, tuple[str, ...]] = {
    "shared": ("text-success", "success"),
    "changed": ("text-warning", "warning"),
    "only-here": ("text-secondary", "secondary"),
    "only-there": ("text-error", "error"),
    "muted": ("text-muted",),
}
"""Each meaning's colour, from the theme's variables (first found); not $accent for 'only here',
which equals $warning in textual-dark and -light."""

_ANSI_CANDIDATES: dict[str, tuple[str, ...]] = {
    "shared": ("ansi_green", "ansi_bright_green"),
    "changed": ("ansi_yellow", "ansi_bright_yellow", "ansi_magenta"),
    "only-here": ("ansi_cyan", "ansi_bright_cyan", "ansi_blue", "ansi_bright_blue"),
    "only-there": ("ansi_red", "ansi_bright_red"),
    "muted": ("ansi_bright_black", "ansi_white", "ansi_black"),
}
"""In an ANSI theme, the terminal colours tried for each meaning (dark and light terminals
differ in which of a pair reads), before the terminal's own foreground."""

_TINT_BASE: dict[Status, tuple[str, float]] = {
    "shared": ("success", 0.35),
    "reworded": ("warning", 0.35),
    "unique": ("secondary", 0.6),
}
"""Each status's tint: the theme colour it is made from and the most of it ever laid on."""

_STEPS = (1.0, 0.75, 0.5, 0.35, 0.25, 0.15, 0.08)
"""Fractions of a tint's or highlight's full strength, tried strongest first."""

STATUS_STYLE: dict[Status, str] = {
    status: f"on $crosswire-{status}-tint" for status in ("shared", "reworded", "unique")
}
"""Faint background tint of a sentence by how widely it is carried; the status bar beside it
(`STATUS_MARK_STYLE`) carries the colour, so a mostly reworded article is not one orange block."""

MUTED = "$crosswire-muted"
"""Secondary text (sentence numbers, labels), still legible on every row."""
MISSING_STYLE = ONLY_THERE
"""A sentence other outlets carry and this one lacks (the Diff's 'Missing here' rows)."""
DRIFT_STYLE = f"{REWORDED} bold"
"""A fact (name, number, date, quote) that differs: a change, so the changed colour, in bold."""


def contrast(first: Color, second: Color) -> float:
    """The WCAG contrast ratio of two opaque colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def _parse(value: str | None) -> Color | None:
    """A theme variable's colour: '#E0E0E0', or '#E0E0E0 60%' (a colour at that opacity)."""
    if not value:
        return None
    words = value.split()
    try:
        colour = Color.parse(words[0])
        if len(words) > 1 and words[1].endswith("%"):
            colour = colour.multiply_alpha(float(words[1][:-1]) / 100)
    except (ColorParseError, ValueError):
        return None
    return colour


def _legible(text: Color, backgrounds: list[Color]) -> Color:
    """`text`, blended toward black or white just enough to keep `MIN_CONTRAST` on every one of
    `backgrounds` (toward the pane's contrast colour: the backgrounds are all near it)."""
    target = backgrounds[0].get_contrast_text(1.0)
    for step in range(21):
        moved = text.blend(target, step / 20)
        if all(contrast(moved, back) >= MIN_CONTRAST for back in backgrounds):
            return moved
    return target


def palette_variables(
    variables: Mapping[str, str], *, ansi: TerminalTheme | None = None
) -> dict[str, str]:
    """The `crosswire-*` variables for a theme whose CSS variables are `variables`.

    `ansi` is the terminal palette of an ANSI theme (None for a true-colour one).
    """
    surface = _parse(variables.get("surface"))
    foreground = _parse(variables.get("foreground"))
    if ansi is not None or surface is None or foreground is None or surface.a < 1:
        return _ansi_variables(variables, ansi)
    text = _legible(foreground, [surface])
    result = {
        "crosswire-text": text.hex,
        "crosswire-cursor-style": "bold",
        "crosswire-cursor-blurred-style": "none",
    }
    # The highlight: the theme's cursor colour laid on the pane, as strongly as text allows.
    cursor = _parse(variables.get("block-cursor-background")) or _parse(variables.get("primary"))
    highlight = surface
    for step in _STEPS if cursor is not None else ():
        if cursor is not None and contrast(text, surface + cursor.with_alpha(0.6 * step)) >= 6:
            highlight = surface + cursor.with_alpha(0.6 * step)
            result["crosswire-cursor"] = cursor.with_alpha(0.6 * step).css
            result["crosswire-cursor-blurred"] = cursor.with_alpha(0.3 * step).css
            break
    else:
        result["crosswire-cursor"] = result["crosswire-cursor-blurred"] = Color(0, 0, 0, 0).css
    rows = [surface, highlight]
    for status, (name, most) in _TINT_BASE.items():
        base = _parse(variables.get(name))
        alpha = 0.0
        for step in _STEPS if base is not None else ():
            tint = base.with_alpha(most * step) if base is not None else surface
            if all(contrast(text, row + tint) >= 6 for row in rows):
                alpha = most * step
                break
        colour = base.with_alpha(alpha) if base is not None and alpha else Color(0, 0, 0, 0)
        result[f"crosswire-{status}-tint"] = colour.css
    # Coloured words are drawn on the pane and the highlight, never on the status tints: held
    # to those alone, a colour keeps more of itself than if it had to read on tinted rows too.
    blurred = _parse(result["crosswire-cursor-blurred"]) or Color(0, 0, 0, 0)
    backgrounds = [surface, highlight, surface + blurred]
    for meaning, names in _MEANINGS.items():
        # Textual's text-muted is 'auto 60%': the text, faded toward the pane.
        fallback = text.blend(surface, 0.4) if meaning == "muted" else text
        found = next((c for c in map(_parse, map(variables.get, names)) if c is not None), fallback)
        colour = (surface + found) if found.a < 1 else found
        result[f"crosswire-{meaning}"] = _legible(colour, backgrounds).hex
    return result


def _ansi_variables(variables: Mapping[str, str], ansi: TerminalTheme | None) -> dict[str, str]:
    """An ANSI theme's variables: no tints, a bold underlined highlight, legible named colours."""
    clear = Color(0, 0, 0, 0).css
    result = {
        "crosswire-text": "ansi_default",
        "crosswire-cursor": clear,
        "crosswire-cursor-blurred": clear,
        "crosswire-cursor-style": "bold underline",
        "crosswire-cursor-blurred-style": "underline",
    }
    result |= {f"crosswire-{status}-tint": clear for status in _TINT_BASE}
    for meaning, candidates in _ANSI_CANDIDATES.items():
        # 'shared' colours only marks (bars, legend squares), for which WCAG asks 3:1.
        least = 3.0 if meaning == "shared" else MIN_CONTRAST
        result[f"crosswire-{meaning}"] = next(
            (name for name in candidates if ansi is None or _ansi_legible(name, ansi, least)),
            "ansi_default",
        )
    return result


def _ansi_legible(name: str, ansi: TerminalTheme, least: float) -> bool:
    """Whether terminal colour `name` (Textual's 'ansi_red') reads on the terminal's background."""
    try:
        colour = RichColor.parse(name.removeprefix("ansi_")).get_truecolor(ansi)
    except RichColorParseError:
        return False
    back = ansi.background_color
    return contrast(Color(*colour), Color(back.red, back.green, back.blue)) >= least


def colour_legend(*, here: str = "only here", there: str = "only there") -> Content:
    """One line naming the colours of word and sentence changes, in those colours.

    Each square is held to its word by a no-break space, so a narrow pane wraps the legend
    between entries, never between a colour and its name.
    """
    entries = [("shared", SHARED), ("changed", REWORDED), (here, ONLY_HERE), (there, ONLY_THERE)]
    parts: list[tuple[str, str]] = []
    for number, (label, style) in enumerate(entries):
        parts += [("■\u00a0", style), (label + ("  " if number < len(entries) - 1 else ""), "")]
    return Content.assemble(*parts)
