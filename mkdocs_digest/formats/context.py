"""What every site file is made from (`FileContext`), and what a kind of site file
is (`SiteFile`). No MkDocs, and nothing from rendering: a site file is made from the
model, the listings, the pages' URLs and the site's settings.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.model import Paper
from ..structure.layout import Listing, TopicListing


@dataclass(frozen=True)
class Extras:
    """What the site carries besides its pages, which the pages link to."""

    papers_json: str | None = None  # the catalog's file in the site, if written
    feeds: bool = False  # an Atom feed beside each topic page
    citations: bool = False  # BibTeX and COinS on cards, a .bib per topic
    # The theme's search box answers paper queries from the plugin's own index
    # (digest.js, formats/search_index.py) instead of indexing the papers' text.
    paper_search: bool = False
    # Pages opened from file:// (Material's offline plugin), where a script cannot
    # fetch a file: the filter index is also written as a script that sets it.
    offline: bool = False


NO_EXTRAS = Extras()


@dataclass(frozen=True)
class SiteInfo:
    """What the files need to know of the site: its name and its URL (may be empty)."""

    name: str
    url: str
    home: str | None  # the home page's source (`index.md`), if the site has one
    feed_size: int = 50
    language: str = ""  # the site's, as its theme names it (`ja`, `en`, `zh`), if known

    @property
    def base(self) -> str:
        """The site's URL, ending in one `/`."""
        return self.url.rstrip("/") + "/"


@dataclass(frozen=True)
class FileContext:
    catalog: Catalog
    listings: tuple[Listing, ...]
    urls: Mapping[str, str]  # every page's URL in the site (source path -> URL)
    info: SiteInfo
    extras: Extras
    citation_keys: Mapping[str, str]
    feed_entry: Callable[[Paper], str]  # a paper's HTML in a feed entry
    explorer: bool  # the site has the explorer (and its "for you" view)
    # What else the files' text depends on (labels, templates): a new one makes the
    # memo forget what it kept.
    look: Hashable
    memo: Memo  # each file's parts made in the last build (`mkdocs serve`)

    @property
    def topic_listings(self) -> list[TopicListing]:
        return [listing for listing in self.listings if isinstance(listing, TopicListing)]


class SiteFile(Protocol):
    """A kind of file the site gets besides its pages (formats/site_files.py lists
    them): whether this site wants it, and its files as (path, text in pieces)."""

    def wanted(self, context: FileContext) -> bool: ...

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]: ...
