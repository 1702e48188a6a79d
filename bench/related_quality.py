"""How far a reader can trust the related papers of the real-size site.

A related link is one a reader accepts when its papers share an author, or at least
two content words: words of the English titles, terms of the Japanese titles and
words and terms of the bullets, stop words and the words of the papers' own topics'
names left out (every paper of a topic says its name). Prints, for the site of
`realsite.py` (scale 1):

- the share of related links with such a reason (the goal: 90% or more);
- the share of papers that keep at least one related paper (at least half);
- the same reason's rate among random pairs of papers of one topic, and among the
  related links: how much closer than chance the links are;
- the stricter check of earlier rounds: an author or two words of the titles.

    python bench/related_quality.py
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from mkdocs_digest.domain.catalog import Catalog
from mkdocs_digest.domain.fields import DEFAULT
from mkdocs_digest.domain.parser import read_page
from mkdocs_digest.domain.related import content_words, related_papers, words

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def catalog_of(docs: Path) -> Catalog:
    pages = {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*.md")}
    digests = [read_page(text, uri, DEFAULT) for uri, text in pages.items()]
    return Catalog.build([d for d in digests if d], {})


def measure(catalog: Catalog) -> dict[str, float]:
    found = related_papers(catalog, 3)
    content = {i: content_words(catalog, i) for i in catalog.appearances}

    def accepted(a: str, b: str) -> bool:
        pa, pb = catalog.paper(a), catalog.paper(b)
        return bool(set(pa.authors) & set(pb.authors)) or len(content[a] & content[b]) >= 2

    def titles_close(a: str, b: str) -> bool:
        pa, pb = catalog.paper(a), catalog.paper(b)
        shared = set(words(pa.title)) & set(words(pb.title))
        return bool(set(pa.authors) & set(pb.authors)) or len(shared) >= 2

    pairs = [(a, r.arxiv_id) for a, rs in found.items() for r in rs]
    rng = random.Random(1)
    by_topic: dict[str, list[str]] = {}
    for arxiv_id in catalog.appearances:
        for topic in catalog.record(arxiv_id).topics:
            by_topic.setdefault(topic.slug, []).append(arxiv_id)
    randoms = []
    for arxiv_id in catalog.appearances:
        topics = catalog.record(arxiv_id).topics
        if topics:
            other = rng.choice(by_topic[topics[0].slug])
            if other != arxiv_id:
                randoms.append((arxiv_id, other))

    def rate(test: object, of: list[tuple[str, str]]) -> float:
        return round(sum(test(a, b) for a, b in of) / max(1, len(of)), 3)  # type: ignore[operator]

    return {
        "links": len(pairs),
        "accepted": rate(accepted, pairs),
        "papers_with_one": round(sum(1 for rs in found.values() if rs) / len(found), 3),
        "random_accepted": rate(accepted, randoms),
        "titles_close": rate(titles_close, pairs),
        "random_titles_close": rate(titles_close, randoms),
    }


def report(name: str, figures_of: Callable[[Catalog], Mapping[str, object]]) -> None:
    """Figures of the real-size site's catalog, printed and kept in bench/out/<name>.json."""
    from realsite import make_site  # run from bench/: the tests import `measure` alone

    with tempfile.TemporaryDirectory() as work:
        make_site(Path(work) / "docs")
        figures = figures_of(catalog_of(Path(work) / "docs"))
    for key, value in figures.items():
        print(f"{key:20} {value}")
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


def main() -> None:
    report("related_quality", measure)


if __name__ == "__main__":
    sys.exit(main())
