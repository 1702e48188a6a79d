"""The filter's index: every listing's papers in one compact JSON file, and each
listing's in a file of its own. No MkDocs.

Topic and series pages filter across all their numbered pages, so the browser needs
the whole listing; inlining it in every page would weigh each one down. A listing's
filter fetches its listing's file when a reader first types (`listing_index`: the
same shape, with its own papers, pages and list alone: kilobytes where the whole
index weighs megabytes); the explorer reads the whole index. Its shape:

    {"papers": [[arxiv_id, title, title_ja, authors, categories], ...],
     "pages": [url of a digest page, ...],
     "weeks": [the week of each of those pages, ISO date or "", ...],
     "home": [[page] or [page, anchor] of each paper's home card, ...],
     "lists": {"topic:sd": [[paper, page], [paper, page, anchor], ...], ...},
     "names": {"topic:sd": "合成データ", ...}}

`paper` and `page` index the arrays above; the card's anchor is given only where it
is not the paper's own (`arxiv-<id>-2` for a second entry on one page). A paper's home
card (`Catalog.home`) is where the site search leads to. URLs are site-root relative,
as MkDocs gives them; each list is in the listing's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import partial

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.model import Entry, Paper
from ..domain.text import fnv1a
from ..structure.layout import Listing
from .context import FileContext
from .json_text import as_script, compact_json

# Where the index goes in the built site; and as a script, for pages opened from
# file:// (which may load a script but not fetch a file), setting
# `window.mkdocsDigest["papers-index.json"]`.
FILTER_INDEX = "assets/mkdocs_digest/papers-index.json"
FILTER_SCRIPT = "assets/mkdocs_digest/papers-index.js"
# A listing's own: its name hashed, as a folder name may hold any character.
LISTING_INDEX = "assets/mkdocs_digest/lists/{kind}-{hash:08x}.json"


def filter_index(
    catalog: Catalog, listings: Iterable[Listing], urls: Mapping[str, str], memo: Memo
) -> Iterator[str]:
    """The index, in pieces of a paper or a listing each (the whole weighs megabytes
    on a big site). Papers and pages are numbered in the catalog's order (oldest
    week first), which an edit of a paper's text leaves as it is, and a new week
    extends: `memo` then gives back every record and every listing's rows the change
    did not touch (a row is keyed by its numbers)."""
    listings = tuple(listings)
    papers = {arxiv_id: n for n, arxiv_id in enumerate(catalog.appearances)}
    pages = {uri: n for n, uri in enumerate(catalog.digests)}
    page_urls = tuple(urls[uri] for uri in pages)
    weeks = tuple(d.date.isoformat() if d.date else "" for d in catalog.digests.values())
    memo.start(FILTER_INDEX)  # records and rows are keyed by all they hold
    yield '{"papers":['
    for n, paper in enumerate(map(catalog.paper, papers)):
        if n:
            yield ","
        yield memo.get(("paper", paper), partial(_record, paper))
    yield f'],"pages":{compact_json(page_urls)},"weeks":{compact_json(weeks)},"home":'
    yield _rows(tuple(map(catalog.home, papers)), papers, pages, memo, with_paper=False)
    yield ',"lists":{'
    for n, listing in enumerate(listings):
        yield ("," if n else "") + compact_json(f"{listing.kind}:{listing.key}") + ":"
        yield _rows(listing.entries, papers, pages, memo)
    names = {f"{lst.kind}:{lst.key}": lst.name(catalog) for lst in listings}
    yield "}," + f'"names":{compact_json(names)}' + "}"


def _rows(
    entries: tuple[Entry, ...],
    papers: Mapping[str, int],
    pages: Mapping[str, int],
    memo: Memo,
    with_paper: bool = True,
) -> str:
    numbers = tuple((papers[e.paper.arxiv_id], pages[e.page]) for e in entries)
    key = ("rows", with_paper, entries, numbers)
    return memo.get(key, partial(_make_rows, entries, papers, pages, with_paper))


def _make_rows(
    entries: tuple[Entry, ...],
    papers: Mapping[str, int],
    pages: Mapping[str, int],
    with_paper: bool,
) -> str:
    rows: list[list[object]] = []
    for entry in entries:
        row: list[object] = [pages[entry.page]]
        if with_paper:
            row.insert(0, papers[entry.paper.arxiv_id])
        if entry.anchor != entry.paper.anchor:
            row.append(entry.anchor)
        rows.append(row)
    return compact_json(rows)


def _record(paper: Paper) -> str:
    return compact_json(
        [
            paper.arxiv_id,  # the JS derives the anchor from it as model.anchor_for does
            paper.title.strip(),
            (paper.title_ja or "").strip(),
            ", ".join(paper.authors),
            " ".join(" ".join(c.split()) for c in paper.categories),
        ]
    )


def listing_index(listing: Listing) -> str:
    """Where a listing's own filter index goes in the built site."""
    return LISTING_INDEX.format(kind=listing.kind, hash=fnv1a(listing.key))


def listing_filter_index(
    catalog: Catalog, listing: Listing, urls: Mapping[str, str], memo: Memo
) -> str:
    """A listing's own index: its papers, its pages and its list, in its order."""
    entries = listing.entries
    ids = tuple(dict.fromkeys(e.paper.arxiv_id for e in entries))
    pages = tuple(dict.fromkeys(e.page for e in entries))
    digests = catalog.digests
    weeks = tuple(d.date.isoformat() if (d := digests[uri]).date else "" for uri in pages)
    page_urls = tuple(urls[uri] for uri in pages)
    papers = tuple(map(catalog.paper, ids))  # as the catalog merges a paper's copies
    key = (listing.kind, listing.key, entries, papers, page_urls, weeks)
    return memo.get(key, partial(_listing_text, listing, ids, papers, pages, page_urls, weeks))


def _listing_text(
    listing: Listing,
    ids: tuple[str, ...],
    papers: tuple[Paper, ...],
    pages: tuple[str, ...],
    page_urls: tuple[str, ...],
    weeks: tuple[str, ...],
) -> str:
    rows = _make_rows(
        listing.entries,
        {arxiv_id: n for n, arxiv_id in enumerate(ids)},
        {uri: n for n, uri in enumerate(pages)},
        with_paper=True,
    )
    name = compact_json(f"{listing.kind}:{listing.key}")
    return (
        f'{{"papers":[{",".join(map(_record, papers))}],"pages":{compact_json(page_urls)},'
        f'"weeks":{compact_json(weeks)},"lists":{{{name}:{rows}}}}}'
    )


class FilterIndex:
    """Always written: every listing page's filter reads it."""

    def wanted(self, context: FileContext) -> bool:
        return True

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        catalog, urls = context.catalog, context.urls
        memo = context.memo.part(FILTER_INDEX)
        yield FILTER_INDEX, filter_index(catalog, context.listings, urls, memo)
        if context.extras.offline:
            index = filter_index(catalog, context.listings, urls, memo)
            yield FILTER_SCRIPT, as_script("papers-index.json", index)
        lists = context.memo.part(LISTING_INDEX)
        lists.start(LISTING_INDEX)
        for listing in context.listings:
            path, text = listing_index(listing), listing_filter_index(catalog, listing, urls, lists)
            yield path, (text,)
            if context.extras.offline:
                name = path.rsplit("/", 1)[-1]
                yield path.removesuffix(".json") + ".js", as_script(name, (text,))
