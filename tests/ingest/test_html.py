import datetime as dt
from pathlib import Path

import pytest

from eventlens.ingest import read_inputs
from eventlens.ingest.html import article_from_html
from eventlens.records import Article, IngestError

from .conftest import NEWS_PAGE


def _one(path: Path, input_format: str = "auto") -> Article | IngestError:
    [item] = read_inputs([str(path)], input_format)
    return item


def test_news_page_gives_main_text_and_meta_tags_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "geneva.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    assert article.title == "Russia and Ukraine hold talks in Geneva"
    assert article.published == dt.date(2022, 3, 1)
    assert article.url == "https://courier.example.org/world/2022/03/01/geneva-talks"
    assert article.source == str(path)
    assert "negotiators met in Geneva on Tuesday" in article.text
    assert "humanitarian corridors" in article.text
    for boilerplate in ("Subscribe", "Sport", "Cookie settings", "Celebrity chef", "Daily Courier Media"):
        assert boilerplate not in article.text


def test_paragraphs_stay_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "geneva.htm"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = _one(path)
    assert isinstance(article, Article)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "Russia and Ukraine hold talks in Geneva"
    assert any(p.startswith("The foreign ministry in Moscow") for p in paragraphs)


def test_page_charset_is_honoured_not_utf8_required() -> None:
    page = ('<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><article>'
            "<p>Ministers met at a caf\xe9 in Paris on Monday and agreed to meet again next month.</p>"
            "</article></body></html>").encode("cp1252")
    article = article_from_html(page, "page.html")
    assert "café in Paris" in article.text


def test_given_url_title_and_date_win_over_the_page() -> None:
    article = article_from_html(NEWS_PAGE.encode(), "x", url="http://127.0.0.1/a", title="Talks",
                                published=dt.date(2022, 3, 2))
    assert (article.url, article.title, article.published) == ("http://127.0.0.1/a", "Talks", dt.date(2022, 3, 2))


@pytest.mark.parametrize("page", [
    "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    "<html><body></body></html>",
    "<html><head><script>var x = 1;</script></head></html>",
])
def test_page_without_article_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, IngestError)
    assert item.kind == "EmptyInputError" and "no article text" in item.reason and item.source == str(path)


def test_empty_and_binary_pages_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"  \n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    kinds = {Path(i.source).name: i.kind for i in read_inputs([str(tmp_path)]) if isinstance(i, IngestError)}
    assert kinds == {"empty.html": "EmptyInputError", "image.html": "BinaryInputError"}


def test_gigantic_page_is_refused_with_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventlens.ingest.readers.MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    item = _one(path)
    assert isinstance(item, IngestError) and item.kind == "too_large" and "1,000-byte cap" in item.reason


def test_any_file_can_be_read_as_html_on_request(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    article = _one(path, "html")
    assert isinstance(article, Article) and article.title == "Russia and Ukraine hold talks in Geneva"
