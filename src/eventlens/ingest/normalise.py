"""Text normalisation and article identity.

Wire text arrives hard-wrapped, with captions and bylines mixed in. The
parser must see the headline as its own sentence and each paragraph as one
run of text, so the canonical article text is: headline, blank line, then
paragraphs separated by blank lines. Offsets of every record point into this
canonical text, which is what the database stores.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from eventlens.errors import (
    BinaryInputError,
    ConfigError,
    EmptyInputError,
    EncodingError,
)
from eventlens.records import Article

_TERMINAL = tuple('.!?:;"”’)»')
_WRAP_MIN = 60  # hard-wrapped lines are at least this long; headlines are shorter
_NOISE_LINE = re.compile(
    r"""^\s*(
        (pic|photo|picture|image|video|graphic|caption|file\ photo)\s*[:|-]   # captions
      | (photo|picture|image)s?\s+(by|courtesy|credit)\b
      | by\s+(?-i:(?:[A-Z][\w.'’-]*[\s,&]*(?:and\s+)?){1,8})$                   # bylines: capitalised words only
      | (reporting|writing|editing|additional\ reporting)\s+by\b               # wire trailers
      | \(?(reuters|afp|ap)\s+photo\b
      | (copyright|©)\s
      | (read\ more|related|advertisement|share\ this|click\ here)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S")


def check_text_bytes(data: bytes, source: str) -> None:
    """Refuse empty and binary input, whatever its text encoding turns out to be."""
    if not data.strip():
        raise EmptyInputError(source, "the input is empty; give it an article's text")
    head = data[:4096]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise BinaryInputError(
            source, "this looks like a binary file, not text; pass a .txt, .jsonl or .html article"
        )


def decode(data: bytes, source: str) -> str:
    """Bytes to text, refusing binary and non-UTF-8 input with a fix in the message."""
    check_text_bytes(data, source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            source,
            f"not valid UTF-8 (byte {exc.start}); re-encode it, e.g. "
            "`iconv -f latin1 -t utf-8 FILE > FILE.utf8`",
        ) from exc


def _control_ratio(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(data), 1)


def paragraphs(text: str) -> list[str]:
    """Split raw text into clean paragraphs: wraps joined, noise lines dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    result: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current, previous = "", ""
        for raw in block.split("\n"):
            line = _SPACES.sub(" ", raw).strip()
            if not line or _NOISE_LINE.match(line):
                continue
            if current and _continues(previous, line):
                current = f"{current} {line}"
            else:
                if current:
                    result.append(current)
                current = line
            previous = line
        if current:
            result.append(current)
    return result


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` the hard-wrapped continuation of ``previous``?

    Hard-wrapped text has long lines that stop mid-sentence; a short line
    without final punctuation followed by a capitalised one is a headline
    or a subheading, and a bullet or quote mark opens a new paragraph.
    """
    if previous.endswith(_TERMINAL) or line[0] in "-•*“\"":
        return False
    return line[0].islower() or line[0].isdigit() or len(previous) >= _WRAP_MIN


def looks_like_headline(paragraph: str) -> bool:
    """A first paragraph that is short and unpunctuated is a headline."""
    return len(paragraph) <= 200 and not paragraph.endswith((".", "!", "?", ":", "”", '"'))


def article_id(text: str) -> str:
    """Content hash of the canonical text: the same story always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def parse_published(value: str | dt.date | None, source: str = "--published") -> dt.date | None:
    """Parse a publication date, naming the accepted formats when it cannot."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ConfigError(
            f"{source}: cannot read the date {value!r}; use YYYY-MM-DD, e.g. 2009-10-13"
        ) from None


def article_from_text(
    raw: str,
    *,
    source: str,
    title: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
) -> Article:
    """Build the canonical :class:`Article` from raw text and its metadata."""
    paras = paragraphs(raw)
    if not paras:
        raise EmptyInputError(source, "no text left after removing blank lines and captions")
    if title:
        title = _SPACES.sub(" ", title).strip()
        if paras[0] != title:
            paras.insert(0, title)
    elif len(paras) > 1 and looks_like_headline(paras[0]):
        title = paras[0]
    text = "\n\n".join(paras)
    return Article(
        id=article_id(text), text=text, title=title, published=published, url=url, source=source
    )
