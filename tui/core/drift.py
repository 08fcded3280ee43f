"""Drift: what changes inside one cluster as a sentence passes between outlets.

Within a cluster (sentences that say the same thing), two versions may still disagree on a name
('Shinjiro Koizumi' / 'Shingo Kiyozumi'), a number, a date or weekday ('Thursday' / 'Friday'), a
quantity, the words inside a quotation ('remains absolutely unwavering' / 'remains strong'), or
only on spelling ('Defence' / 'Defense', the quiet kind). Each is reported once per cluster and pair
of variants, with the outlets and sentences on each side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from tui.core.models import Cluster, Drift, DriftKind, SentenceRef
from tui.core.normalize import SPELLING, STOPWORDS, canonical_word, fold
from tui.core.wordiff import change_blocks, word_diff

ALL_PAIRS_LIMIT = 8
"""Clusters up to this many members compare every pair; larger ones compare with the first."""
NAME_SIMILARITY = 55.0
"""Two differing names are variants of one another from this fuzz.ratio on."""
QUOTE_SIMILARITY = 50.0

_WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists stay readable as wrapped text."""
    return text.split()


_MONTHS = frozenset(
    _wordlist(
        """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
    )
)
_NUMBER_WORDS = frozenset(
    _wordlist(
        """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million billion trillion dozen dozens half
    """
    )
)
_UNITS = frozenset(
    _wordlist(
        """
    percent % yen dollars dollar euros euro pounds yuan won rupees km kilometres
    kilometers miles metres meters tonnes tons troops soldiers people years days hours
    barrels
    """
    )
)
_DEMONYM_ENDINGS = frozenset(("ese", "ian", "an", "ish", "i", "n", "ans", "ns", "ians"))
_QUOTED = re.compile(r'"([^"]{3,})"')
_KIND_ORDER: dict[DriftKind, int] = {
    "name": 0,
    "number": 1,
    "date": 2,
    "quantity": 3,
    "quote": 4,
    "spelling": 5,
}
Found = tuple[DriftKind, str, str]


_PUNCTUATION = "\"'()[],.;:!?"
_TWINNED = frozenset(SPELLING) | frozenset(SPELLING.values())
"""Words with a British/American twin: the only ones spelling drift looks at."""


@lru_cache(maxsize=65536)
def surface(word: str) -> str:
    """A display word's letters: folded, lower case, possessive and punctuation dropped."""
    folded = fold(word).casefold()
    if folded.endswith("'s"):
        folded = folded[:-2]
    return "".join(ch for ch in folded if ch.isalnum())


def _shown(word: str) -> str:
    """A display word without surrounding punctuation or possessive."""
    stripped = word.strip(_PUNCTUATION)
    return stripped[:-2] if stripped.endswith("'s") else stripped


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")


def _is_number(key: str) -> bool:
    if key.isalpha():
        return key in _NUMBER_WORDS
    return any(ch.isdigit() for ch in key)


@dataclass(frozen=True, slots=True)
class _Version:
    """Everything drift compares about one sentence, computed once per text."""

    tokens: tuple[str, ...]
    """Surface words, for finding a variant in other members."""
    token_set: frozenset[str]
    keys: frozenset[str]
    """Canonical words."""
    capitals: tuple[tuple[int, str, str], ...]
    """(position, canonical key, shown) of capitalised words after the first; none in headlines."""
    numbers: tuple[tuple[DriftKind, str, str], ...]
    """(number or quantity, phrase, key) of number runs."""
    weekdays: tuple[tuple[str, str], ...]
    months: tuple[tuple[str, str], ...]
    years: frozenset[str]
    quotes: tuple[str, ...]
    spellings: dict[str, str]
    """Canonical word -> shown word, for words with a British/American twin."""


@lru_cache(maxsize=4096)
def _version(text: str) -> _Version:
    folded = fold(text)
    display = folded.split()
    surfaces = [surface(w) for w in display]
    canon = [canonical_word(w) for w in display]
    capitalised = [bool(_shown(w)) and _shown(w)[0].isupper() for w in display]
    headline = sum(capitalised) > 0.6 * len(display)
    capitals = tuple(
        (n, canon[n], _shown(w))
        for n, w in enumerate(display)
        if n > 0
        and capitalised[n]
        and canon[n]
        and not headline
        and canon[n] not in _WEEKDAYS
        and canon[n] not in _MONTHS
        and canon[n] not in STOPWORDS
    )
    numbers: list[tuple[DriftKind, str, str]] = []
    run: list[int] = []
    for n in range(len(display) + 1):
        key = surfaces[n] if n < len(display) else ""
        if n < len(display) and _is_number(key) and not _is_year(key):
            run.append(n)
            continue
        if run:
            span = run + ([n] if key in _UNITS else [])
            phrase = " ".join(display[i] for i in span).strip(_PUNCTUATION)
            kind: DriftKind = "quantity" if key in _UNITS else "number"
            numbers.append((kind, phrase, " ".join(surfaces[i] for i in span)))
            run = []
    return _Version(
        tokens=tuple(w for w in surfaces if w),
        token_set=frozenset(surfaces),
        keys=frozenset(canon),
        capitals=capitals,
        numbers=tuple(numbers),
        weekdays=tuple(
            (_shown(w), s) for w, s in zip(display, surfaces, strict=True) if s in _WEEKDAYS
        ),
        months=tuple(
            (_shown(w), s) for w, s in zip(display, surfaces, strict=True) if s in _MONTHS
        ),
        years=frozenset(s for s in surfaces if _is_year(s)),
        quotes=tuple(_QUOTED.findall(folded)),
        spellings={
            s_canon: _shown(w)
            for w, s, s_canon in zip(display, surfaces, canon, strict=True)
            if s in _TWINNED or not s.isascii()
        },
    )


def _contains(text: str, phrase: str) -> bool:
    """Whether the phrase's words occur contiguously in the text (case, punctuation ignored)."""
    needle = _version(phrase).tokens
    version = _version(text)
    if not needle or needle[0] not in version.token_set:
        return False
    n = len(needle)
    hay = version.tokens
    return n == 1 or any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _name_runs(version: _Version, other: _Version) -> list[str]:
    """Runs of capitalised words the other version lacks (compared by canonical word, so
    'Defence' / 'Defense' is left to spelling drift rather than read as two names)."""
    runs: list[list[str]] = []
    previous = -2
    for position, key, shown in version.capitals:
        if key in other.keys:
            continue
        if position == previous + 1 and runs:
            runs[-1].append(shown)
        else:
            runs.append([shown])
        previous = position
    return [" ".join(run) for run in runs]


def _demonym(a: str, b: str) -> bool:
    """'Japan' / 'Japanese', 'China' / 'Chinese': related words, not a misspelled name."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    if " " in long:
        return False
    for cut in (0, 1):
        stem = short[: len(short) - cut]
        if len(stem) >= 3 and long.startswith(stem) and long[len(stem) :] in _DEMONYM_ENDINGS:
            return True
    return False


def _names(x: _Version, y: _Version) -> Iterable[Found]:
    only_x, only_y = _name_runs(x, y), _name_runs(y, x)
    scored = sorted(
        (
            (fuzz.ratio(a.casefold(), b.casefold()), i, j)
            for i, a in enumerate(only_x)
            for j, b in enumerate(only_y)
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_x: set[int] = set()
    used_y: set[int] = set()
    for score, i, j in scored:
        if score < NAME_SIMILARITY or i in used_x or j in used_y:
            continue
        if _demonym(only_x[i], only_y[j]):
            continue
        used_x.add(i)
        used_y.add(j)
        yield ("name", only_x[i], only_y[j])


def _numbers(x: _Version, y: _Version) -> Iterable[Found]:
    keys_x = {key for _, _, key in x.numbers}
    keys_y = {key for _, _, key in y.numbers}
    only_x = [(kind, phrase) for kind, phrase, key in x.numbers if key not in keys_y]
    only_y = [(kind, phrase) for kind, phrase, key in y.numbers if key not in keys_x]
    for (kind_x, a), (kind_y, b) in zip(only_x, only_y, strict=False):
        yield ("quantity" if "quantity" in (kind_x, kind_y) else "number", a, b)


def _dates(x: _Version, y: _Version) -> Iterable[Found]:
    for in_x, in_y in ((x.weekdays, y.weekdays), (x.months, y.months)):
        keys_x = {key for _, key in in_x}
        keys_y = {key for _, key in in_y}
        only_x = [shown for shown, key in in_x if key not in keys_y]
        only_y = [shown for shown, key in in_y if key not in keys_x]
        if only_x and only_y:
            yield ("date", only_x[0], only_y[0])
    if x.years - y.years and y.years - x.years:
        yield ("date", min(x.years - y.years), min(y.years - x.years))


def _quotes(x: _Version, y: _Version) -> Iterable[Found]:
    for qx in x.quotes:
        best = max(y.quotes, key=lambda qy: fuzz.token_set_ratio(qx, qy), default=None)
        if best is None or fuzz.token_set_ratio(qx, best) < QUOTE_SIMILARITY:
            continue
        diff = word_diff(qx, best)
        for a0, a1, b0, b1 in change_blocks(diff):
            a_part = list(diff.a_words[a0:a1])
            b_part = list(diff.b_words[b0:b1])
            if not a_part or not b_part:
                continue
            if all(surface(w) in STOPWORDS for w in a_part + b_part):
                continue
            context = [diff.a_words[a0 - 1]] if a0 > 0 and b0 > 0 else []
            yield ("quote", _clean(context + a_part), _clean(context + b_part))


def _clean(parts: Sequence[str]) -> str:
    return " ".join(parts).strip(_PUNCTUATION + " ")


def _spelling(x: _Version, y: _Version) -> Iterable[Found]:
    for key in sorted(x.spellings.keys() & y.spellings.keys()):
        a, b = x.spellings[key], y.spellings[key]
        if surface(a) != surface(b):
            yield ("spelling", a, b)


def differences(text_x: str, text_y: str) -> list[Found]:
    """Every drift between two versions of one sentence: (kind, x's variant, y's variant)."""
    x, y = _version(text_x), _version(text_y)
    found: list[Found] = []
    for source in (_names(x, y), _numbers(x, y), _dates(x, y), _quotes(x, y), _spelling(x, y)):
        found.extend(item for item in source if item[1] and item[2] and item[1] != item[2])
    return found


def find_drift(
    clusters: Sequence[Cluster],
    texts: Mapping[SentenceRef, str],
    outlets: Mapping[str, str],
) -> tuple[Drift, ...]:
    """Drift in every cluster, deduplicated per (cluster, kind, variants), in cluster order."""
    result: list[Drift] = []
    for cluster in clusters:
        members = cluster.members
        if len({m.article_id for m in members}) < 2:
            continue
        if len(members) <= ALL_PAIRS_LIMIT:
            pairs = [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]
        else:
            pairs = [(members[0], b) for b in members[1:]]
        seen: set[tuple[str, ...]] = set()
        for ref_x, ref_y in pairs:
            if texts[ref_x] == texts[ref_y]:
                continue
            for kind, a, b in differences(texts[ref_x], texts[ref_y]):
                key = (kind, *sorted((a.casefold(), b.casefold())))
                if key in seen:
                    continue
                seen.add(key)
                side_a = tuple(m for m in members if _contains(texts[m], a))
                side_b = tuple(m for m in members if _contains(texts[m], b))
                result.append(
                    Drift(
                        cluster=cluster.id,
                        kind=kind,
                        a=a,
                        b=b,
                        outlets_a=_outlet_names(side_a, outlets),
                        outlets_b=_outlet_names(side_b, outlets),
                        refs_a=side_a,
                        refs_b=side_b,
                    )
                )
    result.sort(key=lambda d: (d.cluster, _KIND_ORDER[d.kind], d.a.casefold(), d.b.casefold()))
    return tuple(result)


def _outlet_names(refs: Sequence[SentenceRef], outlets: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(sorted({outlets[r.article_id] for r in refs}, key=lambda o: (o.casefold(), o)))
