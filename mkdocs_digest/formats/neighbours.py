"""`assets/mkdocs_digest/near/near-<k>.json`: each paper's close papers, for the
explorer's "for you" view. No MkDocs.

The related papers (domain/related.py) link each paper to a few of earlier weeks,
each with a reason a reader accepts. Read both ways, they give every paper its
neighbours: those it lists, and the later ones that list it. The browser (js/src/
foryou.js) fetches the chunks of the papers a reader starred, sums each neighbour's
links to them, and shows the closest, newest weeks first, each with its reason:
nothing but the starred papers' few chunks is fetched, at any size of the site.

    {"2412.19723": [["2411.00001", 2, ["Kanzhi Cheng"], []],
                    ["2410.00002", 1, [], ["gui", "agent"]]], ...}

Each neighbour: its id, its weight (2 for a shared author, 1 for shared words), the
authors or the words they share. Chunks are as the citations' (`chunk_of`: FNV-1a
of the id, a power of two of chunks).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from ..domain.related import Related
from .citations import chunk_of, citation_chunks
from .context import FileContext
from .json_text import as_script, compact_json

NEAR = "assets/mkdocs_digest/near/near-{k}.json"
AUTHOR_LINK, WORDS_LINK = 2, 1

Neighbour = tuple[str, int, tuple[str, ...], tuple[str, ...]]


def neighbours(related: Mapping[str, tuple[Related, ...]]) -> dict[str, list[Neighbour]]:
    """Each paper's neighbours: the papers it lists and those that list it."""
    found: defaultdict[str, list[Neighbour]] = defaultdict(list)
    for arxiv_id, links in related.items():
        for link in links:
            weight = AUTHOR_LINK if link.authors else WORDS_LINK
            found[arxiv_id].append((link.arxiv_id, weight, link.authors, link.words))
            found[link.arxiv_id].append((arxiv_id, weight, link.authors, link.words))
    return found


class Neighbours:
    """Written where papers have related papers (`related: 0` turns them off)."""

    def wanted(self, context: FileContext) -> bool:
        return bool(context.related)

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        chunks = citation_chunks(len(context.catalog.appearances))
        near = neighbours(context.related)
        by_chunk: list[dict[str, list[Neighbour]]] = [{} for _ in range(chunks)]
        for arxiv_id in context.catalog.appearances:
            if arxiv_id in near:
                by_chunk[chunk_of(arxiv_id, chunks)][arxiv_id] = near[arxiv_id]
        for k, chunk in enumerate(by_chunk):
            path, text = NEAR.format(k=k), compact_json(chunk)
            yield path, (text,)
            if context.extras.offline:
                name = path.rsplit("/", 1)[-1]
                yield path.removesuffix(".json") + ".js", as_script(name, (text,))
