"""The catalog as plain JSON data: the `export` command, and `papers.json` in the
built site (the same data, each appearance with its card's URL). No MkDocs."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import Any

from ..domain.cache import Memo
from ..domain.catalog import Catalog, PaperRecord
from ..domain.model import Entry
from ..structure.urls import from_root
from .context import FileContext
from .json_text import compact_json

# Where the catalog goes in the built site, beside the home page.
PAPERS_JSON = "papers.json"
# The version of its format (mkdocs_digest/schemas/papers.schema.json): 2 gives each
# paper arXiv's canonical abstract URL (https, without version) where 1 gave the URL
# as the digest wrote it. A change a reader of version 2 could not read raises it.
FORMAT_VERSION = 2


def catalog_json(
    catalog: Catalog, urls: Mapping[str, str] | None = None, site_url: str = ""
) -> dict[str, Any]:
    """The catalog; with `urls` (page -> site URL), each appearance has its card's
    URL: absolute under `site_url`, else from the site's root."""
    url_of = _card_urls(urls, site_url)
    papers = [_paper(catalog.record(arxiv_id), url_of) for arxiv_id in catalog.appearances]
    return {"version": FORMAT_VERSION, "papers": papers} | _site(catalog)


def papers_json(
    catalog: Catalog, urls: Mapping[str, str], site_url: str, memo: Memo
) -> Iterator[str]:
    """`catalog_json` as compact JSON text, for the built site, made paper by paper:
    a writer that writes each piece as it comes never holds the whole (it is the
    biggest file the plugin writes, at the end of the build, when MkDocs holds every
    page). `memo`, started with the same topic names, keeps each paper's text
    from the last build: a paper's record is made of its appearances, their cards'
    URLs and their topics' names."""
    url_of = _card_urls(urls, site_url)
    yield f'{{"version":{FORMAT_VERSION},"papers":['
    for n, (arxiv_id, entries) in enumerate(catalog.appearances.items()):
        if n:
            yield ","
        key = ("json", tuple(entries), tuple(map(url_of, entries)) if url_of else None)
        yield memo.get(key, partial(_paper_json, catalog, arxiv_id, url_of))
    yield "]," + compact_json(_site(catalog))[1:]  # {"topics":...}


def _card_urls(urls: Mapping[str, str] | None, site_url: str) -> Callable[[Entry], str] | None:
    return None if urls is None else lambda e: card_url(e, urls, site_url)


def _paper_json(catalog: Catalog, arxiv_id: str, url_of: Callable[[Entry], str] | None) -> str:
    return compact_json(_paper(catalog.record(arxiv_id), url_of))


def _site(catalog: Catalog) -> dict[str, Any]:
    """Everything of the catalog but its papers."""
    return {
        "topics": [
            {"slug": slug, "name": index.topic.name, "count": index.count}
            for slug, index in catalog.topics.items()
        ],
        "digests": [
            {
                "page": digest.page,
                "series": digest.series,
                "title": digest.title,
                "date": digest.date.isoformat() if digest.date else None,
                "papers": [entry.paper.arxiv_id for entry in digest.entries],
            }
            for digest in catalog.digests.values()
        ],
        "diagnostics": [
            {"page": d.page, "line": d.line, "level": d.level, "message": d.message}
            for d in catalog.diagnostics
        ],
    }


def _paper(record: PaperRecord, url_of: Callable[[Entry], str] | None) -> dict[str, Any]:
    paper = record.paper
    return {
        "arxiv_id": paper.arxiv_id,
        # arXiv's canonical URL, as feeds, BibTeX and JSON-LD give it: one paper, one
        # URL, whatever the digest wrote (http://, a version).
        "url": paper.abs_url,
        "title": paper.title,
        "title_ja": paper.title_ja,
        "authors": list(paper.authors),
        "summary": list(paper.summary),
        "commentary": paper.commentary,
        "comment": paper.comment,
        "topics": [topic.slug for topic in record.topics],
        "categories": list(paper.categories),
        "published": str(paper.published) if paper.published else None,
        "appearances": [
            {"page": e.page, "line": e.line} | ({"url": url_of(e)} if url_of else {})
            for e in record.appearances
        ],
    }


def card_url(entry: Entry, urls: Mapping[str, str], site_url: str) -> str:
    """Where the entry's card is: absolute under `site_url`, else from the root."""
    page = from_root(urls.get(entry.page, entry.page))
    root = site_url.rstrip("/") + "/" if site_url else "/"
    return posixpath.join(root, page) + "#" + entry.anchor


class PapersJson:
    """The catalog as papers.json, for other tools and the overview's link."""

    def wanted(self, context: FileContext) -> bool:
        return context.extras.papers_json is not None

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        path = context.extras.papers_json or PAPERS_JSON
        yield path, papers_json(context.catalog, context.urls, context.info.url, context.memo)
