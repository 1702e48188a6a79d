"""Model -> blocks for cards, pagers and generated pages. No MkDocs.

Templates live in `templates/digest/` and are looked up on a search path, so a
theme's `custom_dir` can override any of them. Autoescape is on: digest text only
reaches HTML escaped, or through the filters of `inline.py`.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..domain.catalog import Catalog, Series
from ..domain.model import Digest, Entry, Paper
from ..structure.layout import SitePage
from . import inline
from .blocks import Block, BlockStore, Element, Heading, Html

TEMPLATES = Path(__file__).parent.parent / "templates"


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
        self.topic_pages = {p.key: p.src_uri for p in pages if p.kind == "topic"}
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
                self._appearance_link(o, links)
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
        pager = self.pager(digest, links)
        return markdown + store.add(pager) if pager else markdown

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
        if page.kind == "topic":
            blocks = self.topic_page(page.key, links, title)
        elif page.kind == "series":
            blocks = self.series_page(page.key, links, title)
        else:
            blocks = self.overview(links, title)
        placeholder = store.add(*blocks)
        if marker in markdown:
            return markdown.replace(marker, placeholder, 1)
        return markdown + placeholder

    def topic_page(self, slug: str, links: Links, title: bool) -> list[Block]:
        index = self.catalog.topics[slug]
        series = self._series_of(slug)
        blocks: list[Block] = [Heading(1, f"topic-{slug}", index.topic.name)] if title else []
        blocks.append(
            Html(
                self._render(
                    "digest/topic_intro.html",
                    index=index,
                    overview=links.to(self.overview_page) if self.overview_page else None,
                )
            )
        )
        for week in index.weeks:
            blocks.append(
                Heading(
                    2,
                    f"week-{week.date.isoformat()}",
                    self.labels["week_of"].format(date=week.date.isoformat()),
                )
            )
            rows = [self._row(entry, slug, links) for entry in week.entries]
            blocks.append(Html(self._render("digest/topic_week.html", rows=rows)))
        if series is not None:
            blocks += self._weeks(series, links)
        return blocks

    def series_page(self, folder: str, links: Links, title: bool) -> list[Block]:
        series = self.catalog.series[folder]
        blocks: list[Block] = [Heading(1, f"series-{series.slug}", series.name)] if title else []
        return blocks + self._weeks(series, links)

    def overview(self, links: Links, title: bool) -> list[Block]:
        heading = self.labels["overview_title"]
        blocks: list[Block] = [Heading(1, "digest-topics", heading)] if title else []
        topics = [
            (self._topic_link(slug, index.topic.name, links), index)
            for slug, index in sorted(
                self.catalog.topics.items(), key=lambda item: (-item[1].count, item[0])
            )
        ]
        blocks.append(Html(self._render("digest/overview.html", topics=topics)))
        return blocks

    def page_title(self, page: SitePage) -> str:
        if page.kind == "topic":
            return self.catalog.topic_name(page.key)
        if page.kind == "series":
            return self.catalog.series[page.key].name
        return self.labels["overview_title"]

    # -- helpers -----------------------------------------------------------------

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(labels=self.labels, **context)

    def _unread(self, lines: list[str]) -> Block:
        return Html(self._render("digest/unread.html", text="\n".join(lines)))

    def _weeks(self, series: Series, links: Links) -> list[Block]:
        weeks = [self._week_link(d, links) for d in reversed(series.digests)]
        return [
            Heading(2, f"weeks-{series.slug}", self.labels["weekly_digests"]),
            Html(self._render("digest/series_weeks.html", series=series, weeks=weeks)),
        ]

    def _series_of(self, slug: str) -> Series | None:
        return next((s for s in self.catalog.series.values() if s.slug == slug), None)

    def _row(self, entry: Entry, slug: str, links: Links) -> Row:
        topics = {
            t.slug for e in self.catalog.appearances[entry.paper.arxiv_id] for t in e.paper.topics
        }
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

    def _appearance_link(self, entry: Entry, links: Links) -> Link:
        digest = self.catalog.digests[entry.page]
        return Link(digest.title or entry.page, links.to(entry.page, entry.anchor))


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
