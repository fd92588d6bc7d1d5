"""A local web server for the feed and fetch tests: 127.0.0.1 only, never the network."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

NEWS_PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Russia and Ukraine hold talks in Geneva | The Daily Courier</title>
<meta property="og:title" content="Russia and Ukraine hold talks in Geneva">
<meta property="article:published_time" content="2022-03-01T10:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://courier.example.org/world/2022/03/01/geneva-talks">
</head><body>
<header><a href="/">The Daily Courier</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe for 1 dollar a week</a></li></ul></nav></header>
<main><article>
<h1>Russia and Ukraine hold talks in Geneva</h1>
<p class="byline">By Jane Doe, 1 March 2022</p>
<p>Russian and Ukrainian negotiators met in Geneva on Tuesday for a first round of talks since the
fighting began, officials from both delegations said.</p>
<p>The foreign ministry in Moscow said the talks had been constructive and would continue next week,
while the government in Kyiv demanded an immediate ceasefire and the withdrawal of troops.</p>
<p>United Nations Secretary-General Antonio Guterres welcomed the meeting and urged both sides to keep
talking until an agreement on humanitarian corridors was reached.</p>
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Celebrity chef opens a new restaurant downtown</a></li></ul></aside>
<footer><p>Cookie settings. Privacy policy. Terms of use. All rights reserved by The Daily Courier Media
Group.</p></footer>
</body></html>
"""


def news_page(headline: str, body: str) -> str:
    """A small article page with a headline and one paragraph."""
    return (f"<html><head><title>{headline}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{headline}</h1><p>{body}</p></article><footer>Contact us</footer></body></html>")


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0


@dataclass
class Site:
    """The served routes and the User-Agent of every request received."""

    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(self, path: str, body: str | bytes, **kwargs: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **kwargs)  # type: ignore[arg-type]  # the Route fields, by keyword
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.delay:
                # Waits until the test ends rather than sleeping, so no thread outlives it for long.
                site.release.wait(route.delay)
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except OSError:
                pass  # the client gave up (a timeout test): nothing to answer

        def log_message(self, format: str, *args: object) -> None:  # "format" is the base class's name
            """Keep the test output clean."""

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A ThreadingHTTPServer on 127.0.0.1 (port 0) in a thread, serving ``site.routes``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    host, port = server.server_address[:2]
    state = Site(base=f"http://{host!s}:{port}")
    server.RequestHandlerClass = _handler(state)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
