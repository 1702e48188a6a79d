"""Where the generated pages go. No MkDocs.

Defaults follow the links digests already carry: `../../sd` from `sd/2024-03-29.md`
means the topic page lives in the folder named after the topic, beside the series
folders. A site can move topic pages and the overview with path patterns.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal

from ..domain.catalog import Catalog

PageKind = Literal["topic", "series", "overview"]


@dataclass(frozen=True)
class SitePage:
    """A page the plugin provides: generated, or the user's page at that path."""

    src_uri: str
    kind: PageKind
    key: str  # topic slug, series folder, or '' for the overview


@dataclass(frozen=True)
class Layout:
    topic_page: str | None = None  # e.g. "topics/{slug}.md"; None: "<root>/{slug}/index.md"
    overview_page: str | None = None  # None: "<root>/topics.md"

    def topic(self, catalog: Catalog, slug: str) -> str:
        if self.topic_page:
            return _clean(self.topic_page.format(slug=slug))
        return _clean(posixpath.join(catalog.root, slug, "index.md"))

    def overview(self, catalog: Catalog) -> str:
        return _clean(self.overview_page or posixpath.join(catalog.root, "topics.md"))

    def pages(self, catalog: Catalog) -> tuple[list[SitePage], list[str]]:
        """The pages to provide, and a problem for each page left out.

        Topic pages come first and win any clash: the digests' own links point at
        them. A page that would share a URL with an earlier one is left out.
        """
        wanted = [SitePage(self.topic(catalog, slug), "topic", slug) for slug in catalog.topics]
        wanted.append(SitePage(self.overview(catalog), "overview", ""))
        wanted += [
            SitePage(_clean(posixpath.join(folder, "index.md")), "series", folder)
            for folder in catalog.series
        ]
        pages: dict[str, SitePage] = {}
        problems = []
        for page in wanted:
            other = pages.setdefault(_url_key(page.src_uri), page)
            if other is page:
                continue
            if not (page.kind == "series" and other.src_uri == page.src_uri):
                problems.append(
                    f"{_origin(catalog, other)}the {page.kind} page {page.src_uri} would share "
                    f"its URL with the {other.kind} page {other.src_uri}; left out. Set "
                    "'topic_page' or 'overview_page' in mkdocs.yml to move it"
                )
        return list(pages.values()), problems


def _origin(catalog: Catalog, page: SitePage) -> str:
    """`page:line: ` of the first entry that names a topic page's topic.

    Read from the appearances, not the topic's weeks: an entry on an undated page
    (a home page) names a topic without giving it a week.
    """
    if page.kind != "topic":
        return ""
    for entries in catalog.appearances.values():
        for entry in entries:
            if any(topic.slug == page.key for topic in entry.paper.topics):
                return f"{entry.page}:{entry.line}: "
    return ""


def _url_key(src_uri: str) -> str:
    # `x.md` and `x/index.md` both become `x/index.html` with directory URLs.
    return src_uri.removesuffix(".md").removesuffix("/index")


def _clean(path: str) -> str:
    return posixpath.normpath(path).lstrip("/")
