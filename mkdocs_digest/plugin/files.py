"""The site's files as MkDocs gives them: digests read through the parse cache, and
the pages and assets the plugin adds."""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from ..domain.cache import ParseCache
from ..domain.docs_folder import undecodable
from ..domain.model import Digest
from ..rendering.renderer import page_front_matter
from ..site_model import SiteModel

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


def add_pages(files: Files, config: MkDocsConfig, model: SiteModel, marker: str) -> set[str]:
    """Add the plugin's pages the site has no page of its own at; their paths."""
    generated = {uri for uri in model.pages if files.get_file_from_path(uri) is None}
    for uri in sorted(generated):
        title = model.renderer.page_title(model.pages[uri])
        files.append(File.generated(config, uri, content=page_front_matter(title) + marker))
    return generated


def add_assets(files: Files, config: MkDocsConfig, stylesheet: bool) -> None:
    """The script, and the stylesheet unless the site styles cards itself; a file of
    the site's own at their path is kept."""
    for asset in [SCRIPT, STYLESHEET] if stylesheet else [SCRIPT]:
        if files.get_file_from_path(asset) is None:
            source = str(ASSETS / asset.rpartition("/")[2])
            files.append(File.generated(config, asset, abs_src_path=source))


def home_page(files: Files) -> str | None:
    return next((f.src_uri for f in files.documentation_pages() if f.url in ("", "./")), None)


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
