import pytest

from eventlens import __version__
from eventlens.ingest.common import FetchError, TooLargeError
from eventlens.ingest.fetch import fetch, is_web_url

from .conftest import Site


def test_fetch_sends_our_user_agent_and_returns_the_body(site: Site) -> None:
    url = site.serve("/a", "hello")
    assert fetch(url, timeout=5, cap=100) == b"hello"
    assert site.agents == [f"eventlens/{__version__}"]


def test_a_body_over_the_cap_is_refused(site: Site) -> None:
    url = site.serve("/big", "x" * 1000)
    with pytest.raises(TooLargeError, match="100-byte cap"):
        fetch(url, timeout=5, cap=100)


def test_http_errors_and_timeouts_name_the_url(site: Site) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as missing:
        fetch(site.url("/nothing"), timeout=5, cap=100)
    assert missing.value.source == site.url("/nothing")
    slow = site.serve("/slow", "late", delay=10)
    with pytest.raises(FetchError, match=r"timed out after 0\.3s\); check the URL or raise --timeout"):
        fetch(slow, timeout=0.3, cap=100)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "/etc/passwd", "http://"])
def test_only_web_urls_are_fetched(url: str) -> None:
    assert not is_web_url(url)
    with pytest.raises(FetchError, match="only http and https"):
        fetch(url, timeout=1, cap=100)
