"""Normalised words, so that two outlets' copies of one sentence compare equal where a reader would.

Wire copy is re-typed, re-styled and re-spelled on its way through outlets: curly quotes, em dashes,
'U.S.' or 'US', 'defence' or 'defense', 'south-west' or 'southwest'. Matching (`core.align.engine`) and
word diffs (`core.drift.wordiff`) compare the words this module makes, while readers always see the
original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: long word lists stay readable as wrapped text."""
    return text.split()


# British spelling -> American, for whole words. Inflected forms are generated below, so the
# list holds stems; it covers what shows up in news copy, not the whole dictionary.
_OUR_WORDS = _wordlist(
    """
    labour neighbour colour favour honour behaviour harbour armour rumour humour vigour
    endeavour savour flavour parlour valour saviour odour candour clamour rigour tumour
    splendour fervour
    """
)
_ISE_VERBS = _wordlist(
    """
    prioritis recognis organis criticis realis emphasis apologis authoris mobilis
    stabilis normalis characteris finalis legalis utilis summaris minimis maximis
    jeopardis modernis militaris privatis nationalis capitalis civilis optimis harmonis
    specialis neutralis penalis symbolis sympathis terroris destabilis scrutinis
    standardis
    """
)
_PLAIN = {
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "pretence": "pretense",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "calibre": "caliber",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analysing": "analyzing",
    "paralyse": "paralyze",
    "paralysed": "paralyzed",
    "ageing": "aging",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "aluminium": "aluminum",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "cheque": "check",
    "storey": "story",
    "whilst": "while",
    "amongst": "among",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "skilful": "skillful",
    "jewellery": "jewelry",
    "plough": "plow",
    "practise": "practice",
    "practised": "practiced",
    "draught": "draft",
    "towards": "toward",
}
# Doubled 'l' before -ed/-ing in British English (travelled, fuelling).
_LL_STEMS = _wordlist(
    """
    travel fuel label cancel model signal counsel level channel equal total marshal
    rival tunnel dial duel refuel
    """
)


def _spelling_table() -> dict[str, str]:
    table = dict(_PLAIN)
    for word in _OUR_WORDS:
        us = word[:-2] + "r"
        for suffix in ("", "s", "ed", "ing", "er", "ers", "ite", "ites", "able", "ful"):
            table[word + suffix] = us + suffix
    for stem in _ISE_VERBS:
        us = stem[:-1] + "z"
        for suffix in ("e", "es", "ed", "ing", "ation", "ations"):
            table[stem + suffix] = us + suffix
    for stem in _LL_STEMS:
        for suffix in ("led", "ling", "ler", "lers"):
            table[stem + suffix] = stem + suffix[1:]
    return table


SPELLING: dict[str, str] = _spelling_table()
"""British spelling -> American spelling, lower case, whole words."""

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2032": "'",
        "\u2033": '"',
    }
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_DASH_TABLE = str.maketrans({d: "-" for d in _DASHES})
_FOLDED_CHARACTERS = tuple((chr(code), plain) for code, plain in (_QUOTES | _DASH_TABLE).items())
"""(character, ASCII replacement) of both tables. `str.translate` looks every character up and
raises and swallows a KeyError for each one it keeps (~700 instructions a character); a
`str.replace` per character present costs a scan of the text. The replacements are ASCII and
none of them is folded again, so the order of the replacements does not matter."""

# 'U.S.' / 'U.K.' / 'U.N.' style abbreviations: drop the dots so they become one word.
_DOTTED = re.compile(r"\b((?:[A-Za-z]\.){2,})(?=[^A-Za-z]|$)")
# A hyphen joining two word characters makes one compound word: 'south-west' == 'southwest'.
# (Written hyphen first, so the regex engine scans for the hyphen instead of trying every
# position: ten times faster than the lookbehind first, same matches.)
_HYPHEN_JOIN = re.compile(r"-(?<=\w-)(?=\w)")
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
"""`_WORD` for casefolded ASCII text, which it matches the same, faster."""
_POSSESSIVE = re.compile(r"'s\b")
_PHRASES = ((re.compile(r"\bunited states\b"), "us"), (re.compile(r"\bunited kingdom\b"), "uk"))

STOPWORDS: frozenset[str] = frozenset(
    _wordlist(
        """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into
    is it its itself just may me might more most much must my no nor not now of off on
    once only or other our ours out over own said same says she should so some such than
    that the their theirs them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your its it's would also
    """
    )
)
"""Words too common to tell two sentences apart; they still count in scores, not in blocking."""


def fold(text: str) -> str:
    """Fold typography only: curly quotes, dashes, compatibility forms. Case is kept."""
    if text.isascii():
        return text
    return _fold_unicode(text)


@lru_cache(maxsize=16384)
def _fold_unicode(text: str) -> str:
    """Cached: drift and event dates fold the same sentences several times."""
    folded = unicodedata.normalize("NFKC", text)
    for character, plain in _FOLDED_CHARACTERS:
        if character in folded:
            folded = folded.replace(character, plain)
    return folded


@lru_cache(maxsize=65536)
def canonical_word(word: str) -> str:
    """One word as matching sees it: lower case, no accents or dots, American spelling."""
    lowered = fold(word).casefold()
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = "".join(ch for ch in lowered if ch.isalnum())
    if not lowered.isascii():
        decomposed = unicodedata.normalize("NFKD", lowered)
        lowered = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return SPELLING.get(lowered, lowered)


def words(text: str) -> list[str]:
    """Normalised words of a text, in order: what scoring, blocking and diffs compare."""
    folded = fold(text)
    if folded.count(".") > 1:  # an abbreviation has two dots at least
        folded = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), folded)
    if "-" in folded:
        folded = _HYPHEN_JOIN.sub("", folded)
    folded = folded.casefold()
    if "united" in folded:
        for pattern, replacement in _PHRASES:
            folded = pattern.sub(replacement, folded)
    if "'" in folded:
        folded = _POSSESSIVE.sub("", folded).replace("'", "")
    if folded.isascii():
        found = _ASCII_WORD.findall(folded)
        return list(map(SPELLING.get, found, found))  # get(word, word), looped in C
    return [canonical_word(w) for w in _WORD.findall(folded)]


def sorted_key(text: str) -> str:
    """Words sorted and joined: `fuzz.ratio` on two of these equals token_sort_ratio, ~9x faster."""
    return " ".join(sorted(words(text)))
