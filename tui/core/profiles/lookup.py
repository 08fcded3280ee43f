"""Which profile an article belongs to: by its outlet name (or an alias), else by its URL's domain.

A name wins over a domain, since the user typed it: an aggregator page on 'ground.news' that
the user imported as 'AFP' stays AFP's. A domain covers its subdomains ('afp.com' matches
'www.afp.com' and 'news.afp.com'); the longest matching domain wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from tui.core.profiles.types import OutletProfile, name_key


def url_host(url: str | None) -> str | None:
    """The host of a URL, lower case, without 'www.'; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.").rstrip(".") if host else None


class ProfileIndex:
    """Profiles ready to be looked up by outlet name and by URL."""

    def __init__(self, profiles: Iterable[OutletProfile]) -> None:
        self.profiles = tuple(profiles)
        self._by_name: dict[str, OutletProfile] = {}
        self._by_domain: dict[str, OutletProfile] = {}
        for profile in self.profiles:
            for name in profile.names():
                self._by_name.setdefault(name_key(name), profile)
            for domain in profile.domains:
                self._by_domain.setdefault(domain, profile)

    def by_name(self, name: str) -> OutletProfile | None:
        """The profile with this name or alias (case aside)."""
        return self._by_name.get(name_key(name))

    def by_url(self, url: str | None) -> OutletProfile | None:
        """The profile owning the URL's domain or the nearest parent domain of it."""
        host = url_host(url)
        while host:
            found = self._by_domain.get(host)
            if found is not None:
                return found
            _, _, host = host.partition(".")
            if "." not in host:
                return None
        return None

    def for_article(self, outlet: str, url: str | None) -> OutletProfile | None:
        """The profile of an article: by its outlet name, else by its URL."""
        return self.by_name(outlet) or self.by_url(url)
