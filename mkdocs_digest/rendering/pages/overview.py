"""The topics overview: counts, charts of papers per week, and shared papers. No MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ...domain.catalog import TopicIndex, Week
from ...domain.model import html_id
from ...structure.layout import Listing, OverviewPage, SeriesListing, TopicListing
from .. import charts
from ..blocks import Block, Heading, Html
from ..context import RenderContext
from ..links import Link, Links

FREQUENT_AUTHORS = 3  # a topic's authors the overview names, of two papers or more
# The topics, most papers first, that the shared-papers table crosses: a table of
# every pair grows with the square of the topics (600 made 4 MB).
SHARED_TOPICS = 20


@dataclass(frozen=True)
class OverviewRow:
    """A topic, or a series without a topic (`all/`), with its figures."""

    link: Link  # its listing's first page
    # The topic's index (None for a series), for a template of the site's own; the
    # overview shows its count, newest week and chart, which the fields below hold.
    index: TopicIndex | None = field(compare=False, repr=False)
    count: int
    latest: dt.date | None  # its newest week
    chart: str  # inline SVG, built from numbers only
    archive: str
    bars: tuple[str, ...]  # each week with papers, in words: the chart as text
    authors: tuple[FrequentAuthor, ...] = ()  # a topic's most frequent authors


@dataclass(frozen=True)
class FrequentAuthor:
    name: str
    papers: int  # in the topic
    url: str | None  # the explorer, filtered to the author (None: no explorer)


@dataclass(frozen=True)
class OverviewView:
    title: str
    rows: tuple[OverviewRow, ...]  # the topics, most papers first
    series: tuple[OverviewRow, ...]  # the series without a topic of their own
    shared: tuple[tuple[int, ...], ...]  # [i][j]: papers in both topics i and j
    weeks: tuple[dt.date, dt.date] | None  # the charts' first and last week
    data: str | None  # papers.json's URL


class OverviewRenderer:
    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def title(self, page: OverviewPage) -> str:
        return self.context.labels["overview_title"]

    def view(self, page: OverviewPage, links: Links) -> OverviewView:
        catalog = self.context.catalog
        # A topic whose page gave way to the site's own page has none to show.
        listings = self.context.listings.values()
        topics = sorted(
            (lst for lst in listings if isinstance(lst, TopicListing)),
            key=lambda lst: (-catalog.topics[lst.key].count, lst.key),
        )
        slugs = [lst.key for lst in topics[:SHARED_TOPICS]]
        shared = catalog.shared(slugs)
        dates = catalog.week_dates
        data = self.context.extras.papers_json
        return OverviewView(
            title=self.title(page),
            rows=tuple(self._row(lst, links) for lst in topics),
            series=tuple(
                self._row(lst, links) for lst in listings if isinstance(lst, SeriesListing)
            ),
            shared=tuple(tuple(shared[min(a, b), max(a, b)] for b in slugs) for a in slugs),
            weeks=(dates[0], dates[-1]) if dates else None,
            data=links.root() + data if data else None,
        )

    def blocks(self, page: OverviewPage, view: OverviewView, title: bool) -> list[Block]:
        blocks: list[Block] = [Heading(1, "digest-topics", view.title)] if title else []
        render = self.context.render
        table = render(
            "digest/overview.html",
            topics=view.rows,
            series=view.series,
            weeks=view.weeks,
            data=view.data,
        )
        blocks.append(Html(table))
        if len(view.rows) > 1:
            crossed = view.rows[:SHARED_TOPICS]
            blocks.append(Heading(2, "digest-shared", self.context.labels["shared_title"]))
            blocks.append(Html(render("digest/shared.html", topics=crossed, matrix=view.shared)))
        return blocks

    def _row(self, listing: Listing, links: Links) -> OverviewRow:
        catalog = self.context.catalog
        labels = self.context.labels
        dates = catalog.week_dates
        name = listing.name(catalog)
        weeks = listing.weeks
        index = catalog.topics.get(listing.key) if isinstance(listing, TopicListing) else None
        key = html_id(listing.key if index else f"{listing.kind}-{listing.key}")
        counts = _counts(weeks, dates)
        counted = self.context.counted
        words = [
            labels["chart_bar"].format(date=d.isoformat(), n=n, papers=counted("n_papers", n))
            if n
            else ""
            for d, n in zip(dates, counts, strict=True)
        ]
        chart = charts.weekly_bars(
            counts,
            dates,
            labels["chart_label"].format(topic=name),
            labels["chart_summary"],
            f"digest-chart-{key}",
            counted,
            words,
        )
        return OverviewRow(
            link=Link(name, links.to(listing.uris[0])),
            index=index,
            count=index.count if index else sum(len(week.entries) for week in weeks),
            latest=weeks[0].date if weeks else None,
            chart=chart,
            archive=links.to(listing.archive),
            bars=tuple(w for w in words if w),
            authors=self._authors(index.topic.slug, links) if index else (),
        )

    def _authors(self, slug: str, links: Links) -> tuple[FrequentAuthor, ...]:
        explorer = self.context.explorer_page
        return tuple(
            FrequentAuthor(
                name, n, f"{links.to(explorer)}?author={quote(name, safe='')}" if explorer else None
            )
            for name, n in self.context.catalog.frequent_authors(slug, FREQUENT_AUTHORS)
        )


def _counts(weeks: Sequence[Week], dates: Sequence[dt.date]) -> list[int]:
    by_date = {week.date: len(week.entries) for week in weeks}
    return [by_date.get(date, 0) for date in dates]
