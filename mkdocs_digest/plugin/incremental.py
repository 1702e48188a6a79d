"""Incremental builds (`mkdocs serve --dirty`) that stay right for the plugin's pages.

MkDocs' dirty build renders a page only when `File.is_modified()` says its source is
newer than its output, and has no way for a plugin to say that a page depends on
others. So this module decides for MkDocs: a page is rendered when its own file
changed or its fingerprint did. A fingerprint is a hash of what the page shows: its
own text, the URLs of the pages it links to, its place in the nav, the view the
renderer draws the plugin's part of it from (`Renderer.shows`), its `<head>` parts,
and what every page shows (the options, the nav as printed). Nothing is listed by hand: a page whose
view is the same renders the same HTML. Things a dirty build gets wrong on its own
are put right as well:

- pages not rendered have no title (their source was not read), and every rendered
  page prints them in the nav: they get the title of the last build;
- the output of a deleted page stays in the site: it is removed;
- Material's search merges the new entries of only one page into the last index:
  the index is rebuilt from the last entries of the pages not rendered and the new
  entries of those that were, in page order, as a clean build writes it.
"""

from __future__ import annotations

import gc
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..formats.head import Heads
from ..rendering.links import Links
from ..site_model import SiteModel
from ..structure.nav import NavPlan


class DirtyBuilds:
    def __init__(self, active: bool) -> None:
        self.active = active
        self.fingerprints: dict[str, int] = {}
        self.titles: dict[str, str] = {}
        self.entries: list[dict[str, Any]] | None = None  # the last search index
        self.rendered: set[str] = set()  # URLs of the pages rendered in this build
        self.order: dict[str, int] = {}  # page URL -> place in a clean build
        self.outputs: set[str] = set()  # the pages' output files
        self.removed: set[str] = set()  # outputs of pages gone since the last build

    def mark(
        self,
        files: Files,
        *,
        model: SiteModel,
        everywhere: str,
        plan: NavPlan,
        sources: Mapping[str, str],
        targets: Mapping[str, Iterable[str]],
        heads: Heads,
        generated: set[str],
    ) -> None:
        """Set which pages this build renders. `everywhere`: what every page shows
        (`everywhere()`); `sources`: a hash of each parsed page's text; `targets`: the
        links each page's text holds."""
        if not self.active:
            return
        urls = {f.src_uri: f.url for f in files.documentation_pages()}
        shows = model.renderer.shows
        with _collector_paused():
            fingerprints = {
                uri: hash(
                    (
                        everywhere,
                        sources.get(uri),
                        plan.on(uri),
                        linked(uri, targets.get(uri, ()), urls),
                        shows(uri, Links(urls, uri)),
                        heads.of(uri),
                    )
                )
                for uri in urls
            }
        previous, self.fingerprints = self.fingerprints, fingerprints
        self.rendered = set()
        self.order = {_page_url(f): i for i, f in enumerate(files.documentation_pages())}
        outputs = {f.abs_dest_path for f in files.documentation_pages()}
        self.removed, self.outputs = self.outputs - outputs, outputs
        for file in files.documentation_pages():
            uri = file.src_uri
            changed = not previous or previous.get(uri) != fingerprints.get(uri)
            # A generated page has no source: MkDocs would render it every time.
            edited = uri not in generated and file.is_modified()
            _set_modified(file, changed or edited)

    def keep_titles(self, files: Files) -> None:
        """Pages left as they are keep the title they had (for the nav, prev/next)."""
        if not self.active:
            return
        for file in files.documentation_pages():
            if file.page is not None and not file.is_modified() and file.src_uri in self.titles:
                file.page.title = self.titles[file.src_uri]

    def rendered_page(self, page: Page) -> None:
        if self.active:
            self.rendered.add(page.url)
            if page.title is not None:
                self.titles[page.file.src_uri] = page.title

    def finish(self, config: MkDocsConfig) -> None:
        """Remove deleted pages' output, and give the search plugin every page's entries."""
        if not self.active:
            return
        for path in map(Path, self.removed):
            path.unlink(missing_ok=True)
            if path.name == "index.html" and not any(path.parent.iterdir()):
                path.parent.rmdir()  # `sd/2024-04-12/` answers 404 again
        self._merge_search(config)

    def _merge_search(self, config: MkDocsConfig) -> None:
        """Before the search plugin writes its index: every page's latest entries."""
        found = _search_entries(config)
        if found is None:
            return
        plugin, entries = found
        if self.entries is not None:
            left = self.order.keys() - self.rendered
            kept = [e for e in self.entries if _page_of(e) in left]
            last = len(self.order)
            entries[:] = sorted(kept + entries, key=lambda e: self.order.get(_page_of(e), last))
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None  # Material's own merge would add them twice
        self.entries = list(entries)


def everywhere(
    config: MkDocsConfig,
    nav: Navigation,
    *,
    model: SiteModel,
    labels: Mapping[str, str],
    sources: Mapping[str, str],
) -> str:
    """What every page shows: the options and the nav as the theme prints it, each
    item's title and URL. Not the site's other URLs (a page's links are its own part,
    `linked`), nor the pages the nav leaves out: a new week changes neither."""
    digests = model.catalog.digests

    def title(page: Page) -> object:
        uri = page.file.src_uri
        if uri in digests:
            own = digests[uri].title  # a digest's title is all the nav shows
        elif uri in model.pages:
            own = model.renderer.page_title(model.pages[uri])
        else:
            own = sources.get(uri)  # another page's title is in its text
        return own, getattr(page, "typeset", None)

    def shown(items: Iterable[StructureItem]) -> list[object]:
        return [
            (item.title, shown(item.children))
            if isinstance(item, Section)
            else (item.url, title(item))
            if isinstance(item, Page)
            else (item.title, getattr(item, "url", None))
            for item in items
        ]

    source = config.config_file_path
    options = Path(source).read_text(encoding="utf-8") if source else ""
    return repr((options, dict(labels), shown(nav.items)))


def linked(page: str, targets: Iterable[str], urls: Mapping[str, str]) -> tuple[object, ...]:
    """The URLs of the pages a page's own text may link to (`targets`, as written):
    MkDocs writes each link as the URL of the file it names, when that file exists."""
    folder = posixpath.dirname(page)
    found = []
    for target in targets:
        path = unquote(target.partition("#")[0].partition("?")[0])
        base = posixpath.normpath(path.lstrip("/") if path.startswith("/") else f"{folder}/{path}")
        for uri in (base, base + ".md", base + "/index.md", base + "/README.md"):
            found.append((uri, urls.get(uri)))
    return tuple(found)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The views of every page are a million small tuples, made, hashed and dropped,
    none in a cycle: Python's cycle collector, run over and over while they are made,
    took more than half the time (1.7 s against 0.7 s on the real-size site)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _set_modified(file: File, modified: bool) -> None:
    # MkDocs 1.6 asks this method and nothing else; an instance attribute shadows it.
    setattr(file, "is_modified", lambda: modified)  # noqa: B010


def _search_entries(config: MkDocsConfig) -> tuple[Any, list[dict[str, Any]]] | None:
    """The search plugin and the list of entries it is about to write."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        for attribute in ("entries", "_entries"):  # Material's, MkDocs' own
            entries = getattr(index, attribute, None)
            if isinstance(entries, list):
                return plugin, entries
    return None


def _page_url(file: File) -> str:
    return "" if file.url in (".", "./") else file.url  # as Page.url, which search uses


def _page_of(entry: Mapping[str, Any]) -> str:
    return str(entry.get("location", "")).split("#", 1)[0]
