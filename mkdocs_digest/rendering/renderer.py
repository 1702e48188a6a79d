"""Model -> blocks for every page the plugin renders: the one entry point. No MkDocs.

A digest page is rendered by `DigestRenderer`; each kind of generated page
(structure/layout.py) by the renderer `PAGE_TYPES` names for it. Every renderer
gathers what a page shows into a frozen view, then renders the page from that view
alone: `Renderer.shows` gives it, and a page whose view is unchanged would render
the same (which is how an incremental build knows what to render again).
"""

from __future__ import annotations

import html
import json
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.model import Digest
from ..domain.related import Related
from ..domain.source import code_lines
from ..formats.context import NO_EXTRAS, Extras, FileContext, SiteInfo
from ..structure.layout import (
    ArchivePage,
    ExplorerPage,
    Listing,
    ListingPage,
    OverviewPage,
    SitePage,
)
from .blocks import Block, BlockStore
from .context import RenderContext
from .lean_page import LeanPages
from .links import Links
from .pages.archive import ArchiveRenderer
from .pages.digest import DigestRenderer
from .pages.explorer import ExplorerRenderer
from .pages.listing import ListingRenderer
from .pages.overview import OverviewRenderer

FEED_ENTRY = "digest/feed_entry.html"  # a paper's HTML in a feed


class PageRenderer(Protocol):
    """How one kind of generated page is titled, what it shows, how it is drawn."""

    def title(self, page: Any) -> str: ...

    def view(self, page: Any, links: Links) -> Hashable: ...

    def blocks(self, page: Any, view: Any, title: bool) -> list[Block]: ...


class Renderer:
    def __init__(
        self,
        catalog: Catalog,
        pages: Sequence[SitePage],
        search_path: Sequence[str | Path],
        labels: Mapping[str, str],
        *,
        max_authors: int = 5,
        extras: Extras = NO_EXTRAS,
        lean: bool = False,
        related: Mapping[str, tuple[Related, ...]] | None = None,
    ) -> None:
        self.context = RenderContext(
            catalog, pages, search_path, labels, extras=extras, related=related
        )
        self.pages = {page.src_uri: page for page in pages}
        # With `lean`, pages are converted lean until the theme renders them
        # (see lean_page.py): the plugin's way.
        self.lean = LeanPages() if lean else None
        self.digests = DigestRenderer(self.context, max_authors, self.lean)
        self.page_types: dict[type[SitePage], PageRenderer] = {
            ListingPage: ListingRenderer(self.context, self.lean),
            ArchivePage: ArchiveRenderer(self.context),
            OverviewPage: OverviewRenderer(self.context),
            ExplorerPage: ExplorerRenderer(self.context),
        }

    @property
    def listings(self) -> Mapping[tuple[str, str], Listing]:
        return self.context.listings

    def shows(self, uri: str, links: Links) -> Hashable:
        """What the page at `uri` shows besides its own text (None for a page not
        the plugin's): the view it is rendered from."""
        page = self.pages.get(uri)
        if page is not None:
            return self._type(page).view(page, links)
        digest = self.context.catalog.digests.get(uri)
        return self.digests.view(digest, links) if digest is not None else None

    def digest_markdown(
        self, markdown: str, first_line: int, digest: Digest, links: Links, store: BlockStore
    ) -> str:
        return self.digests.digest_markdown(markdown, first_line, digest, links, store)

    def listing_markdown(
        self,
        markdown: str,
        page: SitePage,
        links: Links,
        store: BlockStore,
        *,
        marker: str,
        title: bool,
    ) -> str:
        """The page with its listing at `marker`, or at the end without one."""
        page_type = self._type(page)
        blocks = page_type.blocks(page, page_type.view(page, links), title)
        return _at_marker(markdown, marker, store.add(*blocks))

    def page_title(self, page: SitePage) -> str:
        return self._type(page).title(page)

    def full_page(self, page: str, content: str) -> str:
        """A lean page's HTML rendered in full; any other page's as it is."""
        return self.lean.full(page, content) if self.lean else content

    def left_lean(self, page: str) -> int:
        """How many cards or weeks `full_page` could not render in full."""
        return self.lean.missed(page) if self.lean else 0

    def written_page(self, page: str) -> str | None:
        """The lean HTML of a page now written, for the build to hold; None if none."""
        return self.lean.written(page) if self.lean else None

    def file_context(self, urls: Mapping[str, str], info: SiteInfo, memo: Memo) -> FileContext:
        """What the site files (formats/site_files.py) are made from."""
        context = self.context
        feed_entry = context.env.get_template(FEED_ENTRY)  # a new one once edited
        return FileContext(
            catalog=context.catalog,
            listings=tuple(context.listings.values()),
            urls=urls,
            info=info,
            extras=context.extras,
            citation_keys=context.citation_keys if context.extras.citations else {},
            feed_entry=lambda paper: context.render(FEED_ENTRY, paper=paper),
            explorer=context.explorer_page is not None,
            look=(dict(context.labels), feed_entry),
            memo=memo,
        )

    def _type(self, page: SitePage) -> PageRenderer:
        return self.page_types[type(page)]


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
