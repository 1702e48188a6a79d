"""What a page's `<head>` gets from the plugin: its papers' JSON-LD, the feed it
announces and digest.js's settings, one contributor each. No MkDocs.

An incremental build fingerprints a page's head (a title edited in another week's
digest is in this one's JSON-LD), and `mkdocs serve` makes a head anew only when what
it is made from changed: each contributor gives the key its part is made from.
"""

from __future__ import annotations

import html
from collections.abc import Hashable, Mapping, Sequence
from typing import Protocol

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..structure.urls import from_root
from ..words import KEYS, LANGUAGE
from .citations import CITATIONS
from .feeds import FeedLink
from .json_text import script_json
from .jsonld import script_element
from .neighbours import NEAR, NEAR_WEEK
from .search_index import CHUNK, PAPERS, TERMS
from .weeks import WEEKS


class HeadPart(Protocol):
    def key(self, uri: str) -> Hashable:
        """All the part of the page at `uri` is made from; None: it has none."""
        ...

    def html(self, uri: str) -> str: ...


class JsonLd:
    """A ScholarlyArticle record for each paper of a digest page."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.names = tuple((slug, index.topic.name) for slug, index in catalog.topics.items())

    def key(self, uri: str) -> Hashable:
        ids = self._ids(uri)
        if not ids:
            return None
        # A record is made from its paper's appearances and the topics' names.
        return (tuple(tuple(self.catalog.appearances[i]) for i in ids), self.names)

    def html(self, uri: str) -> str:
        ids = self._ids(uri)
        return script_element(self.catalog.record(i) for i in ids) + "\n" if ids else ""

    def _ids(self, uri: str) -> list[str]:
        digest = self.catalog.digests.get(uri)
        return [e.paper.arxiv_id for e in digest.entries] if digest else []


class FeedLinks:
    """The `<link rel="alternate">` of the feed a page announces."""

    def __init__(self, links: Mapping[str, FeedLink]) -> None:
        self.links = links

    def key(self, uri: str) -> Hashable:
        return self.links.get(uri)

    def html(self, uri: str) -> str:
        feed = self.links.get(uri)
        if feed is None:
            return ""
        title, url = html.escape(feed.title), html.escape(feed.url)
        return f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{url}">\n'


# The labels digest.js shows, by what they are for; `_one` forms go along.
SCRIPT_LABELS = (
    *("copied", "copy_failed", "star", "author_link"),
    *("titles_view", "show_card", "new_mark", "new_count"),
    *("for_you", "for_you_none", "for_you_authors", "for_you_words"),
)
SEARCH_LABELS = ("search_more", "n_papers", "week_of", "filter_loading")


class ScriptSettings:
    """What digest.js reads from the page it starts on (instant navigation keeps that
    head): the words it shows, once a page rather than on every card, where the site
    search's index is when the theme's search box answers paper queries (`paper_search`:
    its number of shards of terms; 0: none), where the
    papers' BibTeX is (`citations`: in how many chunks; 0: none), and the explorer's
    URL from the site's root."""

    def __init__(
        self,
        labels: Mapping[str, str],
        *,
        paper_search: int,
        citations: int,
        explorer: str | None,
        near: int = 0,
    ) -> None:
        wanted = SCRIPT_LABELS + (SEARCH_LABELS if paper_search else ())
        keys = sorted(k for k in KEYS if k.removesuffix("_one") in wanted and k in labels)
        # The labels' language goes along: the browser picks plural forms by it.
        shown = {key: labels[key] for key in keys} | {LANGUAGE: labels.get(LANGUAGE, "en")}
        data: dict[str, object] = {"labels": shown, "weeks": WEEKS}
        if paper_search:
            files = {"terms": TERMS, "papers": PAPERS, "chunk": CHUNK}
            data["search"] = files | {"shards": paper_search}
        if citations:  # the number of chunks of citations
            data |= {"citations": CITATIONS, "citation_chunks": citations}
        if explorer is not None:  # authors link to it, filtered to them
            data["explorer"] = from_root(explorer)
        if near:  # the papers' word vectors in chunks, and the newest weeks', for "for you"
            data |= {"near": NEAR, "near_week": NEAR_WEEK, "near_chunks": near}
        self.element = (
            f'<script type="application/json" id="digest-settings">{script_json(data)}</script>\n'
        )

    def key(self, uri: str) -> Hashable:
        return self.element

    def html(self, uri: str) -> str:
        return self.element


class Heads:
    """Each page's head parts, made once a build and held until the page is written."""

    def __init__(self, parts: Sequence[HeadPart], memo: Memo) -> None:
        self.parts = parts
        self.memo = memo
        self.memo.start("head")  # a head is made from its key alone
        self.made: dict[str, str] = {}

    def of(self, uri: str) -> str:
        if uri not in self.made:
            key = tuple((type(part).__name__, part.key(uri)) for part in self.parts)
            self.made[uri] = self.memo.get(key, lambda: "".join(p.html(uri) for p in self.parts))
        return self.made[uri]

    def written(self, uri: str) -> str:
        """The page's head parts, no longer held: a build holds none past its page."""
        head = self.of(uri)
        del self.made[uri]
        return head
