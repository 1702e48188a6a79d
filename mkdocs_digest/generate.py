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
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .domain.model import Diagnostic
from .domain.parser import split_front_matter
from .formats.context import SiteInfo
from .options import DEFAULTS, Options, theme_language
from .reading.docs_folder import SourcePages
from .rendering.blocks import BlockStore, to_html
from .rendering.links import Links
from .rendering.renderer import page_front_matter
from .site_model import SiteModel
from .structure.layout import SitePage
from .structure.urls import is_home, page_url

ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/mkdocs_digest/"


@dataclass(frozen=True)
class Settings:
    """The digest plugin's options and the site settings `generate` needs."""

    options: Options = DEFAULTS  # the `digest:` block of mkdocs.yml
    site_name: str = ""
    site_url: str = ""
    directory_urls: bool = True
    theme: Mapping[str, Any] = field(default_factory=dict)  # for the labels' language
    # Zensical resolves links in raw HTML as it resolves Markdown links, from the
    # source file (`../sd/index.md`); MkDocs and ProperDocs leave them as written, so
    # they must be URLs relative to the served page.
    builder: str = "zensical"  # or "mkdocs"
    exclude_docs: object = None  # as in mkdocs.yml: gitignore lines
    draft_docs: object = None


@dataclass(frozen=True)
class Generated:
    """What `generate` wrote, and what a build would warn about."""

    out_dir: Path
    pages: int  # Markdown pages, the generated ones among them
    files: int  # every file, pages and assets
    diagnostics: list[Diagnostic]

    def __str__(self) -> str:
        others = self.files - self.pages
        return f"wrote {self.pages} pages and {others} other files to {self.out_dir}"


def generate(docs_dir: Path, out_dir: Path, settings: Settings) -> Generated:
    """Write the tree; say what it wrote and what a build would warn about."""
    _check_folders(docs_dir, out_dir)
    tree = _Tree(docs_dir, settings)
    written = tree.render()
    _write(out_dir, written)
    pages = sum(path.endswith(".md") for path in written)
    return Generated(out_dir, pages, len(written), tree.diagnostics)


def watch(docs_dir: Path, out_dir: Path, settings: Settings, report: Callable[[str], None]) -> None:
    """Generate again whenever a file of `docs_dir` changes (polled each second)."""
    seen: dict[Path, int] = {}
    while True:
        now = {p: p.stat().st_mtime_ns for p in docs_dir.rglob("*") if p.is_file()}
        if now != seen:
            seen = now
            done = generate(docs_dir, out_dir, settings)
            report(f"{done} ({len(done.diagnostics)} problem(s))")
        time.sleep(1)


class _Tree:
    def __init__(self, docs_dir: Path, settings: Settings) -> None:
        options = self.options = settings.options
        self.settings = settings
        source = SourcePages.read(docs_dir, settings.exclude_docs, settings.draft_docs)
        self.files, self.texts = source.files, source.texts
        self.model = SiteModel.read(self.texts, options, settings.theme, site_url=settings.site_url)
        self.catalog, self.site_pages = self.model.catalog, self.model.pages
        self.renderer = self.model.renderer
        self.diagnostics = source.problems + self.model.problems
        self.urls = {
            uri: page_url(uri, settings.directory_urls)
            for uri in sorted({*self.texts, *self.site_pages})
        }
        self.sources = {uri: uri for uri in self.urls}  # links to source files
        self.store = BlockStore()

    def render(self) -> dict[str, str | Path]:
        """Path in the tree -> its text, or the file to copy."""
        # Copied as they are: files that are not pages, and a page that is not UTF-8
        # (reported; the builder stops on it as MkDocs would, and nothing is lost).
        others = {uri: p for uri, p in self.files.items() if uri not in self.texts}
        out: dict[str, str | Path] = dict(others)
        for uri in self.urls:
            out[uri] = self._page(uri)
        for name in ("digest.css", "digest.js"):
            out[ASSET_DIR + name] = ASSETS / name
        home = next((uri for uri, url in self.urls.items() if is_home(url)), None)
        settings = self.settings
        language = theme_language(settings.theme)
        info = SiteInfo(
            settings.site_name, settings.site_url, home, self.options.feed_size, language=language
        )
        out.update((path, "".join(parts)) for path, parts in self.model.site_files(self.urls, info))
        return out

    def _page(self, uri: str) -> str:
        if self.settings.builder == "zensical":
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
        # Placeholders only: the page's own text is rendered by the plugin's Markdown
        # too (rendering/around.py), and the builder's extensions never read it.
        markdown = self.renderer.digest_markdown(body, first_line, digest, links, self.store)
        front = _escaped_title(front, digest.title)
        return front + self._assets(links) + self._placed(markdown, uri)

    def _listing(self, uri: str, page: SitePage, links: Links) -> str:
        title = page_front_matter(self.renderer.page_title(page))
        own = uri in self.texts  # the site's own page at a generated page's path
        front, body = (
            split_front_matter(self.texts[uri]) if own else (title, self.options.listing_marker)
        )
        marker = self.options.listing_marker
        markdown = self.renderer.listing_markdown(
            body, page, links, self.store, marker=marker, title=not own
        )
        return front + self._assets(links) + self._placed(markdown, uri)

    def _assets(self, links: Links) -> str:
        """The stylesheet and script, linked from the page (no config to list them in)."""
        root = links.root()
        settings = self.model.script_settings(self.urls)
        return (
            f'<div class="digest-assets" hidden><link rel="stylesheet" '
            f'href="{root}{ASSET_DIR}digest.css"><script src="{root}{ASSET_DIR}digest.js" '
            f"defer></script>{settings.html('').strip()}</div>\n\n"
        )

    def _placed(self, markdown: str, uri: str) -> str:
        # Whole tokens only: `...n1` is also the start of `...n10`.
        tokens = re.compile(rf"mkdocsdigest{self.store.nonce}n\d+")
        markdown = tokens.sub(lambda m: to_html(self.store.take(m.group(0))), markdown)
        self.store.finish(uri)
        return markdown


def _escaped_title(front: str, title: str | None) -> str:
    """The front matter with the digest's title (its own, else its first heading's:
    `Digest.title`), HTML-escaped, as the plugin gives it to themes."""
    meta: object = {}
    if front:
        inner = front.split("\n", 1)[1].rsplit("---", 1)[0].rsplit("...", 1)[0]
        try:
            meta = yaml.safe_load(inner)
        except Exception:
            return front  # the plugin's build warns about it too; MkDocs drops it
    if not isinstance(meta, dict) or not title:
        return front
    meta["title"] = html.escape(title)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _check_folders(docs_dir: Path, out_dir: Path) -> None:
    docs, out = docs_dir.resolve(), out_dir.resolve()
    if out == docs or docs in out.parents or out in docs.parents:
        raise ValueError(f"{out_dir} must be outside {docs_dir}, and not hold it")


MANIFEST = ".mkdocs-digest-generated.json"  # what `generate` wrote; dot files are not docs


def _write(out_dir: Path, files: Mapping[str, str | Path]) -> None:
    """Write what changed and remove what `generate` wrote before and writes no more,
    so a watching server sees only edits. Nothing else in `out_dir` is touched, and
    nothing is written outside it."""
    before = _manifest(out_dir)
    root = out_dir.resolve()
    targets = {relative: _inside(root, relative) for relative in files}
    for relative in sorted(before - set(files), reverse=True):
        old = _inside(root, relative)
        if old.is_file() and not old.is_symlink():
            old.unlink()
            _remove_empty_parents(old.parent, root)
    root.mkdir(parents=True, exist_ok=True)
    manifest = _own_file(root, MANIFEST)
    manifest.write_text(json.dumps(sorted(files), ensure_ascii=False, indent=0))
    for relative, content in files.items():
        target = targets[relative]
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)


def _manifest(out_dir: Path) -> set[str]:
    """What `generate` wrote into `out_dir` last time; refuses a folder of other files."""
    if not out_dir.exists():
        return set()
    if not out_dir.is_dir():
        raise ValueError(f"{out_dir} is not a folder")
    manifest = _own_file(out_dir.resolve(), MANIFEST)
    if not manifest.is_file():
        if any(out_dir.iterdir()):
            raise ValueError(
                f"{out_dir} is not empty and was not written by mkdocs-digest generate "
                f"(no {MANIFEST} in it): nothing was written. Give an empty or new "
                "folder, or empty this one yourself"
            )
        return set()
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise ValueError(f"{manifest} cannot be read ({problem}); remove it to go on") from None
    if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
        raise ValueError(f"{manifest} is not a list of paths; remove it to go on")
    return set(listed)


def _own_file(root: Path, name: str) -> Path:
    """`root / name`, which must not be a link: `generate` reads and writes its own
    files only where it put them, never through a link out of the folder."""
    path = root / name
    if path.is_symlink():
        raise ValueError(f"{path} is a link; `generate` follows none: remove it to go on")
    return path


def _inside(root: Path, relative: str) -> Path:
    """`root / relative`, which must stay inside `root` (no `..`, no link out)."""
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"{relative!r} would be written outside {root}; nothing was written")
    return target


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
