"""Atom feeds of the built example site, read with a real feed parser (feedparser)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from .conftest import EXAMPLE, Built, build, with_config, write_site

SITE = "https://example.org/"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")
TOPICS = {"sd": "合成データ", "dp": "差分プライバシー", "fl": "連合学習"}


def feed_of(site: Path, path: str) -> feedparser.FeedParserDict:
    text = (site / path).read_text(encoding="utf-8")
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # Every date element is RFC 3339, as Atom requires.
    for value in re.findall(r"<(?:updated|published)>([^<]*)<", text):
        assert RFC3339.match(value), value
    return parsed


def card_exists(built: Built, url: str) -> bool:
    path, _, anchor = url.removeprefix(SITE).partition("#")
    return built.page(path).find(id=anchor) is not None


@pytest.mark.parametrize("path", ["feed.xml", "sd/feed.xml", "dp/feed.xml", "fl/feed.xml"])
def test_every_feed_is_valid_atom_with_absolute_links_to_the_cards(
    example_site: Built, path: str
) -> None:
    feed = feed_of(example_site.site, path)
    assert feed.feed.id == SITE + path
    assert {link.rel: link.href for link in feed.feed.links}["self"] == SITE + path
    assert feed.feed.updated_parsed is not None and feed.feed.author
    assert 0 < len(feed.entries) <= 50
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    days = [entry.updated_parsed for entry in feed.entries]
    assert days == sorted(days, reverse=True)  # newest first
    for entry in feed.entries:
        arxiv = entry.id.removeprefix("https://arxiv.org/abs/")
        assert re.fullmatch(r"\d{4}\.\d{4,5}", arxiv)
        links = {link.rel: link.href for link in entry.links}
        assert links["alternate"].startswith(SITE) and card_exists(example_site, links["alternate"])
        assert links["alternate"].endswith("#arxiv-" + arxiv)
        assert links["related"] == entry.id
        assert entry.title and entry.authors and entry.published_parsed
        assert {tag.term for tag in entry.tags} <= TOPICS.keys()
        assert "<li>" in entry.content[0].value  # the bullets


@pytest.mark.parametrize("path", ["feed.xml", "sd/feed.xml"])
def test_an_entry_is_updated_no_earlier_than_it_was_published_and_the_feed_with_it(
    example_site: Built, path: str
) -> None:
    feed = feed_of(example_site.site, path)
    for entry in feed.entries:
        assert entry.updated_parsed >= entry.published_parsed, entry.id
        week = (
            example_site.page(entry.link.removeprefix(SITE).partition("#")[0])
            .select_one("h1")
            .get_text()
        )
        assert entry.updated[:10] >= re.search(r"\d{4}-\d{2}-\d{2}", week).group()
    assert feed.feed.updated_parsed == max(entry.updated_parsed for entry in feed.entries)
    # The site's language, and English titles said to be English.
    text = (example_site.site / path).read_text(encoding="utf-8")
    assert feed.feed.language == "ja"  # the example site's theme language
    assert re.search(r'<title xml:lang="en">', text)
    # The example's papers were all submitted after their week began (the week check
    # above holds the others): each is updated at its submission.
    assert all(e.updated == e.published for e in feed.entries)


def test_a_topic_feed_holds_the_topics_papers_with_both_titles(example_site: Built) -> None:
    feed = feed_of(example_site.site, "sd/feed.xml")
    listed = {a.get_text() for a in example_site.page("sd/").select("a.digest-listing__title")} | {
        a.get_text() for a in example_site.page("sd/page/2/").select("a.digest-listing__title")
    }
    assert {entry.title for entry in feed.entries} == listed
    assert len(feed.entries) == 17
    entry = next(e for e in feed.entries if e.id.endswith("2599.00201"))
    assert "合成テキストコーパスに対するメンバーシップ推論" in entry.content[0].value
    assert [a.name for a in entry.authors][:2] == ["Uma Reddy", "Victor Hugo Lima"]
    assert {tag.term: tag.label for tag in entry.tags} == {
        "sd": "合成データ",
        "dp": "差分プライバシー",
    }
    # One paper, one id, in every feed it is in.
    site = feed_of(example_site.site, "feed.xml")
    assert entry.id in {e.id for e in site.entries}


def test_topic_pages_and_the_home_page_name_their_feed(example_site: Built) -> None:
    for path, feed in (("sd/", "sd/feed.xml"), ("sd/page/2/", "sd/feed.xml"), ("", "feed.xml")):
        link = example_site.page(path).select_one('head link[type="application/atom+xml"]')
        assert link["rel"] == ["alternate"] and link["href"] == SITE + feed
    visible = example_site.page("sd/").select_one('.digest-topic__intro a[type$="atom+xml"]')
    assert urljoin(SITE + "sd/", visible["href"]) == SITE + "sd/feed.xml"
    assert "Atom" in visible.get_text()
    assert example_site.page("sd/2024-03-29/").select('link[type="application/atom+xml"]') == []


def test_feeds_are_the_same_after_a_rebuild(example_site: Built, tmp_path: Path) -> None:
    again = build(with_config(EXAMPLE / "mkdocs.yml", tmp_path), tmp_path / "site")
    assert again.returncode == 0, again.log
    for path in ("feed.xml", "sd/feed.xml"):
        assert (again.site / path).read_bytes() == (example_site.site / path).read_bytes()


def test_untrusted_text_stays_text_in_a_feed(tmp_path: Path) -> None:
    title = 'Closing </content></entry> <script>alert(1)</script> & "quotes" \x01'
    page = (
        "---\ndate: 2024-04-05\n---\n\n- - -\n\n"
        f"### [{title}](http://arxiv.org/abs/2599.00001)\n\n**論文 </title>**\n\nA <b>B</b>\n\n"
        "- point <img src=x onerror=alert(1)>\n\n"
        # A control character in a topic's name, which stands in an attribute.
        "**トピック:** [合成\x02データ](../../sd), **投稿日時:** 2024-04-06 10:00\n"
    )
    built = build(write_site(tmp_path, {"sd/2024-04-05.md": page}), tmp_path / "site")
    assert built.returncode == 0, built.log
    entry = feed_of(built.site, "sd/feed.xml").entries[0]
    assert entry.title == title.replace(" \x01", "").replace("\x01", "")
    assert entry.authors[0].name == "A <b>B</b>"
    content = BeautifulSoup(entry.content[0].value, "html.parser")
    assert content.find("img") is None  # the raw HTML of a bullet is text, not an element
    assert "<img src=x onerror=alert(1)>" in content.get_text()
    assert entry.tags[0].label == "合成データ"  # feed_of: every feed still well-formed
    feed_of(built.site, "feed.xml")


def test_without_site_url_one_warning_and_no_feeds(tmp_path: Path) -> None:
    page = (
        "---\ndate: 2024-04-05\n---\n\n### [A](http://arxiv.org/abs/2599.00001)\n\nA B\n\n"
        "- point\n\n**トピック:** [合成データ](../../sd)\n"
    )
    config = write_site(tmp_path, {"sd/2024-04-05.md": page}, site_url=None)
    built = build(config, tmp_path / "site", strict=False)
    assert built.returncode == 0, built.log
    assert built.log.count("feeds need 'site_url'") == 1
    assert not list(built.site.rglob("feed.xml"))
    assert build(config, tmp_path / "strict").returncode != 0  # --strict fails on it


def test_a_card_on_the_home_page_is_linked_at_the_site_s_root(tmp_path: Path) -> None:
    """The home page's URL is `./` to MkDocs: cards there are `<site>/#arxiv-…`."""
    from .test_build import digest_page

    home = digest_page("[合成データ](sd)", "2599.00007").replace("Week", "This week")
    config = write_site(
        tmp_path,
        {"index.md": home, "sd/2024-03-29.md": digest_page("[合成データ](../../sd)")},
    )
    built = build(config, tmp_path / "site")
    assert built.returncode == 0, built.log
    card = SITE + "#arxiv-2599.00007"
    assert card_exists(built, card)
    links = [link.href for entry in feed_of(built.site, "feed.xml").entries for link in entry.links]
    assert card in links
    assert card in [e.link for e in feed_of(built.site, "sd/feed.xml").entries]
    papers = json.loads((built.site / "papers.json").read_text(encoding="utf-8"))["papers"]
    (paper,) = [p for p in papers if p["arxiv_id"] == "2599.00007"]
    assert [a["url"] for a in paper["appearances"]] == [card]


def test_a_feed_holds_feed_size_papers_exactly() -> None:
    from mkdocs_digest.domain.catalog import Catalog
    from mkdocs_digest.domain.fields import DEFAULT
    from mkdocs_digest.domain.parser import read_page
    from mkdocs_digest.formats.feeds import site_feed, topic_feed

    docs = EXAMPLE / "docs"
    pages = [
        read_page(p.read_text(encoding="utf-8"), p.relative_to(docs).as_posix(), DEFAULT)
        for p in sorted(docs.rglob("*.md"))
    ]
    catalog = Catalog.build([d for d in pages if d], {})
    assert len(catalog.appearances) > 5
    for size in (1, 3, 5):
        assert len(site_feed(catalog, size)) == size
        assert len(topic_feed(catalog, "sd", size)) == size
