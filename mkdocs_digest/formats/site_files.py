"""Every file the site gets besides its pages: the filter's index, papers.json, the
Atom feeds and the topics' .bib files. No MkDocs: the plugin and `generate` both
write what this returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from ..domain.cache import Memo
from ..domain.model import Entry, Paper
from ..rendering.renderer import Renderer
from ..structure.layout import Listing
from .citations import bib_file, bibtex
from .export import card_url, papers_json
from .feeds import SITE_FEED, Feed, atom, site_feed, topic_feed
from .filter_index import FILTER_INDEX, filter_index

FEED_ENTRY = "digest/feed_entry.html"


@dataclass(frozen=True)
class Site:
    """What the files need to know of the site: its name and its URL (may be empty).
    Which files to write is the renderer's `extras`: the pages link to them."""

    name: str
    url: str
    home: str | None  # the home page's source (`index.md`), if the site has one
    feed_size: int = 50


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str


def site_files(
    renderer: Renderer, urls: Mapping[str, str], site: Site, memo: Memo | None = None
) -> Iterator[tuple[str, Iterable[str]]]:
    """(path in the site, its text in pieces), made one at a time: a caller that
    writes each piece before asking for the next holds one piece at a time (a feed
    is one piece; papers.json, the filter's index and a .bib file, one per paper).
    `urls`: every page's URL in the site (source path -> URL), as the theme has
    them. `memo`: the files' parts made in the last build (`mkdocs serve`), to keep
    those an edit did not touch: it gives back the very text objects it kept."""
    catalog = renderer.site.catalog
    extras = renderer.site.extras
    memo = Memo() if memo is None else memo
    feed_entry = renderer.site.env.get_template(FEED_ENTRY)  # a new one once edited
    names = {slug: catalog.topic_name(slug) for slug in catalog.topics}
    memo.start((dict(urls), site, renderer.site.labels, extras, feed_entry, names))
    filter_memo = memo.part(FILTER_INDEX)
    yield FILTER_INDEX, filter_index(catalog, renderer.listings.values(), urls, filter_memo)
    if extras.papers_json:
        yield extras.papers_json, papers_json(catalog, urls, site.url, memo)
    if extras.feeds and site.url:
        yield from _feeds(renderer, urls, site, memo)
    if extras.citations:
        keys = renderer.site.citation_keys

        def bib_entry(paper: Paper) -> str:
            key = keys[paper.arxiv_id]
            return memo.get(("bibtex", paper, key), partial(bibtex, paper, key))

        for _, listing in _topic_listings(renderer):
            yield listing.bib, bib_file((e.paper for e in listing.entries), bib_entry)


def feed_links(renderer: Renderer, site: Site) -> dict[str, FeedLink]:
    """Source path -> the feed its page announces in its head: the site's feed on the
    home page, a topic's on its pages."""
    if not (renderer.site.extras.feeds and site.url):
        return {}
    links = {site.home: FeedLink(site.name, _base(site) + SITE_FEED)} if site.home else {}
    for slug, listing in _topic_listings(renderer):
        link = FeedLink(_topic_title(renderer, slug, site), _base(site) + listing.feed)
        links |= dict.fromkeys((*listing.uris, listing.archive), link)
    return links


def _feeds(
    renderer: Renderer, urls: Mapping[str, str], site: Site, memo: Memo
) -> Iterator[tuple[str, Iterable[str]]]:
    catalog = renderer.site.catalog
    base = _base(site)
    size = site.feed_size
    feeds = {
        SITE_FEED: Feed(site.name, base + SITE_FEED, base, site.name, site_feed(catalog, size))
    }
    for slug, listing in _topic_listings(renderer):
        title = _topic_title(renderer, slug, site)
        page = base + urls[listing.uris[0]].removeprefix("./")
        entries = topic_feed(catalog, slug, size)
        feeds[listing.feed] = Feed(title, base + listing.feed, page, site.name, entries)

    def content(entry: Entry) -> str:
        paper = entry.paper
        return memo.get(("feed", paper), lambda: renderer.site.render(FEED_ENTRY, paper=paper))

    def link(entry: Entry) -> str:
        return card_url(entry, urls, base)

    for path, feed in feeds.items():
        yield path, (memo.get(("atom", feed), partial(atom, feed, link, content)),)


def _topic_listings(renderer: Renderer) -> list[tuple[str, Listing]]:
    return [(key, listing) for (kind, key), listing in renderer.listings.items() if kind == "topic"]


def _topic_title(renderer: Renderer, slug: str, site: Site) -> str:
    return f"{renderer.site.catalog.topic_name(slug)} — {site.name}"


def _base(site: Site) -> str:
    return site.url.rstrip("/") + "/"
