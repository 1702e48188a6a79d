"""The filter's index: every listing's papers in one compact JSON file. No MkDocs.

Topic and series pages filter across all their numbered pages, so the browser needs
the whole listing; inlining it in every page would weigh each one down. One file is
written per build and fetched when a reader first types. Its shape:

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
from ..structure.layout import Listing
from .context import FileContext
from .json_text import as_script, compact_json

# Where the index goes in the built site; and as a script, for pages opened from
# file:// (which may load a script but not fetch a file), setting
# `window.mkdocsDigest["papers-index.json"]`.
FILTER_INDEX = "assets/mkdocs_digest/papers-index.json"
FILTER_SCRIPT = "assets/mkdocs_digest/papers-index.js"


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


class FilterIndex:
    """Always written: every listing page's filter reads it."""

    def wanted(self, context: FileContext) -> bool:
        return True

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        memo = context.memo.part(FILTER_INDEX)
        yield FILTER_INDEX, filter_index(context.catalog, context.listings, context.urls, memo)
        if context.extras.offline:
            index = filter_index(context.catalog, context.listings, context.urls, memo)
            yield FILTER_SCRIPT, as_script("papers-index.json", index)
