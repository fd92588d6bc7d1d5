import datetime as dt
from pathlib import Path

from eventlens import __version__
from eventlens.ingest import read_inputs
from eventlens.records import Article, IngestError

from .conftest import NEWS_PAGE, Site, news_page

VIENNA = news_page("Iran talks", "Iran and the European Union resumed talks in Vienna on Monday.")
SUMMARY = "Iraqi officials said on Monday that talks with Iran on water rights would resume next week."


def rss(*items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>World news</title>'
            f"<link>http://127.0.0.1/</link><description>News</description>{''.join(items)}</channel></rss>")


def rss_item(link: str, title: str, summary: str = "", date: str = "Tue, 01 Mar 2022 10:00:00 GMT") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
            f"<description>{summary}</description></item>")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World</title><id>urn:feed</id>
<updated>2022-03-05T00:00:00Z</updated>
<entry><title>Talks in Geneva</title><id>urn:1</id><link href="{link}"/>
<updated>2022-03-04T09:00:00Z</updated><summary>Short.</summary></entry>
<entry><title>Water talks</title><id>urn:2</id><link href="{missing}"/>
<updated>2022-03-05T09:00:00Z</updated>
<content type="html">&lt;p&gt;{summary}&lt;/p&gt;
&lt;p&gt;Both sides called the meeting useful.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_entries_use_the_linked_page_or_fall_back_to_the_summary(tmp_path: Path, site: Site) -> None:
    page = site.serve("/geneva", NEWS_PAGE)
    gone, also_gone = site.url("/gone"), site.url("/also-gone")
    path = tmp_path / "world.rss"
    path.write_text(rss(rss_item(page, "Russia and Ukraine hold talks"),
                        rss_item(gone, "Water talks", f"&lt;p&gt;{SUMMARY}&lt;/p&gt;"),
                        rss_item(also_gone, "Nothing here", "Read more")), encoding="utf-8")
    first, second, third = read_inputs([str(path)], timeout=5)

    assert isinstance(first, Article)
    assert "negotiators met in Geneva" in first.text and "Subscribe" not in first.text
    assert (first.source, first.url) == (page, page)
    assert first.title == "Russia and Ukraine hold talks" and first.published == dt.date(2022, 3, 1)

    assert isinstance(second, Article)
    assert second.source == gone and SUMMARY in second.text and second.title == "Water talks"

    assert isinstance(third, IngestError) and third.source == also_gone and third.kind == "FetchError"
    assert "HTTP 404" in third.reason and "no text of its own" in third.reason

    assert site.agents and set(site.agents) == {f"eventlens/{__version__}"}


def test_atom_entries_take_their_dates_and_content(tmp_path: Path, site: Site) -> None:
    page = site.serve("/geneva", NEWS_PAGE)
    path = tmp_path / "world.atom"
    path.write_text(ATOM.format(link=page, missing=site.url("/missing"), summary=SUMMARY), encoding="utf-8")
    first, second = read_inputs([str(path)], timeout=5)
    assert isinstance(first, Article) and first.published == dt.date(2022, 3, 4)
    assert "negotiators met in Geneva" in first.text
    assert isinstance(second, Article) and second.published == dt.date(2022, 3, 5)
    assert second.text.split("\n\n")[1:] == [SUMMARY, "Both sides called the meeting useful."]


def test_feed_url_is_fetched_and_read(site: Site) -> None:
    page = site.serve("/story", VIENNA)
    feed = site.serve("/feed.xml", rss(rss_item(page, "Iran talks")), content_type="application/rss+xml")
    [article] = read_inputs([feed], timeout=5)
    assert isinstance(article, Article) and article.source == page and "Vienna" in article.text
    assert len(site.agents) == 2 and all(a == f"eventlens/{__version__}" for a in site.agents)


def test_feed_url_that_times_out_is_one_error_and_the_run_goes_on(site: Site) -> None:
    slow = site.serve("/slow.xml", rss(), delay=10)
    page = site.serve("/story", VIENNA)
    good = site.serve("/feed.xml", rss(rss_item(page, "Iran talks")))
    first, second = read_inputs([slow, good], timeout=0.5)
    assert isinstance(first, IngestError) and first.source == slow and first.kind == "FetchError"
    assert "timed out after 0.5s" in first.reason and "--timeout" in first.reason
    assert isinstance(second, Article)


def test_entry_page_that_times_out_falls_back_to_the_summary(tmp_path: Path, site: Site) -> None:
    slow = site.serve("/slow", NEWS_PAGE, delay=10)
    path = tmp_path / "feed.xml"
    path.write_text(rss(rss_item(slow, "Water talks", SUMMARY)), encoding="utf-8")
    [article] = read_inputs([str(path)], timeout=0.5)
    assert isinstance(article, Article) and SUMMARY in article.text and article.source == slow


def test_failing_feed_urls_name_the_url_and_the_reason(site: Site) -> None:
    missing = site.url("/nothing.xml")
    page = site.serve("/page.html", NEWS_PAGE)
    refused = "http://127.0.0.1:9/feed.xml"
    items = list(read_inputs([missing, page, refused], timeout=2))
    assert all(isinstance(i, IngestError) for i in items)
    by_source = {i.source: i.reason for i in items if isinstance(i, IngestError)}
    assert "HTTP 404" in by_source[missing]
    assert "--input-format html" in by_source[page]
    assert "could not fetch" in by_source[refused]


def test_page_url_is_read_as_an_article_on_request(site: Site) -> None:
    page = site.serve("/page.html", NEWS_PAGE)
    [article] = read_inputs([page], "html", timeout=5)
    assert isinstance(article, Article) and article.url == page and "Geneva" in article.text


def test_file_that_is_not_a_feed_or_has_no_entries(tmp_path: Path) -> None:
    (tmp_path / "broken.rss").write_text("Just some words, not a feed.", encoding="utf-8")
    (tmp_path / "empty.xml").write_text(rss(), encoding="utf-8")
    (tmp_path / "other.xml").write_text("<catalogue><book>Dune</book></catalogue>", encoding="utf-8")
    errors = {Path(i.source).name: i for i in read_inputs([str(tmp_path)]) if isinstance(i, IngestError)}
    assert set(errors) == {"broken.rss", "empty.xml", "other.xml"}
    assert "no entries" in errors["empty.xml"].reason
    assert "not an RSS or Atom feed" in errors["broken.rss"].reason


def test_entry_without_a_web_link_uses_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "local.rss"
    path.write_text(rss(rss_item("file:///etc/passwd", "Water talks", SUMMARY), rss_item("", "Empty", "")),
                    encoding="utf-8")
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article) and SUMMARY in first.text and first.url is None
    assert first.source == f"{path}#0"
    assert isinstance(second, IngestError) and second.source == f"{path}#1" and "no web link" in second.reason
