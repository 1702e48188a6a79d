"""One policy for page URLs, as MkDocs gives them: a page's URL from its source, and
which URL is the site's home. No MkDocs.

MkDocs writes the home page's URL `./` with directory URLs (`""` in some plugins'
hands) and `index.html` without; the rest of the site's URLs are relative to its
root (`sd/2024-03-29/`, `sd/2024-03-29.html`).
"""

from __future__ import annotations

import posixpath

HOME_URLS = frozenset({"", ".", "./", "index.html"})


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """A page's URL as MkDocs and Zensical give it (`sd/2024-03-29/`, `sd/`, `./`)."""
    stem = src_uri.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return folder + "/" if folder else "./"
    return stem + "/"


def is_home(url: str) -> bool:
    """Whether a page's URL is the site's home."""
    return url in HOME_URLS


def from_root(url: str) -> str:
    """A page's URL as a path from the site's root: `""` for the home page (with
    directory URLs; `index.html` stays, as a link to it may name it)."""
    return "" if url in ("", ".", "./") else url.removeprefix("./")
