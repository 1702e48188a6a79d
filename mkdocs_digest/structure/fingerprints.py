"""What each page shows of the catalog, as one fingerprint per page. No MkDocs.

An incremental build (`mkdocs serve --dirty`) renders again only the pages whose own
file changed. But a digest's papers also show on its topic pages, in its neighbours'
week pagers, on the overview and on every digest that lists the same paper. A page
whose fingerprint differs from the last build's shows something new and must be
rendered again; a page whose fingerprint is the same would render the same HTML.

A fingerprint holds everything the renderer reads for that page, and nothing else, so
that fixing a typo in one digest renders that digest and the one listing page that
shows its week, not the site.

A fingerprint is Python's own hash of a tuple of what the page shows: fast, and
compared only within one `mkdocs serve`, where string hashes stay the same.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping

from ..domain.catalog import Catalog
from ..domain.model import Digest, Entry
from .layout import SitePage


def fingerprints(
    catalog: Catalog,
    pages: Iterable[SitePage],
    sources: Mapping[str, str],
    site: str,
    keys: Mapping[str, str],
    heads: Mapping[str, Hashable] | None = None,
) -> dict[str, int]:
    """A fingerprint for each source page and each page in `pages`.

    `sources` holds a hash of each source page's text; `site` stands for what every
    page shows (the nav, the options, the pages' URLs): a change there changes every
    fingerprint. `keys` are the papers' citation keys, which cards show. `heads` holds
    what the front end puts in each page's `<head>`, as it renders it from.
    """
    found = {uri: hash((site, text)) for uri, text in sources.items()}
    places = {uri: _page(catalog, digest) for uri, digest in catalog.digests.items()}
    # Rows show their papers' topics by name: a renamed topic renders every listing.
    names = tuple((slug, index.topic.name) for slug, index in catalog.topics.items())
    for digest in catalog.digests.values():
        links = _digest(catalog, digest, places)
        cited = tuple(keys[entry.paper.arxiv_id] for entry in digest.entries)
        found[digest.page] = hash((site, sources.get(digest.page), links, cited))
    for page in pages:
        if page.kind == "overview":
            shown: object = _overview(catalog)
        elif page.role == "archive":
            shown = _archive(catalog, page)
        else:
            shown = (names, _listing_page(catalog, page))
        found[page.src_uri] = hash((site, page.src_uri, shown))
    for uri, head in (heads or {}).items():
        found[uri] = hash((found.get(uri), head))
    return found


def _digest(catalog: Catalog, digest: Digest, pages: Mapping[str, object]) -> object:
    """Other appearances of its papers, its neighbours, its topics' names."""
    before, after = catalog.neighbours(digest)
    slugs = sorted({t.slug for e in digest.entries for t in e.paper.topics} | {digest.series or ""})
    return (
        tuple(tuple((o.anchor, pages[o.page]) for o in catalog.others(e)) for e in digest.entries),
        (_week(before), _week(after)),
        tuple((slug, catalog.topic_name(slug)) for slug in slugs),
    )


def _listing_page(catalog: Catalog, page: SitePage) -> object:
    """Its weeks' papers with their topics, and the listing's totals and pages."""
    listing = page.listing
    if listing is None:
        return ()
    rows = tuple(
        (week.date, tuple(_row(catalog, entry) for entry in week.entries))
        for week in listing.pages[page.number - 1]
    )
    totals = (sum(len(week.entries) for week in listing.weeks), len(listing.weeks))
    return (page.number, listing.uris, listing.archive, _name(catalog, page), totals, rows)


def _overview(catalog: Catalog) -> object:
    """Every topic's name and count per week, and the papers each pair shares."""
    topics = tuple(
        (slug, index.topic.name, tuple((week.date, len(week.entries)) for week in index.weeks))
        for slug, index in sorted(catalog.topics.items())
    )
    return (tuple(catalog.week_dates), topics, tuple(sorted(catalog.shared().items())))


def _archive(catalog: Catalog, page: SitePage) -> object:
    """Every week's count and page, and the series' digests it links."""
    listing = page.listing
    if listing is None:
        return ()
    weeks = tuple((week.date, len(week.entries), listing.page_of(week)) for week in listing.weeks)
    series = (
        catalog.series.get(page.key) if page.kind == "series" else catalog.series_of_topic(page.key)
    )
    digests = tuple(_week(d) for d in series.digests) if series else ()
    return (listing.uris, _name(catalog, page), weeks, digests)


def _row(catalog: Catalog, entry: Entry) -> object:
    """A listing row shows the paper's titles, where its card is and its topics (a
    set, made once per catalog, which hashes once)."""
    paper = entry.paper
    return (
        paper.title,
        paper.title_ja,
        entry.page,
        entry.anchor,
        catalog.topics_of(paper.arxiv_id),
    )


def _page(catalog: Catalog, digest: Digest) -> object:
    """What an "also in" link shows of the page it links to."""
    series = catalog.series.get(digest.folder)
    name = catalog.series_name(series) if series else None
    return (digest.page, digest.date, digest.series, name)


def _week(digest: Digest | None) -> object:
    if digest is None:
        return None
    return (digest.page, digest.date, digest.title, len(digest.entries))


def _name(catalog: Catalog, page: SitePage) -> str:
    if page.kind == "topic":
        return catalog.topic_name(page.key)
    return catalog.series[page.key].name if page.key in catalog.series else page.key
