"""What drift knows about single words.

Every word of every version is looked at many times over (one version meets many others), so
the facts about a display word (its letters, canonical form, capital, and whether it is a
number, a year, a weekday, a month, a spelling twin or the edge of a name) are computed once and
cached, as bits that `core.drift.variants.version` combines per sentence without looking at letters.
The few facts that span neighbouring words (a month and its day, a number and its unit) are
read off those cached facts here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.core.models import DriftKind
from tui.core.text.normalize import SPELLING, STOPWORDS, canonical_word, fold, words
from tui.core.text.quantities import CLOCK_MARKS, SINGULAR_UNITS, UNITS, is_clock, value_key

WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists stay readable as wrapped text."""
    return text.split()


MONTHS = frozenset(
    _wordlist(
        """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
    )
)
NUMBER_WORDS = frozenset(
    _wordlist(
        """
    zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand million billion trillion dozen dozens half
    """
    )
)
_SMALL_NUMBERS = _wordlist(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty
    """
)
_TENS = _wordlist("thirty forty fifty sixty seventy eighty ninety")
NUMBER_VALUES: dict[str, str] = {word: str(value) for value, word in enumerate(_SMALL_NUMBERS)} | {
    word: str(30 + 10 * n) for n, word in enumerate(_TENS)
}
"""Number words -> digits, so 'twelve people' and '12 people', 'Formula One' and 'Formula 1'
compare equal."""
PUNCTUATION = "\"'()[],.;:!?"
_NOT_NAMES = WEEKDAYS | MONTHS | STOPWORDS
_DAYISH = WEEKDAYS | MONTHS
_TWINNED = frozenset(SPELLING) | frozenset(SPELLING.values())
"""Words with a British/American twin: the only ones spelling drift looks at."""


@lru_cache(maxsize=65536)
def surface(word: str) -> str:
    """A display word's letters: folded, lower case, possessive and punctuation dropped."""
    folded = fold(word).casefold()
    if folded.endswith("'s"):
        folded = folded[:-2]
    if folded.isalnum():  # most words: nothing to drop, and no loop over the letters
        return folded
    return "".join(ch for ch in folded if ch.isalnum())


def _shown(word: str) -> str:
    """A display word without surrounding punctuation or possessive."""
    stripped = word.strip(PUNCTUATION)
    return stripped[:-2] if stripped.endswith("'s") else stripped


def _is_year(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and key[:2] in ("19", "20")


def _is_number(key: str) -> bool:
    if key.isalpha():
        return key in NUMBER_WORDS
    return any(ch.isdigit() for ch in key)


NAME, NUMBER, YEAR, WEEKDAY, MONTH, TWIN = 1, 2, 4, 8, 16, 32
"""Bits of a word's flags: a name candidate when capitalised, a number (not a year), a year,
a weekday, a month, a word with a British/American twin (or non-ASCII letters)."""
CAPITAL_NAME, ENDS_RUN, STARTS_RUN, DAY, ONE_OF = 64, 128, 256, 512, 1024
"""More bits: a capitalised name candidate; a word that ends a run of name words ("Italy's",
'Tokyo,'), or starts one ('(Reuters'); a number that can be a day of a month (1-31); a unit that
'a' or 'an' can count one of ('a week')."""
UNITED, DAYISH, RAW_UPPER = 2048, 4096, 8192
"""Bits for matching and event dates: a word whose letters may start 'united states' (matching
then reads the whole text, `core.text.readings`), a weekday or month name in any case, a word whose
first character is upper case (punctuation included: '(Reuters' is not)."""
_RUN_ENDS = tuple(",;:!?)]")
_AMBIGUOUS_MONTHS = frozenset(("may", "march"))
"""Month names that are also common words: months only when capitalised ('May 17')."""


@lru_cache(maxsize=65536)
def word_facts(word: str) -> tuple[str, str, str, bool, int, tuple[str, ...]]:
    """(shown, surface, canonical, capitalised, flags, matching words) of one display word.

    The matching words are `normalize.words` of the word alone: its rules never reach across
    whitespace except for the 'united states' phrases, flagged UNITED."""
    shown = _shown(word)
    letters = surface(word)
    # canonical_word folds, lowers and strips a word exactly as surface does, then only strips
    # accents (none in ASCII letters) and maps spelling twins: skip it for ASCII letters.
    canon = SPELLING.get(letters, letters) if letters.isascii() else canonical_word(word)
    flags = 0
    if canon and canon not in _NOT_NAMES:
        flags |= NAME
    if _is_year(letters):
        flags |= YEAR
    elif _is_number(letters):
        flags |= NUMBER
    if letters.isdigit() and len(letters) <= 2 and 1 <= int(letters) <= 31:
        flags |= DAY
    capital = bool(shown) and shown[0].isupper()
    if letters in WEEKDAYS:
        flags |= WEEKDAY
    if letters in MONTHS and (capital or letters not in _AMBIGUOUS_MONTHS):
        flags |= MONTH
    if letters in SINGULAR_UNITS:
        flags |= ONE_OF
    if letters in _TWINNED or not letters.isascii():
        flags |= TWIN
    if capital and flags & NAME:
        flags |= CAPITAL_NAME
    trimmed = word.rstrip("'\"")
    if trimmed.endswith(_RUN_ENDS) or word.endswith(("'s", "'")) or trimmed != word:
        flags |= ENDS_RUN
    if word.startswith(("(", "[", '"')):
        flags |= STARTS_RUN
    if letters in _DAYISH:
        flags |= DAYISH
    if word[:1].isupper():
        flags |= RAW_UPPER
    # Dots and hyphens inside a word may go before 'united' is looked for: look without them.
    if "united" in word.casefold().replace(".", "").replace("-", ""):
        flags |= UNITED
    if word.isascii() and word.isalnum():
        # Plain ASCII letters and digits: `normalize.words` would lower the word, find it whole
        # and map its spelling twin, which is `canon` (same letters, no possessive to drop).
        return shown, letters, canon, capital, flags, (canon,)
    return shown, letters, canon, capital, flags, tuple(words(word))


WordFacts = tuple[str, str, str, bool, int, tuple[str, ...]]
"""What `word_facts` returns: (shown, surface, canonical, capitalised, flags, matching words)."""


def flagged_positions(facts: Sequence[WordFacts], bits: int) -> list[int]:
    """Positions of the words with any of `bits`: the few words a reader of dates or numbers
    looks at."""
    return [n for n, f in enumerate(facts) if f[4] & bits]


def month_dates(facts: Sequence[WordFacts], days: set[int]) -> tuple[tuple[str, str], ...]:
    """Months with the day of month beside them ('May 17', '17 May'); the day's position goes
    into `days`, so a dateline's 'May 17' is a date rather than a number."""
    found: list[tuple[str, str]] = []
    last = len(facts) - 1
    for n in flagged_positions(facts, MONTH):
        shown, letters, _, _, flags, _ = facts[n]
        key = letters[:3]
        if n < last and facts[n + 1][4] & DAY and not flags & ENDS_RUN:
            day = n + 1
        elif n > 0 and facts[n - 1][4] & DAY and not facts[n - 1][4] & ENDS_RUN:
            day = n - 1
        else:
            found.append((shown, key))
            continue
        days.add(day)
        number = facts[day][0]
        # Keyed by the day's letters (digits: DAY says so); the shown word may keep a sign
        # ('5%'), which int() would refuse.
        found.append(
            (
                f"{shown} {number}" if day > n else f"{number} {shown}",
                f"{key} {int(facts[day][1])}",
            )
        )
    return tuple(found)


def number_runs(
    facts: Sequence[WordFacts], display: Sequence[str], days: set[int]
) -> tuple[tuple[DriftKind, str, str], ...]:
    """(kind, phrase, key) of runs of number words, with the unit that follows ('14 people').

    The key is the value the run states (`core.text.quantities.value_key`: '$3m' and '3 million
    dollars' share one); a run that cannot be read as one value is keyed by its words, number
    words as digits. 'a week' is a run too: one week.
    """
    numbers: list[tuple[DriftKind, str, str]] = []
    run: list[int] = []
    n_words = len(facts)
    flagged = flagged_positions(facts, NUMBER | ONE_OF)
    if not flagged:
        return ()
    # Nothing happens before the word ahead of the first flagged one (an 'a' counting a unit)
    # nor after the word that closes the last run (past the end: n_words).
    for n in range(max(flagged[0] - 1, 0), min(flagged[-1] + 1, n_words) + 1):
        if n < n_words and facts[n][4] & NUMBER and n not in days:
            run.append(n)
            continue
        follower = facts[n][1] if n < n_words else ""
        if run:
            numbers.append(_number_run(run, follower, n, facts, display))
            run = []
            if follower in UNITS:
                continue  # the unit word is spent
        if follower in ("a", "an") and n + 1 < n_words and facts[n + 1][1] in SINGULAR_UNITS:
            run = [n]
    return tuple(numbers)


def _number_run(
    run: list[int], follower: str, at: int, facts: Sequence[WordFacts], display: Sequence[str]
) -> tuple[DriftKind, str, str]:
    """One run of number words and the word after it (`follower`, at `at`)."""
    takes_follower = follower in UNITS or (
        follower in CLOCK_MARKS and len(run) == 1 and is_clock(display[run[0]])
    )
    span = run + ([at] if takes_follower else [])
    words = [display[i] for i in span]
    phrase = " ".join(words).strip(PUNCTUATION)
    quantity = follower in UNITS or any(sign in phrase for sign in "$€£¥%")
    kind: DriftKind = "quantity" if quantity else "number"
    key = _value_key(tuple(words)) or " ".join(
        NUMBER_VALUES.get(facts[i][1], facts[i][1]) for i in span
    )
    return (kind, phrase, key)


@lru_cache(maxsize=16384)
def _value_key(words: tuple[str, ...]) -> str | None:
    """Cached: copies repeat the same figures ('nine trillion yen') sentence after sentence."""
    return value_key(words, NUMBER_VALUES)


def clear_caches() -> None:
    """Forget cached words and texts (benchmarks time cold runs)."""
    surface.cache_clear()
    _value_key.cache_clear()
    word_facts.cache_clear()
