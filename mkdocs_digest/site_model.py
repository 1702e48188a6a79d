"""One build's model of the site, which every front end builds from. No MkDocs.

The plugin, `generate` and any later front end read the digests their own way, then
make the same `SiteModel`: the catalog, the pages the plugin provides and the
renderer that draws every page, the `<head>` parts and the site files.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .domain.cache import Memo
from .domain.catalog import Catalog
from .domain.fields import DEFAULT
from .domain.model import Diagnostic, Digest
from .domain.parser import read_page
from .domain.related import Related, Resume, related_papers
from .formats.citations import citation_chunks
from .formats.context import Extras, SiteInfo
from .formats.export import PAPERS_JSON
from .formats.feeds import feed_links
from .formats.head import FeedLinks, HeadPart, JsonLd, ScriptSettings
from .formats.search_index import shard_count
from .formats.site_files import site_files
from .options import Options
from .rendering.context import TEMPLATES
from .rendering.renderer import Renderer
from .structure.layout import Layout, SitePage, TopicListing

NO_SITE_URL = Diagnostic(
    "",
    0,
    "warning",
    "feeds need 'site_url' in mkdocs.yml (feed readers need absolute links); no feeds "
    "written. Set site_url, or 'feeds: false' under the digest plugin",
)


@dataclass
class SiteModel:
    options: Options
    catalog: Catalog
    pages: dict[str, SitePage]  # source path -> each page the plugin provides
    renderer: Renderer
    problems: list[Diagnostic]  # the catalog's and the layout's

    @classmethod
    def make(
        cls,
        digests: Iterable[Digest],
        own: Collection[str],
        options: Options,
        labels: Mapping[str, str],
        template_dirs: Sequence[str | Path],
        *,
        site_url: str | None,
        lean: bool = False,
        paper_search: bool = False,
        offline: bool = False,
        memo: Memo | None = None,
    ) -> SiteModel:
        """The model of a site whose pages are `own` (source paths), some of them
        `digests`; `site_url` as in mkdocs.yml (feeds need it), None where no
        mkdocs.yml tells (`mkdocs-digest check DOCS_DIR`). `paper_search`: the
        theme's search box answers paper queries from the plugin's index; `offline`:
        pages are opened from file://. `memo`: what the last build made (serve)."""
        catalog = Catalog.build(list(digests), options.topic_names)
        layout = Layout(
            options.topic_page, options.overview_page, options.per_page, options.explorer_page
        )
        pages, problems = layout.pages(catalog, own)
        if options.feeds and site_url == "":
            problems.append(NO_SITE_URL)
        extras = Extras(
            papers_json=PAPERS_JSON if options.papers_json else None,
            feeds=bool(options.feeds and site_url),
            citations=options.citations,
            paper_search=paper_search,
            offline=offline,
        )
        renderer = Renderer(
            catalog,
            pages,
            template_dirs,
            labels,
            max_authors=options.max_authors,
            extras=extras,
            lean=lean,
            related=_related(catalog, options.related, memo or Memo(keep=False)),
        )
        pages_by_uri = {page.src_uri: page for page in pages}
        return cls(options, catalog, pages_by_uri, renderer, catalog.diagnostics + problems)

    @classmethod
    def read(
        cls,
        texts: Mapping[str, str],
        options: Options,
        theme: Mapping[str, object] | None,
        *,
        site_url: str | None,
        template_dirs: Sequence[str | Path] = (TEMPLATES,),
    ) -> SiteModel:
        """The model of a docs folder's pages (source path -> text, as MkDocs reads
        them: reading/docs_folder.py), for the front ends without MkDocs (`check`,
        `export`, `generate`); the plugin reads its pages through its parse cache
        and makes the same model."""
        names = DEFAULT.with_aliases(options.field_names)
        digests = (read_page(text, uri, names) for uri, text in texts.items())
        return cls.make(
            [d for d in digests if d is not None],
            texts,
            options,
            options.site_labels(theme),
            template_dirs,
            site_url=site_url,
        )

    def head_parts(self, info: SiteInfo, urls: Mapping[str, str]) -> list[HeadPart]:
        """What each page's `<head>` gets: JSON-LD, the feed it announces, digest.js's
        settings."""
        parts: list[HeadPart] = [JsonLd(self.catalog)] if self.options.json_ld else []
        parts.append(self.script_settings(urls))
        if self.renderer.context.extras.feeds and info.url:
            topics = [
                lst for lst in self.renderer.listings.values() if isinstance(lst, TopicListing)
            ]
            parts.append(FeedLinks(feed_links(self.catalog, topics, info)))
        return parts

    def script_settings(self, urls: Mapping[str, str]) -> ScriptSettings:
        """digest.js's settings; `urls`: the site's pages' URLs (source path -> URL)."""
        context = self.renderer.context
        explorer = context.explorer_page
        papers = len(self.catalog.appearances)
        return ScriptSettings(
            context.labels,
            paper_search=shard_count(papers) if context.extras.paper_search else 0,
            citations=citation_chunks(papers) if context.extras.citations else 0,
            explorer=urls.get(explorer) if explorer else None,
            near=citation_chunks(papers) if explorer else 0,
        )

    def site_files(
        self, urls: Mapping[str, str], info: SiteInfo, memo: Memo | None = None
    ) -> Iterator[tuple[str, Iterable[str]]]:
        """Every file besides the pages, made one at a time (formats/site_files.py).
        `memo`: the files' parts made in the last build (`mkdocs serve`)."""
        context = self.renderer.file_context(urls, info, Memo() if memo is None else memo)
        return site_files(context)


def _related(catalog: Catalog, limit: int, memo: Memo) -> dict[str, tuple[Related, ...]]:
    """Related papers, made again only when a paper, its weeks or topics changed: they
    weigh every paper against the others (about a second at the real size). Each
    paper's features are kept too, so an edit makes anew only the edited paper's, and
    where the last build stood before its newest week, so a new week (or an edit of
    the newest) weighs only the newest weeks."""
    features = memo.part("paper features")
    resumes = memo.part("related resume")
    memo = memo.part("related")
    memo.start(limit)
    key = tuple(
        (catalog.paper(arxiv_id), tuple((e.page, catalog.digests[e.page].date) for e in entries))
        for arxiv_id, entries in catalog.appearances.items()
    )

    def make() -> dict[str, tuple[Related, ...]]:
        features.start(True)  # here: a build that makes nothing anew forgets nothing
        resumes.start(True)
        return related_papers(catalog, limit, features, resumes.get("resume", Resume))

    return memo.get(key, make)
