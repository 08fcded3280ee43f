"""Which slot a value fills: the figures and days of one sentence, with the words around them.

Two versions of one statement disagree on a number only when the two numbers say the same
thing: '18 ballistic missiles' and '12 missiles' are two counts of the missiles fired, but in
'killing 380 people and injuring 1,800' the second figure is not a death toll, a magnitude is
not a depth, and a time in GMT is not the local time beside it. Here each figure of a sentence
(a run of number words with its unit, as `core.text.wordfacts.number_runs` reads them) is read
with what `core.drift.differences` needs to pair it with a figure of another version:

- its value, measure (a count, a percent, a currency, a distance, a span of time, a clock time
  in a zone) and precision, so '1,800' and '1,881', 'more than 380' and '381', '23 km' and
  '14 miles' are one value written two ways rather than drift;
- its anchors: the content words around it in its clause, stemmed ('killed' / 'killing'), and
  its role, the nearest word saying what is counted (deaths, injuries, the missing, magnitude,
  depth), so two figures pair only when they count the same thing.

Days (weekdays) get anchors the same way, so a day a statement was made is not compared with the
day an event happened. Everything is computed once per distinct text and cached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from tui.core.text.normalize import STOPWORDS
from tui.core.text.quantities import CLOCK_MARKS, SINGULAR_UNITS, UNITS, is_clock, value_key
from tui.core.text.readings import reading
from tui.core.text.wordfacts import (
    CAPITAL_NAME,
    DAY,
    MONTH,
    NUMBER,
    NUMBER_VALUES,
    NUMBER_WORDS,
    ONE_OF,
    WEEKDAY,
    WordFacts,
    month_dates,
)

SHARED_WORDS = 2
"""Content words two versions must share to be compared at all (`one_statement`)."""


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: word lists stay readable as one line of text."""
    return text.split()


WINDOW = 5
DATELINE_WORDS = 8
"""A dash or colon this early in a sentence ends its dateline."""
"""Words on each side of a value that may say what it counts."""

_DISTANCE_IN_KM = {"km": Decimal(1), "mile": Decimal("1.609344"), "metre": Decimal("0.001")}
_HEDGES_UP = frozenset(("more than", "over", "at least", "above", "exceeding", "upwards of"))
_HEDGES_DOWN = frozenset(("less than", "under", "nearly", "almost", "up to", "fewer than"))
_HEDGES_ABOUT = frozenset(
    ("about", "around", "approximately", "some", "roughly", "estimated", "an estimated", "close to")
)
_HEDGE_WORDS = frozenset(
    word for phrase in _HEDGES_UP | _HEDGES_DOWN | _HEDGES_ABOUT for word in phrase.split()
)
_ZONES = {
    "gmt": "utc",
    "utc": "utc",
    "et": "us-east",
    "est": "us-east",
    "edt": "us-east",
    "ist": "ist",
    "pst": "us-west",
    "pdt": "us-west",
    "cet": "cet",
    "bst": "bst",
    "jst": "jst",
    "kst": "kst",
}
"""Zone words after a clock time; a time without one is local, and only times in one zone
are compared."""
_ROLE_WORDS = {
    "deaths": "killed killing kill kills dead death deaths died die dies fatalities fatality "
    "lives perished toll bodies",
    "injured": "injured injuring injuries injury wounded wounding hurt",
    "missing": "missing",
    "magnitude": "magnitude",
    "depth": "depth deep",
    "age": "aged age old",
    "distance": "north south east west northeast northwest southeast southwest northeastern "
    "northwestern southeastern southwestern away",
    "turnout": "turnout",
    "counted": "counted",
}
_ROLES = {word: role for role, words in _ROLE_WORDS.items() for word in _wordlist(words)}
"""Words saying what a figure counts or measures: two figures nearest to different ones are
different facts ('380 dead' / '1,800 injured')."""
_PERPETRATORS = frozenset(
    _wordlist(
        "gunman gunmen shooter shooters attacker attackers assailant assailants bomber "
        "bombers suspect perpetrator himself herself"
    )
)
PERPETRATOR = "perpetrator"
"""A sentence that speaks of whoever did the killing: its death toll may count them or not
('8 killed ..., gunman also dead' / 'nine dead including the shooter', 'shot dead eight people
before he was himself killed')."""
_CLAUSE_ENDS = tuple(",;:()")
_PARTS = frozenset(("and", "while", "whereas", "but", ";"))
"""Words that split a sentence into the parts whose names say whose figure it is."""
_GENERIC_NAMES = frozenset(
    _wordlist(
        "party province district county state city region ministry department government "
        "president minister official officials police"
    )
)
"""Capitalised words that name no one in particular ('Party', 'Province')."""
_CONJUNCTIONS = frozenset(("and", "while", "but", "whereas", "—", "–", "-", "--"))
_DASHES = ("—", "–", "--")
_SPEECH = frozenset(_wordlist("said says told announced stated added reported confirmed"))
_DESIGNATOR = re.compile(r"[a-z]*[A-Z][A-Za-z]*-?\d+|\d+-[A-Z][A-Za-z]*")
"""'B-2', 'F-16', 'COVID-19', 'G7', '2-B': names of things, not figures."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_FOUR_DIGIT_TIME = re.compile(r"([01]\d|2[0-3])([0-5]\d)")
_GLUED = re.compile(r"\d[A-Za-z]{2,}|[a-z][A-Z]")
"""Digits run into a word ('2014Chinese', 'the 24th') or a word run into another."""
_VAGUE = frozenset(
    _wordlist("dozens hundreds thousands millions billions tens scores half several few")
)
"""Number words that state no value of their own."""
_ENUMERATOR = re.compile(r"\d{1,2}[.)]")
"""'1.', '2)': the number of a list item, not a figure of the sentence."""
_DOTTED_CLOCK = re.compile(r"([01]?\d|2[0-3])\.([0-5]\d)")
_KEY = re.compile(
    r"(?:(?P<currency>[a-z]{3}) )?(?P<value>\d+(?:\.\d+)?)(?P<percent>%)?(?: (?P<unit>\w+))?"
)
_SCALE = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "m": 6, "mn": 6, "bn": 9}


class Figure(NamedTuple):
    """One figure of a sentence, as `core.drift.differences` pairs it."""

    phrase: str
    """As printed: '18', '12 people', '$3m', '3:30 p.m'."""
    key: str
    """The key `number_runs` gives it ('12 people', 'usd 3000000'): equal keys, one variant."""
    value: Decimal | None
    """The value stated, for a time its minutes after midnight; None when it cannot be read."""
    measure: str
    """What kind of value: '' (a count), '%', a currency code, 'km' (a distance, value in km),
    a unit of time ('year'), or 'time <zone>'."""
    step: Decimal
    """The precision it is written to: '5.58 million' 10,000; '12,000' 1,000; '36' 1."""
    hedge: str
    """'up' ('more than'), 'down' ('nearly'), 'about' or ''; for a clock time written without
    a.m. or p.m. that may be either half of the day, 'either half'."""
    anchors: frozenset[str]
    """Stems of the content words around it in its clause."""
    role: str
    """What it counts when a word nearby says so: 'deaths', 'injured', 'magnitude', ... or ''."""
    position: int
    """Word position of its first word."""
    head: frozenset[str]
    """Stems of the content words right after it (its unit included): what it counts, as
    printed ('18 ballistic missiles' -> ballistic, missile; '36 in ...' -> none)."""
    names: frozenset[str]
    """Capitalised words of its part of the sentence (up to the conjunctions around it): whose
    figure it is ('Hou ... received 4.66 million votes, while Ko ... received 3.68 million')."""
    context_roles: frozenset[str]
    """Every role a word of its sentence names: a figure with no role of its own may be one
    of these."""
    quantity: bool
    """With a unit or a sign ('12 people', '45%', '$3m'): drift kind 'quantity', else 'number'."""


class Day(NamedTuple):
    """One weekday of a sentence, with what it dates."""

    shown: str
    key: str
    anchors: frozenset[str]
    spoken: bool
    """It dates a statement ('said on Thursday'), not an event."""


@lru_cache(maxsize=16384)
def _cached_value_key(words: tuple[str, ...]) -> str | None:
    return value_key(words, NUMBER_VALUES)


def _value_key(words: Sequence[str]) -> str | None:
    return _cached_value_key(tuple(words))


def stem(word: str) -> str:
    """A rough stem: 'killed', 'killing' and 'kills' -> 'kill'; 'injuries' -> 'injur'."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def _is_content(letters: str) -> bool:
    return (
        len(letters) >= 3
        and letters.isalpha()
        and letters not in STOPWORDS
        and letters not in NUMBER_WORDS
        and letters not in _HEDGE_WORDS
    )


def _content(facts: WordFacts) -> str | None:
    letters = facts[1]
    return letters if _is_content(letters) else None


def _breaks(word: str) -> bool:
    """A word after which a new clause starts: it ends with ',', ';', ':' or a parenthesis, or
    is a conjunction ('killing 380 people and injuring 1,800')."""
    return (
        word.endswith(_CLAUSE_ENDS)
        or word.casefold() in _CONJUNCTIONS
        or word.endswith(_DASHES)
        or word.startswith(_DASHES)
    )


def _clause(display: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """The words of the clause around display[start:end], at most WINDOW either side."""
    left = start
    while not display[start].startswith("(") and left > 0 and start - left < WINDOW:
        word = display[left - 1]
        if _breaks(word):
            break
        left -= 1
        if word.startswith("("):
            break
    if end > 0 and display[end - 1].endswith(_CLAUSE_ENDS):
        return left, end  # the value itself closes its clause ('Lai, 64, secured')
    right = end
    while right < len(display) and right - end < WINDOW:
        word = display[right]
        if word.casefold() in _CONJUNCTIONS or word.startswith(("(", *_DASHES)):
            break
        right += 1
        if word.endswith(_CLAUSE_ENDS) or word.endswith(_DASHES):
            break
    return left, right


def _context(
    facts: Sequence[WordFacts], display: Sequence[str], start: int, end: int
) -> tuple[frozenset[str], str]:
    """Anchors and role of the value at display[start:end]."""
    left, right = _clause(display, start, end)
    anchors: set[str] = set()
    role, distance = "", WINDOW + 1
    for n in range(left, right):
        if start <= n < end:
            continue
        word = _content(facts[n])
        if word is None:
            continue
        anchors.add(stem(word))
        found = _role(facts[n])
        away = start - n if n < start else n - end + 1
        if found and away < distance:  # the nearest wins; a tie goes to the left
            role, distance = found, away
    return frozenset(anchors), role


def _hedge(display: Sequence[str], start: int) -> tuple[str, int]:
    """The hedge before a figure ('more than', 'nearly') and how many words it takes."""
    words = [w.casefold().strip(",.;:()\"'") for w in display[max(0, start - 2) : start]]
    for size in (2, 1):
        if len(words) >= size and not any(
            display[start - k].endswith(_CLAUSE_ENDS) for k in range(1, size + 1)
        ):
            phrase = " ".join(words[-size:])
            for phrases, kind in (
                (_HEDGES_UP, "up"),
                (_HEDGES_DOWN, "down"),
                (_HEDGES_ABOUT, "about"),
            ):
                if phrase in phrases:
                    return kind, size
    return "", 0


def _head(
    facts: Sequence[WordFacts], display: Sequence[str], start: int, end: int
) -> frozenset[str]:
    """Stems of the unit and content words right after a figure, up to the first other word."""
    found = {stem(facts[n][1]) for n in range(start, end) if _content(facts[n])}
    for n in range(end, min(end + 2, len(display))):
        word = _content(facts[n])
        if word is None or display[n].startswith("("):
            break
        found.add(stem(word))
        if display[n].endswith(_CLAUSE_ENDS):
            break
    return frozenset(found)


def _designator(display: Sequence[str], facts: Sequence[WordFacts], n: int) -> bool:
    """A model or a name with a number ('B-2', 'Boeing 737', 'Apollo 17'), not a figure."""
    word = display[n].strip(",.;:()\"'")
    if _DESIGNATOR.fullmatch(word) or _ISO_DATE.fullmatch(word):
        return True
    # Digits right after a capitalised name that is not the sentence's first, with no unit
    # after them ('Apollo 17', 'Boeing 737 Max'; not 'CEO three years ago').
    return (
        n > 1
        and word.isdigit()
        and bool(facts[n - 1][4] & CAPITAL_NAME)
        and not display[n - 1].endswith(_CLAUSE_ENDS)
        and (n + 1 >= len(facts) or facts[n + 1][1] not in UNITS)
    )


def _step(words: Sequence[str], hedge: str) -> Decimal:
    """The precision a figure is written to."""
    digits = next((w for w in words if any(ch.isdigit() for ch in w)), None)
    if digits is None:
        return Decimal(1)
    number = re.search(r"\d[\d,]*(?:\.\d+)?", digits)
    if number is None:
        return Decimal(1)
    written = number.group().replace(",", "")
    scale = 0
    for word in words:
        token = word.casefold().strip(",.;:()\"'$€£¥")
        tail = token.lstrip("0123456789.,")
        if token in _SCALE:
            scale = _SCALE[token]
        elif tail in _SCALE:
            scale = _SCALE[tail]
    if "." in written:
        decimals = len(written.partition(".")[2])
        return Decimal(10) ** (scale - decimals)
    trailing = len(written) - len(written.rstrip("0")) if written.strip("0") else 0
    if hedge or int(written) >= 1000:
        return Decimal(10) ** (scale + trailing)
    return Decimal(10) ** scale


def _read(key: str) -> tuple[Decimal | None, str]:
    """Value and measure from a figure's key."""
    found = _KEY.fullmatch(key)
    if found is None:
        return None, ""
    try:
        value = Decimal(found["value"])
    except InvalidOperation:
        return None, ""
    unit = found["unit"] or ""
    if found["percent"]:
        return value, "%"
    if found["currency"]:
        return value, found["currency"]
    if unit in _DISTANCE_IN_KM:
        return value * _DISTANCE_IN_KM[unit], "km"
    if unit in ("year", "month", "week", "day", "hour", "minute"):
        return value, unit
    return value, ""


def _clock(words: Sequence[str], following: str, previous: str) -> tuple[Decimal, str, bool] | None:
    """Minutes after midnight, zone, and whether it may be either half of the day, of a clock
    time ('11:47 p.m.', '23:47', '1802 GMT', '9.30 a.m.', 'at 9.30 on Friday')."""
    first = _strip(words[0])
    zone = _ZONES.get(following, "")
    marked = len(words) > 1 and _strip(words[-1]).replace(".", "") in CLOCK_MARKS
    dotted = _DOTTED_CLOCK.fullmatch(first)
    if dotted and (marked or zone or (previous == "at" and not _is_content(following))):
        first = f"{dotted[1]}:{dotted[2]}"  # '9.30' is '9:30'
        words = [first, *words[1:]]
    if is_clock(first):
        key = _value_key(words)
        if key is None or ":" not in key:
            return None
        hours, _, minutes = key.partition(":")
        either_half = not marked and 1 <= int(hours) <= 12
        return Decimal(int(hours) * 60 + int(minutes)), zone, either_half
    four = _FOUR_DIGIT_TIME.fullmatch(first)
    if four and zone:  # '1802 GMT'
        return Decimal(int(four[1]) * 60 + int(four[2])), zone, False
    return None


def _strip(word: str) -> str:
    return word.casefold().strip(",.;:()\"'")


@lru_cache(maxsize=8192)
def figures(text: str) -> tuple[Figure, ...]:
    """Every figure of one sentence text, in order (cached)."""
    _, display, facts, flags, present = reading(text)
    if not present & (NUMBER | ONE_OF):
        return ()
    days: set[int] = set()
    if present & MONTH:
        month_dates(facts, days)
    found: list[Figure] = []
    roles: frozenset[str] | None = None
    n, count = 0, len(display)
    while n < count:
        starts = bool(flags[n] & NUMBER) and n not in days
        one_of = facts[n][1] in ("a", "an") and n + 1 < count and facts[n + 1][1] in SINGULAR_UNITS
        if starts and facts[n][1] == "one":
            starts = False  # 'one of the', 'one missile': a determiner more often than a count
        if starts and n == 0 and count > 1 and _ENUMERATOR.fullmatch(display[0]):
            starts = False  # '1. 53 Nepali ... were on board': a list item's number
        if not (starts or one_of) or (starts and _designator(display, facts, n)):
            n += 1
            continue
        end = n + 1
        if one_of:
            end = n + 2
        else:
            while (
                end < count
                and flags[end] & NUMBER
                and end not in days
                and not display[end - 1].endswith(_CLAUSE_ENDS + (".",))
                and not display[end].startswith("(")
                and not _designator(display, facts, end)
            ):
                end += 1
        words = list(display[n:end])
        following = facts[end][1] if end < count else ""
        if not one_of and not display[end - 1].endswith(_CLAUSE_ENDS):
            clock = is_clock(words[-1]) or _DOTTED_CLOCK.fullmatch(_strip(words[-1]))
            if following in UNITS or (following in CLOCK_MARKS and clock):
                words.append(display[end])
                end += 1
            elif following == "per" and end + 1 < count and facts[end + 1][1] == "cent":
                words.append("percent")
                end += 2
        if roles is None:
            roles = _sentence_roles(facts)
        figure = _figure(display, facts, n, end, words, roles)
        if figure is not None and not _converted(figure, found, display):
            found.append(figure)
        n = end
    return tuple(found)


def _role(facts: WordFacts) -> str:
    """The role a word names; a direction only when it is not part of a name ('12 km west',
    not 'Rukum West')."""
    found = _ROLES.get(facts[1], "")
    return "" if found == "distance" and facts[3] else found


def _converted(figure: Figure, found: Sequence[Figure], display: Sequence[str]) -> bool:
    """A figure in parentheses right after one of the same measure is that figure converted
    ('500 km (310 miles)'), not a figure of its own; a time in another zone is its own
    ('11:47 PM local time (1802 GMT)')."""
    if not found or not display[figure.position].startswith("("):
        return False
    last = found[-1]
    return last.measure == figure.measure and figure.position - last.position <= 3


def _sentence_roles(facts: Sequence[WordFacts]) -> frozenset[str]:
    found = set(map(_role, facts))
    found.discard("")
    if any(f[1] in _PERPETRATORS for f in facts):
        found.add(PERPETRATOR)
    return frozenset(found)


def _dateline_end(display: Sequence[str]) -> int:
    """Where a dateline ends ('KUNMING, Aug. 3 (Xinhua) --', 'BEIJING —', 'Kathmandu, Nov
    4:'): the first words of a sentence up to a dash or a colon; 0 when there is none."""
    for n, word in enumerate(display[:DATELINE_WORDS]):
        if word in _DASHES or word == "-" or word.endswith(":"):
            return n + 1
    return 0


def _names(facts: Sequence[WordFacts], display: Sequence[str], start: int) -> frozenset[str]:
    """Canonical capitalised names of the conjunct holding display[start], its dateline
    aside."""
    left = start
    first = _dateline_end(display)
    while left > first and display[left - 1].casefold() not in _PARTS:
        left -= 1
    right = start
    while right < len(display) and display[right].casefold() not in _PARTS:
        right += 1
    return frozenset(
        facts[n][2]
        for n in range(left, right)
        if facts[n][4] & CAPITAL_NAME and facts[n][2] not in _GENERIC_NAMES
    )


def _figure(
    display: Sequence[str],
    facts: Sequence[WordFacts],
    start: int,
    end: int,
    words: list[str],
    roles: frozenset[str],
) -> Figure | None:
    names = _names(facts, display, start)
    hedge, hedge_words = _hedge(display, start)
    phrase = " ".join(display[start - hedge_words : end]).strip(",.;:()\"'")
    head = _head(facts, display, start, end)
    anchors, role = _context(facts, display, start, end)
    # A figure glued to its noun ('6.5-magnitude', 'magnitude-6.1'): the noun is an anchor.
    glued = words[0].strip(",.;:()\"'").split("-") if "-" in words[0] else []
    if len(glued) == 2 and any(part.isalpha() for part in glued):
        number, noun = (glued[0], glued[1]) if glued[1].isalpha() else (glued[1], glued[0])
        words = [number, *words[1:]]
        anchors |= {stem(noun.casefold())}
        head |= {stem(noun.casefold())}
        role = _ROLES.get(noun.casefold(), role)
    following = facts[end][1] if end < len(display) else ""
    clock = _clock(words, following, facts[start - 1][1] if start else "")
    if clock is not None:
        minutes, zone, either_half = clock
        key = f"time {zone} {minutes}"
        return Figure(
            phrase,
            key,
            minutes,
            f"time {zone}",
            Decimal(1),
            "either half" if either_half else "",
            anchors,
            role,
            start,
            head,
            names,
            roles,
            False,
        )
    key = _value_key(words) or " ".join(
        NUMBER_VALUES.get(f[1], f[1]) for f in facts[start : start + len(words)]
    )
    value, measure = _read(key)
    if value is None and any(_GLUED.search(w) for w in words):
        return None  # '2014Chinese': words a scraper glued together, not a figure
    if value is None and all(_strip(w) in _VAGUE for w in words):
        return None  # 'dozens injured', 'half of the homes': no value to disagree with
    step = _step(words, hedge) if value is not None else Decimal(1)
    if measure == "km" and value is not None:
        step *= _DISTANCE_IN_KM.get(key.rpartition(" ")[2], Decimal(1))
    quantity = (len(words) > 1 and _strip(words[-1]) in UNITS) or any(
        sign in phrase for sign in "$€£¥%"
    )
    return Figure(
        phrase,
        key,
        value,
        measure,
        step,
        hedge,
        anchors,
        role,
        start,
        head,
        names,
        roles,
        quantity,
    )


def agree(x: Figure, y: Figure) -> bool:
    """Two figures of one slot state one value: equal, a death toll with and without the
    attacker ('eight killed' / 'nine dead including the shooter'), or the more precise rounded
    to the
    precision the other is written to ('26 per cent' / '26.45%', '1,400' / '1,440'; a hedged
    round figure is precise to its last nonzero digit, and 'more than' / 'over' may cut the
    rest off: 'more than 380' / '381', 'over 5.58 million' / '5,586,019', 'nearly 400' /
    '398'), or one distance in other units ('23 km' / '14 miles')."""
    if x.key == y.key:
        return True
    if x.value is None or y.value is None:
        return False
    if x.measure.startswith("time"):
        if "either half" in (x.hedge, y.hedge):  # '11:47' may be '23:47'
            return (x.value - y.value) % 720 == 0
        return x.value == y.value
    deaths = "deaths" in (x.role, y.role)
    if deaths and PERPETRATOR in x.context_roles | y.context_roles and abs(x.value - y.value) == 1:
        return True  # one toll counts the gunman, the other does not
    rough, fine = (x, y) if x.step >= y.step else (y, x)
    rough_value, fine_value = rough.value, fine.value
    assert rough_value is not None and fine_value is not None
    gap = fine_value - rough_value
    if abs(gap) * 2 < rough.step:
        return True
    if rough.hedge == "up" and 0 <= gap < rough.step:
        return True
    return rough.hedge == "down" and -rough.step < gap <= 0


def same_slot(x: Figure, y: Figure, *, crowded: bool = False) -> int:
    """How surely two figures of two versions fill one slot: 0 when they cannot (other
    measures, other roles, other things counted, nothing around them in common; when a version
    states several figures of one measure, names around them that have nothing in common),
    else a score (more shared words and names, the same role: more sure)."""
    if x.measure != y.measure or (x.value is None) != (y.value is None):
        return 0  # a value is not compared with words read as no value ('3-2')
    if x.role and y.role and x.role != y.role:
        return 0
    if x.role and not y.role and x.role not in y.context_roles:
        return 0  # '99% of votes counted' / '26.46% of the votes'
    if y.role and not x.role and y.role not in x.context_roles:
        return 0
    same_role = bool(x.role) and x.role == y.role
    if x.head and y.head and not x.head & y.head and not same_role:
        return 0  # '14 bunker-buster bombs' / '18 missiles'
    names = len(x.names & y.names)
    if crowded and x.names and y.names and not names:
        return 0  # 'Hou received 4.47 million, while Ko...' / 'Ko received 3.68 million'
    shared = len(x.anchors & y.anchors) + names
    if not shared and not same_role:
        return 0
    return shared + 2 * same_role


@lru_cache(maxsize=8192)
def days(text: str) -> tuple[Day, ...]:
    """Every weekday of one sentence text, with its anchors (cached)."""
    _, display, facts, flags, present = reading(text)
    if not present & WEEKDAY:
        return ()
    found = []
    for n, flag in enumerate(flags):
        if not flag & WEEKDAY:
            continue
        anchors, _ = _context(facts, display, n, n + 1)
        left, right = _clause(display, n, n + 1)
        spoken = any(facts[k][1] in _SPEECH for k in range(max(left, n - 3), n))
        found.append(Day(facts[n][0], facts[n][1], anchors - {stem(facts[n][1])}, spoken))
    return tuple(found)


class _StemTable(dict[str, str]):
    """A word's letters -> its stem when it is a content word, else '': a dict lookup looped
    in C by `map` (every version of a cluster with drift is read)."""

    def __missing__(self, letters: str) -> str:
        if len(self) >= 65536:  # a long session reads many stories: stay bounded
            self.clear()
        found = self[letters] = stem(letters) if _is_content(letters) else ""
        return found


_STEMS = _StemTable()
_LETTERS = itemgetter(1)


@lru_cache(maxsize=8192)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of one sentence text (cached)."""
    found = set(map(_STEMS.__getitem__, map(_LETTERS, reading(text).facts)))
    found.discard("")
    return frozenset(found)


def one_statement(text_x: str, text_y: str) -> bool:
    """Two versions say enough in common to be one statement: SHARED_WORDS content words or
    more (a cluster can hold a sentence that shares one rare word with the others, and its
    figures are then no one's drift)."""
    return len(content_stems(text_x) & content_stems(text_y)) >= SHARED_WORDS


def clear_caches() -> None:
    """Forget cached figures and days (benchmarks time cold runs)."""
    figures.cache_clear()
    days.cache_clear()
    content_stems.cache_clear()
    _cached_value_key.cache_clear()
    _STEMS.clear()


__all__ = ["DAY", "Day", "Figure", "agree", "clear_caches", "days", "figures", "same_slot", "stem"]
