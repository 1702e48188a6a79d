"""Every file the site gets besides its pages: the filter's index, papers.json, the
Atom feeds and the topics' .bib files. No MkDocs: the plugin and `generate` both
write what this returns.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..domain.model import Entry
from ..rendering.renderer import Renderer
from .citations import bib_file
from .export import card_url, catalog_json
from .feeds import SITE_FEED, Feed, atom, site_feed, topic_feed
from .filter_index import FILTER_INDEX, filter_index


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


def site_files(renderer: Renderer, urls: Mapping[str, str], site: Site) -> SiteFiles:
    """`urls`: every page's URL in the site (source path -> URL), as the theme has them."""
    catalog = renderer.site.catalog
    extras = renderer.site.extras
    found = SiteFiles()
    found.files[FILTER_INDEX] = filter_index(catalog, renderer.listings.values(), urls)
    if extras.papers_json:
        data = catalog_json(catalog, urls, site.url)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        found.files[extras.papers_json] = text
    if extras.feeds and site.url:
        _feeds(renderer, urls, site, found)
    if extras.citations:
        keys = renderer.site.citation_keys
        for (kind, _), listing in renderer.listings.items():
            if kind == "topic":
                papers = [entry.paper for week in listing.weeks for entry in week.entries]
                found.files[listing.bib] = bib_file(papers, keys)
    return found


def _feeds(renderer: Renderer, urls: Mapping[str, str], site: Site, found: SiteFiles) -> None:
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
        return renderer.site.render("digest/feed_entry.html", paper=entry.paper)

    for path, feed in feeds.items():
        found.files[path] = atom(feed, catalog, lambda e: card_url(e, urls, base), content)
