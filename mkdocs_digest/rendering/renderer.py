"""Model -> blocks for every page the plugin renders: the one entry point. No MkDocs.

Each kind of page has its part: `DigestPage` (cards, header, week pager),
`ListingPages` (topic and series pages, archives), `OverviewPage`; they share a
`SiteContext` (catalog, templates, page locations).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..domain.catalog import Catalog
from ..domain.model import Digest
from ..domain.source import code_lines
from ..structure.layout import Listing, PageKind, SitePage
from .blocks import BlockStore
from .context import NO_EXTRAS, Extras, SiteContext
from .lean_page import LeanPages
from .links import Links
from .pages.digest import DigestPage
from .pages.listing import ListingPages
from .pages.overview import OverviewPage


class Renderer:
    def __init__(
        self,
        catalog: Catalog,
        pages: Sequence[SitePage],
        search_path: Sequence[str | Path],
        labels: Mapping[str, str],
        max_authors: int = 5,
        extras: Extras = NO_EXTRAS,
        lean: bool = False,
    ) -> None:
        self.site = SiteContext(catalog, pages, search_path, labels, extras)
        # With `lean`, pages are converted lean until the theme renders them
        # (see lean_page.py): the plugin's way.
        self.lean = LeanPages() if lean else None
        self.digest_page = DigestPage(self.site, max_authors, self.lean)
        self.listing_pages = ListingPages(self.site, self.lean)
        self.overview_page = OverviewPage(self.site)

    @property
    def listings(self) -> Mapping[tuple[PageKind, str], Listing]:
        return self.site.listings

    def digest_markdown(
        self, markdown: str, first_line: int, digest: Digest, links: Links, store: BlockStore
    ) -> str:
        return self.digest_page.digest_markdown(markdown, first_line, digest, links, store)

    def listing_markdown(
        self,
        markdown: str,
        page: SitePage,
        links: Links,
        store: BlockStore,
        marker: str,
        title: bool,
    ) -> str:
        """The page with its listing at `marker`, or at the end without one."""
        if page.kind == "overview":
            blocks = self.overview_page.blocks(links, title)
        elif page.role == "archive":
            blocks = self.listing_pages.archive(page, links, title)
        else:
            blocks = self.listing_pages.listing_page(page, links, title)
        return _at_marker(markdown, marker, store.add(*blocks))

    def full_page(self, page: str, content: str) -> str:
        """A lean page's HTML rendered in full; any other page's as it is."""
        return self.lean.full(page, content) if self.lean else content

    def written_page(self, page: str) -> str | None:
        """The lean HTML of a page now written, for the build to hold; None if none."""
        return self.lean.written(page) if self.lean else None

    def page_title(self, page: SitePage) -> str:
        return self.listing_pages.page_title(page)


def _at_marker(markdown: str, marker: str, block: str) -> str:
    """`block` at the first line that is only `marker`, outside code; else at the end.

    A page that shows the marker as an example, in a code block, keeps it as text.
    """
    lines = markdown.split("\n")
    code = code_lines(lines, comments=False)  # the marker is itself a comment
    for i, line in enumerate(lines):
        if i not in code and line.strip() == marker:
            return "\n".join([*lines[:i], block, *lines[i + 1 :]])
    return markdown + block


def page_front_matter(title: str) -> str:
    """Front matter that gives a generated page its title.

    Themes print page titles unescaped (in <title>, the nav, the header), and a
    topic name is digest text: the title must already be HTML. A JSON string is a
    YAML scalar, and much cheaper to write than yaml.dump for every generated page.
    """
    return f"---\ntitle: {json.dumps(html.escape(title), ensure_ascii=False)}\n---\n\n"
