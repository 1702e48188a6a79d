"""The whole-site paper explorer: a page digest.js fills from the filter's index.
No MkDocs.

Every paper of the site, newest first, narrowed by text and by facets (topic, arXiv
category, month, author), each with its counts for the current selection; the
selection lives in the URL. 3,000 papers never render at once: the results come a
page at a time. The reader's starred papers (localStorage) are a view of their own,
with their BibTeX to download or copy. Without JavaScript the page says so and
links to the topics.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...formats.filter_index import FILTER_INDEX
from ...structure.layout import ExplorerPage
from ..blocks import Block, Heading, Html
from ..context import RenderContext
from ..links import Links


@dataclass(frozen=True)
class ExplorerView:
    title: str
    root: str  # the site's root, from the page
    index: str  # the filter index, from the page
    overview: str | None  # the topics overview, for readers without JavaScript


class ExplorerRenderer:
    def __init__(self, context: RenderContext) -> None:
        self.context = context

    def title(self, page: ExplorerPage) -> str:
        return self.context.labels["explorer_title"]

    def view(self, page: ExplorerPage, links: Links) -> ExplorerView:
        overview = self.context.overview_page
        return ExplorerView(
            title=self.title(page),
            root=links.root(),
            index=links.root() + FILTER_INDEX,
            overview=links.to(overview) if overview else None,
        )

    def blocks(self, page: ExplorerPage, view: ExplorerView, title: bool) -> list[Block]:
        blocks: list[Block] = [Heading(1, "digest-explorer", view.title)] if title else []
        blocks.append(
            Html(
                self.context.render(
                    "digest/explorer.html",
                    root=view.root,
                    index=view.index,
                    overview=view.overview,
                )
            )
        )
        return blocks
