"""A real HTTP server on 127.0.0.1, in a thread, serving fixture pages and feeds and every kind of
bad answer the fetcher must survive: slow, endless, trickling, redirect loops, 404, 500, wrong
content types, huge bodies. Tests use the `web` fixture (import it into the test module)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None
    """Writes the body itself (endless and trickling answers)."""
    etag: str | None = None
    """Answer 304 when the request's If-None-Match names this."""


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up on purpose (a size cap, a timeout) is not worth a traceback."""


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class WebServer:
    """The running server: add routes, read what was asked."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def paths_seen(self) -> list[str]:
        return [s.path for s in self.seen]

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.seen.append(Seen(handler.path, dict(handler.headers.items())))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self._answer(handler)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with self._lock:
                self.in_flight -= 1

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        route = self.routes.get(handler.path)
        if route is None:
            route = Route(b"not here", 404, "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if route.etag and handler.headers.get("If-None-Match") == route.etag:
            handler.send_response(304)
            handler.send_header("ETag", route.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(route.status)
        handler.send_header("Content-Type", route.content_type)
        if route.etag:
            handler.send_header("ETag", route.etag)
        for name, value in route.headers.items():
            handler.send_header(name, value)
        if route.stream is not None:
            handler.send_header("Connection", "close")
            handler.end_headers()
            route.stream(handler)
            handler.close_connection = True
            return
        handler.send_header("Content-Length", str(len(route.body)))
        handler.end_headers()
        handler.wfile.write(route.body)


def endless(handler: BaseHTTPRequestHandler) -> None:
    """Write 64 KB chunks until the client goes away."""
    chunk = b"<p>" + b"endless " * 8192 + b"</p>\n"
    for _ in range(100_000):
        handler.wfile.write(chunk)


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """A few bytes every 50 ms, for a long time: no read ever times out."""
    for _ in range(2_000):
        handler.wfile.write(b"<p>x</p>\n")
        handler.wfile.flush()
        time.sleep(0.05)


@pytest.fixture
def web() -> Iterator[WebServer]:
    """A server with the fixture pages and the bad answers, on 127.0.0.1."""
    server = WebServer()
    server.add("/harbour.html", Route((FIXTURES / "metadata.html").read_bytes()))
    server.add("/rail.html", Route((FIXTURES / "jsonld.html").read_bytes()))
    server.add("/slow.html", Route((FIXTURES / "jsonld.html").read_bytes(), delay=1.5))
    server.add("/endless.html", Route(stream=endless))
    server.add("/trickle.html", Route(stream=trickle))
    server.add("/loop-a", Route(status=302, headers={"Location": "/loop-b"}))
    server.add("/loop-b", Route(status=301, headers={"Location": "/loop-a"}))
    server.add("/moved", Route(status=301, headers={"Location": "/harbour.html"}))
    for n in range(8):
        server.add(f"/hop{n}", Route(status=302, headers={"Location": f"/hop{n + 1}"}))
    server.add("/to-file", Route(status=302, headers={"Location": "file:///etc/passwd"}))
    server.add("/missing.html", Route(b"gone", 404, "text/plain"))
    server.add("/broken.html", Route(b"oops", 500, "text/plain"))
    server.add("/photo.png", Route(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, content_type="image/png"))
    server.add("/huge.html", Route(b"<p>" + b"big " * 500_000 + b"</p>"))
    server.add("/wait.html", Route((FIXTURES / "jsonld.html").read_bytes(), delay=0.2))
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
