"""Fetching feeds and pages over HTTP(S), with a deadline, a size cap and our name.

Only ``http`` and ``https`` are fetched: a feed is untrusted input, and a
``file:`` link in it must never make eventlens read a local file.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from eventlens import __version__
from eventlens.ingest.common import FetchError, TooLargeError

USER_AGENT = f"eventlens/{__version__}"
_CHUNK = 65_536


def is_web_url(text: str) -> bool:
    """Is this an http(s) URL we may fetch?"""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def fetch(url: str, *, timeout: float, cap: int) -> bytes:
    """The body at ``url``; FetchError or TooLargeError (naming the URL) when it cannot be had."""
    if not is_web_url(url):
        raise FetchError(url, f"could not fetch {url} (only http and https links are fetched)")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return _read_body(response, url, cap, deadline, timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(url, f"could not fetch {url} (HTTP {exc.code} {exc.reason}); check the URL") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timed_out(url, timeout) from exc
        raise FetchError(url, f"could not fetch {url} ({exc.reason}); check the URL and the network") from exc
    except TimeoutError as exc:
        raise _timed_out(url, timeout) from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(url, f"could not fetch {url} ({exc or type(exc).__name__}); check the URL") from exc


def _read_body(response: http.client.HTTPResponse, url: str, cap: int, deadline: float, timeout: float) -> bytes:
    # The socket timeout bounds each read, not the whole body: a server that
    # drips bytes would otherwise hold the run forever.
    chunks: list[bytes] = []
    size = 0
    while size <= cap:
        if time.monotonic() > deadline:
            raise _timed_out(url, timeout)
        chunk = response.read(min(_CHUNK, cap + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise TooLargeError(url, f"the response from {url} is over the {cap:,}-byte cap; it is not one feed or article")


def _timed_out(url: str, timeout: float) -> FetchError:
    return FetchError(url, f"could not fetch {url} (timed out after {timeout:g}s); check the URL or raise --timeout")
