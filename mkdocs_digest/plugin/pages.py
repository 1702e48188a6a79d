"""A page's Markdown on its way through MkDocs: digests get card placeholders, the
plugin's pages their listing, and the block store is told what to trust."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ..domain.cache import ParseCache
from ..domain.parser import parse_digest
from ..domain.source import normalize
from ..rendering.blocks import BlockStore
from ..rendering.links import Links
from ..site_model import SiteModel

log = get_plugin_logger(__name__)


class DigestPages:
    def __init__(
        self,
        model: SiteModel,
        store: BlockStore,
        cache: ParseCache,
        *,
        generated: set[str],
        marker: str,
    ) -> None:
        self.model = model
        self.store = store
        self.cache = cache
        self.generated = generated
        self.marker = marker

    def markdown(self, markdown: str, page: Page, urls: Mapping[str, str]) -> str | None:
        """The page's Markdown with the plugin's blocks; None for a page not ours."""
        uri = page.file.src_uri
        self.store.page = uri
        links = Links(urls, uri)
        renderer = self.model.renderer
        if uri in self.generated or uri in self.model.catalog.digests:
            # Their text is digest text (a topic's name in a generated page's title):
            # mkdocs-macros, which runs after this event, must render none of it.
            page.meta["render_macros"] = False
        if uri in self.model.pages:
            title = uri in self.generated  # a user's own page has its own title
            site_page = self.model.pages[uri]
            return renderer.listing_markdown(
                markdown, site_page, links, self.store, marker=self.marker, title=title
            )
        digest = self.model.catalog.digests.get(uri)
        if digest is None:
            return None
        # Digest text, and themes print a front-matter title as it is (Material's
        # <title>, the nav), or one from the page's heading through `striptags`,
        # which unescapes it: so every digest page gets one, escaped once.
        page.meta["title"] = html.escape(digest.title or _file_title(page.file))
        source = normalize(page.file.content_string)
        first_line = _first_line(source, markdown) if self.cache.holds(uri, source) else None
        if first_line is None:
            log.debug("%s was changed by another plugin; parsing it again", uri)
            fresh = parse_digest(markdown, uri, self.cache.names)
            digest = dataclasses.replace(
                digest, entries=fresh.entries, spans=fresh.spans, unread=fresh.unread
            )
            first_line = 1
        return renderer.digest_markdown(markdown, first_line, digest, links, self.store)

    def converted(self, page: Page) -> None:
        """The page's Markdown is HTML: every block must have found its place."""
        missed = self.store.finish(page.file.src_uri)
        if missed:
            log.warning(
                f"{page.file.src_uri}: {missed} card(s) or listing(s) were not placed: "
                "their placeholder did not stand as a paragraph of its own when the page "
                "was converted (another plugin or extension changed the page's Markdown?)"
            )

    def finish(self) -> None:
        if self.store.unknown:
            log.warning(
                f"{len(self.store.unknown)} card placeholder(s) met after their page was "
                "done were left empty (a page converted again after its build?)"
            )


def _file_title(file: File) -> str:
    """A page's title from its file's name, as MkDocs gives one."""
    name = file.name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name


def _first_line(source: str, markdown: str) -> int | None:
    """The source line where MkDocs' markdown (front matter removed) begins."""
    if not source.endswith(markdown):
        return None
    return source[: len(source) - len(markdown)].count("\n") + 1
