"""Schema.org JSON-LD for the papers on a page. No MkDocs.

Search engines and reference managers read `ScholarlyArticle` records from a
`<script type="application/ld+json">` element. Its text is digest text, so it is
written so that no character sequence in it can end the element or start markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.catalog import PaperRecord
from .json_text import script_json


def article(paper_record: PaperRecord) -> dict[str, object]:
    """A paper as schema.org describes one: its canonical arXiv URL as its URL and
    identity (`sameAs`, with arXiv's DOI), its English title as `headline`, its
    Japanese title tagged as Japanese, its topics. Every byte is in every digest
    page's head: nothing said twice (`name`, `@id`) or read better on the page (the
    PDF, categories)."""
    paper = paper_record.paper
    # No `description`: the bullets are on the page already, and carrying them twice
    # made a third of a digest page's weight.
    record: dict[str, object] = {
        "@type": "ScholarlyArticle",
        "url": paper.abs_url,
        "sameAs": [paper.abs_url, f"https://doi.org/{paper.doi}"],
        "headline": paper.title,
        "identifier": {"@type": "PropertyValue", "propertyID": "arXiv", "value": paper.arxiv_id},
        "author": [{"@type": "Person", "name": name} for name in paper.authors],
        "about": [topic.name for topic in paper_record.topics],
    }
    if paper.title_ja:
        record["alternativeHeadline"] = {"@value": paper.title_ja, "@language": "ja"}
    if paper.published:
        record["datePublished"] = paper.published.iso
    return record


def script_element(records: Iterable[PaperRecord]) -> str:
    """A `<script type="application/ld+json">` element describing the papers."""
    data = {"@context": "https://schema.org", "@graph": [article(r) for r in records]}
    return f'<script type="application/ld+json">{script_json(data)}</script>'
