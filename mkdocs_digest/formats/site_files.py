"""Every file the site gets besides its pages: one registered class per kind. No
MkDocs: the plugin and `generate` both write what `site_files` gives.

A new format is one class with `wanted` and `files` (formats/context.py) in its own
module, and one line in `SITE_FILES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .citations import BibFiles
from .context import FileContext, SiteFile
from .export import PapersJson
from .feeds import AtomFeeds
from .filter_index import FilterIndex
from .latest import LatestWeeks
from .neighbours import Neighbours
from .search_index import SearchIndex
from .weeks import NewWeeks

SITE_FILES: tuple[SiteFile, ...] = (
    FilterIndex(),
    SearchIndex(),
    PapersJson(),
    AtomFeeds(),
    BibFiles(),
    LatestWeeks(),
    NewWeeks(),
    Neighbours(),
)


def site_files(context: FileContext) -> Iterator[tuple[str, Iterable[str]]]:
    """(path in the site, its text in pieces), made one at a time: a caller that
    writes each piece before asking for the next holds one piece at a time. The
    memo gives back the very text objects it kept for the parts an edit left alone.
    The site's URLs are not part of its context (a new week adds URLs, and would make
    every part anew): a part made from URLs has them in its key."""
    catalog = context.catalog
    names = {slug: catalog.topic_name(slug) for slug in catalog.topics}
    context.memo.start((context.info, context.extras, context.look, names))
    for kind in SITE_FILES:
        if kind.wanted(context):
            yield from kind.files(context)
