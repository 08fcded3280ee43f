"""Numbers as values: '$3 million', '$3m' and '3 million dollars' are one amount.

Outlets write one figure many ways: a currency sign or word, 'm', 'mn' or 'million', '45%' or
'45 percent', '1,200' or '1200', 'six' or '6', '9:40 p.m.' or '21:40', 'a week' or '1 week'.
Drift must call those equal and still tell '$3m' from '$30m'. `value_key` reads a run of number
words (and the word after it, when that is a unit) as one value and writes it in a canonical form
that two outlets' versions can be compared on; a run it cannot read with confidence ('1990s',
'3-2', two bare numbers side by side) gets None, and drift then compares the words themselves,
as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

_SIGNS = {"us$": "usd ", "$": "usd ", "€": "eur ", "£": "gbp ", "¥": "jpy "}
CURRENCY_WORDS = {
    "dollar": "usd ",
    "dollars": "usd ",
    "usd": "usd ",
    "euro": "eur ",
    "euros": "eur ",
    "eur": "eur ",
    "pound": "gbp ",
    "pounds": "gbp ",
    "sterling": "gbp ",
    "gbp": "gbp ",
    "yen": "jpy ",
    "jpy": "jpy ",
    "yuan": "cny ",
    "renminbi": "cny ",
    "won": "krw ",
    "rupee": "inr ",
    "rupees": "inr ",
}
"""Currency words and codes after an amount -> the code the amount is keyed with."""
PERCENT_WORDS = frozenset(("percent", "pct", "%"))
SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}
_SCALE_SUFFIXES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
UNIT_FORMS = {
    "year": "year",
    "years": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "mile": "mile",
    "miles": "mile",
    "metre": "metre",
    "metres": "metre",
    "meter": "metre",
    "meters": "metre",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "ton",
    "tons": "ton",
    "troop": "troop",
    "troops": "troop",
    "soldier": "soldier",
    "soldiers": "soldier",
    "people": "people",
    "barrel": "barrel",
    "barrels": "barrel",
}
"""Units of measure and count -> one form, so '1 week' and 'a week', '3 weeks' and 'three
weeks' compare on value and unit."""
UNITS = frozenset(UNIT_FORMS) | frozenset(CURRENCY_WORDS) | PERCENT_WORDS
"""Words that make the number before them a quantity ('14 people', '3 million dollars')."""
SINGULAR_UNITS = frozenset(w for w, form in UNIT_FORMS.items() if w == form)
"""Units that 'a' or 'an' counts one of: 'within a week', 'an hour'."""
CLOCK_MARKS = {"am": 0, "pm": 12}
"""'a.m.' / 'p.m.' after a clock time (their letters, as drift's surface words have them)."""

_AMOUNT = re.compile(
    r"(?P<sign>us\$|[$€£¥])?(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
    r"(?P<suffix>%|k|m|mn|mln|bn|b|tn)?"
)
_CLOCK = re.compile(r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?P<mark>am|pm|a\.m\.|p\.m\.)?")
_EDGES = "\"'()[],;:!?."


def value_key(words: Sequence[str], number_values: dict[str, str]) -> str | None:
    """A canonical key for the value a run of words states, or None when unsure.

    `words` are the display words of the run, with the unit or clock mark after it when there
    is one; `number_values` maps number words to digits ('six' -> '6').
    """
    tokens = [w.casefold().strip(_EDGES) or w.casefold() for w in words]
    if len(tokens) >= 1 and _CLOCK.fullmatch(tokens[0]):
        return _clock_key(tokens)
    currency = ""
    percent = False
    unit = ""
    total = Decimal(0)
    current: Decimal | None = None
    read_digits = False
    for n, token in enumerate(tokens):
        last = n == len(tokens) - 1
        if token in ("a", "an") and n == 0 and len(tokens) == 2 and tokens[1] in SINGULAR_UNITS:
            current = Decimal(1)
        elif token in number_values:
            value = Decimal(number_values[token])
            if current is not None and not (current >= 20 and current % 10 == 0 and value < 10):
                return None  # 'six 7': two numbers, not one
            current = value if current is None else current + value
        elif token in SCALE_WORDS:
            scale = SCALE_WORDS[token]
            current = Decimal(1) if current is None else current
            if scale == 100 or scale == 12:
                current *= scale
            else:
                total += current * scale
                current = None
        elif (amount := _AMOUNT.fullmatch(token)) is not None:
            if read_digits or current is not None:
                return None
            read_digits = True
            currency = _SIGNS.get(amount["sign"] or "", currency)
            current = _decimal(amount["digits"].replace(",", "") + (amount["decimals"] or ""))
            if current is None:
                return None
            suffix = amount["suffix"]
            if suffix == "%":
                percent = True
            elif suffix:
                total += current * _SCALE_SUFFIXES[suffix]
                current = None
        elif last and token in CURRENCY_WORDS:
            currency = CURRENCY_WORDS[token]
        elif last and token in PERCENT_WORDS:
            percent = True
        elif last and token in UNIT_FORMS:
            unit = UNIT_FORMS[token]
        else:
            return None
    value = total + (current or 0)
    if current is None and total == 0:
        return None
    shown = format(value.normalize(), "f")
    return f"{currency}{shown}{'%' if percent else ''}{' ' + unit if unit else ''}"


def is_clock(word: str) -> bool:
    """'9:40', '21:40', '9:40pm': a time of day, which 'a.m.' / 'p.m.' may follow."""
    return _CLOCK.fullmatch(word.casefold().strip(_EDGES)) is not None


def _clock_key(tokens: Sequence[str]) -> str | None:
    """'9:40 p.m.', '9:40pm' and '21:40' -> '21:40'."""
    clock = _CLOCK.fullmatch(tokens[0])
    if clock is None or len(tokens) > 2:
        return None
    hour, minute = int(clock["hour"]), int(clock["minute"])
    mark = (clock["mark"] or (tokens[1] if len(tokens) == 2 else "")).replace(".", "")
    if mark in CLOCK_MARKS:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + CLOCK_MARKS[mark]
    elif mark:
        return None
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
