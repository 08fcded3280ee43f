"""Naming the outlet that published an article, from the best evidence at hand.

The evidence, best first: what the user says (`override`), what an import manifest says, the URL
the page came from, cues inside the text, and at last the file name. Cues in the text are weak and
specific: a lede that opens with the outlet's name ('SadaNews - Tokyo and ...'), a 'Related' link
that names the site ('RelatedTRT World - ...'), an agency signature whose suffix names the site
('P.Serra--PC' is Portugal Colonial). A wire credit such as 'SOURCE:AFP' says whose copy it is,
not who published it: `wire_credit` reports it separately.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from tui.core.text.safe_text import safe_name

UNKNOWN_OUTLET = "Unknown outlet"

KNOWN_DOMAINS: dict[str, str] = {
    "trtworld.com": "TRT World",
    "sadanews.ps": "SadaNews",
    "ground.news": "Ground News",
    "crbcnews.com": "CRBC News",
    "portugalcolonial.pt": "Portugal Colonial",
    "afp.com": "AFP",
    "apnews.com": "AP",
    "reuters.com": "Reuters",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "cnn.com": "CNN",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "aljazeera.com": "Al Jazeera",
    "france24.com": "France 24",
    "dw.com": "DW",
    "japantimes.co.jp": "The Japan Times",
    "nhk.or.jp": "NHK",
    "kyodonews.net": "Kyodo News",
    "asahi.com": "The Asahi Shimbun",
    "mainichi.jp": "The Mainichi",
    "yomiuri.co.jp": "The Yomiuri Shimbun",
    "scmp.com": "South China Morning Post",
    "globaltimes.cn": "Global Times",
    "xinhuanet.com": "Xinhua",
    "yna.co.kr": "Yonhap",
    "aa.com.tr": "Anadolu Agency",
    "bloomberg.com": "Bloomberg",
    "ft.com": "Financial Times",
    "wsj.com": "The Wall Street Journal",
    "politico.com": "Politico",
    "npr.org": "NPR",
    "foxnews.com": "Fox News",
    "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News",
    "abcnews.go.com": "ABC News",
    "usatoday.com": "USA Today",
    "barrons.com": "Barron's",
    "yahoo.com": "Yahoo",
}
"""Registrable domain -> the name the outlet uses for itself."""

CREDIT_SUFFIXES: dict[str, str] = {"PC": "Portugal Colonial"}
"""Site codes after '--' in AFP-syndicated signatures ('P.Serra--PC')."""

WIRE_AGENCIES: dict[str, str] = {
    "afp": "AFP", "agence france-presse": "AFP", "ap": "AP", "associated press": "AP",
    "reuters": "Reuters", "efe": "EFE", "dpa": "dpa", "ansa": "ANSA", "xinhua": "Xinhua",
    "kyodo": "Kyodo", "jiji": "Jiji Press", "jiji press": "Jiji Press", "yonhap": "Yonhap",
    "tass": "TASS", "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency", "aa": "AA",
    "upi": "UPI", "bloomberg": "Bloomberg", "ians": "IANS", "pti": "PTI", "wafa": "WAFA",
    "pa": "PA Media", "pa media": "PA Media",
}  # fmt: skip
"""Agency spellings in credits -> their usual short name."""

PAGE_FINGERPRINTS: dict[str, tuple[str, ...]] = {
    "Ground News": ("coverage details", "bias distribution"),
}
"""Widget lines that together identify a site's page layout (every line must be present)."""

# Two-level public suffixes under which the registrable domain has three labels.
_SECOND_LEVEL = frozenset(
    ("co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "or.jp",
     "ne.jp", "ac.jp", "go.jp", "co.nz", "co.za", "com.br", "com.tr", "org.tr", "com.cn",
     "com.hk", "com.sg", "com.my", "co.in", "co.kr", "go.kr", "co.il", "com.mx", "com.ar",
     "com.eg", "com.sa", "com.pk", "com.ng", "co.ke", "com.ph", "com.tw")
)  # fmt: skip
_KNOWN_NAMES = {name.lower(): name for name in KNOWN_DOMAINS.values()}
_KNOWN_LABELS = {
    # 'ground.news' -> 'groundnews': a first label that is an ordinary word would match too much.
    (domain.replace(".", "") if domain.endswith(".news") else domain.split(".")[0]): name
    for domain, name in KNOWN_DOMAINS.items()
}
_NEWSY_NAME = re.compile(
    r"^[A-Z][\w&.'\u2019]*(?: [A-Z][\w&.'\u2019]*){0,3}$"
)  # one to four capitalised words, the shape of a masthead
_NEWSY_WORD = re.compile(r"(?:News|Times|Post|Press|Daily|Herald|Tribune|Agency|TV|Radio|World)$")
_LEDE_PREFIX = re.compile(r"^(?P<name>[^\s-][^-\u2013\u2014]{1,40}?)\s+[-\u2013\u2014]\s+\S")
_RELATED_PREFIX = re.compile(
    r"^Related\s*(?P<name>[A-Z][^-\u2013\u2014]{1,40}?)\s+[-\u2013\u2014]\s"
)
_SIGNATURE = re.compile(r"^[A-Z][\w.'-]*(?: [\w.'-]+){0,3}--(?P<code>[A-Z][A-Za-z]{1,5})$")
_WIRE_SOURCE = re.compile(r"^(?:source|sources|copy)\s*[:-]\s*(?P<name>[A-Za-z .-]{2,30})$", re.I)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{1,40}\s*\((?P<name>[A-Za-z .-]{2,25})\)\s*[-\u2013\u2014:]"
)


def detect_outlet(
    raw: str,
    *,
    filename: str | None = None,
    url: str | None = None,
    manifest_outlet: str | None = None,
    override: str | None = None,
) -> str:
    """The outlet's readable name: override > manifest > URL > text cues > file name.

    Every name is display-safe (`core.text.safe_text`): escape sequences and control characters
    from a flag, a manifest, a URL, the text or a file name are removed, so a name made only of them
    counts as no evidence and the next source is asked.
    """
    for given in (override, manifest_outlet):
        if cleaned := safe_name(given):
            return cleaned
    named = safe_name((url and outlet_from_url(safe_name(url))) or outlet_from_text(raw))
    if named:
        return named
    if filename:
        return safe_name(outlet_from_filename(filename)) or UNKNOWN_OUTLET
    return UNKNOWN_OUTLET


def outlet_from_url(url: str) -> str | None:
    """'https://www.trtworld.com/a' -> 'TRT World'; an unknown site gives its registrable domain."""
    text = url.strip()
    if not text:
        return None
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or "." not in host:
        return None
    domain = registrable_domain(host)
    if domain in KNOWN_DOMAINS:
        return KNOWN_DOMAINS[domain]
    return KNOWN_DOMAINS.get(host.removeprefix("www."), domain)


def registrable_domain(host: str) -> str:
    """'news.example.co.uk' -> 'example.co.uk', 'www.trtworld.com' -> 'trtworld.com'."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_from_text(raw: str) -> str | None:
    """An outlet named by the text itself (lede prefix, 'Related' link, signature, widgets)."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    for line in lines:
        related = _RELATED_PREFIX.match(line)
        if related and _looks_like_outlet(related.group("name")):
            return _canonical(related.group("name"))
        signature = _SIGNATURE.match(line)
        if signature and signature.group("code") in CREDIT_SUFFIXES:
            return CREDIT_SUFFIXES[signature.group("code")]
    for line in lines[:12]:
        prefix = _LEDE_PREFIX.match(line)
        if prefix and len(line) > 80 and _looks_like_outlet(prefix.group("name")):
            return _canonical(prefix.group("name"))
    folded = {line.lower() for line in lines}
    for name, widgets in PAGE_FINGERPRINTS.items():
        if all(widget in folded for widget in widgets):
            return name
    return None


def outlet_from_filename(filename: str) -> str:
    """A name from a file name: a known site or domain in it, else the stem as it is."""
    stem = PurePath(filename).stem
    for token in re.split(r"[_\s]+|(?<=[a-z])-(?=[a-z])", stem.lower()):
        if token in _KNOWN_LABELS:
            return _KNOWN_LABELS[token]
        if "." in token and (named := outlet_from_url(token)):
            return named
    return stem or UNKNOWN_OUTLET


def wire_credit(raw: str) -> str | None:
    """The agency whose copy this is ('SOURCE:AFP' -> 'AFP', 'TOKYO (Reuters) -'), or None."""
    for line in (line.strip() for line in raw.split("\n")):
        match = _WIRE_SOURCE.match(line) or _WIRE_DATELINE.match(line)
        if match:
            agency = WIRE_AGENCIES.get(match.group("name").strip().lower())
            if agency:
                return agency
    return None


def _looks_like_outlet(name: str) -> bool:
    """A masthead, not a dateline: 'SadaNews' or 'TRT World' yes, 'WASHINGTON' or 'Tokyo' no."""
    name = name.strip()
    if name.lower() in _KNOWN_NAMES:
        return True
    # Datelines are capitalised place names too, so an unknown name must end like a masthead.
    return bool(_NEWSY_NAME.match(name) and _NEWSY_WORD.search(name))


def _canonical(name: str) -> str:
    return _KNOWN_NAMES.get(name.strip().lower(), name.strip())
