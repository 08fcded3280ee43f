"""What a junk line looks like: the patterns and word lists behind `core.ingest.clean`.

`line_reason` judges one display-safe line on its own (credit lines, captions, read-time and date
lines, widgets, paywall and promotion prompts, comment forms, update notices, site notices,
embedded posts, breadcrumbs, bylines); the word lists and shape predicates also serve
`core.ingest.clean`'s judgements in context (list labels, stopwords, quotes). Patterns describe the
shape of a line, not one site's strings; tests/fixtures/clean/ holds the seeds and two invented
layouts they must fit, tests/test_clean_real_pages.py the lines of real pages they were written
from.

Captions, paywall prompts and dates are searched anywhere in a line, which costs ~15-40 us per
line in regex alternations. Each is first gated by a plain substring test that any match needs, so
a 10 MB import spends its time on lines that could match, with the same verdicts.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import utils


def _phrases(joined: str) -> frozenset[str]:
    return frozenset(joined.split("|"))


_AGENCY = (
    r"(?:AFP|AP|Reuters|EFE|EPA(?:-EFE)?|dpa|ANSA|Xinhua|Kyodo(?: News)?|Jiji(?: Press)?|Yonhap"
    r"|TASS|Anadolu(?: Agency)?|AA|PA(?: Media)?|UPI|Bloomberg|IANS|PTI|WAFA|Getty Images"
    r"|Shutterstock|Associated Press|Agence France-Presse|Agencies|News Agencies)"
)
_AGENCIES = rf"{_AGENCY}(?:\s*[/|,]\s*{_AGENCY})*"
_CREDIT = re.compile(
    rf"^(?:[/©|\-\u2013\u2014]\s*)?\(?\s*{_AGENCIES}\s*\)?$"  # 'AFP', '(Reuters)', '- AP'
    r"|^(?:source|sources|photo|photos|image source|image|credit|credits|picture|copyright"
    r"|photo credit|image credit|credited from|courtesy|editor|editors|edited by|producer"
    r"|produced by|reporter|reporting|reported by|writer|written by|compiled by|translated by"
    r"|posted by|published by|story by|inputs from|with inputs from|via|h/t|hat tip)"
    r"\s*[:,\uff1a]\s*\S.{0,60}$"
    r"|^[A-Z][\w.'-]*(?: [\w.'-]+){0,3}--[A-Z][A-Za-z]{1,5}$"  # AFP-style signature 'P.Serra--PC'
    # agency desk initials, with the agencies a report drew on: 'kaf-ami/pbt', 'mkg/hc (AFP, AP)'
    rf"|^[a-z]{{2,4}}(?:[-/][a-z]{{2,5}})+(?:\s*\(\s*{_AGENCY}(?:\s*,\s*{_AGENCY})*\s*\))?$"
    r"|^[\W_]*with (?:files|reporting|inputs) from\b.{2,60}$"  # '- With files from Reuters'
    r"|^[\W_]*with (?:agency|agencies) inputs\W*$"
    r"|^(?:additional reporting by .{2,60}"
    r"|.{2,60} contributed (?:to )?(?:this )?report(?:ing)?\.?)$",
    re.IGNORECASE,
)
# Staff credits at the foot of a wire story: '(Reporting by Ju-min Park; Editing by Ed Davies)',
# '-*Writing by Islamuddin Sajid', 'Writing by X in Seoul, additional reporting by Y'. After the
# opening role, only names and credit words may follow (`_is_staff_credit`), so a sentence such as
# 'Reporting by the BBC found that...' stays.
_STAFF_CREDIT = re.compile(
    r"^[\W_]*(?:additional\s+)?(?:reporting|reported|writing|written|editing|edited|compiled"
    r"|produced|translated|translation|research|graphics|photos?|photography|images?|video"
    r"|fact-checking|posted|story|text)"
    r"(?:\s+and\s+\w+)?\s+by\s+\S",
    re.IGNORECASE,
)
_CREDIT_WORDS = _phrases(
    "by|and|in|at|from|for|of|the|with|via|additional|reporting|writing|written|editing|edited"
    "|compiled|produced|translated|translation|research|graphics|photo|photos|photography|image"
    "|images|video|fact|checking|fact-checking|reported|posted|story|text|admin|staff|desk"
    "|de|da|del|di|van|von|der|al|el|bin|la|le|du|dos"
    "|das|y|e"
)
_CAPTION = re.compile(
    r"^(?:image caption|caption|photo|photograph|picture)\s*[:,]"
    r"|\S\s+[/|]\s*(?:[A-Z][\w.&-]*)(?:\s+[A-Z][\w.&-]*){0,2}$"
    r"|\((?:photo|image|picture|credit)\b[^)]*\)\s*$"
    r"|Photograph:\s*\S.*$",
    re.IGNORECASE,
)
# The wire agencies' own caption openings: 'This photo taken on June 19, 2023 shows ...',
# 'Aerial photo taken on ... shows', 'In this image provided by ...', 'A file photo of ...'. A
# sentence such as 'A photo taken by a witness shows the gunman' is the story's: it has no
# 'This', and no 'taken on'.
_PICTURE = r"(?:photo|picture|image|photograph|screenshot|screen grab|video grab)"
_CAPTION_OPENING = re.compile(
    rf"(?:this\s+)?(?:[\w-]+\s+){{0,2}}{_PICTURE}\s+taken\s+(?:on|in)\b.{{0,160}}\bshows?\b"
    rf"|this\s+(?:[\w-]+\s+){{0,2}}{_PICTURE}\s+(?:[\w-]+\s+){{0,3}}(?:taken|shot|captured"
    r"|released|provided|made|posted|obtained)\b.{0,160}\bshows?\b"
    rf"|in this (?:[\w-]+\s+){{0,2}}{_PICTURE}\b"
    rf"|(?:an? )?file {_PICTURE} (?:of|shows)\b",
    re.IGNORECASE,
)
# A credit in brackets closing a caption: '(AP Photo/Richard Drew, File)', '[Photo/Xinhua]',
# '(AFP/Getty Images)', '(Xinhua/Wang Shen)'. Searched in the line's last `_TAIL_CHARS` only.
_TRAILING_CREDIT = re.compile(
    r"[(\[][^()\[\]]{0,40}\b(?:photos?|image|picture|file)\b[^()\[\]]{0,40}[)\]]\s*$"
    # '... | Photo Credit: Reuters', '... Photo: AFP'
    r"|(?:^|[|/.]\s*|\s)(?:photo|image|picture|pic|photograph)s?(?:\s+credit)?\s*:\s*[^:.|/]{1,50}$"
    rf"|[(\[]\s*{_AGENCY}\s*(?:/|\bvia\b)[^()\[\]]{{1,50}}[)\]]\s*$",
    re.IGNORECASE,
)
_TAIL_CHARS = 120
# A photographer and an agency after a bar closing a caption: 'Tyson Fury vs Oleksandr Usyk |
# Mark Robinson/Matchroom Boxing'.
_BARRED_CREDIT = re.compile(
    r"\S\s*\|\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"  # the photographer
    r"\s*/\s*[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}$"  # the agency
)
# A bare agency after a caption's last full stop: '... in Beersheba, Israel, on Tuesday. AP',
# '... on May 15, 2025. File/ AFP'. A sentence of the story never ends on a name outside it.
_BARE_TRAILING_CREDIT = re.compile(rf"[.!?]\s+(?:file\s*/\s*)?{_AGENCIES}\s*$", re.IGNORECASE)
# A picture's stand-in label: 'Representational Image', 'Image for representation only',
# 'AFP Photo', 'Reuters file photo', 'File photo', 'Photo: Reuters'.
_PICTURE_LABEL = re.compile(
    r"^[(\[]?(?:representa\w*|illustrative|file|stock)\s+(?:image|photo|picture|pic)s?\b"
    r"|^[(\[]?(?:image|photo|picture|pic)s?\s+(?:used\s+)?(?:for|is)\s+(?:\w+\s+)?"
    r"(?:representa|illustra)"
    rf"|^[(\[]?(?:{_AGENCY}[\s/]+)?(?:file[\s/]+)?(?:photo|image|picture)s?[)\]]?$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^Related(?=[A-Z:|\-\u2013\u2014]|\s*$)"  # 'Related', 'Related:', 'RelatedTRT World - ...'
    r"|^(?i:related)\s*[:|\-\u2013\u2014]"  # 'RELATED: ...', 'related | ...'
    r"|^Related\s+(?i:articles?|stories|news|content|coverage|topics|links|reading|posts)\b"
    # a label and a separator: 'Read more: ...', 'Also Read | ...', 'Full coverage: ...'
    r"|^(?i:read more|read also|also read|read|also see|see also|more on this story|more on this"
    r"|full coverage|more coverage|related coverage|must read|don't miss|do not miss"
    r"|recommended(?: reading| stories)?|suggested(?: reading| stories)?|further reading"
    r"|you may also like|you might also like|also on|more from|top stories|trending(?: now)?"
    r"|latest news|read next|up next|what to read next|also watch|must watch|also listen"
    r"|related video|related videos|more videos|more news|more stories)\s*[:|\-\u2013\u2014\u00bb>]"
)
# 'Click here for more stories ...', 'For more stories, click here', 'For the latest news, ...'
_CLICK_HERE = re.compile(
    r".{0,80}\b(?:click|tap) here\b|for (?:more|the latest|all the latest) (?:news|stories"
    r"|updates|articles|videos)\b",
    re.I,
)

_READ_TIME = re.compile(
    r"^(?:reading time:?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minutes?)(?:\s+(?:read|listen))?$", re.I
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)"
_DATE_FORMS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
)
_DIGITS_AND_BARS = frozenset("0123456789|([")  # how a `_NUMERIC_STAMP` line can start
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# A date (and time) in figures only: '08-04-2014 00:37 BJT', '2024/03/25 07:58', '25.03.2024'.
_NUMERIC_STAMP = re.compile(
    r"^(?:[|(\[]\s*)?\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}|\s+(?:GMT|UTC)[+-]\d+)?)?"
    r"\W*$",
    re.I,
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
# Comment sections and reaction widgets, in the words every blog engine and news site uses.
_COMMENTS = re.compile(
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a |your )?comments?|write a comment"
    r"|share your (?:thoughts|views|opinion|comments?)|tell us what you think"
    r"|let us know (?:what you think|in the comments)|comment on this (?:story|article)"
    r"|save my name, email|notify me of (?:follow-up comments|new posts)"
    r"|(?:name|email|comment)\s*\*$"
    r"|join the (?:conversation|discussion|debate)|comments? (?:are|is) (?:closed|disabled)"
    r"|be the first to comment|(?:show|view|load|see|read) (?:all )?(?:\d+ )?comments"
    r"|\d+ (?:thoughts|responses|replies|comments) (?:on|to)\b|cancel reply|have your say"
    r"|you must be logged in to (?:post|leave) a comment|what do you think\s*\?*$"
    r"|what(?:'s| is) your (?:reaction|opinion|view)\b"
    r"|how (?:are|do|did) you feel\w*\b.{0,40}\b(?:this|article|story|news|post)\s*\?*$)",
    re.I,
)
# What a site says about itself rather than the story: comment-form rules, copyright and
# disclaimer blurbs.
_SITE_NOTICE = re.compile(
    r"your email address will not be published|required fields are marked"
    r"|\ball rights reserved\b|^(?:copyright\s*)?\u00a9|^copyright\s+(?:\u00a9\s*)?\d{4}\b"
    r"|\b(?:may|must|shall) not be (?:\w+ ){0,2}(?:published|reproduced|republished|broadcast"
    r"|rewritten|redistributed|copied)\b"
    r"|\b(?:views|opinions)(?: and (?:views|opinions))? expressed (?:\w+ ){0,4}are (?:those of"
    r"|the|solely)\b|^disclaimer\s*:"
    # syndication notes: '(This story has not been edited by ... staff and is auto-generated from
    # a syndicated feed.)'
    r"|\b(?:auto-generated|generated|published) from (?:a |an )?(?:syndicated|wire|agency"
    r"|wire agency) feed\b|\bhas not been edited by\b"
    # 'This article was originally published on The Conversation.'
    r"|^this (?:article|story|piece|post|report) (?:was |is |has been )?(?:originally |first )?"
    r"(?:published|appeared|posted)\b",
    re.I,
)
# Every _SITE_NOTICE alternative holds one of these (searched in the lowercased line).
_SITE_NOTICE_HINT = re.compile(
    "email address|required fields|rights reserved|\u00a9|copyright|not be |expressed"
    "|disclaimer|published|appeared|posted| feed|edited by"
)
# The first words `_COMMENTS` and `_UPDATE_NOTICE` can start with (punctuation left out).
_COMMENT_OPENERS = _phrases(
    "leave|post|add|write|share|tell|let|comment|comments|save|notify|name|email|join|be|show"
    "|view|load|see|read|cancel|have|you|what|whats|how"
)
_UPDATE_OPENERS = _phrases("more|further|additional|this")
# 'This is breaking news. Please refresh for updates.', '(This is breaking news...please check
# back for updates)', '\u2022 This news is breaking: more to follow', 'This story will be updated.'
_BREAKING = re.compile(
    r"\b(?:breaking news|news is breaking|developing (?:news )?story|story is developing"
    r"|breaking story)\b",
    re.I,
)
_UPDATE_PROMISE = re.compile(
    r"\b(?:updates?|updated|to follow|check back|refresh|more details|details (?:will|to) come)\b",
    re.I,
)
# The promise alone: 'More details to follow.', 'This story will be updated.'
_UPDATE_NOTICE = re.compile(
    r"^\W*(?:more|further|additional) (?:details|information|updates) (?:to follow|to come"
    r"|soon)\W*$"
    r"|^\W*this (?:story|article|report|post|page|copy) (?:will be|is being|may be) updated\b",
    re.I,
)
# Embedded posts: a tweet's signature '\u2014 Name (@handle) June 19, 2024', its media link, and
# the frames other networks put around a post.
_POST_SIGNATURE = re.compile(
    rf"[\u2014\u2013-]\s*[^()\n]{{1,60}}\(@\w{{1,30}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*$", re.I
)
_SOCIAL_POST = re.compile(
    r"pic\.twitter\.com/\w+|\bhttps?://t\.co/\w+|\b(?:twitter|x)\.com/\w+/status/\d+"
    rf"|{_POST_SIGNATURE.pattern}"
    r"|^a post shared by\b|^view this post on (?:instagram|facebook|tiktok)\b"
    r"|^(?:view|see) this post on (?:instagram|facebook|x|twitter|tiktok|threads)\b",
    re.I,
)
_SOCIAL_HINT = re.compile(r"twitter\.com|t\.co/|x\.com/|\(@|post shared by|this post on")
# Menus in one line: breadcrumbs 'Homepage > News', 'World \u00bb Asia \u00bb Nepal'.
_CRUMB_SEPARATOR = re.compile(r"\s+[>\u00bb\u203a]\s+")
_CRUMB_HINT = re.compile(r"[>\u00bb\u203a]")
# Every alternative of _SITE_NOTICE, _SOCIAL_POST, a breadcrumb and _CLICK_HERE holds one of these
# (in the lowercased line). Plain substring tests: one regex alternation of them costs ~4x more.
_RARE_HINTS = (
    "email address", "required fields", "rights reserved", "\u00a9", "copyright", "not be ",
    "expressed", "disclaimer", "published", "appeared", "posted", " feed", "edited by",
    "twitter.com", "t.co/",
    "x.com/", "(@", "post shared by", "this post on", ">", "\u00bb", "\u203a", "click here",
    "tap here", "for more ", "for the latest", "for all the latest",
)  # fmt: skip
_COUNTER = re.compile(
    r"^\d[\d,.]*\s*[km]?\s+(?:comments?|shares?|views?|likes?|reactions?|reads?)$"
    r"|^(?:views?|reads?|hits|count|comments?|shares?)\s*:\s*\d[\d,.]*\s*[km]?$",
    re.I,
)
# A line of tags or topics: 'Tags: Iran, Qatar, US', 'Filed under: World'.
_TAGS = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*:", re.I)
_PAYWALL = re.compile(
    r"\b(?:upgrade to (?:premium|pro|plus|unlimited|a (?:paid|premium|digital)\b)"
    r"|subscribe (?:now|today|to (?:read|continue|unlock|keep))|subscribers? only"
    r"|already a subscriber|(?:article|content) is (?:for|available to|reserved for) (?:paying )?"
    r"(?:subscribers|members)|to (?:view|read|continue|unlock)\b.{0,60}"
    r"\b(?:please (?:upgrade|subscribe|sign in|log in)|premium|membership))",
    re.I,
)
_PROMOTION = re.compile(
    r"^(?:sign up|subscribe|register|download|get|follow us|join|catch all the)\b.{0,120}"
    r"\b(?:newsletters?|app|apps|briefing|whatsapp channel|inbox|on (?:x|twitter|facebook"
    r"|instagram|telegram|youtube|linkedin|tiktok|threads|whatsapp|google news|bluesky))\b",
    re.I,
)
# A dateline left on a line of its own: 'NEW DELHI:', 'KATHMANDU \u2014'.
_DATELINE = re.compile(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}\s*[:,\u2014\u2013-]$")
_DATELINE_ENDS = ":,\u2014\u2013-"
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
    # account and media buttons
    "|login|log out|logout|register|sign out|my account|follow|following|unfollow|video|videos"
    "|photos|photo gallery|gallery|audio|podcast|report an error|report a correction|print this"
    "|print this page|print article|email this|share article|share story|share this page"
    "|continue reading|show more|see more|load more|view more|next article|previous article"
    "|story continues below|story continues below advertisement|article continues below"
    "|skip to main content|skip to navigation|skip to content|privacy policy|terms of use"
    "|terms of service|terms and conditions|contact us|about us|advertise with us|more|next"
    "|previous|live tv|watch live|text size|font size|epaper|e paper|bookmark|like|reactions"
    "|notifications|search|image title|image caption"
    "|continue reading below|advertisement scroll to continue|scroll to continue with content"
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
    if "#" in plain and _is_hashtag_line(plain):
        return "hashtags", None
    if (
        words <= 8
        and _CREDIT.match(plain)
        or words <= 30
        and " by" in hints
        and _is_staff_credit(plain)
    ):
        return "credit line", None
    if (
        words <= 6
        and ("pic" in hints or "photo" in hints or "image" in hints)
        and _PICTURE_LABEL.match(plain)
    ):
        return "photo caption", None
    if (
        words >= 4
        and _may_be_caption(plain, hints)
        and (
            _CAPTION.search(plain)
            or _CAPTION_OPENING.match(plain)
            or _TRAILING_CREDIT.search(plain[-_TAIL_CHARS:])
        )
        and not _ends_sentence_inside_quote(plain)
    ):
        return "photo caption", None
    if words >= 4 and _BARE_TRAILING_CREDIT.search(plain[-_TAIL_CHARS:]):
        return "photo caption", None
    if "|" in plain and words <= 30 and _BARRED_CREDIT.search(plain[-_TAIL_CHARS:]):
        return "photo caption", None
    if _RELATED.match(plain) and (words <= 25):
        return "related link", None
    if "(@" in plain and _POST_SIGNATURE.search(plain):  # signed with a date: not a date line
        return "social post", None
    stated = stated_date(plain) if words <= 16 else None  # longer lines are never date lines
    if (
        _STAMP.match(plain)
        and (words <= 10 or words <= 16 and (stated or _CLOCK.search(plain)))
        or stated
        and words <= 7
        and _leftover_words(plain) <= 4
        or words <= 6
        and plain[:1] in _DIGITS_AND_BARS
        and _NUMERIC_STAMP.match(plain)
    ):
        return "date line", stated
    if _READ_TIME.match(plain):
        return "read time", None
    if _COVERAGE.match(plain) or folded in _COVERAGE_WORDS:
        return "coverage widget", None
    if words <= 25 and any(hint in hints for hint in _PAYWALL_HINTS) and _PAYWALL.search(plain):
        return "paywall", None
    if _PROMOTION.match(plain) and words <= 30:
        return "promotion", None
    notice = _notice(plain, hints, folded.partition(" ")[0]) if words <= 20 else None
    if notice:
        return notice, None
    if folded in _WIDGETS or _COUNTER.match(plain) or words <= 8 and _SHARE_BUTTON.match(plain):
        return "page widget", None
    # a one-word line can only be a link ('pic.twitter.com/...') or a credit ('\u00a9Reuters')
    if (
        words <= 80
        and (words > 1 or "/" in plain or "\u00a9" in plain)
        and _has_any(hints, _RARE_HINTS)
    ):
        rare = _rare_reason(plain, hints, words)
        if rare:
            return rare, None
    if words <= 25 and ":" in plain and _TAGS.match(plain):
        return "navigation", None
    if words <= 10 and _BYLINE.match(plain) and plain[-1] not in _SENTENCE_END:
        return "byline", None
    if words <= 3 and plain[-1:] in _DATELINE_ENDS and _DATELINE.match(plain):
        return "date line", None
    return None, None


def _is_hashtag_line(text: str) -> bool:
    """'#bodies #recovered #wreckage #crashed': a line of two or more hashtags and little else."""
    words = text.split()
    tags = sum(1 for word in words if word.startswith("#") and len(word) > 1)
    return tags >= 2 and tags >= 0.6 * len(words)


def _has_any(text: str, parts: tuple[str, ...]) -> bool:
    # A plain loop: ~40% faster than any() over a generator, and this runs on every line.
    for part in parts:  # noqa: SIM110
        if part in text:
            return True
    return False


def _rare_reason(text: str, hints: str, words: int) -> str | None:
    """Site notices, embedded posts, breadcrumbs and 'Click here' links: rare shapes that one
    substring search (`_RARE_HINT`) lets most lines skip."""
    if words <= 40 and _SITE_NOTICE_HINT.search(hints) and _SITE_NOTICE.search(text):
        return "site notice"
    if _SOCIAL_HINT.search(hints) and _SOCIAL_POST.search(text):
        return "social post"
    if words <= 16 and _CRUMB_HINT.search(text) and _is_breadcrumb(text):
        return "navigation"
    if words <= 25 and _CLICK_HERE.match(text):
        return "related link"
    return None


def _notice(text: str, hints: str, first: str) -> str | None:
    """'comment form' for a comment-section invitation, 'update notice' for 'breaking news,
    check back for updates', else None. `first` is the line's first word, lowercased: most lines
    skip the anchored patterns on it."""
    if (first in _COMMENT_OPENERS or first[:1].isdigit()) and _COMMENTS.match(text):
        return "comment form"
    if (
        first in _UPDATE_OPENERS
        and _UPDATE_NOTICE.match(text)
        or (
            ("breaking" in hints or "developing" in hints)
            and _BREAKING.search(text)
            and _UPDATE_PROMISE.search(text)
        )
    ):
        return "update notice"
    return None


def _is_staff_credit(text: str) -> bool:
    """'(Reporting by Ju-min Park; Editing by Ed Davies)': a role, then only names and roles."""
    if not _STAFF_CREDIT.match(text):
        return False
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", text)
    return all(word[0].isupper() or word.lower() in _CREDIT_WORDS for word in words)


def _is_breadcrumb(text: str) -> bool:
    """'Homepage > News', 'World \u00bb Asia \u00bb Nepal': short capitalised steps, no sentence."""
    steps = _CRUMB_SEPARATOR.split(text)
    return len(steps) >= 2 and all(
        1 <= len(step.split()) <= 4 and step[:1].isupper() and step[-1] not in _SENTENCE_END
        for step in steps
    )


def is_post_signature(text: str) -> bool:
    """'\u2014 Jane Doe (@janedoe) June 19, 2024' alone on its line: the post it signs is the line
    above."""
    return _POST_SIGNATURE.match(text.strip()) is not None


def is_prose(text: str) -> bool:
    """Running text: a long line that ends a sentence (possibly inside closing quotes)."""
    return len(text.split()) >= 12 and text.rstrip(CLOSING)[-1:] in ".!?:"


def is_short_unpunctuated(text: str, *, max_words: int) -> bool:
    """At most `max_words` words and no closing punctuation but '!' or '?': a headline, a label."""
    bare = text.strip(OPENING + CLOSING + " ")
    return 0 < len(bare.split()) <= max_words and bare[-1:] not in ".:;,\u2026"


def content_words(text: str) -> list[str]:
    """The words that carry a line's topic: three letters and more, stopwords left out."""
    words = utils.default_process(text).split()
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS]


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
        or "[" in text
        or "caption" in hints
        or "photo" in hints
        or "picture" in hints
        or "image" in hints
        or "screen" in hints
        or "grab" in hints
    )


def _ends_sentence_inside_quote(text: str) -> bool:
    """A quoted sentence such as '"... alliance.'"' is text, never a caption."""
    return text[-1] in CLOSING and len(text) > 1 and text[-2] in ".!?"


def _leftover_words(text: str) -> int:
    for form in _DATE_FORMS:
        text = form.sub(" ", text)
    return len(re.findall(r"[A-Za-z]{2,}", text))
