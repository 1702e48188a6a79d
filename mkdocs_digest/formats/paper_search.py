"""What the site search needs to answer paper queries itself. No MkDocs.

Material's search builds a lunr index in the reader's browser from every word of the
site: at the real size (3,000 papers) it answered after 16 s, and its Japanese word
splitting (TinySegmenter) splits the index's text and the typed query differently, so
a word typed from a title is not found. The plugin knows its papers, so digest.js
answers paper queries in the theme's search box from the filter's index (titles,
authors, categories, each paper's home card) and the text below, by substring:
ready once two JSON files are fetched, and any word found wherever it stands.

    assets/mkdocs_digest/papers-text.json:
    {"text": ["<arXiv id's paper: summary, remark, comment as one line>", ...]}

aligned with the filter index's papers; each page's `<head>` says where both are
(head.ScriptSettings).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial

from ..domain.cache import Memo
from ..domain.catalog import Catalog
from ..domain.model import Paper
from .context import FileContext
from .json_text import compact_json

PAPERS_TEXT = "assets/mkdocs_digest/papers-text.json"

_MARKUP = re.compile(r"[*`]+")  # Markdown emphasis and code marks: not words to find
_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")  # a Markdown link: its text is the words


def searched_text(paper: Paper) -> str:
    """What a paper is searched by besides its titles, authors and categories."""
    parts = [*paper.summary, paper.commentary or "", paper.comment or ""]
    text = " ".join(" ".join(p.split()) for p in parts if p)
    return _MARKUP.sub("", _LINK.sub(r"\1", text))


def papers_text(catalog: Catalog, memo: Memo) -> Iterator[str]:
    """The file, a paper at a time, in the filter index's order of papers."""
    memo.start(PAPERS_TEXT)  # a paper's text is its own: no context
    yield '{"text":['
    for n, arxiv_id in enumerate(catalog.appearances):
        paper = catalog.paper(arxiv_id)
        yield ("," if n else "") + memo.get(("text", paper), partial(_text, paper))
    yield "]}"


def _text(paper: Paper) -> str:
    return compact_json(searched_text(paper))


class PaperTexts:
    """Written where the theme's search box answers paper queries (`paper_search`)."""

    def wanted(self, context: FileContext) -> bool:
        return context.extras.paper_search

    def files(self, context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
        yield PAPERS_TEXT, papers_text(context.catalog, context.memo.part(PAPERS_TEXT))
