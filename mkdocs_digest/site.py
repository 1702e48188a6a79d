"""Where the generated pages go. No MkDocs.

Defaults follow the links digests already carry: `../../sd` from `sd/2024-03-29.md`
means the topic page lives in the folder named after the topic, beside the series
folders. A site can move topic pages and the overview with path patterns.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal

from .catalog import Catalog

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

    def pages(self, catalog: Catalog) -> list[SitePage]:
        pages = [SitePage(self.overview(catalog), "overview", "")]
        pages += [SitePage(self.topic(catalog, slug), "topic", slug) for slug in catalog.topics]
        taken = {page.src_uri for page in pages}
        for folder in catalog.series:
            path = _clean(posixpath.join(folder, "index.md"))
            if path not in taken:
                pages.append(SitePage(path, "series", folder))
        _check_collisions(pages)
        return pages


class LayoutError(ValueError):
    """Two generated pages would be written to the same URL."""


def _check_collisions(pages: list[SitePage]) -> None:
    # `x.md` and `x/index.md` both become `x/index.html` with directory URLs.
    seen: dict[str, SitePage] = {}
    for page in pages:
        key = page.src_uri.removesuffix(".md").removesuffix("/index")
        other = seen.setdefault(key, page)
        if other is not page:
            raise LayoutError(
                f"the {other.kind} page {other.src_uri} and the {page.kind} page {page.src_uri} "
                "would share one URL; set 'topic_page' or 'overview_page' in mkdocs.yml"
            )


def _clean(path: str) -> str:
    return posixpath.normpath(path).lstrip("/")
