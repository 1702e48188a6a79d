"""A digest page held lean: what search plugins read of it, and all a build keeps of
it. No MkDocs.

Search plugins (MkDocs' own and Material's) index a page by parsing its whole HTML
with Python's `html.parser`, and a card's markup (chips, buttons, lists, labels,
BibTeX) is most of a digest page: parsing it was half of a real-size build, and MkDocs
holds every page's HTML from its Markdown to the end of the build. So each card is
converted lean: its title heading (at the card's anchor) and one paragraph of the
paper's text, which search indexes as one entry per paper, found by title, Japanese
title, authors, summary, remark and comment. The card bodies are rendered just before
the theme renders the page, and the page is made lean again once it is written: a
build holds one page's cards at a time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..domain.model import Entry, Paper
from .links import Links

_MARKUP = re.compile(r"[*`]+")  # Markdown emphasis and code marks: not words to find


def paper_text(paper: Paper) -> str:
    """One paragraph of what a reader searches a paper by."""
    parts = [paper.title_ja or "", ", ".join(paper.authors), *paper.summary]
    parts += [paper.commentary or "", paper.comment or ""]
    text = _MARKUP.sub("", " ".join(" ".join(p.split()) for p in parts if p))
    return "<p>" + html.escape(text) + "</p>"


# Where each card's text is in the page: after its heading, up to the card's end.
# Digest text is escaped, so none of these tags can come from it.
_CARD = re.compile(r'<article [^>]*class="digest-card"')
_HEADING_END = "</h3>"
_CARD_END = "</article>"


@dataclass
class LeanPage:
    """The entries of one lean page's cards, in page order, and the links they use."""

    links: Links
    entries: list[Entry] = field(default_factory=list)
    lean: str | None = None  # the lean page, while its full one is rendered

    def add(self, entry: Entry) -> str:
        """The card's lean body."""
        self.entries.append(entry)
        return paper_text(entry.paper)

    def full(self, content: str, body: Callable[[Entry, Links], str]) -> str:
        """The page with each card's text replaced by its `body`; the lean page is kept
        to be put back (`self.lean`)."""
        self.lean = content
        out: list[str] = []
        at = 0
        for entry in self.entries:
            card = _CARD.search(content, at)
            heading = content.find(_HEADING_END, card.end()) if card else -1
            end = content.find(_CARD_END, heading) if heading >= 0 else -1
            if end < 0:
                break  # another plugin changed the page: leave the rest lean, not wrong
            start = heading + len(_HEADING_END)
            text = content[start:end].strip()  # the lean text, found without making it
            start = content.index(text, start)
            out += [content[at:start], body(entry, self.links)]
            at = start + len(text)
        out.append(content[at:])
        return "".join(out)
