"""Every file the site gets besides its pages: the filter's index, papers.json, the
Atom feeds and the topics' .bib files. No MkDocs: the plugin and `generate` both
write what this returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial

from ..domain.cache import Memo
from ..domain.model import Entry
from ..rendering.renderer import Renderer
from .citations import bib_file
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


@dataclass
class SiteFiles:
    files: dict[str, str] = field(default_factory=dict)  # path in the site -> text
    feed_links: dict[str, tuple[str, str]] = field(default_factory=dict)  # page -> title, URL


def site_files(
    renderer: Renderer, urls: Mapping[str, str], site: Site, memo: Memo | None = None
) -> SiteFiles:
    """`urls`: every page's URL in the site (source path -> URL), as the theme has them.
    `memo`: the files' parts made in the last build (`mkdocs serve`), to keep those an
    edit did not touch."""
    catalog = renderer.site.catalog
    extras = renderer.site.extras
    memo = Memo() if memo is None else memo
    feed_entry = renderer.site.env.get_template(FEED_ENTRY)  # a new one once edited
    memo.start((dict(urls), site, renderer.site.labels, extras, feed_entry))
    found = SiteFiles()
    found.files[FILTER_INDEX] = filter_index(catalog, renderer.listings.values(), urls, memo)
    if extras.papers_json:
        found.files[extras.papers_json] = papers_json(catalog, urls, site.url, memo)
    if extras.feeds and site.url:
        _feeds(renderer, urls, site, found, memo)
    if extras.citations:
        keys = renderer.site.citation_keys
        for (kind, _), listing in renderer.listings.items():
            if kind == "topic":
                papers = tuple(entry.paper for week in listing.weeks for entry in week.entries)
                cited = tuple(keys[paper.arxiv_id] for paper in papers)
                text = memo.get(("bib", papers, cited), partial(bib_file, papers, keys))
                found.files[listing.bib] = text
    return found


def _feeds(
    renderer: Renderer, urls: Mapping[str, str], site: Site, found: SiteFiles, memo: Memo
) -> None:
    catalog = renderer.site.catalog
    base = site.url.rstrip("/") + "/"
    size = site.feed_size
    feeds = {
        SITE_FEED: Feed(site.name, base + SITE_FEED, base, site.name, site_feed(catalog, size))
    }
    if site.home:
        found.feed_links[site.home] = (site.name, base + SITE_FEED)
    for (kind, slug), listing in renderer.listings.items():
        if kind == "topic":
            title = f"{catalog.topic_name(slug)} — {site.name}"
            page = base + urls[listing.uris[0]].removeprefix("./")
            url = base + listing.feed
            feeds[listing.feed] = Feed(title, url, page, site.name, topic_feed(catalog, slug, size))
            found.feed_links |= dict.fromkeys((*listing.uris, listing.archive), (title, url))

    def content(entry: Entry) -> str:
        paper = entry.paper
        return memo.get(("feed", paper), lambda: renderer.site.render(FEED_ENTRY, paper=paper))

    def link(entry: Entry) -> str:
        return card_url(entry, urls, base)

    for path, feed in feeds.items():
        found.files[path] = memo.get(("atom", feed), partial(atom, feed, link, content))
