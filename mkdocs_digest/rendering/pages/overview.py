"""The topics overview: counts, charts of papers per week, and shared papers. No MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.catalog import TopicIndex, Week
from .. import charts
from ..blocks import Block, Heading, Html
from ..context import SiteContext
from ..links import Link, Links


@dataclass(frozen=True)
class OverviewRow:
    link: Link
    index: TopicIndex
    chart: str  # inline SVG, built from numbers only
    archive: str


class OverviewPage:
    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def blocks(self, links: Links, title: bool) -> list[Block]:
        heading = self.site.labels["overview_title"]
        blocks: list[Block] = [Heading(1, "digest-topics", heading)] if title else []
        dates = self.site.catalog.week_dates
        pages = self.site.topic_pages
        ranked = sorted(
            # A topic whose page gave way to the site's own page has none to show.
            ((slug, index) for slug, index in self.site.catalog.topics.items() if slug in pages),
            key=lambda item: (-item[1].count, item[0]),
        )
        topics = [
            OverviewRow(
                self.site.topic_link(slug, index.topic.name, links),
                index,
                charts.weekly_bars(
                    _counts(index.weeks, dates),
                    dates,
                    self.site.labels["chart_label"].format(topic=index.topic.name),
                    self.site.labels["chart_summary"],
                    f"digest-chart-{slug}",
                ),
                links.to(self.site.listings[("topic", slug)].archive),
            )
            for slug, index in ranked
        ]
        shared = self.site.catalog.shared()
        data = self.site.extras.papers_json
        data = links.root() + data if data else None
        blocks.append(Html(self.site.render("digest/overview.html", topics=topics, data=data)))
        if len(topics) > 1:
            blocks.append(Heading(2, "digest-shared", self.site.labels["shared_title"]))
            slugs = [row.index.topic.slug for row in topics]
            matrix = [[shared[min(a, b), max(a, b)] for b in slugs] for a in slugs]
            blocks.append(
                Html(self.site.render("digest/shared.html", topics=topics, matrix=matrix))
            )
        return blocks


def _counts(weeks: Sequence[Week], dates: Sequence[dt.date]) -> list[int]:
    by_date = {week.date: len(week.entries) for week in weeks}
    return [by_date.get(date, 0) for date in dates]
