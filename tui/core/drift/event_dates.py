"""Event dates that differ across a story: 'agreed Thursday' here, 'agreed on Friday' there.

Per-cluster drift (`core.drift.detect`) only compares versions of one sentence, but outlets often
date the same event in sentences that say different things ('Koizumi and Hegseth agreed Thursday to
strengthen deterrence' / 'Tokyo and Washington agreed Friday to boost joint production'). Here a
weekday or a day of a month is attached to the event word next to it ('agreed Thursday', 'agreed
on Friday', 'the agreement came on Friday', 'On Friday, Tokyo and Washington agreed', 'Friday's
meeting'), and two attachments conflict when they name the same event (same lemma) with different
days, come from different articles and different clusters, and share at least two names (heads
of capitalised runs: 'Defense Minister Shinjiro Koizumi' -> 'koizumi'). Each side then takes in
every other mention of that event and day sharing a name with the conflict, and the result is one
Drift of kind 'date' per pair of days, in the cluster of the minority side's first sentence.

Statements ('said Thursday') are left out on purpose: people speak on many days, so differing days
for 'said' are usually two statements, not one event dated two ways. Bare months ('in November')
are left out too: they usually date different events.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import NamedTuple

from tui.core.models import Cluster, Drift, SentenceRef
from tui.core.text.normalize import STOPWORDS
from tui.core.text.readings import reading
from tui.core.text.wordfacts import (
    DAYISH,
    MONTHS,
    RAW_UPPER,
    WEEKDAYS,
    WordFacts,
    flagged_positions,
)

SHARED_NAMES = 2
"""Names two mentions must share to count as one event dated two ways."""
LEFT_REACH = 3
"""How far left of a day its event word may stand ('agreement came on Friday')."""
OPENING_REACH = 12
"""How far right of a sentence-opening 'On Friday,' its event word may stand."""


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: word lists stay readable as one line of text."""
    return text.split()


def _forms(lemma: str, text: str) -> dict[str, str]:
    return dict.fromkeys(_wordlist(text), lemma)


EVENT_WORDS: dict[str, str] = {
    **_forms("agree", "agree agreed agrees agreeing agreement agreements"),
    **_forms("meet", "meet met meets meeting meetings talks"),
    **_forms("announce", "announce announced announces announcement"),
    **_forms("sign", "sign signed signs signing"),
    **_forms("approve", "approve approved approves approval"),
    **_forms("launch", "launch launched launches"),
    **_forms("visit", "visit visited visits"),
    **_forms("vote", "vote voted votes"),
    **_forms("pledge", "pledge pledged pledges"),
    **_forms("unveil", "unveil unveiled unveils"),
    **_forms("arrive", "arrive arrived arrives"),
    **_forms("attack", "attack attacked attacks"),
}
"""Event word (surface form) -> lemma."""
_GLUE = frozenset(_wordlist("on late early last this came comes come was were is took place"))
"""Words that may stand between an event word and its day ('agreement came on Friday')."""
_MONTH_NAMES = {
    month[:3]: month
    for month in _wordlist(
        "january february march april may june july august september october november december"
    )
} | {"sept": "september"}
_DAY_HINTS = tuple(_wordlist("day jan feb mar apr may jun jul aug sep oct nov dec"))
"""Substrings every weekday or month name contains: most sentences are skipped on these alone."""
_DAY_HINT = re.compile("|".join(_DAY_HINTS))
"""The hints as one pattern: one scan of a sentence instead of one per hint."""
_NOT_HEADS = WEEKDAYS | MONTHS | STOPWORDS | {""}
"""Canonical words that are no name's head (the empty one: a word of punctuation)."""
_LETTERS = itemgetter(1)
"""The letters (`wordfacts.surface`) of a word's facts, read at C speed."""


class Mention(NamedTuple):
    """One event dated in one sentence (a NamedTuple: built and hashed at C speed)."""

    lemma: str
    day: str
    """'Thursday' or 'January 16'."""
    names: frozenset[str]


def _day_at(tokens: Sequence[str], n: int) -> tuple[str, int, int] | None:
    """The day named at token n: (value, first token, token after), or None.

    A month counts only with a day number beside it ('Jan. 16', '16 January'): a bare month
    usually dates something other than the event.
    """
    token = tokens[n]
    if token in WEEKDAYS:
        return token.capitalize(), n, n + 1
    month = _MONTH_NAMES.get(token[:3]) if token in MONTHS else None
    if month is None:
        return None
    for other in (n + 1, n - 1):
        if 0 <= other < len(tokens) and tokens[other].isdigit() and 1 <= int(tokens[other]) <= 31:
            return f"{month.capitalize()} {int(tokens[other])}", min(n, other), max(n, other) + 1
    return None


def _event_left(tokens: Sequence[str], n: int) -> str | None:
    for k in range(n - 1, max(-1, n - 1 - LEFT_REACH), -1):
        if tokens[k] in EVENT_WORDS:
            return EVENT_WORDS[tokens[k]]
        if tokens[k] not in _GLUE:
            return None
    return None


def _event_of(tokens: Sequence[str], start: int, end: int) -> str | None:
    """The event a day at tokens[start:end] is attached to, if any."""
    left = _event_left(tokens, start)
    if left is not None:
        return left
    if end < len(tokens) and tokens[end] in EVENT_WORDS:  # "Friday's meeting"
        return EVENT_WORDS[tokens[end]]
    if start <= 1 and (start == 0 or tokens[0] == "on"):  # "On Friday, Tokyo and Washington agreed"
        for k in range(end, min(len(tokens), end + OPENING_REACH)):
            if tokens[k] in EVENT_WORDS:
                return EVENT_WORDS[tokens[k]]
    return None


def _names(facts: Sequence[WordFacts]) -> frozenset[str]:
    """Heads (last words) of runs of capitalised words after the first; none in headlines.

    A word is capitalised when its first character is upper case (RAW_UPPER: '(Reuters' is
    not); its key is its canonical word."""
    capital = [f[4] & RAW_UPPER for f in facts]
    if len(capital) - capital.count(0) > 0.6 * len(facts):
        return frozenset()
    capital.append(0)  # past the last word: a run ends there
    heads = {
        f[2]
        for f, here, after in zip(facts[1:], capital[1:], capital[2:], strict=False)
        if here and not after
    }
    return frozenset(heads - _NOT_HEADS)


def mentions_in(text: str) -> list[Mention]:
    """Every dated event in one sentence, read off its words' cached facts
    (`core.text.readings`)."""
    # The reading is cached (matching read every text first): its bits rule out most sentences
    # before the hint pattern scans the text.
    found_reading = reading(text)
    if not found_reading.present & DAYISH:  # no weekday or month: nothing to date
        return []
    if _DAY_HINT.search(text.lower()) is None:
        return []
    facts = list(filter(_LETTERS, found_reading.facts))  # words with letters or digits
    tokens = list(map(_LETTERS, facts))
    found: list[Mention] = []
    names: frozenset[str] | None = None
    for n in flagged_positions(facts, DAYISH):
        day = _day_at(tokens, n)
        if day is None:
            continue
        lemma = _event_of(tokens, day[1], day[2])
        if lemma is None:
            continue
        names = _names(facts) if names is None else names
        found.append(Mention(lemma, day[0], names))
    return found


def find_event_date_drift(
    clusters: Sequence[Cluster],
    texts: Mapping[SentenceRef, str],
    outlets: Mapping[str, str],
    *,
    known: Sequence[Drift] = (),
) -> list[Drift]:
    """Days that differ for one event across clusters, one Drift per pair of days.

    `known` drift (per cluster) wins: a pair of days it already reports in the minority's
    cluster is not repeated.
    """
    by_text: dict[str, list[Mention]] = {}
    rows: list[tuple[Mention, int, SentenceRef]] = []
    """(mention, cluster id, sentence), in story order."""
    for cluster in clusters:
        for ref in cluster.members:
            text = texts[ref]
            if text not in by_text:
                by_text[text] = mentions_in(text)
            mentions = by_text[text]
            if mentions:  # most sentences date nothing
                rows.extend((m, cluster.id, ref) for m in mentions)
    # Copies repeat one mention many times: compare distinct (mention, cluster) only.
    kinds: dict[tuple[Mention, int], set[str]] = {}
    for mention, cluster_id, ref in rows:
        kinds.setdefault((mention, cluster_id), set()).add(ref.article_id)
    links: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    # Only mentions of one event word, dated two different ways of one kind (weekday or date),
    # in two articles, can pair: grouped so, a long article's thousands of mentions never meet
    # each other. Each day's mentions are filed by their article (None: several articles).
    Filed = dict[str | None, list[tuple[Mention, int]]]
    groups: dict[tuple[str, bool], dict[str, Filed]] = {}
    for signature, articles in kinds.items():
        mention = signature[0]
        by_day = groups.setdefault((mention.lemma, mention.day[0].isdigit()), {})
        only = next(iter(articles)) if len(articles) == 1 else None
        by_day.setdefault(mention.day, {}).setdefault(only, []).append(signature)
    for by_day in groups.values():
        days = list(by_day.values())
        for n, x_filed in enumerate(days):
            for y_filed in days[n + 1 :]:
                for x_article, xs in x_filed.items():
                    for y_article, ys in y_filed.items():
                        if x_article is not None and x_article == y_article:
                            continue  # one article alone
                        _link(links, xs, ys)
    reported = {(d.cluster, *sorted((d.a, d.b))) for d in known if d.kind == "date"}
    outlets_of = OutletNames(outlets)
    found: list[Drift] = []
    for (day_x, day_y), (lemmas, names) in sorted(links.items()):
        sides = {
            day: [
                (cluster_id, ref)
                for m, cluster_id, ref in rows
                if m.day == day and m.lemma in lemmas and m.names & names
            ]
            for day in (day_x, day_y)
        }
        refs = {day: tuple(dict.fromkeys(ref for _, ref in side)) for day, side in sides.items()}
        count = {day: len(outlets_of(day_refs)) for day, day_refs in refs.items()}
        major, minor = sorted((day_x, day_y), key=lambda day: (-count[day], day))
        cluster_id = sides[minor][0][0]
        if (cluster_id, *sorted((major, minor))) in reported:
            continue
        found.append(
            Drift(
                cluster=cluster_id,
                kind="date",
                a=major,
                b=minor,
                outlets_a=outlets_of(refs[major]),
                outlets_b=outlets_of(refs[minor]),
                refs_a=refs[major],
                refs_b=refs[minor],
                scope="story",
            )
        )
    return found


def _link(
    links: dict[tuple[str, str], tuple[set[str], set[str]]],
    xs: Sequence[tuple[Mention, int]],
    ys: Sequence[tuple[Mention, int]],
) -> None:
    """Link the two days of every pair of mentions, one from each, in different clusters and
    sharing SHARED_NAMES names: one event dated two ways (`find_event_date_drift`)."""
    for x, x_cluster in xs:
        for y, y_cluster in ys:
            if x_cluster != y_cluster and len(x.names & y.names) >= SHARED_NAMES:
                pair = (x.day, y.day) if x.day < y.day else (y.day, x.day)
                lemmas, names = links.setdefault(pair, (set(), set()))
                lemmas.add(x.lemma)
                names.update(x.names | y.names)


def _outlet_order(outlet: str) -> tuple[str, str]:
    return (outlet.casefold(), outlet)


def outlet_names(refs: Sequence[SentenceRef], outlets: Mapping[str, str]) -> tuple[str, ...]:
    """The distinct outlets of some sentences, sorted case-insensitively."""
    return tuple(sorted({outlets[r.article_id] for r in refs}, key=_outlet_order))


class OutletNames:
    """`outlet_names` for many sets of sentences of one story: the story's outlets are ranked
    once, so each set sorts by a dict lookup instead of casefolding every outlet again (a drift
    side of a 500-outlet story names hundreds)."""

    def __init__(self, outlets: Mapping[str, str]) -> None:
        self._outlets = outlets
        ranked = sorted(set(outlets.values()), key=_outlet_order)
        self._rank = {outlet: n for n, outlet in enumerate(ranked)}

    def __call__(self, refs: Sequence[SentenceRef]) -> tuple[str, ...]:
        outlets = self._outlets
        return tuple(sorted({outlets[r.article_id] for r in refs}, key=self._rank.__getitem__))
