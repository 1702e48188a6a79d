"""A numbered page of a topic's or series' papers, week by week. No MkDocs.

`ListingRenderer.view` gathers what the page shows into a `ListingView`; the page is
rendered from the view alone, which also tells an incremental build whether the
page must be rendered again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...domain.catalog import Week
from ...domain.model import Entry, Paper, Published
from ...formats.filter_index import listing_index
from ...structure.layout import Listing, ListingPage
from ...structure.pagination import window
from ..blocks import Block, Element, Heading, Html
from ..context import RenderContext
from ..lean_page import LeanPage, LeanPages, no_text
from ..links import Link, Links

TOPIC_WEEK = "digest/topic_week.html"


ROW_AUTHORS = 3  # the first authors a row names; the rest are counted


@dataclass(frozen=True)
class Row:
    """A paper on a listing: its titles, first authors and submission date, where its
    card is, its other topics' pages.

    A row shows that much of its paper: an edit of its bullets leaves the listing as
    it is. A site that overrides the row template may show any of the paper: then
    `shown` is the whole paper, and every edit of it renders the listing again.
    """

    paper: Paper = field(compare=False)
    shown: object  # what the row template shows of `paper`
    url: str
    others: tuple[Link, ...]

    @property
    def title(self) -> str:
        return self.paper.title.strip()

    @property
    def title_ja(self) -> str:
        return (self.paper.title_ja or "").strip()

    @property
    def authors(self) -> tuple[str, ...]:
        return self.paper.authors[:ROW_AUTHORS]

    @property
    def more_authors(self) -> int:
        return max(0, len(self.paper.authors) - ROW_AUTHORS)

    @property
    def published(self) -> Published | None:
        return self.paper.published


@dataclass(frozen=True)
class WeekView:
    date: dt.date
    heading: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class FilterView:
    key: str  # the listing in the filter's index: `topic:sd`
    index: str  # the index's URL
    root: str  # the site's root, which the index's page URLs are relative to


@dataclass(frozen=True)
class IntroView:
    count: int | None  # on the first page only: a new week changes it
    weeks: int | None
    overview: str | None
    archive: str
    feed: str | None
    bib: str | None
    filter: FilterView


@dataclass(frozen=True)
class PagerLink:
    number: int  # 0 for a gap
    url: str
    current: bool


@dataclass(frozen=True)
class PaginationView:
    numbers: tuple[PagerLink, ...]
    previous: str | None
    next: str | None


@dataclass(frozen=True)
class ListingView:
    title: str
    number: int
    intro: IntroView
    weeks: tuple[WeekView, ...]
    pagination: PaginationView | None


class ListingRenderer:
    def __init__(self, context: RenderContext, lean: LeanPages | None = None) -> None:
        self.context = context
        self.lean = lean  # weeks converted lean until the full page (see lean_page.py)
        self.own_rows = not context.overridden(TOPIC_WEEK)

    def title(self, page: ListingPage) -> str:
        name = page.listing.name(self.context.catalog)
        if page.number > 1:
            return self.context.labels["page_title"].format(name=name, n=page.number)
        return name

    def view(self, page: ListingPage, links: Links) -> ListingView:
        listing = page.listing
        weeks = tuple(
            self._week(week, listing.key, links) for week in listing.pages[page.number - 1]
        )
        return ListingView(
            title=self.title(page),
            number=page.number,
            intro=self._intro(listing, links, counted=page.number == 1),
            weeks=weeks,
            pagination=self._pagination(page, links),
        )

    def blocks(self, page: ListingPage, view: ListingView, title: bool) -> list[Block]:
        """Page `view.number` of a topic's or series' papers, week by week."""
        blocks: list[Block] = [Heading(1, f"listing-{view.number}", view.title)] if title else []
        intro = view.intro
        blocks.append(
            Html(
                self.context.render(
                    "digest/listing_intro.html",
                    count=intro.count,
                    weeks=intro.weeks,
                    overview=intro.overview,
                    archive=intro.archive,
                    feed=intro.feed,
                    bib=intro.bib,
                    filter=intro.filter,
                )
            )
        )
        lean = self.lean.page(page.src_uri, self.week_html) if self.lean else None
        weeks: list[Block] = []
        # Search finds each paper at its card, and this page by its title: its weeks
        # are left out of the index (Material's search skips a marked heading's section;
        # Pagefind, MaterialX's search, a marked element).
        unsearched = (("data-search-exclude", ""),)
        for week in view.weeks:
            weeks.append(
                Heading(2, f"week-{week.date.isoformat()}", week.heading, None, unsearched)
            )
            weeks.append(Html(self._week_body(week, lean)))
        # Pagefind (MaterialX's search) leaves out a marked element, not a section.
        marked = (("class", "digest-listing-weeks"), ("data-pagefind-ignore", ""))
        blocks.append(Element("div", marked, tuple(weeks)))
        if view.pagination:
            blocks.append(self._pagination_block(view.pagination))
        return blocks

    def week_html(self, week: WeekView) -> str:
        return self.context.render(TOPIC_WEEK, rows=week.rows)

    def _week_body(self, week: WeekView, lean: LeanPage[WeekView] | None) -> str:
        if lean is None:
            return self.week_html(week)
        return lean.add(week, no_text())

    def _week(self, week: Week, key: str, links: Links) -> WeekView:
        heading = self.context.labels["week_of"].format(date=week.date.isoformat())
        return WeekView(week.date, heading, tuple(self._row(e, key, links) for e in week.entries))

    def _row(self, entry: Entry, key: str, links: Links) -> Row:
        context = self.context
        catalog = context.catalog
        paper = entry.paper
        other = sorted(catalog.topics_of(paper.arxiv_id) - {key})
        return Row(
            paper=paper,
            shown=_shown(paper) if self.own_rows else paper,
            url=links.to(entry.page, entry.anchor),
            others=tuple(
                context.topic_link(s, catalog.topic_name(s), links)
                for s in other
                if s in context.topic_pages
            ),
        )

    def _intro(self, listing: Listing, links: Links, counted: bool) -> IntroView:
        extras = self.context.extras
        overview = self.context.overview_page
        return IntroView(
            count=sum(len(week.entries) for week in listing.weeks) if counted else None,
            weeks=len(listing.weeks) if counted else None,
            overview=links.to(overview) if overview else None,
            archive=links.to(listing.archive),
            feed=links.root() + listing.feed if extras.feeds and listing.has_files else None,
            bib=links.root() + listing.bib if extras.citations and listing.has_files else None,
            filter=FilterView(
                key=f"{listing.kind}:{listing.key}",
                index=links.script_root() + listing_index(listing),
                root=links.script_root(),
            ),
        )

    def _pagination(self, page: ListingPage, links: Links) -> PaginationView | None:
        uris = page.listing.uris
        total, number = len(uris), page.number
        if total < 2:
            return None
        return PaginationView(
            tuple(
                PagerLink(n or 0, links.to(uris[n - 1]) if n else "", n == number)
                for n in window(number, total)
            ),
            links.to(uris[number - 2]) if number > 1 else None,
            links.to(uris[number]) if number < total else None,
        )

    def _pagination_block(self, pagination: PaginationView) -> Block:
        return Html(
            self.context.render(
                "digest/pagination.html",
                numbers=pagination.numbers,
                previous=pagination.previous,
                next=pagination.next,
            )
        )


def _shown(paper: Paper) -> object:
    """What the plugin's row template shows of a paper."""
    authors = paper.authors
    return (paper.title, paper.title_ja, authors[:ROW_AUTHORS], len(authors), paper.published)
