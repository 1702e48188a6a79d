"""Where the generated pages go. No MkDocs.

Defaults follow the links digests already carry: `../../sd` from `sd/2024-03-29.md`
means the topic page lives in the folder named after the topic, beside the series
folders. A site can move topic pages and the overview with path patterns.

A topic or series page is a listing split into numbered pages: page 1 is the URL the
digests link to, the next ones live below it (`sd/page/2.md`), beside the archive of
its weeks (`sd/archive.md`), as Material's blog does with its archive pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import ClassVar

from ..domain.catalog import Catalog, Series, Week
from ..domain.model import Diagnostic, Entry
from .pagination import paginate


@dataclass(frozen=True)
class Listing:
    """The papers of one topic, or of one series without a topic, week by week.

    `pages[i]` holds the weeks shown on the page at `uris[i]`, newest first. What it
    lists is its type: `TopicListing` or `SeriesListing`.
    """

    kind: ClassVar[str]  # its name in the filter's index: `topic:sd`
    key: str  # topic slug or series folder
    pages: tuple[tuple[Week, ...], ...]
    uris: tuple[str, ...]
    archive: str

    def name(self, catalog: Catalog) -> str:
        raise NotImplementedError

    def series(self, catalog: Catalog) -> Series | None:
        """The digests of its own series (`sd/` for the topic `sd`), if it has one."""
        raise NotImplementedError

    @property
    def has_files(self) -> bool:
        """Whether it has a feed and a .bib file beside it (see `feed`, `bib`)."""
        return False

    @property
    def weeks(self) -> list[Week]:
        return [week for page in self.pages for week in page]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry it lists, in its order."""
        return tuple(entry for page in self.pages for week in page for entry in week.entries)

    @property
    def feed(self) -> str:
        """Its Atom feed, beside its archive (`sd/feed.xml`)."""
        return self.archive.removesuffix("archive.md") + "feed.xml"

    @property
    def latest(self) -> str:
        """A fixed address that sends the reader on to its latest week (`sd/latest.html`)."""
        return latest_address(self.archive)

    @property
    def bib(self) -> str:
        """Its papers as BibTeX, beside its archive (`sd/papers.bib`)."""
        return self.archive.removesuffix("archive.md") + "papers.bib"

    def page_of(self, week: Week) -> int:
        """The 0-based page that lists `week`."""
        return next(i for i, page in enumerate(self.pages) if week in page)


def latest_address(archive: str) -> str:
    """The latest week's fixed address, beside the listing's archive."""
    return archive.removesuffix("archive.md") + "latest.html"


@dataclass(frozen=True)
class TopicListing(Listing):
    """A topic's papers across every series that names it."""

    kind: ClassVar[str] = "topic"

    def name(self, catalog: Catalog) -> str:
        return catalog.topic_name(self.key)

    def series(self, catalog: Catalog) -> Series | None:
        return catalog.series_of_topic(self.key)

    @property
    def has_files(self) -> bool:
        return True


@dataclass(frozen=True)
class SeriesListing(Listing):
    """The papers of a series whose folder is no topic's (`all/`)."""

    kind: ClassVar[str] = "series"

    def name(self, catalog: Catalog) -> str:
        return catalog.series[self.key].name

    def series(self, catalog: Catalog) -> Series | None:
        return catalog.series.get(self.key)


@dataclass(frozen=True)
class SitePage:
    """A page the plugin provides: generated, or the user's page at that path. Each
    kind of page is a type; what it shows is rendering's (`rendering/pages/`)."""

    src_uri: str

    @property
    def noun(self) -> str:
        """What it is, for messages: `topic page`."""
        raise NotImplementedError

    @property
    def subject(self) -> tuple[str, str]:
        """What it is a page of: its listing's kind and key, or ('overview', '')."""
        raise NotImplementedError


@dataclass(frozen=True)
class _OfListing(SitePage):
    """A page of one listing: one of its numbered pages, or its archive."""

    listing: Listing = field(compare=False, repr=False)
    what: ClassVar[str] = "page"  # for messages

    @property
    def noun(self) -> str:
        return f"{self.listing.kind} {self.what}"

    @property
    def subject(self) -> tuple[str, str]:
        return (self.listing.kind, self.listing.key)


@dataclass(frozen=True)
class ListingPage(_OfListing):
    """Page `number` of a listing: its weeks' papers."""

    number: int = 1


@dataclass(frozen=True)
class ArchivePage(_OfListing):
    """Every week of a listing with its count, its page and its digest."""

    what: ClassVar[str] = "archive"


@dataclass(frozen=True)
class OverviewPage(SitePage):
    """Every topic with its counts and the papers topics share."""

    @property
    def noun(self) -> str:
        return "overview page"

    @property
    def subject(self) -> tuple[str, str]:
        return ("overview", "")


@dataclass(frozen=True)
class ExplorerPage(SitePage):
    """Every paper of the site, filtered by text, topic, category, month and author
    in the reader's browser, and the reader's starred papers."""

    @property
    def noun(self) -> str:
        return "explorer page"

    @property
    def subject(self) -> tuple[str, str]:
        return ("explorer", "")


@dataclass(frozen=True)
class Layout:
    topic_page: str | None = None  # e.g. "topics/{slug}.md"; None: "<root>/{slug}/index.md"
    overview_page: str | None = None  # None: "<root>/topics.md"
    per_page: int = 100  # papers on one page of a listing; 0: all on one page
    explorer_page: str | None = None  # None: "<root>/papers/index.md"

    def topic(self, catalog: Catalog, slug: str) -> str:
        if self.topic_page:
            return _clean(self.topic_page.format(slug=slug))
        return _clean(posixpath.join(catalog.root, slug, "index.md"))

    def overview(self, catalog: Catalog) -> str:
        return _clean(self.overview_page or posixpath.join(catalog.root, "topics.md"))

    def explorer(self, catalog: Catalog) -> str:
        return _clean(self.explorer_page or posixpath.join(catalog.root, "papers", "index.md"))

    def listings(self, catalog: Catalog) -> list[Listing]:
        """Every topic's listing, then each series' whose folder is no topic's."""
        found = [
            self._listing(TopicListing, slug, self.topic(catalog, slug), index.weeks)
            for slug, index in catalog.topics.items()
        ]
        found += [
            self._listing(
                SeriesListing, folder, _clean(posixpath.join(folder, "index.md")), s.weeks
            )
            for folder, s in catalog.series.items()
            if s.slug not in catalog.topics
        ]
        return found

    def pages(
        self, catalog: Catalog, own: Collection[str] = ()
    ) -> tuple[list[SitePage], list[Diagnostic]]:
        """The pages to provide, and a problem for each page left out.

        Topic pages come first and win any clash: the digests' own links point at
        them. A page that would share a URL with an earlier one is left out.
        """
        listings = self.listings(catalog)
        topics = [lst for lst in listings if isinstance(lst, TopicListing)]
        wanted: list[SitePage] = [ListingPage(lst.uris[0], lst) for lst in topics]
        wanted.append(OverviewPage(self.overview(catalog)))
        wanted.append(ExplorerPage(self.explorer(catalog)))
        wanted += [ListingPage(lst.uris[0], lst) for lst in listings if lst not in topics]
        for listing in listings:
            wanted += [
                ListingPage(uri, listing, n) for n, uri in enumerate(listing.uris[1:], start=2)
            ]
            wanted.append(ArchivePage(listing.archive, listing))
        pages: dict[str, SitePage] = {}
        problems = []
        owners = {_url_key(uri): uri for uri in own}
        left_out: set[tuple[str, str]] = set()  # listings whose first page is left out
        for page in wanted:
            owner = owners.get(_url_key(page.src_uri))
            if page.subject in left_out:
                continue
            if (owner is not None and owner != page.src_uri) or owner in catalog.digests:
                # The site's own page at that URL (a digest, or `about.md` against a
                # topic `about`) is kept; the same path is the user's listing page.
                problems.append(_owner_kept(catalog, page, str(owner)))
                left_out.add(page.subject)
                continue
            other = pages.setdefault(_url_key(page.src_uri), page)
            if other is not page:
                where, line = _origin(catalog, other)
                problems.append(
                    Diagnostic(
                        where,
                        line,
                        "warning",
                        f"the {page.noun} {page.src_uri} would share its URL with the "
                        f"{other.noun} {other.src_uri}; left out. Set 'topic_page', "
                        "'overview_page' or 'explorer_page' in mkdocs.yml to move it",
                    )
                )
        return list(pages.values()), problems

    def _listing(self, kind: type[Listing], key: str, first: str, weeks: list[Week]) -> Listing:
        pages = paginate(weeks, self.per_page)
        folder = first.removesuffix(".md").removesuffix("index").rstrip("/")
        uris = [first] + [_clean(f"{folder}/page/{n}.md") for n in range(2, len(pages) + 1)]
        return kind(key, pages, tuple(uris), _clean(f"{folder}/archive.md"))


def _owner_kept(catalog: Catalog, page: SitePage, owner: str) -> Diagnostic:
    where, line = _origin(catalog, page)
    what = "digest" if owner in catalog.digests else "page"
    return Diagnostic(
        where,
        line,
        "warning",
        f"the {page.noun} {page.src_uri} would take the URL of the site's {what} "
        f"{owner}; {owner} is kept and the {page.noun} left out. Rename the topic, "
        "or set 'topic_page' or 'overview_page' in mkdocs.yml",
    )


def _origin(catalog: Catalog, page: SitePage) -> tuple[str, int]:
    """Page and line of the first entry that names a topic page's topic (else none).

    Read from the appearances, not the topic's weeks: an entry on an undated page
    (a home page) names a topic without giving it a week.
    """
    kind, key = page.subject
    if kind != TopicListing.kind:
        return "", 0
    for entries in catalog.appearances.values():
        for entry in entries:
            if any(topic.slug == key for topic in entry.paper.topics):
                return entry.page, entry.line
    return "", 0


def _url_key(src_uri: str) -> str:
    # `x.md` and `x/index.md` both become `x/index.html` with directory URLs.
    stem = src_uri.removesuffix(".md")
    for index in ("index", "README"):
        if stem == index:
            return ""
        stem = stem.removesuffix("/" + index)
    return stem


def _clean(path: str) -> str:
    return posixpath.normpath(path).lstrip("/")
