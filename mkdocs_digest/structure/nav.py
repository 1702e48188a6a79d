"""The compact site nav: what it holds, in which order. No MkDocs.

A digest site grows by a page per series every week; a nav that lists every digest
buries the reader and costs a build time that grows with pages squared (themes render
the whole nav into every page). The compact nav holds the topics overview, then one
section per series: its topic (or series) page and its latest weeks. Every other
digest stays reachable from the listings, their archives and the week pager.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..domain.catalog import Catalog, Series
from .layout import ListingPage, OverviewPage, SeriesListing, SitePage, TopicListing


@dataclass(frozen=True)
class NavSection:
    title: str
    pages: tuple[str, ...]  # src_uris: the listing's first page, then the latest weeks


@dataclass(frozen=True)
class NavPlan:
    overview: str | None
    sections: tuple[NavSection, ...]
    # The pages the plan decides about (digests in series, generated pages): they
    # leave the automatic nav, and only the plan puts some of them back.
    managed: frozenset[str]


def series_order(catalog: Catalog, configured: Sequence[str] = ()) -> list[Series]:
    """Configured slugs first, in their order; then series without a topic of their own
    (`all`), then by paper count, largest first."""
    rank = {slug: i for i, slug in enumerate(configured)}

    def key(series: Series) -> tuple[int, bool, int, str]:
        return (
            rank.get(series.slug, len(rank)),
            series.slug in catalog.topics,
            -_count(catalog, series),
            series.slug,
        )

    return sorted(catalog.series.values(), key=key)


def plan(
    catalog: Catalog, pages: Iterable[SitePage], weeks: int, order: Sequence[str] = ()
) -> NavPlan:
    """The nav of the site's `pages` (from `Layout.pages`) with `weeks` latest digests."""
    pages = list(pages)
    first = {p.subject: p.src_uri for p in pages if isinstance(p, ListingPage) and p.number == 1}
    sections = []
    for series in series_order(catalog, order):
        listing = first.get((TopicListing.kind, series.slug)) or first.get(
            (SeriesListing.kind, series.folder)
        )
        latest = [d.page for d in reversed(series.digests)][:weeks]
        sections.append(
            NavSection(catalog.series_name(series), tuple(filter(None, [listing, *latest])))
        )
    overview = next((p.src_uri for p in pages if isinstance(p, OverviewPage)), None)
    digests = {d.page for d in catalog.digests.values() if d.series}
    return NavPlan(overview, tuple(sections), frozenset({p.src_uri for p in pages} | digests))


def _count(catalog: Catalog, series: Series) -> int:
    index = catalog.topics.get(series.slug)
    return index.count if index else series.count
