"""Web pages: the article's main text and metadata, without menus and footers.

trafilatura finds the main text and reads title, date and canonical URL from
the page's meta tags. It decodes the bytes itself, honouring the page's
declared charset, because many news sites still serve windows-1252.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import trafilatura

from eventlens.errors import EmptyInputError, InputError
from eventlens.ingest.common import ByteStream, Item, ReadOptions, guard, lenient_date, read_capped
from eventlens.ingest.normalise import article_from_text, check_text_bytes
from eventlens.records import Article

# A lone "Home" link or a cookie banner is not an article; the shortest wire
# brief has more words than this.
MIN_WORDS = 5
PAGE_ADVICE = "one article page is far smaller; check this is a single page"
# What lxml and htmldate raise inside trafilatura on pages they cannot parse.
_PARSE_ERRORS = (ValueError, LookupError, TypeError, AttributeError, RecursionError)


def read_html(stream: ByteStream, source: str, options: ReadOptions) -> Iterator[Item]:
    """One Article (or IngestError) from an HTML page."""
    yield guard(lambda: article_from_html(read_capped(stream, options.max_file_bytes, source, PAGE_ADVICE), source))


def article_from_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    title: str | None = None,
    published: dt.date | None = None,
) -> Article:
    """The Article in a page; ``url``, ``title``, ``published`` win over what the page says."""
    check_text_bytes(data, source)
    try:
        document = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    except _PARSE_ERRORS as exc:
        raise InputError(source, f"the HTML cannot be parsed ({exc}); check it is a web page") from exc
    text = getattr(document, "text", None) or ""
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(
            source, "the page has no article text (only menus, boilerplate or a few words); pass an article page"
        )
    return article_from_text(
        # trafilatura puts one paragraph per line; the canonical text wants blank lines between them.
        "\n\n".join(text.splitlines()),
        source=source,
        title=title or _str_or_none(getattr(document, "title", None)),
        published=published or lenient_date(getattr(document, "date", None)),
        url=url or _str_or_none(getattr(document, "url", None)),
    )


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
