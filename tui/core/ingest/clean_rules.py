"""What a junk line looks like: the patterns and word lists behind `core.ingest.clean`.

`line_reason` judges one display-safe line on its own (credit lines, captions, read-time and date
lines, widgets, paywall and promotion prompts, bylines); the word lists also serve `core.ingest.clean`'s
judgements in context (list labels, stopwords, quotes). Patterns describe the shape of a line, not
one site's strings; tests/fixtures/clean/ holds the seeds and two invented layouts they must fit.

Captions, paywall prompts and dates are searched anywhere in a line, which costs ~15-40 us per
line in regex alternations. Each is first gated by a plain substring test that any match needs, so
a 10 MB import spends its time on lines that could match, with the same verdicts.
"""

from __future__ import annotations

import re
from datetime import date

_AGENCY = (
    r"(?:AFP|AP|Reuters|EFE|EPA(?:-EFE)?|dpa|ANSA|Xinhua|Kyodo(?: News)?|Jiji(?: Press)?|Yonhap"
    r"|TASS|Anadolu(?: Agency)?|AA|PA(?: Media)?|UPI|Bloomberg|IANS|PTI|WAFA|Getty Images"
    r"|Shutterstock|Associated Press|Agence France-Presse)"
)
_CREDIT = re.compile(
    rf"^(?:[/©|]\s*)?{_AGENCY}(?:\s*[/|,]\s*{_AGENCY})*$"
    r"|^(?:source|sources|photo|photos|image source|image|credit|picture|copyright)\s*[:,]\s*"
    r"\S.{0,60}$"
    r"|^[A-Z][\w.'-]*(?: [\w.'-]+){0,3}--[A-Z][A-Za-z]{1,5}$"  # AFP-style signature 'P.Serra--PC'
    r"|^[a-z]{2,4}(?:[-/][a-z]{2,5})+$"  # agency desk initials 'kaf-ami/pbt'
    r"|^(?:additional reporting by .{2,60}"
    r"|.{2,60} contributed (?:to )?(?:this )?report(?:ing)?\.?)$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:image caption|caption|photo|photograph|picture)\s*[:,]"
    r"|\S\s+[/|]\s*(?:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,2}$"
    r"|\((?:photo|image|picture|credit)\b[^)]*\)\s*$"
    r"|Photograph:\s*\S.*$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^Related(?=[A-Z:|\-\u2013\u2014]|\s*$)"  # 'Related', 'Related:', 'RelatedTRT World - ...'
    r"|^Related\s+(?i:articles?|stories|news|content|coverage|topics|links|reading|posts)\b"
    r"|^(?i:read more|read also|also read|see also|more on this story)\s*[:\-\u2013\u2014]"
)
_READ_TIME = re.compile(
    r"^(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minutes?)(?:\s+(?:read|listen))?$", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_DATE_FORMS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b", re.I),
)
_STAMP = re.compile(
    r"^(?:published|updated|posted|last updated|first published)\b"
    r"|^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$",
    re.I,
)
_COVERAGE = re.compile(
    r"^\d[\d,.]*\s*k?\s+(?:articles|sources|outlets|stories)$"
    r"|^\W*\d+%\s+of\s+(?:the\s+)?(?:sources|outlets|coverage)\b",
    re.I,
)
_COUNTER = re.compile(r"^\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|views?|likes?|reactions?)$", re.I)
_PAYWALL = re.compile(
    r"\b(?:upgrade to (?:premium|pro|plus|unlimited|a (?:paid|premium|digital)\b)"
    r"|subscribe (?:now|today|to (?:read|continue|unlock|keep))|subscribers? only"
    r"|already a subscriber|(?:article|content) is (?:for|available to|reserved for) (?:paying )?"
    r"(?:subscribers|members)|to (?:view|read|continue|unlock)\b.{0,60}"
    r"\b(?:please (?:upgrade|subscribe|sign in|log in)|premium|membership))",
    re.I,
)
_PROMOTION = re.compile(
    r"^(?:sign up|subscribe|register|download|get|follow us|join)\b.{0,120}"
    r"\b(?:newsletters?|our app|the app|briefing|whatsapp channel|on (?:x|twitter|facebook"
    r"|instagram|telegram|youtube))\b",
    re.I,
)
# Only in the page header, before the story starts: 'Maria López in Santiago', 'BBC News, Osaka'.
HEADER_BYLINE = re.compile(
    r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3} in [A-Z][\w'. -]+$"
    r"|^[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,3}, [A-Z][\w'. -]+$"
)
# 'By Kenji Sato', 'By Kenji Sato and Mia Lee', 'By Daily Herald staff', 'By our correspondent'.
_BYLINE = re.compile(
    r"^By\s+(?:(?:the|our|an?)\s+)?(?:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}"
    r"(?:\s+(?:staff|reporters?|correspondents?|writers?|editors?|desk|team|newsroom)"
    r"(?:\s+(?:writers?|reporters?))?)?"
    r"|(?:staff|reporters?|correspondents?|writers?|editors?|desk|team|newsroom)"
    r"(?:\s+(?:writers?|reporters?))?)"
    r"(?:\s*(?:,|and|&|in)\s.*)?$"
)
# Share buttons by their shape, whatever the network: 'Share on Twitter', 'Share via Email',
# 'Share this story on WhatsApp', 'Post to LinkedIn'. At most two words name the network.
_SHARE_BUTTON = re.compile(
    r"^(?:share|post|send|tweet|pin|email)(?:\s+(?:this|the|it))?"
    r"(?:\s+(?:article|story|page|post|link|video))?"
    r"\s+(?:on|to|via|with|by)\s+[\w.+&'-]+(?:\s+[\w.+&'-]+)?$",
    re.I,
)


def _phrases(joined: str) -> frozenset[str]:
    return frozenset(joined.split("|"))


_BULLET_ONLY = re.compile(r"^[-\u2013\u2014\u2022*\u00b7\u25aa\u25cf>]+$")
LIST_LABELS = _phrases(
    "explore|related|related stories|related articles|more on this story|more stories|read more"
    "|most read|most viewed|most popular|popular|trending|top stories|latest|latest news"
    "|you may also like|you might also like|also read|see also|recommended|editors picks"
    "|more from|further reading|in other news|more news|what to read next"
)
_WIDGETS = LIST_LABELS | _phrases(
    "share|share this|share this article|share on facebook|share on x|save|saved|copy link|print"
    "|email|comments|comment|advertisement|advert|sponsored|sponsored content|help us improve"
    "|was this article helpful|give feedback|feedback|follow us|listen|listen to this article"
    "|watch|play video|skip to content|skip advert|close|menu|home|newsletter|sign up|subscribe"
    "|log in|sign in|back to top|tags|topics|facebook|twitter|x|whatsapp|linkedin|telegram"
    "|reddit|cookie settings|accept all cookies|coverage details|bias distribution|factuality"
    "|blindspot|similar news topics|ownership|media bias"
    # consent buttons: they carry no cookie word, so `consent_anchors` cannot see them
    "|manage preferences|manage cookies|manage settings|cookie preferences|privacy settings"
    "|accept|accept all|reject all|decline|i agree|agree|got it|ok got it"
)
# A consent notice is short and made of these words, one of them an anchor: 'This website uses
# cookies.', 'We use cookies to improve your experience. By continuing you accept our cookie
# policy.' An article about cookie law uses the anchors amid other words (see `core.ingest.clean`).
CONSENT_ANCHORS = _phrases("cookie|cookies|consent|gdpr")
_CONSENT_WORDS = CONSENT_ANCHORS | _phrases(
    "website|websites|site|sites|uses|use|using|used|you|your|our|improve|experience|browsing"
    "|browse|continuing|continue|accept|accepting|accepted|agree|agreeing|policy|privacy"
    "|preferences|manage|settings|personalise|personalize|personalised|personalized|content|ads"
    "|advertising|analytics|partners|store|stored|information|device|choices|choice|learn|find"
    "|visit|visiting|traffic|measure|serve|deliver|provide|best|possible|technologies|similar"
    "|tracking|third|party|necessary|essential|functional|enable|options|usage|statement"
    "|notice|details|read|here|click|clicking|button|reject|all|any|time|withdraw|change|analyse"
    "|analyze|analyses|social|media|features"
)
_CONSENT_MAX_WORDS = 40
_CONSENT_SHARE = 0.75
_COVERAGE_WORDS = _phrases("coverage details|bias distribution|factuality|blindspot")
STOPWORDS = _phrases(
    "the|and|for|with|from|that|this|have|has|had|was|were|are|will|would|into|over|after|about"
    "|their|they|them|then|than|also|been|its|his|her|our|out|not|but|who|what|when|where|which"
    "|while|amid|said|says|can|could|may|might|more|most|new|one|two"
)
_SENTENCE_END = ".!?:;,\u2026"
CLOSING = "\"'\u201d\u2019)]\u00bb"
OPENING = "\"'\u201c\u2018([\u00ab"


def line_reason(text: str) -> tuple[str | None, str | None]:
    """The junk reason a line has on its own (or None), and the ISO date it states, if any."""
    plain = text.strip()
    folded = re.sub(r"[^\w%&' ]+", " ", plain.lower()).strip()
    folded = re.sub(r"\s+", " ", folded.replace("'", ""))
    hints = _hint_text(plain)
    words = len(plain.split())
    if _BULLET_ONLY.match(plain):
        return "bullet marker", None
    if words <= 8 and _CREDIT.match(plain):
        return "credit line", None
    if (
        words >= 4
        and _may_be_caption(plain, hints)
        and _CAPTION.search(plain)
        and not _ends_sentence_inside_quote(plain)
    ):
        return "photo caption", None
    if _RELATED.match(plain) and (words <= 25):
        return "related link", None
    stated = stated_date(plain) if words <= 10 else None  # longer lines are never date lines
    if _STAMP.match(plain) and words <= 10 or stated and words <= 7 and _leftover_words(plain) <= 4:
        return "date line", stated
    if _READ_TIME.match(plain):
        return "read time", None
    if _COVERAGE.match(plain) or folded in _COVERAGE_WORDS:
        return "coverage widget", None
    if words <= 25 and any(hint in hints for hint in _PAYWALL_HINTS) and _PAYWALL.search(plain):
        return "paywall", None
    if _PROMOTION.match(plain) and words <= 30:
        return "promotion", None
    if folded in _WIDGETS or _COUNTER.match(plain) or words <= 8 and _SHARE_BUTTON.match(plain):
        return "page widget", None
    if words <= 10 and _BYLINE.match(plain) and plain[-1] not in _SENTENCE_END:
        return "byline", None
    return None, None


def consent_anchors(text: str) -> set[str]:
    """The cookie/consent words of a line that reads as a consent notice, else an empty set.

    Consent notices differ in wording from site to site but not in vocabulary: a short line whose
    words (three letters and more, stopwords aside) are nearly all consent words, one of them an
    anchor. The caller decides with the article: if its own prose uses the anchors, the line may
    be part of the story.
    """
    lowered = text.lower()
    # Every anchor holds one of these: most lines skip the word count below on a substring test.
    if not ("cookie" in lowered or "consent" in lowered or "gdpr" in lowered):
        return set()
    if len(text.split()) > _CONSENT_MAX_WORDS:
        return set()
    words = [w for w in re.findall(r"[a-z]+", lowered) if len(w) >= 3 and w not in STOPWORDS]
    anchors = {w for w in words if w in CONSENT_ANCHORS}
    if not anchors or sum(w in _CONSENT_WORDS for w in words) < _CONSENT_SHARE * len(words):
        return set()
    return anchors


def stated_date(text: str) -> str | None:
    """The first valid date the text states, as an ISO string ('12 March 2025' -> '2025-03-12')."""
    if not _FOUR_DIGITS.search(text):  # every date form holds a year
        return None
    for form in _DATE_FORMS:
        match = form.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else None
        if month is None:
            month = _MONTHS.index(parts["month"].lower()[:3]) + 1
        try:
            return date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            continue
    return None


# Lowercased text for substring gates. re.IGNORECASE also lets four non-ASCII letters match 'i',
# 's' and 'k' (found by testing every code point): U+0131 and U+017F are folded here, U+0130
# lowercases to 'i' plus a combining dot, U+212A to 'k'. (str.replace: translate is ~50x slower.)
_FOUR_DIGITS = re.compile(r"\d{4}")
# Every _PAYWALL alternative holds one of these.
_PAYWALL_HINTS = ("upgrade to", "subscri", "members", "premium", "please")


def _hint_text(text: str) -> str:
    return text.lower().replace("\u0131", "i").replace("\u017f", "s").replace("i\u0307", "i")


def _may_be_caption(text: str, hints: str) -> bool:
    """Whether any _CAPTION alternative could match: each needs one of these."""
    return (
        "/" in text
        or "|" in text
        or "(" in text
        or "caption" in hints
        or "photo" in hints
        or "picture" in hints
    )


def _ends_sentence_inside_quote(text: str) -> bool:
    """A quoted sentence such as '"... alliance.'"' is text, never a caption."""
    return text[-1] in CLOSING and len(text) > 1 and text[-2] in ".!?"


def _leftover_words(text: str) -> int:
    for form in _DATE_FORMS:
        text = form.sub(" ", text)
    return len(re.findall(r"[A-Za-z]{2,}", text))
