"""What each page shows of the catalog, as one fingerprint per page. No MkDocs.

An incremental build (`mkdocs serve --dirty`) renders again only the pages whose own
file changed. But a digest's papers also show on its topic pages, in its neighbours'
week pagers, on the overview and on every digest that lists the same paper. A page
whose fingerprint differs from the last build's shows something new and must be
rendered again; a page whose fingerprint is the same would render the same HTML.

A fingerprint holds everything the renderer reads for that page, and nothing else, so
that fixing a typo in one digest renders that digest and the one listing page that
shows its week, not the site.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from ..domain.catalog import Catalog
from ..domain.model import Digest, Entry
from .layout import SitePage


def fingerprints(
    catalog: Catalog, pages: Iterable[SitePage], texts: Mapping[str, str], site: str
) -> dict[str, str]:
    """A fingerprint for each digest and each page in `pages`.

    `texts` holds each digest page's source; `site` stands for what every page shows
    (the nav, the options, the pages' URLs): a change there changes every fingerprint.
    """
    own = {uri: _hash(text) for uri, text in texts.items()}
    every_text = _hash(sorted(own.items()))
    found = {uri: _hash((site, text)) for uri, text in own.items()}
    for digest in catalog.digests.values():
        found[digest.page] = _hash((site, own.get(digest.page), _digest(catalog, digest)))
    for page in pages:
        if page.kind == "overview":
            shown: object = every_text  # counts and charts of every topic, every week
        elif page.role == "archive":
            shown = _archive(catalog, page)
        else:
            shown = _listing_page(catalog, page)
        found[page.src_uri] = _hash((site, page.src_uri, shown))
    return found


def _digest(catalog: Catalog, digest: Digest) -> object:
    """Other appearances of its papers, its neighbours, its topics' names."""
    before, after = catalog.neighbours(digest)
    slugs = sorted({t.slug for e in digest.entries for t in e.paper.topics} | {digest.series or ""})
    return (
        [[_place(catalog, o) for o in catalog.others(e)] for e in digest.entries],
        [_week(d) for d in (before, after)],
        [(slug, catalog.topic_name(slug)) for slug in slugs],
    )


def _listing_page(catalog: Catalog, page: SitePage) -> object:
    """Its weeks' papers with their topics, and the listing's totals and pages."""
    listing = page.listing
    if listing is None:
        return ()
    rows = [
        (week.date, [_row(catalog, entry) for entry in week.entries])
        for week in listing.pages[page.number - 1]
    ]
    totals = (sum(len(week.entries) for week in listing.weeks), len(listing.weeks))
    return (page.number, listing.uris, listing.archive, _name(catalog, page), totals, rows)


def _archive(catalog: Catalog, page: SitePage) -> object:
    """Every week's count and page, and the series' digests it links."""
    listing = page.listing
    if listing is None:
        return ()
    weeks = [(week.date, len(week.entries), listing.page_of(week)) for week in listing.weeks]
    series = (
        catalog.series.get(page.key) if page.kind == "series" else catalog.series_of_topic(page.key)
    )
    digests = [_week(d) for d in series.digests] if series else []
    return (listing.uris, _name(catalog, page), weeks, digests)


def _row(catalog: Catalog, entry: Entry) -> object:
    """A listing row shows the paper's titles, where its card is and its topics."""
    topics = sorted(catalog.topics_of(entry.paper.arxiv_id))
    titles = (entry.paper.title, entry.paper.title_ja)
    return (titles, entry.page, entry.anchor, [(t, catalog.topic_name(t)) for t in topics])


def _place(catalog: Catalog, entry: Entry) -> object:
    digest = catalog.digests[entry.page]
    series = catalog.series.get(digest.folder)
    name = catalog.series_name(series) if series else None
    return (entry.page, entry.anchor, digest.date, digest.series, name)


def _week(digest: Digest | None) -> object:
    if digest is None:
        return None
    return (digest.page, digest.date, digest.title, len(digest.entries))


def _name(catalog: Catalog, page: SitePage) -> str:
    if page.kind == "topic":
        return catalog.topic_name(page.key)
    return catalog.series[page.key].name if page.key in catalog.series else page.key


def _hash(value: object) -> str:
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()
