"""A digest page: its entries as cards, its header and its week pager. No MkDocs.

`DigestRenderer.view` gathers everything the page shows besides its own text into
a `DigestView`; the page is rendered from that view alone, so the view is also what
tells an incremental build whether the page must be rendered again.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ...domain.model import Digest, Entry, Paper
from ...domain.related import Related
from ...formats.citations import coins
from ..around import around_blocks
from ..blocks import Block, BlockStore, Element, Heading, Html
from ..context import RenderContext, WeekLink
from ..lean_page import LeanPage, LeanPages, lean_body, no_text
from ..links import Link, Links


@dataclass(frozen=True)
class RelatedView:
    """A related paper: its title, linking to its home card, and why it is related."""

    link: Link
    authors: tuple[str, ...]  # the authors both papers share
    words: tuple[str, ...]  # else the words they share; neither: the same topic


@dataclass(frozen=True)
class CardView:
    """A card: its entry (the paper as this page has it), the topic pages it links
    to, the paper's other appearances, its citation key (None without citations),
    whether it is the paper's home card, the one search finds, and its page's week
    (ISO; "" undated), by which the browser marks it new since a reader's last visit."""

    entry: Entry
    topics: tuple[Link, ...]
    others: tuple[Link, ...]
    citation_key: str | None
    home: bool
    related: tuple[RelatedView, ...] = ()
    week: str = ""

    @property
    def paper(self) -> Paper:
        return self.entry.paper


@dataclass(frozen=True)
class HeaderView:
    papers: int
    topics: tuple[tuple[Link, int], ...]  # each topic page, with its papers here


@dataclass(frozen=True)
class PagerView:
    previous: WeekLink | None
    next: WeekLink | None
    topic: Link | None  # the series' topic page


@dataclass(frozen=True)
class DigestView:
    """What a digest page shows besides its own text."""

    header: HeaderView | None  # only a digest in a series has one
    cards: tuple[CardView, ...]
    pager: PagerView | None


class DigestRenderer:
    def __init__(
        self, context: RenderContext, max_authors: int = 5, lean: LeanPages | None = None
    ) -> None:
        self.context = context
        self.max_authors = max_authors
        # With `lean`, cards are converted lean until the full page is rendered
        # (see lean_page.py): the plugin's way.
        self.lean = lean

    def view(self, digest: Digest, links: Links) -> DigestView:
        return DigestView(
            self._header(digest, links) if digest.series else None,
            tuple(self._card(entry, links) for entry in digest.entries),
            self._pager(digest, links),
        )

    def digest_markdown(
        self, markdown: str, first_line: int, digest: Digest, links: Links, store: BlockStore
    ) -> str:
        """The page with its entries as card placeholders and a week pager at the end."""
        view = self.view(digest, links)
        cards = {card.entry.line: card for card in view.cards}
        lean = self.lean.page(digest.page, self.card_body) if self.lean else None
        replacements = [
            (start, end, store.add(self.card(cards[start], lean)) if start in cards else "")
            for start, end in digest.spans
        ]
        source = markdown.split("\n")
        replacements += [
            (start, end, store.add(self._unread(source[start - first_line : end - first_line])))
            for start, end in digest.unread
            if start >= first_line
        ]
        markdown = splice(markdown, first_line, sorted(replacements))
        if view.header:
            markdown = _after_title(markdown, store.add(self._header_block(view.header)))
        if view.pager:
            markdown += store.add(self._pager_block(view.pager))
        return _around_as_blocks(markdown, store, links)

    def card(self, card: CardView, lean: LeanPage[CardView] | None = None) -> Block:
        """The card; lean (its body the paper's search text) with a `lean` page."""
        entry, paper = card.entry, card.paper
        heading_id = f"{entry.anchor}-title"
        attrs = (
            ("class", "digest-card"),
            ("id", entry.anchor),
            ("aria-labelledby", heading_id),
            ("data-arxiv-id", paper.arxiv_id),
            ("data-topics", " ".join(t.slug for t in paper.topics)),
            *((("data-digest-week", card.week),) if card.week else ()),
        )
        # Search finds a paper once, at its home card: Material's search leaves out
        # the section of a heading marked so (the card, up to the next heading). With
        # the plugin's own paper search, the theme's index holds no paper at all; the
        # home card keeps the paper's words for the plugins that read the page.
        indexed = card.home and not self.context.extras.paper_search
        searched = () if indexed else (("data-search-exclude", ""),)
        if not indexed:  # Pagefind's (MaterialX's search) mark: on the whole card
            attrs += (("data-pagefind-ignore", ""),)
        heading = Heading(
            3,
            heading_id,
            paper.title.strip(),
            paper.abs_url,
            (("class", "digest-card__title"), ("lang", "en"), *searched),
        )
        if lean is None:
            body = self.card_body(card)
        else:
            body = lean.add(card, lean_body(paper) if card.home else no_text())
        return Element("article", attrs, (heading, Html(body)))

    def card_body(self, card: CardView) -> str:
        """What a card shows under its title."""
        paper, key = card.paper, card.citation_key
        body = self.context.render(
            "digest/card.html",
            entry=card.entry,
            paper=paper,
            topics=card.topics,
            others=card.others,
            related=card.related,
            max_authors=self.max_authors,
            cite=key is not None,
            coins=coins(paper) if key is not None else None,
        )
        return body.strip()

    def _card(self, entry: Entry, links: Links) -> CardView:
        context = self.context
        catalog = context.catalog
        return CardView(
            entry,
            tuple(
                context.topic_link(t.slug, catalog.topic_name(t.slug), links)
                for t in entry.paper.topics
                if t.slug in context.topic_pages  # not one that gave way to a site page
            ),
            tuple(
                self._appearance_link(o, entry, links)
                for o in catalog.others(entry)
                if catalog.digests[o.page].series
            ),
            context.citation_keys[entry.paper.arxiv_id] if context.extras.citations else None,
            _at(catalog.home(entry.paper.arxiv_id), entry),
            tuple(self._related(r, links) for r in context.related.get(entry.paper.arxiv_id, ())),
            _week(catalog.digests[entry.page]),
        )

    def _related(self, related: Related, links: Links) -> RelatedView:
        title, home = self._homes[related.arxiv_id]
        return RelatedView(
            Link(title, links.to(home.page, home.anchor)), related.authors, related.words
        )

    @functools.cached_property
    def _homes(self) -> dict[str, tuple[str, Entry]]:
        """Each related paper's title and home card: every page's view asks (the
        fingerprints of `serve --dirty` ask for all of them), tens of thousands of times."""
        catalog = self.context.catalog
        ids = {r.arxiv_id for rs in self.context.related.values() for r in rs}
        homes = {arxiv_id: catalog.home(arxiv_id) for arxiv_id in ids}
        return {i: (" ".join(home.paper.title.split()), home) for i, home in homes.items()}

    @functools.cached_property
    def _series_names(self) -> dict[str, str]:
        """Each series folder's name: asked for every other appearance of every paper."""
        catalog = self.context.catalog
        return {folder: catalog.series_name(s) for folder, s in catalog.series.items()}

    def _header(self, digest: Digest, links: Links) -> HeaderView:
        """How many papers the digest holds, and its topics with their counts."""
        counts: Counter[str] = Counter(t.slug for e in digest.entries for t in e.paper.topics)
        topics = tuple(
            (self.context.topic_link(slug, self.context.catalog.topic_name(slug), links), n)
            for slug, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if slug in self.context.topic_pages
        )
        return HeaderView(len({e.paper.arxiv_id for e in digest.entries}), topics)

    def _header_block(self, header: HeaderView) -> Block:
        return Html(
            self.context.render(
                "digest/digest_header.html", papers=header.papers, topics=header.topics
            )
        )

    def _pager(self, digest: Digest, links: Links) -> PagerView | None:
        context = self.context
        before, after = context.catalog.neighbours(digest)
        series = digest.series
        topic = None
        if series is not None and series in context.topic_pages:
            topic = context.topic_link(series, context.catalog.topic_name(series), links)
        if before is None and after is None and topic is None:
            return None
        return PagerView(
            context.week_link(before, links) if before else None,
            context.week_link(after, links) if after else None,
            topic,
        )

    def _pager_block(self, pager: PagerView) -> Block:
        return Html(
            self.context.render(
                "digest/pager.html", previous=pager.previous, next=pager.next, topic=pager.topic
            )
        )

    def _unread(self, lines: list[str]) -> Block:
        return Html(self.context.render("digest/unread.html", text="\n".join(lines)))

    def _appearance_link(self, entry: Entry, home: Entry, links: Links) -> Link:
        """The series of another appearance, with its week when it is not this one's."""
        catalog = self.context.catalog
        digest = catalog.digests[entry.page]
        name = self._series_names[digest.folder]
        if digest.date and digest.date != catalog.digests[home.page].date:
            name = f"{name} ({digest.date.isoformat()})"
        return Link(name, links.to(entry.page, entry.anchor))


def _around_as_blocks(markdown: str, store: BlockStore, links: Links) -> str:
    """The page's own text between its placeholders as blocks too (around.py): what
    the site's Markdown gets of a digest is placeholders only."""
    token = store.pattern()
    out: list[str] = []
    gap: list[str] = []

    def place_gap() -> None:
        blocks = around_blocks("\n".join(gap), links.resolve)
        out.append(store.add(*blocks) if blocks else "")
        gap.clear()

    for line in markdown.split("\n"):
        if token.match(line):
            place_gap()
            out.append(line)
        else:
            gap.append(line)
    place_gap()
    return "\n".join(out)


def _at(home: Entry, entry: Entry) -> bool:
    # By place, not identity: a page another plugin changed is parsed again.
    return (home.page, home.anchor) == (entry.page, entry.anchor)


_H1 = re.compile(r"\A(\s*#[ \t][^\n]*\n)")


def _after_title(markdown: str, block: str) -> str:
    """`block` under the page's own `# title` line, or first when it has none."""
    m = _H1.match(markdown)
    return m.group(1) + block + markdown[m.end() :] if m else block + markdown


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


def _week(digest: Digest) -> str:
    return digest.date.isoformat() if digest.date else ""
