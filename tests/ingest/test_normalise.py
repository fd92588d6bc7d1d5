import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventlens.errors import BinaryInputError, ConfigError, EmptyInputError, EncodingError, InputError
from eventlens.ingest.normalise import article_from_text, article_id, decode, paragraphs, parse_published


def test_wrapped_lines_are_joined_and_paragraph_breaks_kept() -> None:
    raw = "Iran agreed to allow UN\nexperts access.\nRussia said nothing."
    assert paragraphs(raw) == ["Iran agreed to allow UN experts access.", "Russia said nothing."]


def test_captions_bylines_and_trailers_are_dropped() -> None:
    raw = "Headline\n\nBy John Smith and Jane Doe\nBody text here.\nPic: Nuclear blast\nReporting by A; Editing by B"
    assert paragraphs(raw) == ["Headline", "Body text here."]


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    assert paragraphs("By Monday, the army had left the city.") == ["By Monday, the army had left the city."]


def test_headline_becomes_title_and_its_own_paragraph() -> None:
    article = article_from_text("Clinton seeks support\nClinton met officials today.", source="x")
    assert article.title == "Clinton seeks support"
    assert article.text == "Clinton seeks support\n\nClinton met officials today."


def test_given_title_is_prepended_once() -> None:
    article = article_from_text("Body sentence.", source="x", title="Title")
    assert article.text == "Title\n\nBody sentence."
    again = article_from_text("Title\n\nBody sentence.", source="x", title="Title")
    assert again.text == article.text and again.id == article.id


def test_identity_is_a_hash_of_the_normalised_text() -> None:
    a = article_from_text("Same words\nwrapped here.", source="a")
    b = article_from_text("Same words wrapped here.", source="b")
    assert a.id == b.id == article_id("Same words wrapped here.")


@pytest.mark.parametrize(("data", "error"), [
    (b"", EmptyInputError), (b"  \n ", EmptyInputError), (b"\x00\x01\x02binary", BinaryInputError),
    (b"caf\xe9 au lait", EncodingError),
])
def test_bad_bytes_raise_an_error_naming_the_input(data: bytes, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        decode(data, "inbox/story.txt")
    assert "inbox/story.txt" in str(info.value)


def test_non_utf8_error_says_how_to_fix_it() -> None:
    with pytest.raises(EncodingError, match="iconv"):
        decode(b"caf\xe9", "x.txt")


@pytest.mark.parametrize(("text", "day"), [
    ("2009-10-13", dt.date(2009, 10, 13)), ("20091013", dt.date(2009, 10, 13)),
    ("2009-10-13T08:30:00Z", dt.date(2009, 10, 13)), ("", None),
])
def test_published_formats(text: str, day: dt.date | None) -> None:
    assert parse_published(text) == day


def test_unknown_published_format_names_the_accepted_one() -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_published("13/10/2009")


@given(st.binary(max_size=300))
def test_decode_either_returns_text_or_raises_an_input_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except InputError as exc:
        assert exc.source == "fuzz"
    else:
        assert isinstance(text, str)


@given(st.text(max_size=400))
def test_normalised_articles_never_hold_single_line_breaks(raw: str) -> None:
    try:
        article = article_from_text(raw, source="fuzz")
    except InputError:
        return
    assert "\n" not in article.text.replace("\n\n", "")
    assert article.text.strip() == article.text
