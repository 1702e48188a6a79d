"""What every page renderer shares (`RenderContext`): the catalog, the templates,
where the plugin's pages are, and the links every part makes. No MkDocs.

Templates live in `templates/digest/` and are looked up on a search path, so a
theme's `custom_dir` can override any of them. Autoescape is on: digest text only
reaches HTML escaped, or through the filters of `inline.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..domain.catalog import Catalog
from ..domain.model import Digest, is_arxiv_category
from ..domain.related import Related
from ..formats.citations import citation_keys
from ..formats.context import NO_EXTRAS, Extras
from ..structure.layout import (
    ExplorerPage,
    Listing,
    ListingPage,
    OverviewPage,
    SitePage,
    TopicListing,
)
from ..words import counted
from . import inline
from .links import Link, Links

TEMPLATES = Path(__file__).parent.parent / "templates"


@dataclass(frozen=True)
class WeekLink:
    date: dt.date
    title: str
    url: str
    count: int


class TemplateLabels(dict[str, str]):
    """The labels, read by templates as attributes (`labels.cite`).

    Jinja looks `labels.cite` up as an attribute first: on a plain dict that fails,
    raising an exception, before the item is found, a dozen times a card. Here the
    attributes are the items themselves.
    """

    def __init__(self, labels: Mapping[str, str]) -> None:
        super().__init__(labels)
        self.__dict__ = self


class RenderContext:
    def __init__(
        self,
        catalog: Catalog,
        pages: Sequence[SitePage],
        search_path: Sequence[str | Path],
        labels: Mapping[str, str],
        *,
        extras: Extras = NO_EXTRAS,
        related: Mapping[str, tuple[Related, ...]] | None = None,
    ) -> None:
        self.catalog = catalog
        self.extras = extras
        self.related = related or {}  # arXiv id -> its related papers, best first
        first = [p for p in pages if isinstance(p, ListingPage) and p.number == 1]
        self.listings: dict[tuple[str, str], Listing] = {p.subject: p.listing for p in first}
        self.topic_pages = {
            p.listing.key: p.src_uri for p in first if isinstance(p.listing, TopicListing)
        }
        self.overview_page = next((p.src_uri for p in pages if isinstance(p, OverviewPage)), None)
        self.explorer_page = next((p.src_uri for p in pages if isinstance(p, ExplorerPage)), None)
        self.labels = TemplateLabels(labels)
        self.env = environment(tuple(str(p) for p in search_path))
        self.templates: dict[str, jinja2.Template] = {}

    @functools.cached_property
    def citation_keys(self) -> dict[str, str]:
        return citation_keys(self.catalog)

    def render(self, template: str, **context: object) -> str:
        return self._template(template).render(labels=self.labels, counted=self.counted, **context)

    def overridden(self, name: str) -> bool:
        """Whether the site's theme has a template of its own by that name."""
        filename = self._template(name).filename
        return filename is None or Path(filename).resolve().parent.parent != TEMPLATES.resolve()

    def _template(self, name: str) -> jinja2.Template:
        # The environment checks a template's file at each lookup; once a build will
        # do (a context lives one build: a serve rebuild sees an edited template).
        if name not in self.templates:
            self.templates[name] = self.env.get_template(name)
        return self.templates[name]

    def counted(self, key: str, n: int, **fields: object) -> str:
        return counted(self.labels, key, n, **fields)

    def topic_link(self, slug: str, name: str, links: Links) -> Link:
        return Link(name, links.to(self.topic_pages[slug]))

    def week_link(self, digest: Digest, links: Links) -> WeekLink:
        date = digest.date or dt.date.min
        return WeekLink(
            date, digest.title or date.isoformat(), links.to(digest.page), len(digest.entries)
        )


@functools.lru_cache(maxsize=8)
def environment(search_path: tuple[str, ...]) -> jinja2.Environment:
    """One environment per template search path, kept across the builds of a `serve`
    session: its compiled templates are reused, and reloaded when their file changes."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(search_path)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        digest_inline=inline.inline,
        digest_paragraphs=inline.paragraphs,
        digest_document=inline.document,
        digest_squash=lambda text: re.sub(r"\s+", " ", str(text)).strip(),
    )
    env.tests["arxiv_category"] = is_arxiv_category
    return env
