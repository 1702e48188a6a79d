"""The catalog as plain JSON data (the `export` command, later `papers.json`). No MkDocs."""

from __future__ import annotations

from typing import Any

from ..domain.catalog import Catalog


def catalog_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "papers": [_paper(catalog, arxiv_id) for arxiv_id in catalog.appearances],
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


def _paper(catalog: Catalog, arxiv_id: str) -> dict[str, Any]:
    record = catalog.record(arxiv_id)
    paper = record.paper
    return {
        "arxiv_id": paper.arxiv_id,
        "url": paper.url,
        "title": paper.title,
        "title_ja": paper.title_ja,
        "authors": list(paper.authors),
        "summary": list(paper.summary),
        "commentary": paper.commentary,
        "comment": paper.comment,
        "topics": [topic.slug for topic in record.topics],
        "categories": list(paper.categories),
        "published": str(paper.published) if paper.published else None,
        "appearances": [{"page": e.page, "line": e.line} for e in record.appearances],
    }
