"""Model -> blocks for cards, pagers and generated pages. No MkDocs.

Templates live in `templates/digest/` and are looked up on a search path, so a
theme's `custom_dir` can override any of them. Autoescape is on: digest text only
reaches HTML escaped, or through the filters of `inline.py`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..domain.catalog import Catalog, Series, TopicIndex, Week
from ..domain.labels import counted
from ..domain.model import Digest, Entry, Paper, is_arxiv_category
from ..domain.parser import code_lines
from ..structure.layout import Listing, SitePage
from ..structure.pagination import window
from . import charts, inline
from .blocks import Block, BlockStore, Element, Heading, Html

TEMPLATES = Path(__file__).parent.parent / "templates"
# The filter's index of every listing, written once per build (see filter_index.py).
FILTER_INDEX = "assets/mkdocs_digest/papers-index.json"


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


@dataclass(frozen=True)
class Row:
    """A paper on a topic page: where its card is, and its other topics."""

    paper: Paper
    url: str
    others: list[Link]


@dataclass(frozen=True)
class PagerLink:
    number: int  # 0 for a gap
    url: str
    current: bool


@dataclass(frozen=True)
class OverviewRow:
    link: Link
    index: TopicIndex
    chart: str  # inline SVG, built from numbers only
    archive: str


@dataclass(frozen=True)
class ArchiveRow:
    date: dt.date
    count: int
    url: str  # the week on its listing page
    digest: WeekLink | None


@dataclass(frozen=True)
class WeekLink:
    date: dt.date
    title: str
    url: str
    count: int


class Renderer:
    def __init__(
        self,
        catalog: Catalog,
        pages: Sequence[SitePage],
        search_path: Sequence[str | Path],
        labels: Mapping[str, str],
        max_authors: int = 5,
    ) -> None:
        self.catalog = catalog
        first = [p for p in pages if p.role == "listing" and p.number == 1]
        self.topic_pages = {p.key: p.src_uri for p in first if p.kind == "topic"}
        self.listings = {(p.kind, p.key): _listing(p) for p in first if p.listing}
        self.overview_page = next((p.src_uri for p in pages if p.kind == "overview"), None)
        self.labels = dict(labels)
        self.max_authors = max_authors
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            digest_inline=inline.inline,
            digest_paragraphs=inline.paragraphs,
            digest_document=inline.document,
            digest_squash=lambda text: re.sub(r"\s+", " ", str(text)).strip(),
        )
        self.env.tests["arxiv_category"] = is_arxiv_category

    # -- digest pages ------------------------------------------------------------

    def card(self, entry: Entry, links: Links) -> Block:
        paper = entry.paper
        heading_id = f"{entry.anchor}-title"
        body = self._render(
            "digest/card.html",
            entry=entry,
            paper=paper,
            topics=[
                self._topic_link(t.slug, self.catalog.topic_name(t.slug), links)
                for t in paper.topics
            ],
            others=[
                self._appearance_link(o, entry, links)
                for o in self.catalog.others(entry)
                if self.catalog.digests[o.page].series
            ],
            max_authors=self.max_authors,
        )
        attrs = (
            ("class", "digest-card"),
            ("id", entry.anchor),
            ("aria-labelledby", heading_id),
            ("data-arxiv-id", paper.arxiv_id),
            ("data-topics", " ".join(t.slug for t in paper.topics)),
        )
        heading = Heading(
            3,
            heading_id,
            paper.title.strip(),
            paper.abs_url,
            (("class", "digest-card__title"), ("lang", "en")),
        )
        return Element("article", attrs, (heading, Html(body)))

    def pager(self, digest: Digest, links: Links) -> Block | None:
        before, after = self.catalog.neighbours(digest)
        series = digest.series
        if before is None and after is None and series not in self.topic_pages:
            return None
        return Html(
            self._render(
                "digest/pager.html",
                previous=self._week_link(before, links) if before else None,
                next=self._week_link(after, links) if after else None,
                topic=self._topic_link(series, self.catalog.topic_name(series), links)
                if series in self.topic_pages
                else None,
            )
        )

    def digest_markdown(
        self, markdown: str, first_line: int, digest: Digest, links: Links, store: BlockStore
    ) -> str:
        """The page with its entries as card placeholders and a week pager at the end."""
        cards = {entry.line: entry for entry in digest.entries}
        replacements = [
            (start, end, store.add(self.card(cards[start], links)) if start in cards else "")
            for start, end in digest.spans
        ]
        source = markdown.split("\n")
        replacements += [
            (start, end, store.add(self._unread(source[start - first_line : end - first_line])))
            for start, end in digest.unread
            if start >= first_line
        ]
        markdown = splice(markdown, first_line, sorted(replacements))
        if digest.series:
            markdown = _after_title(markdown, store.add(self.digest_header(digest, links)))
        pager = self.pager(digest, links)
        return markdown + store.add(pager) if pager else markdown

    def digest_header(self, digest: Digest, links: Links) -> Block:
        """How many papers the digest holds, and its topics with their counts."""
        counts: Counter[str] = Counter(t.slug for e in digest.entries for t in e.paper.topics)
        topics = [
            (self._topic_link(slug, self.catalog.topic_name(slug), links), n)
            for slug, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if slug in self.topic_pages
        ]
        papers = len({e.paper.arxiv_id for e in digest.entries})
        return Html(self._render("digest/digest_header.html", papers=papers, topics=topics))

    # -- generated pages ---------------------------------------------------------

    def listing_markdown(
        self,
        markdown: str,
        page: SitePage,
        links: Links,
        store: BlockStore,
        marker: str,
        title: bool,
    ) -> str:
        """The page with its listing at `marker`, or at the end without one."""
        if page.kind == "overview":
            blocks = self.overview(links, title)
        elif page.role == "archive":
            blocks = self.archive(page, links, title)
        else:
            blocks = self.listing_page(page, links, title)
        return _at_marker(markdown, marker, store.add(*blocks))

    def listing_page(self, page: SitePage, links: Links, title: bool) -> list[Block]:
        """Page `page.number` of a topic's or series' papers, week by week."""
        listing = _listing(page)
        name = self.page_title(page)
        blocks: list[Block] = [Heading(1, f"listing-{page.number}", name)] if title else []
        blocks.append(Html(self._render("digest/listing_intro.html", **self._intro(page, links))))
        weeks: list[Block] = []
        for week in listing.pages[page.number - 1]:
            weeks.append(
                Heading(
                    2,
                    f"week-{week.date.isoformat()}",
                    self.labels["week_of"].format(date=week.date.isoformat()),
                )
            )
            rows = [self._row(entry, page.key, links) for entry in week.entries]
            weeks.append(Html(self._render("digest/topic_week.html", rows=rows)))
        blocks.append(Element("div", (("class", "digest-listing-weeks"),), tuple(weeks)))
        pager = self._page_pager(page, links)
        return blocks + ([pager] if pager else [])

    def archive(self, page: SitePage, links: Links, title: bool) -> list[Block]:
        """Every week of a listing with its paper count, its page and its digest."""
        listing = _listing(page)
        blocks: list[Block] = [Heading(1, "archive", self.page_title(page))] if title else []
        digests = self._series_digests(page)
        rows = [
            ArchiveRow(
                week.date,
                len(week.entries),
                links.to(listing.uris[listing.page_of(week)], f"week-{week.date.isoformat()}"),
                self._week_link(digests[week.date], links) if week.date in digests else None,
            )
            for week in listing.weeks
        ]
        first = Link(self._listing_name(page), links.to(listing.uris[0]))
        blocks.append(Html(self._render("digest/archive.html", rows=rows, listing=first)))
        return blocks

    def overview(self, links: Links, title: bool) -> list[Block]:
        heading = self.labels["overview_title"]
        blocks: list[Block] = [Heading(1, "digest-topics", heading)] if title else []
        dates = self.catalog.week_dates
        ranked = sorted(self.catalog.topics.items(), key=lambda item: (-item[1].count, item[0]))
        topics = [
            OverviewRow(
                self._topic_link(slug, index.topic.name, links),
                index,
                charts.weekly_bars(
                    _counts(index.weeks, dates),
                    dates,
                    self.labels["chart_label"].format(topic=index.topic.name),
                    self.labels["chart_summary"],
                    f"digest-chart-{slug}",
                ),
                links.to(self.listings[("topic", slug)].archive),
            )
            for slug, index in ranked
        ]
        shared = self.catalog.shared()
        blocks.append(Html(self._render("digest/overview.html", topics=topics)))
        if len(topics) > 1:
            blocks.append(Heading(2, "digest-shared", self.labels["shared_title"]))
            slugs = [row.index.topic.slug for row in topics]
            matrix = [[shared[min(a, b), max(a, b)] for b in slugs] for a in slugs]
            blocks.append(Html(self._render("digest/shared.html", topics=topics, matrix=matrix)))
        return blocks

    def page_title(self, page: SitePage) -> str:
        if page.kind == "overview":
            return self.labels["overview_title"]
        name = self._listing_name(page)
        if page.role == "archive":
            return self.labels["archive_title"].format(name=name)
        if page.number > 1:
            return self.labels["page_title"].format(name=name, n=page.number)
        return name

    def _listing_name(self, page: SitePage) -> str:
        if page.kind == "topic":
            return self.catalog.topic_name(page.key)
        return self.catalog.series[page.key].name

    def _intro(self, page: SitePage, links: Links) -> dict[str, object]:
        listing = _listing(page)
        count = sum(len(week.entries) for week in listing.weeks)
        return {
            "count": count,
            "weeks": len(listing.weeks),
            "overview": links.to(self.overview_page) if self.overview_page else None,
            "archive": links.to(listing.archive),
            "filter": {
                "key": f"{page.kind}:{page.key}",
                "index": links.root() + FILTER_INDEX,
                "root": links.root(),
            },
        }

    def _page_pager(self, page: SitePage, links: Links) -> Block | None:
        listing = _listing(page)
        total = len(listing.uris)
        if total < 2:
            return None
        numbers = [
            PagerLink(n or 0, links.to(listing.uris[n - 1]) if n else "", n == page.number)
            for n in window(page.number, total)
        ]
        return Html(
            self._render(
                "digest/pagination.html",
                numbers=numbers,
                previous=links.to(listing.uris[page.number - 2]) if page.number > 1 else None,
                next=links.to(listing.uris[page.number]) if page.number < total else None,
            )
        )

    def _series_digests(self, page: SitePage) -> dict[dt.date, Digest]:
        """The digests of the listing's own series by week (`sd/` for topic `sd`)."""
        if page.kind == "series":
            series: Series | None = self.catalog.series[page.key]
        else:
            series = self.catalog.series_of_topic(page.key)
        return {d.date: d for d in series.digests if d.date} if series else {}

    # -- helpers -----------------------------------------------------------------

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(
            labels=self.labels, counted=self._counted, **context
        )

    def _counted(self, key: str, n: int, **fields: object) -> str:
        return counted(self.labels, key, n, **fields)

    def _unread(self, lines: list[str]) -> Block:
        return Html(self._render("digest/unread.html", text="\n".join(lines)))

    def _row(self, entry: Entry, slug: str, links: Links) -> Row:
        topics = self.catalog.topics_of(entry.paper.arxiv_id)
        others = [
            self._topic_link(s, self.catalog.topic_name(s), links) for s in sorted(topics - {slug})
        ]
        return Row(entry.paper, links.to(entry.page, entry.anchor), others)

    def _topic_link(self, slug: str, name: str, links: Links) -> Link:
        return Link(name, links.to(self.topic_pages[slug]))

    def _week_link(self, digest: Digest, links: Links) -> WeekLink:
        date = digest.date or dt.date.min
        return WeekLink(
            date, digest.title or date.isoformat(), links.to(digest.page), len(digest.entries)
        )

    def _appearance_link(self, entry: Entry, home: Entry, links: Links) -> Link:
        """The series of another appearance, with its week when it is not this one's."""
        digest = self.catalog.digests[entry.page]
        name = self.catalog.series_name(self.catalog.series[digest.folder])
        if digest.date and digest.date != self.catalog.digests[home.page].date:
            name = f"{name} ({digest.date.isoformat()})"
        return Link(name, links.to(entry.page, entry.anchor))


def _at_marker(markdown: str, marker: str, block: str) -> str:
    """`block` at the first line that is only `marker`, outside code; else at the end.

    A page that shows the marker as an example, in a code block, keeps it as text.
    """
    lines = markdown.split("\n")
    code = code_lines(lines, comments=False)  # the marker is itself a comment
    for i, line in enumerate(lines):
        if i not in code and line.strip() == marker:
            return "\n".join([*lines[:i], block, *lines[i + 1 :]])
    return markdown + block


_H1 = re.compile(r"\A(\s*#[ \t][^\n]*\n)")


def _after_title(markdown: str, block: str) -> str:
    """`block` under the page's own `# title` line, or first when it has none."""
    m = _H1.match(markdown)
    return m.group(1) + block + markdown[m.end() :] if m else block + markdown


def _listing(page: SitePage) -> Listing:
    if page.listing is None:
        raise ValueError(f"{page.src_uri} is not a listing page")
    return page.listing


def _counts(weeks: Sequence[Week], dates: Sequence[dt.date]) -> list[int]:
    by_date = {week.date: len(week.entries) for week in weeks}
    return [by_date.get(date, 0) for date in dates]


def splice(markdown: str, first_line: int, replacements: Sequence[tuple[int, int, str]]) -> str:
    """Replace source line spans of `markdown`, whose first line is `first_line`.

    Spans are 1-based and end exclusive, sorted, numbered as in the whole source
    file (MkDocs hands plugins the page without its front matter).
    """
    lines = markdown.split("\n")
    out: list[str] = []
    cursor = 0
    for start, end, text in replacements:
        a, b = start - first_line, end - first_line
        if a < cursor or b > len(lines):
            continue  # a span outside what we were handed: leave that text alone
        out.extend(lines[cursor:a])
        out.append(text)
        cursor = b
    out.extend(lines[cursor:])
    return "\n".join(out)
