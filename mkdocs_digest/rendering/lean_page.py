"""A page held lean: what search plugins read of it, and all a build keeps of it.
No MkDocs.

Search plugins (MkDocs' own and Material's) index a page by parsing its whole HTML
with Python's `html.parser`, and MkDocs holds every page's HTML from its Markdown to
the end of the build. A card's markup (chips, buttons, lists, labels, BibTeX) is most
of a digest page, a row's (links, chips) most of a topic page: parsing it was half of
a real-size build. So a page's cards and topic weeks are converted lean. A paper's
home card (`Catalog.home`) is its title heading (at the card's anchor) and one
paragraph of the paper's text, which search indexes as the paper's one entry, found
by title, arXiv id, Japanese title, authors, categories, summary, remark and comment.
Its other cards and the listings' weeks are their heading alone, marked for
Material's search to leave out, and an empty paragraph. Their full markup is
rendered just before the theme renders the page, and the page is made lean again
once it is written: a build holds one page's full HTML at a time.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ..domain.model import Paper
from ..formats.search_index import searched_text

# What marks a lean element. Digest text is escaped, so it cannot make one. A plugin
# that parses and writes the page's HTML again (glightbox) may write it `=""`.
_MARK = " data-digest-lean>"
_FOUND = re.compile(r' data-digest-lean(?:="")?>')

Part = TypeVar("Part")


def lean_body(paper: Paper) -> str:
    """A card's lean body: one paragraph of what a reader searches a paper by (the
    English title is the card's heading, which search takes as the entry's title)."""
    parts = [paper.arxiv_id, paper.title_ja or "", ", ".join(paper.authors)]
    parts += [" ".join(paper.categories), searched_text(paper)]
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return f"<p{_MARK}{html.escape(text)}</p>"


def no_text() -> str:
    """The lean body of a part search must not index (its section is excluded)."""
    return f"<p{_MARK}</p>"


@dataclass
class LeanPage(Generic[Part]):
    """The parts of one lean page (a card's view, a topic week's) in page order, and
    how each is rendered in full."""

    render: Callable[[Part], str]
    parts: list[Part] = field(default_factory=list)
    lean: str | None = None  # the lean page, while its full one is rendered
    missed: int = 0  # parts left lean: their markup was not found as it was written

    def add(self, part: Part, text: str) -> str:
        """`text`, the part's lean markup (`lean_body`, `no_text`)."""
        self.parts.append(part)
        return text

    def full(self, content: str) -> str:
        """The page with each lean part rendered in full; the lean page is kept to be
        put back (`self.lean`)."""
        self.lean = content
        out: list[str] = []
        at = 0
        self.missed = 0
        for n, part in enumerate(self.parts):
            found = _FOUND.search(content, at)
            mark = found.start() if found else -1
            start = content.rfind("<", at, mark) if mark >= 0 else -1
            tag = content[start + 1 : mark]
            end = content.find(f"</{tag}>", mark) if start >= 0 else -1
            if end < 0:
                # Another plugin changed the page: the rest stays lean, not wrong.
                self.missed = len(self.parts) - n
                break
            out += [content[at:start], self.render(part)]
            at = end + len(tag) + 3
        out.append(content[at:])
        return "".join(out)


class LeanPages:
    """A build's lean pages, each kept from its Markdown until it is written."""

    def __init__(self) -> None:
        self.pages: dict[str, LeanPage[Any]] = {}

    def page(self, page: str, render: Callable[[Part], str]) -> LeanPage[Part]:
        lean = self.pages[page] = LeanPage(render)
        return lean

    def full(self, page: str, content: str) -> str:
        """A page's HTML with its lean parts rendered in full."""
        view = self.pages.get(page)
        return view.full(content) if view else content

    def missed(self, page: str) -> int:
        """How many parts of the page last rendered in full were left lean."""
        view = self.pages.get(page)
        return view.missed if view else 0

    def written(self, page: str) -> str | None:
        """The lean HTML of a page rendered in full, now done with; None if none."""
        view = self.pages.pop(page, None)
        return view.lean if view else None
