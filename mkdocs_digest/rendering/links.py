"""URLs between the site's pages, as MkDocs gives them. No MkDocs."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote


# Cards make tens of thousands of links, most of them again and again from one page
# (its topics' pages): each pair is worked out once.
@functools.lru_cache(maxsize=8192)
def relative_url(url: str, base: str) -> str:
    """`url` as seen from the page at `base`; both are site URLs as MkDocs gives them,
    where a last part with a dot names a file. By parts, not with `posixpath.relpath`,
    which normalises both paths first."""
    folder, _, name = base.rpartition("/")
    base_parts = _parts(folder if "." in name else base)
    url_parts = _parts(url)
    common = 0
    for a, b in zip(base_parts, url_parts, strict=False):  # the shorter one ends it
        if a != b:
            break
        common += 1
    rel = "/".join((*[".."] * (len(base_parts) - common), *url_parts[common:])) or "."
    return rel + "/" if url.endswith("/") else rel


# A site has a few hundred pages, each the base or the target of thousands of links.
@functools.lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return tuple(parts)


@dataclass(frozen=True)
class Links:
    """URLs of the site's pages (`src_uri -> url`) relative to the current page.

    `page_url`, when given, is where the page is served if `urls` are not URLs: a
    tree for Zensical links to source files (`../sd/index.md`), which Zensical
    resolves; scripts, which read URLs at run time, still need the served one.
    """

    urls: Mapping[str, str]
    page: str
    page_url: str | None = None

    def to(self, src_uri: str, anchor: str | None = None) -> str:
        url = relative_url(self.urls[src_uri], self.urls[self.page])
        return f"{url}#{anchor}" if anchor else url

    def resolve(self, href: str) -> str:
        """A relative link of page text to another page's source (`2024-03-22.md#x`)
        as that page's URL, as MkDocs rewrites the links of Markdown it converts;
        any other link as it is."""
        path, _, fragment = href.partition("#")
        if not path.endswith(".md") or "//" in path:
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), unquote(path)))
        if target not in self.urls:
            return href
        return self.to(target, fragment or None)

    def root(self) -> str:
        """The site root as seen from the page, ending in '/' (or '' at the root)."""
        return _root(self.urls[self.page])

    def script_root(self) -> str:
        """The site root as seen from the served page, for scripts (data attributes)."""
        return _root(self.page_url if self.page_url is not None else self.urls[self.page])


def _root(base: str) -> str:
    url = relative_url("", base)
    return "" if url == "." else url + "/"


@dataclass(frozen=True)
class Link:
    text: str
    url: str
