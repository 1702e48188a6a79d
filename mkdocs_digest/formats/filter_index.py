"""The filter's index: every listing's papers in one compact JSON file. No MkDocs.

Topic and series pages filter across all their numbered pages, so the browser needs
the whole listing; inlining it in every page would weigh each one down. One file is
written per build and fetched when a reader first types. Its shape:

    {"papers": [[arxiv_id, title, title_ja, authors, categories], ...],
     "pages": [url of a digest page, ...],
     "lists": {"topic:sd": [[paper, page], [paper, page, anchor], ...], ...}}

`paper` and `page` index the arrays above; the card's anchor is given only where it
is not the paper's own (`arxiv-<id>-2` for a second entry on one page). URLs are
site-root relative, as MkDocs gives them; each list is in the listing's order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import partial

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.model import Paper
from ..structure.layout import Listing

# Where the index goes in the built site.
FILTER_INDEX = "assets/mkdocs_digest/papers-index.json"


def filter_index(
    catalog: Catalog, listings: Iterable[Listing], urls: Mapping[str, str], memo: Memo
) -> str:
    """The index; `memo` keeps each paper's record from the last build."""
    papers: dict[str, int] = {}
    records: list[list[str]] = []
    pages: dict[str, int] = {}
    lists: dict[str, list[list[object]]] = {}
    for listing in listings:
        rows: list[list[object]] = []
        for week in listing.weeks:
            for entry in week.entries:
                paper = entry.paper
                if paper.arxiv_id not in papers:
                    papers[paper.arxiv_id] = len(records)
                    shown = catalog.paper(paper.arxiv_id)
                    records.append(memo.get(("filter", shown), partial(_record, shown)))
                row: list[object] = [
                    papers[paper.arxiv_id],
                    pages.setdefault(urls[entry.page], len(pages)),
                ]
                if entry.anchor != paper.anchor:
                    row.append(entry.anchor)
                rows.append(row)
        lists[f"{listing.kind}:{listing.key}"] = rows
    data = {"papers": records, "pages": list(pages), "lists": lists}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _record(paper: Paper) -> list[str]:
    return [
        paper.arxiv_id,  # the JS derives the anchor from it as model.anchor_for does
        paper.title.strip(),
        (paper.title_ja or "").strip(),
        ", ".join(paper.authors),
        " ".join(" ".join(c.split()) for c in paper.categories),
    ]
