"""URLs between the site's pages, as MkDocs gives them. No MkDocs."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass


def relative_url(url: str, base: str) -> str:
    """`url` as seen from the page at `base`; both are site URLs as MkDocs gives them."""
    if base != ".":
        head, tail = posixpath.split(base)
        base = head if "." in tail else base
    rel = posixpath.relpath("/" + url, "/" + base)
    return rel + "/" if url.endswith("/") else rel


@dataclass(frozen=True)
class Links:
    """URLs of the site's pages (`src_uri -> url`) relative to the current page."""

    urls: Mapping[str, str]
    page: str

    def to(self, src_uri: str, anchor: str | None = None) -> str:
        url = relative_url(self.urls[src_uri], self.urls[self.page])
        return f"{url}#{anchor}" if anchor else url

    def root(self) -> str:
        """The site root as seen from the page, ending in '/' (or '' at the root)."""
        url = relative_url("", self.urls[self.page])
        return "" if url == "." else url + "/"


@dataclass(frozen=True)
class Link:
    text: str
    url: str
