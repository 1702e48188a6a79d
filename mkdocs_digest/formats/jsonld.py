"""Schema.org JSON-LD for the papers on a page. No MkDocs.

Search engines and reference managers read `ScholarlyArticle` records from a
`<script type="application/ld+json">` element. Its text is digest text, so it is
written so that no character sequence in it can end the element or start markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.catalog import PaperRecord
from .export import script_json


def article(paper_record: PaperRecord) -> dict[str, object]:
    """A paper as schema.org describes one: its canonical arXiv URL as its id, URL and
    identity (`sameAs`, with arXiv's DOI), its English title as `headline` and `name` (the article's
    language), its Japanese title tagged as Japanese, its PDF as its encoding."""
    paper = paper_record.paper
    # No `description`: the bullets are on the page already, and carrying them twice
    # made a third of a digest page's weight.
    record: dict[str, object] = {
        "@type": "ScholarlyArticle",
        "@id": paper.abs_url,
        "url": paper.abs_url,
        "sameAs": [paper.abs_url, f"https://doi.org/{paper.doi}"],
        "headline": paper.title,
        "name": paper.title,
        "inLanguage": "en",
        "identifier": {"@type": "PropertyValue", "propertyID": "arXiv", "value": paper.arxiv_id},
        "author": [{"@type": "Person", "name": name} for name in paper.authors],
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": paper.pdf_url,
            "encodingFormat": "application/pdf",
        },
        "about": [topic.name for topic in paper_record.topics],
        "keywords": list(paper.categories),
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
