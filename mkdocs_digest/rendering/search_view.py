"""What a search plugin reads of a digest page. No MkDocs.

Search plugins (MkDocs' own and Material's) index a page by parsing its whole HTML
with Python's `html.parser`, and a card's markup (chips, buttons, lists, labels) is
most of a digest page: parsing it was half of a real-size build. While they index a
page, each card body is swapped for one paragraph of the paper's text, so every
paper is still one search entry (its title heading, at the card's anchor) that finds
it by title, Japanese title, authors, summary, remark and comment. Then the bodies
are swapped back; what else the search plugin changed on the page stays.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..domain.model import Paper

_MARKUP = re.compile(r"[*`]+")  # Markdown emphasis and code marks: not words to find


def paper_text(paper: Paper) -> str:
    """One paragraph of what a reader searches a paper by."""
    parts = [paper.title_ja or "", ", ".join(paper.authors), *paper.summary]
    parts += [paper.commentary or "", paper.comment or ""]
    text = _MARKUP.sub("", " ".join(" ".join(p.split()) for p in parts if p))
    return "<p>" + html.escape(text) + "</p>"


# Where each card's body is in the page: after its heading, up to the card's end.
# Digest text in between is escaped, so neither tag can come from it.
_CARD = re.compile(r'<article [^>]*class="digest-card"')
_HEADING_END = "</h3>"
_CARD_END = "</article>"


@dataclass
class SearchView:
    """The search text of each card of one page, in page order.

    Only the texts are kept from the page's Markdown to its indexing: the bodies are
    read from the page's HTML while it is indexed, so a build does not hold every
    page's cards twice.
    """

    texts: list[str] = field(default_factory=list)
    _swapped: list[tuple[str, str]] = field(default_factory=list)  # (text, body)

    def add(self, text: str) -> None:
        self.texts.append(text)

    def lean(self, content: str) -> str:
        """Each card's body by its text."""
        out: list[str] = []
        at = 0
        self._swapped = []
        for text in self.texts:
            card = _CARD.search(content, at)
            heading = content.find(_HEADING_END, card.end()) if card else -1
            if heading < 0:
                break
            body_start = heading + len(_HEADING_END)
            body_end = content.find(_CARD_END, body_start)
            if body_end < 0:
                break
            self._swapped.append((text, content[body_start:body_end]))
            out += [content[at:body_start], text]
            at = body_end
        out.append(content[at:])
        return "".join(out)

    def full(self, content: str) -> str:
        """The bodies back in place of their texts."""
        swapped, self._swapped = self._swapped, []
        return _swap(content, swapped)


def _swap(content: str, swaps: list[tuple[str, str]]) -> str:
    """Each `old` by its `new`, in page order; an `old` not found is left alone."""
    out: list[str] = []
    at = 0
    for old, new in swaps:
        found = content.find(old, at)
        if found < 0:
            continue
        out += [content[at:found], new]
        at = found + len(old)
    out.append(content[at:])
    return "".join(out)
