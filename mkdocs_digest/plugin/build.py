"""One MkDocs build as the plugin sees it, and what `mkdocs serve` keeps between builds.

`Build` is made in on_files, once the site's files are known, and answers the later
events of that build; `Kept` lives as long as the plugin instance (a whole `serve`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..domain.cache import Memo, ParseCache
from ..domain.fields import DEFAULT
from ..formats.context import SiteInfo
from ..formats.head import Heads
from ..formats.writer import SiteFileWriter
from ..options import Options, theme_language
from ..rendering.blocks import BlocksExtension, BlockStore
from ..rendering.compact import collapse_whitespace
from ..rendering.context import TEMPLATES
from ..site_model import SiteModel
from ..structure.nav import plan
from . import heap
from .background import InBackground, start
from .files import (
    SCRIPT,
    STYLESHEET,
    PageSources,
    add_assets,
    add_pages,
    added_digests,
    home_page,
    read_digests,
)
from .incremental import DirtyBuilds, everywhere
from .nav import NO_PLACES, compact_nav
from .pages import DigestPages
from .templates import KeptTemplates

log = get_plugin_logger(__name__)


@dataclass
class Kept:
    """What the builds of one `mkdocs serve` share: parsed pages, made parts, the
    site files last written, what the last dirty build rendered, compiled templates."""

    cache: ParseCache
    memo: Memo
    writer: SiteFileWriter
    dirty_builds: DirtyBuilds
    templates: KeptTemplates | None
    sources: PageSources

    @classmethod
    def for_command(cls, command: str, dirty: bool) -> Kept:
        serve = command == "serve"
        return cls(
            ParseCache(),
            Memo(keep=serve),
            SiteFileWriter(keep=serve),
            DirtyBuilds(active=dirty),
            KeptTemplates() if serve else None,
            PageSources(),
        )

    def reading(self, options: Options) -> None:
        """Pages are read with the options' field labels: a cache of pages read with
        other labels is dropped."""
        names = DEFAULT.with_aliases(options.field_names)
        if names != self.cache.names:
            self.cache = ParseCache(names)


def serve_advice(command: str, dirty: bool) -> str | None:
    """What plain `mkdocs serve` is told once: it renders every page on each save,
    where `--dirty` renders only those a change shows, which the plugin keeps equal to
    a full build (docs/SPEED.md: a title edit on a site of 413 digests, 2 s against
    12 s). MkDocs decides what to render, from the command line alone."""
    if command != "serve" or dirty:
        return None
    return (
        "each save renders every page again; 'mkdocs serve --dirty' renders only "
        "the pages a change shows, and the digest plugin keeps them equal to a full build"
    )


def configure(config: MkDocsConfig, options: Options) -> BlockStore:
    """Register the Markdown extension, the templates and the assets; the extension's
    block store."""
    store = BlockStore()
    # MkDocs types this list as names, but passes it to Markdown, which also
    # takes Extension instances: ours carries this build's block store.
    config.markdown_extensions.append(BlocksExtension(store))  # type: ignore[arg-type]
    config.theme.dirs.append(str(TEMPLATES))  # after custom_dir: users can override
    if options.stylesheet:
        config.extra_css.append(STYLESHEET)
    config.extra_javascript.append(SCRIPT)
    return store


# Plugins that make the list of files anew from docs_dir, leaving out pages from
# anywhere else: the plugin adds its pages after them.
REMAKE_FILES = frozenset({"i18n"})  # mkdocs-static-i18n


def plugin_names(config: MkDocsConfig) -> set[str]:
    """The site's plugins by name, without their package (`material/search`)."""
    return {name.rsplit("/", 1)[-1] for name in config.plugins}


# Material and its community continuation (MaterialX: the same search box over
# Pagefind's index instead of lunr's).
MATERIAL = frozenset({"material", "materialx"})


def searches_papers(config: MkDocsConfig) -> bool:
    """Whether digest.js answers paper queries in the theme's search box: Material's
    (or MaterialX's) box with its search plugin, served over HTTP. Other themes'
    search, and Material's offline one (file:// pages cannot fetch the plugin's
    files), index the papers' text."""
    names = plugin_names(config)
    return config.theme.name in MATERIAL and "search" in names and "offline" not in names


# Plugins that shape the nav themselves (from `.nav.yml`, `.pages`, a SUMMARY.md).
NAV_PLUGINS = frozenset({"awesome-nav", "awesome-pages", "literate-nav"})


def nav_shaper(config: MkDocsConfig) -> str | None:
    """Who shapes the site's nav besides the plugin: the site's own `nav:`, or a nav
    plugin; None if no one."""
    if config.nav is not None:
        return "mkdocs.yml"
    shapers = sorted(plugin_names(config) & NAV_PLUGINS)
    return shapers[0] if shapers else None


def files_first(config: MkDocsConfig, make: Callable[[], Build]) -> Build | None:
    """The build, made before other plugins see the files (mkdocs-redirects records
    the pages then), unless a plugin will make the list of files anew."""
    return None if plugin_names(config) & REMAKE_FILES else make()


def files_last(build: Build | None, files: Files, make: Callable[[], Build]) -> Build:
    """The build, once every other plugin has added its files: made now if it was
    not, or made again if digests were added since it read the site."""
    if build is None:
        return make()
    added = added_digests(files, build.known, build.kept.cache)
    if not added:
        return build
    log.info(f"{', '.join(added)}: added by another plugin; reading the digests again")
    build.withdraw(files)
    return make()


def site_labels(config: MkDocsConfig, options: Options) -> dict[str, str]:
    """The labels in the theme's language, or what the site chose; an info line
    when the plugin has none in the theme's."""
    fallback = options.label_fallback(config.theme)
    if fallback:
        log.info(fallback)
    return options.site_labels(config.theme)


# A second process copies the model it reads, page by page, as CPython's reference
# counts write to every object it touches: about 0.6 of a plain build's peak memory
# at any size (90 MB for the real site's 4,929 papers, 700 MB at ten times that),
# for 2 to 3 s of a 12 s build at the real size and 13 s of 160 s at ten times
# (docs/SPEED.md). Sites of more papers make the site files in process.
SECOND_PROCESS_PAPERS = 10_000


class Build:
    def __init__(
        self,
        files: Files,
        config: MkDocsConfig,
        *,
        options: Options,
        labels: dict[str, str],
        store: BlockStore,
        kept: Kept,
    ) -> None:
        self.options, self.labels, self.kept, self.files = options, labels, kept, files
        digests = read_digests(files, kept.cache, stamped=kept.memo.keep)
        own = [f.src_uri for f in files.documentation_pages()]
        site_url = config.site_url or ""
        self.model = SiteModel.make(
            digests,
            own,
            options,
            labels,
            config.theme.dirs,
            site_url=site_url,
            lean=True,
            memo=kept.memo,
            paper_search=searches_papers(config),
            offline="offline" in plugin_names(config),
        )
        marker = options.listing_marker
        self.generated = add_pages(files, config, self.model, marker, kept.sources)
        self.known = set(own) | self.generated  # the pages read
        add_assets(files, config, options.stylesheet)
        self.info = SiteInfo(
            config.site_name,
            site_url,
            home_page(files),
            options.feed_size,
            language=theme_language(config.theme),
        )
        self.pages = DigestPages(
            self.model, store, kept.cache, generated=self.generated, marker=marker
        )
        self.urls: dict[str, str] = {}
        self.places = NO_PLACES  # the site's own nav places every page it shows
        self.site_files: InBackground[list[str]] | None = None

    def withdraw(self, files: Files) -> None:
        """Take the pages this build added out of the site: another build adds them."""
        for uri in self.generated:
            page = files.get_file_from_path(uri)
            if page is not None:
                files.remove(page)

    def nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """The compact nav in place, the final URLs taken, a dirty build told what to
        render; the model's problems told (once: a build may be made twice)."""
        for problem in self.model.problems:
            log.warning(str(problem))
        self.urls = {f.src_uri: f.url for f in files.documentation_pages()}
        parts = self.model.head_parts(self.info, self.urls)
        self.heads = Heads(parts, self.kept.memo.part("head"))
        options, model = self.options, self.model
        nav_plan = plan(
            model.catalog,
            model.pages.values(),
            options.nav_weeks,
            options.nav_order,
            self.labels,
        )
        shaper = nav_shaper(config)
        if shaper is None and options.compact_nav:
            nav, self.places = compact_nav(nav_plan, nav, files)
        elif options.compact_nav:
            log.info(
                f"the nav is shaped by {shaper}: the compact nav steps aside "
                "('compact_nav: false' under the digest plugin says so and silences this)"
            )
        dirty = self.kept.dirty_builds
        if dirty.active:
            sources = self.kept.cache.hashes()
            shown = everywhere(config, nav, model=model, labels=self.labels, sources=sources)
            dirty.mark(
                files,
                model=model,
                everywhere=shown,
                plan=nav_plan,
                sources=sources,
                targets=self.kept.cache.targets(),
                heads=self.heads,
                generated=self.generated,
            )
            dirty.keep_titles(files)
        heap.settle()
        papers = len(self.model.catalog.appearances)
        if not self.kept.memo.keep and papers <= SECOND_PROCESS_PAPERS:
            site_dir = Path(config.site_dir)  # made while MkDocs renders the pages
            self.site_files = start(lambda: self._write_site_files(site_dir), "site files")
            if self.site_files:
                log.debug("the site files are made in a second process as the pages render")
        return nav

    def markdown(self, markdown: str, page: Page) -> str | None:
        return self.pages.markdown(markdown, page, self.urls)

    def full_page(self, page: Page) -> None:
        """The page about to be rendered by the theme: placed in the nav, and in full."""
        self.places.enter(page)
        if page.content is None:
            return
        uri = page.file.src_uri
        page.content = self.model.renderer.full_page(uri, page.content)
        missed = self.model.renderer.left_lean(uri)
        if missed:
            log.warning(
                f"{uri}: {missed} card(s) or week(s) are published in their short search "
                "form: another plugin rewrote the page's HTML so that they can no longer "
                "be found in it"
            )

    def written(self, output: str, page: Page) -> str:
        """The page's HTML as written: with its head parts, whitespace collapsed; its
        lean HTML is what the build holds of it from now on."""
        self.kept.dirty_builds.rendered_page(page)
        self.places.leave(page)
        lean = self.model.renderer.written_page(page.file.src_uri)
        if lean is not None:
            page.content = lean
        head = self.heads.written(page.file.src_uri)
        # The theme writes </head> before any page text: the first one is the real one.
        output = output.replace("</head>", head + "</head>", 1) if head else output
        return collapse_whitespace(output) if self.options.compact_html else output

    def finish(self, config: MkDocsConfig) -> None:
        """Write the site files; put right what a dirty build gets wrong on its own."""
        site_dir = Path(config.site_dir)
        own = self.site_files.result() if self.site_files else None
        if own is None:
            own = self._write_site_files(site_dir)
        for path in own:
            log.debug("%s: the site's own file is kept", path)
        self.kept.dirty_builds.finish(config)
        self.pages.finish()
        heap.release(self.kept.memo.keep)

    def _write_site_files(self, site_dir: Path) -> list[str]:
        """Make and write the site files; those the site has a file of its own at."""
        made = self.model.site_files(self.urls, self.info, self.kept.memo)
        # A site file never replaces the site's own: a file at that path, or a page
        # written there (`sd/latest.md` is `sd/latest.html` without directory URLs).
        written = {f.dest_uri for f in self.files} | {f.src_uri for f in self.files}
        return self.kept.writer.write(site_dir, made, written.__contains__)
