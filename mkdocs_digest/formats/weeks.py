"""`assets/mkdocs_digest/weeks.json`: what is new, for a reader's "since your last
visit". No MkDocs.

The browser remembers the newest week a reader has seen (js/src/news.js); on a later
visit it marks the cards and rows of later weeks, and the home page and each series'
page say how many papers are new. Which week is the newest, and how many papers each
series' recent weeks hold, is this small file, fetched once a visit: it lives at a
fixed address, so a new week changes no page but the ones that show it.

    {"newest": "2025-01-03", "weeks": {"2025-01-03": 153, ...},
     "series": [{"name": "合成データ", "url": "sd/", "weeks": {"2025-01-03": 12, ...}}]}

`weeks`: the site's RECENT newest weeks, each with its papers (each once, though
several series list it); a series' `url` is its listing page from the site's root,
its `weeks` its own RECENT newest (a reader away longer sees the papers of those
weeks counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..domain.catalog import Catalog
from ..structure.urls import from_root
from .context import FileContext
from .json_text import as_script, compact_json

WEEKS = "assets/mkdocs_digest/weeks.json"
WEEKS_SCRIPT = "assets/mkdocs_digest/weeks.js"
RECENT = 52  # weeks of each series counted: a year
RECENT_CANDIDATES = 8  # the newest weeks "for you" ranks (formats/neighbours.py)


class NewWeeks:
    """Always written: every page marks what is new."""

    def wanted(self, context: FileContext) -> bool:
        return True

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        text = compact_json(weeks(context))
        yield WEEKS, (text,)
        if context.extras.offline:
            yield WEEKS_SCRIPT, as_script("weeks.json", (text,))


def weeks(context: FileContext) -> dict[str, object]:
    catalog, urls = context.catalog, context.urls
    pages: dict[str, str] = {}  # each series' listing page: its first
    for listing in context.listings:
        series = listing.series(catalog)
        if series is not None and listing.uris and listing.uris[0] in urls:
            pages.setdefault(series.folder, from_root(urls[listing.uris[0]]))
    found: list[dict[str, object]] = []
    for folder, series in sorted(catalog.series.items()):
        counts = {
            digest.date.isoformat(): len({e.paper.arxiv_id for e in digest.entries})
            for digest in series.digests[-RECENT:]
            if digest.date
        }
        if counts:
            found.append({"name": series.name, "url": pages.get(folder), "weeks": counts})
    site = papers_by_week(catalog, RECENT)
    return {
        "newest": max(site, default=None),
        "weeks": {day: len(ids) for day, ids in site.items()},
        "series": found,
    }


def papers_by_week(catalog: Catalog, newest: int) -> dict[str, list[str]]:
    """The papers of each of the site's `newest` weeks (ISO dates, oldest first), each
    paper once a week though several series list it."""
    weeks: dict[str, dict[str, None]] = {}
    for digest in catalog.digests.values():
        if digest.date:
            found = weeks.setdefault(digest.date.isoformat(), {})
            found.update((e.paper.arxiv_id, None) for e in digest.entries)
    return {week: list(weeks[week]) for week in sorted(weeks)[-newest:]}
