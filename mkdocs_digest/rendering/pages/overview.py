"""The topics overview: counts, charts of papers per week, and shared papers. No MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...domain.catalog import TopicIndex, Week
from ...structure.layout import OverviewPage, TopicListing
from .. import charts
from ..blocks import Block, Heading, Html
from ..context import RenderContext
from ..links import Link, Links


@dataclass(frozen=True)
class OverviewRow:
    link: Link
    # The topic's index, for a template of the site's own; the overview shows its
    # count, newest week and chart, which the fields below hold.
    index: TopicIndex = field(compare=False, repr=False)
    count: int
    latest: dt.date | None  # its newest week
    chart: str  # inline SVG, built from numbers only
    archive: str


@dataclass(frozen=True)
class OverviewView:
    title: str
    rows: tuple[OverviewRow, ...]
    shared: tuple[tuple[int, ...], ...]  # [i][j]: papers in both topics i and j
    data: str | None  # papers.json's URL


class OverviewRenderer:
    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def title(self, page: OverviewPage) -> str:
        return self.context.labels["overview_title"]

    def view(self, page: OverviewPage, links: Links) -> OverviewView:
        catalog = self.context.catalog
        pages = self.context.topic_pages
        ranked = sorted(
            # A topic whose page gave way to the site's own page has none to show.
            ((slug, index) for slug, index in catalog.topics.items() if slug in pages),
            key=lambda item: (-item[1].count, item[0]),
        )
        shared = catalog.shared()
        slugs = [slug for slug, _ in ranked]
        data = self.context.extras.papers_json
        return OverviewView(
            self.title(page),
            tuple(self._row(slug, index, links) for slug, index in ranked),
            tuple(tuple(shared[min(a, b), max(a, b)] for b in slugs) for a in slugs),
            links.root() + data if data else None,
        )

    def blocks(self, page: OverviewPage, view: OverviewView, title: bool) -> list[Block]:
        blocks: list[Block] = [Heading(1, "digest-topics", view.title)] if title else []
        render = self.context.render
        blocks.append(Html(render("digest/overview.html", topics=view.rows, data=view.data)))
        if len(view.rows) > 1:
            blocks.append(Heading(2, "digest-shared", self.context.labels["shared_title"]))
            blocks.append(Html(render("digest/shared.html", topics=view.rows, matrix=view.shared)))
        return blocks

    def _row(self, slug: str, index: TopicIndex, links: Links) -> OverviewRow:
        labels = self.context.labels
        dates = self.context.catalog.week_dates
        chart = charts.weekly_bars(
            _counts(index.weeks, dates),
            dates,
            labels["chart_label"].format(topic=index.topic.name),
            labels["chart_summary"],
            f"digest-chart-{slug}",
            self.context.counted,
        )
        return OverviewRow(
            link=self.context.topic_link(slug, index.topic.name, links),
            index=index,
            count=index.count,
            latest=index.weeks[0].date if index.weeks else None,
            chart=chart,
            archive=links.to(self.context.listings[(TopicListing.kind, slug)].archive),
        )


def _counts(weeks: Sequence[Week], dates: Sequence[dt.date]) -> list[int]:
    by_date = {week.date: len(week.entries) for week in weeks}
    return [by_date.get(date, 0) for date in dates]
