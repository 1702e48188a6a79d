"""Topic and series pages: numbered pages of papers by week, and the archive of weeks.
No MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...domain.catalog import Series, Week
from ...domain.model import Digest, Entry, Paper
from ...formats.filter_index import FILTER_INDEX
from ...structure.layout import SitePage
from ...structure.pagination import window
from ..blocks import Block, Element, Heading, Html
from ..context import SiteContext, WeekLink, listing_of
from ..lean_page import LeanPages, list_text
from ..links import Link, Links


@dataclass(frozen=True)
class Row:
    """A paper on a topic page: where its card is, and its other topics."""

    paper: Paper
    url: str
    others: list[Link]


@dataclass(frozen=True)
class WeekRows:
    """A week of a topic's (or series') page: its papers' rows."""

    week: Week
    key: str  # the listing's topic slug or series folder


@dataclass(frozen=True)
class PagerLink:
    number: int  # 0 for a gap
    url: str
    current: bool


@dataclass(frozen=True)
class ArchiveRow:
    date: dt.date
    count: int
    url: str  # the week on its listing page
    digest: WeekLink | None


class ListingPages:
    def __init__(self, site: SiteContext, lean: LeanPages | None = None) -> None:
        self.site = site
        self.lean = lean  # weeks converted lean until the full page (see lean_page.py)

    def listing_page(self, page: SitePage, links: Links, title: bool) -> list[Block]:
        """Page `page.number` of a topic's or series' papers, week by week."""
        listing = listing_of(page)
        name = self.page_title(page)
        blocks: list[Block] = [Heading(1, f"listing-{page.number}", name)] if title else []
        blocks.append(
            Html(self.site.render("digest/listing_intro.html", **self._intro(page, links)))
        )
        view = self.lean.view(page.src_uri, links, self.week_html) if self.lean else None
        weeks: list[Block] = []
        for week in listing.pages[page.number - 1]:
            weeks.append(
                Heading(
                    2,
                    f"week-{week.date.isoformat()}",
                    self.site.labels["week_of"].format(date=week.date.isoformat()),
                )
            )
            rows = WeekRows(week, page.key)
            if view is not None:
                weeks.append(Html(view.add(rows, self._lean_week(rows))))
            else:
                weeks.append(Html(self.week_html(rows, links)))
        blocks.append(Element("div", (("class", "digest-listing-weeks"),), tuple(weeks)))
        pager = self._page_pager(page, links)
        return blocks + ([pager] if pager else [])

    def week_html(self, rows: WeekRows, links: Links) -> str:
        shown = [self._row(entry, rows.key, links) for entry in rows.week.entries]
        return self.site.render("digest/topic_week.html", rows=shown)

    def _lean_week(self, rows: WeekRows) -> str:
        """The words of each row: title, Japanese title, other topics."""
        catalog = self.site.catalog
        return list_text(
            (
                e.paper.title,
                e.paper.title_ja or "",
                *(
                    catalog.topic_name(s)
                    for s in sorted(catalog.topics_of(e.paper.arxiv_id) - {rows.key})
                ),
            )
            for e in rows.week.entries
        )

    def archive(self, page: SitePage, links: Links, title: bool) -> list[Block]:
        """Every week of a listing with its paper count, its page and its digest."""
        listing = listing_of(page)
        blocks: list[Block] = [Heading(1, "archive", self.page_title(page))] if title else []
        digests = self._series_digests(page)
        rows = [
            ArchiveRow(
                week.date,
                len(week.entries),
                links.to(listing.uris[listing.page_of(week)], f"week-{week.date.isoformat()}"),
                self.site.week_link(digests[week.date], links) if week.date in digests else None,
            )
            for week in listing.weeks
        ]
        first = Link(self._listing_name(page), links.to(listing.uris[0]))
        blocks.append(Html(self.site.render("digest/archive.html", rows=rows, listing=first)))
        return blocks

    def page_title(self, page: SitePage) -> str:
        if page.kind == "overview":
            return self.site.labels["overview_title"]
        name = self._listing_name(page)
        if page.role == "archive":
            return self.site.labels["archive_title"].format(name=name)
        if page.number > 1:
            return self.site.labels["page_title"].format(name=name, n=page.number)
        return name

    def _listing_name(self, page: SitePage) -> str:
        if page.kind == "topic":
            return self.site.catalog.topic_name(page.key)
        return self.site.catalog.series[page.key].name

    def _intro(self, page: SitePage, links: Links) -> dict[str, object]:
        listing = listing_of(page)
        count = sum(len(week.entries) for week in listing.weeks)
        return {
            "count": count,
            "weeks": len(listing.weeks),
            "overview": links.to(self.site.overview_page) if self.site.overview_page else None,
            "archive": links.to(listing.archive),
            "feed": links.root() + listing.feed if self._has_feed(page) else None,
            "bib": links.root() + listing.bib if self._has_bib(page) else None,
            "filter": {
                "key": f"{page.kind}:{page.key}",
                "index": links.script_root() + FILTER_INDEX,
                "root": links.script_root(),
            },
        }

    def _has_feed(self, page: SitePage) -> bool:
        return self.site.extras.feeds and page.kind == "topic"

    def _has_bib(self, page: SitePage) -> bool:
        return self.site.extras.citations and page.kind == "topic"

    def _page_pager(self, page: SitePage, links: Links) -> Block | None:
        listing = listing_of(page)
        total = len(listing.uris)
        if total < 2:
            return None
        numbers = [
            PagerLink(n or 0, links.to(listing.uris[n - 1]) if n else "", n == page.number)
            for n in window(page.number, total)
        ]
        return Html(
            self.site.render(
                "digest/pagination.html",
                numbers=numbers,
                previous=links.to(listing.uris[page.number - 2]) if page.number > 1 else None,
                next=links.to(listing.uris[page.number]) if page.number < total else None,
            )
        )

    def _series_digests(self, page: SitePage) -> dict[dt.date, Digest]:
        """The digests of the listing's own series by week (`sd/` for topic `sd`)."""
        if page.kind == "series":
            series: Series | None = self.site.catalog.series[page.key]
        else:
            series = self.site.catalog.series_of_topic(page.key)
        return {d.date: d for d in series.digests if d.date} if series else {}

    def _row(self, entry: Entry, slug: str, links: Links) -> Row:
        topics = self.site.catalog.topics_of(entry.paper.arxiv_id)
        others = [
            self.site.topic_link(s, self.site.catalog.topic_name(s), links)
            for s in sorted(topics - {slug})
            if s in self.site.topic_pages
        ]
        return Row(entry.paper, links.to(entry.page, entry.anchor), others)
