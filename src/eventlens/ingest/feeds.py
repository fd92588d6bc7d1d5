"""RSS and Atom feeds, from a file or a URL: one Article per entry.

A feed entry carries a headline and at most a summary; the story is on the
page it links to. So each entry's page is fetched and read with the HTML
reader, and the entry's own content or summary is the fallback when the page
cannot be had. The Article's ``source`` is the entry's link either way.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import feedparser

from eventlens.errors import EmptyInputError, InputError, MalformedRecordError
from eventlens.ingest.common import ByteStream, Item, ReadOptions, error_item, guard, read_capped
from eventlens.ingest.fetch import fetch, is_web_url
from eventlens.ingest.html import MIN_WORDS, article_from_html
from eventlens.ingest.normalise import article_from_text
from eventlens.records import Article

FEED_ADVICE = "a news feed is far smaller; check this is an RSS or Atom feed"
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})


def read_feed(stream: ByteStream, source: str, options: ReadOptions) -> Iterator[Item]:
    """One item per entry of the feed in ``stream``."""
    try:
        data = read_capped(stream, options.max_feed_bytes, source, FEED_ADVICE)
    except InputError as exc:
        yield error_item(exc)
        return
    yield from feed_items(data, source, options)


def read_feed_url(url: str, options: ReadOptions) -> Iterator[Item]:
    """One item per entry of the feed at ``url``; one IngestError if it cannot be fetched."""
    try:
        data = fetch(url, timeout=options.timeout, cap=options.max_feed_bytes)
    except InputError as exc:
        yield error_item(exc)
        return
    yield from feed_items(data, url, options)


def feed_items(data: bytes, source: str, options: ReadOptions) -> Iterator[Item]:
    """Parse a feed's bytes and read each entry."""
    # Bytes go in as a stream: given bytes or str, feedparser would try them
    # as a file name or URL first.
    parsed = feedparser.parse(io.BytesIO(data))
    entries: list[Any] = list(parsed.get("entries") or [])
    if not entries:
        yield error_item(_no_entries(data, source, bool(parsed.get("bozo"))))
        return
    for index, entry in enumerate(entries):
        yield _entry_item(entry, f"{source}#{index}", options)


def _no_entries(data: bytes, source: str, broken: bool) -> InputError:
    if not broken:
        return EmptyInputError(source, "the feed has no entries; check it is the right feed")
    if b"<html" in data[:2048].lower():
        return MalformedRecordError(
            source, "this is a web page, not an RSS or Atom feed; pass --input-format html to read it as one article"
        )
    return MalformedRecordError(source, "not an RSS or Atom feed (it cannot be parsed as one); check the file or URL")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Entry:
    """What eventlens uses of one feed entry."""

    source: str
    link: str | None
    title: str | None
    published: dt.date | None
    text: str


def _entry(raw: Any, position: str) -> _Entry:
    link = raw.get("link")
    link = link.strip() if isinstance(link, str) and is_web_url(link) else None
    return _Entry(
        source=link or position,
        link=link,
        title=_text_or_none(raw.get("title")),
        published=_entry_date(raw),
        text=_entry_text(raw),
    )


def _entry_item(raw: Any, position: str, options: ReadOptions) -> Item:
    entry = _entry(raw, position)
    if entry.link is None:
        problem: InputError = EmptyInputError(entry.source, "the entry has no web link")
    else:
        try:
            page = fetch(entry.link, timeout=options.timeout, cap=options.max_file_bytes)
            return article_from_html(page, entry.link, url=entry.link, title=entry.title, published=entry.published)
        except InputError as exc:
            problem = exc
    return guard(lambda: _from_entry_text(entry, problem))


def _from_entry_text(entry: _Entry, problem: InputError) -> Article:
    """The entry's own text when its page failed: better a summary than nothing."""
    if len(entry.text.split()) < MIN_WORDS:
        reason = f"{problem.reason}; and the feed entry has no text of its own to fall back on"
        raise type(problem)(entry.source, reason)
    return article_from_text(
        entry.text, source=entry.source, title=entry.title, published=entry.published, url=entry.link
    )


def _entry_text(entry: Any) -> str:
    # Full content (Atom <content>, RSS <content:encoded>) beats the summary.
    for part in entry.get("content") or []:
        value = part.get("value") if isinstance(part, dict) else None
        if isinstance(value, str) and value.strip():
            return html_to_text(value)
    summary = entry.get("summary")
    return html_to_text(summary) if isinstance(summary, str) else ""


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        # dict.get: FeedParserDict.get maps one key to the other, with a DeprecationWarning.
        value = dict.get(entry, key) if isinstance(entry, dict) else None
        if value is not None:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue  # an impossible date in one field; try the other
    return None


def _text_or_none(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = html_to_text(value).strip()
    return text or None


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a summary), one paragraph per block element."""
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
