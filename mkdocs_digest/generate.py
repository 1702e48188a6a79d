"""`mkdocs-digest generate`: the plugin's site as a plain docs tree. No MkDocs.

A second front end on the core, for builders that do not run MkDocs plugins
(Zensical, which reads mkdocs.yml but ignores plugins it does not implement;
ProperDocs; MkDocs without the plugin). It writes a copy of the docs folder in
which digest pages carry their cards, with the topic, series, archive and overview
pages, the stylesheet and script, the filter index, papers.json, feeds and .bib
files added: the same paths, URLs, anchors and links as the plugin's build.

What a plain docs tree cannot carry: cards are raw HTML, so paper titles are not in
the page's table of contents; JSON-LD and the feed links of `<head>` need the
plugin. The stylesheet and script are linked from each page that needs them.
"""

from __future__ import annotations

import html
import posixpath
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .defaults import DEFAULTS
from .domain.catalog import Catalog
from .domain.fields import DEFAULT
from .domain.labels import labels_for
from .domain.model import Diagnostic
from .domain.parser import read_page, split_front_matter
from .domain.source import normalize
from .formats.export import PAPERS_JSON
from .formats.site_files import Site, site_files
from .rendering.blocks import BlockStore, to_html
from .rendering.context import TEMPLATES, Extras
from .rendering.links import Links
from .rendering.renderer import Renderer, page_front_matter
from .structure.layout import Layout, SitePage

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/mkdocs_digest/"


@dataclass(frozen=True)
class Options:
    """The digest plugin's options and the site settings `generate` needs."""

    plugin: Mapping[str, Any] = field(default_factory=dict)  # as under `digest:` in mkdocs.yml
    site_name: str = ""
    site_url: str = ""
    directory_urls: bool = True
    # Zensical resolves links in raw HTML as it resolves Markdown links, from the
    # source file (`../sd/index.md`); MkDocs and ProperDocs leave them as written, so
    # they must be URLs relative to the served page.
    builder: str = "zensical"  # or "mkdocs"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """A page's URL as MkDocs and Zensical give it (`sd/2024-03-29/`, `sd/`, `./`)."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return folder + "/" if folder else "./"
    return stem + "/"


def generate(docs_dir: Path, out_dir: Path, options: Options) -> list[Diagnostic]:
    """Write the tree; return what a build would warn about."""
    _check_folders(docs_dir, out_dir)
    tree = _Tree(docs_dir, options)
    written = tree.render()
    _write(out_dir, written)
    return tree.diagnostics


def watch(docs_dir: Path, out_dir: Path, options: Options, report: Callable[[str], None]) -> None:
    """Generate again whenever a file of `docs_dir` changes (polled each second)."""
    seen: dict[Path, int] = {}
    while True:
        now = {p: p.stat().st_mtime_ns for p in docs_dir.rglob("*") if p.is_file()}
        if now != seen:
            seen = now
            found = generate(docs_dir, out_dir, options)
            report(f"generated {out_dir} ({len(found)} problem(s))")
        time.sleep(1)


class _Tree:
    def __init__(self, docs_dir: Path, options: Options) -> None:
        plugin = options.plugin
        self.options = options
        self.files = {p.relative_to(docs_dir).as_posix(): p for p in sorted(docs_dir.rglob("*"))}
        self.texts = {
            uri: normalize(path.read_text(encoding="utf-8-sig"))
            for uri, path in self.files.items()
            if uri.endswith(".md") and path.is_file()
        }
        names = DEFAULT.with_aliases(plugin.get("field_names") or {})
        digests = [read_page(text, uri, names) for uri, text in self.texts.items()]
        self.catalog = Catalog.build([d for d in digests if d], plugin.get("topic_names"))
        layout = Layout(
            plugin.get("topic_page"),
            plugin.get("overview_page"),
            plugin.get("per_page", DEFAULTS.per_page),
        )
        pages, problems = layout.pages(self.catalog)
        self.diagnostics = self.catalog.diagnostics + problems
        self.site_pages = {page.src_uri: page for page in pages}
        labels = labels_for(plugin.get("language") or "ja", plugin.get("labels") or {})
        extras = Extras(
            PAPERS_JSON if plugin.get("papers_json", DEFAULTS.papers_json) else None,
            bool(plugin.get("feeds", DEFAULTS.feeds) and options.site_url),
            plugin.get("citations", DEFAULTS.citations),
        )
        self.renderer = Renderer(
            self.catalog,
            pages,
            [TEMPLATES],
            labels,
            plugin.get("max_authors", DEFAULTS.max_authors),
            extras,
        )
        self.urls = {
            uri: page_url(uri, options.directory_urls)
            for uri in sorted({*self.texts, *self.site_pages})
        }
        self.sources = {uri: uri for uri in self.urls}  # links to source files
        self.store = BlockStore()

    def render(self) -> dict[str, str | Path]:
        """Path in the tree -> its text, or the file to copy."""
        others = {uri: p for uri, p in self.files.items() if p.is_file() and uri not in self.texts}
        out: dict[str, str | Path] = dict(others)
        for uri in self.urls:
            out[uri] = self._page(uri)
        for name in ("digest.css", "digest.js"):
            out[ASSET_DIR + name] = ASSETS / name
        home = next((uri for uri, url in self.urls.items() if url in ("./", "index.html")), None)
        feed_size = self.options.plugin.get("feed_size", DEFAULTS.feed_size)
        site = Site(self.options.site_name, self.options.site_url, home, feed_size)
        out.update(
            (path, "".join(parts)) for path, parts in site_files(self.renderer, self.urls, site)
        )
        return out

    def _page(self, uri: str) -> str:
        if self.options.builder == "zensical":
            links = Links(self.sources, uri, self.urls[uri])
        else:
            links = Links(self.urls, uri)
        self.store.page = uri
        if uri in self.site_pages:
            return self._listing(uri, self.site_pages[uri], links)
        digest = self.catalog.digests.get(uri)
        text = self.texts[uri]
        if digest is None:
            return text
        front, body = split_front_matter(text)
        first_line = front.count("\n") + 1
        markdown = self.renderer.digest_markdown(body, first_line, digest, links, self.store)
        return _escaped_title(front) + self._assets(links) + self._placed(markdown, uri)

    def _listing(self, uri: str, page: SitePage, links: Links) -> str:
        title = page_front_matter(self.renderer.page_title(page))
        own = uri in self.texts  # the site's own page at a generated page's path
        front, body = (
            split_front_matter(self.texts[uri]) if own else (title, DEFAULTS.listing_marker)
        )
        marker = self.options.plugin.get("listing_marker", DEFAULTS.listing_marker)
        markdown = self.renderer.listing_markdown(body, page, links, self.store, marker, not own)
        return front + self._assets(links) + self._placed(markdown, uri)

    def _assets(self, links: Links) -> str:
        """The stylesheet and script, linked from the page (no config to list them in)."""
        root = links.root()
        return (
            f'<div class="digest-assets" hidden><link rel="stylesheet" '
            f'href="{root}{ASSET_DIR}digest.css"><script src="{root}{ASSET_DIR}digest.js" '
            "defer></script></div>\n\n"
        )

    def _placed(self, markdown: str, uri: str) -> str:
        # Whole tokens only: `...n1` is also the start of `...n10`.
        tokens = re.compile(rf"mkdocsdigest{self.store.nonce}n\d+")
        markdown = tokens.sub(lambda m: to_html(self.store.take(m.group(0))), markdown)
        self.store.finish(uri)
        return markdown


def _escaped_title(front: str) -> str:
    """The front matter with its title HTML-escaped, as the plugin gives it to themes."""
    if not front:
        return front
    inner = front.split("\n", 1)[1].rsplit("---", 1)[0].rsplit("...", 1)[0]
    try:
        meta = yaml.safe_load(inner)
    except Exception:
        return front  # the plugin's build warns about it too; MkDocs drops it
    if not isinstance(meta, dict) or "title" not in meta:
        return front
    meta["title"] = html.escape(str(meta["title"]))
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _check_folders(docs_dir: Path, out_dir: Path) -> None:
    docs, out = docs_dir.resolve(), out_dir.resolve()
    if out == docs or docs in out.parents or out in docs.parents:
        raise ValueError(f"{out_dir} must be outside {docs_dir}, and not hold it")


def _write(out_dir: Path, files: Mapping[str, str | Path]) -> None:
    """Write what changed, remove what is gone: a watching server sees only edits."""
    for old in sorted(out_dir.rglob("*"), reverse=True) if out_dir.exists() else []:
        relative = old.relative_to(out_dir).as_posix()
        if old.is_file() and relative not in files:
            old.unlink()
        elif old.is_dir() and not any(old.iterdir()):
            old.rmdir()
    for relative, content in files.items():
        target = out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
