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


@dataclass
class SearchView:
    """Card bodies of one page (as placed in its HTML) and their search text."""

    swaps: list[tuple[str, str]] = field(default_factory=list)

    def add(self, body: str, text: str) -> None:
        self.swaps.append((body, text))

    def lean(self, content: str) -> str:
        return _swap(content, self.swaps)

    def full(self, content: str) -> str:
        return _swap(content, [(text, body) for body, text in self.swaps])


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
