"""The compact site nav: what it holds, in which order. No MkDocs.

A digest site grows by a page per series every week; a nav that lists every digest
buries the reader and costs a build time that grows with pages squared (themes render
the whole nav into every page). The compact nav holds the topics overview and the
paper explorer, then one section per series: its topic (or series) page, its latest
week and its archive ("older weeks"). Every other digest stays reachable from the
listings, their archives and the week pager; while one of them (or a listing's page
2, ...) is shown, it is placed in its series' section (`NavPlan.places`), so the
reader sees where it is.

The nav every page prints does not change when a week lands: a theme renders the
whole nav into every page, so a nav that changed weekly made every page of the site
render again under `mkdocs serve --dirty` (docs/SPEED.md). So the latest week is a
link to a fixed address that sends the reader on (`NavSection.latest`), and series
are ordered by name, not by a count a new week changes. `nav_weeks` lists the latest
weeks themselves, at the price of a whole-site render each week. More series than
OWN_SECTIONS share one section ("Weekly digests"), so that a theme's tab bar
(Material's `navigation.tabs`) holds every tab.
Inside a section, a week is named by its date alone (`NavPlan.titles`): the section
already names the series.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..domain.catalog import Catalog, Series
from .layout import (
    ArchivePage,
    ExplorerPage,
    ListingPage,
    OverviewPage,
    SeriesListing,
    SitePage,
    TopicListing,
    latest_address,
)

# Series a nav gives a top-level section each; more share one (Material's tab bar
# holds about nine tabs at 1280 px: the home page, the overview, the explorer and these).
OWN_SECTIONS = 6


@dataclass(frozen=True)
class NavSection:
    title: str
    # src_uris: the listing's first page, the latest weeks, the archive ("older weeks")
    pages: tuple[str, ...]
    archive: str | None = None
    # The latest week's fixed address (`sd/latest.html`, which sends the reader on to
    # the week itself), when the section lists no weeks of its own.
    latest: str | None = None


@dataclass(frozen=True)
class NavPlan:
    top: tuple[str, ...]  # the overview and the explorer, after the home page
    sections: tuple[NavSection, ...]
    # The pages the plan decides about (digests in series, generated pages): they
    # leave the automatic nav, and only the plan puts some of them back.
    managed: frozenset[str]
    # A page left out of the nav -> the section (index in `sections`) it is shown in.
    places: Mapping[str, int] = field(default_factory=dict)
    # A page in a section -> its title there, when it is not its own (a week's date).
    titles: Mapping[str, str] = field(default_factory=dict)
    # The title of the one section the series share, when there are more of them
    # than OWN_SECTIONS (a theme's tab bar holds about that many beside the others).
    group: str | None = None

    def on(self, uri: str) -> tuple[int | None, str | None]:
        """What of the plan only the page `uri` prints: its place and title there."""
        return self.places.get(uri), self.titles.get(uri)


def series_order(catalog: Catalog, configured: Sequence[str] = ()) -> list[Series]:
    """Configured slugs first, in their order; then series without a topic of their own
    (`all`), then by name: an order no new week changes."""
    rank = {slug: i for i, slug in enumerate(configured)}

    def key(series: Series) -> tuple[int, bool, str, str]:
        return (
            rank.get(series.slug, len(rank)),
            series.slug in catalog.topics,
            catalog.series_name(series).casefold(),
            series.slug,
        )

    return sorted(catalog.series.values(), key=key)


def plan(
    catalog: Catalog,
    pages: Iterable[SitePage],
    weeks: int,
    order: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
) -> NavPlan:
    """The nav of the site's `pages` (from `Layout.pages`) with `weeks` latest digests.
    `labels`: the `week_of`, `archive` and `page_n` labels, for titles inside a
    section."""
    pages = list(pages)
    first = {p.subject: p.src_uri for p in pages if isinstance(p, ListingPage) and p.number == 1}
    later = [p for p in pages if isinstance(p, ListingPage) and p.number > 1]
    archives = {p.subject: p.src_uri for p in pages if isinstance(p, ArchivePage)}
    week_of = (labels or {}).get("week_of", "{date}")
    sections = []
    places: dict[str, int] = {}
    titles: dict[str, str] = {}
    for n, series in enumerate(series_order(catalog, order)):
        subject = (TopicListing.kind, series.slug)
        if subject not in first:
            subject = (SeriesListing.kind, series.folder)
        latest = [d.page for d in reversed(series.digests)][:weeks]
        archive = archives.get(subject)
        shown = tuple(filter(None, [first.get(subject), *latest, archive]))
        link = None
        if not weeks and archive and series.digests:
            link = latest_address(archive)
        sections.append(NavSection(catalog.series_name(series), shown, archive, link))
        for digest in series.digests:
            if digest.date:
                titles[digest.page] = week_of.format(date=digest.date.isoformat())
        if link and labels and "latest" in labels:
            titles[link] = labels["latest"]
        if archive and labels and "archive" in labels:
            titles[archive] = labels["archive"]
        for listing_page in later:
            if listing_page.subject == subject and labels and "page_n" in labels:
                titles[listing_page.src_uri] = labels["page_n"].format(n=listing_page.number)
        elsewhere = [d.page for d in series.digests] + [
            p.src_uri for p in later if p.subject == subject
        ]
        places.update((uri, n) for uri in elsewhere if uri not in shown)
    top = tuple(p.src_uri for p in pages if isinstance(p, (OverviewPage, ExplorerPage)))
    digests = {d.page for d in catalog.digests.values() if d.series}
    managed = frozenset({p.src_uri for p in pages} | digests)
    group = None
    if len(sections) > OWN_SECTIONS:
        group = (labels or {}).get("weekly_digests", "Weekly digests")
    return NavPlan(top, tuple(sections), managed, places, titles, group)
