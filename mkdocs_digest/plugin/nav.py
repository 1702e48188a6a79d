"""The compact nav plan (structure/nav.py) as MkDocs' Navigation objects."""

from __future__ import annotations

import html
from collections.abc import Iterable

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..structure.nav import NavPlan


def compact_nav(plan: NavPlan, nav: Navigation, files: Files) -> Navigation:
    """The automatic nav with the plugin's pages replaced by the plan.

    The site's other pages keep their place, the home page first.
    """

    def page(uri: str) -> Page | None:
        file = files.get_file_from_path(uri)
        return file.page if file is not None else None

    kept = _without(nav.items, plan.managed)
    home = [item for item in kept if isinstance(item, Page) and item.is_homepage]
    rest = [item for item in kept if item not in home]
    items: list[StructureItem] = list(home)
    overview = page(plan.overview) if plan.overview else None
    if overview is not None:
        items.append(overview)
    for section in plan.sections:
        children = [p for p in map(page, section.pages) if p is not None]
        if children:
            # Themes print nav titles unescaped, and a topic name is digest text.
            items.append(Section(html.escape(section.title), children))  # type: ignore[arg-type]
    items += rest
    return _navigation(items, files)


def _without(items: Iterable[StructureItem], managed: frozenset[str]) -> list[StructureItem]:
    kept: list[StructureItem] = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in managed:
            continue
        if isinstance(item, Section):
            item.children = _without(item.children, managed)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _navigation(items: list[StructureItem], files: Files) -> Navigation:
    pages = list(_pages(items))
    for file in files.documentation_pages():  # pages left out of the nav have no place
        if file.page is not None:
            file.page.parent = None
            file.page.previous_page = file.page.next_page = None
    for item in items:
        item.parent = None
    _link_parents(items)
    for before, current, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        current.previous_page, current.next_page = before, after
    return Navigation(items, pages)


def _link_parents(items: Iterable[StructureItem]) -> None:
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                child.parent = item
            _link_parents(item.children)


def _pages(items: Iterable[StructureItem]) -> Iterable[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
