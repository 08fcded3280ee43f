"""When two names printed differently are one name: the judgments name drift rests on.

A name misspelled or garbled in translation ('Shinjiro Koizumi' / 'Shingo Kiyozumi',
'Takaichi' / 'Takaiichi', 'Emilia-Romagna' / 'Emilia-Romana') is drift. These are not:

- the same letters with other hyphens or spaces ('Al-Udeid' / 'Al Udeid', 'Kim Jong-un' /
  'Kim Jong Un'), or a lower-case word a scraper or a dash glued on ('Calhoun—he' read as
  'Calhoun-he', 'Dallas-area', 'CapitalThe');
- a place named in its own language or an older spelling ('Roma' / 'Rome', 'München' /
  'Munich', 'Kiev' / 'Kyiv'; `EXONYMS`), or with accents ('Tōkyō' / 'Tokyo');
- a transliteration that only swaps vowels ('Majed' / 'Majid'), a vowel ending
  ('Jajarkot' / 'Jajarkota'), a demonym ('Japan' / 'Japanese');
- titles and institutions, which are common words written with a capital ('Ministry' /
  'Minstry', 'Survey' / 'Service', 'Air Force' / 'Armed Forces'), and acronyms ('CEO' / 'COO').
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_DEMONYM_ENDINGS = frozenset(
    ("ese", "ian", "an", "ish", "i", "n", "ans", "ns", "ians", "s", "is", "es")
)
_VOWELS = frozenset("aeiouy")
SIMILARITY = 55.0
"""Two runs of capitalised words can be one name misspelled from this `fuzz.ratio` on."""


def _wordlist(text: str) -> list[str]:
    """Whitespace-separated words: word lists stay readable as wrapped text."""
    return text.split()


GENERIC = frozenset(
    _wordlist(
        """
    ministry minister ministers department service services survey agency office council
    committee commission bureau court forces force army navy corps guard guards police centre
    center institute university college school hospital government administration authority
    authorities president vice chief secretary general director spokesperson spokesman
    spokeswoman official officials party province district county state states city region
    national federal international republic defense defence air base foreign affairs interior
    security geological geosciences research news press dr mr mrs ms sir prof gen col capt
    sheikh
    """
    )
)
"""Capitalised common words: a title or an institution, not a name that can be misspelled."""
_CAMEL_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]*$)")


@lru_cache(maxsize=8192)
def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def _unglued(run: str) -> str:
    """A run without lower-case words glued on by hyphens or dashes ('Calhoun-he' ->
    'Calhoun') or capitalised function words glued on by a scraper ('CapitalThe' ->
    'Capital')."""
    words = []
    for word in run.split():
        parts = [p for p in re.split(r"[-\u2010-\u2015]", word) if p]
        kept = [p for p in parts if p[:1].isupper()] or parts[:1]
        glued = _CAMEL_GLUE.split("-".join(kept))
        if len(glued) == 2 and glued[1].casefold() in _GLUED_WORDS:
            kept = [glued[0]]
        words.append("-".join(kept))
    return " ".join(words)


_WORD = re.compile(r"[^\W\d_]+")
"""A word's letters, whatever punctuation a scraper glued between words."""
_GLUED_WORDS = frozenset(_wordlist("the a an he she it they we this that in on at of and but"))


def demonym(a: str, b: str) -> bool:
    """'Japan' / 'Japanese', 'China' / 'Chinese', 'Qatar' / 'Qatari': related words."""
    short, long = sorted((a.casefold(), b.casefold()), key=len)
    if " " in long:
        return False
    for cut in (0, 1):
        stem = short[: len(short) - cut]
        if len(stem) >= 3 and long.startswith(stem) and long[len(stem) :] in _DEMONYM_ENDINGS:
            return True
    return False


def _vowel_variant(a: str, b: str) -> bool:
    """'Majed' / 'Majid' (vowels swapped, one length) or 'Jajarkot' / 'Jajarkota' (a vowel
    added at the end): one name transliterated two ways."""
    a, b = _letters(a), _letters(b)
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return bool(diffs) and all(x in _VOWELS and y in _VOWELS for x, y in diffs)
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) == 1 and long[-1] in _VOWELS


_EXONYM_PAIRS = """
roma rome | milano milan | napoli naples | torino turin | firenze florence | venezia venice |
genova genoa | lisboa lisbon | praha prague | warszawa warsaw | moskva moscow | wien vienna |
koln cologne | munchen munich | nurnberg nuremberg | bruxelles brussels | brussel brussels |
antwerpen antwerp | kobenhavn copenhagen | goteborg gothenburg | athina athens |
bucuresti bucharest | beograd belgrade | kiev kyiv | kharkov kharkiv | odessa odesa |
sevilla seville | catalunya catalonia | bombay mumbai | peking beijing | calcutta kolkata |
madras chennai | rangoon yangon | burma myanmar | deutschland germany | espana spain |
italia italy | osterreich austria | schweiz switzerland | suisse switzerland |
nederland netherlands | polska poland | sverige sweden | norge norway | danmark denmark |
suomi finland | hellas greece | turkiye turkey | rossiya russia | nippon japan |
nihon japan | zhongguo china | misr egypt | dimashq damascus | alquds jerusalem |
tehran teheran | beijing peiping | pyongyang pjongjang | kathmandu katmandu
"""
EXONYMS = {
    local: english
    for pair in _EXONYM_PAIRS.replace("\n", " ").split("|")
    for local, english in [pair.split()]
}
"""A place in its own language (or an older or other spelling) -> its English name: one
place, not a misspelled name."""


def _place(text: str) -> str:
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if ch.isalpha())
    return EXONYMS.get(letters, letters)


def _acronym(word: str) -> bool:
    letters = "".join(ch for ch in word if ch.isalpha())
    return 1 < len(letters) <= 5 and letters.isupper()


def _title(word: str) -> bool:
    return _letters(word) in GENERIC or _acronym(word)


def _word_pair_alike(a: str, b: str) -> bool:
    la, lb = _letters(a), _letters(b)
    return (
        la == lb
        or _place(a) == _place(b)
        or la in GENERIC
        or lb in GENERIC
        or _acronym(a)
        or _acronym(b)
        or demonym(a, b)
        or _vowel_variant(a, b)
    )


def one_name(a: str, b: str) -> bool:
    """Two runs of capitalised words that are one name (or no name at all) written two ways."""
    if _letters(a) == _letters(b) or _place(a) == _place(b):
        return True
    a, b = _unglued(a), _unglued(b)
    if _letters(a) == _letters(b):
        return True
    if fuzz.ratio(a.casefold(), b.casefold()) < SIMILARITY:
        return True  # alike only in the glued words ('Texas-based' / 'Houston-based')
    # Titles, institutions and acronyms aside, the names must be alike word by word.
    words_a = [w for w in a.split() if not _title(w)]
    words_b = [w for w in b.split() if not _title(w)]
    if not words_a or not words_b:
        return True  # 'Survey' / 'Service', 'Ministry' / 'Minstry', 'CEO' / 'COO'
    if _letters(" ".join(words_a)) == _letters(" ".join(words_b)):
        return True  # 'Al Udeid Air' / 'Al-Udeid'
    letters_a = set(_WORD.findall(" ".join(words_a).casefold()))
    letters_b = set(_WORD.findall(" ".join(words_b).casefold()))
    if letters_a <= letters_b or letters_b <= letters_a:
        return True  # 'Koizumi' / 'Shinjiro Koizumi', 'Japanese' / 'Jiji Press)--Japanese'
    if len(words_a) == len(words_b):
        return all(_word_pair_alike(x, y) for x, y in zip(words_a, words_b, strict=True))
    a, b = " ".join(words_a), " ".join(words_b)
    return demonym(a, b) or _vowel_variant(a, b)
