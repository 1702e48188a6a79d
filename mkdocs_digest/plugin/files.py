"""The site's files as MkDocs gives them: digests read through the parse cache, and
the pages and assets the plugin adds."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..domain.cache import ParseCache
from ..domain.model import Digest
from ..reading.docs_folder import undecodable
from ..rendering.renderer import page_front_matter
from ..site_model import SiteModel
from ..structure.urls import is_home

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent.parent / "assets"
STYLESHEET = "assets/mkdocs_digest/digest.css"
SCRIPT = "assets/mkdocs_digest/digest.js"


def read_digests(files: Files, cache: ParseCache, stamped: bool) -> list[Digest]:
    """Every page that is a digest, parsed, or from the cache when its text (or,
    when `stamped`, its file's modification time and size) is unchanged."""
    pages = files.documentation_pages()
    parsed = cache.parsed
    stamp = _stamp if stamped else _no_stamp  # a build reads each file anyway
    digests: list[Digest] = []
    unreadable: list[str] = []
    for file in pages:
        try:
            digest = cache.parse(file.src_uri, _reader(file), stamp(file))
        except UnicodeDecodeError as problem:
            unreadable.append(str(undecodable(file.src_uri, problem)))
            continue
        if digest is not None:
            digests.append(digest)
    if unreadable:  # MkDocs would stop on them next, with a traceback
        raise PluginError("\n".join(unreadable))
    if parsed:  # a rebuild under `mkdocs serve`: say what the edit cost
        log.info(f"{cache.parsed - parsed} of {len(pages)} pages parsed anew")
    cache.forget_except({f.src_uri for f in pages})
    return digests


class PageSources:
    """Source files on disk for the pages the plugin adds. Plugins that read a page's
    source (mkdocs-rss-plugin for its dates, mkdocs-static-i18n for its language)
    need `abs_src_path`, which a page MkDocs holds in memory lacks. They live in a
    temporary folder for the process (`mkdocs serve` keeps one), each written only
    when its text changes, so its modification time tells when it did."""

    def __init__(self) -> None:
        self.folder: Path | None = None

    def file(self, config: MkDocsConfig, uri: str, text: str) -> File:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="mkdocs-digest-"))
            atexit.register(shutil.rmtree, self.folder, ignore_errors=True)
        path = self.folder / uri
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return File.generated(config, uri, abs_src_path=str(path))


def added_digests(files: Files, known: set[str], cache: ParseCache) -> list[str]:
    """Digests among the pages not in `known`: added by another plugin (such as
    mkdocs-gen-files) after the plugin read the site."""
    added = [f for f in files.documentation_pages() if f.src_uri not in known]
    return [f.src_uri for f in added if cache.parse(f.src_uri, _reader(f)) is not None]


def add_pages(
    files: Files, config: MkDocsConfig, model: SiteModel, marker: str, sources: PageSources
) -> set[str]:
    """Add the plugin's pages the site has no page of its own at; their paths."""
    generated = {uri for uri in model.pages if files.get_file_from_path(uri) is None}
    for uri in sorted(generated):
        title = model.renderer.page_title(model.pages[uri])
        files.append(sources.file(config, uri, page_front_matter(title) + marker))
    return generated


def add_assets(files: Files, config: MkDocsConfig, stylesheet: bool) -> None:
    """The script, and the stylesheet unless the site styles cards itself; a file of
    the site's own at their path is kept."""
    for asset in [SCRIPT, STYLESHEET] if stylesheet else [SCRIPT]:
        if files.get_file_from_path(asset) is None:
            source = str(ASSETS / asset.rpartition("/")[2])
            files.append(File.generated(config, asset, abs_src_path=source))


def home_page(files: Files) -> str | None:
    """The home page's source: the page written at the site's root, with directory
    URLs or without (`index.html`), as MkDocs' `Page.is_homepage` tells it."""
    return next((f.src_uri for f in files.documentation_pages() if is_home(f.url)), None)


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
