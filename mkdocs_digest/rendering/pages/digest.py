"""A digest page: its entries as cards, its header and its week pager. No MkDocs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ...domain.model import Digest, Entry, Paper
from ...formats.citations import bibtex, coins
from ..blocks import Block, BlockStore, Element, Heading, Html
from ..context import SiteContext
from ..lean_page import LeanPage, LeanPages, paper_text
from ..links import Link, Links


class DigestPage:
    def __init__(
        self, site: SiteContext, max_authors: int = 5, lean: LeanPages | None = None
    ) -> None:
        self.site = site
        self.max_authors = max_authors
        # With `lean`, cards are converted lean until the full page is rendered
        # (see lean_page.py): the plugin's way.
        self.lean = lean

    def digest_markdown(
        self, markdown: str, first_line: int, digest: Digest, links: Links, store: BlockStore
    ) -> str:
        """The page with its entries as card placeholders and a week pager at the end."""
        cards = {entry.line: entry for entry in digest.entries}
        view = self.lean.view(digest.page, links, self.card_body) if self.lean else None
        replacements = [
            (start, end, store.add(self.card(cards[start], links, view)) if start in cards else "")
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
            (self.site.topic_link(slug, self.site.catalog.topic_name(slug), links), n)
            for slug, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if slug in self.site.topic_pages
        ]
        papers = len({e.paper.arxiv_id for e in digest.entries})
        return Html(self.site.render("digest/digest_header.html", papers=papers, topics=topics))

    def card(self, entry: Entry, links: Links, view: LeanPage[Entry] | None = None) -> Block:
        """The card; lean (its body the paper's search text) when `view` is given."""
        paper = entry.paper
        heading_id = f"{entry.anchor}-title"
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
        if view is not None:
            body = view.add(entry, paper_text(paper))
        else:
            body = self.card_body(entry, links)
        return Element("article", attrs, (heading, Html(body)))

    def card_body(self, entry: Entry, links: Links) -> str:
        """What a card shows under its title."""
        paper = entry.paper
        body = self.site.render(
            "digest/card.html",
            entry=entry,
            paper=paper,
            topics=[
                self.site.topic_link(t.slug, self.site.catalog.topic_name(t.slug), links)
                for t in paper.topics
                if t.slug in self.site.topic_pages  # not one that gave way to a site page
            ],
            others=[
                self._appearance_link(o, entry, links)
                for o in self.site.catalog.others(entry)
                if self.site.catalog.digests[o.page].series
            ],
            max_authors=self.max_authors,
            **self._citation(paper),
        )
        return body.strip()

    def _citation(self, paper: Paper) -> dict[str, str | None]:
        if not self.site.extras.citations:
            return {"bibtex": None, "coins": None}
        key = self.site.citation_keys[paper.arxiv_id]
        return {"bibtex": bibtex(paper, key), "coins": coins(paper)}

    def pager(self, digest: Digest, links: Links) -> Block | None:
        before, after = self.site.catalog.neighbours(digest)
        series = digest.series
        if before is None and after is None and series not in self.site.topic_pages:
            return None
        return Html(
            self.site.render(
                "digest/pager.html",
                previous=self.site.week_link(before, links) if before else None,
                next=self.site.week_link(after, links) if after else None,
                topic=self.site.topic_link(series, self.site.catalog.topic_name(series), links)
                if series in self.site.topic_pages
                else None,
            )
        )

    def _unread(self, lines: list[str]) -> Block:
        return Html(self.site.render("digest/unread.html", text="\n".join(lines)))

    def _appearance_link(self, entry: Entry, home: Entry, links: Links) -> Link:
        """The series of another appearance, with its week when it is not this one's."""
        digest = self.site.catalog.digests[entry.page]
        name = self.site.catalog.series_name(self.site.catalog.series[digest.folder])
        if digest.date and digest.date != self.site.catalog.digests[home.page].date:
            name = f"{name} ({digest.date.isoformat()})"
        return Link(name, links.to(entry.page, entry.anchor))


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
