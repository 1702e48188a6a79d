"""A listing's archive: every week with its paper count, its page and its digest.
No MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...structure.layout import ArchivePage
from ..blocks import Block, Heading, Html
from ..context import RenderContext, WeekLink
from ..links import Link, Links


@dataclass(frozen=True)
class ArchiveRow:
    date: dt.date
    count: int
    url: str  # the week on its listing page
    digest: WeekLink | None


@dataclass(frozen=True)
class ArchiveView:
    title: str
    listing: Link  # its first page
    rows: tuple[ArchiveRow, ...]


class ArchiveRenderer:
    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def title(self, page: ArchivePage) -> str:
        name = page.listing.name(self.context.catalog)
        return self.context.labels["archive_title"].format(name=name)

    def view(self, page: ArchivePage, links: Links) -> ArchiveView:
        listing = page.listing
        series = listing.series(self.context.catalog)
        digests = {d.date: d for d in series.digests if d.date} if series else {}
        rows = tuple(
            ArchiveRow(
                week.date,
                len(week.entries),
                links.to(listing.uris[listing.page_of(week)], f"week-{week.date.isoformat()}"),
                self.context.week_link(digests[week.date], links) if week.date in digests else None,
            )
            for week in listing.weeks
        )
        first = Link(listing.name(self.context.catalog), links.to(listing.uris[0]))
        return ArchiveView(self.title(page), first, rows)

    def blocks(self, page: ArchivePage, view: ArchiveView, title: bool) -> list[Block]:
        blocks: list[Block] = [Heading(1, "archive", view.title)] if title else []
        html = self.context.render("digest/archive.html", rows=view.rows, listing=view.listing)
        return [*blocks, Html(html)]
