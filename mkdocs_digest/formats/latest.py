"""`sd/latest.html`: a fixed address for each series' latest week. No MkDocs.

The compact nav links it, so the nav every page prints stays the same when a week
lands (structure/nav.py), and a reader can bookmark "this week's digest". It is a
small HTML file that sends the browser on at once, as redirect plugins write them,
with a link for a browser that does not follow (and a canonical link for search
engines, which then index the week itself).
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Iterator

from .context import FileContext
from .json_text import script_json

PAGE = """<!doctype html>
<html{lang}>
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={href}">
<link rel="canonical" href="{href}">
<meta name="robots" content="noindex">
<script>location.replace({script_href} + location.hash)</script>
</head>
<body><p><a href="{href}">{title}</a></p></body>
</html>
"""


class LatestWeeks:
    """One file per listing of a series with weeks."""

    def wanted(self, context: FileContext) -> bool:
        return True

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        catalog = context.catalog
        for listing in context.listings:
            series = listing.series(catalog)
            if series is None or not series.digests or listing.archive not in context.urls:
                continue
            digest = series.digests[-1]
            href = _relative(context.urls[digest.page], listing.latest)
            yield listing.latest, [latest_page(href, digest.title or "", context.info.language)]


def latest_page(href: str, title: str, language: str = "") -> str:
    """The file's text: `href` relative to it, `title` the week's (digest text)."""
    quoted = html.escape(href, quote=True)
    return PAGE.format(
        lang=f' lang="{html.escape(language, quote=True)}"' if language else "",
        title=html.escape(title),
        href=quoted,
        # JSON string in a script: `<`, `>` and `&` escaped so no text ends the script.
        script_href=script_json(href),
    )


def _relative(url: str, path: str) -> str:
    """The site URL `url` as seen from the file at `path` (both from the site root)."""
    rel = posixpath.relpath(url or ".", posixpath.dirname(path) or ".")
    return rel + "/" if url.endswith("/") and rel != "." else rel
