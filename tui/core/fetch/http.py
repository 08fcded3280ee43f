"""HTTP GET with every limit a crawler owes the sites it reads and the machine it runs on.

httpx does the protocol; this module adds what a polite, robust fetcher needs on top: http and
https only (checked again on every redirect hop), connect and read timeouts plus a deadline for
the whole response (a server trickling bytes forever never times out a read), a size cap while
streaming (reading stops past it), a User-Agent naming crosswire and its version, redirects
followed by hand to a limit with loops detected, at most a few connections at once and per
host, and conditional GET (ETag / Last-Modified). A failure is a `FetchFailure` holding one line
with the status code and reason, never an exception out of `fetch_all`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import httpx

from tui.core.text.safe_text import safe_name


def _version() -> str:
    try:
        return metadata.version("crosswire")
    except metadata.PackageNotFoundError:
        return "dev"


USER_AGENT_URL = "https://github.com/crosswire-news/crosswire"


def user_agent(version: str | None = None) -> str:
    """'crosswire/0.1.0 (+URL)': who is asking, so a site can tell crosswire's requests apart."""
    return f"crosswire/{version or _version()} (+{USER_AGENT_URL})"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How far crosswire goes for one URL, and how many it asks for at once."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Longest wait for the next bytes of a response."""
    deadline: float = 60.0
    """Longest time for one whole response, redirects included."""
    max_bytes: int = 10_000_000
    """A response body larger than this is refused; reading stops there."""
    max_redirects: int = 5
    max_connections: int = 6
    max_per_host: int = 2
    user_agent: str = field(default_factory=user_agent)


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a response, to ask next time only for a changed one."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response read whole (within the limits)."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where the redirects ended."""
    status: int
    content_type: str
    """The media type alone, lower-cased ('text/html'); '' when the server gave none."""
    body: bytes
    validators: Validators = Validators()
    not_modified: bool = False
    """True for a 304 to a conditional GET: nothing changed, `body` is empty."""


@dataclass(frozen=True, slots=True)
class FetchFailure:
    """A URL that gave nothing usable, with the reason in one line ('HTTP 404 Not Found')."""

    url: str
    reason: str

    def __str__(self) -> str:
        return f"{safe_name(self.url)}: {self.reason}"


Outcome = Fetched | FetchFailure
Done = Callable[[Outcome], None]
"""Called after each URL, from the thread that fetched it."""


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchInterrupted(KeyboardInterrupt):
    """Ctrl-C during `fetch_all`: carries the outcomes finished by then, so they can be used."""

    def __init__(self, finished: list[Outcome]) -> None:
        super().__init__()
        self.finished = finished


class _Refused(Exception):
    """One URL's failure, with the reason a user reads."""


def check_url(url: str) -> str | None:
    """Why crosswire will not fetch `url` (a reason), or None when it may: http(s) with a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}"
    if not parts.hostname:
        return "no host in the URL"
    return None


class Fetcher:
    """One HTTP client with its limits, shared by every fetch of an import or a refresh."""

    def __init__(self, limits: FetchLimits | None = None) -> None:
        self.limits = limits or FetchLimits()
        timeout = httpx.Timeout(
            connect=self.limits.connect_timeout,
            read=self.limits.read_timeout,
            write=self.limits.read_timeout,
            pool=self.limits.deadline,
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            limits=httpx.Limits(
                max_connections=self.limits.max_connections,
                max_keepalive_connections=self.limits.max_connections,
            ),
            headers={"User-Agent": self.limits.user_agent},
            trust_env=False,
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop: fetches not started fail at once, running ones at their next chunk."""
        self._cancelled.set()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._hosts_lock:
            slot = self._hosts.get(host)
            if slot is None:
                slot = self._hosts[host] = threading.Semaphore(self.limits.max_per_host)
            return slot

    def fetch(
        self,
        url: str,
        *,
        accept: Sequence[str] = (),
        validators: Validators | None = None,
    ) -> Outcome:
        """GET `url` within the limits. `accept`: media types (or prefixes ending in '/') the
        caller can use; any other is a failure ('wrong content type'). Never raises for a URL."""
        try:
            return self._fetch(url, accept=accept, validators=validators)
        except _Refused as exc:
            return FetchFailure(url, str(exc))
        except httpx.ConnectTimeout:
            return FetchFailure(url, f"no connection within {self.limits.connect_timeout:g} s")
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
            return FetchFailure(url, f"no answer within {self.limits.read_timeout:g} s")
        except httpx.ConnectError as exc:
            return FetchFailure(url, f"cannot connect ({_first_line(exc)})")
        except httpx.HTTPError as exc:
            return FetchFailure(url, f"{type(exc).__name__} ({_first_line(exc)})")
        except (UnicodeError, ValueError) as exc:  # a malformed URL or header
            return FetchFailure(url, f"bad URL ({_first_line(exc)})")

    def _fetch(self, url: str, *, accept: Sequence[str], validators: Validators | None) -> Outcome:
        started = time.monotonic()
        seen: set[str] = set()
        current = url
        headers: dict[str, str] = {}
        if validators is not None and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators is not None and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        for _hop in range(self.limits.max_redirects + 1):
            if self._cancelled.is_set():
                raise _Refused("cancelled")
            problem = check_url(current)
            if problem:
                raise _Refused(problem)
            if current in seen:
                raise _Refused(f"redirect loop (back to {safe_name(current)})")
            seen.add(current)
            with (
                self._host_slot(current),
                self._client.stream("GET", current, headers=headers) as response,
            ):
                if response.status_code == 304 and headers:
                    return Fetched(url, current, 304, "", b"", validators or Validators(), True)
                if response.status_code in _REDIRECTS:
                    location = response.headers.get("location", "")
                    if not location:
                        raise _Refused(f"HTTP {response.status_code} redirect without a location")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    phrase = response.reason_phrase or "error"
                    raise _Refused(f"HTTP {response.status_code} {phrase}")
                content_type = _media_type(response.headers.get("content-type", ""))
                if accept and content_type and not _accepted(content_type, accept):
                    raise _Refused(f"wrong content type ({safe_name(content_type)})")
                body = self._read_body(response, started)
                return Fetched(
                    url,
                    current,
                    response.status_code,
                    content_type,
                    body,
                    Validators(response.headers.get("etag"), response.headers.get("last-modified")),
                )
        raise _Refused(f"more than {self.limits.max_redirects} redirects")

    def _read_body(self, response: httpx.Response, started: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.limits.max_bytes:
            raise _Refused(f"larger than {self.limits.max_bytes:,} bytes ({int(declared):,})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            if self._cancelled.is_set():
                raise _Refused("cancelled")
            size += len(chunk)
            if size > self.limits.max_bytes:
                raise _Refused(f"larger than {self.limits.max_bytes:,} bytes; stopped reading")
            if time.monotonic() - started > self.limits.deadline:
                raise _Refused(f"not finished within {self.limits.deadline:g} s; stopped reading")
            chunks.append(chunk)
        return b"".join(chunks)

    def fetch_all(
        self,
        urls: Iterable[str],
        *,
        accept: Sequence[str] = (),
        validators: dict[str, Validators] | None = None,
        done: Done | None = None,
    ) -> list[Outcome]:
        """Fetch every URL, a few at once (`max_connections`, `max_per_host`); outcomes in the
        order of `urls`. `done` hears of each as it finishes (for progress)."""
        urls = list(urls)
        outcomes: list[Outcome | None] = [None] * len(urls)
        given = validators or {}
        with ThreadPoolExecutor(max_workers=max(1, self.limits.max_connections)) as pool:
            futures = {
                pool.submit(self.fetch, url, accept=accept, validators=given.get(url)): n
                for n, url in enumerate(urls)
            }
            try:
                for future in as_completed(futures):
                    outcome = future.result()
                    outcomes[futures[future]] = outcome
                    if done is not None:
                        done(outcome)
            except KeyboardInterrupt:  # running fetches stop at their next chunk
                self.cancel()
                pool.shutdown(wait=False, cancel_futures=True)
                raise FetchInterrupted([o for o in outcomes if o is not None]) from None
        return [outcome for outcome in outcomes if outcome is not None]


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _accepted(content_type: str, accept: Sequence[str]) -> bool:
    return any(
        content_type.startswith(kind) if kind.endswith("/") else content_type == kind
        for kind in accept
    )


def _first_line(exc: BaseException) -> str:
    text = safe_name(str(exc)) or type(exc).__name__
    return text[:200]
