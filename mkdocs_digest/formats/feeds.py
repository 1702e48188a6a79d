"""Atom 1.0 feeds (RFC 4287): one per topic and one for the whole site. No MkDocs.

An entry is a paper: its id is its arXiv abstract URL, so one paper keeps one id in
every feed, week and build. Its `updated` is the later of its submission and the
start of the week of the digest that lists it (a week may list a paper submitted
after its first day), and the feed's `updated` is its newest entry's: a rebuild
changes nothing a feed reader sees. Times are UTC, as arXiv gives them. The feed is
in the site's language (`xml:lang`); each English title says so. Written with
ElementTree, which escapes all text; characters XML cannot hold (digest text is
untrusted) are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from ..domain.catalog import Catalog
from ..domain.model import Entry, Paper, Topic
from ..structure.layout import TopicListing
from ..structure.urls import from_root
from .context import FileContext, SiteInfo
from .export import card_url

ATOM = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EPOCH = dt.datetime(1970, 1, 1)
SITE_FEED = "feed.xml"
# XML 1.0 allows tab, newline, carriage return and these ranges; nothing else.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedEntry:
    """A paper in a feed: its text is its home copy's, as every site-wide output's;
    `entry` is the appearance the feed follows (its card, its week)."""

    paper: Paper
    entry: Entry
    updated: dt.datetime  # its submission, or its digest's week if that is later
    topics: tuple[Topic, ...]  # of every appearance of the paper


@dataclass(frozen=True)
class Feed:
    """All a feed shows but its entries' links and HTML: equal feeds, equal XML."""

    title: str
    url: str  # absolute URL of the feed itself
    page: str  # absolute URL of the page it follows
    author: str  # the site
    entries: tuple[FeedEntry, ...]  # newest first
    language: str = ""  # the site's (`xml:lang`), if known


def site_feed(catalog: Catalog, limit: int) -> tuple[FeedEntry, ...]:
    """The newest papers of the whole site: each once, from its newest week."""
    digests = sorted(
        (d for d in catalog.digests.values() if d.date), key=lambda d: (d.date, d.page)
    )
    return _first(catalog, (e for d in reversed(digests) for e in d.entries), limit)


def topic_feed(catalog: Catalog, slug: str, limit: int) -> tuple[FeedEntry, ...]:
    """The newest papers of a topic, as its topic page lists them."""
    weeks = catalog.topics[slug].weeks if slug in catalog.topics else []
    return _first(catalog, (e for week in weeks for e in week.entries), limit)


def atom(feed: Feed, card_url: Callable[[Entry], str], content: Callable[[Paper], str]) -> str:
    """The feed as Atom XML; `content` gives an entry's HTML (a template's)."""
    ET.register_namespace("", ATOM)
    root = ET.Element(_q("feed"))
    if feed.language:
        root.set(_XML_LANG, feed.language)
    _text(root, "id", feed.url)
    _text(root, "title", feed.title)
    ET.SubElement(root, _q("link"), rel="self", type="application/atom+xml", href=feed.url)
    ET.SubElement(root, _q("link"), rel="alternate", type="text/html", href=feed.page)
    newest = max((item.updated for item in feed.entries), default=_EPOCH)
    _text(root, "updated", _rfc3339(newest))
    _text(ET.SubElement(root, _q("author")), "name", feed.author)
    ET.SubElement(
        root, _q("generator"), uri="https://pypi.org/project/mkdocs-digest/"
    ).text = "mkdocs-digest"
    for item in feed.entries:
        _entry(root, item, card_url(item.entry), content(item.paper))
    for element in root.iter():  # a topic's name is an attribute: digest text there too
        for name, value in element.attrib.items():
            element.attrib[name] = _NOT_XML.sub("", value)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _entry(root: ET.Element, item: FeedEntry, card: str, content: str) -> None:
    paper = item.paper
    element = ET.SubElement(root, _q("entry"))
    _text(element, "id", paper.abs_url)
    _text(element, "title", paper.title.strip()).set(_XML_LANG, "en")
    _text(element, "updated", _rfc3339(item.updated))
    if paper.published:
        _text(element, "published", _rfc3339(paper.published.value))
    for name in paper.authors:
        _text(ET.SubElement(element, _q("author")), "name", name)
    ET.SubElement(element, _q("link"), rel="alternate", type="text/html", href=card)
    ET.SubElement(element, _q("link"), rel="related", type="text/html", href=paper.abs_url)
    for topic in item.topics:
        ET.SubElement(element, _q("category"), term=topic.slug, label=topic.name)
    _text(element, "content", content.strip()).set("type", "html")


def _first(catalog: Catalog, entries: Iterable[Entry], limit: int) -> tuple[FeedEntry, ...]:
    seen: set[str] = set()
    found = []
    for entry in entries:
        arxiv_id = entry.paper.arxiv_id
        if arxiv_id not in seen:
            seen.add(arxiv_id)
            topics = catalog.record(arxiv_id).topics
            paper = catalog.paper(arxiv_id)
            found.append(FeedEntry(paper, entry, _updated(catalog, entry), topics))
            if len(found) == limit:
                break
    # Newest first, as readers show them: a week's papers by their own `updated`.
    return tuple(sorted(found, key=lambda item: item.updated, reverse=True))


def _updated(catalog: Catalog, entry: Entry) -> dt.datetime:
    week = catalog.digests[entry.page].date
    published = entry.paper.published
    times = [dt.datetime.combine(week, dt.time())] if week else []
    times += [published.value] if published else []
    return max(times, default=_EPOCH)


def _rfc3339(moment: dt.datetime) -> str:
    """UTC, to the minute: digests give submissions no finer."""
    return moment.strftime("%Y-%m-%dT%H:%M:00Z")


def _q(tag: str) -> str:
    return f"{{{ATOM}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _q(tag))
    element.text = _NOT_XML.sub("", text)
    return element


@dataclass(frozen=True)
class FeedLink:
    """A feed a page announces in its head."""

    title: str
    url: str


class AtomFeeds:
    """The site's feed and each topic's; feed readers need absolute links: a site
    without `site_url` gets none."""

    def wanted(self, context: FileContext) -> bool:
        return context.extras.feeds and bool(context.info.url)

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        catalog, info, memo = context.catalog, context.info, context.memo
        base, size = info.base, info.feed_size
        lang = info.language
        site = site_feed(catalog, size)
        feeds = {SITE_FEED: Feed(info.name, base + SITE_FEED, base, info.name, site, lang)}
        for listing in context.topic_listings:
            page = base + from_root(context.urls[listing.uris[0]])
            entries = topic_feed(catalog, listing.key, size)
            title = topic_title(catalog, listing, info)
            feed = Feed(title, base + listing.feed, page, info.name, entries, lang)
            feeds[listing.feed] = feed

        def content(paper: Paper) -> str:
            return memo.get(("feed", paper), partial(context.feed_entry, paper))

        def link(entry: Entry) -> str:
            return card_url(entry, context.urls, base)

        for path, feed in feeds.items():
            links = tuple(link(e.entry) for e in feed.entries)
            yield path, (memo.get(("atom", feed, links), partial(atom, feed, link, content)),)


def feed_links(
    catalog: Catalog, listings: Iterable[TopicListing], info: SiteInfo
) -> dict[str, FeedLink]:
    """Source path -> the feed its page announces: the site's feed on the home page,
    a topic's on its pages."""
    links = {info.home: FeedLink(info.name, info.base + SITE_FEED)} if info.home else {}
    for listing in listings:
        link = FeedLink(topic_title(catalog, listing, info), info.base + listing.feed)
        links |= dict.fromkeys((*listing.uris, listing.archive), link)
    return links


def topic_title(catalog: Catalog, listing: TopicListing, info: SiteInfo) -> str:
    return f"{listing.name(catalog)} — {info.name}"
