"""The MkDocs adapter: events only wire MkDocs to the core.

Build flow: on_config registers the Markdown extension, templates and assets;
on_files parses every page (cached by a hash of its text), builds the catalog and adds
the generated pages; on_nav puts the compact nav in place and takes the final URLs;
on_page_markdown swaps entries for card placeholders and fills listing pages, which
the extension turns into HTML. Cards and topic weeks are converted lean
(rendering/lean_page.py): search indexes them so; on_page_context renders them in
full for the theme, and on_post_page puts the lean page back. on_post_build writes
the site files. Under `mkdocs serve`, on_env gives each build's theme environment
the templates compiled in the last (plugin/templates.py).
"""

from __future__ import annotations

import dataclasses
import html
import os
from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..domain.cache import Memo, ParseCache
from ..domain.catalog import Catalog
from ..domain.docs_folder import undecodable
from ..domain.fields import DEFAULT
from ..domain.labels import labels_for
from ..domain.model import Digest
from ..domain.parser import parse_digest
from ..domain.source import normalize
from ..formats.export import PAPERS_JSON
from ..formats.jsonld import script_element
from ..formats.site_files import FeedLink, Site, feed_links, site_files
from ..options import OptionError, Options
from ..rendering.blocks import BlocksExtension, BlockStore
from ..rendering.compact import collapse_whitespace
from ..rendering.context import TEMPLATES, Extras
from ..rendering.links import Links
from ..rendering.renderer import Renderer, page_front_matter
from ..structure.fingerprints import fingerprints
from ..structure.layout import Layout
from ..structure.nav import NavPlan, plan
from .config import OPTION_NAMES, DigestConfig
from .incremental import DirtyBuilds
from .nav import compact_nav
from .templates import KeptTemplates

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent.parent / "assets"
STYLESHEET = "assets/mkdocs_digest/digest.css"
SCRIPT = "assets/mkdocs_digest/digest.js"
ATOM_TYPE = "application/atom+xml"


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.cache = ParseCache()
        self.memo = Memo()
        self.written: dict[str, tuple[str, ...]] = {}  # site file -> its pieces (serve)
        self.site_file_paths: set[str] = set()  # the site files the last build wrote
        self.dirty_builds = DirtyBuilds(active=False)
        self.templates: KeptTemplates | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes `mkdocs serve` keep this instance, and its parse
        # caches, across rebuilds.
        self.cache = ParseCache()
        self.memo = Memo(keep=command == "serve")
        self.written = {}
        self.site_file_paths = set()
        self.dirty_builds = DirtyBuilds(active=dirty)
        self.templates = KeptTemplates() if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.options = _options(self.config)
        names = DEFAULT.with_aliases(self.options.field_names)
        if names != self.cache.names:  # the cache holds pages read with other labels
            self.cache = ParseCache(names)
        self.store = BlockStore()
        # MkDocs types this list as names, but passes it to Markdown, which also
        # takes Extension instances: ours carries this build's block store.
        config.markdown_extensions.append(BlocksExtension(self.store))  # type: ignore[arg-type]
        config.theme.dirs.append(str(TEMPLATES))  # after custom_dir: users can override
        if self.options.stylesheet:
            config.extra_css.append(STYLESHEET)
        config.extra_javascript.append(SCRIPT)
        theme = {key: config.theme.get(key) for key in ("language", "locale")}
        self.labels = labels_for(self.options.label_language(theme), self.options.labels)
        return config

    @event_priority(-50)  # late: see the pages other plugins add
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        pages = files.documentation_pages()
        parsed = self.cache.parsed
        stamp = _stamp if self.memo.keep else _no_stamp  # a build reads each file anyway
        self.unreadable: list[str] = []
        digests = [self._parse(f, stamp) for f in pages]
        if self.unreadable:  # MkDocs would stop on them next, with a traceback
            raise PluginError("\n".join(self.unreadable))
        if parsed:  # a rebuild under `mkdocs serve`: say what the edit cost
            log.info(f"{self.cache.parsed - parsed} of {len(pages)} pages parsed anew")
        self.cache.forget_except({f.src_uri for f in pages})
        self.catalog = Catalog.build([d for d in digests if d], self.options.topic_names)
        for diagnostic in self.catalog.diagnostics:
            log.warning(str(diagnostic))
        options = self.options
        layout = Layout(options.topic_page, options.overview_page, options.per_page)
        own = [f.src_uri for f in pages]
        site_pages, problems = layout.pages(self.catalog, own)
        for problem in problems:
            log.warning(str(problem))
        self.site_pages = {page.src_uri: page for page in site_pages}
        extras = Extras(
            PAPERS_JSON if self.options.papers_json else None,
            self._feeds_wanted(config),
            self.options.citations,
        )
        self.renderer = Renderer(
            self.catalog,
            list(self.site_pages.values()),
            config.theme.dirs,
            self.labels,
            self.options.max_authors,
            extras,
            lean=True,
        )
        self.generated = {uri for uri in self.site_pages if files.get_file_from_path(uri) is None}
        for uri in sorted(self.generated):
            content = page_front_matter(self.renderer.page_title(self.site_pages[uri]))
            files.append(File.generated(config, uri, content=content + self.options.listing_marker))
        assets = [SCRIPT, STYLESHEET] if self.options.stylesheet else [SCRIPT]
        for asset in assets:
            if files.get_file_from_path(asset) is None:
                source = str(ASSETS / asset.rpartition("/")[2])
                files.append(File.generated(config, asset, abs_src_path=source))
        home = next((f.src_uri for f in files.documentation_pages() if f.url in ("", "./")), None)
        self.site = Site(config.site_name, config.site_url or "", home, self.options.feed_size)
        self.feed_links = feed_links(self.renderer, self.site)
        self.heads: dict[str, str] = {}
        self.head_memo = self.memo.part("head")
        self.head_memo.start("head")  # a head is made from its key alone
        self.names = tuple((slug, index.topic.name) for slug, index in self.catalog.topics.items())
        self.files = files
        return files

    def _parse(self, file: File, stamp: Callable[[File], Hashable]) -> Digest | None:
        try:
            return self.cache.parse(file.src_uri, _reader(file), stamp(file))
        except UnicodeDecodeError as problem:
            self.unreadable.append(str(undecodable(file.src_uri, problem)))
            return None

    def _feeds_wanted(self, config: MkDocsConfig) -> bool:
        if self.options.feeds and not config.site_url:
            log.warning(
                "feeds need 'site_url' in mkdocs.yml (feed readers need absolute links); "
                "no feeds written. Set site_url, or 'feeds: false' under the digest plugin"
            )
        return bool(self.options.feeds and config.site_url)

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        nav_plan = plan(
            self.catalog, self.site_pages.values(), self.options.nav_weeks, self.options.nav_order
        )
        if config.nav is None and self.options.compact_nav:
            nav = compact_nav(nav_plan, nav, files)
        # else the site's own nav is kept as written
        if self.dirty_builds.active:
            site = self._site_key(config, nav, nav_plan)
            sources = self.cache.hashes()
            # A card's citation key can move when another paper takes it.
            keys = self.renderer.site.citation_keys
            heads = {uri: self._head(uri) for uri in self.urls}
            found = fingerprints(self.catalog, self.site_pages.values(), sources, site, keys, heads)
            self.dirty_builds.mark(files, found, self.generated)
            self.dirty_builds.keep_titles(files)
        return nav

    def _site_key(self, config: MkDocsConfig, nav: Navigation, nav_plan: NavPlan) -> str:
        """What every page shows: options, URLs, the nav and its pages' titles."""
        digests = self.catalog.digests
        sources = self.cache.hashes()
        # A digest's title is all of it the nav shows; of another page, its text.
        titles = [
            digests[uri].title if uri in digests else sources.get(uri)
            for uri in (page.file.src_uri for page in nav.pages)
        ]
        generated = [self.renderer.page_title(page) for page in self.site_pages.values()]
        source = config.config_file_path
        options = Path(source).read_text(encoding="utf-8") if source else ""
        return repr((options, self.labels, self.urls, nav_plan, titles, generated))

    def on_env(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        if self.config.enabled and self.templates is not None:
            env.bytecode_cache = self.templates  # serve: the theme compiled once
        return None

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        uri = page.file.src_uri
        self.store.page = uri
        # A digest is untrusted from top to bottom, its text around entries too.
        self.store.untrusted = uri in self.catalog.digests
        links = Links(self.urls, uri)
        if uri in self.site_pages:
            page_title = uri in self.generated  # a user's own page has its own title
            return self.renderer.listing_markdown(
                markdown,
                self.site_pages[uri],
                links,
                self.store,
                self.options.listing_marker,
                page_title,
            )
        digest = self.catalog.digests.get(uri)
        if digest is None:
            return None
        if "title" in page.meta:
            # A digest's title is digest text, and themes print page titles unescaped
            # (<title>, and the compact nav on every page, which lists the latest weeks).
            page.meta["title"] = html.escape(str(page.meta["title"]))
        source = normalize(page.file.content_string)
        first_line = _first_line(source, markdown) if self.cache.holds(uri, source) else None
        if first_line is None:
            log.debug("%s was changed by another plugin; parsing it again", uri)
            fresh = parse_digest(markdown, uri, self.cache.names)
            digest = dataclasses.replace(
                digest, entries=fresh.entries, spans=fresh.spans, unread=fresh.unread
            )
            first_line = 1
        return self.renderer.digest_markdown(markdown, first_line, digest, links, self.store)

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if self.config.enabled:
            # Markdown another plugin converts later (an excerpt, a tag page) is not ours.
            self.store.untrusted = False
            missed = self.store.finish(page.file.src_uri)
            if missed:
                log.warning(
                    f"{page.file.src_uri}: {missed} card(s) or listing(s) were not placed: "
                    "their placeholder did not stand as a paragraph of its own when the page "
                    "was converted (another plugin or extension changed the page's Markdown?)"
                )
        return None

    @event_priority(-100)  # after search plugins indexed the lean page
    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled and page.content is not None:
            page.content = self.renderer.full_page(page.file.src_uri, page.content)
        return None

    @event_priority(50)  # before search plugins write their index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._write_site_files(config)
        self.dirty_builds.finish(config)
        if self.store.unknown:
            log.warning(
                f"{len(self.store.unknown)} card placeholder(s) met after their page was "
                "done were left empty (a page converted again after its build?)"
            )

    def _write_site_files(self, config: MkDocsConfig) -> None:
        """The feeds, papers.json, the .bib files and the filter's index. Made after
        the pages, not in on_files, so that a build does not hold them all along,
        and written piece by piece as each is made."""
        files = site_files(self.renderer, self.urls, self.site, self.memo)
        written, self.written = self.written, {}
        made, self.site_file_paths = self.site_file_paths, set()
        for path, parts in files:  # one at a time: the pages are all still held
            if self.files.get_file_from_path(path) is not None:
                log.debug("%s: the site's own file is kept", path)
                continue
            self.site_file_paths.add(path)
            target = Path(config.site_dir) / path
            if self.memo.keep:  # serve: a file whose text is the same is not written
                parts = self.written[path] = tuple(parts)
                # The memo gives back the very texts it kept: most compare by identity.
                if written.get(path) == parts and target.exists():
                    continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("w", encoding="utf-8", newline="") as out:
                out.writelines(parts)  # as they come: papers.json is never whole
        # A dirty build writes into the last one's site: a topic whose last paper left
        # takes its feed and .bib file with it, as a clean build would not write them.
        for path in made - self.site_file_paths:
            (Path(config.site_dir) / path).unlink(missing_ok=True)

    def _head(self, uri: str) -> str:
        """What a page's <head> gets: its papers' JSON-LD, its feed link. A dirty build
        fingerprints it, so a page not rendered again never keeps a stale one (a title
        edited in another week's digest is in this one's JSON-LD); under serve it is
        made anew only when what it is made from changed."""
        if uri not in self.heads:
            digest = self.catalog.digests.get(uri)
            ids = [e.paper.arxiv_id for e in digest.entries] if digest else []
            ids = ids if self.options.json_ld else []
            feed = self.feed_links.get(uri)
            # A record is made from its paper's appearances and the topics' names.
            key = (tuple(tuple(self.catalog.appearances[i]) for i in ids), self.names, feed)
            self.heads[uri] = self.head_memo.get(key, partial(self._head_html, ids, feed))
        return self.heads[uri]

    def _head_html(self, ids: list[str], feed: FeedLink | None) -> str:
        parts = [script_element(self.catalog.record(i) for i in ids) + "\n"] if ids else []
        if feed is not None:
            title, url = html.escape(feed.title), html.escape(feed.url)
            parts.append(
                f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{url}">\n'
            )
        return "".join(parts)

    @event_priority(-50)  # late: after other plugins changed the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        self.dirty_builds.rendered_page(page)
        lean = self.renderer.written_page(page.file.src_uri)
        if lean is not None:  # the full page is written: hold the lean one
            page.content = lean
        head = self._head(page.file.src_uri)
        del self.heads[page.file.src_uri]  # a build holds no page's head past its writing
        if head:
            # The theme writes </head> before any page text: the first one is the real one.
            output = output.replace("</head>", head + "</head>", 1)
        return collapse_whitespace(output) if self.options.compact_html else output


def _options(config: DigestConfig) -> Options:
    """The core's options from MkDocs' validated config: the same rules as the CLI's."""
    try:
        return Options.from_mapping({name: config[name] for name in OPTION_NAMES})
    except OptionError as problem:
        raise PluginError(f"digest plugin in mkdocs.yml: {problem}") from None


def _reader(file: File) -> Callable[[], str]:
    return lambda: file.content_string


def _stamp(file: File) -> Hashable:
    """What tells that a file on disk is unchanged without reading it, as MkDocs'
    own dirty builds tell: its modification time (and size)."""
    if file.abs_src_path is None or file.generated_by is not None:
        return None
    try:
        status = os.stat(file.abs_src_path)
    except OSError:
        return None
    return (file.abs_src_path, status.st_mtime_ns, status.st_size)


def _no_stamp(file: File) -> Hashable:
    return None


def _first_line(source: str, markdown: str) -> int | None:
    """The source line where MkDocs' markdown (front matter removed) begins."""
    if not source.endswith(markdown):
        return None
    return source[: len(source) - len(markdown)].count("\n") + 1
